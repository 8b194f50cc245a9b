"""Reading user files with one-line errors, and atomic output.

Every input file goes through :func:`read_text` (and JSON lines through
:func:`json_lines`), so a missing, binary or non-UTF-8 file gives the same
clear message wherever it is read; every output goes through
:func:`atomic_write`, so a reader never sees a half-written file.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError, OutputError


@dataclass(frozen=True)
class JsonLine:
    """One JSON object of a JSON-lines file, with where it stands (``file:line``)."""

    where: str
    data: dict[str, Any]


def read_text(path: str | os.PathLike[str], *, expected: str) -> str:
    """The UTF-8 text of ``path``; ``expected`` names what the file should be
    ("a .jsonl file") for the error message."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; give {expected}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if b"\x00" in data:
        raise InputError(f"{path}: looks like a binary file; give {expected} as UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (bad byte at offset {exc.start}); re-save it as UTF-8"
        ) from None


def json_lines(
    path: str | os.PathLike[str], text: str, *, comments: bool = False
) -> Iterator[JsonLine]:
    r"""The JSON objects of ``text``, one a line; blank lines (and ``//`` comment
    lines when ``comments``) are skipped.

    Lines end at ``\n`` only (a ``\r`` before it is dropped): U+0085, U+2028
    and U+2029 may stand raw inside a JSON string, so :meth:`str.splitlines`
    would cut valid lines apart.

    >>> [line.data for line in json_lines("c.jsonl", '{"a": "x\u2028y"}\n\n{"a": 2}')]
    [{'a': 'x\u2028y'}, {'a': 2}]
    """
    for number, line in enumerate(text.split("\n"), 1):
        line = line.strip(JSON_SPACE)
        if not line or (comments and line.startswith("//")):
            continue
        where = f"{path}:{number}"
        yield JsonLine(where, _json_object(where, line))


#: What JSON itself counts as white space between values (RFC 8259, section 2).
JSON_SPACE = " \t\r\n"


def _json_object(where: str, line: str) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}); fix or remove the line") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply; flatten the line") from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(f"{where}: not usable JSON ({exc}); fix or remove the line") from None
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected a JSON object, not {type(row).__name__}")
    bad = _lone_surrogate(row)
    if bad is not None:
        raise InputError(
            f"{where}: the string {bad!r} holds a lone surrogate escape (\\ud800-\\udfff), "
            "which is no character; fix the text or re-export it as UTF-8"
        )
    return row


def _lone_surrogate(value: Any) -> str | None:
    """The first string in ``value`` (a parsed JSON value) that cannot be UTF-8,
    shortened for a message; ``None`` when every string is text."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as exc:
                return item[max(0, exc.start - 20) : exc.start + 20]
    return None


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO]:
    """Open a temporary file beside ``path``; rename it over ``path`` on success.

    On any exception the temporary file is removed and ``path`` is untouched.
    """
    import tempfile  # here: with shutil, bz2 and lzma, it costs every command's start-up

    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name to write")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(
            f"{target}: cannot be written ({exc.strerror}); choose a folder you can write to"
        ) from None
    binary = "b" in mode
    try:
        with os.fdopen(
            fd, mode, **({} if binary else {"encoding": "utf-8", "newline": "\n"})
        ) as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def write_errors(path: str | os.PathLike[str]) -> Iterator[None]:
    """Turn an ``OSError`` while writing into an :class:`OutputError` naming ``path``."""
    try:
        yield
    except FileNotFoundError:
        raise
    except OSError as error:
        raise OutputError(
            f"{path}: cannot be written ({error.strerror or error}); "
            "free some space or choose another folder (-o OUT)"
        ) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
