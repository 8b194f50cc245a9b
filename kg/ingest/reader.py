"""Read input paths into :class:`~kg.model.Article` records.

Inputs are ``.txt`` / ``.md`` files, folders of them (searched recursively, in
name order), and ``.jsonl`` corpora with one ``{"id", "text"}`` object a line
(optional ``title``, ``date``, ``url``, ``source``). A folder that holds a
build's output (``graph.ttl`` beside ``claims.jsonl``) is not read as input,
so ``kg build articles/ -o articles/out`` can be run again.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.fileio import json_lines, read_text
from kg.model import Article, clean_label

TEXT_SUFFIXES = (".txt", ".md")
CORPUS_SUFFIXES = (".jsonl",)
OPTIONAL_FIELDS = ("title", "date", "url", "source")
#: Files that, side by side, mark a folder as the output of ``kg build``.
OUTPUT_MARKERS = ("graph.ttl", "claims.jsonl")
#: A date that starts as ISO 8601 does (``2024-02-29``, ``2024-02-29T10:00``).
ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?", re.DOTALL)


def read_articles(paths: Iterable[str | os.PathLike[str]]) -> list[Article]:
    """All articles under ``paths``; raises :class:`InputError` on the first bad one."""
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for path in paths:
        for article, origin in _read_path(Path(path)):
            if article.id in seen:
                raise InputError(
                    f"{origin}: document id {article.id!r} was already read from "
                    f"{seen[article.id]}; give every document a unique id"
                )
            seen[article.id] = origin
            articles.append(article)
    if not articles:
        raise InputError(
            "no articles found in "
            + ", ".join(str(p) for p in paths)
            + "; give .txt/.md files, folders of them, or a .jsonl corpus"
        )
    return articles


def _read_path(path: Path) -> Iterator[tuple[Article, str]]:
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; check the path")
    if path.is_dir():
        outputs = {m.parent for m in path.rglob(OUTPUT_MARKERS[0]) if is_output_folder(m.parent)}
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in TEXT_SUFFIXES + CORPUS_SUFFIXES
            and not outputs.intersection(p.parents)
        )
        if not files:
            raise InputError(f"{path}: folder holds no .txt, .md or .jsonl files")
        for file in files:
            yield from _read_file(file)
    else:
        yield from _read_file(path)


def is_output_folder(path: Path) -> bool:
    """Whether ``path`` holds what ``kg build`` writes (and so is no input)."""
    return all((path / name).is_file() for name in OUTPUT_MARKERS)


def _read_file(path: Path) -> Iterator[tuple[Article, str]]:
    suffix = path.suffix.lower()
    if suffix in CORPUS_SUFFIXES:
        yield from _read_corpus(path)
    elif suffix in TEXT_SUFFIXES:
        # Line endings as Python's text mode reads them, so that offsets into
        # open(path).read() hold on files written on Windows too.
        text = read_text(path, expected="the article").replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise InputError(f"{path}: file is empty; remove it or add the article text")
        yield Article(id=path.name, text=text, title=_first_line(text)), str(path)
    else:
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'!r}; give .txt, .md or .jsonl files"
        )


def _read_corpus(path: Path) -> Iterator[tuple[Article, str]]:
    text = read_text(path, expected="a JSON-lines corpus")
    if not text.strip():
        raise InputError(f"{path}: corpus is empty; add one JSON object a line")
    for line in json_lines(path, text):
        where, row = line.where, line.data
        missing = [k for k in ("id", "text") if k not in row]
        if missing:
            raise InputError(
                f'{where}: missing field {missing[0]!r}; every line needs "id" and "text"'
            )
        if not isinstance(row["text"], str) or not row["text"].strip():
            raise InputError(f'{where}: "text" must be a non-empty string')
        extra = {name: _optional(where, name, row[name]) for name in OPTIONAL_FIELDS if name in row}
        yield Article(id=_article_id(where, row["id"]), text=row["text"], **extra), where


def _article_id(where: str, value: object) -> str:
    """A JSONL ``id``: a non-empty string, or a whole number written in digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    raise InputError(
        f'{where}: "id" must be a non-empty string or a whole number, not {_shown(value)}'
    )


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def _optional(where: str, name: str, value: object) -> str | None:
    """An optional field as text: a string, a number, or a list of them (joined with ", ")."""
    if value is None:
        return None
    if name != "date" and _scalar(value):
        text = str(value)
    elif name != "date" and isinstance(value, list) and all(v is None or _scalar(v) for v in value):
        text = ", ".join(str(v) for v in value if v not in (None, ""))
    elif isinstance(value, str):
        text = value
    else:
        kind = "a string" if name == "date" else "a string, a number or a list of them"
        raise InputError(f'{where}: "{name}" must be {kind}, not {_shown(value)}')
    if name == "title":
        text = clean_label(text)
    if name == "date":
        _check_date(where, text)
    return text or None


def _scalar(value: object) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _check_date(where: str, value: str) -> None:
    """An ISO 8601 date must be a day of the calendar (other forms are kept as text)."""
    match = ISO_DATE.fullmatch(value.strip())
    if match is None:
        return
    try:
        datetime.date.fromisoformat(match.group(1))
    except ValueError as exc:
        raise InputError(
            f'{where}: "date" {value!r} is no day of the calendar ({exc}); give YYYY-MM-DD'
        ) from None


def _first_line(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            return clean_label(line.strip().lstrip("#").strip()[:200]) or None
    return None
