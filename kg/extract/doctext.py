"""Facts of a parsed document that many steps read, made once per ``Doc``.

spaCy builds ``Doc.text`` by joining every token on each access; the
analysis and the rules ask for it, and for where the parentheses are, many
times per document. Both are kept here for as long as the ``Doc`` lives (a
``Doc`` never changes its tokens).

Rules and analysis steps look for their few trigger words ("a verb whose
lemma is ...") in every sentence. Each ``doc[i]`` makes a ``Token`` object and
each string property (``pos_``, ``lemma_`` …) a string lookup, so scanning with
them costs more than the rule's own work on the tokens it finds. :func:`tokens_where`
reads the attributes from plain per-document lists (:class:`TokenFacts`) and
makes a ``Token`` only of the tokens that match.
"""

from __future__ import annotations

import weakref
from collections.abc import Container, Iterator
from functools import cached_property

from spacy.tokens import Doc, Span, Token

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
        marks = ("(", ")")
        found = _PARENTHESES[doc] = tuple(
            i for i, text in enumerate(token_facts(doc).text) if text in marks
        )
    return found


class TokenFacts:
    """The string attributes of every token of one ``Doc`` as plain lists, by
    token index, each list made the first time it is read: ``pos``, ``tag``,
    ``dep``, ``text``, ``lower`` (as ``Token.pos_``, ``.tag_``, ``.dep_``,
    ``.text``, ``.lower_``) and ``lemma`` (``Token.lemma_.lower()``)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def _strings(self, attr: str) -> list[str]:
        strings = self.doc.vocab.strings
        return [strings[h] for h in self.doc.to_array(attr).tolist()]

    @cached_property
    def pos(self) -> list[str]:
        return self._strings("POS")

    @cached_property
    def tag(self) -> list[str]:
        return self._strings("TAG")

    @cached_property
    def dep(self) -> list[str]:
        return self._strings("DEP")

    @cached_property
    def text(self) -> list[str]:
        return self._strings("ORTH")

    @cached_property
    def lower(self) -> list[str]:
        return self._strings("LOWER")

    @cached_property
    def lemma(self) -> list[str]:
        return [lemma.lower() for lemma in self._strings("LEMMA")]


_FACTS: weakref.WeakKeyDictionary[Doc, TokenFacts] = weakref.WeakKeyDictionary()


def token_facts(doc: Doc) -> TokenFacts:
    """The :class:`TokenFacts` of ``doc``, made once per document."""
    facts = _FACTS.get(doc)
    if facts is None:
        facts = _FACTS[doc] = TokenFacts(doc)
    return facts


def tokens_where(
    span: Doc | Span,
    *,
    pos: Container[str] | None = None,
    tag: Container[str] | None = None,
    dep: Container[str] | None = None,
    text: Container[str] | None = None,
    lower: Container[str] | None = None,
    lemma: Container[str] | None = None,
) -> Iterator[Token]:
    """The tokens of ``span``, in order, whose attributes are among those given
    (all of them): ``tokens_where(sent, pos={"VERB"}, lemma=SPEECH_VERBS)`` is
    ``(t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS)``.
    ``lemma`` is compared lower-cased."""
    doc = span if isinstance(span, Doc) else span.doc
    start, end = (0, len(doc)) if isinstance(span, Doc) else (span.start, span.end)
    facts = token_facts(doc)
    tests = [
        (getattr(facts, name), wanted)
        for name, wanted in (
            ("text", text),
            ("lower", lower),
            ("lemma", lemma),
            ("pos", pos),
            ("dep", dep),
            ("tag", tag),
        )
        if wanted is not None
    ]
    if len(tests) == 1:
        column, wanted = tests[0]
        found = [i for i in range(start, end) if column[i] in wanted]
    else:
        found = [
            i for i in range(start, end) if all(column[i] in wanted for column, wanted in tests)
        ]
    for i in found:
        yield doc[i]
