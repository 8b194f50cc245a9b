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
from collections.abc import Container, Iterable, Iterator
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
        self._doc = weakref.ref(doc)  # kept by the Doc (:func:`token_facts`): no cycle

    def _strings(self, attr: str, *, lowered: bool = False) -> list[str]:
        doc = self._doc()
        assert doc is not None, "the facts of a Doc are read while it lives"
        known = _LOWER_STRINGS if lowered else _STRINGS
        hashes = doc.to_array(attr).tolist()
        missing = [h for h in set(hashes) if h not in known]
        if missing:
            strings = doc.vocab.strings
            for h in missing:
                known[h] = strings[h].lower() if lowered else strings[h]
        return list(map(known.__getitem__, hashes))

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
        return self._strings("LEMMA", lowered=True)


#: Hash (or symbol id) → string, as every ``StringStore`` has it, kept across documents:
#: a string read once is not decoded again.
_STRINGS: dict[int, str] = {}
#: The same, lower-cased (for lemmas).
_LOWER_STRINGS: dict[int, str] = {}


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
    found: Iterable[int] = range(start, end)
    for column, wanted in tests:  # the words first: they leave the fewest
        found = [i for i in found if column[i] in wanted]
    for i in found:
        yield doc[i]


def tokens_with_any(
    span: Doc | Span,
    *,
    pos: Container[str] = (),
    tag: Container[str] = (),
    lower: Container[str] = (),
    lemma: Container[str] = (),
    indices: Container[int] = (),
) -> Iterator[Token]:
    """The tokens of ``span``, in order, that meet any of the conditions given: a
    part of speech in ``pos``, a tag in ``tag``, a lower form in ``lower``, a lemma
    (lower-cased) in ``lemma``, or an index in ``indices``. These are the tokens any
    of several tests of a rule can fire on, where :func:`tokens_where` asks for all
    conditions at once."""
    doc = span if isinstance(span, Doc) else span.doc
    start, end = (0, len(doc)) if isinstance(span, Doc) else (span.start, span.end)
    facts = token_facts(doc)
    found = {i for i in indices if start <= i < end}
    for name, wanted in (("pos", pos), ("tag", tag), ("lower", lower), ("lemma", lemma)):
        if wanted:
            column = getattr(facts, name)
            found.update([i for i in range(start, end) if column[i] in wanted])
    for i in sorted(found):
        yield doc[i]


_MEMOS: weakref.WeakKeyDictionary[Doc, dict[str, dict]] = weakref.WeakKeyDictionary()


def memo(doc: Doc, name: str) -> dict:
    """A dict kept for ``doc`` under ``name``, for answers worked out once per
    document (``phrase_tokens`` of a token). Its values must not hold the
    ``Doc`` or its tokens (keep token indices), or the ``Doc`` outlives its use."""
    memos = _MEMOS.get(doc)
    if memos is None:
        memos = _MEMOS[doc] = {}
    found = memos.get(name)
    if found is None:
        found = memos[name] = {}
    return found
