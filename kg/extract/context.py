"""Who a word refers to, within one document.

:class:`DocContext` is built once per parsed document and shared by the
extractors (read-only for them). It resolves a token to the actor it names:
a name, a pronoun (he, she, they, its, we, I), a relative pronoun (who,
which), a definite description ("the mayor-elect", "the department"), a
speech noun standing for its author ("his remarks"), or a common-noun actor
("federal officials", "northern rebels"). It also knows which speaker each
quotation and reported clause belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from kg.extract.labels import issue_from_tokens, noun_label, phrase_tokens
from kg.extract.lexicon import Lexicon
from kg.extract.names import DocNames, find_names
from kg.extract.quotes import Quote, find_quotes
from kg.model import Article, Entity, Provenance

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PERSON = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
)
RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Nouns that stand for the words or plans of their possessor ("his remarks").
STAND_IN_NOUNS = frozenset(
    """remark comment statement position stance view declaration administration government
    campaign office team spokesperson spokesman spokeswoman letter message speech plan
    proposal policy assertion argument response camp leadership regime cabinet""".split()
)
#: Words that make a common-noun phrase not an actor ("some officials" is still one).
VAGUE = frozenset({"critic", "some", "many", "other", "others", "observer", "expert", "analyst"})
SENTENCES_BACK = 3
#: "The bill" refers back to a law named this many sentences before, at most:
#: a press release names its bill once and then says "the legislation".
LAW_SENTENCES_BACK = 12
#: Head nouns that, with a determiner only, refer back to a named law or plan.
GENERIC_ISSUES = frozenset(
    """bill legislation measure law act proposal plan policy resolution amendment ordinance
    initiative package treaty agreement deal""".split()
)


@dataclass(frozen=True)
class Referent:
    """An actor a token refers to, and how many inference steps it took."""

    entity: Entity
    hops: int = 0


@dataclass
class DocContext:
    """Everything the extractors need to know about one parsed article."""

    article: Article
    doc: Doc
    lexicon: Lexicon
    names: DocNames = field(init=False)
    quotes: tuple[Quote, ...] = field(init=False)
    body_start: int = field(init=False)
    _gender: dict[str, str] = field(default_factory=dict, init=False)
    _common: dict[str, Entity] = field(default_factory=dict, init=False)
    _collecting: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.body_start = headline_end(self.article.text)
        self.names = find_names(self.doc, self.lexicon, body_start=self.body_start)
        self.quotes = find_quotes(self.text)

    # -- sentences ---------------------------------------------------------

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """The sentences of the body (a headline is left out)."""
        return tuple(
            s for s in self.doc.sents if s.start_char >= self.body_start and s.text.strip()
        )

    @cached_property
    def _all_sentences(self) -> tuple[Span, ...]:
        return tuple(self.doc.sents)

    @cached_property
    def _sentence_of(self) -> list[int]:
        """Token index → sentence number (``token.sent`` rebuilds every sentence each call)."""
        numbers = [0] * len(self.doc)
        for n, sent in enumerate(self._all_sentences):
            numbers[sent.start : sent.end] = [n] * (sent.end - sent.start)
        return numbers

    def sentence_number(self, token: Token) -> int:
        return self._sentence_of[token.i]

    def sentence(self, token: Token) -> Span:
        return self._all_sentences[self._sentence_of[token.i]]

    @cached_property
    def text(self) -> str:
        """The article's own text (the parsed one may have a dateline blanked out)."""
        return self.article.text

    def evidence(self, sent: Span, extractor: str, version: str) -> Provenance:
        """The sentence as a claim's evidence, trimmed of surrounding white space."""
        start, end = sent.start_char, sent.end_char
        while end > start and self.text[end - 1].isspace():
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        a = self.article
        return Provenance(
            a.id, self.text[start:end], start, end, extractor, version, a.date, a.url, a.source
        )

    # -- actors ------------------------------------------------------------

    def actors(self, token: Token, *, hops: int = 0) -> list[Referent]:
        """The actor(s) ``token`` refers to; conjuncts ("A and B") give several."""
        found = []
        for member in (token, *conjuncts(token), *_included(token)):
            ref = self.actor(member, hops=hops)
            if ref is not None and ref not in found:
                found.append(ref)
        return found

    def actor(self, token: Token, *, hops: int = 0) -> Referent | None:
        if hops > 3:
            return None
        named = self.names.at(token)
        if named is not None and named.is_actor:
            return Referent(named, hops)
        lower = token.lower_
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$", "WP", "WP$", "WDT"):
            if lower in RELATIVE:
                antecedent = relative_antecedent(token)
                return self.actor(antecedent, hops=hops + 1) if antecedent is not None else None
            if lower in FIRST_PERSON:
                speaker = self.speaker(token)
                return Referent(speaker, hops + 1) if speaker is not None else None
            entity = self._pronoun(token)
            return Referent(entity, hops + 1) if entity is not None else None
        if token.pos_ in ("NOUN", "PROPN"):
            return self._noun_actor(token, hops)
        return None

    def _noun_actor(self, token: Token, hops: int) -> Referent | None:
        lemma = token.lemma_.lower()
        owner = next(
            (c for c in token.children if c.dep_ in ("poss", "compound") and c.i < token.i), None
        )
        if lemma in STAND_IN_NOUNS and owner is not None:
            ref = self.actor(owner, hops=hops + 1)
            if ref is not None:
                return ref
        if lemma in STAND_IN_NOUNS:
            under = next(
                (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "under")),
                None,
            )
            if under is not None:
                for pobj in under.children:
                    if pobj.dep_ == "pobj" and (ref := self.actor(pobj, hops=hops + 1)):
                        return ref
        described = self._description(token)
        if described is not None:
            return Referent(described, hops + 1)
        if lemma in self.lexicon.actors or self._has_named_modifier(token):
            if (
                any(c.lower_ in VAGUE or c.lemma_.lower() in VAGUE for c in token.children)
                or lemma in VAGUE
            ):
                return None
            inside = self._named_inside(token)
            if inside is not None and lemma not in self.lexicon.actors and inside.kind != "Group":
                return Referent(inside, hops)
            return Referent(self._common_actor(token), hops)
        return None

    def _has_named_modifier(self, token: Token) -> bool:
        return any(
            c.dep_ in ("amod", "compound", "nmod")
            and (e := self.names.at(c)) is not None
            and e.is_actor
            for c in token.children
        )

    def _named_inside(self, token: Token) -> Entity | None:
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod") and (e := self.names.at(child)):
                return e
        return None

    def _common_actor(self, token: Token) -> Entity:
        """An actor named by a common noun phrase: "northern rebels"."""
        label = noun_label(token)
        words = label.split()
        while words and words[0].lower() in (
            "senior",
            "top",
            "several",
            "two",
            "three",
            "group",
            "of",
        ):
            words.pop(0)
        label = " ".join(words) or token.text
        kind = self.lexicon.actors.get(token.lemma_.lower(), "Group")
        entity = self._common.get(label.lower())
        if entity is None:
            entity = Entity.named(label, kind)
            self._common[label.lower()] = entity
        return entity

    def _description(self, token: Token) -> Entity | None:
        """ "the mayor-elect", "the department", "the senator": a known entity."""
        det = next((c for c in token.children if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the":
            return None
        words = {w.lower() for w in noun_label(token).replace("-", " ").split()}
        head = token.lemma_.lower()
        if not words:
            return None
        proper = token.pos_ == "PROPN"  # "the Inflation Reduction Act" names itself
        for mention, entity in reversed(
            list(zip(self.names.mentions, self.names.mention_entities, strict=True))
        ):
            if mention.start >= token.i:
                continue
            role_words = set((mention.role or "").lower().replace("-", " ").split())
            label_words = {w.lower() for w in entity.label.split()}
            if words <= role_words or (
                not proper and words <= label_words and head not in ("city", "state")
            ):
                return entity
        return None

    def _pronoun(self, token: Token) -> Entity | None:
        if self._collecting:
            return None
        lower = token.lower_
        sent_no = self.sentence_number(token)
        excluded = co_arguments(token)
        quoted = self.in_quote(token)
        best: tuple[float, Entity] | None = None
        for start, mention_token, entity in self._antecedents:
            if start >= token.i or start in excluded:
                continue
            if not quoted and self.in_quote(mention_token):
                continue  # a name inside someone's quote is not who the narrator means
            distance = sent_no - self.sentence_number(mention_token)
            if distance > SENTENCES_BACK or not self._compatible(lower, entity):
                continue
            if lower in NEUTER and distance == 0 and mention_token.dep_ not in SUBJECT_DEPS:
                continue  # "opponents, including the NRA, argue it ...": "it" is not the NRA
            if lower in NEUTER and mention_token.dep_ in ("compound", "amod", "nmod"):
                continue  # "the CFA director said ... it": a name inside a title is not "it"
            score = -10.0 * distance + start / 10_000
            if mention_token.dep_ in SUBJECT_DEPS or (
                mention_token.dep_ == "poss" and mention_token.head.dep_ in SUBJECT_DEPS
            ):
                score += 5
            if best is None or score > best[0]:
                best = (score, entity)
        if best is None:
            return None
        entity = best[1]
        if entity.kind == "Person" and (lower in MALE or lower in FEMALE):
            self._gender.setdefault(entity.key, "m" if lower in MALE else "f")
        return entity

    @cached_property
    def _antecedents(self) -> list[tuple[int, Token, Entity]]:
        """Candidate antecedents: named mentions, and common-noun actors as subjects.

        A nationality inside an actor phrase ("the Fijian rebels") stands for
        the whole phrase.
        """
        out = []
        self._collecting = True  # no pronoun resolution while the candidates are gathered
        for mention, entity in zip(self.names.mentions, self.names.mention_entities, strict=True):
            tok = self.doc[mention.start : mention.end].root
            if tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in self.lexicon.actors:
                continue
            out.append((mention.start, tok, entity))
        for tok in self.doc:
            if (
                tok.dep_ in SUBJECT_DEPS
                and tok.pos_ == "NOUN"
                and tok.lemma_.lower() in self.lexicon.actors
            ):
                ref = self._noun_actor(tok, 0)
                if ref is not None and ref.hops == 0:
                    out.append((tok.i, tok, ref.entity))
        self._collecting = False
        return sorted(out, key=lambda x: x[0])

    def _compatible(self, pronoun: str, entity: Entity) -> bool:
        if pronoun in MALE or pronoun in FEMALE:
            gender = self._gender.get(entity.key)
            wanted = "m" if pronoun in MALE else "f"
            return entity.kind == "Person" and gender in (None, wanted)
        if pronoun in NEUTER:
            return entity.kind in ("Organization", "Place")
        if pronoun in PLURAL:
            return entity.kind in ("Group", "Organization", "Place")
        return False

    # -- issues --------------------------------------------------------------

    def issue_antecedent(self, token: Token) -> Entity | None:
        """ "the bill", "this legislation", "it": the law named shortly before."""
        lemma = token.lemma_.lower()
        if token.pos_ == "PRON":
            if lemma not in ("it", "this") or token.dep_ not in ("dobj", "pobj"):
                return None
        elif lemma not in GENERIC_ISSUES or any(
            c.dep_ in ("compound", "amod", "prep", "nmod", "acl", "relcl") for c in token.children
        ):
            return None
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "no") for c in token.children):
            return None
        if token.pos_ == "PRON" and (same := self._object_in_sentence(token)) is not None:
            return same
        sent_no = self.sentence_number(token)
        for mention, entity in reversed(
            list(zip(self.names.mentions, self.names.mention_entities, strict=True))
        ):
            if entity.kind != "Issue" or mention.start >= token.i:
                continue
            if sent_no - self.sentence_number(self.doc[mention.start]) > (
                2 if token.pos_ == "PRON" else LAW_SENTENCES_BACK
            ):
                return None
            return issue_from_tokens(list(self.doc[mention.start : mention.end]))
        return None

    def _object_in_sentence(self, pronoun: Token) -> Entity | None:
        """ "called the toll a cash grab and vowed to fight it": the toll."""
        for tok in reversed(self.sentence(pronoun)[: pronoun.i - self.sentence(pronoun).start]):
            if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "nsubj", "nsubjpass"):
                continue
            if self.names.at(tok) is None and self._noun_actor(tok, 0) is None:
                return issue_from_tokens(phrase_tokens(tok))
        return None

    # -- speakers ----------------------------------------------------------

    @cached_property
    def _speakers(self) -> dict[int, Entity]:
        """Token index → speaker, for tokens in quotes and reported clauses."""
        from kg.extract.speakers import attribute_speakers  # it reads this context

        return attribute_speakers(self)

    def speaker(self, token: Token) -> Entity | None:
        return self._speakers.get(token.i)

    def in_quote(self, token: Token) -> bool:
        return any(token.idx in q for q in self.quotes)


def headline_end(text: str) -> int:
    """Where the body starts: after a first line that reads as a headline."""
    first, sep, _ = text.lstrip().partition("\n")
    if (
        not sep
        or first.rstrip().endswith((".", "!", "?", ":", '"', "”", "’"))
        or len(first.split()) > 25
    ):
        return 0
    return len(text) - len(text.lstrip()) + len(first) + 1


def conjuncts(token: Token) -> list[Token]:
    """ "A, B and C": the tokens joined to ``token`` by conj (or, in a list of
    names, the apposition the parser mistook for one)."""
    out = []
    stack = [
        c
        for c in token.children
        if c.dep_ == "conj"
        or (
            c.dep_ == "appos"
            and token.pos_ == "PROPN"
            and c.pos_ == "PROPN"
            and any(g.dep_ == "conj" for g in c.children)
        )
    ]
    while stack:
        tok = stack.pop(0)
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return out


def _included(token: Token) -> list[Token]:
    """ "Environmental groups, including the Sierra Club and Greenpeace": the members."""
    out = []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("including", "like"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    out.extend([pobj, *conjuncts(pobj)])
    return out


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Brandt, whom she accused" → Brandt."""
    verb = token.head
    while verb.dep_ not in ("relcl", "acl") and verb.head.i != verb.i:
        if verb.dep_ in ("ROOT",):
            return None
        verb = verb.head
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    return None


def co_arguments(token: Token) -> set[int]:
    """Token indices a pronoun cannot refer to: the other arguments of its verb."""
    if token.dep_ in ("poss",):
        return set()
    verb = token.head
    out: set[int] = set()
    for child in verb.children:
        if child.i == token.i:
            continue
        if child.lower_ in RELATIVE and (ante := relative_antecedent(child)) is not None:
            out.update(t.i for t in ante.subtree if t.i <= ante.i)
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "dative"):
            out.update(t.i for t in child.subtree)
    if verb.dep_ == "relcl":
        out.update(t.i for t in verb.head.subtree if t.i <= verb.head.i)
    return out
