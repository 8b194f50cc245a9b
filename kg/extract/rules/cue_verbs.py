"""stance.v1: who supports, opposes, criticises, proposes what, from the parse.

A stance starts at a cue from the lexicon (a verb, a noun or an adjective).
The holder is the cue's subject, "by" agent, possessor, apposition or the
subject of the light verb that governs it; the target is its object,
prepositional object or clausal complement. A clausal complement that holds a
cue of its own is composed with the outer one ("refused to back X" → opposes
X); one that holds a plain action becomes an action target ("plan to
dismantle X" → proposes "dismantling X"). Negation flips polarity, modality
follows the clause (planned, hypothetical, counterfactual, questioned), and
a future-tense commitment with no cue ("the county will not accept the levy")
is a stance too.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.analysis import DocAnalysis, Referent
from kg.extract.analysis.coref import VOTED_ON
from kg.extract.analysis.speakers import is_speech_verb
from kg.extract.cues import (
    FUTURE_AUX,
    NON_ACTIONS,
    Hit,
    cue_candidates,
    depth,
    is_negated,
    is_supposition,
    is_unheld,
    match_cue,
    modality_of,
)
from kg.extract.doctext import tokens_where
from kg.extract.holders import DEONTIC, holders_of
from kg.extract.labels import action_label, issue_key
from kg.extract.lexicon import Cue
from kg.extract.registry import Config, register, rule
from kg.extract.targets import (
    Stance,
    Walk,
    clause_subject_label,
    issue_entity,
    make_stance,
    stances_of,
)
from kg.model import Claim, Entity

NAME, VERSION = "stance.v1", "1.0.0"

#: Speech verbs that report a fear, not a wish: "warned that X would hurt Y".
WARNING_VERBS = frozenset({"warn", "fear", "predict", "worry", "caution", "complain", "claim"})
#: Verbs that report a forecast or an argument: what "will" happen in their clause is
#: the reporter's expectation, not a commitment of the clause's subject.
FORECAST_VERBS = WARNING_VERBS | frozenset({"argue", "expect", "believe", "think", "estimate"})
#: Cues whose negation leaves the holder undecided rather than opposed.
UNDECIDED_WHEN_NEGATED = frozenset({"commit", "decide", "endorse", "pledge"})
WH_WORDS = frozenset({"how", "why", "what", "when", "where", "whether", "who"})
MUTUAL = rule("mutual", NAME, "actors joined as a cue's subject: A and B disagree on X")
COMMITMENT = rule("commitment", NAME, "a future-tense commitment: X will not accept Y")
#: Objects that only point back: "pass the first and send the second back".
BACK_REFERENCES = frozenset({"first", "second", "third", "former", "latter", "one", "both"})
WISH = rule("wish", NAME, "what a speaker says another should do: 'X should fund Y,' she said")
WITHOUT = rule(
    "cue.without", NAME, "what a speaker says cannot be done without: X argues that without Y ..."
)
REPORTED_COMMITMENT = rule(
    "commitment.reported",
    NAME,
    "a speaker's report of what another will do: X said the agency will not help with Y",
)


@register(NAME)
def extract_stances(doc: Doc, analysis: DocAnalysis, *, config: Config) -> Iterator[Claim]:
    """Stance claims of every body sentence of ``doc``."""
    for sent in analysis.body:
        consumed: set[int] = set()
        hits = [hit for tok in cue_candidates(sent, analysis) if (hit := match_cue(tok, analysis))]
        hits.sort(key=lambda h: depth(h.token))
        for hit in hits:
            if hit.token.i in consumed:
                continue
            consumed.add(hit.token.i)
            if _unused_chance(hit.token) or _joined_for_no_cause(hit.token):
                continue
            holders = holders_of(hit, analysis)
            if not holders or _voiced_by_others(hit.token, holders, analysis):
                continue
            stances = list(stances_of(hit, Walk(analysis, holders, consumed)))
            yield from _claims(analysis, config, sent, hit.token, holders, stances)
            yield from _mutual(analysis, config, sent, hit, holders, stances)
        yield from _commitments(analysis, config, sent, consumed)
        yield from _without(analysis, config, sent)
        yield from _wishes(analysis, config, sent, consumed)


#: Nouns whose infinitive is something one could do, not something done: "had every
#: chance to work with the unions".
CHANCES = frozenset({"opportunity", "chance", "time", "ability", "right", "option", "freedom"})


def _unused_chance(verb: Token) -> bool:
    """ "The governor had every chance to work with the unions": a chance, no stance."""
    return (
        verb.dep_ == "acl"
        and verb.head.lemma_.lower() in CHANCES
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _joined_for_no_cause(verb: Token) -> bool:
    """ "The mayor joined A and B to open the school", "they were joined by three
    members", "she joined the council": company, not agreement. Joining is agreement
    only in a shared act or cause: "joined A in voting no", "in the call for X"."""
    if verb.lemma_.lower() != "join":
        return False
    return not any(
        o.tag_ == "VBG" or (o.pos_ == "NOUN" and o.ent_type_ not in ("DATE", "TIME"))
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for o in p.children
        if o.dep_ in ("pobj", "pcomp")
    )


def _voiced_by_others(token: Token, holders: list[Referent], analysis: DocAnalysis) -> bool:
    """ "Some say we should scrap the plan. They are wrong.": what unnamed
    others are reported to say of the speaker is not the speaker's stance."""
    speaker = analysis.speaker(token)
    if speaker is None or any(h.entity != speaker for h in holders):
        return False
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ == "ccomp" and is_speech_verb(node.head, analysis.lexicon):
            subject = next(
                (c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")), None
            )
            return subject is not None and analysis.actor(subject) is None
        node = node.head
    return False


def _mutual(
    analysis: DocAnalysis,
    config: Config,
    sent: Span,
    hit: Hit,
    holders: list[Referent],
    stances: list[Stance],
) -> Iterator[Claim]:
    """ "A and B disagree on X": A disagrees with B (the scorer and the ontology
    treat agreesWith / disagreesWith as symmetric, so one direction is enough)."""
    predicate = hit.cue.actor_predicate
    if predicate not in ("agreesWith", "disagreesWith") or hit.cue.pos != "VERB":
        return
    if len(holders) < 2 or any(s.target.is_actor for s in stances):
        return
    polarity = hit.cue.polarity * (-1 if is_negated(hit.token) else 1)
    if polarity != hit.cue.polarity and _on_little(hit.token):
        # "A and I don't agree on everything, but we agree on the levy": a hedge, and the
        # agreement that follows it is the claim
        if not any(
            c.dep_ == "conj" and c.lemma_ == hit.token.lemma_ and not is_negated(c)
            for c in hit.token.children
        ):
            return
        polarity = hit.cue.polarity
    for n, first in enumerate(holders):
        for second in holders[n + 1 :]:
            stance = make_stance(
                predicate,
                second.entity,
                polarity,
                hit.cue,
                modality_of(hit.token, hit.cue.modality, analysis),
                polarity != hit.cue.polarity,
                0.85,
                rule=MUTUAL,
            )
            yield from _claims(analysis, config, sent, hit.token, [first], [stance])


#: Quantities that make a negated agreement a hedge: "we don't agree on everything".
LITTLE = frozenset({"much", "everything", "all", "anything", "many", "most", "lot"})


def _on_little(verb: Token) -> bool:
    """ "agree on everything", "agree on all of it": what is (not) agreed on is no issue."""
    return any(
        o.lower_ in LITTLE
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "on"
        for o in p.children
        if o.dep_ == "pobj"
    )


def _commitments(
    analysis: DocAnalysis, config: Config, sent: Span, consumed: set[int]
) -> Iterator[Claim]:
    """ "the county will not accept the levy", "the STA will not assist with X"."""
    for verb in tokens_where(sent, pos=("VERB",)):
        if verb.i in consumed or verb.lemma_.lower() in NON_ACTIONS:
            continue
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        reported = verb.dep_ == "ccomp" and is_speech_verb(verb.head, analysis.lexicon)
        if not (auxes & FUTURE_AUX or ("would" in auxes and reported)):
            continue
        if verb.dep_ not in ("ROOT", "ccomp", "conj") or any(
            c.lower_ in WH_WORDS
            for c in verb.children
            if c.dep_ in ("advmod", "mark", "nsubj", "dobj")
        ):
            continue
        if not any(c.dep_ in ("dobj", "prep", "xcomp", "prt", "dative") for c in verb.children):
            continue
        if _chained_cue(verb, consumed):
            continue  # "would try to repeal the law": the cue's own stance says it
        subject_tok = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject_tok is not None and any(
            c.dep_ == "det" and c.lower_ in ("every", "each", "any", "no", "some")
            for c in subject_tok.children
        ):
            continue  # "every state will try it": a forecast about anyone, no one's commitment
        subjects = analysis.actors(subject_tok) if subject_tok is not None else []
        subjects = [s for s in subjects if s.entity.is_actor]  # "the act would …": no one's
        if subject_tok is not None and subject_tok.lower_ == "it":
            subjects = [s for s in subjects if s.entity.kind != "Person"]  # "it will pay for …"
        speaker = analysis.speaker(verb)
        negated = is_negated(verb)
        cue = Cue(verb.lemma_.lower(), "VERB", None, "proposes", None, 1, 0.6, "planned")
        named_speaker = speaker is not None and speaker in analysis.names.mention_entities
        if (
            reported
            and named_speaker
            and subjects  # "the STA will not ..."; not "the regulation would hurt ..."
            and verb.head.lemma_.lower() not in FORECAST_VERBS  # "argue the team will move"
            and speaker not in [s.entity for s in subjects]
        ):
            holders = [Referent(speaker, 1)]
            subject = (
                clause_subject_label(verb, analysis, holders) if subject_tok is not None else None
            )
            if subject is None:
                continue
            label, predicate, made_by = action_label(verb, subject), "supports", REPORTED_COMMITMENT
        elif subjects and not (
            verb.dep_ == "ccomp" and verb.head.lemma_.lower() in FORECAST_VERBS
        ):  # "supporters argue the team will move": a forecast, not the team's commitment
            holders, label, predicate = subjects, action_label(verb), "proposes"
            made_by = COMMITMENT
        else:
            continue
        if len(label.split()) < 2:
            continue  # "we will defend ourselves": no policy named
        modality = modality_of(verb, "planned", analysis)
        if modality == "counterfactual":
            continue  # "we would have passed it": what did not happen commits no one
        consumed.add(verb.i)
        entity = Entity(issue_key(label), label, "Issue")
        stance = make_stance(
            predicate,
            entity,
            -1 if negated else 1,
            cue,
            modality,
            negated,
            0.75,
            rule=made_by,
        )
        yield from _claims(analysis, config, sent, verb, holders, [stance])


def _wishes(
    analysis: DocAnalysis, config: Config, sent: Span, consumed: set[int]
) -> Iterator[Claim]:
    """ "Congress should not lock in the tax break," she said: what a speaker says
    another should (not) do is the speaker's stance on doing it."""
    for verb in tokens_where(sent, pos=("VERB",)):
        if verb.i in consumed or verb.lemma_.lower() in NON_ACTIONS:
            continue
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if not auxes & DEONTIC or verb.dep_ not in ("ROOT", "ccomp", "conj"):
            continue
        if not any(c.dep_ in ("dobj", "prep", "xcomp", "prt") for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        speaker = analysis.speaker(verb)
        subjects = analysis.actors(subject) if subject is not None else []
        if (
            not subjects
            or speaker is None
            or speaker not in analysis.names.mention_entities
            or speaker in [s.entity for s in subjects]
        ):
            continue
        if any(c.dep_ == "dobj" and c.lower_ in BACK_REFERENCES for c in verb.children):
            continue  # "should pass the first": which one, the label would not say
        label = action_label(verb)
        if len(label.split()) < 2:
            continue
        consumed.add(verb.i)
        negated = is_negated(verb)
        cue = Cue(verb.lemma_.lower(), "VERB", None, "supports", None, 1, 0.6, "asserted")
        stance = make_stance(
            "supports",
            Entity(issue_key(label), label, "Issue"),
            -1 if negated else 1,
            cue,
            modality_of(verb, "asserted", analysis),
            negated,
            0.7,
            rule=WISH,
        )
        yield from _claims(analysis, config, sent, verb, [Referent(speaker, 1)], [stance])


def _without(analysis: DocAnalysis, config: Config, sent: Span) -> Iterator[Claim]:
    """ "argues that without the levy the clinic will close": what a speaker says
    cannot be done without is what the speaker supports."""
    for prep in tokens_where(sent, lower=("without",), dep=("prep",)):
        if prep.head.dep_ != "ccomp":
            continue
        report = prep.head.head
        if not is_speech_verb(report, analysis.lexicon) or prep.i > prep.head.i:
            continue  # "without" must open the reported clause, before its verb
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        named = analysis.names.at(obj) if obj is not None else None
        if obj is None or not (
            (named is not None and named.kind == "Issue") or obj.lemma_.lower() in VOTED_ON
        ):
            continue
        target = issue_entity(obj, analysis)
        subject = next((c for c in report.children if c.dep_ == "nsubj"), None)
        holders = analysis.actors(subject) if subject is not None else []
        if target is None or not holders:
            continue
        cue = Cue("without", "ADP", None, "supports", None, 1, 0.7, "asserted")
        stance = make_stance("supports", target, 1, cue, "asserted", False, 0.7, rule=WITHOUT)
        yield from _claims(analysis, config, sent, prep, holders, [stance])


def _chained_cue(verb: Token, consumed: set[int]) -> bool:
    """Whether a verb the clause chains to ("try to repeal") is a cue already read."""
    node = verb
    for _ in range(4):
        node = next((c for c in node.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if node is None:
            return False
        if node.i in consumed:
            return True
    return False


def _claims(
    analysis: DocAnalysis,
    config: Config,
    sent: Span,
    cue_token: Token,
    holders: list[Referent],
    stances: list[Stance],
) -> Iterator[Claim]:
    if is_supposition(cue_token) or is_unheld(cue_token):
        return  # "if the council approves it": a supposition, nobody's stance
    evidence = analysis.evidence(sent, NAME, VERSION)
    speaker = analysis.speaker(cue_token)
    voted = cue_token.dep_ in ("xcomp", "advcl") and cue_token.head.lemma_ == "vote"
    for holder in holders:
        for stance in stances:
            if voted and stance.predicate == "announces":
                continue  # "voted to launch a pilot" supports it (actions.v1), announces nothing
            if stance.target == holder.entity or stance.target.key == holder.entity.key:
                continue
            if stance.modality == "questioned":
                continue  # a question ("Does X back Y?", "asked whether X backs Y") claims nothing
            if stance.negated and stance.polarity > 0:
                continue  # "I do not oppose rail where it pays": not opposing is not support
            if stance.negated and stance.cue in UNDECIDED_WHEN_NEGATED:
                continue  # "has not committed to the facility": undecided, not opposed
            confidence = config.calibration.confidence(
                stance.rule,
                hops=holder.hops + stance.hops,
                modality=stance.modality,
                negated=stance.negated,
            )
            yield Claim(
                subject=holder.entity,
                predicate=stance.predicate,
                object=stance.target,
                provenance=evidence,
                polarity=stance.polarity,
                confidence=confidence,
                negated=stance.negated,
                modality=stance.modality,
                speaker=speaker,
                cue=stance.cue,
                rule=stance.rule,
            )
