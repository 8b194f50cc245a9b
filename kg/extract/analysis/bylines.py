"""Who wrote an article: the byline of an op-ed or an editorial.

"By Ann Lee" makes Ann Lee the author; "By the Editorial Board, The Harbor
Times" (or "… of the Harbor Times") makes the publication the author. In the
author's own voice, "I", "we" and "this board" are the author.

Only an opinion piece has an author's voice: a reporter's byline on a news or
wire story ("By Ann Lee, Associated Press", "CITY (AP) —") names who wrote the
report, whose narration holds no stance. A piece is one of opinion when its
byline is an editorial board, when a label over the headline says so
("Opinion |", "Editorial:", "Guest column"), or when its author speaks as "I"
outside quotation marks.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract.analysis.names import DocNames
from kg.extract.analysis.quotes import Quotes
from kg.model import Entity

#: A byline on a line of its own near the top of the article.
BYLINE = re.compile(r"^[ \t]*By[ \t]+(?P<who>[^\n]{2,120}?)[ \t]*$", re.MULTILINE)
EDITORIAL_BOARD = re.compile(
    r"^(?:the\s+)?editorial\s+board(?:\s*,\s*|\s+of\s+)(?P<publication>.+)$", re.IGNORECASE
)
#: How far into the text a byline is looked for (characters).
BYLINE_WITHIN = 600
#: A label that marks a piece as opinion, at the start of a line before the byline.
OPINION_LABEL = re.compile(
    r"^[ \t]*(?:opinion|editorial|op-ed|commentary|column|guest column|guest opinion|"
    r"viewpoint|perspective|my turn|letter to the editor)\b",
    re.IGNORECASE | re.MULTILINE,
)
#: News agencies and newsroom titles after a reporter's name: "By Ann Lee, Associated Press".
NEWSROOM = re.compile(
    r"[,|/ \t]+(?:the\s+)?(?:associated\s+press|ap|reuters|agence\s+france-presse|afp|"
    r"bloomberg(?:\s+news)?|upi|staff\s+(?:writer|reporter)|correspondent|reporter|"
    r"contributing\s+writer|news\s+service)\b.*$",
    re.IGNORECASE,
)
#: "I", "my" and "me" as words: the first person singular of an author.
#: Words a Roman numeral "I" follows: "Title I", "Phase I", "World War I".
NUMBERED = frozenset(
    """title phase part class stage tier section article war chapter division schedule
    level type grade round category act""".split()
)
FIRST_PERSON_SINGULAR = re.compile(r"(?<![\w’'])(?:I|I’m|I'm|I’ve|I've|my|me|My)(?![\w’'])")


def byline_person(text: str) -> str | None:
    """The name of the person a byline names ("By Ann Lee, staff writer" → "Ann
    Lee"), so that the recogniser's misses of it in the text still name her."""
    match = BYLINE.search(text, 0, BYLINE_WITHIN)
    if match is None or EDITORIAL_BOARD.match(match.group("who").strip()):
        return None
    label = _reporter(match.group("who"))
    return label if len(label.split()) > 1 and label[:1].isupper() else None


def _reporter(who: str) -> str:
    """The name in a byline, without the title or newsroom after it:
    "Ann Lee, staff writer" and "ANN LEE Associated Press" → the name."""
    return NEWSROOM.sub("", who.split(",")[0]).strip(" .")


def is_opinion(text: str, quotes: Quotes | None = None) -> bool:
    """Whether ``text`` is an opinion piece whose byline speaks in its own voice.

    >>> is_opinion("Opinion | Fix the dam\\n\\nBy Ann Lee\\n\\nThe dam leaks.")
    True
    >>> is_opinion("Dam closes\\n\\nBy ANN LEE Associated Press\\n\\nThe dam leaks.")
    False
    """
    match = BYLINE.search(text, 0, BYLINE_WITHIN)
    if match is None:
        return False
    if EDITORIAL_BOARD.match(match.group("who").strip()):
        return True
    if OPINION_LABEL.search(text, 0, match.start()):
        return True
    if NEWSROOM.search(match.group("who")):
        return False  # a reporter's report: an "I" in it is someone's unmarked quote
    quotes = quotes if quotes is not None else Quotes.of(text)
    return any(
        quotes.at(m.start()) is None and not _numeral(text, m.start())
        for m in FIRST_PERSON_SINGULAR.finditer(text)
    )


def _numeral(text: str, at: int) -> bool:
    """Whether the word before ``at`` makes "I" a numeral: "Title I", "Phase I"."""
    before = text[max(0, at - 20) : at].split()
    return bool(before) and before[-1].lower() in NUMBERED


def find_author(
    text: str, doc: Doc, names: DocNames, quotes: Quotes | None = None
) -> Entity | None:
    """The author named by the byline of an opinion piece, if it has one
    (a news report's byline names no holder of stances: :func:`is_opinion`).

    A named mention inside the byline gives the entity (so "By Ann Lee" and a
    later "Lee" are one person); otherwise the byline's words do.
    """
    match = BYLINE.search(text, 0, BYLINE_WITHIN)
    if match is None or not is_opinion(text, quotes):
        return None
    who = match.group("who").strip()
    board = EDITORIAL_BOARD.match(who)
    if board is not None:  # the recogniser may take in the board: name the paper alone
        label = re.sub(r"^the\s+", "", board.group("publication").strip(" ."), flags=re.I)
        return Entity.named(label, "Organization") if label[:1].isupper() else None
    label = _reporter(who)
    if not label[:1].isupper():
        return None
    start = match.start("who")
    span = doc.char_span(start, start + len(label), alignment_mode="expand")
    for tok in span or ():
        entity = names.at(tok)
        if entity is not None and entity.kind == "Person":
            return entity
    return Entity.named(label, "Person")
