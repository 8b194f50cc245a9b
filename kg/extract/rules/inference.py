"""inference.v1: claims that follow from other claims of the same article.

The extractors read one construction at a time and cannot see what the others
found. Some sentences only say that one actor stands where another does, and
mean the other's stance:

- agreement: "Mayor Lee opposes the toll. Mayor Reed agreed." gives Reed, besides
  his agreement with Lee (read by relations.v1), Lee's opposition to the toll: each
  stance of the one agreed with on a policy, found in the agreement's sentence or the
  :data:`SENTENCES_BACK` sentences before it (``inference.agreement``);
- ellipsis: "All four Democrats voted for the levy, as did Sen. Ames", "Rep. Orr
  backed the bill. So did Rep. Ames", "Rep. Ames did too", "Rep. Ames followed
  suit", "Rep. Orr backs it, and so does Rep. Ames" ("I back it, and so does our
  union"): Ames does what the clause before says its subject did
  (``inference.ellipsis``);
- joining a vote: "Most Democrats voted for the levy. They were joined by two
  Republicans, Reps. Ames and Orr" (or "Two Republicans joined them"): Ames and Orr
  cast the same vote (``inference.joined``; votes only: "the mayor was joined by
  A at the ceremony" says nothing of A's stances).

A claim inferred this way has the sentence that links the two actors as evidence,
the stance's object and polarity, and its own rule name, so that its confidence
is the rule's measured precision (:mod:`kg.extract.confidence`) with one
inference hop. A stance the actor is already given in the article is not made
again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.analysis import DocAnalysis, Referent
from kg.extract.cues import is_negated, is_supposition
from kg.extract.doctext import tokens_where
from kg.extract.registry import Config, register_inference, rule
from kg.extract.rules.actions import apposed_people
from kg.model import Claim, Entity

NAME, VERSION = "inference.v1", "1.0.0"
AGREEMENT = rule(
    "inference.agreement", NAME, "Y agreed with X: Y takes X's stances stated just before"
)
ELLIPSIS = rule(
    "inference.ellipsis", NAME, "X backed the bill, as did Y / So did Y: Y backs the bill too"
)
JOINED = rule(
    "inference.joined", NAME, "X voted for the bill. X was joined by Y: Y voted for it too"
)
#: How many sentences before an agreement the stances agreed with may stand.
SENTENCES_BACK = 2
#: The verbs of plain agreement with an actor ("Y agreed.", "Y sided with X", "Y stood with
#: X"): sharing someone's concerns, granting that they are right about one thing or
#: working with them is no taking of their stances.
AGREEING_VERBS = frozenset({"agree", "side", "stand"})
#: Dependents that narrow an agreement to one point: "agreed with X that …", "agreed …
#: but said …" (and an adverbial clause with a conjunction: "though she said …").
QUALIFYING_DEPS = frozenset({"ccomp", "conj", "xcomp"})
#: Predicates of stances that pass from one actor to another, and what they become
#: for one who agrees ("agreed with the bill's author" supports the bill, it does not
#: propose it).
AGREED_PREDICATES = {
    "supports": "supports",
    "opposes": "opposes",
    "proposes": "supports",
    "criticizes": "criticizes",
    "praises": "praises",
}
#: Predicates an elliptical clause repeats ("X praised the mayor, as did Y").
REPEATED_PREDICATES = frozenset(
    {"supports", "opposes", "proposes", "criticizes", "praises", "agreesWith", "disagreesWith"}
)
#: Adverbs of a clause that repeats the one before: "Y did too", "Y did as well".
ECHO_ADVERBS = frozenset({"too", "also", "likewise", "similarly"})
#: Auxiliaries that stand for the verb of the clause before: "as did Y", "as has Y".
PRO_VERBS = frozenset({"do", "have"})
#: The only verbs :func:`_ellipsis` reads (lemmas): the loop of :func:`infer` looks at
#: no other token. A new kind of elliptical clause adds its verb here.
ELLIPTICAL_VERBS = PRO_VERBS | {"follow"}


@register_inference(NAME)
def infer(
    doc: Doc, analysis: DocAnalysis, claims: Sequence[Claim], *, config: Config
) -> Iterator[Claim]:
    """Stances that the agreements and elliptical clauses of ``claims``' article pass on."""
    by_sentence: dict[int, list[Claim]] = {}
    starts = [s.start_char for s in analysis.sentences.all]
    for claim in claims:
        by_sentence.setdefault(_sentence_at(starts, claim.provenance.start), []).append(claim)
    for claim in claims:
        here = _sentence_at(starts, claim.provenance.start)
        if _is_agreement(claim, analysis.sentences.all[here]):
            earlier = [
                c
                for n in range(max(0, here - SENTENCES_BACK), here + 1)
                for c in by_sentence.get(n, ())
            ]
            yield from _agreed(claim, earlier, config)
    for sent in analysis.body:
        for token in tokens_where(sent, pos=("VERB", "AUX"), lemma=ELLIPTICAL_VERBS):
            found = _ellipsis(token, sent, analysis)
            if found is None:
                continue
            followers, source, leaders = found
            number = analysis.sentence_number(source.root)
            said = [c for c in by_sentence.get(number, ()) if c.subject.key in leaders]
            yield from _repeated(followers, said, token, sent, analysis, config)
        for token in tokens_where(sent, lemma=("join",)):
            joined = _joined(token, analysis)
            if joined is None:
                continue
            followers, leaders = joined
            here = analysis.sentence_number(token)
            votes = [
                c
                for n in (here - 1, here)
                for c in by_sentence.get(n, ())
                if c.subject.key in leaders and c.cue == "vote" and c.polarity != 0
            ]
            yield from _repeated(followers, votes, token, sent, analysis, config, JOINED)


def _sentence_at(starts: list[int], char: int) -> int:
    """The number of the sentence that holds the character offset ``char``."""
    return max(0, bisect_right(starts, char) - 1)


def _is_agreement(claim: Claim, sent: Span) -> bool:
    """Whether ``claim`` is plain agreement with an actor, unqualified in ``sent``."""
    if (
        claim.predicate != "agreesWith"
        or claim.polarity <= 0
        or not claim.object.is_actor
        or claim.modality not in ("asserted", "planned")
        or claim.cue not in AGREEING_VERBS
    ):
        return False
    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() == claim.cue]
    return bool(verbs) and not any(
        c.dep_ in QUALIFYING_DEPS
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children))
        for verb in verbs
        for c in verb.children
    )


def _agreed(link: Claim, earlier: list[Claim], config: Config) -> Iterator[Claim]:
    """The stances on policies of the one ``link`` agrees with, made the agreer's."""
    for source in earlier:
        predicate = AGREED_PREDICATES.get(source.predicate)
        if (
            predicate is None
            or source.subject.key != link.object.key
            or source.object.kind != "Issue"
            or source.provenance.start > link.provenance.start
        ):
            continue
        yield _follow(link.subject, predicate, source, link, AGREEMENT, config)


def _ellipsis(
    token: Token, sent: Span, analysis: DocAnalysis
) -> tuple[list[Referent], Span, set[str]] | None:
    """Who repeats what, where ``token`` is the verb of an elliptical clause: its
    subjects, the sentence of the clause it repeats, and the keys of that clause's
    subjects."""
    if token.pos_ not in ("VERB", "AUX") or is_negated(token) or is_supposition(token):
        return None
    lemma = token.lemma_.lower()
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and lemma in PRO_VERBS and _so_does(token):
        subject, main = token.head, token.head.head  # "A backs it, and so does B"
    elif subject is None:
        return None
    elif lemma == "follow":
        if not any(c.dep_ == "dobj" and c.lower_ == "suit" for c in token.children):
            return None  # "Y followed suit"
        main = _previous_main_verb(sent, analysis)
    elif lemma not in PRO_VERBS or any(
        c.dep_ in ("dobj", "xcomp", "ccomp", "aux", "prep") for c in token.children
    ):
        return None
    elif token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in token.children
    ):
        main = token.head  # "A voted for it, as did B"
    elif token.dep_ == "ROOT" and _echoes(token):
        main = _previous_main_verb(sent, analysis)  # "So did B.", "B did too."
    elif token.dep_ == "conj" and _echoes(token):
        main = token.head  # "A backs it, and so does B", "A backs it, and B does too"
    else:
        return None
    if main is None:
        return None
    leader = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if leader is None:
        return None
    leaders = {r.entity.key for r in analysis.actors(leader)}
    followers = [
        r for r in analysis.actors(subject) if r.entity.is_actor and r.entity.key not in leaders
    ]
    if not leaders or not followers:
        return None
    return followers, analysis.sentence(main), leaders


def _joined(verb: Token, analysis: DocAnalysis) -> tuple[list[Referent], set[str]] | None:
    """Who joins whom, where ``verb`` is "join": "They were joined by three Republicans —
    Reps. A, B and C" (A, B and C join them; the people, when the list names any), "Two
    Republicans joined them" (not "joined them in voting …", which the vote rules read)."""
    if verb.pos_ != "VERB" or is_negated(verb) or is_supposition(verb):
        return None
    children = {c.dep_: c for c in verb.children}
    if "nsubjpass" in children and "agent" in children:
        leader = children["nsubjpass"]
        joiner = next((c for c in children["agent"].children if c.dep_ == "pobj"), None)
    elif "nsubj" in children and "dobj" in children and "prep" not in children:
        leader, joiner = children["dobj"], children["nsubj"]
    else:
        return None
    if joiner is None:
        return None
    leaders = {r.entity.key for r in analysis.actors(leader)}
    found = [
        r for r in analysis.actors(joiner) if r.entity.is_actor and r.entity.key not in leaders
    ]
    people = [r for r in found if r.entity.kind == "Person"] or [
        r for r in apposed_people(joiner, analysis.sentence(joiner), analysis) if r not in found
    ]
    if not leaders or not found:
        return None
    return people or found, leaders


def _so_does(aux: Token) -> bool:
    """ "A backs the levy, and so does B", parsed with B as a conjunct of "backs" and "so
    does" hung on B."""
    noun = aux.head
    return (
        aux.dep_ == "aux"
        and noun.dep_ == "conj"
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.head.pos_ in ("VERB", "AUX")
        and any(c.lower_ == "so" and c.i < aux.i for c in noun.children)
    )


def _echoes(verb: Token) -> bool:
    """ "So did B", "B did too", "B did as well", "B also did"."""
    doc = verb.doc
    for child in verb.children:
        if child.lower_ == "so" and child.i < verb.i:
            return True
        if child.lower_ in ECHO_ADVERBS:
            return True
        if child.lower_ == "as" and child.i + 1 < len(doc) and doc[child.i + 1].lower_ == "well":
            return True
    return False


def _previous_main_verb(sent: Span, analysis: DocAnalysis) -> Token | None:
    number = analysis.sentence_number(sent.root)
    if number == 0:
        return None
    root = analysis.sentences.all[number - 1].root
    return root if root.pos_ in ("VERB", "AUX") else None


def _repeated(
    followers: list[Referent],
    said: list[Claim],
    token: Token,
    sent: Span,
    analysis: DocAnalysis,
    config: Config,
    made_by: str = ELLIPSIS,
) -> Iterator[Claim]:
    evidence = analysis.evidence(sent, NAME, VERSION)
    speaker = analysis.speaker(token)
    for source in said:
        if source.predicate not in REPEATED_PREDICATES:
            continue
        for follower in followers:
            link = replace(source, provenance=evidence, speaker=speaker, cue=token.lemma_.lower())
            yield _follow(follower.entity, source.predicate, source, link, made_by, config)


def _follow(
    holder: Entity, predicate: str, source: Claim, link: Claim, made_by: str, config: Config
) -> Claim:
    """``source``'s stance held by ``holder``, with ``link``'s evidence."""
    return Claim(
        subject=holder,
        predicate=predicate,
        object=source.object,
        provenance=replace(link.provenance, extractor=NAME, extractor_version=VERSION),
        polarity=source.polarity,
        confidence=config.calibration.confidence(
            made_by, hops=1, modality=source.modality, negated=source.negated
        ),
        negated=source.negated,
        modality=source.modality,
        speaker=link.speaker,
        cue=link.cue,
        rule=made_by,
    )
