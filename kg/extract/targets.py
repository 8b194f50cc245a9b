"""What a stance is about: objects, prepositional objects and clauses.

A clausal complement that holds a cue of its own is composed with the outer
cue ("refused to back X" → opposes X); one that holds a plain action becomes an
action target ("plan to dismantle X" → proposes "dismantling X"). Named laws
and "the bill" / "it" become one issue.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Token

from kg.extract.analysis import DocAnalysis, Referent
from kg.extract.analysis.coref import RELATIVE, conjuncts
from kg.extract.cues import (
    LIGHT_VERBS,
    NON_ACTIONS,
    Hit,
    is_negated,
    match_cue,
    modality_of,
    verdict_verb,
)
from kg.extract.cues import VERDICT as VERDICT_PREP
from kg.extract.holders import (
    explicit_noun_holders,
    governing_verb,
    is_passive,
    is_passive_modifier,
    received,
)
from kg.extract.labels import (
    DROP_WORDS,
    GENERIC_ISSUES,
    TIME_WORDS,
    action_label,
    is_time,
    is_verb_fragment,
    issue_from_tokens,
    issue_key,
    noun_label,
    phrase_tokens,
)
from kg.extract.lexicon import Cue
from kg.extract.registry import rule
from kg.model import PREDICATE_POLARITY, Entity

EXTRACTOR = "stance.v1"
CUE_VERB = rule("cue.verb", EXTRACTOR, "a cue verb, its subject and object: X opposes Y")
CUE_NOUN = rule(
    "cue.noun", EXTRACTOR, "a cue noun and its author: X's support for Y, X voiced opposition"
)
CUE_ADJECTIVE = rule("cue.adjective", EXTRACTOR, "a cue adjective: X is opposed to Y")
CUE_PREPOSITION = rule("cue.preposition", EXTRACTOR, "a cue preposition: X is against Y")
VERDICT = rule("cue.verdict", EXTRACTOR, "a verdict on an object: X called Y a disaster")
COMPOSED = rule("cue.composed", EXTRACTOR, "a cue inside another cue's clause: X refused to back Y")
#: Head nouns that name no issue of their own, whatever modifies them.
VAGUE_HEADS = frozenset(
    "thing things something anything everything nothing much lot stuff whatever matter".split()
)
ACTION = rule("cue.action", EXTRACTOR, "an action as the target: X plans to expand Y")
CLAUSE_SUBJECT = rule(
    "cue.clause_subject",
    EXTRACTOR,
    "a blaming or praising cue whose clause has its own subject: X protested that Y fails "
    "to ..., X welcomed that Y listened",
)
OWNER = rule("cue.owner", EXTRACTOR, "the doer of a deed praised or blamed: X criticized Y's plan")
PREFERENCE = rule("cue.preference", EXTRACTOR, "the second of a preference: X put Y over Z")
AGAINST = rule("cue.against", EXTRACTOR, "an action against something: X mobilised against Y")
PURPOSE = rule(
    "cue.purpose",
    EXTRACTOR,
    "a law whose purpose undoes something: X voted against a resolution to end Y",
)

#: The predicate a stance takes when its polarity is flipped by negation.
FLIPPED = {
    "supports": "opposes",
    "opposes": "supports",
    "praises": "criticizes",
    "criticizes": "praises",
    "agreesWith": "disagreesWith",
    "disagreesWith": "agreesWith",
    "proposes": "opposes",
}
#: Verbs whose "over" phrase names what is put second ("prioritize X over Y").
PREFERENCE_VERBS = frozenset(
    {"prioritize", "prioritise", "favor", "favour", "prefer", "choose", "put", "emphasize"}
)
#: Verbs whose infinitive clause, not their object, is what they ask for ("urged X to back Y").
URGE_VERBS = frozenset({"urge", "call", "ask", "press", "push", "encourage", "appeal"})
#: Verbs of saying; declining or refusing to do them is declining to comment.
SILENCE = frozenset(
    """comment say discuss elaborate specify confirm disclose reveal explain identify name
    speculate""".split()
)
#: Verbs of replying, and what one may decline to reply to without a stance ("declined to
#: answer questions"; refusing to respond to a demand is rejecting it).
REPLY_VERBS = frozenset({"answer", "respond", "return", "reply"})
QUESTIONS = frozenset({"question", "query", "inquiry", "call", "email", "message", "request"})
#: Verbs of giving up a policy, opposition when someone else is asked to do them.
UNDO_WHEN_ASKED = frozenset({"withdraw", "drop", "abandon", "shelve", "reverse", "pull"})
URGE_VERBS = URGE_VERBS | {"lobby", "petition"}
#: Verbs of rallying people, not policy: "urged members to call their senators",
#: "asked employers to do the right thing" name no action a stance could be on.
MOBILIZING = frozenset(
    """call contact write email phone visit attend join tell do give let come show reconsider
    answer reach sign hear learn know understand wait""".split()
)
#: Nouns of people, and of the places they live, without an agent ending: whom a
#: policy is for or who is asked to act, never what a stance is on ("promised
#: families", "the right call for our towns", "residents should be asked to ...").
PEOPLE = frozenset(
    """people family parent child woman man citizen member neighbor voter resident student
    worker taxpayer patient farmer community owner consumer customer employee reporter
    journalist firefighter nurse teacher driver rider renter tenant homeowner landlord senior
    veteran user victim survivor constituent household town city village neighborhood
    actor colleague executive""".split()
)
#: Determiners that make a singular noun stand for many: "every colleague who voted yes".
EACH = frozenset({"every", "each"})
#: Nouns of worry, whose object is what is feared for or feared.
WORRIES = frozenset({"concern", "worry", "fear"})
#: Goods one worries for, never against: "concerns about safety", "about public trust".
GOODS = frozenset(
    """trust safety privacy health security fairness transparency integrity accountability
    confidence access affordability""".split()
)
#: Nouns of what is put on someone: their "on" phrase names who bears it.
BORNE = frozenset({"pressure", "demand", "burden", "strain"})
#: Heads of a number of people: "dozens of nurses", "thousands of renters".
MULTITUDES = frozenset({"dozen", "hundred", "thousand", "million", "score"})
#: Endings of compound nouns of people: "firefighters", "homeowners", "ratepayers".
PEOPLE_ENDINGS = ("ist", "ian", "fighter", "worker", "owner", "payer", "maker", "holder", "goer")
#: Objects that are steps of a process, not policies: "accepting public comments".
PROCESS_NOUNS = frozenset(
    """comment question application submission testimony feedback input inquiry""".split()
)
#: Determiners and possessives of a noun that refers back: "the line", "this cap", "its rule".
#: Nouns that stand in for a policy named before: "rejected that idea", "praised the move".
STAND_IN_NOUNS = frozenset({"idea", "move", "step", "approach", "approval"})
#: Heads of noun phrases that name a policy a stand-in noun can point back at.
POLICY_HEADS = GENERIC_ISSUES | frozenset(
    """toll levy tax fee ban cap pilot program programme tariff rule waiver exemption
    mandate standard limit requirement subsidy grant credit abatement expansion extension
    renewal moratorium rollback repeal cut increase closure merger""".split()
)
#: Nouns for what someone said, not a policy: "rebutted that forecast".
REPORT_NOUNS = frozenset(
    """estimate claim assertion contention allegation account argument notion premise
    prediction characterization characterisation""".split()
)
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
#: Nouns of a time, as a verb's second object: "will repeal it next session".
WHEN_NOUNS = frozenset(
    "session term spring summer fall autumn winter quarter weekend morning night season".split()
)
#: How many sentences back a bare "the line" finds the fuller mention it refers to.
FULLER_SENTENCES_BACK = 12
#: Cues about an actor's conduct, read on the phrase itself ("praised the council's efforts").
EVALUATIVE = frozenset({"praises", "criticizes"})


@dataclass(frozen=True)
class Stance:
    """A resolved stance before it is attached to a holder."""

    predicate: str
    target: Entity
    polarity: int
    strength: float
    modality: str
    negated: bool
    cue: str
    path: float
    rule: str
    hops: int = 0
    """Inference steps from the target's word to the actor it stands for."""


@dataclass(frozen=True)
class Reading:
    """How one cue reads in its sentence: its polarity after negation, and its modality."""

    hit: Hit
    polarity: int
    modality: str
    negated: bool

    @classmethod
    def of(cls, hit: Hit, analysis: DocAnalysis) -> Reading:
        negated = is_negated(hit.token)
        polarity = hit.cue.polarity * (-1 if negated else 1)
        return cls(hit, polarity, modality_of(hit.token, hit.cue.modality, analysis), negated)

    @property
    def cue(self) -> Cue:
        return self.hit.cue

    def stance(
        self,
        predicate: str,
        target: Entity,
        path: float,
        *,
        polarity: int | None = None,
        modality: str | None = None,
        negated: bool | None = None,
        rule: str | None = None,
        hops: int = 0,
    ) -> Stance:
        """A stance of this cue (polarity, modality, negation and rule unless given)."""
        return make_stance(
            predicate,
            target,
            self.polarity if polarity is None else polarity,
            self.cue,
            modality or self.modality,
            self.negated if negated is None else negated,
            path,
            rule=rule or self.rule,
            hops=hops,
        )

    @property
    def rule(self) -> str:
        """The rule a direct stance of this cue is made by."""
        if verdict_verb(self.hit.token) is not None and self.cue.prep == VERDICT_PREP:
            return VERDICT
        return {"NOUN": CUE_NOUN, "ADJ": CUE_ADJECTIVE, "ADP": CUE_PREPOSITION}.get(
            self.cue.pos, CUE_VERB
        )


@dataclass
class Walk:
    """What the reading of one cue's targets shares: the document, who holds
    the stance, and the tokens already read (a nested cue is read once)."""

    analysis: DocAnalysis
    holders: list[Referent]
    consumed: set[int]

    def holds(self, entity: Entity) -> bool:
        return any(h.entity == entity for h in self.holders)


def stances_of(hit: Hit, walk: Walk) -> Iterator[Stance]:
    """The stances a cue expresses: one per target, composed through clauses."""
    reading = Reading.of(hit, walk.analysis)
    analysis = walk.analysis
    for complement, path in [*_complements(hit, analysis), *_participle_conjuncts(hit, analysis)]:
        if complement.pos_ in ("VERB", "AUX") and complement.dep_ in (
            "xcomp",
            "ccomp",
            "acl",
            "pcomp",
            "advcl",
            "relcl",
            "conj",
        ):
            yield from _clause_stances(complement, reading, walk)
            continue
        for target in (complement, *conjuncts(complement)):
            if target is not complement and _parallel_object(target):
                continue  # "thanked A for drafting the bill and B for …": B is no bill
            yield from _target_stances(target, reading, path, walk)


def _parallel_object(noun: Token) -> bool:
    """ "thanked A for her work and B for his patience", "thanked A for drafting the bill
    and B for testing it": the parser hangs B on "work" or "bill"; a "for" phrase of
    its own after it (on B, or on the verb whose object B was joined to) shows that B
    is a second object of "thanked"."""
    head = noun.head
    while head.dep_ == "conj":
        head = head.head
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "for":
        owners = [noun, head]  # "for her work and B for …"
    elif head.dep_ == "dobj" and head.head.dep_ == "pcomp" and head.head.head.lower_ == "for":
        owners = [noun, head.head]  # "for drafting the bill and B for …"
    else:
        return False
    return any(
        p.dep_ == "prep" and p.lower_ == "for" and p.i > noun.i
        for owner in owners
        for p in owner.children
    )


def _parallel_objects(verb: Token) -> list[Token]:
    """The second and later objects of "thanked A for … and B for …" (see
    :func:`_parallel_object`), found inside the first one's "for" clause."""
    inside = [
        t
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "for"
        for t in p.subtree
        if t.dep_ == "conj" and _parallel_object(t)
    ]
    joined = [  # "thank A for X and B for Y", with B read as a second verb's conjunct
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ in ("NOUN", "PROPN")
        and any(p.dep_ == "prep" and p.lower_ == "for" for p in c.children)
    ]
    return inside + joined


def _participle_conjuncts(hit: Hit, analysis: DocAnalysis) -> list[tuple[Token, float]]:
    """ "supports X and paid family leave": the parser took "paid" for a second verb."""
    out = []
    for conj in hit.token.children:
        if _is_participle_conjunct(conj, analysis):
            out.append((next(c for c in conj.children if c.dep_ == "dobj"), 0.7))
    return out


def _is_participle_conjunct(conj: Token, analysis: DocAnalysis) -> bool:
    """A "verb" joined by "and" with no subject, aux or clause of its own, and an object."""
    return (
        conj.dep_ == "conj"
        and conj.tag_ in ("VBN", "VBD")
        and conj.i > 0
        and conj.doc[conj.i - 1].dep_ == "cc"
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "xcomp", "ccomp") for c in conj.children
        )
        and match_cue(conj, analysis) is None
        and any(c.dep_ == "dobj" for c in conj.children)
    )


def _complements(hit: Hit, analysis: DocAnalysis) -> list[tuple[Token, float]]:
    token, cue = hit.token, hit.cue
    children = list(token.children)
    if hit.prep is not None:
        if token.lemma_.lower() in URGE_VERBS:
            clauses = [
                (c, 0.9)
                for c in children
                if _content_clause(c) or (c.dep_ == "advcl" and _infinitive(c))
            ]
            if clauses:
                return clauses
        objects = [c for c in hit.prep.children if c.dep_ in ("pobj", "pcomp")]
        if hit.prep.dep_ == "prt":
            objects = [c for c in children if c.dep_ == "dobj"]
        return [(o, 1.0) for o in objects]
    if cue.pos == "ADP":
        return [(c, 0.9) for c in children if c.dep_ in ("pobj", "pcomp")]
    if cue.pos == "VERB":
        if is_passive_modifier(token):
            return [(token.head, 0.95)]  # "the pilot, proposed by the mayor": the pilot
        if is_passive(token):
            return [(c, 0.95) for c in children if c.dep_ == "nsubjpass"]
        direct = [(c, 1.0) for n, c in enumerate(_objects(token)) if n == 0 or not _is_when(c)] or [
            (c, 0.9)  # "rejected, 3-6, an amendment": the parser took the object for an adverb
            for c in children
            if c.dep_ == "npadvmod" and c.pos_ == "NOUN" and c.i > token.i and not is_time(c)
        ]
        if _object_gap(token):  # "the rule the agency proposed", "the bill that she backs"
            direct = [(token.head, 0.9)]
        # "introduced the X Act, legislation that ...": the second object restates the first
        direct = [
            d for n, d in enumerate(direct) if n == 0 or d[0].lemma_.lower() not in GENERIC_ISSUES
        ]
        asks = token.lemma_.lower() in URGE_VERBS
        clauses = [
            (c, 0.9)
            for c in children
            if (_content_clause(c) and c.i > token.i)  # "X blocked Y; it failed": not failed's
            or (asks and c.dep_ == "advcl" and _infinitive(c))
        ]
        if (
            not direct
            and not clauses
            and cue.issue_predicate in ("supports", "opposes", "proposes")
        ):
            # "supports handing renters a rebate", "proposed charging a toll": a gerund is what
            # is supported or proposed
            clauses = [(c, 0.85) for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
        direct += [(c, 0.9) for c in _parallel_objects(token)] if direct else []
        if direct and cue.actor_predicate and not cue.issue_predicate:
            return direct  # accuse X (of Y): the person is the target
        if clauses and (not direct or token.lemma_.lower() in URGE_VERBS):
            return clauses
        if direct:
            return direct
        shifted = _shifted_object(token)
        if shifted:
            return shifted
        for c in children:
            if c.dep_ == "prep" and c.lower_ in (
                "to",
                "on",
                "upon",
                "with",
                "against",
                "for",
                "about",
                "of",
            ):
                objects = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
                if objects and all(is_time(o) for o in objects):
                    continue  # "proposed on Monday": when, not what
                return [(o, 0.9) for o in objects]
        return _attributed_clause(token, analysis)
    return _noun_complements(hit, analysis)


def _shifted_object(verb: Token) -> list[tuple[Token, float]]:
    """ "denounced as a crime the agency's handling of X": an object put after the
    verdict, which the parser hangs on the verdict noun as its apposition."""
    return [
        (appos, 0.85)
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for noun in prep.children
        if noun.dep_ == "pobj"
        for appos in noun.children
        if appos.dep_ == "appos" and appos.i > noun.i
    ]


def _object_gap(verb: Token) -> bool:
    """A relative clause whose object is the noun it modifies: "the rule the agency has
    proposed", "the bill that the senator opposes" (not "the group that opposes it")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in RELATIVE or subject.dep_ == "nsubjpass":
        return False
    objects = _objects(verb)
    return not objects or all(o.lower_ in ("that", "which") for o in objects)


def _objects(verb: Token) -> list[Token]:
    """The verb's objects, less a possessor the parser took for one ("supports OSHA ’s
    proposed rule" parsed as two objects)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    owners = {owner.i for o in objects if (owner := _possessor_of(o)) is not None}
    return [o for o in objects if o.i not in owners]


def _possessor_of(noun: Token) -> Token | None:
    """The object just before ``noun`` that ends in "’s": the parser's second object."""
    if noun.dep_ != "dobj" or noun.left_edge.i == 0:
        return None
    before = noun.doc[noun.left_edge.i - 1]
    if before.dep_ == "case" and before.head.dep_ == "dobj" and before.head.head == noun.head:
        return before.head
    return None


def _is_when(noun: Token) -> bool:
    """ "repeal the law next session": a second object that says when, not what."""
    return (
        is_time(noun)
        or noun.lemma_.lower() in WHEN_NOUNS
        or any(
            c.dep_ in ("amod", "det") and c.lower_ in ("next", "last", "this", "every", "coming")
            for c in noun.children
        )
    )


def _attributed_clause(token: Token, analysis: DocAnalysis) -> list[tuple[Token, float]]:
    """ "X is failing to do Y, a rights group protested": the main clause is the target."""
    root = analysis.sentence(token).root
    if (
        root.i < token.i
        and root.pos_ in ("VERB", "AUX")
        and token.i not in {t.i for t in root.children if t.dep_ == "conj"}
    ):
        before = token.doc[token.i - 1] if token.i else None
        if before is not None and (
            before.is_punct or any(t.is_punct for t in token.doc[root.i : token.i])
        ):
            return [(root, 0.7)]
    return []


def _noun_complements(hit: Hit, analysis: DocAnalysis) -> list[tuple[Token, float]]:
    token, cue = hit.token, hit.cue
    children = list(token.children)
    if (verb := verdict_verb(token)) is not None:  # "called the plan a disaster": the plan
        return [(c, 0.8) for c in verb.children if c.dep_ == "dobj"]
    # nouns and adjectives
    for c in children:
        if (
            c.dep_ in ("acl", "xcomp", "ccomp", "relcl")
            and c.pos_ in ("VERB", "AUX")
            and c.i > token.i
        ):
            if c.dep_ == "relcl" and any(
                g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("that", "which")
                for g in c.children
            ):
                continue
            bare_participle = c.tag_ == "VBG" and not any(
                g.dep_ in ("aux", "mark", "nsubj", "nsubjpass") for g in c.children
            )
            if c.dep_ == "acl" and bare_participle:
                continue  # "a lawsuit challenging X": the participle takes its own stance
            return [(c, 0.85)]
    if cue.pos == "ADJ" and token.dep_ == "acomp":
        for c in token.head.children:
            if c.dep_ in ("xcomp",) and c.pos_ == "VERB":
                return [(c, 0.85)]
        if cue.prep is None and not any(c.dep_ == "prep" for c in children):
            # "the cuts are unacceptable, she said": the verdict is on the subject
            subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            if subjects and analysis.actor(subjects[0]) is None:
                return [(subjects[0], 0.75)]
    # an issue cue with no preposition of its own is not on company: "a call with
    # reporters" (but "lodged a protest with X" is with X)
    with_ = ("with",) if cue.prep or cue.actor_predicate else ()
    # "pressure on X", "demands on X": X bears it, it is not what is asked for
    on = () if token.lemma_.lower() in BORNE else ("on",)
    preps = ("to", "for", "of", *on, "against", "over", *with_)
    for c in children:
        if c.dep_ == "prep" and c.lower_ in preps:
            return [(o, 0.85) for o in c.children if o.dep_ in ("pobj", "pcomp")]
    if received(token):  # "the plan has faced criticism from X": the plan
        verb = governing_verb(token)
        return [(c, 0.8) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return []


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _content_clause(verb: Token) -> bool:
    """A to-infinitive or finite complement clause; not a loose participle."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("xcomp", "ccomp"):
        return False
    return verb.tag_ != "VBG" or any(c.dep_ == "aux" for c in verb.children)


def _target_stances(target: Token, reading: Reading, path: float, walk: Walk) -> Iterator[Stance]:
    analysis, cue = walk.analysis, reading.cue
    # A noun cue as object composes: "rejected calls for X", "reached agreement on X".
    inner = match_cue(target, analysis) if target.pos_ == "NOUN" else None
    if (
        inner is not None
        and inner.token.i not in walk.consumed
        and cue.issue_predicate not in EVALUATIVE
    ):
        if all(walk.holds(r.entity) for r in explicit_noun_holders(target, analysis)):
            walk.consumed.add(inner.token.i)  # otherwise its author's own stance is read too
        inner_stances = list(stances_of(inner, walk))
        if inner_stances:
            for s in inner_stances:
                yield _combine(s, reading, path, own_modality=False)
            return
    if target.pos_ in ("VERB", "AUX"):
        yield from _clause_stances(target, reading, walk)
        return
    relative = _relative_cue(target, analysis, walk.consumed)
    if relative is not None and reading.polarity > 0:
        # "a commitment to a model that prioritizes X": the stance on X is the holder's
        yield from _clause_stances(relative, reading, walk)
        return
    if target.lemma_.lower() in PROCESS_NOUNS and target.pos_ == "NOUN":
        return  # "is accepting public comments on the rule": a step, not a stance
    if target.lemma_.lower() in REPORT_NOUNS and target.pos_ == "NOUN":
        # "rebutted that forecast": a reply to its author (relations.v1), no issue;
        # "disagrees with the auditor's estimate": with its author
        author = _report_author(target, analysis)
        replies = cue.actor_predicate in ("agreesWith", "disagreesWith")
        if author is not None and replies and not walk.holds(author.entity):
            yield reading.stance(cue.actor_predicate, author.entity, path, hops=author.hops)
        return
    if reading.hit.token.lemma_.lower() in URGE_VERBS and _people_asked(target):
        return  # "asking the nurses who do this work to …": who is asked is no issue
    if reading.hit.token.lemma_.lower() in WORRIES and target.lemma_.lower() in GOODS:
        return  # "concern about public trust": a worry for it, not against it
    if _stands_in(target):
        # "rejected that idea": the policy named just before, or no claim at all
        earlier = _earlier_policy(target, analysis)
        predicate = cue.issue_predicate or cue.actor_predicate
        if earlier is not None and predicate in PREDICATE_POLARITY:
            yield reading.stance(predicate, earlier, path * 0.9, hops=1)
        return
    named_law = analysis.issue_antecedent(target)  # "the bill", "it": a law named before
    if target.pos_ == "PRON" and named_law is not None:
        ref = None  # "praised it": an object "it" right after a named law is the law
    elif target.pos_ in ("PROPN", "PRON") or analysis.names.at(target):
        ref = analysis.actor(target)
    else:
        ref = _target_actor(target, analysis)
    if ref is not None:
        person = ref.entity.kind == "Person"
        predicate = cue.actor_predicate or (None if person else cue.issue_predicate)
        if predicate is not None and not walk.holds(ref.entity):
            yield reading.stance(predicate, ref.entity, path, hops=ref.hops)
        return
    predicate = cue.issue_predicate
    if predicate is None and cue.actor_predicate in (
        "criticizes",
        "praises",
        "supports",
        "opposes",
    ):
        predicate = cue.actor_predicate  # "jailed 52 members of X": people, but no name
        if any(t.ent_type_ == "MONEY" for t in target.subtree):
            return  # "charged a $3 toll", "fined $5,000": a sum is no one's conduct
    if predicate is None or (target.pos_ == "PRON" and named_law is None):
        return
    both = _both(target, analysis)
    if both:  # "endorsed both measures": each of the two laws named last
        for law in both:
            yield reading.stance(predicate, law, path * 0.9, hops=1)
        return
    entity = named_law or _phrase_issue(target, analysis)
    if entity is None:
        return
    yield reading.stance(predicate, entity, path * (1.0 if cue.issue_predicate else 0.8))
    yield from _owner(target, predicate, reading, path, walk)
    yield from _preference(reading, walk)
    yield from _against(target, reading, reading.polarity, walk)
    yield from _purpose(target, reading, walk)


def _report_author(noun: Token, analysis: DocAnalysis) -> Referent | None:
    """Who made the claim a report noun names: "the mayor's estimate", "the claim by X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return analysis.actor(child)
        if child.dep_ == "prep" and child.lower_ == "by":
            named = next((o for o in child.children if o.dep_ == "pobj"), None)
            return analysis.actor(named) if named is not None else None
    return None


def _stands_in(noun: Token) -> bool:
    """ "that idea", "the move", "this approach": a noun that only points back at a
    policy named before (not "the idea of a toll", "the move to ban X")."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in STAND_IN_NOUNS
        and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)
        and not any(c.dep_ in ("prep", "acl", "relcl", "amod", "compound") for c in noun.children)
    )


def _earlier_policy(noun: Token, analysis: DocAnalysis) -> Entity | None:
    """The policy a stand-in noun points back at: in its sentence or the two before,
    the nearest sentence's policy noun or named law closest to its main verb ("plans
    to introduce a bill that would bar cities from setting pay rules" is the bill),
    not a stand-in itself, nor, for narration, inside someone's quoted words."""
    here = analysis.sentence_number(noun)
    quoted = analysis.quotes.at(noun.idx) is not None
    for number in range(here, max(here - 3, -1), -1):
        sent = analysis.sentences.all[number]
        found: list[tuple[int, Entity]] = []
        for token in noun.doc[sent.start : min(sent.end, noun.i)]:
            if token.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"):
                continue
            if _stands_in(token) or (not quoted and analysis.quotes.at(token.idx) is not None):
                continue
            policy = analysis.issue_antecedent(token)
            if policy is None and token.pos_ == "NOUN" and token.lemma_.lower() in POLICY_HEADS:
                policy = _phrase_issue(token, analysis)
            if policy is not None:
                found.append((len(list(token.ancestors)), policy))
        if found:
            return min(found, key=lambda f: f[0])[1]
    return None


def _people_asked(target: Token) -> bool:
    """ "asked the nurses who …", "urged the residents": a plural of people as the object."""
    lemma = target.lemma_.lower()
    return (
        target.dep_ == "dobj"
        and target.tag_ == "NNS"
        and (
            lemma in PEOPLE
            or lemma.endswith(("er", "or", "ist", "ian", "ent"))
            or any(c.dep_ == "relcl" and c.left_edge.lower_ == "who" for c in target.children)
        )
    )


def _both(target: Token, analysis: DocAnalysis) -> list[Entity]:
    """ "both measures", "both bills": the last two laws named before."""
    if target.tag_ != "NNS" or target.lemma_.lower() not in GENERIC_ISSUES:
        return []
    if not any(c.lower_ == "both" for c in target.children):
        return []
    found: list[Entity] = []
    names = analysis.names
    for mention, entity in zip(
        reversed(names.mentions), reversed(names.mention_entities), strict=True
    ):
        if mention.start < target.i and entity.kind == "Issue" and entity not in found:
            found.append(entity)
            if len(found) == 2:
                return found
    return []


def _owner(
    target: Token, predicate: str, reading: Reading, path: float, walk: Walk
) -> Iterator[Stance]:
    """ "criticized the agency's award of a grant": praise or blame of a deed is of its
    doer too."""
    if predicate not in EVALUATIVE:
        return
    owner = next((c for c in target.children if c.dep_ == "poss"), None)
    ref = walk.analysis.actor(owner) if owner is not None else None
    if ref is not None and not walk.holds(ref.entity):
        yield reading.stance(predicate, ref.entity, path * 0.9, hops=ref.hops, rule=OWNER)


def _relative_cue(noun: Token, analysis: DocAnalysis, consumed: set[int]) -> Token | None:
    """A cue verb in a relative clause whose subject is the noun itself."""
    for child in noun.children:
        if child.dep_ != "relcl" or child.i in consumed:
            continue
        relative = any(g.dep_ == "nsubj" and g.lower_ in ("that", "which") for g in child.children)
        if relative and match_cue(child, analysis) is not None:
            return child
    return None


def _target_actor(token: Token, analysis: DocAnalysis) -> Referent | None:
    """An actor as target: a name, a description or "the X administration"."""
    if token.pos_ != "NOUN":
        return None
    ref = analysis.actor(token)
    if ref is None:
        return None
    lemma = token.lemma_.lower()
    if lemma in analysis.lexicon.actors or ref.entity.kind == "Person" or ref.hops:
        return ref
    return None


def _clause_stances(verb: Token, reading: Reading, walk: Walk) -> Iterator[Stance]:
    """A clause as target: composed with a cue inside it, or an action."""
    analysis, cue, polarity = walk.analysis, reading.cue, reading.polarity
    for member in (verb, *[c for c in conjuncts(verb) if c.pos_ == "VERB"]):
        walk.consumed.add(member.i)
        inner = match_cue(member, analysis) or _undo_when_asked(member, reading)
        if inner is None:
            light = next((c for c in member.children if c.dep_ == "dobj"), None)
            if light is not None and member.lemma_.lower() in LIGHT_VERBS:
                inner = match_cue(light, analysis)
        subject = next((c for c in member.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        own_subject = subject is not None and subject.lower_ not in RELATIVE
        other = analysis.actor(subject) if own_subject else None
        judged = cue.polarity < 0 or cue.actor_predicate == "praises"
        if other is not None and not walk.holds(other.entity) and judged:
            # "protested that the authorities fail to ...": the criticism is of the authorities;
            # "appreciate that the agency listened": the praise is of the agency
            yield reading.stance(
                cue.actor_predicate or "criticizes", other.entity, 0.7, rule=CLAUSE_SUBJECT
            )
            walk.consumed.discard(member.i)  # its own cue is its subject's stance, read too
            continue
        if other is not None and not walk.holds(other.entity) and inner is not None:
            walk.consumed.discard(member.i)  # a cue with a subject of its own is read on its own
            continue
        if own_subject and other is None and subject.pos_ == "NOUN" and inner is not None:
            continue  # "argued that the law violates X": the law's doing, not the holder's
        if inner is not None and not (polarity < 0 and inner.cue.issue_predicate in EVALUATIVE):
            walk.consumed.add(inner.token.i)
            for s in stances_of(inner, walk):
                yield _combine(s, reading, 0.85)
            # "urged Congress to overturn X": the overturning is supported as well as X opposed;
            # "urged members to reject X" is only opposition (a stance verb, no act on X)
            urged = (
                reading.hit.token.lemma_.lower() in URGE_VERBS
                and inner.cue.polarity < 0
                and inner.cue.actor_predicate is None
            )
            if (
                cue.issue_predicate not in ("proposes", "supports" if urged else "proposes")
                or polarity < 0
                or inner.token.i != member.i
            ):
                continue
            # "plans to dismantle X": the plan itself is proposed too
        if inner is not None and inner.token.i != member.i:
            continue
        if is_verb_fragment(member) or cue.issue_predicate is None:
            continue
        if member.lemma_.lower() == "see" and inner is None:
            # "wants to see a cap on spending": the cap is what is wanted
            for obj in (c for c in member.children if c.dep_ == "dobj"):
                yield from _target_stances(obj, reading, 0.8, walk)
            continue
        if member.lemma_.lower() in MOBILIZING and reading.hit.token.lemma_.lower() in (
            URGE_VERBS | {"want"}
        ):
            continue  # "urged members to call senators", "wants to see research"
        if polarity < 0 and _silence(member):
            continue  # "declined to answer questions": no comment is no stance
        if any(c.dep_ == "dobj" and c.lemma_.lower() == "course" for c in member.children):
            continue  # "reverse course", "change course": no policy named
        if member.lemma_.lower() in NON_ACTIONS and not any(
            c.dep_ == "dobj" for c in member.children
        ):
            continue
        if any(t.dep_ == "dobj" and t.pos_ == "PRON" for t in _verb_chain_children(member)):
            continue  # "pass it": the label would lose what "it" is
        label = action_label(member, clause_subject_label(member, analysis, walk.holders))
        if not label:
            continue
        inner_negated = is_negated(member)
        sign = polarity * (-1 if inner_negated else 1)
        yield reading.stance(
            cue.issue_predicate,
            Entity(issue_key(label), label, "Issue"),
            0.8,
            polarity=sign,
            modality=modality_of(member, reading.modality, analysis),
            negated=reading.negated or inner_negated,
            rule=ACTION,
        )
        yield from _against(member, reading, sign, walk)


def _silence(verb: Token) -> bool:
    """Declining to comment: "declined to comment", "refused to answer questions"."""
    lemma = verb.lemma_.lower()
    if lemma in SILENCE:
        return True
    if lemma not in REPLY_VERBS:
        return False
    said_to = [
        o
        for c in verb.children
        for o in ([c] if c.dep_ == "dobj" else [g for g in c.children if c.dep_ == "prep"])
        if o.dep_ in ("dobj", "pobj")
    ]
    return all(o.lemma_.lower() in QUESTIONS for o in said_to)


def _undo_when_asked(verb: Token, reading: Reading) -> Hit | None:
    """ "asked the agency to withdraw the rule", "urged the city to drop the plan": what
    someone is asked to give up is opposed (one's own "withdrew her amendment" is not)."""
    if (
        verb.lemma_.lower() not in UNDO_WHEN_ASKED
        or reading.hit.token.lemma_.lower() not in URGE_VERBS
        or reading.polarity < 0
    ):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() in ("course", "it", "them"):
        return None  # "reverse course": no policy named
    return Hit(
        verb, Cue(verb.lemma_.lower(), "VERB", None, "opposes", None, -1, 0.8, "asserted"), None
    )


def _verb_chain_children(verb: Token) -> list[Token]:
    """Children of ``verb`` and of the verbs it chains to ("keep fighting it")."""
    out, stack = [], [verb]
    while stack:
        node = stack.pop()
        for child in node.children:
            out.append(child)
            if child.dep_ == "xcomp" and child.pos_ == "VERB":
                stack.append(child)
    return out


def clause_subject_label(verb: Token, analysis: DocAnalysis, holders: list[Referent]) -> str | None:
    """The clause's own subject, when it is not the holder: "STA assisting with ..."."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in (
        "it",
        "they",
        "we",
        "i",
        "he",
        "she",
        "that",
        "which",
        "who",
    ):
        return None
    ref = analysis.actor(subject)
    if ref is not None and ref.entity in [h.entity for h in holders]:
        return None
    if ref is not None:
        return ref.entity.aliases[0] if _short_alias(ref.entity) else ref.entity.label
    return noun_label(subject)


def _short_alias(entity: Entity) -> bool:
    return bool(entity.aliases) and entity.aliases[0].isupper() and len(entity.aliases[0]) <= 6


def _preference(reading: Reading, walk: Walk) -> Iterator[Stance]:
    """ "prioritize X over Y": the stance on Y is the opposite one."""
    token = reading.hit.token
    if token.lemma_.lower() not in PREFERENCE_VERBS:
        return
    objects = [c for c in token.children if c.dep_ == "dobj"]
    for prep in [*token.children, *(g for o in objects for g in o.children)]:
        if prep.dep_ == "prep" and prep.lower_ == "over":
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    label = action_label(obj) if obj.pos_ == "VERB" else noun_label(obj)
                    if label:
                        entity = Entity(issue_key(label), label, "Issue")
                        yield reading.stance(
                            "opposes", entity, 0.7, polarity=-reading.polarity, rule=PREFERENCE
                        )


def _against(token: Token, reading: Reading, polarity: int, walk: Walk) -> Iterator[Stance]:
    """ "sanctions against Nigeria", "mobilize against X": a stance against X."""
    if polarity <= 0:
        return
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "against":
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                ref = walk.analysis.actor(obj)
                entity = ref.entity if ref is not None else issue_entity(obj, walk.analysis)
                if entity is not None:
                    yield reading.stance("opposes", entity, 0.7, polarity=-1, rule=AGAINST)


def _purpose(target: Token, reading: Reading, walk: Walk) -> Iterator[Stance]:
    """ "voted against a resolution to terminate X": a law whose purpose is a negative cue
    carries the stance on to what it would undo, with the polarity flipped (supports X)."""
    if target.lemma_.lower() not in GENERIC_ISSUES:
        return
    for clause in target.children:
        if clause.dep_ not in ("acl", "relcl") or clause.i in walk.consumed:
            continue
        if not _infinitive(clause):  # "a bill that repeals X" is the bill's own stance
            continue
        inner = match_cue(clause, walk.analysis)
        if inner is None or inner.cue.polarity >= 0:
            continue
        acts_on_bodies = inner.cue.actor_predicate is None  # "a bill to abolish the board"
        for s in _clause_stances(clause, reading, walk):
            if (s.target.kind == "Issue" or acts_on_bodies) and s.polarity == -reading.polarity:
                yield replace(s, rule=PURPOSE)


def issue_entity(token: Token, analysis: DocAnalysis) -> Entity | None:
    """The issue a noun phrase names, or the named law it refers back to."""
    return analysis.issue_antecedent(token) or _phrase_issue(token, analysis)


def _phrase_issue(token: Token, analysis: DocAnalysis) -> Entity | None:
    """The issue the noun phrase headed by ``token`` names in its own words, or in
    the words of its fuller mention before ("the line" after "the Mesa Verde line")."""
    fuller = fuller_mention(token, analysis)
    if fuller is not None:
        return fuller
    tokens = phrase_tokens(token)
    if (owner := _possessor_of(token)) is not None:
        tokens = [*phrase_tokens(owner), *tokens]  # "OSHA’s proposed rule"
    if (
        token.dep_ == "dobj"
        and token.head.i < token.i
        and _is_participle_conjunct(token.head, analysis)
    ):
        tokens = [token.head, *tokens]  # "paid family leave" (see _participle_conjuncts)
    if token.pos_ == "PRON" or (token.pos_ == "NUM" and not _money_for(token)):
        return None
    if token.lemma_.lower() in VAGUE_HEADS:
        return None  # "don't agree on much", "the first thing I want": no issue named
    if people_plural(token) or _only_time(tokens) or _bare_stand_in(token, tokens):
        return None  # "promised families", "a plan for the next fiscal year", "a good idea"
    return issue_from_tokens(tokens)


def people_plural(token: Token) -> bool:
    """ "residents", "firefighters", "our towns", "every colleague": people (or their
    places) in the plural,
    whom a policy may serve but no stance is on; not a named group ("Harbor Town
    residents")."""
    lemma = token.lemma_.lower()
    if lemma in MULTITUDES:  # "dozens of nurses"
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return of is not None and any(people_plural(o) for o in of.children if o.dep_ == "pobj")
    many = token.tag_ == "NNS" or any(c.dep_ == "det" and c.lower_ in EACH for c in token.children)
    return (
        many
        and (lemma in PEOPLE or (len(lemma) > 5 and lemma.endswith(PEOPLE_ENDINGS)))
        and not any(t.pos_ == "PROPN" for t in token.lefts)
    )


def _bare_stand_in(token: Token, tokens: list[Token]) -> bool:
    """ "a good idea", "the right move": a stand-in noun with no words of its own but
    judgements, which names no policy (the one it points back at is found by
    :func:`_earlier_policy` where a reading looks for it)."""
    return token.lemma_.lower() in STAND_IN_NOUNS and all(
        t.i == token.i or t.is_punct or t.lower_ in DROP_WORDS or t.pos_ in ("ADJ", "ADV")
        for t in tokens
    )


def _only_time(tokens: list[Token]) -> bool:
    """ "12 months", "the next fiscal year": a span of time and nothing else (not "a
    four-day school week")."""
    words = [t for t in tokens if not t.is_punct and t.lower_ not in DROP_WORDS]
    return bool(words) and all(
        t.lemma_.lower() in TIME_WORDS or t.like_num or t.pos_ in ("ADJ", "ADV") for t in words
    )


def _money_for(token: Token) -> bool:
    """ "requested $180 million for road repairs": a sum with what it is for."""
    return token.ent_type_ == "MONEY" and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in token.children
    )


def fuller_mention(token: Token, analysis: DocAnalysis) -> Entity | None:
    """ "the line", "this cap", "those payments": a bare noun with a definite
    determiner names what a fuller mention of the same noun named shortly before
    ("the Mesa Verde transmission line", "a cap on rent increases", "bridge
    payments"). The issue that mention names, or None when the noun has words of its
    own or no fuller mention precedes it."""
    if token.pos_ != "NOUN" or analysis.names.at(token) is not None:
        return None
    if not any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in token.children) or any(
        t.i != token.i and t.lower_ not in DROP_WORDS for t in phrase_tokens(token)
    ):
        return None
    lemma, here = token.lemma_.lower(), analysis.sentence_number(token)
    doc = token.doc
    for tok in reversed(doc[: token.i]):
        if tok.lemma_.lower() != lemma or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.pos_ == "PROPN" and getattr(analysis.names.at(tok), "kind", None) != "Issue":
            continue  # "this shield" after "the Coastline Shield Act": that law
        if here - analysis.sentence_number(tok) > FULLER_SENTENCES_BACK:
            return None
        named = analysis.names.at(tok)
        if named is not None:
            if named.kind != "Issue":
                return None  # "the council" after "the Parks Council": an actor, not an issue
            return named
        if _target_actor(tok, analysis) is not None:
            return None
        tokens = phrase_tokens(tok)
        if any(t.i != tok.i and t.lower_ not in DROP_WORDS and not t.is_punct for t in tokens):
            return issue_from_tokens(tokens)
    return None


def make_stance(
    predicate: str,
    target: Entity,
    polarity: int,
    cue: Cue,
    modality: str,
    negated: bool,
    path: float,
    *,
    rule: str,
    hops: int = 0,
) -> Stance:
    if PREDICATE_POLARITY[predicate] * polarity < 0:
        predicate = FLIPPED[predicate]
    if predicate == "announces" and polarity < 0:
        predicate = "opposes"
    return Stance(
        predicate,
        target,
        polarity if predicate != "announces" else max(polarity, 0),
        cue.strength,
        modality,
        negated,
        cue.lemma,
        path,
        rule,
        hops,
    )


def _combine(inner: Stance, reading: Reading, path: float, *, own_modality: bool = True) -> Stance:
    """An inner stance seen through an outer cue: "refused to back X" → opposes X.

    ``own_modality`` is false when the inner cue is someone else's noun
    ("resisted efforts to ..."): its planned-ness is not the holder's.
    """
    outer, modality, negated = reading.cue, reading.modality, reading.negated
    sign = inner.polarity * (1 if reading.polarity >= 0 else -1)
    if outer.issue_predicate == "proposes" and inner.predicate == "supports" and sign > 0:
        predicate = "proposes"
    elif inner.predicate == "proposes" and reading.hit.token.lemma_.lower() in URGE_VERBS:
        predicate = "supports"  # "asked Rep. A to co-sponsor it": backs it, proposes nothing
    else:
        predicate = inner.predicate
    chosen = modality if modality != "asserted" or not own_modality else inner.modality
    cue = Cue(
        inner.cue,
        "VERB",
        None,
        predicate,
        predicate,
        sign,
        min(outer.strength, inner.strength),
        chosen,
    )
    return make_stance(
        predicate,
        inner.target,
        sign,
        cue,
        chosen,
        negated or inner.negated,
        inner.path * path,
        rule=COMPOSED,
        hops=inner.hops,
    )
