"""Sentences of a parsed article: the body's, and a token → sentence table.

``Token.sent`` rebuilds the sentence spans on every call; this table answers
in constant time.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.doctext import parsed_text


@dataclass(frozen=True)
class Sentences:
    """Every sentence of a document, and which of them make up the body."""

    all: tuple[Span, ...]
    body: tuple[Span, ...]
    """The sentences of the body (a headline is left out)."""
    body_start: int
    """Character offset where the body starts."""
    number_of: tuple[int, ...]
    """Token index → sentence number (an index into :attr:`all`)."""
    parsed: str = ""
    """The parsed text (``Doc.text``, which joins every token on each access)."""

    def number(self, token: Token) -> int:
        return self.number_of[token.i]

    def of(self, token: Token) -> Span:
        return self.all[self.number_of[token.i]]

    def text_of(self, sent: Span) -> str:
        """``sent.text``, without joining its tokens again."""
        return self.parsed[sent.start_char : sent.end_char]


def split_sentences(text: str, doc: Doc) -> Sentences:
    """The sentences of ``doc``, parsed from ``text`` (its article's own text)."""
    every = tuple(doc.sents)
    numbers = [0] * len(doc)
    for n, sent in enumerate(every):
        numbers[sent.start : sent.end] = [n] * (sent.end - sent.start)
    start = headline_end(text)
    parsed = parsed_text(doc)
    body = tuple(
        s for s in every if s.start_char >= start and parsed[s.start_char : s.end_char].strip()
    )
    return Sentences(every, body, start, tuple(numbers), parsed)


def headline_end(text: str) -> int:
    """Where the body starts: after a first line that reads as a headline.

    >>> headline_end("Council backs plan\\nThe council voted on Monday.")
    19
    >>> headline_end("The council voted on Monday.\\nIt was close.")
    0
    """
    first, sep, _ = text.lstrip().partition("\n")
    if (
        not sep
        or first.rstrip().endswith((".", "!", "?", ":", '"', "”", "’"))
        or len(first.split()) > 25
    ):
        return 0
    return len(text) - len(text.lstrip()) + len(first) + 1
