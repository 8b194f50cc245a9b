"""Read input paths into :class:`~kg.model.Article` records.

Inputs are ``.txt`` / ``.md`` files, folders of them (searched recursively, in
name order), and ``.jsonl`` corpora with one ``{"id", "text"}`` object a line
(optional ``title``, ``date``, ``url``, ``source``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.fileio import json_lines, read_text
from kg.model import Article

TEXT_SUFFIXES = (".txt", ".md")
CORPUS_SUFFIXES = (".jsonl",)
OPTIONAL_FIELDS = ("title", "date", "url", "source")


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
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + CORPUS_SUFFIXES
        )
        if not files:
            raise InputError(f"{path}: folder holds no .txt, .md or .jsonl files")
        for file in files:
            yield from _read_file(file)
    else:
        yield from _read_file(path)


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
        extra = {k: str(row[k]) for k in OPTIONAL_FIELDS if row.get(k) not in (None, "")}
        yield Article(id=str(row["id"]), text=row["text"], **extra), where


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()[:200] or None
    return None
