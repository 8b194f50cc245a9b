"""relations.v1: disagreement between actors that no cue word names.

A speaker who calls another's claim false disagrees with its author, though
neither "disagree" nor a name may be in the sentence:

- "That is false." / "With respect, that is simply not true." / "It will not."
  after someone's claim → disagreesWith whoever made the claim (the subject
  of a speech verb, or the speaker, of the sentences just before);
- "The mayor's claim that … is a fantasy" → disagreesWith the mayor;
- "On this bill its leadership is wrong", "we think he has it wrong" →
  disagreesWith the one said to be wrong;
- "We disagree." / "We see it differently." → disagreesWith the claim's author;
- a denial that only repeats the claim's auxiliary ("It will not.", "They did
  not.") or says what the thing is not ("That is not what it does", "that is
  not how the law works") → disagreesWith the claim's author.

A claim's author is the subject of a speech or verdict verb ("X has argued
that …", "X keeps telling people …", "X has called the deal …"); a group
"led by Y" stands for Y.

Replies to the claim just made, and positions between two actors:

- "Lee disputes that." / "Lee rebutted that forecast" → disagreesWith whoever made
  the claim before (nobody, when the nearest claim is an unnamed group's);
  "backed that account" → agreesWith its author;
- "Reed agreed." with no object → agreesWith the one who made the claim or took
  the stance just before;
- "X is at odds with Y", "a position that puts her at odds with Y" → disagreesWith Y;
- "we think it is overstated", "that fear is exaggerated" → disagreesWith the claim's
  author;
- "the mayor is right that the roads are poor" → agreesWith the mayor (a verdict on
  what the mayor holds, so evaluation.v1 reads no praise in it).

Agreement with an actor whose view someone takes up is named by no cue either:

- "Lee echoed the mayor's concerns", "Lee shares the concerns of the mayor",
  "Lee said she shared those concerns" (the view of whoever voiced one in the
  sentences just before) → agreesWith the view's owner.

Agreement and disagreement named by a cue ("sided with", "clashed with",
"broke with", "joined Y in") and praise or criticism of a person as distinct
from their policy ("commended the secretary for …") are cues of the lexicon,
read by stance.v1.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.analysis import DocAnalysis, Referent
from kg.extract.analysis.speakers import is_speech_verb
from kg.extract.cues import CURLY_BE, is_be, is_negated, is_supposition, modality_of
from kg.extract.doctext import tokens_where, tokens_with_any
from kg.extract.opinion import default_opinions
from kg.extract.registry import Config, register, rule
from kg.model import Claim, Entity

NAME, VERSION = "relations.v1", "1.0.0"
REBUTTAL = rule("relations.rebuttal", NAME, "calling the claim before false: That is not true.")
CLAIM_OWNER = rule("relations.claim_owner", NAME, "calling X's claim false: X's claim is a fantasy")
WRONG_ACTOR = rule("relations.wrong_actor", NAME, "calling an actor wrong: he has it wrong")
BARE_DISAGREEMENT = rule("relations.bare", NAME, "a disagreement with no object: We disagree.")
SHARED_VIEW = rule(
    "relations.shared", NAME, "taking up another's view: echoed the mayor's concerns"
)
DISPUTE = rule("relations.dispute", NAME, "denying the claim before: X disputes that")
CONCEDED = rule("relations.conceded", NAME, "an actor right about something: X is right that …")
VIEW_AGREED = rule(
    "relations.view_agreed",
    NAME,
    "a good verdict on another's view or request: their concerns are legitimate",
)
VIEW_FAULTED = rule(
    "relations.view_faulted", NAME, "a bad verdict on another's view: his argument is absurd"
)
AT_ODDS = rule("relations.at_odds", NAME, "being at odds with an actor: puts her at odds with Y")
ASSENT = rule("relations.assent", NAME, "assent to the one before: Y agreed; backed that account")

#: Words that call a claim false ("that is a myth").
FALSE_WORDS = frozenset(
    """false untrue wrong incorrect inaccurate misleading fantasy myth nonsense fiction lie
    falsehood baseless absurd bogus fabrication distortion mistaken overstated exaggerated
    overblown unfounded""".split()
)
#: Verbs that call a claim too strong, in the passive: "we think it is overstated".
OVERSTATING = frozenset({"overstate", "exaggerate", "overblow", "inflate", "overestimate"})
#: Words that call a claim false when negated ("that is not true").
TRUE_WORDS = frozenset({"true", "accurate", "correct", "right", "so", "case"})
#: Nouns for what someone claims: "the administrator's claim that …".
CLAIM_NOUNS = frozenset(
    """claim argument assertion suggestion notion contention allegation statement charge
    prediction estimate promise premise account""".split()
)
#: Verbs that take up a view as one's own: "shared / echoed the mayor's concerns".
SHARING_VERBS = frozenset({"share", "echo", "second", "endorse", "amplify"})
#: Nouns for a view someone holds: "the mayor's concerns", "her position".
VIEW_NOUNS = frozenset(
    """concern view position criticism objection worry reservation doubt sentiment
    argument assessment frustration opinion call skepticism scepticism fear""".split()
)
#: Verbs of asking: what they ask for is a request ("asked the board for a delay").
ASKING_VERBS = frozenset({"ask", "request", "demand", "urge", "plead", "petition"})
#: Nouns for what someone asks for: "those requests are reasonable".
REQUEST_NOUNS = frozenset({"request", "demand", "plea"})
#: Determiners that point back at the view or request just reported: "those concerns".
BACK_DETERMINERS = frozenset({"that", "this", "these", "those", "their", "such"})
#: From this |valence| on, a negated word is a hedge, not the opposite verdict.
HEDGE = 2.5
#: Pronouns that point back at the claim just reported.
BACK_POINTERS = frozenset({"that", "this", "it"})
#: Auxiliaries whose bare negation denies a claim ("It will not.").
DENYING_AUXILIARIES = frozenset({"will", "would", "can", "could", "do", "does", "did", "wo", "ca"})
#: Verbs that pass a verdict, and so make a claim, though they are no speech verb:
#: "X has called the deal a bargain".
VERDICT_VERBS = frozenset({"call", "describe", "label", "brand", "characterize", "portray"})
#: Nouns for the people who run an organisation: "its leadership is wrong" is the
#: organisation being wrong.
GOVERNING_NOUNS = frozenset({"leadership", "management", "leaders", "leader", "board"})
#: Verbs that deny a claim named by their object: "disputes that", "rebutted that forecast".
DISPUTING_VERBS = frozenset({"dispute", "reject", "deny", "contest", "refute", "rebut"})
#: Verbs that bear out a claim named by their object: "backed that account".
CONFIRMING_VERBS = frozenset({"back", "support", "confirm", "corroborate", "endorse", "accept"})
#: Verbs that put their object at odds with someone: "a stance that puts her at odds with Y".
PLACING_VERBS = frozenset({"put", "place", "leave", "set", "find"})
#: Heads of idioms that fault an argument rather than a deed ("a straw man", "a
#: smoke-and-mirrors act", "a scare tactic"): said of "that" after a claim, they answer its author.
ARGUMENT_FAULTS = frozenset({"herring", "man", "tactic", "mirrors", "switch", "slope"})
#: Adverbs that make "sees the levy differently" a change of mind, not a reply.
CHANGE_OF_MIND = frozenset({"now", "since", "today"})
#: How many sentences back the rebutted claim may be.
SENTENCES_BACK = 3
#: The only tokens :func:`_shared_view`, :func:`_reply` and :func:`_rebuttal` can fire
#: on, by lemma (lower-cased) or by form: the loop of :func:`extract_relations` looks at
#: no other token (making a ``Token`` of every one cost more than the tests). A new
#: branch keyed on another word must add it here.
TRIGGER_LEMMAS = (
    SHARING_VERBS
    | DISPUTING_VERBS
    | CONFIRMING_VERBS
    | OVERSTATING
    | {"agree", "be", "have", "get", "disagree", "see"}
)
TRIGGER_FORMS = DENYING_AUXILIARIES | CURLY_BE | {"odds"}  # "It’s not true"


@register(NAME)
def extract_relations(doc: Doc, analysis: DocAnalysis, *, config: Config) -> Iterator[Claim]:
    """disagreesWith claims from rebuttals, agreesWith claims from shared views."""
    for sent in analysis.body:
        for token in tokens_with_any(sent, lower=TRIGGER_FORMS, lemma=TRIGGER_LEMMAS):
            yield from _shared_view(token, sent, analysis, config)
            yield from _reply(token, sent, analysis, config)
            found = _rebuttal(token, analysis)
            if found is None:
                continue
            made_by, target = found
            holder = analysis.speaker(token)
            if holder is None or target is None or target.key == holder.key:
                continue
            if not target.is_actor or is_supposition(token):
                continue
            agrees = made_by in (CONCEDED, VIEW_AGREED)
            yield _relation(
                holder,
                target,
                token,
                sent,
                agrees,
                made_by,
                1,
                holder,
                token.lower_,
                analysis,
                config,
            )


def _shared_view(verb: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """ "echoed the mayor's concerns": agreement with the view's owner."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SHARING_VERBS:
        return
    if is_negated(verb) or is_supposition(verb):
        return
    view = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if view is None or view.lemma_.lower() not in VIEW_NOUNS:
        return
    subject = _subject(verb)
    ref = analysis.actor(subject) if subject is not None else None
    holder = ref.entity if ref is not None else analysis.speaker(verb)
    owner = _view_owner(view, analysis)
    if owner is None and any(c.lower_ in ("those", "these", "that", "this") for c in view.children):
        owner = _claim_author(verb, analysis, holder)  # "shared those concerns"
    if holder is None or owner is None or owner.key == holder.key or not owner.is_actor:
        return
    speaker = analysis.speaker(verb)
    cue = verb.lemma_.lower()
    yield _relation(holder, owner, verb, sent, True, SHARED_VIEW, 1, speaker, cue, analysis, config)


def _reply(token: Token, sent: Span, analysis: DocAnalysis, config: Config) -> Iterator[Claim]:
    """An actor's answer to another: denying the claim just made ("Lee disputes that",
    "Lee rebutted that forecast") or agreeing with no object ("Reed agreed.") is
    disagreement or agreement with its author; "at odds with Y" is disagreement with Y."""
    found = _on_claim(token) or _assent(token) or _odds(token)
    if found is None or is_supposition(token) or is_negated(token):
        return
    made_by, holder_token, other = found
    ref = _holder(holder_token, analysis) if holder_token is not None else None
    if ref is None:
        return
    holder = ref.entity
    target = _actor(other, analysis) if other is not None else None
    if other is None:
        target = _claimant(token, analysis, holder)
    if target is None and made_by == ASSENT:
        target = _last_subject(token, analysis, holder)  # "Lee opposes X. Reed agreed."
    if target is None or target.key == holder.key or not target.is_actor:
        return
    speaker = analysis.speaker(token)
    agrees = made_by == ASSENT
    yield _relation(
        holder,
        target,
        token,
        sent,
        agrees,
        made_by,
        ref.hops,
        speaker,
        token.lemma_.lower(),
        analysis,
        config,
    )


def _relation(
    holder: Entity,
    other: Entity,
    token: Token,
    sent: Span,
    agrees: bool,
    made_by: str,
    hops: int,
    speaker: Entity | None,
    cue: str,
    analysis: DocAnalysis,
    config: Config,
) -> Claim:
    """The claim that ``holder`` agrees (or disagrees) with ``other``, cued at ``token``."""
    modality = modality_of(token, "asserted", analysis)
    return Claim(
        subject=holder,
        predicate="agreesWith" if agrees else "disagreesWith",
        object=other,
        provenance=analysis.evidence(sent, NAME, VERSION),
        polarity=1 if agrees else -1,
        confidence=config.calibration.confidence(made_by, hops=hops, modality=modality),
        modality=modality,
        speaker=speaker,
        cue=cue,
        rule=made_by,
    )


def _claimant(token: Token, analysis: DocAnalysis, holder: Entity) -> Entity | None:
    """Who made the claim ``token`` answers, as :func:`_claim_author`, but nobody when
    the nearest claim is an unnamed one's ("Some critics argue that …")."""
    here = analysis.sentence_number(token)
    for number in range(here - 1, max(here - 1 - SENTENCES_BACK, -1), -1):
        quoted = _quoted_speaker(analysis.sentences.all[number], analysis, holder)
        if quoted is not None:
            return quoted  # "X has it right: '…' We agree.": the words just quoted
        for verb in analysis.sentences.all[number]:
            if verb.pos_ == "VERB" and _claims_something(verb, analysis):
                subject = _leader(_subject(verb))
                if subject is None:
                    continue  # "Testifying against the bill, X said …": X's "said"
                ref = analysis.actor(subject)
                if ref is None:
                    return None
                if ref.entity.key != holder.key:
                    return ref.entity
    return _claim_author(token, analysis, holder)


def _quoted_speaker(sent: Span, analysis: DocAnalysis, holder: Entity) -> Entity | None:
    """The speaker of the last quotation in ``sent`` that is not ``holder``'s."""
    for token in reversed(sent):
        if analysis.quotes.at(token.idx) is None:
            continue
        speaker = analysis.speaker(token)
        if speaker is not None and speaker.key != holder.key:
            return speaker
    return None


def _last_subject(token: Token, analysis: DocAnalysis, holder: Entity) -> Entity | None:
    """The actor the sentence before is about: the subject of its main verb."""
    here = analysis.sentence_number(token)
    if here == 0:
        return None
    root = analysis.sentences.all[here - 1].root
    subject = _subject(root)
    ref = analysis.actor(subject) if subject is not None else None
    if ref is None or ref.entity.key == holder.key:
        return None
    return ref.entity


def _holder(subject: Token, analysis: DocAnalysis) -> Referent | None:
    """The actor ``subject`` names, or the one set off after it ("her counterpart in
    Eastport, Mayor Tom Reed,", which the parser may hang anywhere in the phrase or
    read as a second subject)."""
    ref = analysis.actor(subject)
    if ref is not None or subject.pos_ != "NOUN":
        return ref
    set_off = [t for t in subject.subtree if t.dep_ == "appos"]
    set_off += [t for t in subject.head.children if t.dep_ == "nsubj" and t.i > subject.i]
    names = (analysis.actor(t) for t in set_off)
    return next((r for r in names if r is not None and r.entity.is_actor), None)


def _on_claim(verb: Token) -> tuple[str, Token | None, Token | None] | None:
    """ "disputes that", "rebutted that forecast", "denied the claim" (or "backed that
    account"): the claim is the one just made, named by a pronoun or a claim noun that
    points back."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in DISPUTING_VERBS | CONFIRMING_VERBS:
        return None
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if thing is None:
        return None
    back = thing.lower_ in ("that", "this") and not list(thing.children)
    if lemma in CONFIRMING_VERBS:
        back = False  # "backs this" is a stance on what "this" is
    claim = thing.lemma_.lower() in CLAIM_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("that", "this", "the", "those", "these")
        for c in thing.children
    )
    if not (back or claim) or any(c.dep_ in ("relcl", "acl", "prep") for c in thing.children):
        return None  # "rejected the claim that …" names its own claim
    return (DISPUTE if lemma in DISPUTING_VERBS else ASSENT), _subject(verb), None


def _assent(verb: Token) -> tuple[str, Token | None, Token | None] | None:
    """ "Her colleague, Mayor Reed, agreed.": "agree" with nothing after it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "agree" or verb.dep_ != "ROOT":
        return None
    if any(c.dep_ in ("prep", "dobj", "ccomp", "xcomp", "advcl") for c in verb.children):
        return None
    return ASSENT, _subject(verb), None


def _odds(noun: Token) -> tuple[str, Token | None, Token | None] | None:
    """ "X is at odds with Y", "a position that puts her at odds with Y"."""
    if noun.lower_ != "odds" or noun.dep_ != "pobj" or noun.head.lower_ != "at":
        return None
    other = next(
        (o for p in noun.children if p.lower_ == "with" for o in p.children if o.dep_ == "pobj"),
        None,
    )
    verb = noun.head.head
    if other is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    if verb.lemma_.lower() in PLACING_VERBS:
        holder = next((c for c in verb.children if c.dep_ == "dobj"), None)
    else:
        holder = _subject(verb)
    return AT_ODDS, holder, other


def _view_owner(view: Token, analysis: DocAnalysis) -> Entity | None:
    """ "the mayor's concerns", "the concerns of the mayor"."""
    for child in view.children:
        if child.dep_ == "poss":
            return _actor(child, analysis)
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
            named = next((o for o in child.children if o.dep_ == "pobj"), None)
            if named is not None:
                return _actor(named, analysis)
    return None


def _rebuttal(token: Token, analysis: DocAnalysis) -> tuple[str, Entity | None] | None:
    """(rule, the actor disagreed with) when ``token`` rebuts a claim."""
    if is_be(token):
        return _copular(token, analysis)
    if _bare_denial(token):
        return REBUTTAL, _claim_author(token, analysis)
    if token.lemma_.lower() in OVERSTATING and token.tag_ == "VBN" and not is_negated(token):
        subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and (
            _back_pointer(subject) or subject.lemma_.lower() in CLAIM_NOUNS | VIEW_NOUNS
        ):
            return REBUTTAL, _claim_author(token, analysis)  # "we think it is overstated"
    if token.lemma_ in ("have", "get") and _calls_wrong(token):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        return (WRONG_ACTOR, _actor(subject, analysis)) if subject is not None else None
    if token.lemma_ == "disagree" and not any(c.dep_ == "prep" for c in token.children):
        if is_negated(token):
            return None
        return BARE_DISAGREEMENT, _claim_author(token, analysis)
    if token.lemma_ == "see" and any(c.lower_ == "differently" for c in token.children):
        if any(c.lower_ in CHANGE_OF_MIND for c in token.children):
            return None  # "she now sees the levy differently": a change of mind
        return BARE_DISAGREEMENT, _claim_author(token, analysis)
    return None


def _copular(verb: Token, analysis: DocAnalysis) -> tuple[str, Entity | None] | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    word = next((c for c in verb.children if c.dep_ in ("attr", "acomp")), None)
    if subject is None:
        return None
    if word is None:
        if _back_pointer(subject) and is_negated(verb) and _says_what(verb):
            return REBUTTAL, _claim_author(verb, analysis)  # "that is not what it does"
        return None
    lemma, negated = word.lemma_.lower(), is_negated(verb) or is_negated(word)
    false = (lemma in FALSE_WORDS and not negated) or (lemma in TRUE_WORDS and negated)
    if not false and not negated and _back_pointer(subject) and word.dep_ == "attr":
        # "That is a straw man.", "That is a straw man.": an idiom that faults an argument
        idiom = default_opinions().idioms_in(verb.sent).get(word.i, 0.0)
        false = idiom < 0 and word.lemma_.lower() in ARGUMENT_FAULTS
    if _right_that(word) and lemma in TRUE_WORDS and not negated:
        return CONCEDED, _actor(subject, analysis)  # "the mayor is right that …"
    if not false and subject.lemma_.lower() in CLAIM_NOUNS | VIEW_NOUNS | REQUEST_NOUNS:
        return _view_verdict(subject, word, negated, verb, analysis)
    if not false:
        return None
    if _back_pointer(subject):
        return REBUTTAL, _claim_author(verb, analysis)
    if subject.lemma_.lower() in CLAIM_NOUNS | VIEW_NOUNS:
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
        return WRONG_ACTOR, _actor(_governed(subject), analysis)  # "its leadership is wrong"
    return None


def _view_verdict(
    view: Token, word: Token, negated: bool, verb: Token, analysis: DocAnalysis
) -> tuple[str, Entity | None] | None:
    """ "Their concerns are legitimate", "Those requests are reasonable" (agreement with
    whoever holds the view or made the request), "his argument is absurd" (disagreement):
    an evaluative word on a view, its owner the possessor, a "by" phrase, or for "those
    requests" the one who made a claim or request just before."""
    value = default_opinions().of_token(word)
    if not value or abs(value) >= HEDGE and negated:
        return None  # no verdict, or a hedge ("not perfect")
    owner = next((c for c in view.children if c.dep_ == "poss"), None)
    if owner is not None:
        actor = _actor(owner, analysis)
    elif any(c.lower_ in BACK_DETERMINERS for c in view.children if c.dep_ == "det"):
        actor = _claim_author(verb, analysis)
    else:
        return None  # "the concerns are legitimate": whose, we cannot say
    return (VIEW_AGREED if (value > 0) != negated else VIEW_FAULTED), actor


def _right_that(word: Token) -> bool:
    """ "right that the roads are poor", "correct to worry": a verdict on what
    someone holds, not on the person."""
    return any(
        c.dep_ in ("ccomp", "xcomp") and any(m.dep_ in ("mark", "aux") for m in c.children)
        for c in word.children
    )


def _back_pointer(token: Token) -> bool:
    return token.lower_ in BACK_POINTERS and token.pos_ == "PRON"


def _says_what(verb: Token) -> bool:
    """ "is not what it does", "is not how the law works": a clause opened by a wh-word."""
    return any(
        c.dep_ == "ccomp" and any(w.tag_ in ("WP", "WRB") for w in c.children)
        for c in verb.children
    )


def _bare_denial(token: Token) -> bool:
    """ "It will not." / "They did not.": a negated auxiliary with nothing after it,
    whose subject points back at what was just claimed."""
    if token.dep_ != "ROOT" or token.lower_ not in DENYING_AUXILIARIES or not is_negated(token):
        return False
    allowed = ("nsubj", "neg", "punct", "advmod", "cc", "intj")
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None
        and subject.pos_ == "PRON"
        and subject.lower_ in ("it", "they", "that", "this")
        and all(c.dep_ in allowed for c in token.children)
    )


def _governed(subject: Token) -> Token:
    """The organisation whose leadership ``subject`` is ("its leadership"), else itself."""
    if subject.lemma_.lower() in GOVERNING_NOUNS:
        return next((c for c in subject.children if c.dep_ == "poss"), subject)
    return subject


def _calls_wrong(verb: Token) -> bool:
    """ "has it wrong", "got it all wrong" (the parser reads "it wrong" either way)."""
    doc, i = verb.doc, verb.i
    return (
        i + 2 < len(doc)
        and doc[i + 1].lower_ == "it"
        and any(t.lower_ in ("wrong", "backwards") for t in doc[i + 2 : i + 4])
    )


def _verb_authors(verbs: Iterable[Token], analysis: DocAnalysis) -> Iterator[Entity]:
    """The subjects of those of ``verbs`` that make a claim or a request."""
    for token in verbs:
        if _claims_something(token, analysis):
            subject = _leader(_subject(token))
            if subject is not None and (ref := analysis.actor(subject)) is not None:
                yield ref.entity


def _claims_something(verb: Token, analysis: DocAnalysis) -> bool:
    """A speech verb, a verdict verb with an object ("has called the deal …"), a verb of
    asking ("asked the council for X") or one whose object is a claim or a view ("made
    the same argument", "raised concerns")."""
    if is_speech_verb(verb, analysis.lexicon) or verb.lemma_.lower() in ASKING_VERBS:
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() in VERDICT_VERBS and objects:
        return True
    return any(o.lemma_.lower() in CLAIM_NOUNS | VIEW_NOUNS | REQUEST_NOUNS for o in objects)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it completes ("keeps telling people")
    or whose clause a participle continues ("came out against it, warning that …")."""
    while True:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
        if subject is not None or not (verb.dep_ == "xcomp" or participle):
            return subject
        verb = verb.head


def _leader(subject: Token | None) -> Token | None:
    """ "Opponents, led by the group Y," stand for Y."""
    if subject is None:
        return None
    for acl in subject.children:
        if acl.dep_ == "acl" and acl.lemma_ == "lead":
            for agent in acl.children:
                if agent.dep_ == "agent":
                    named = next((o for o in agent.children if o.dep_ == "pobj"), None)
                    if named is not None:
                        return next((a for a in named.children if a.dep_ == "appos"), named)
    return subject


def _actor(token: Token, analysis: DocAnalysis) -> Entity | None:
    ref = analysis.actor(token)
    if ref is None and token.lower_ == "its":
        return _last_organization(token, analysis)
    return ref.entity if ref is not None else None


def _last_organization(token: Token, analysis: DocAnalysis) -> Entity | None:
    """The organisation an unresolved "its" owns: the last one named before it in
    this sentence or the one before."""
    here = analysis.sentence_number(token)
    start = analysis.sentences.all[max(here - 1, 0)].start
    for before in reversed(token.doc[start : token.i]):
        ref = analysis.actor(before)
        if ref is not None and ref.entity.kind == "Organization":
            return ref.entity
    return None


def _claim_author(
    token: Token, analysis: DocAnalysis, holder: Entity | None = None
) -> Entity | None:
    """Who made the claim a rebuttal answers: in the sentences just before, the
    subject of a speech verb, else their speaker; the nearest one that is not
    the rebutting speaker (or ``holder``)."""
    holder = holder or analysis.speaker(token)
    here = analysis.sentence_number(token)
    sent = analysis.sentences.all[here]
    before = (v for v in tokens_where(sent, pos=("VERB",)) if v.i < token.i)
    for author in _verb_authors(before, analysis):  # "They made that argument, and it was wrong"
        if holder is None or author.key != holder.key:
            return author
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
    yield from _verb_authors(tokens_where(sent, pos=("VERB",)), analysis)
    for token in sent:
        speaker = analysis.speaker(token)
        if speaker is not None:
            yield speaker
            return
