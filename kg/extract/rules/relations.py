"""relations.v1: disagreement between actors that no cue word names.

A speaker who calls another's claim false disagrees with its author, though
neither "disagree" nor a name may be in the sentence:

- "That is false." / "With respect, that is simply not true." / "It will not."
  after someone's claim → disagreesWith whoever made the claim (the subject
  of a speech verb, or the speaker, of the sentences just before);
- "The mayor's claim that … is a fantasy" → disagreesWith the mayor;
- "On this bill its leadership is wrong", "we think he has it wrong" →
  disagreesWith the one said to be wrong;
- "We disagree." / "We see it differently." → disagreesWith the claim's author.

Agreement and disagreement named by a cue ("sided with", "clashed with",
"broke with", "joined Y in") and praise or criticism of a person as distinct
from their policy ("commended the secretary for …") are cues of the lexicon,
read by stance.v1.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.analysis import DocAnalysis
from kg.extract.analysis.speakers import is_speech_verb
from kg.extract.cues import is_negated, is_supposition, modality_of
from kg.extract.registry import Config, register, rule
from kg.model import Claim, Entity

NAME, VERSION = "relations.v1", "1.0.0"
REBUTTAL = rule("relations.rebuttal", NAME, "calling the claim before false: That is not true.")
CLAIM_OWNER = rule("relations.claim_owner", NAME, "calling X's claim false: X's claim is a fantasy")
WRONG_ACTOR = rule("relations.wrong_actor", NAME, "calling an actor wrong: he has it wrong")
BARE_DISAGREEMENT = rule("relations.bare", NAME, "a disagreement with no object: We disagree.")

#: Words that call a claim false ("that is a myth").
FALSE_WORDS = frozenset(
    """false untrue wrong incorrect inaccurate misleading fantasy myth nonsense fiction lie
    falsehood baseless absurd bogus fabrication distortion mistaken""".split()
)
#: Words that call a claim false when negated ("that is not true").
TRUE_WORDS = frozenset({"true", "accurate", "correct", "right", "so", "case"})
#: Nouns for what someone claims: "the administrator's claim that …".
CLAIM_NOUNS = frozenset(
    """claim argument assertion suggestion notion contention allegation statement charge
    prediction estimate promise premise""".split()
)
#: Pronouns that point back at the claim just reported.
BACK_POINTERS = frozenset({"that", "this", "it"})
#: How many sentences back the rebutted claim may be.
SENTENCES_BACK = 3


@register(NAME)
def extract_relations(doc: Doc, analysis: DocAnalysis, *, config: Config) -> Iterator[Claim]:
    """disagreesWith claims from rebuttals."""
    for sent in analysis.body:
        for token in sent:
            found = _rebuttal(token, analysis)
            if found is None:
                continue
            made_by, target = found
            holder = analysis.speaker(token)
            if holder is None or target is None or target.key == holder.key:
                continue
            if not target.is_actor or is_supposition(token):
                continue
            modality = modality_of(token, "asserted", analysis)
            yield Claim(
                subject=holder,
                predicate="disagreesWith",
                object=target,
                provenance=analysis.evidence(sent, NAME, VERSION),
                polarity=-1,
                confidence=config.calibration.confidence(made_by, hops=1, modality=modality),
                modality=modality,
                speaker=holder,
                cue=token.lower_,
                rule=made_by,
            )


def _rebuttal(token: Token, analysis: DocAnalysis) -> tuple[str, Entity | None] | None:
    """(rule, the actor disagreed with) when ``token`` rebuts a claim."""
    if token.lemma_ == "be":
        return _copular(token, analysis)
    if token.lemma_ in ("have", "get") and _calls_wrong(token):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        return (WRONG_ACTOR, _actor(subject, analysis)) if subject is not None else None
    if token.lemma_ == "disagree" and not any(c.dep_ == "prep" for c in token.children):
        if is_negated(token):
            return None
        return BARE_DISAGREEMENT, _claim_author(token, analysis)
    if token.lemma_ == "see" and any(c.lower_ == "differently" for c in token.children):
        return BARE_DISAGREEMENT, _claim_author(token, analysis)
    return None


def _copular(verb: Token, analysis: DocAnalysis) -> tuple[str, Entity | None] | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    word = next((c for c in verb.children if c.dep_ in ("attr", "acomp")), None)
    if subject is None or word is None:
        return None
    lemma, negated = word.lemma_.lower(), is_negated(verb) or is_negated(word)
    false = (lemma in FALSE_WORDS and not negated) or (lemma in TRUE_WORDS and negated)
    if not false:
        return None
    if subject.lower_ in BACK_POINTERS and subject.pos_ == "PRON":
        return REBUTTAL, _claim_author(verb, analysis)
    if subject.lemma_.lower() in CLAIM_NOUNS:
        owner = next((c for c in subject.children if c.dep_ == "poss"), None) or next(
            (
                o
                for p in subject.children
                if p.dep_ == "prep" and p.lower_ == "by"
                for o in p.children
                if o.dep_ == "pobj"
            ),
            None,
        )  # "X's claim", "the claim by X"
        if owner is not None:
            return CLAIM_OWNER, _actor(owner, analysis)
        return REBUTTAL, _claim_author(verb, analysis)
    if lemma in ("wrong", "mistaken"):
        return WRONG_ACTOR, _actor(subject, analysis)  # "its leadership is wrong"
    return None


def _calls_wrong(verb: Token) -> bool:
    """ "has it wrong", "got it all wrong" (the parser reads "it wrong" either way)."""
    doc, i = verb.doc, verb.i
    return (
        i + 2 < len(doc)
        and doc[i + 1].lower_ == "it"
        and any(t.lower_ in ("wrong", "backwards") for t in doc[i + 2 : i + 4])
    )


def _actor(token: Token, analysis: DocAnalysis) -> Entity | None:
    ref = analysis.actor(token)
    return ref.entity if ref is not None else None


def _claim_author(token: Token, analysis: DocAnalysis) -> Entity | None:
    """Who made the claim a rebuttal answers: in the sentences just before, the
    subject of a speech verb, else their speaker; the nearest one that is not
    the rebutting speaker."""
    holder = analysis.speaker(token)
    here = analysis.sentence_number(token)
    for back in range(1, SENTENCES_BACK + 1):
        number = here - back
        if number < 0:
            break
        sent = analysis.sentences.all[number]
        for author in _authors(sent, analysis):
            if holder is None or author.key != holder.key:
                return author
    return None


def _authors(sent: Span, analysis: DocAnalysis) -> Iterator[Entity]:
    for token in sent:
        if token.pos_ == "VERB" and is_speech_verb(token, analysis.lexicon):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and (ref := analysis.actor(subject)) is not None:
                yield ref.entity
    for token in sent:
        speaker = analysis.speaker(token)
        if speaker is not None:
            yield speaker
            return
