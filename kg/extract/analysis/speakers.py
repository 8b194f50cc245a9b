"""Who says what: the speaker of each quotation and reported clause.

"X said (that) ...", "according to X", and quotations with the speech verb
before, after or in the sentence around them; a quotation with none continues
the previous speaker's words.

Speakers are found after names and third-person pronouns and before anything
that needs them ("I" and "we" inside a quote are its speaker), so a subject
such as "I said" is not resolved here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.analysis.coref import SUBJECT_DEPS, Resolver
from kg.extract.analysis.quotes import Quote, Quotes
from kg.extract.analysis.sentences import Sentences
from kg.extract.lexicon import Lexicon
from kg.model import Entity


def attribute_speakers(
    doc: Doc, sentences: Sentences, quotes: Quotes, resolver: Resolver
) -> dict[int, Entity]:
    """Map tokens of quotations and reported clauses to whoever said them."""
    speakers: dict[int, Entity] = {}
    lexicon = resolver.lexicon
    # Reported clauses: "X said (that) ...", "according to X".
    for tok in doc:
        if tok.idx < sentences.body_start:
            continue
        if is_speech_verb(tok, lexicon):
            subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None or quotes.at(subject.idx) is not None:
                continue
            ref = resolver.actor(subject)
            if ref is None:
                continue
            for comp in tok.children:
                if comp.dep_ in ("ccomp", "xcomp") or (comp.dep_ == "dobj" and comp.pos_ == "VERB"):
                    for t in comp.subtree:
                        speakers.setdefault(t.i, ref.entity)
        elif tok.lower_ == "according" and tok.dep_ == "prep":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = (
                next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            )
            ref = resolver.actor(pobj) if pobj is not None else None
            if ref is not None:
                for t in sentences.of(tok):
                    if t.i not in range(tok.i, pobj.i + 1):
                        speakers.setdefault(t.i, ref.entity)
    # Quotations: the speech verb next to the quote, or the previous quote's speaker.
    previous: Entity | None = None
    for quote in quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            continue
        # a quote with no speech verb continues the previous speaker's words
        speaker = _quote_speaker(doc, quote, span, sentences, resolver) or previous
        if speaker is None:
            continue
        previous = speaker
        for t in span:
            speakers[t.i] = speaker
    return speakers


def _quote_speaker(
    doc: Doc, quote: Quote, span: Span, sentences: Sentences, resolver: Resolver
) -> Entity | None:
    first, last = sentences.of(span[0]), sentences.of(span[-1])
    sents = {first.start: first, last.start: last}
    if last.end < len(doc):
        sents[last.end] = sentences.of(doc[last.end])
    if first.start > 0 and (before := sentences.of(doc[first.start - 1])).text.rstrip().endswith(
        (":", ",")
    ):
        sents[before.start] = before
    for sent in sents.values():
        for tok in sent:
            if tok.idx in quote or not is_speech_verb(tok, resolver.lexicon):
                continue
            subject = next(
                (c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.idx not in quote), None
            )
            if subject is not None and (ref := resolver.actor(subject)) is not None:
                return ref.entity
    return None


def is_speech_verb(token: Token, lexicon: Lexicon) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in lexicon.speech:
        return True
    # "made it clear that ..."
    return lemma == "make" and any(c.lower_ == "clear" for c in token.children)
