"""announcements.v1: what an agency or an official makes public is its announcement.

Agency releases rarely say "announced"; they say what was done:

- an official act on an instrument: "the agency finalized a rule", "the board
  awarded a grant", "the office opened an investigation", "the commission sued X"
  (a lawsuit against X) → the actor announces the rule, grant, investigation
  or lawsuit;
- an announcement of one's own act: "HUD announced that it has charged X with
  …" → HUD announces charging X (the clause's subject must be the announcer:
  "announced that the city had sued" is the city's act, not the announcer's);
- an actor's decision or award: "the department's decision to rescind the
  grant", "the agency's award of a grant to X" → the actor announces
  rescinding the grant, the grant.

A negated act, a question or a condition announces nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.analysis import DocAnalysis, Referent
from kg.extract.cues import is_negated, is_supposition, is_unheld, modality_of
from kg.extract.doctext import tokens_where
from kg.extract.holders import clause_subject
from kg.extract.labels import action_label, issue_from_tokens, issue_key, phrase_tokens
from kg.extract.registry import Config, register, rule
from kg.extract.rules.actions import holder_claims
from kg.model import Claim, Entity

NAME, VERSION = "announcements.v1", "1.0.0"
DEED = rule(
    "announce.deed", NAME, "an official act on an instrument: the agency finalized a rule, sued X"
)
REPORTED = rule(
    "announce.reported",
    NAME,
    "an announcement of one's own act: X announced that it has opened an investigation",
)
DECISION = rule(
    "announce.decision",
    NAME,
    "an actor's decision or award: the agency's decision to rescind X, its award of a grant",
)

#: Verbs of an official act that make an instrument public.
DEED_VERBS = frozenset(
    """finalize issue award open launch release file grant adopt publish impose establish
    approve""".split()
)
#: Verbs whose object is the one acted against: "sued X" is a lawsuit against X.
SUE_VERBS = {"sue": "lawsuit against", "charge": "charge against"}
#: What an agency or official makes public.
INSTRUMENTS = frozenset(
    """rule regulation grant lawsuit suit charge complaint investigation inquiry probe program
    programme order guidance standard agreement deal settlement waiver permit contract award
    policy initiative audit review moratorium ban tariff exemption subpoena fine penalty
    loan fund funding""".split()
)
#: Nouns of an actor's decision, with its possessor as the one who made it.
DECISION_NOUNS = frozenset({"decision", "award", "agreement", "move", "announcement", "order"})
#: Announcing verbs whose clause may report the announcer's own act.
ANNOUNCING = frozenset({"announce", "say", "confirm", "disclose", "report"})
ACTOR_KINDS = frozenset({"Person", "Organization"})


@register(NAME)
def extract_announcements(doc: Doc, analysis: DocAnalysis, *, config: Config) -> Iterator[Claim]:
    """Announcements that official acts, reported acts and decisions express."""
    for sent in analysis.body:
        for token in tokens_where(sent, pos=("VERB", "NOUN")):
            if token.pos_ == "VERB":
                yield from _deed(token, sent, analysis, config)
                yield from _reported(token, sent, analysis, config)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in DECISION_NOUNS:
                yield from _decision(token, sent, analysis, config)


def _deed(verb: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "The agency finalized a rule", "The commission sued a lender"."""
    target = _deed_target(verb, analysis)
    if target is None or verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ANNOUNCING:
        return  # "announced that it has charged X": read as reported
    holders = _actors(clause_subject(verb, analysis))
    yield from _claims(holders, target, verb, DEED, sent, analysis, config)


def _deed_target(verb: Token, analysis: DocAnalysis) -> Entity | None:
    lemma = verb.lemma_.lower()
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if lemma in SUE_VERBS:
        ref = analysis.actor(obj)
        if ref is None or ref.entity.kind not in ACTOR_KINDS | {"Place"}:
            return None
        label = f"{SUE_VERBS[lemma]} {ref.entity.label}"
        return Entity(issue_key(label), label, "Issue")
    if lemma not in DEED_VERBS or obj.lemma_.lower() not in INSTRUMENTS:
        return None
    return issue_from_tokens(_unowned(phrase_tokens(obj)))


def _reported(verb: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "HUD announced that it has charged X with …": HUD announces charging X."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in ANNOUNCING:
        return
    announcer = _actors(clause_subject(verb.head, analysis))
    doer = _actors(clause_subject(verb, analysis))
    if not announcer or [r.entity for r in doer] != [r.entity for r in announcer]:
        return
    lemma = verb.lemma_.lower()
    if lemma not in DEED_VERBS and lemma not in SUE_VERBS:
        return
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return
    if obj.lemma_.lower() in INSTRUMENTS and lemma not in SUE_VERBS:
        target = issue_from_tokens(_unowned(phrase_tokens(obj)))
    else:
        label = action_label(verb)
        target = Entity(issue_key(label), label, "Issue") if label else None
    if target is not None:
        yield from _claims(announcer, target, verb, REPORTED, sent, analysis, config)


def _decision(noun: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "the department's decision to rescind the grant", "its award of a grant to X"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return
    holders = _actors(analysis.actors(owner))
    target: Entity | None = None
    of = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    if noun.lemma_.lower() in INSTRUMENTS and not of:  # "its agreement with Canada to …"
        target = issue_from_tokens(_unowned(phrase_tokens(noun)))
        yield from _claims(holders, target, noun, DECISION, sent, analysis, config)
        return
    for child in noun.children:
        if child.dep_ == "acl" and child.pos_ == "VERB" and child.i > noun.i:
            label = action_label(child)
            target = Entity(issue_key(label), label, "Issue") if label else None
            break
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and analysis.actor(obj) is None:
                target = issue_from_tokens(phrase_tokens(obj))
            break
    if target is not None:
        yield from _claims(holders, target, noun, DECISION, sent, analysis, config)


def _unowned(tokens: list[Token]) -> list[Token]:
    """The phrase without its possessor: "the agency's rule" → "rule"."""
    owned = {t.i for tok in tokens if tok.dep_ == "poss" for t in tok.subtree}
    return [t for t in tokens if t.i not in owned]


def _actors(refs: list[Referent]) -> list[Referent]:
    return [r for r in refs if r.entity.kind in ACTOR_KINDS]


def _claims(
    holders: list[Referent],
    target: Entity | None,
    token: Token,
    made_by: str,
    sent: Span,
    analysis: DocAnalysis,
    config: Config,
) -> Iterator[Claim]:
    if (
        target is None
        or not holders
        or is_negated(token)
        or is_supposition(token)
        or is_unheld(token)
    ):
        return
    modality = modality_of(token, "asserted", analysis)
    if modality in ("questioned", "counterfactual"):
        return
    yield from holder_claims(
        holders,
        target,
        token,
        predicate="announces",
        polarity=1,
        modality=modality,
        evidence=analysis.evidence(sent, NAME, VERSION),
        made_by=made_by,
        analysis=analysis,
        config=config,
    )
