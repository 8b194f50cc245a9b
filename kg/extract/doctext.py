"""Facts of a parsed document that many steps read, made once per ``Doc``.

spaCy builds ``Doc.text`` by joining every token on each access; the
analysis and the rules ask for it, and for where the parentheses are, many
times per document. Both are kept here for as long as the ``Doc`` lives (a
``Doc`` never changes its tokens).
"""

from __future__ import annotations

import weakref

from spacy.tokens import Doc

_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()
_PARENTHESES: weakref.WeakKeyDictionary[Doc, tuple[int, ...]] = weakref.WeakKeyDictionary()


def parsed_text(doc: Doc) -> str:
    """``doc.text``, joined once per document."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def parentheses(doc: Doc) -> tuple[int, ...]:
    """The indices of the tokens ``(`` and ``)`` of ``doc``, in order."""
    found = _PARENTHESES.get(doc)
    if found is None:
        found = _PARENTHESES[doc] = tuple(t.i for t in doc if t.text in ("(", ")"))
    return found
