"""Quotations in a text: where each starts and ends (as character offsets).

Curly and straight double quotes, curly single quotes (told apart from
apostrophes by what follows them) and the ``...'' of wire copy are all
recognised. A quote left open at the end of a paragraph closes there, as a
quote running over paragraphs reopens at the next one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

OPENERS = {"“": "”", "‘": "’", "«": "»", "``": "''", '"': '"'}
_MARK = re.compile(r"``|''|[“”‘’«»\"]")


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    closed: bool = True
    """False for a quote left open at the end of its paragraph (it may run on)."""

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end


@dataclass(frozen=True)
class Quotes:
    """The quotations of a text in order, found by offset in logarithmic time."""

    spans: tuple[Quote, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Quotes:
        spans = find_quotes(text)
        return cls(spans, tuple(q.start for q in spans))

    def at(self, offset: int) -> Quote | None:
        """The quotation ``offset`` lies in, if any.

        >>> quotes = Quotes.of('He said “no” and “never”.')
        >>> quotes.at(9), quotes.at(13)
        (Quote(start=9, end=11, closed=True), None)
        """
        n = bisect_right(self.starts, offset) - 1
        return self.spans[n] if n >= 0 and offset in self.spans[n] else None

    def __iter__(self) -> Iterator[Quote]:
        return iter(self.spans)


def quote_runs(text: str, quotes: Quotes) -> list[tuple[Quote, ...]]:
    """Quotations grouped into runs: a quote left open at the end of its
    paragraph runs on into a next paragraph that opens with a quotation mark.

    >>> text = '“We will win.\\n\\n“And we will govern,” she said. “Soon.”'
    >>> [[text[q.start:q.end] for q in run] for run in quote_runs(text, Quotes.of(text))]
    [['We will win.', 'And we will govern,'], ['Soon.']]
    """
    runs: list[list[Quote]] = []
    for quote in quotes:
        if runs:
            last = runs[-1][-1]
            between = text[last.end : quote.start]
            if not last.closed and "\n" in between and len(between.strip()) <= 2:
                runs[-1].append(quote)
                continue
        runs.append([quote])
    return [tuple(run) for run in runs]


def find_quotes(text: str) -> tuple[Quote, ...]:
    """Spans of quoted text, marks excluded.

    >>> text = 'She said, “We will never back it.” Then she left.'
    >>> [text[q.start:q.end] for q in find_quotes(text)]
    ['We will never back it.']
    """
    quotes: list[Quote] = []
    open_mark: str | None = None
    open_at = 0
    for match in _MARK.finditer(text):
        mark, at = match.group(), match.start()
        before = text[at - 1] if at else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if open_mark is not None and "\n\n" in text[open_at:at]:
            quotes.append(Quote(open_at, text.index("\n\n", open_at), closed=False))
            open_mark = None
        if open_mark is None:
            if mark in OPENERS and _can_open(mark, before, after):
                open_mark, open_at = mark, match.end()
            continue
        if mark == OPENERS[open_mark] and _can_close(mark, before, after):
            quotes.append(Quote(open_at, at))
            open_mark = None
    if open_mark is not None:
        end = text.find("\n\n", open_at)
        quotes.append(Quote(open_at, len(text) if end < 0 else end, closed=False))
    return tuple(q for q in quotes if q.end > q.start)


def _can_open(mark: str, before: str, after: str) -> bool:
    if mark in ("‘", "’"):
        return (before.isspace() or before in "([{—–-:,") and after.isalnum()
    return not after.isspace()


def _can_close(mark: str, before: str, after: str) -> bool:
    if mark == "’":
        return not after.isalnum() and not before.isspace()
    return True
