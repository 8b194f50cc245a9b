"""Who wrote an article: the byline of an op-ed or an editorial.

"By Ann Lee" makes Ann Lee the author; "By the Editorial Board, The Harbor
Times" (or "… of the Harbor Times") makes the publication the author. In the
author's own voice, "I", "we" and "this board" are the author.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract.analysis.names import DocNames
from kg.model import Entity

#: A byline on a line of its own near the top of the article.
BYLINE = re.compile(r"^[ \t]*By[ \t]+(?P<who>[^\n]{2,120}?)[ \t]*$", re.MULTILINE)
EDITORIAL_BOARD = re.compile(
    r"^(?:the\s+)?editorial\s+board(?:\s*,\s*|\s+of\s+)(?P<publication>.+)$", re.IGNORECASE
)
#: How far into the text a byline is looked for (characters).
BYLINE_WITHIN = 600


def byline_person(text: str) -> str | None:
    """The name of the person a byline names ("By Ann Lee, staff writer" → "Ann
    Lee"), so that the recogniser's misses of it in the text still name her."""
    match = BYLINE.search(text, 0, BYLINE_WITHIN)
    if match is None or EDITORIAL_BOARD.match(match.group("who").strip()):
        return None
    label = match.group("who").split(",")[0].strip(" .")
    return label if len(label.split()) > 1 and label[:1].isupper() else None


def find_author(text: str, doc: Doc, names: DocNames) -> Entity | None:
    """The author named by the article's byline, if it has one.

    A named mention inside the byline gives the entity (so "By Ann Lee" and a
    later "Lee" are one person); otherwise the byline's words do.
    """
    match = BYLINE.search(text, 0, BYLINE_WITHIN)
    if match is None:
        return None
    who = match.group("who").strip()
    board = EDITORIAL_BOARD.match(who)
    if board is not None:  # the recogniser may take in the board: name the paper alone
        label = re.sub(r"^the\s+", "", board.group("publication").strip(" ."), flags=re.I)
        return Entity.named(label, "Organization") if label[:1].isupper() else None
    label = who.split(",")[0].strip(" .")
    if not label[:1].isupper():
        return None
    start = match.start("who")
    span = doc.char_span(start, start + len(label), alignment_mode="expand")
    for tok in span or ():
        entity = names.at(tok)
        if entity is not None and entity.kind == "Person":
            return entity
    return Entity.named(label, "Person")
