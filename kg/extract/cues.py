"""Cue matching, negation and modality: what every stance rule starts from.

A :class:`Hit` is a token that is a cue of the lexicon (with the preposition
that selects the cue's sense, "call for", "vote against"). Negation ("will not",
"never", "no support") and modality (planned, hypothetical, counterfactual,
questioned) are read off the token's clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.analysis import DocAnalysis
from kg.extract.analysis.speakers import is_speech_verb
from kg.extract.doctext import token_facts
from kg.extract.lexicon import Cue

#: Verbs that carry a noun cue's stance to their subject ("expressed a willingness").
LIGHT_VERBS = frozenset(
    """express have make reach lodge show voice signal reaffirm renew issue file offer take
    hold be become remain register repeat restate reiterate outline unveil launch lead
    spearhead give extend put mount release publish send sign write deliver post submit
    step continue maintain declare state announce underscore stress cast collect gather""".split()
)

#: Verbs that are not actions a future-tense commitment could be about.
NON_ACTIONS = frozenset(
    """be have become seem remain need face get happen take come go continue shape navigate
    depend mean feel look know find see say tell think cost include bind likely lead result
    consider discuss debate decide review hold hear testify vote speak appear travel
    attend comment weigh elaborate specify speculate confirm""".split()
)

#: Verbs whose subject receives a noun stance from a "from" phrase:
#: "the plan has faced criticism from suburban Democrats".
RECEIVE_VERBS = frozenset(
    """face draw receive attract win earn get meet spark provoke prompt trigger gain garner
    encounter""".split()
)
#: The ``prep`` of a cue that is a verdict on an object: "called it a disaster"
#: (not "a disaster for families").
VERDICT = "as"
FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
#: Verbs by which one asks another to act: "urged the agency to issue rules".
ASKING_VERBS = frozenset(
    {"urge", "ask", "call", "press", "push", "encourage", "appeal", "lobby", "petition", "implore"}
)
REFLEXIVE = frozenset({"itself", "themselves", "himself", "herself", "ourselves"})
#: Verbs whose "with"/"of" phrase is conduct alleged of their object: "charged X with
#: violating Y", "accused X of blocking Y".
ACCUSING_VERBS = frozenset({"charge", "accuse", "cite", "fine", "sue", "indict", "convict"})
#: Verbs whose complement is what someone may do, not what they want: "the order lets a
#: relative ask a judge to ...", "the bill would allow cities to ban ...".
ENABLING_VERBS = frozenset({"let", "allow", "enable", "permit", "empower", "authorize"})
#: Verbs of weighing a stance one does not (yet) hold: "considered backing the plan".
WEIGHING_VERBS = frozenset({"consider", "weigh", "contemplate", "mull", "debate"})
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
CONDITION_MARKS = frozenset({"if", "unless"})


@dataclass(frozen=True)
class Hit:
    """A cue found in the text: the token, the lexicon entry and its preposition."""

    token: Token
    cue: Cue
    prep: Token | None


def cue_candidates(span: Span, analysis: DocAnalysis) -> list[Token]:
    """The tokens of ``span`` that :func:`match_cue` may take for a cue, in order:
    those whose form or lemma some cue has (it finds none for any other token)."""
    words = analysis.lexicon.cue_words
    doc = span.doc
    facts = token_facts(doc)
    lower, lemma = facts.lower, facts.lemma
    return [doc[i] for i in range(span.start, span.end) if lower[i] in words or lemma[i] in words]


def match_cue(token: Token, analysis: DocAnalysis) -> Hit | None:
    """The lexicon cue ``token`` is, if any, preferring one with its preposition.

    A past participle after "be" is tried as an adjective first ("is opposed
    to X"), then as the verb ("is opposed by Y").
    """
    lexicon = analysis.lexicon
    pos = {"VERB": "VERB", "NOUN": "NOUN", "ADJ": "ADJ"}.get(token.pos_)
    if token.pos_ == "ADP" and token.dep_ == "prep" and token.head.lemma_ == "be":
        pos = "ADP"  # "the union is against the merger"
    tries: list[tuple[Cue, ...]] = []
    if token.tag_ == "VBN" and _has_copula(token):
        tries.append(lexicon.cues_for(token.lower_, "ADJ"))
    if pos is not None:
        lemma = token.lemma_.lower() if pos != "ADJ" else token.lower_
        tries.append(lexicon.cues_for(lemma, pos) or lexicon.cues_for(token.lemma_.lower(), pos))
    if not any(tries):
        return None
    if token.pos_ == "VERB" and is_speech_verb(token, lexicon) and _clausal(token):
        return None  # "announced that ...": a report, its clause speaks for itself
    if any(c.dep_ in ("dobj", "nsubj") and c.lower_ in REFLEXIVE for c in token.children):
        return None  # "a group calling itself Parents for Parks" names itself
    preps: dict[str, Token] = {}
    for c in token.children:
        if c.dep_ in ("prep", "prt", "agent", "dative") and analysis.names.at(c) is None:
            preps.setdefault(c.lower_, c)  # the first: "called for credits for families"
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS:
        # "had disagreements with X": the parser hangs the phrase on the light verb
        for c in token.head.children:
            if c.dep_ == "prep" and c.i > token.i:
                preps.setdefault(c.lower_, c)
    if token.pos_ == "VERB":
        # "secured $2 million for X", "won funding for X": the parser hangs the phrase on the sum
        for c in token.children:
            if c.dep_ == "dobj" and (c.ent_type_ == "MONEY" or c.lemma_.lower() in FUNDS):
                for p in c.children:
                    if p.dep_ == "prep":
                        preps.setdefault(p.lower_, p)
    verdict = verdict_verb(token) is not None
    for candidates in tries:
        for cue in candidates:
            if cue.prep == VERDICT:
                if verdict:
                    return Hit(token, cue, None)
            elif cue.prep and cue.prep in preps:
                return Hit(token, cue, preps[cue.prep])
        for cue in candidates:
            if cue.prep is None:
                return Hit(token, cue, None)
    return None


#: Nouns of money a verb may take before what it is for: "won funding for the clinic".
FUNDS = frozenset({"funding", "money", "fund", "grant", "dollar"})


def verdict_verb(token: Token) -> Token | None:
    """The verb that passes a verdict on its object: "called the plan a disaster",
    "described the plan as a mistake"."""
    if token.dep_ == "oprd":
        return token.head
    if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.pos_ == "VERB":
        return token.head.head
    return None


def _clausal(token: Token) -> bool:
    return any(c.dep_ == "ccomp" for c in token.children) and not any(
        c.dep_ == "dobj" for c in token.children
    )


def _has_copula(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "cop") or c.lemma_ == "be" for c in token.children) or (
        token.head.lemma_ == "be" and token.dep_ == "acomp"
    )


def depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


#: Verbs that take back what their object noun stood for: "withdrew its support for X".
WITHDRAWING = frozenset({"withdraw", "pull", "drop", "rescind", "retract", "revoke", "abandon"})

#: Forms of "be" that the model leaves unlemmatized when written with "’" ("We’re", "It’s").
CURLY_BE = frozenset({"’re", "’s", "’m"})


def is_be(token: Token) -> bool:
    """Whether ``token`` is a form of "be", "’re", "’s" and "’m" included (with a curly
    apostrophe the model gives them no lemma: "We’re grateful", "It’s not true")."""
    return token.lemma_ == "be" or (
        token.lower_ in CURLY_BE and token.tag_ in ("VBP", "VBZ") and token.dep_ != "auxpass"
    )


def is_negated(token: Token) -> bool:
    """ "will not assist", "never supported", "no support for"; not "not only"; a
    stance taken back ("withdrew its support for X", "dropped its opposition")."""
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_ in WITHDRAWING:
        return not is_negated(token.head)  # "has not withdrawn its support": still there
    for node in (token, token.head) if token.dep_ in ("acomp", "attr", "xcomp") else (token,):
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "n't", "not"):
                nxt = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
                if nxt is not None and nxt.lower_ == "only":
                    continue
                return True
            if child.dep_ == "det" and child.lower_ == "no":
                return True
    return False


def is_supposition(token: Token) -> bool:
    """Whether ``token`` sits in the condition of a conditional ("if the council
    approves it", "unless X agrees"): a supposition is nobody's stance. What the
    main clause commits to on that condition ("would vote no unless ...") is
    a stance, read as hypothetical by :func:`modality_of`."""
    node = token
    for _ in range(8):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children
        ):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def is_unheld(token: Token) -> bool:
    """Whether a cue at ``token`` is no one's stance, though not a supposition:

    - conduct someone is charged with ("charged X with violating Y by refusing to ...");
    - what a law or order lets someone do ("lets a family member ask a judge to ...");
    - what is still to come after something else ("would review comments before issuing
      a rule", "before she will commit to a vote");
    - a comparison ("the same way I support licence plates");
    - a stance only weighed ("had considered supporting the amendment");
    - what someone else is asked to do ("urged the agency to issue rules"), which the
      asking cue reads as the asker's stance.
    """
    node = token
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return False
        lemma = head.lemma_.lower()
        if (
            node.dep_ == "pcomp"
            and head.lower_ in ("with", "of", "for")
            and head.head.lemma_.lower() in ACCUSING_VERBS
        ):
            return True
        if node.dep_ in ("ccomp", "xcomp") and lemma in ENABLING_VERBS and node.i > head.i:
            return True
        if head.lower_ in ("before", "until") and _pending(head.head, node):
            return True
        if node.dep_ in ("relcl", "acl") and lemma == "way":
            return True
        if node.dep_ == "xcomp" and node.tag_ == "VBG" and lemma in WEIGHING_VERBS:
            return True  # "had considered supporting the amendment": weighed, not held
        if (
            node.dep_ in ("xcomp", "advcl", "ccomp")
            and lemma in ASKING_VERBS
            and any(c.dep_ == "dobj" for c in head.children)
        ):
            return True
        node = head
    return False


def _pending(main: Token, clause: Token) -> bool:
    """A "before" clause that has not happened: its own verb or the main one is future."""
    future = FUTURE_AUX | {"would", "could", "might", "must", "should"}
    return any(
        c.dep_ == "aux" and c.lower_ in future for verb in (main, clause) for c in verb.children
    )


def modality_of(token: Token, default: str, analysis: DocAnalysis) -> str:
    sent = analysis.sentence(token)
    if analysis.sentences.text_of(sent).rstrip().rstrip("”’\"'").endswith("?"):
        return "questioned"
    node = token
    for _ in range(6):
        auxes = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if auxes & {"should", "would", "could", "might"} and "have" in auxes and node.tag_ == "VBN":
            return "counterfactual"
        if node.dep_ == "ccomp" and any(
            c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children
        ):
            return "questioned"  # "asked whether the council supports the toll"
        for child in node.children:
            if child.dep_ == "advcl" and any(
                m.lower_ in HYPOTHETICAL_MARKS for m in child.children if m.dep_ == "mark"
            ):
                return "hypothetical"
            if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS and node.dep_ == "advcl":
                return "hypothetical"
        reported_would = (
            "would" in auxes
            and node.dep_ == "ccomp"
            and is_speech_verb(node.head, analysis.lexicon)
        )
        if (auxes & FUTURE_AUX or reported_would) and default == "asserted":
            default = "planned"  # "will oppose"; "said she would vote against"
        if node.head.i == node.i:
            break
        node = node.head
    return default
