"""actions.v1: what actors do to a bill or a policy is their stance on it.

Most actions are cue words of the lexicon ("vetoed", "blocked", "thanked",
"filed suit against") and are read by stance.v1. This module reads the forms
that grammar hides from a cue's subject and object:

- sponsorship in the passive or as a list: "the Act is co-sponsored by A and
  B", "the bill's co-sponsors are A and B", "original co-sponsors include A
  and B" → each supports the bill (a sponsor proposes it);
- a vote on an action: "the House voted 84-71 to pass the bill" → the House
  supports the bill; "voted to repeal it" → opposes it; "voted no on the
  levy" → opposes the levy; a yes or no with no object is on the vote the article
  reported (a no on "voted to reject X" supports X);
- testimony with no object: "A and B spoke in favor" → each supports what was voted on.

A negated action is none ("did not vote to repeal it" is no vote for it
either); a bill left unnamed in the sentence ("the bill's co-sponsors") is
the law named last before it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.analysis import DocAnalysis, Referent
from kg.extract.analysis.coref import relative_antecedent
from kg.extract.cues import (
    NON_ACTIONS,
    is_negated,
    is_supposition,
    is_unheld,
    match_cue,
    modality_of,
)
from kg.extract.doctext import token_facts, tokens_where, tokens_with_any
from kg.extract.labels import (
    GENERIC_ISSUES,
    action_label,
    issue_from_tokens,
    issue_key,
    phrase_tokens,
)
from kg.extract.registry import Config, register, rule
from kg.extract.targets import fuller_mention, issue_entity
from kg.model import Claim, Entity, Provenance

NAME, VERSION = "actions.v1", "1.0.0"
SPONSORED_BY = rule("actions.sponsored_by", NAME, "a passive sponsorship: X is co-sponsored by A")
SPONSOR_LIST = rule(
    "actions.sponsor_list", NAME, "a list of sponsors: the bill's co-sponsors are A"
)
VOTE_TO = rule("actions.vote_to", NAME, "a vote on an action: the House voted to pass X")
AUTHORED_BY = rule(
    "actions.authored_by", NAME, "who a bill is from: an amendment from Rep. A, offered by A"
)
SPONSOR_APPOSITION = rule(
    "actions.sponsor_apposition", NAME, "a sponsor in apposition: A, the bill's sponsor"
)
SPONSORS_NAMED = rule(
    "actions.sponsors_named", NAME, "sponsors named after the word: the bill's sponsors, A and B"
)
SPONSOR_IS = rule(
    "actions.sponsor_is", NAME, "a sponsor as predicate: A is the lead cosponsor (of X)"
)
VOTE_YES_NO = rule("actions.vote_yes_no", NAME, "a yes or no vote: she voted no on X")
PASSED = rule(
    "actions.passed", NAME, "a body passes a law, or a law clears a body: the Senate passed X"
)
#: Verbs by which a body carries a law ("the Senate passed X") or a law gets through a body
#: ("X cleared the committee").
PASS_VERBS = frozenset({"pass", "clear", "adopt", "enact"})
SPOKE_FOR = rule("actions.spoke_for", NAME, "testimony with no object: A and B spoke in favor")
#: Verbs of speaking up at a hearing or meeting, and the nouns of "in favor", "in opposition".
TESTIFYING = frozenset({"speak", "testify", "argue"})
TESTIMONY_SIDES = {"favor": 1, "favour": 1, "support": 1, "opposition": -1}
FILED = rule("actions.filed", NAME, "filing or drafting a bill: she has filed House Bill 9")
#: Verbs by which one puts a bill of one's own on the table (read only with a law as object:
#: "filed suit" or "wrote a letter" is no bill).
FILING_VERBS = frozenset({"file", "prefile", "draft", "write", "submit"})
PUSHED = rule("actions.pushed", NAME, "pushing a bill: X, who had pushed a bill to …")
VOTE_LIST = rule("actions.vote_list", NAME, "a list of voters: voting for X were A, B and C")
DECIDED_BY = rule(
    "actions.decided_by",
    NAME,
    "a passive decision: X, approved by the Council; X was adopted by voice vote",
)
#: Verbs by which a body decides on a measure, read in the passive ("was adopted by voice
#: vote"), and the side of the measure they put the body on.
DECIDED = {
    **dict.fromkeys(("pass", "adopt", "approve", "enact", "ratify"), 1),
    **dict.fromkeys(("reject", "defeat"), -1),
}
#: Verbs whose subject is a body deciding on a measure ("the House rejected X"; not "X
#: failed", "X cleared the committee").
BODY_VERBS = frozenset("vote pass adopt approve reject defeat kill table advance enact".split())
#: How many sentences back a passive decision with no body named ("was adopted by voice
#: vote") looks for the body that decided the article's other measures.
BODY_SENTENCES_BACK = 3
BEHIND = rule(
    "actions.behind", NAME, "who is behind a measure: the campaign behind Question 4, A, says"
)
DISSENTED = rule(
    "actions.dissented", NAME, "a dissent from a vote: A and B voted in favor; C dissented"
)
SUPPORT_OF = rule(
    "actions.support_of", NAME, "who carried a vote: X passed with the support of A and B"
)
#: Nouns of backing in "passed with the support of A", and the side they are on.
BACKING_NOUNS = {"support": 1, "backing": 1, "vote": 1, "votes": 1, "opposition": -1}

#: Sponsorship words (lemma of the last part of "co-sponsor") and the predicate each gives.
SPONSOR_WORDS = {"sponsor": "proposes", "cosponsor": "supports", "author": "proposes"}
#: Verbs after "voted to" and the side of the vote's object they are on.
VOTE_ACTIONS = {
    **dict.fromkeys(
        """pass approve adopt advance confirm ratify enact extend authorize fund support launch
        create establish expand renew start""".split(),
        1,
    ),
    **dict.fromkeys(
        "reject block kill table defeat repeal rescind overturn strike end terminate cut oppose"
        " override".split(),
        -1,
    ),
}
VOTE_WORDS = {"yes": 1, "aye": 1, "no": -1, "nay": -1}
#: How a vote word hangs on "voted" ("voted no", "voting yes").
VOTE_WORD_DEPS = frozenset({"dobj", "advmod", "intj", "npadvmod", "acomp", "oprd"})
#: Verbs by which a body decides on a measure, or a measure fares in a vote.
DECIDING_VERBS = PASS_VERBS | frozenset(
    "approve reject defeat fail kill advance sink table carry".split()
)
#: How many sentences back a vote with no object ("B voted in favor") looks for the vote it
#: continues ("A voted against the levy").
VOTE_SENTENCES_BACK = 2
#: Verbs of "A cast the lone no vote", "B was the only yes vote".
CASTING = frozenset({"cast", "be"})
#: Verbs that, with a "by" agent, say who a bill or motion is from.
AUTHOR_VERBS = frozenset("offer introduce author propose file draft write bring".split())
#: Words that make a noun phrase a law, whatever the recogniser took it for ("Measure Q").
LAW_WORDS = frozenset(
    """bill act measure proposition amendment ordinance resolution law initiative referendum
    motion petition""".split()
)
#: Nouns whose author ("from Rep. A", "brought forward by A") proposes them: laws, and
#: proposals of other kinds.
AUTHORED_WORDS = LAW_WORDS | frozenset({"proposal", "plan"})
ACTOR_KINDS = frozenset({"Person", "Organization", "Group"})
#: Law words that name something of their own, never the bill named before:
#: "the amendment" to a bill is not the bill.
OWN_LABEL_WORDS = frozenset({"amendment", "motion", "petition"})
#: How many sentences back an unnamed "the bill" may find the law it means.
LAW_SENTENCES_BACK = 12


@register(NAME)
def extract_actions(doc: Doc, analysis: DocAnalysis, *, config: Config) -> Iterator[Claim]:
    """Stances that sponsorships and votes express."""
    yield from _sponsor_appositions(doc, analysis, config)
    lemmas = ACTION_LEMMAS | {w for w in set(token_facts(doc).lemma) if _may_be_sponsor(w)}
    for sent in analysis.body:
        for token in tokens_with_any(sent, lemma=lemmas, lower=ACTION_FORMS):
            if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in AUTHORED_WORDS:
                yield from _authored_by(token, sent, analysis, config)
            lemma = _sponsor_lemma(token)
            if lemma is not None:
                yield from _sponsored_by(token, lemma, sent, analysis, config)
                yield from _sponsor_list(token, lemma, sent, analysis, config)
                yield from _sponsors_named(token, lemma, sent, analysis, config)
                yield from _sponsor_is(token, lemma, sent, analysis, config)
            elif token.lemma_ == "vote" and token.pos_ == "VERB":
                yield from _vote_to(token, sent, analysis, config)
                yield from _vote_yes_no(token, sent, analysis, config)
                yield from _vote_in_favor(token, sent, analysis, config)
                yield from _joined_vote(token, sent, analysis, config)
                yield from _vote_list(token, sent, analysis, config)
            elif token.lemma_ == "dissent" and token.pos_ == "VERB":
                yield from _dissented(token, sent, analysis, config)
            elif token.lemma_ in TESTIFYING and token.pos_ == "VERB":
                yield from _spoke_for(token, sent, analysis, config)
            elif token.lemma_ in FILING_VERBS and token.pos_ == "VERB":
                yield from _filed(token, sent, analysis, config)
            elif token.lemma_ == "push" and token.pos_ == "VERB":
                yield from _pushed(token, sent, analysis, config)
            elif token.lemma_ in PASS_VERBS and token.pos_ == "VERB":
                yield from _passed(token, sent, analysis, config)
                yield from _decided_passive(token, sent, analysis, config)
            elif token.lemma_ in DECIDED and token.pos_ == "VERB":
                yield from _decided_passive(token, sent, analysis, config)
            elif token.lower_ == "behind" and token.pos_ == "ADP":
                yield from _behind(token, sent, analysis, config)
            elif token.lower_ in BACKING_NOUNS and token.pos_ == "NOUN":
                yield from _support_of(token, sent, analysis, config)
                yield from _cast_vote(token, sent, analysis, config)


#: The words (lemmas, lower-cased; forms) of every token a branch of the loop of
#: :func:`extract_actions` reads, besides the sponsor words (:func:`_may_be_sponsor`): the
#: loop looks at no other token. A branch keyed on another word must add it here.
ACTION_LEMMAS = (
    AUTHORED_WORDS
    | TESTIFYING
    | FILING_VERBS
    | PASS_VERBS
    | frozenset(DECIDED)
    | {"vote", "dissent", "push"}
)
ACTION_FORMS = frozenset(BACKING_NOUNS) | {"behind"}


def _may_be_sponsor(lemma: str) -> bool:
    """Whether :func:`_sponsor_lemma` may find a sponsor word in a token with ``lemma``."""
    word = lemma.replace("-", "")
    return word in SPONSOR_WORDS or word.removeprefix("co") in SPONSOR_WORDS


def _sponsor_lemma(token: Token) -> str | None:
    """ "sponsor", "cosponsor" (also written "co-sponsor", split by the tokenizer)."""
    lemma = token.lemma_.lower().replace("-", "")
    if lemma not in SPONSOR_WORDS and lemma.removeprefix("co") in SPONSOR_WORDS:
        lemma = "co" + lemma.removeprefix("co")
    doc = token.doc
    if (
        lemma == "sponsor"
        and token.i >= 2
        and doc[token.i - 1].text == "-"
        and doc[token.i - 2].lower_ == "co"
    ):
        lemma = "cosponsor"
    return lemma if lemma in SPONSOR_WORDS else None


def _sponsored_by(
    token: Token, lemma: str, sent: Span, analysis: DocAnalysis, config: Config
) -> Iterator[Claim]:
    """ "The Act is co-sponsored by A and B"."""
    if token.tag_ != "VBN":
        return
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is None:
        return
    holders = _name_list(agent, analysis)
    verb = token.head if token.dep_ in ("acomp", "xcomp") else token
    subject = next(
        (
            c
            for v in (verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass")))
            for c in v.children  # "was co-authored by": the parser may hang it on "was"
            if c.dep_ in ("nsubj", "nsubjpass", "csubj")
        ),
        None,
    )
    if subject is None and token.dep_ == "acl":
        subject = token.head  # "the bill, sponsored by A, ..."
    target = _bill(subject, analysis) if subject is not None else None
    if target is None or not holders:
        return
    yield from _claims(
        holders, SPONSOR_WORDS[lemma], 1, target, token, SPONSORED_BY, sent, analysis, config
    )


def _sponsor_list(
    token: Token, lemma: str, sent: Span, analysis: DocAnalysis, config: Config
) -> Iterator[Claim]:
    """ "The bill's co-sponsors are A and B", "Original co-sponsors include A and B"."""
    if token.tag_ != "NNS" or token.dep_ != "nsubj":
        return
    verb = token.head
    if verb.lemma_ not in ("be", "include"):
        return
    holders = _name_list(verb, analysis)
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ != "PROPN":
        owner = None  # "the bill's co-sponsors": the bill the article is about
    target = _law(owner, analysis) if owner is not None else _recent_law(token, analysis)
    if target is None or not holders:
        return
    yield from _claims(
        holders, SPONSOR_WORDS[lemma], 1, target, token, SPONSOR_LIST, sent, analysis, config
    )


def _authored_by(law: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "an amendment from Rep. A that would …", "a motion, offered by Sen. A, …"."""
    for child in law.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            start = child
        elif child.dep_ == "acl" and child.lemma_ in AUTHOR_VERBS:
            start = next((c for c in child.children if c.dep_ == "agent"), None)
        else:
            continue
        if start is None:
            continue
        authors = [ref for ref in _name_list(start, analysis)[:3] if ref.entity.kind == "Person"]
        target = _law(law, analysis)
        if target is None or not authors:
            continue
        yield from _claims(authors, "proposes", 1, target, law, AUTHORED_BY, sent, analysis, config)


def _sponsor_appositions(doc: Doc, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "Rep. A, the bill's sponsor, said", "the resolution's sponsor, Sen. A,"."""
    names = analysis.names
    for mention, person in zip(names.mentions, names.mention_entities, strict=True):
        if person.kind != "Person" or mention.start < 0:
            continue
        name = doc[mention.end - 1]
        heads = [c for c in name.children if c.dep_ == "appos"]
        if name.dep_ == "appos":
            heads.append(name.head)
        for head in heads:
            lemma = _sponsor_lemma(head)
            if lemma is None or head.pos_ != "NOUN" or head.tag_ == "NNS":
                continue  # "the bill's sponsors, A and B": read by _sponsors_named
            target = _sponsored_law(head, analysis)
            if target is None:
                continue
            sent = analysis.sentence(head)
            yield from _claims(
                [Referent(person)],
                SPONSOR_WORDS[lemma],
                1,
                target,
                head,
                SPONSOR_APPOSITION,
                sent,
                analysis,
                config,
            )


def _sponsored_law(head: Token, analysis: DocAnalysis, *, laws_only: bool = False) -> Entity | None:
    """The law a sponsor noun is of: "the bill's sponsor", "a cosponsor of Bill 9", or,
    with neither, the law the text is about; with ``laws_only``, none for an owner that
    is no law ("the study's authors")."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    of = next(
        (
            o
            for p in head.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ),
        None,
    )
    bill = owner if owner is not None else of
    if bill is not None and bill.pos_ == "PRON":
        bill = None  # "its sponsor": the law the text is about
    if bill is None:
        return _recent_law(head, analysis)
    if laws_only and not _names_law(bill, analysis):
        return None
    return _bill(bill, analysis)


def _names_law(token: Token, analysis: DocAnalysis) -> bool:
    """Whether ``token`` is a law: a law word ("the bill") or a law's name."""
    named = analysis.names.at(token)
    return token.lemma_.lower() in LAW_WORDS or (named is not None and named.kind == "Issue")


def _sponsors_named(
    token: Token, lemma: str, sent: Span, analysis: DocAnalysis, config: Config
) -> Iterator[Claim]:
    """ "the bill's lead sponsors, Rep. A (D-x) and Sen. B (R-y), joined her", "The
    measure's authors, A, a Democrat from X, and B, a Republican from Y, say": each
    person named right after the plural noun (the parser hangs such lists anywhere)."""
    if token.tag_ != "NNS" or token.pos_ != "NOUN":
        return
    people = apposed_people(token, sent, analysis)
    target = _sponsored_law(token, analysis, laws_only=lemma == "author") if people else None
    if target is None:
        return
    yield from _claims(
        people, SPONSOR_WORDS[lemma], 1, target, token, SPONSORS_NAMED, sent, analysis, config
    )


#: Words that end a list of names set after a noun: "the sponsors, A and B, along with C".
LIST_ENDS = frozenset({"with", "along", "alongside", "including", "besides", "among", ";"})
#: How many tokens after a noun (its comma and a title: ", State Senator A") the first name
#: of its apposed list may start.
APPOSED_REACH = 5


def apposed_people(noun: Token, sent: Span, analysis: DocAnalysis) -> list[Referent]:
    """The people named in a list set right after ``noun`` ("sponsors, A (D-x) and B"),
    up to the next verb; none unless a name starts within :data:`APPOSED_REACH` tokens."""
    doc = noun.doc
    found: list[Referent] = []
    depth = 0
    for tok in doc[noun.i + 1 : sent.end]:
        if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("WP", "WDT") or tok.lower_ in LIST_ENDS:
            break
        if not found and tok.i - noun.i > APPOSED_REACH:
            break
        depth += (tok.text == "(") - (tok.text == ")")
        named = analysis.names.at(tok)
        if depth or named is None or named.kind != "Person":
            continue
        ref = analysis.actor(tok)
        if ref is not None and ref.entity.kind == "Person" and ref not in found:
            found.append(ref)
    return found


def _sponsor_is(
    token: Token, lemma: str, sent: Span, analysis: DocAnalysis, config: Config
) -> Iterator[Claim]:
    """ "Sen. B (R-x) is the lead Republican cosponsor", "She is also a cosponsor of
    Bill 41", "A, who was the bill's chief sponsor": the subject of "be"."""
    verb = token.head
    if token.dep_ != "attr" or token.pos_ != "NOUN" or verb.lemma_ != "be":
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP"):
        subject = relative_antecedent(subject)
    if subject is None:
        return
    people = [ref for ref in analysis.actors(subject) if ref.entity.kind == "Person"]
    target = _sponsored_law(token, analysis, laws_only=lemma == "author") if people else None
    if target is None:
        return
    yield from _claims(
        people, SPONSOR_WORDS[lemma], 1, target, token, SPONSOR_IS, sent, analysis, config
    )


def _vote_to(vote: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "The House voted 84-71 to pass House Bill 99"."""
    for action in vote.children:
        if action.dep_ not in ("xcomp", "advcl") or action.pos_ != "VERB":
            continue
        if action.dep_ == "advcl" and not any(c.lower_ == "to" for c in action.children):
            continue  # "voted 6-3 on Tuesday to launch X" is parsed as an adverbial clause
        if action.lemma_ in VOTE_ACTIONS:
            obj = next((c for c in action.children if c.dep_ == "dobj"), None)
            target = _law(obj, analysis) if obj is not None else None
            polarity = VOTE_ACTIONS[action.lemma_]
        else:  # "voted to require every district to …": the requiring
            target, polarity = _voted_action(action, analysis), 1
        holders = _subjects(vote, analysis)
        sent_on = _sent_on(action, analysis)
        if sent_on is not None and holders and (target is None or sent_on.key != target.key):
            yield from _claims(holders, None, 1, sent_on, vote, VOTE_TO, sent, analysis, config)
        if target is None or not holders:
            continue
        yield from _claims(holders, None, polarity, target, vote, VOTE_TO, sent, analysis, config)
        dissenters = _dissenters(sent, analysis)
        yield from _claims(
            dissenters, None, -polarity, target, vote, VOTE_TO, sent, analysis, config
        )


def _sent_on(action: Token, analysis: DocAnalysis) -> Entity | None:
    """ "voted to repeal the toll, sending the bill to the Senate": the bill a body passed
    on by its vote (what the vote does, repealing the toll, is read apart)."""
    for clause in action.children:
        if clause.dep_ != "advcl" or clause.lemma_ != "send" or clause.tag_ != "VBG":
            continue
        bill = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if bill is not None and bill.lemma_.lower() in LAW_WORDS:
            return _bill(bill, analysis)
    return None


def _dissenters(sent: Span, analysis: DocAnalysis) -> list[Referent]:
    """ "voted 3-1 to authorize the suit, with Commissioner A dissenting": A."""
    return [
        ref
        for tok in tokens_where(sent, tag=("VBG",))
        if tok.lemma_ == "dissent"
        for sub in tok.children
        if sub.dep_ == "nsubj"
        for ref in analysis.actors(sub)
    ]


def _dissented(verb: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "A and B voted in favor; C dissented": C voted against what the article reports a
    vote on ("dissented from the ruling" and "with C dissenting" are read elsewhere)."""
    if verb.tag_ == "VBG" or any(
        c.dep_ in ("prep", "dobj") or (c.dep_ == "ccomp" and c.i > verb.i) for c in verb.children
    ):
        return
    voted = _voted_on(verb, analysis, votes_only=True)
    holders = _voters(_subjects(verb, analysis))
    if voted is not None and holders:
        target, sign = voted
        yield from _claims(holders, None, -sign, target, verb, DISSENTED, sent, analysis, config)


def _vote_yes_no(vote: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "She voted no on the levy", "voted yes on Measure Q"."""
    word = next(
        (
            c
            for c in vote.children
            if c.lower_ in VOTE_WORDS
            and c.dep_ in ("dobj", "advmod", "intj", "npadvmod", "acomp", "oprd")
        ),
        None,
    )
    if word is None:
        return
    on = next((c for c in vote.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
    if obj is None:  # "the amendment was defeated, with Rep. A voting no"
        obj = next(
            (
                c
                for a in vote.ancestors
                for c in a.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in LAW_WORDS
            ),
            None,
        )
    voted = (_law(obj, analysis), 1) if obj is not None else _voted_on(vote, analysis)
    holders = _subjects(vote, analysis)
    if voted is None or voted[0] is None or not holders:
        return
    target, sign = voted
    polarity = VOTE_WORDS[word.lower_] * sign
    yield from _claims(holders, None, polarity, target, vote, VOTE_YES_NO, sent, analysis, config)


def _vote_in_favor(
    vote: Token, sent: Span, analysis: DocAnalysis, config: Config
) -> Iterator[Claim]:
    """ "A and B voted in favor": of what the text reports a vote on just before (with
    "of X", the cue "in favor of" reads it)."""
    if vote.dep_ in ("csubj", "nsubj"):
        return  # "Voting in favor were A and B" is a list of voters
    side = _vote_side(vote)
    if side is None or side[0] < 0 or side[1] is not None:
        return
    voted = _voted_on(vote, analysis)
    holders = _subjects(vote, analysis)
    if voted is None or not holders:
        return
    # "voted 4-3 to reject X. A and B voted in favor": in favor of X, as readers take it
    # (a "yes" or "no" is on the motion itself)
    target = voted[0]
    yield from _claims(holders, None, 1, target, vote, VOTE_YES_NO, sent, analysis, config)


def _spoke_for(verb: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "The Chamber of Commerce and the carpenters' union spoke in favor", "testified in
    opposition": of the measure the article reports a vote on (with "of X", the cue "in
    favor of" reads it)."""
    for prep in verb.children:
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.dep_ != "prep" or prep.lower_ != "in" or noun is None:
            continue
        side = TESTIMONY_SIDES.get(noun.lemma_.lower())
        if side is None or any(c.dep_ == "prep" for c in noun.children):
            continue
        voted = _voted_on(verb, analysis)
        holders = _subjects(verb, analysis)
        if voted is not None and holders:
            target, sign = voted
            yield from _claims(
                holders, None, side * sign, target, verb, SPOKE_FOR, sent, analysis, config
            )


def _joined_vote(vote: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "A joined four Democrats in voting against the bill": A's own vote (a yes or no
    is read by :func:`_vote_yes_no`)."""
    if not _joined_in(vote):
        return
    side = _vote_side(vote)
    if side is None or not any(c.dep_ == "prep" for c in vote.children):
        return
    polarity, obj = side
    voted = (_law(obj, analysis), 1) if obj is not None else _voted_on(vote, analysis)
    holders = _subjects(vote, analysis)
    if voted is not None and voted[0] is not None and holders:
        target, sign = voted
        yield from _claims(
            holders, None, polarity * sign, target, vote, VOTE_YES_NO, sent, analysis, config
        )


def _cast_vote(noun: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "A cast the lone no vote", "B was the only yes vote": on what the text reports a
    vote on just before."""
    verb = noun.head
    if noun.lemma_ != "vote" or noun.dep_ not in ("dobj", "attr") or verb.lemma_ not in CASTING:
        return
    word = next((c for c in noun.children if c.lower_ in VOTE_WORDS and c.i < noun.i), None)
    if word is None:
        return
    voted = _voted_on(noun, analysis)
    holders = _subjects(verb, analysis)
    if voted is not None and holders:
        target, sign = voted
        polarity = VOTE_WORDS[word.lower_] * sign
        yield from _claims(
            holders, None, polarity, target, verb, VOTE_YES_NO, sent, analysis, config
        )


def _vote_side(vote: Token) -> tuple[int, Token | None] | None:
    """The side of a vote and what it was on, when the words say so: "voting for X",
    "voting against it", "voting in favor (of X)", "voting no (on X)"."""
    for child in vote.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "against", "in"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if child.lower_ != "in":
                return (1 if child.lower_ == "for" else -1), obj
            if obj is None or obj.lemma_ not in ("favor", "favour"):
                continue
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            return 1, next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if child.lower_ in VOTE_WORDS and child.dep_ in VOTE_WORD_DEPS:
            on = next((c for c in vote.children if c.dep_ == "prep" and c.lower_ == "on"), None)
            obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on else None
            return VOTE_WORDS[child.lower_], obj
    return None


def _voted_on(
    vote: Token, analysis: DocAnalysis, *, votes_only: bool = False
) -> tuple[Entity, int] | None:
    """What a vote that names no object was on, and which side of it a yes vote
    takes: the object of the vote reported just before ("A and B voted against the
    levy. C voted in favor."), else the law named last (:func:`_recent_law`), else
    the measure a body decided on in the sentence before (:func:`_decided_before`),
    else the last vote the article reported ("The board voted 5-2 to approve X. …
    A and B voted no.": a no on approving X opposes X; after "voted to reject X" it
    supports X). With ``votes_only``, only a vote or decision the article reports, not
    the law it names last."""
    doc = vote.doc
    here = analysis.sentence_number(vote)
    start = analysis.sentences.all[max(0, here - VOTE_SENTENCES_BACK)].start
    for tok in reversed(doc[start : vote.i]):
        if tok.lemma_ == "vote" and tok.pos_ == "VERB":
            found = _vote_object(tok, analysis)
            if found is not None:
                return found
    law = None if votes_only else _recent_law(vote, analysis, far=False)
    if law is not None or vote.dep_ == "ccomp":
        return (law, 1) if law is not None else None  # "said he voted no because …"
    decided = _decided_before(vote, analysis)
    if decided is not None:
        return decided, 1
    for tok in reversed(doc[:start]):
        if tok.lemma_ == "vote" and tok.pos_ == "VERB" and not _vote_words(tok):
            found = _vote_object(tok, analysis)
            if found is not None:
                return found
    return None


def _vote_words(vote: Token) -> bool:
    """Whether a vote is someone's yes or no ("A voted no"), not a decision on a measure."""
    return any(c.lower_ in VOTE_WORDS and c.dep_ in VOTE_WORD_DEPS for c in vote.children)


def _vote_object(vote: Token, analysis: DocAnalysis) -> tuple[Entity, int] | None:
    """What a reported vote was on and the side a yes took: "voted for the levy",
    "voted for Smith" (a nominee), "voted to repeal X" (X, -1), "voted to require
    every school to …" (the requiring, +1)."""
    side = _vote_side(vote)
    obj = side[1] if side is not None else None
    if obj is not None:
        target = _law(obj, analysis)
        if target is None and (ref := analysis.actor(obj)) and ref.entity.kind == "Person":
            target = ref.entity  # "voted for Smith": her nomination
        return (target, 1) if target is not None else None
    for action in vote.children:
        if action.dep_ not in ("xcomp", "advcl") or action.pos_ != "VERB":
            continue
        if action.lemma_ in VOTE_ACTIONS:
            dobj = next((c for c in action.children if c.dep_ == "dobj"), None)
            target = _law(dobj, analysis) if dobj is not None else None
            if target is not None:
                return target, VOTE_ACTIONS[action.lemma_]
        elif (target := _voted_action(action, analysis)) is not None:
            return target, 1
    return None


def _voted_action(action: Token, analysis: DocAnalysis) -> Entity | None:
    """ "voted to require every school to …": the act voted for, when no cue of the
    lexicon reads it ("voted to ban X" is read as opposing X) and it is done to
    something."""
    if not any(c.lower_ == "to" and c.dep_ == "aux" for c in action.children):
        return None
    if action.lemma_.lower() in NON_ACTIONS or match_cue(action, analysis) is not None:
        return None
    if not any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in action.children):
        return None
    label = action_label(action)
    return Entity(issue_key(label), label, "Issue") if label else None


def _decided_before(vote: Token, analysis: DocAnalysis) -> Entity | None:
    """The measure a body decided on in the sentence before a list of voters: "The levy
    failed 3-4." or "The board approved the levy." before "Voting no were A and B"."""
    here = analysis.sentence_number(vote)
    if here == 0:
        return None
    for verb in analysis.sentences.all[here - 1]:
        if verb.pos_ != "VERB" or verb.lemma_ not in DECIDING_VERBS:
            continue
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
                target = _law(child, analysis)  # none for the body that decided
                if target is not None:
                    return target
    return None


def _filed(verb: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "She has filed House Bill 771", "filed the bill in January", "has drafted an
    amendment that would …": the filer proposes it (not "has written a bill that treats
    …", which may be any bill)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return
    named = analysis.names.at(obj)
    definite = obj.lemma_.lower() in LAW_WORDS and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in obj.children
    )
    if not definite and not _pending(obj) and (named is None or named.kind != "Issue"):
        return
    target = _law(obj, analysis)
    holders = _subjects(verb, analysis)
    if target is not None and holders:
        yield from _claims(holders, "proposes", 1, target, verb, FILED, sent, analysis, config)


def _pending(law: Token) -> bool:
    """ "a bill that would cap rents", "an amendment to delay the fee": a law word whose
    own clause says what it would do, a proposal ("a bill that treats teachers well" may
    be any law)."""
    if law.lemma_.lower() not in LAW_WORDS:
        return False
    for clause in law.children:
        if clause.dep_ == "relcl" and any(
            c.dep_ == "aux" and c.lower_ in ("would", "will") for c in clause.children
        ):
            return True
        if clause.dep_ == "acl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        ):
            return True
    return False


def _pushed(verb: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "X, who had pushed a bill ordering the state to …": X backs the bill ("pushed
    back the bill" is none)."""
    if any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in verb.children):
        return
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in LAW_WORDS:
        return
    target = _law(obj, analysis)
    holders = _subjects(verb, analysis)
    if target is not None and holders:
        yield from _claims(holders, None, 1, target, verb, PUSHED, sent, analysis, config)


def _passed(verb: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "The Senate passed a resolution to end X"; "A bill to cap rents cleared the Housing
    Committee": the body that carries a law supports it."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP"):
        subject = relative_antecedent(subject)  # "Bill 9, which passed the Senate in May"
    if subject is None or obj is None:
        return
    bodies = [r for r in analysis.actors(subject) if r.entity.kind == "Organization"]
    if bodies and obj.lemma_.lower() in LAW_WORDS | GENERIC_ISSUES:
        target = _law(obj, analysis)
    else:
        gapped = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        bodies = [  # "passed the Assembly 27-15 and the Senate 13-8": both bodies
            r
            for tok in (obj, *gapped)
            for r in analysis.actors(tok)
            if r.entity.kind == "Organization"
        ]
        is_law = subject.lemma_.lower() in LAW_WORDS | GENERIC_ISSUES or (
            (named := analysis.names.at(subject)) is not None and named.kind == "Issue"
        )
        target = _law(subject, analysis) if is_law else None
    if target is not None and bodies:
        yield from _claims(bodies, None, 1, target, verb, PASSED, sent, analysis, config)
        dissenters = _dissenters(sent, analysis)  # "passed X 5-2, with A and B dissenting"
        yield from _claims(dissenters, None, -1, target, verb, PASSED, sent, analysis, config)


def _behind(prep: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "The campaign behind Question 4, Clean Votes Now, says …", "the lawmakers behind
    the bill": the campaign, or the actors it is in apposition with, back the measure
    ("X is behind the bill" is a cue of the lexicon)."""
    noun = prep.head
    law = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.dep_ != "prep" or noun.pos_ != "NOUN" or law is None or not _names_law(law, analysis):
        return
    named = [
        ref for c in noun.children if c.dep_ == "appos" for ref in analysis.actors(c)
    ] or analysis.actors(noun)
    holders = [ref for ref in named if ref.entity.is_actor]
    target = _law(law, analysis)
    if target is not None and holders:
        yield from _claims(holders, None, 1, target, prep, BEHIND, sent, analysis, config)


def _decided_passive(
    verb: Token, sent: Span, analysis: DocAnalysis, config: Config
) -> Iterator[Claim]:
    """ "an ordinance sponsored by A and approved by the City Council": the council (the
    cue reads "X was approved by the council" itself); "A second amendment … was adopted
    by voice vote": the body that decided on a measure in the sentences before ("the House
    rejected an amendment …")."""
    if verb.tag_ != "VBN":
        return
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    law = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if law is None:
        if verb.dep_ != "conj" or by is None:
            return  # "X, approved by the council": the cue's
        shared = verb.head  # "X, sponsored by A and approved by B"; "X was filed and adopted"
        parallel = _parallel_participle(shared, verb)
        if parallel is not None:
            law = parallel.head  # "… by a bill sponsored by A and approved by B", hung on "by"
        elif shared.dep_ == "acl":
            law = shared.head
        else:
            law = next((c for c in shared.children if c.dep_ == "nsubjpass"), None)
        if law is None:
            return
    elif by is not None and by.lemma_ != "vote":
        return  # "X was approved by the council": the cue's
    target = _law(law, analysis) if law.lemma_.lower() in AUTHORED_WORDS else None
    if target is None and (named := analysis.names.at(law)) is not None and named.kind == "Issue":
        target = named
    if by is not None and by.lemma_ != "vote":
        bodies = [r for r in analysis.actors(by) if r.entity.kind == "Organization"]
    else:
        bodies = _deciding_body(verb, analysis)
    if target is not None and bodies:
        polarity = DECIDED[verb.lemma_]
        yield from _claims(bodies, None, polarity, target, verb, DECIDED_BY, sent, analysis, config)


def _parallel_participle(shared: Token, verb: Token) -> Token | None:
    """ "The plan was set by an ordinance sponsored by A and approved by B": the parser
    joins "approved" to "set", but it parallels "sponsored", the participle on a law
    between them."""
    return next(
        (
            tok
            for tok in reversed(verb.doc[shared.i + 1 : verb.i])
            if tok.dep_ == "acl"
            and tok.tag_ == "VBN"
            and tok.head.lemma_.lower() in AUTHORED_WORDS
            and tok.head.i > shared.i
        ),
        None,
    )


def _deciding_body(verb: Token, analysis: DocAnalysis) -> list[Referent]:
    """The body that last decided or voted on a measure, in this sentence or the
    :data:`BODY_SENTENCES_BACK` before: "The House rejected an amendment …" → the House."""
    here = analysis.sentence_number(verb)
    start = analysis.sentences.all[max(0, here - BODY_SENTENCES_BACK)].start
    for tok in reversed(verb.doc[start : verb.i]):
        if tok.pos_ != "VERB" or tok.lemma_ not in BODY_VERBS:
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            continue  # "it failed 47-53": the measure, whatever "it" was taken for
        bodies = analysis.actors(subject)
        if bodies and all(r.entity.kind == "Organization" for r in bodies):
            return bodies
    return []


def _vote_list(vote: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "Voting for the pilot were A, B and C", "Voting against it was D", "Voting no were
    E and F"."""
    copula = _list_copula(vote)
    if copula is None:
        return
    side = _vote_side(vote)
    if side is None:
        return
    polarity, obj = side
    voted = (_law(obj, analysis), 1) if obj is not None else _voted_on(vote, analysis)
    holders = _voters(_name_list(copula, analysis))
    if voted is None or voted[0] is None or not holders:
        return
    target, sign = voted
    yield from _claims(
        holders, None, polarity * sign, target, vote, VOTE_LIST, sent, analysis, config
    )


def _list_copula(vote: Token) -> Token | None:
    """The "were" of "Voting no were A, B and C": the vote's head, or, when the parser
    hung the sentence on a name of the list, the first "be" after the opening vote."""
    if vote.tag_ != "VBG":
        return None
    if vote.dep_ in ("csubj", "nsubj") and vote.head.lemma_ == "be":
        return vote.head
    if vote.i != vote.sent.start:
        return None
    for tok in vote.doc[vote.i + 1 : min(vote.i + 9, vote.sent.end)]:
        if tok.lemma_ == "be":
            return tok
        if tok.pos_ in ("VERB", "AUX") or tok.is_punct:
            return None
    return None


def _support_of(noun: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "The measure passed 52-48 with the support of four Republicans — Sens. A, B and
    C —", "was adopted with A's support": each named voter supports the measure that
    passed."""
    with_ = verb = noun.head
    if noun.dep_ != "pobj" or with_.lower_ != "with":
        return
    while verb.pos_ != "VERB" and verb.dep_ in ("prep", "pobj", "agent"):
        verb = verb.head  # "adopted by voice vote with A's support"
    if verb.pos_ != "VERB":
        return
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)  # "with A's support"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (of is None and owner is None) or subject is None:
        return
    target = _law(subject, analysis)
    holders = _voters(_name_list(of, analysis) if of is not None else analysis.actors(owner))
    if target is None or not holders:
        return
    polarity = BACKING_NOUNS[noun.lower_]
    yield from _claims(holders, None, polarity, target, noun, SUPPORT_OF, sent, analysis, config)


def _voters(found: list[Referent]) -> list[Referent]:
    """The people of a list of voters, when it names any ("Council President A": not the
    council); otherwise the groups it names ("with the support of 24 Republicans")."""
    people = [ref for ref in found if ref.entity.kind == "Person"]
    return people or found


def _name_list(start: Token, analysis: DocAnalysis) -> list[Referent]:
    """The actors named after ``start`` up to the next verb: "by Senators A (D-Colo.),
    B (D-Ariz.) and C (R-Mont.), who represent …" (the parser breaks such lists at
    their party tags)."""
    found: list[Referent] = []
    sent = analysis.sentence(start)
    depth = 0
    for tok in sent[start.i + 1 - sent.start :]:
        if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("WP", "WDT"):
            break
        depth += (tok.text == "(") - (tok.text == ")")
        if depth or tok.dep_ == "compound" or analysis.names.at(tok) is None:
            continue  # a party tag "(R-Fla.)", or "House" in "House Republicans"
        ref = analysis.actor(tok)
        if ref is not None and ref.entity.kind in ACTOR_KINDS and ref not in found:
            found.append(ref)
    return found


def _bill(token: Token, analysis: DocAnalysis) -> Entity | None:
    """The law a sponsorship is of: named, or "the bill" the text is about."""
    for tok in token.subtree:  # "The Keep the Ferries Running Act", parsed as a clause
        named = analysis.names.at(tok)
        if named is not None and named.kind == "Issue":
            return named
    if token.pos_ != "PROPN" and token.lemma_.lower() in LAW_WORDS:
        return (
            analysis.issue_antecedent(token)  # "the bill" the analysis traced back
            or _recent_law(token, analysis)
            or _law(token, analysis)
        )
    return _law(token, analysis)


def _subjects(verb: Token, analysis: DocAnalysis) -> list[Referent]:
    if _joined_in(verb):
        verb = verb.head.head  # "A joined the six Democrats in voting yes"
    while verb.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or _unnamed_members(subject, analysis):
        return []  # "the board's other members voted no": not the board
    one = _one_of(verb) if subject.lower_ == "who" else None
    found = analysis.actors(one) if one is not None else analysis.actors(subject)
    return found + [ref for ref in _named_among(verb, analysis) if ref not in found]


def _named_among(verb: Token, analysis: DocAnalysis) -> list[Referent]:
    """ "Eleven Republicans voted no, among them Rep. A": the members the clause names."""
    return [
        ref
        for child in verb.children
        if child.i > verb.i
        and any(
            p.dep_ == "prep"
            and p.lower_ in ("among", "including")
            and any(o.dep_ == "pobj" and o.lower_ in ("them", "those") for o in p.children)
            for p in child.children
        )
        for ref in analysis.actors(child)
    ]


def _unnamed_members(subject: Token, analysis: DocAnalysis) -> bool:
    """ "the board's two other members": members the text does not name ("Board members
    A and B" names them)."""
    return (
        subject.lemma_.lower() == "member"
        and subject.tag_ == "NNS"
        and not any(
            (named := analysis.names.at(t)) is not None and named.kind == "Person"
            for t in subject.subtree
        )
    )


def _joined_in(verb: Token) -> bool:
    """ "joined N others in voting …": the verb after "joined … in"."""
    return (
        verb.dep_ in ("pcomp", "pobj")
        and verb.head.lower_ == "in"
        and verb.head.head.lemma_ == "join"
    )


def _one_of(relative: Token) -> Token | None:
    """ "Rep. A, one of the six Democrats who voted yes": Rep. A."""
    group = relative.head
    of = group.head if group.dep_ == "pobj" else None
    one = of.head if of is not None and of.lower_ == "of" else None
    if relative.dep_ == "relcl" and one is not None and one.lower_ == "one" and one.dep_ == "appos":
        return one.head
    return None


def _law(token: Token, analysis: DocAnalysis) -> Entity | None:
    """The law or policy ``token`` names or refers back to; not an actor."""
    if token.pos_ == "PRON" and analysis.issue_antecedent(token) is None:
        return None
    if token.lemma_.lower() in OWN_LABEL_WORDS:
        return fuller_mention(token, analysis) or issue_from_tokens(phrase_tokens(token))
    if any(t.lemma_.lower() in LAW_WORDS for t in token.subtree if t.i <= token.i):
        return analysis.issue_antecedent(token) or issue_entity(token, analysis)
    ref = analysis.actor(token)
    if ref is not None and ref.entity.kind != "Issue":
        return None
    if ref is not None:
        return ref.entity
    return issue_entity(token, analysis)


def _recent_law(token: Token, analysis: DocAnalysis, *, far: bool = True) -> Entity | None:
    """The law an unnamed "the bill" means: of the laws named within
    :data:`LAW_SENTENCES_BACK` sentences before ``token``, the one named most
    often (a release names its own bill again and again; a name as a subject
    counts a half more), the latest on a tie. With none that near, the same
    choice among all the laws named before (unless not ``far``): a release names
    its bill at the top and speaks of "the bill" to the end."""
    here = analysis.sentence_number(token)
    laws = [
        (mention, entity)
        for mention, entity in zip(
            analysis.names.mentions, analysis.names.mention_entities, strict=True
        )
        if 0 <= mention.start < token.i and entity.kind == "Issue"
    ]
    titled = [(m, e) for m, e in laws if any(w.lower() in LAW_WORDS for w in e.label.split())]
    named = titled or laws  # "the bill" is "the X Act", not "Section 301"
    near = [
        (m, e)
        for m, e in named
        if here - analysis.sentence_number(token.doc[m.start]) <= LAW_SENTENCES_BACK
    ]
    counts: dict[str, int] = {}
    latest: dict[str, tuple[int, Entity]] = {}
    for mention, entity in near or (named if far else []):
        head = token.doc[mention.end - 1]
        weight = 3 if head.dep_ in ("nsubj", "nsubjpass") else 2  # the clause is about it
        counts[entity.key] = counts.get(entity.key, 0) + weight
        latest[entity.key] = (mention.start, entity)
    if not counts:
        return None
    best = max(counts, key=lambda key: (counts[key], latest[key][0]))
    return latest[best][1]


def _claims(
    holders: list[Referent],
    predicate: str | None,
    polarity: int,
    target: Entity,
    token: Token,
    made_by: str,
    sent: Span,
    analysis: DocAnalysis,
    config: Config,
) -> Iterator[Claim]:
    if is_negated(token) or is_supposition(token) or is_unheld(token):
        return  # "did not vote to repeal it" is no vote for it either
    if predicate is None or polarity < 0:
        predicate = "supports" if polarity > 0 else "opposes"
    yield from holder_claims(
        holders,
        target,
        token,
        predicate=predicate,
        polarity=polarity,
        modality=modality_of(token, "asserted", analysis),
        evidence=analysis.evidence(sent, NAME, VERSION),
        made_by=made_by,
        analysis=analysis,
        config=config,
    )


def holder_claims(
    holders: list[Referent],
    target: Entity,
    token: Token,
    *,
    predicate: str,
    polarity: int,
    modality: str,
    evidence: Provenance,
    made_by: str,
    analysis: DocAnalysis,
    config: Config,
) -> Iterator[Claim]:
    """One claim per holder, other than the target itself, of an act whose
    cue is ``token`` (the action and announcement rules share it)."""
    speaker = analysis.speaker(token)
    for holder in holders:
        if holder.entity.key == target.key:
            continue
        yield Claim(
            subject=holder.entity,
            predicate=predicate,
            object=target,
            provenance=evidence,
            polarity=polarity,
            confidence=config.calibration.confidence(made_by, hops=holder.hops, modality=modality),
            modality=modality,
            speaker=speaker,
            cue=token.lemma_.lower(),
            rule=made_by,
        )
