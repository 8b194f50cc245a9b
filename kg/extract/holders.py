"""Who holds a stance: the cue's subject, "by" agent, possessor or apposition,
the subject of the light verb that governs a noun cue, or the reported speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.analysis import DocAnalysis, Referent
from kg.extract.analysis.speakers import DEONTIC, is_speech_verb, unsaid
from kg.extract.cues import LIGHT_VERBS, RECEIVE_VERBS, Hit, verdict_verb


def holders_of(hit: Hit, analysis: DocAnalysis) -> list[Referent]:
    """Who takes the stance; failing the grammar, whoever is reported saying it.

    A clause with a subject of its own that is no actor ("the levy hurts
    families", "cities that refuse to comply") is not the speaker's stance.
    """
    token = hit.token
    speaker = analysis.speaker(token)
    if speaker is not None and hit.cue.pos == "VERB" and _deontic(token):
        return [Referent(speaker, 2)]  # "the council should reject it," she said: her wish
    found = _grammatical_holders(hit, analysis)
    if found or own_subject(hit) is not None or _thing_ready(hit, analysis):
        return found
    if hit.cue.pos == "NOUN" and any(c.dep_ == "poss" for c in token.children):
        return []  # "the utility's objection": the utility's, even if it is not known
    return [Referent(speaker, 2)] if speaker is not None else []


def _thing_ready(hit: Hit, analysis: DocAnalysis) -> bool:
    """ "the line was ready to break ground": an adjective whose clause says what a thing
    (no actor) is set to do is nobody's stance, not the speaker's."""
    token = hit.token
    if hit.cue.pos != "ADJ" or token.dep_ != "acomp":
        return False
    if not any(c.dep_ == "xcomp" for c in (*token.children, *token.head.children)):
        return False
    subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and analysis.actor(subject) is None


def _deontic(verb: Token) -> bool:
    """ "X should reject it", or a stance inside words X is asked to say: "X should say
    plainly that she opposes it"."""
    if any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in verb.children):
        return True
    clause = verb
    for _ in range(2):
        if clause.dep_ not in ("ccomp", "conj") or clause.head.i == clause.i:
            return False
        clause = clause.head
        if clause.pos_ in ("VERB", "AUX") and unsaid(clause):
            return True
    return False


def own_subject(hit: Hit) -> Token | None:
    """The subject of an active cue verb's own clause (or the noun a relative
    clause modifies), if it has one."""
    token = hit.token
    if hit.cue.pos != "VERB" or token.pos_ not in ("VERB", "AUX") or is_passive(token):
        return None
    if verdict_verb(token) is not None:
        return None
    if _deontic(token):
        return None  # "X said the city must reject it": what X wants done is X's stance
    return subject_token(token)


def subject_token(verb: Token, depth: int = 0, *, passive_ok: bool = False) -> Token | None:
    """The subject ``verb`` takes, from its own clause or the one it is part of:
    "X vowed to fight", "X met and agreed", "cities that refuse" (the noun)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None and (passive_ok or not is_passive(verb)):
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None:
        return subject
    if (doer := _for_doer(verb)) is not None:
        return doer
    if (
        depth < 3
        and verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp")
        and verb.head.i != verb.i
    ):
        return subject_token(_over_preposition(verb), depth + 1)
    if depth < 3 and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if depth < 3 and verb.dep_ in ("acl", "relcl") and verb.head.lower_ in HOW_MUCH:
        # "these deals do nothing to protect X": the deals' doing, not the speaker's
        return subject_token(verb.head.head, depth + 1)
    return None


#: Pronouns of amount an infinitive may follow: "did little to help", "do nothing to stop".
HOW_MUCH = frozenset({"nothing", "little", "much", "something", "everything", "anything"})


def _over_preposition(verb: Token) -> Token:
    """The clause ``verb`` belongs to: "said in announcing the rule" → "said";
    "said the agency would cooperate but defended its staff" → "said" (a verb in
    the past cannot share "would" with the verb it is joined to)."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VBD"
        and head.tag_ == "VB"
        and head.dep_ == "ccomp"
        and head.head.tag_ == "VBD"
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    ):
        return head.head
    return head


def _for_doer(verb: Token) -> Token | None:
    """ "thanked Ann Lee for announcing …", "blamed the mayor for cutting …":
    the one thanked or blamed is who did it; so is the one "charged with violating …",
    and the one "thanked for her leadership in fighting for …"."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("for", "with", "in") or verb.tag_ != "VBG":
        return None
    governor = verb.head.head
    if verb.head.lower_ == "in" and governor.pos_ == "NOUN":  # "her work in securing it"
        return next((c for c in governor.children if c.dep_ == "poss"), None)
    thanked = next((c for c in governor.children if c.dep_ == "dobj"), None)
    if verb.head.lower_ == "in" and not any(  # "thanked X for her work in securing it"
        c.dep_ == "prep" and c.lower_ == "for"
        for c in (*governor.children, *(thanked.children if thanked is not None else ()))
    ):
        return None  # "said in announcing the rule": the clause the verb is part of
    return thanked


def _grammatical_holders(hit: Hit, analysis: DocAnalysis) -> list[Referent]:
    token = hit.token
    if (verb := verdict_verb(token)) is not None:
        return clause_subject(verb, analysis)  # "X called the plan a disaster"
    if token.pos_ == "NOUN" and hit.cue.pos == "NOUN":
        return noun_holders(token, analysis)
    if hit.cue.pos == "ADP":
        return clause_subject(token.head, analysis, passive_ok=True)
    if hit.cue.pos == "ADJ":
        return clause_subject(
            token.head if token.dep_ in ("acomp", "attr") else token, analysis, passive_ok=True
        )
    return _verb_holders(token, analysis)


def _verb_holders(verb: Token, analysis: DocAnalysis) -> list[Referent]:
    if is_passive(verb):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is None:  # the parser often hangs a late "by" phrase on a higher verb
            agent = next(
                (
                    c
                    for a in verb.ancestors
                    for c in a.children
                    if c.dep_ in ("agent", "prep") and c.lower_ == "by" and c.i > verb.i
                ),
                None,
            )
        pobj = (
            next((c for c in agent.children if c.dep_ == "pobj"), None)
            if agent is not None
            else None
        )
        return analysis.actors(pobj) if pobj is not None else []
    return clause_subject(verb, analysis)


def clause_subject(
    verb: Token, analysis: DocAnalysis, depth: int = 0, *, passive_ok: bool = False
) -> list[Referent]:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None and (passive_ok or not is_passive(verb)):
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None:
        return analysis.actors(subject)
    if (doer := _for_doer(verb)) is not None:
        return analysis.actors(doer)
    if (
        depth < 3
        and verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp")
        and verb.head.i != verb.i
    ):
        found = clause_subject(_over_preposition(verb), analysis, depth + 1)
        head = verb.head
        if not found and verb.dep_ == "conj" and _reported(head, analysis):
            # "X said the bill would raise costs and urged members to oppose it": the parser
            # hung X's second verb inside X's report, on a clause whose subject is a thing
            return clause_subject(head.head, analysis, depth + 1)
        return found
    if depth < 3 and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return analysis.actors(verb.head) or noun_holders(verb.head, analysis, depth + 1)
    return []


def _reported(clause: Token, analysis: DocAnalysis) -> bool:
    """A clause reported by a speech verb whose own subject is a thing, not an actor."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        clause.dep_ == "ccomp"
        and is_speech_verb(clause.head, analysis.lexicon)
        and subject is not None
        and subject.pos_ in ("NOUN", "PROPN")
        and analysis.actor(subject) is None
    )


def noun_holders(noun: Token, analysis: DocAnalysis, depth: int = 0) -> list[Referent]:
    explicit = explicit_noun_holders(noun, analysis)
    if explicit:
        return explicit
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX"):
        # "voted in support of", "testified in favor of": whoever did it
        return clause_subject(noun.head.head, analysis, depth + 1)
    # Climb to the verb that governs the noun: "X expressed a willingness to ..."
    node = noun
    for _ in range(4):
        if (
            node.dep_ in ("dobj", "attr", "pobj", "prep", "npadvmod", "conj", "oprd")
            and node.head.i != node.i
        ):
            node = node.head
            if node.lower_ == "against":
                return []  # "led the fight against the proposal": the proposal is not theirs
            if node.pos_ in ("VERB", "AUX"):
                if node.lemma_.lower() in LIGHT_VERBS:
                    return clause_subject(node, analysis, depth + 1)
                return []
        else:
            break
    return []


def explicit_noun_holders(noun: Token, analysis: DocAnalysis) -> list[Referent]:
    """The author written on the noun itself: by-agent, possessor or apposition."""
    for child in noun.children:  # "X's announcement by Y": Y is the author
        if child.dep_ == "prep" and child.lower_ == "by":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (found := analysis.actors(pobj)):
                return found
    for child in noun.children:
        if child.dep_ == "poss":
            return analysis.actors(child)
    if noun.dep_ == "appos":
        return analysis.actors(noun.head)
    if received(noun):
        verb = governing_verb(noun)  # the parser may hang "from X" on the verb
        for child in (*noun.children, *(c for c in verb.children if c.i > noun.i)):
            if child.dep_ == "prep" and child.lower_ == "from":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return analysis.actors(pobj)
    return []


def received(noun: Token) -> bool:
    """ "faced criticism from X": the noun is what the verb's subject received."""
    return noun.dep_ in ("dobj", "conj") and governing_verb(noun).lemma_.lower() in RECEIVE_VERBS


def governing_verb(noun: Token) -> Token:
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.head


def is_passive(verb: Token) -> bool:
    """ "X is backed by Y"; also a participle on its noun with a "by" agent: "the pilot,
    proposed by the mayor, ..."."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        is_passive_modifier(verb)
    )


def is_passive_modifier(verb: Token) -> bool:
    """ "the pilot, proposed by the mayor": a past participle with an agent on a noun."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "agent" for c in verb.children)
    )
