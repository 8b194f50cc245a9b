"""One frozen analysis per document, built once before any rule runs.

:func:`analyze` computes, in this order and each from the ones before it only:

1. the sentences and where the body starts (:mod:`.sentences`; datelines were
   blanked before parsing, :mod:`.datelines`);
2. named mentions, titles and party tags (:mod:`.names`);
3. quotations (:mod:`.quotes`);
4. the author a byline names (:mod:`.bylines`) and the antecedent of every
   third-person pronoun (:mod:`.coref`);
5. the speaker of every quoted or reported token (:mod:`.speakers`), and in
   an op-ed or editorial, the author of every other sentence;
6. the actor every token refers to, "I" and "we" inside speech included, and
   the named law every "the bill" / "it" refers back to (:mod:`.coref`): each
   token's answer is worked out the first time a rule asks for it and kept
   (:class:`TokenTable`), since rules ask about a tenth of the tokens;
7. the members of every plural description that stands for named actors
   ("the two companies"): a claim a rule makes about such a group is made
   about each member (:meth:`DocAnalysis.for_each_member`), so rules read one
   actor per token and never see the group.

Nothing here imports a rule, and no step calls a later one. Rules read a
:class:`DocAnalysis` and cannot change it: its tables are read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from kg.extract.analysis.bylines import byline_person, find_author
from kg.extract.analysis.coref import (
    MentionIndex,
    Referent,
    Resolver,
    antecedent_candidates,
    conjuncts,
    included,
    may_stand_for_group,
    resolve_pronouns,
    unquote_speakers,
)
from kg.extract.analysis.datelines import mask_datelines
from kg.extract.analysis.names import DocNames, find_names
from kg.extract.analysis.quotes import Quotes
from kg.extract.analysis.sentences import Sentences, split_sentences
from kg.extract.analysis.speakers import attribute_speakers
from kg.extract.doctext import tokens_where
from kg.extract.labels import issue_from_tokens
from kg.extract.lexicon import Lexicon
from kg.model import Article, Claim, Entity, Provenance

__all__ = ["DocAnalysis", "Referent", "TokenTable", "analyze", "mask_datelines"]

V = TypeVar("V")


class TokenTable(Mapping[int, V]):
    """A read-only table of token index → answer (tokens without one are not in
    it), each answer worked out by ``answer(i)`` the first time it is read and
    kept. ``answer`` must give the same result whenever it is called, as a
    :class:`Resolver` does, so the table reads as if it were filled at once."""

    def __init__(self, size: int, answer: Callable[[int], V | None]) -> None:
        self._size, self._answer = size, answer
        self._known: dict[int, V | None] = {}

    def get(self, i: int, default: V | None = None) -> V | None:  # type: ignore[override]
        known = self._known
        if i in known:
            found = known[i]
        else:
            found = known[i] = self._answer(i) if 0 <= i < self._size else None
        return default if found is None else found

    def __getitem__(self, i: int) -> V:
        found = self.get(i)
        if found is None:
            raise KeyError(i)
        return found

    def __iter__(self) -> Iterator[int]:
        return (i for i in range(self._size) if self.get(i) is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@dataclass(frozen=True)
class DocAnalysis:
    """Everything the rules need to know about one parsed article."""

    article: Article
    doc: Doc
    lexicon: Lexicon
    sentences: Sentences
    names: DocNames
    quotes: Quotes
    referents: Mapping[int, Referent]
    """Token index → the actor the token names or stands for."""
    speakers: Mapping[int, Entity]
    """Token index → who says it, for tokens of quotations and reported clauses."""
    laws: Mapping[int, Entity]
    """Token index → the named law a token names or a "the bill" or "it" refers back to."""
    groups: Mapping[str, tuple[Entity, ...]]
    """Key of a plural description's entity ("the two companies") → the actors it stands for."""

    @property
    def text(self) -> str:
        """The article's own text (the parsed one may have a dateline blanked out)."""
        return self.article.text

    @property
    def body(self) -> tuple[Span, ...]:
        """The sentences of the body (a headline is left out)."""
        return self.sentences.body

    def sentence(self, token: Token) -> Span:
        return self.sentences.of(token)

    def sentence_number(self, token: Token) -> int:
        return self.sentences.number(token)

    def actor(self, token: Token) -> Referent | None:
        """The actor ``token`` names or stands for."""
        return self.referents.get(token.i)

    def actors(self, token: Token) -> list[Referent]:
        """The actor(s) ``token`` refers to; conjuncts ("A and B") give several."""
        found = []
        for member in (token, *conjuncts(token), *included(token)):
            ref = self.referents.get(member.i)
            for each in ref.each() if ref is not None else ():
                if all(f.entity.key != each.entity.key for f in found):
                    found.append(each)
        return found

    def for_each_member(self, claims: Iterable[Claim]) -> Iterator[Claim]:
        """``claims`` with a plural description as subject or object ("the two
        companies said …") made into one claim per member it stands for."""
        for claim in claims:
            subjects = self.groups.get(claim.subject.key, (claim.subject,))
            objects = self.groups.get(claim.object.key, (claim.object,))
            if len(subjects) == 1 and len(objects) == 1:
                yield claim
                continue
            for subject in subjects:
                speaker = subject if claim.speaker == claim.subject else claim.speaker
                for obj in objects:
                    if obj.key != subject.key:
                        yield replace(claim, subject=subject, object=obj, speaker=speaker)

    def speaker(self, token: Token) -> Entity | None:
        return self.speakers.get(token.i)

    def issue_antecedent(self, token: Token) -> Entity | None:
        """ "the bill", "this legislation", "it": the law named shortly before."""
        return self.laws.get(token.i)

    def evidence(self, sent: Span, extractor: str, version: str) -> Provenance:
        """The sentence as a claim's evidence, trimmed of surrounding white space."""
        start, end = sent.start_char, sent.end_char
        text = self.text
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        a = self.article
        return Provenance(
            a.id, text[start:end], start, end, extractor, version, a.date, a.url, a.source
        )


def analyze(article: Article, doc: Doc, lexicon: Lexicon) -> DocAnalysis:
    """The analysis of ``doc``, parsed from ``mask_datelines(article.text)``."""
    sentences = split_sentences(article.text, doc)
    byline = byline_person(article.text)
    names = find_names(
        doc, lexicon, body_start=sentences.body_start, people=(byline,) if byline else ()
    )
    quotes = Quotes.of(article.text)
    mentions = MentionIndex.of(names, lexicon)
    author = find_author(article.text, doc, names, quotes)
    bare = Resolver(doc, lexicon, names, mentions, {}, {}, quotes, author)
    candidates = antecedent_candidates(bare)
    pronouns = resolve_pronouns(doc, candidates, sentences, quotes, lexicon.actors)
    third = Resolver(doc, lexicon, names, mentions, pronouns, {}, quotes, author)
    speakers, unnamed = attribute_speakers(doc, sentences, quotes, third)
    pronouns = unquote_speakers(
        doc, candidates, sentences, quotes, pronouns, speakers, third.affiliation
    )
    if author is not None:  # an op-ed's narration is its author's voice
        for sent in sentences.body:
            for tok in sent:
                if tok.i not in speakers and tok.i not in unnamed and quotes.at(tok.idx) is None:
                    speakers[tok.i] = author
    full = Resolver(doc, lexicon, names, mentions, pronouns, speakers, quotes, author)
    referents = TokenTable(len(doc), lambda i: full.actor(doc[i]))
    groups = {
        ref.entity.key: ref.members
        for tok in tokens_where(
            doc, pos=("NOUN", "PROPN")
        )  # may_stand_for_group asks no other word
        if may_stand_for_group(tok) and (ref := referents.get(tok.i)) is not None and ref.members
    }
    named_laws: dict[int, Entity] = {}
    for mention in names.mentions:  # a law's own name refers to it, in full: "Bill 31-09"
        if mention.kind == "Issue" and (
            law := issue_from_tokens(list(doc[mention.start : mention.end]))
        ):
            named_laws.update(dict.fromkeys(range(mention.start, mention.end), law))

    def law_of(i: int) -> Entity | None:
        return named_laws[i] if i in named_laws else full.issue_antecedent(doc[i], sentences)

    return DocAnalysis(
        article=article,
        doc=doc,
        lexicon=lexicon,
        sentences=sentences,
        names=names,
        quotes=quotes,
        referents=referents,
        speakers=MappingProxyType(speakers),
        laws=TokenTable(len(doc), law_of),
        groups=MappingProxyType(groups),
    )
