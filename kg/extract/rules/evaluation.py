"""evaluation.v1: an evaluative word aimed at a target is the speaker's stance on it.

"The mayor's plan is ill-conceived," Lee said → Lee opposes the plan and
criticizes the mayor. "a long-overdue reform" → supports the reform. The
valence comes from the opinion lexicon (:mod:`kg.extract.opinion`); the parse
aims it:

- a predicate adjective or noun lands on the subject of its linking verb
  ("X is reckless", "X is a betrayal", "X seems a sensible compromise");
- a verdict on an object lands on the object, and the verdict is its
  subject's ("she called the deal reckless");
- an adjective on a policy noun lands on that noun ("this reckless giveaway");
- an evaluated record, handling or leadership lands on whoever has it ("the
  governor's abysmal record", "he had an abysmal record");
- whatever lands on a possessed thing lands on its possessor too ("the
  mayor's plan is ill-conceived" criticizes the mayor);
- an idiom of conduct (``lexicons/idioms.tsv``) lands on whoever is said to do
  it ("the council kicked the can down the road" criticizes the council); an
  idiom with a noun head is aimed like an evaluative noun ("a power grab");
- a speaker's own words, quoted in narration as what someone did or is, land on
  that subject ("Lee said the board had “neglected every tenant”", "said the levy
  would “hollow out downtown”"): rated by their head word, else by how the phrase
  sounds to VADER as a whole, else blame, as a quoted label is;
- a feeling lands on what it is about, judged by whoever feels it: a clause's
  subject ("frustrated that the mayor let the fund lapse"), an object ("pleased with
  the ruling"), or with neither, the decision or vote named just before ("X said
  it was “bitterly disappointed” and would seek a rehearing"); the one who feels is never the
  target ("the growers were disappointed" is no verdict on the growers).

The holder is the sentence's speaker (a quotation's or a reported clause's)
or the verdict verb's subject; narration with no speaker gives nothing.
Negation ("is not fair") flips the valence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from kg.extract.analysis import DocAnalysis
from kg.extract.cues import is_be, is_negated, is_supposition, modality_of
from kg.extract.doctext import tokens_where, tokens_with_any
from kg.extract.holders import is_passive
from kg.extract.labels import (
    GENERIC_ISSUES,
    action_label,
    issue_from_tokens,
    issue_key,
    phrase_tokens,
)
from kg.extract.opinion import THRESHOLD, OpinionLexicon, default_opinions, hyphenated, tone
from kg.extract.registry import Config, register, rule
from kg.extract.targets import issue_entity
from kg.model import Claim, Entity

NAME, VERSION = "evaluation.v1", "1.0.0"
COPULA = rule("evaluation.copula", NAME, "a predicate evaluation: X is ill-conceived / a disaster")
VERDICT = rule("evaluation.verdict", NAME, "a verdict on an object: she called the deal reckless")
MODIFIER = rule(
    "evaluation.modifier", NAME, "an evaluative word on a policy noun: a reckless giveaway"
)
CONDUCT = rule("evaluation.conduct", NAME, "an evaluated record: his abysmal record → its owner")
CONSEQUENCE = rule(
    "evaluation.consequence", NAME, "what a policy does, said by a speaker: the bill would hurt X"
)
DEED = rule("evaluation.deed", NAME, "an idiom of conduct on its doer: the council kicked the can")
DOING = rule(
    "evaluation.doing", NAME, "a bad deed on its doer, said by a speaker: the agency ignored us"
)
POSSESSOR = rule(
    "evaluation.possessor", NAME, "the owner of what is evaluated: X's plan is reckless"
)
FEELING = rule(
    "evaluation.feeling",
    NAME,
    "how one feels about what another did: frustrated that X let the fund lapse",
)
BACK = rule(
    "evaluation.back",
    NAME,
    "a verdict on what the sentence before names: X will sue. That would be a mistake.",
)
REGRET = rule(
    "evaluation.regret",
    NAME,
    "what another should have done: we wish she had taken a position; X should have waited",
)
AT_LAST = rule(
    "evaluation.at_last",
    NAME,
    "a deed done at last, said by a speaker: the council finally listened",
)
QUOTED = rule(
    "evaluation.quoted",
    NAME,
    "a speaker's words quoted as what another did: said the board had “ignored” them",
)

#: Verbs that link a subject to what is said of it: "the plan is / seems reckless".
LINKING_VERBS = frozenset({"be", "seem", "remain", "look", "sound", "prove", "become", "appear"})
#: Verbs that pass a verdict on their object: "called the plan reckless".
VERDICT_VERBS = frozenset({"call", "consider", "deem", "label", "brand", "find", "describe"})
#: Nouns for merit or fault that can be given to someone: "the credit goes to X".
MERITS = frozenset({"credit", "blame", "thanks", "praise", "gratitude", "kudos"})
#: Verbs that give such a noun to whoever follows: "belongs to", "lies with", "falls on".
BESTOWING = frozenset({"belong", "go", "lie", "fall", "rest"})
#: Prepositions that deny their object: "the suit is without merit".
LACKING = frozenset({"without", "beyond"})
#: Verbs whose object is what their subject merits: "she deserves credit / blame".
MERIT_VERBS = frozenset({"deserve", "merit", "earn"})
#: Nouns an adjective can evaluate as a policy: "a reckless giveaway".
POLICY_NOUNS = GENERIC_ISSUES | frozenset(
    """decision rule regulation program programme deal mandate giveaway idea approach move
    proposal approval repeal renewal removal withdrawal referral
    order scheme reform change tariff ban cap exemption subsidy increase hike spending budget
    cut cuts bailout handout compromise solution step fix investment expansion repeal
    rollback crackdown overhaul strategy effort attempt project quota limit charge lawsuit
    suit levy surcharge fee fine penalty tax tariff contract settlement merger project
    ordinance subsidy grant loan waiver pilot initiative system permit license licence
    credit rebate voucher requirement standard threshold moratorium""".split()
)
#: Endings of nouns for things done or decided: "closure", "approval", "gouging".
ACTION_ENDINGS = ("tion", "sion", "ment", "ing", "ure", "ance", "ence")
#: Verbs that bring about their object: "the suit creates uncertainty" is as bad as
#: uncertainty is.
CAUSATIVE = frozenset(
    "create cause generate produce bring spark fuel breed invite provide deliver".split()
)
#: Verbs that take away their object: "the law would end fraud" is as good as fraud is bad.
REDUCING = frozenset(
    """ban block stop end prevent cut reduce eliminate combat tackle deter prohibit
    restrict limit lower abolish curb slash gut""".split()
)
#: Verbs whose rating is one of what they act on ("would ban X", "would cut X"): what
#: they say of their subject depends on the object, so they are no consequence.
OBJECT_DIRECTED = frozenset(
    """ban block stop end prevent fight punish prohibit restrict limit cut reduce eliminate
    combat tackle deter penalize penalise fine jail arrest prosecute kill attack oppose reject
    lower raise increase force lose pay crack abolish repeal challenge create cause generate
    produce bring hand give""".split()
)
#: Nouns for what someone decided or did, named again later without its doer:
#: "the agency's decision to …" … "today's decision is a betrayal".
DEED_NOUNS = frozenset(
    "decision move action ruling choice order announcement rescission veto vote".split()
)
#: Adjectives of feeling: their subject is the one who feels, and what the feeling
#: is about is what is judged ("frustrated that the mayor let the fund lapse").
FEELINGS = frozenset(
    """disappointed dismayed frustrated troubled alarmed appalled outraged angered saddened
    upset angry furious disturbed disheartened discouraged disgusted pleased delighted
    thrilled grateful thankful encouraged heartened proud glad happy excited gratified
    relieved satisfied""".split()
)
#: Prepositions that name what a feeling is about ("disappointed in the council"); "grateful
#: to" and "proud of" are stance cues of their own (``lexicons/cues.tsv``).
ABOUT = frozenset({"in", "with", "by", "about", "at", "over"})
#: How many sentences back the deed a feeling with no object is about may be.
SENTENCES_BACK = 3
#: Nouns whose evaluation is one of whoever has them: "her abysmal record".
CONDUCT_NOUNS = frozenset(
    """record leadership handling response performance stewardship management conduct work
    tenure job""".split()
)
#: Verbs rated for what their subject undergoes or feels, not for what it does:
#: "farmers fear the levy", "the town lost its mill" are no verdict on the subject.
UNDERGOING = frozenset(
    """fear worry hate dread suffer lose miss struggle regret mourn doubt cry grieve
    need want hope wish love like enjoy""".split()
)
#: Verbs that report a claim, rated for the quarrel they imply ("argue" -1.4): what
#: is claimed is judged by relations.v1, not the one who claims it.
REPORTING = frozenset(
    "argue claim allege contend insist complain warn accuse charge deny dispute".split()
)
#: Verbs whose object is something their subject did: "made a brave call".
DOING_VERBS = frozenset({"make", "do", "take", "show"})
#: Nouns for what someone did, judged as their doing when a doing verb has them.
DEEDS_DONE = CONDUCT_NOUNS | DEED_NOUNS | frozenset({"step", "stand", "call", "mistake"})
#: Quotation marks that open a label: "called the plan “a commuter tax”".
QUOTE_OPENERS = frozenset({"“", '"', "‘", "``"})
#: The valence of a quoted label with no good word in it (just above VADER's 1.0 cut).
LABEL_VALENCE = 1.5
#: Label nouns that praise though VADER rates none of them: "“a generational investment”".
GOOD_LABELS = frozenset(
    """investment answer solution lifeline milestone breakthrough model blueprint step
    landmark cornerstone foundation fix remedy""".split()
)
#: Nouns for a favour done to others: "“a gift to the largest shippers”" blames the giver.
FAVOURS = frozenset({"gift", "favor", "favour", "present", "windfall", "boon", "handout"})
#: Verbs that put one thing before another: "picked riders over contractors".
PREFERRING = frozenset({"choose", "put", "place", "prefer", "prioritize", "favor", "pick", "value"})
#: VADER's own cut between a neutral phrase and one that sounds good or bad.
TONE = 0.1
#: From this |valence| on, a negated word is a hedge ("not perfect"), not its opposite.
HEDGE = 2.5
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
NEUTER = frozenset({"it", "this", "that", "its"})
DEMONSTRATIVES = frozenset({"this", "that"})
#: Adverbs that turn a good quality into a fault: "too generous".
EXCESS = frozenset({"too", "overly"})
#: Auxiliaries of what ought to be done: "should have waited".
OUGHT = frozenset({"should", "ought"})
#: Words that judge a claim's truth, not a deed: "That is not true."
TRUTH_WORDS = frozenset(
    """true untrue false accurate inaccurate correct incorrect misleading myth lie nonsense
    fiction falsehood baseless bogus unfounded exaggerated overstated herring tactic""".split()
)  # "herring", "tactic": "That is a red herring / a scare tactic" faults an argument
#: Auxiliaries of what someone will do: "he will ask the court to rehear it".
FUTURE = frozenset({"will", "'ll", "wo", "shall"})
#: Verbs whose infinitive is a deed their subject means to do: "plans to sue".
INTENDING = frozenset(
    "plan intend want seek vow threaten promise pledge hope aim mean try propose expect".split()
)
#: Adjectives of quantity: "too many", "too few" count, they do not judge.
QUANTITIES = frozenset({"many", "much", "few", "little", "often", "soon", "early"})
#: Nouns for people, not policies: "our growers have been loyal" is no stance.
PEOPLE = frozenset(
    """people family families resident parent child children student worker voter taxpayer
    patient farmer community member citizen owner consumer customer employee neighbor""".split()
)
AGENT_ENDINGS = ("er", "or", "ist", "ian")


@dataclass(frozen=True)
class Aim:
    """Where an evaluation lands: the target token, and who passed it (None: the speaker)."""

    target: Token
    rule: str
    judge: Token | None = None
    conduct: bool = False
    """The target is a record or handling: the stance is on its owner."""
    policy_only: bool = False
    """Only a policy can be the target (not an actor): what a bill would do."""
    named: Token | None = None
    """The noun the evaluation is on when the target is a pronoun with no antecedent:
    "this is a smart compromise" supports the compromise."""


#: The parts of speech and tags of every token :func:`_valence` can rate (all others
#: are 0): the loop of :func:`extract_evaluations` looks at no other token but an
#: idiom's. A branch that rates another kind of token must add it here.
RATED_POS = frozenset({"VERB", "ADJ", "NOUN"})
RATED_TAGS = frozenset({"VBN"})


@register(NAME)
def extract_evaluations(doc: Doc, analysis: DocAnalysis, *, config: Config) -> Iterator[Claim]:
    """Stances that an evaluative word aimed at a target expresses."""
    opinions = default_opinions()
    for sent in analysis.body:
        seen: set[tuple[str, str, str]] = set()
        idioms = opinions.idioms_in(sent)
        for token in tokens_with_any(sent, pos=RATED_POS, tag=RATED_TAGS, indices=idioms):
            valence = idioms.get(token.i) or _valence(token, opinions, analysis)
            if not valence:
                continue
            aims = _deed_aims(token) if token.i in idioms and token.pos_ == "VERB" else _aims(token)
            for aim in aims:
                for claim in _claims(token, valence, aim, sent, analysis, opinions, config):
                    key = (claim.subject.key, claim.predicate, claim.object.key)
                    if key not in seen:
                        seen.add(key)
                        yield claim
        for verb, aim in (*_regrets(sent), *_done_at_last(sent, opinions)):
            valence = LABEL_VALENCE if aim.rule == AT_LAST else -LABEL_VALENCE
            for claim in _claims(verb, valence, aim, sent, analysis, opinions, config):
                key = (claim.subject.key, claim.predicate, claim.object.key)
                if key not in seen:
                    seen.add(key)
                    yield claim
        for head, aim, valence in _quoted_predicates(sent, analysis, opinions):
            for claim in _claims(head, valence, aim, sent, analysis, opinions, config):
                key = (claim.subject.key, claim.predicate, claim.object.key)
                if key not in seen:
                    seen.add(key)
                    yield claim


def _valence(token: Token, opinions: OpinionLexicon, analysis: DocAnalysis) -> float:
    if _is_action(token):
        return _consequence(token, opinions, analysis)
    if token.tag_ == "JJR":
        return 0.0  # "better than": a comparison, not a verdict
    value = _rating(token, opinions)
    if _excess(token):
        # "far too generous", "too narrow", "too high a cap": more than is right is a fault,
        # whatever the word's own rating ("too early to say" judges no one)
        return -max(abs(value), LABEL_VALENCE)
    if token.dep_ == "pobj" and token.head.lower_ in LACKING:
        return -value  # "without merit"
    return value


def _excess(token: Token) -> bool:
    """ "too narrow", "overly generous": an adjective said to go beyond what is right, not
    a quantity ("too many"), a timing with its own clause ("too early to tell") or a
    negated excess ("not too high")."""
    return (
        token.pos_ == "ADJ"
        and token.lower_ not in QUANTITIES
        and any(c.lower_ in EXCESS and c.i < token.i for c in token.children if c.dep_ == "advmod")
        and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
        and not is_negated(token)
    )


def _is_action(token: Token) -> bool:
    """A verb as a verb, not a participle used as an adjective ("is ill-conceived")."""
    return token.pos_ == "VERB" and not (
        token.tag_ == "VBN" and token.dep_ in ("acomp", "amod", "oprd")
    )


def _consequence(verb: Token, opinions: OpinionLexicon, analysis: DocAnalysis) -> float:
    """The rating of a verb that says what its subject does to the world ("would
    hurt", "will help"), VADER's own where the project file cleared it for nouns."""
    lemma = verb.lemma_.lower()
    if lemma in CAUSATIVE or lemma in REDUCING:
        return _effect(verb, lemma, opinions, analysis)
    if lemma in OBJECT_DIRECTED or lemma in UNDERGOING:
        return 0.0  # "would ban X" depends on X; "fears X" is how its subject feels
    # a cue verb ("the law violates the constitution") is read here only for a policy
    # subject (its aim is policy_only), which stance.v1 leaves to the speaker
    value = opinions.valence.get(lemma) or opinions.topic(lemma)
    return value if abs(value) >= THRESHOLD else 0.0


def _effect(verb: Token, lemma: str, opinions: OpinionLexicon, analysis: DocAnalysis) -> float:
    """ "creates uncertainty" (bad), "would end fraud" (good): the rating of what a
    verb brings about or takes away, its topic's rating included ("reduce crime").
    Only a policy's effects count: "a first offence would bring a warning" is no verdict."""
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if thing is None or thing.pos_ != "NOUN":
        return 0.0
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (
        subject.lemma_.lower() in POLICY_NOUNS
        or subject.pos_ == "PROPN"
        or analysis.issue_antecedent(subject) is not None
    ):
        return 0.0
    value = opinions.of_token(thing) or opinions.topic(thing.lemma_)
    if abs(value) < THRESHOLD:
        return 0.0
    return value if lemma in CAUSATIVE else -value


def _rating(token: Token, opinions: OpinionLexicon) -> float:
    if token.pos_ == "ADJ" or (token.tag_ == "VBN" and token.dep_ in ("acomp", "amod", "oprd")):
        return opinions.of_token(token)
    if token.pos_ == "NOUN" and (token.dep_ in ("attr", "oprd", "pobj") or _misparsed_oprd(token)):
        if _is_quoted_label(token):
            return _quoted_label(token, opinions)
        return opinions.of_token(token)
    if token.pos_ == "NOUN" and _demonstrative(token):
        value = opinions.of_token(token)  # "we'll take this win"
        return value if value > 0 else 0.0
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_ in MERIT_VERBS:
        value = opinions.of_token(token) or opinions.topic(token.lemma_)  # "credit"
        return value if abs(value) >= THRESHOLD else 0.0
    if _bestowed(token):
        value = opinions.of_token(token) or opinions.topic(token.lemma_)  # "the credit goes to"
        return value if abs(value) >= THRESHOLD else 0.0
    return 0.0


def _demonstrative(noun: Token) -> Token | None:
    """The "this" or "that" of "this win", "that victory" (a subject or an object: a
    good name for what was done), pointing back at what the sentence before names."""
    if noun.dep_ not in ("nsubj", "dobj"):
        return None
    return next((c for c in noun.children if c.dep_ == "det" and c.lower_ in DEMONSTRATIVES), None)


def _bestowed(noun: Token) -> bool:
    """ "The credit goes to X", "the blame lies with X": a merit given to someone."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in MERITS
        and noun.dep_ == "nsubj"
        and noun.head.lemma_.lower() in BESTOWING
    )


def _is_quoted_label(noun: Token) -> bool:
    """Whether ``noun`` heads a label a verdict verb puts in quotation marks:
    "called the levy “a tax on commuters”"."""
    head = noun.head if _misparsed_oprd(noun) else noun
    verb = head.head if noun is not head else noun.head
    if noun.dep_ not in ("oprd", "appos") or verb.lemma_.lower() not in VERDICT_VERBS:
        return False
    start = min(t.i for t in noun.subtree if not t.is_punct)
    return start > 0 and noun.doc[start - 1].text in QUOTE_OPENERS


def _quoted_label(noun: Token, opinions: OpinionLexicon) -> float:
    """The verdict of a quoted label: a name the judge gives the thing in its own
    words, which is blame unless the label says something good ("“a generational
    investment”", "“a smart fix”"). "A gift to X" and the like is a favour to others,
    not praise."""
    lemma = noun.lemma_.lower()
    if lemma in FAVOURS and any(
        c.dep_ == "prep" and c.lower_ in ("to", "for") for c in noun.children
    ):
        return -LABEL_VALENCE
    value = opinions.of_token(noun)
    if value:
        return value
    if lemma in GOOD_LABELS:
        return LABEL_VALENCE  # "“a model for the region”", "“a practical answer”"
    if any(opinions.rate(t.lower_) > 0 or opinions.rate(t.lemma_) > 0 for t in noun.subtree):
        return 0.0  # "“the most important investment in years”": leave it to its words
    return -LABEL_VALENCE


def _aims(token: Token) -> Iterator[Aim]:
    """The targets the evaluative ``token`` is said of."""
    if _is_action(token):
        lemma = token.lemma_.lower()
        yield from (
            Aim(c, CONSEQUENCE, policy_only=True) for c in token.children if c.dep_ == "nsubj"
        )
        if lemma not in UNDERGOING and lemma not in REPORTING and not is_passive(token):
            # "the agency ignored every warning": a bad deed is a verdict on its doer
            yield from (replace(aim, rule=DOING) for aim in _deed_aims(token))
        return
    if token.pos_ == "NOUN" and (pointer := _demonstrative(token)) is not None:
        yield Aim(pointer, BACK)  # "we'll take this win": the rule passed just before
        return
    node = token
    while node.dep_ == "conj" and node.head.pos_ == node.pos_:
        node = node.head  # "reckless and wrong": aim as the first conjunct
    head = node.head
    if token.lower_ in FEELINGS:
        if node.dep_ == "acomp" and _links(head):
            yield from _feeling_aims(token, head)
        elif any(c.dep_ == "nsubjpass" for c in token.children):
            yield from _feeling_aims(token, token)  # "it was disappointed", read as passive
        elif (verb := _misread_feeling(token)) is not None:
            # "we are grateful the council listened", parsed as "grateful" on "council"
            judge = _subject(verb)
            if judge is not None:
                yield from (Aim(s, FEELING, judge) for s in _with_conjuncts(head))
        return  # "the disappointed families": no verdict on them
    if node.dep_ in ("acomp", "attr") and _links(head):
        if any(c.dep_ == "ccomp" for c in node.children):
            return  # "X is right that …": agreement with X (relations.v1), no praise
        yield from _subjects(head)
    elif node.dep_ == "pobj" and head.dep_ == "prep" and _links(head.head):
        yield from _subjects(head.head)  # "the suit is without merit", "is beyond repair"
    elif node.dep_ == "prep" and _links(head):
        yield from _subjects(head)  # an idiom headed by a preposition: "is out of touch"
    elif node.dep_ == "dobj" and head.lemma_ in MERIT_VERBS:
        yield from _subjects(head)  # "X deserves credit": a verdict on X
    elif _bestowed(node):
        yield from (  # "the credit goes mostly to X": a verdict on X
            Aim(o, COPULA)
            for p in head.children
            if p.dep_ == "prep" and p.lower_ in ("to", "with", "on")
            for c in p.children
            if c.dep_ == "pobj"
            for o in (c, *(d for d in c.children if d.dep_ == "conj"))
        )
    elif node.dep_ == "oprd" and head.lemma_ in VERDICT_VERBS:
        yield from (Aim(o, VERDICT, _judge(head)) for o in _verdict_objects(head, node))
    elif _misparsed_oprd(node):
        yield Aim(head, VERDICT, _subject(head.head))  # "called X's plan a mistake"
    elif node.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_ in VERDICT_VERBS:
        verb = head.head  # "described the plan as reckless"
        yield from (Aim(o, VERDICT, _subject(verb)) for o in verb.children if o.dep_ == "dobj")
    elif node.dep_ == "amod" and token.pos_ != "NOUN":
        verb = head.head
        if token.i > head.i and head.dep_ == "dobj" and verb.lemma_ in VERDICT_VERBS:
            yield Aim(head, VERDICT, _subject(verb))  # "called the plan “long overdue”"
        else:
            yield from _noun_aims(head)


def _feeling_aims(feeling: Token, verb: Token) -> Iterator[Aim]:
    """ "We are frustrated that the mayor let the fund lapse" (the clause's subject), "pleased
    with the ruling" (the object), "said it was disappointed" (the deed named just
    before): what a feeling is about, judged by whoever feels it."""
    judge = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or _subject(verb)
    if judge is None:
        return
    clause = next((c for c in (*feeling.children, *verb.children) if c.dep_ == "ccomp"), None)
    if clause is not None:
        yield from (
            Aim(s, FEELING, judge)
            for c in clause.children
            if c.dep_ == "nsubj"
            for s in _with_conjuncts(c)
        )
        return
    about = [
        o
        for p in feeling.children
        if p.dep_ == "prep" and p.lower_ in ABOUT
        for o in p.children
        if o.dep_ == "pobj"
    ]
    if about:
        yield from (Aim(o, FEELING, judge) for o in about)
        return
    if any(c.dep_ in ("prep", "xcomp") for c in feeling.children):
        return  # "grateful to X" (a cue), "pleased to report": not what was done
    deed = _deed_before(feeling)
    if deed is not None:
        yield Aim(deed, FEELING, judge)


def _links(verb: Token) -> bool:
    """A linking verb: "is", "seems", "’re" (see :func:`is_be`)."""
    return verb.lemma_ in LINKING_VERBS or is_be(verb)


def _with_conjuncts(noun: Token) -> list[Token]:
    """ "the mayor and the council": each of them."""
    return [noun, *(c for c in noun.children if c.dep_ == "conj")]


def _misread_feeling(feeling: Token) -> Token | None:
    """The linking verb of "we are grateful the council listened" when the parser
    read the feeling as a modifier of the clause's subject ("grateful" on
    "council", with "listened" a clause of "council" or of "are"); None for "the
    grateful families"."""
    noun = feeling.head
    if feeling.dep_ != "amod" or feeling.i == 0 or noun.pos_ not in ("PROPN", "NOUN"):
        return None
    verb = feeling.doc[feeling.i - 1]
    if not _links(verb):
        return None
    if noun.dep_ == "nsubj" and noun.head.dep_ == "ccomp" and noun.head.head == verb:
        return verb  # "are grateful [the council listened]"
    if noun.dep_ == "attr" and noun.head == verb:
        after = [c for c in verb.children if c.pos_ == "VERB" and c.i > noun.i]
        return verb if after else None  # "are grateful [the council] [listened]"
    return None


def _deed_before(token: Token) -> Token | None:
    """The decision, vote or ruling named last before ``token`` (in its sentence or
    the few before): "The board voted … X said it was disappointed"."""
    doc = token.doc
    start, sentences = token.sent.start, 0
    while start > 0 and sentences < SENTENCES_BACK:
        start = doc[start - 1].sent.start
        sentences += 1
    return next(
        (
            t
            for t in reversed(doc[start : token.i])
            if t.pos_ == "NOUN" and t.lemma_.lower() in DEED_NOUNS
        ),
        None,
    )


def _regrets(sent: Span) -> Iterator[tuple[Token, Aim]]:
    """ "We wish the mayor had taken a position", "the council should have waited for
    the audit": what someone should have done and did not is blame on them, passed by
    whoever wishes it (else the speaker). The verb given is the one the claim is read
    at, for negation, suppositions and questions."""
    for wish in tokens_where(sent, pos=("VERB",), lemma=("wish",)):
        for clause in wish.children:
            auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
            if clause.dep_ == "ccomp" and auxes & {"had", "would", "'d"}:
                # "wish she had taken", "wish the board would listen"
                yield from (
                    (wish, Aim(s, REGRET, _subject(wish)))
                    for s in clause.children
                    if s.dep_ == "nsubj"
                )
    for done in tokens_where(sent, tag=("VBN",)):
        auxes = {c.lower_ for c in done.children if c.dep_ == "aux"}
        if "have" in auxes and auxes & OUGHT and not is_passive(done) and done.dep_ != "relcl":
            # "the council should have waited", "should never have signed it"
            for subject in (c for c in done.children if c.dep_ == "nsubj"):
                yield _unnegated(done), Aim(subject, REGRET)


def _done_at_last(sent: Span, opinions: OpinionLexicon) -> Iterator[tuple[Token, Aim]]:
    """ "The council finally listened", "the rule finally does what the state would not":
    a deed a speaker says was done at last is welcome, a verdict on its doer (a policy
    or an actor); not a bad deed ("finally admitted it lied"), one undergone ("finally
    lost"), a claim ("finally conceded that …") nor "Finally," opening a sentence."""
    for adverb in tokens_where(sent, lower=("finally",), dep=("advmod",)):
        verb = adverb.head
        if verb.pos_ != "VERB" or is_passive(verb) or is_negated(verb):
            continue
        if adverb.i + 1 < len(adverb.doc) and adverb.doc[adverb.i + 1].is_punct:
            continue  # "Finally, the bill would …": the last point, not a deed at last
        lemma = verb.lemma_.lower()
        if lemma in UNDERGOING or lemma in REPORTING or opinions.valence.get(lemma, 0.0) < 0:
            continue
        if any(
            c.dep_ == "ccomp"
            and c.i > verb.i
            and not any(w.tag_ in ("WP", "WDT") for w in c.children)
            for c in verb.children
        ):
            continue  # "finally admitted it had lied": what is said, not a deed ("does what …" is)
        yield from ((verb, Aim(s, AT_LAST)) for s in verb.children if s.dep_ == "nsubj")


def _unnegated(verb: Token) -> Token:
    """ "should not have signed it" blames as "should have waited" does: the claim is
    read at the auxiliary, so that the "not" does not flip it."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in OUGHT), verb)


def _quoted_predicates(
    sent: Span, analysis: DocAnalysis, opinions: OpinionLexicon
) -> Iterator[tuple[Token, Aim, float]]:
    """ "Lee said the board had “neglected every tenant”", "said the vote was “a
    betrayal”": the speaker's own words, quoted in narration as what someone did or
    is, are the speaker's verdict on that subject (head of the quoted words, the
    aim, the valence).

    The valence is the head word's rating when the phrase as a whole (VADER's
    compound) does not sound the other way ("“improved a form that barely
    matters”" is no praise); else the phrase's tone; else, as with a quoted label,
    blame: a reporter quotes the words a speaker chose to fault someone with
    ("had “stalled” the audit")."""
    quotes = analysis.quotes
    if quotes.at(sent[0].idx) is not None:
        return  # a quotation with its tag: the other aims read its words
    spans = {q for t in sent if (q := quotes.at(t.idx)) is not None}
    for quote in spans:
        if not quote.closed or quote.end > sent.end_char:
            continue
        words = [t for t in sent if quote.start <= t.idx < quote.end and not t.is_punct]
        inside = {t.i for t in words}
        heads = [t for t in words if t.head.i not in inside]
        if len(heads) != 1 or analysis.speaker(heads[0]) is None:
            continue
        head = heads[0]
        predicate = _quoted_predicate(head)
        if predicate is None:
            continue
        subject = next((c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and predicate.dep_ == "conj":
            subject = next((c for c in predicate.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i in inside or subject.i > head.i:
            continue
        ref = analysis.actor(subject)
        if is_passive(predicate) and ref is not None and ref.entity.is_actor:
            continue  # "the nominee was “railroaded”": a wrong done to the subject
        reporter = _reporter(predicate)
        if (
            reporter is not None
            and analysis.actor(reporter) is None
            and any(c.dep_ == "det" for c in reporter.children)  # not "Lee, a Democrat,"
        ):
            # "The group behind the measure, Clean Rivers Now, says …": the name set off
            reporter = next(
                (a for a in reporter.children if a.dep_ == "appos" and a.pos_ == "PROPN"),
                reporter,
            )
        judge = analysis.actor(reporter) if reporter is not None else None
        if reporter is not None and (judge is None or not judge.entity.is_actor):
            continue  # "the coalition said …", a reporter we cannot name: not the speaker's
        valence = _quoted_valence(head, words, analysis.text[quote.start : quote.end], opinions)
        if valence:
            yield head, Aim(subject, QUOTED, reporter), valence


def _reporter(predicate: Token) -> Token | None:
    """The subject of the verb whose reported clause ``predicate`` heads ("X said the
    board had …", "welcomed the veto, saying the bill had …"); None when the clause
    hangs on no verb with a subject, and the clause's speaker is the judge."""
    node = predicate
    while node.dep_ == "conj":
        node = node.head
    verb = node.head
    if node.dep_ != "ccomp" or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject


def _quoted_predicate(head: Token) -> Token | None:
    """The clause verb the quoted words are the predicate of: the head itself when it
    is a reported clause's verb, or the linking verb of a quoted predicate noun or
    adjective ("was “a betrayal”")."""
    if head.pos_ in ("VERB", "AUX") and head.dep_ in ("ccomp", "conj", "ROOT"):
        return head
    if head.dep_ in ("attr", "acomp") and _links(head.head):
        return head.head
    return None


def _quoted_valence(head: Token, words: list[Token], text: str, opinions: OpinionLexicon) -> float:
    if head.lemma_.lower() in OBJECT_DIRECTED | CAUSATIVE | REDUCING:
        return 0.0  # "would “create uncertainty”": as good as its object, for the consequence
    if any(w.lower_ == "finally" and w.head.i == head.i for w in words):
        return 0.0  # "“finally does what …”": a deed done at last (evaluation.at_last)
    if head.pos_ in ("VERB", "AUX") and head.tag_ != "VBG":
        rated = opinions.valence.get(head.lemma_.lower(), 0.0)
        rated = rated if abs(rated) >= THRESHOLD else 0.0
    else:
        rated = opinions.of_token(head)
    rated = rated or next(
        iter(opinions.idioms_in(head.doc[words[0].i : words[-1].i + 1]).values()), 0.0
    )
    sound = tone(text)
    if rated:
        return 0.0 if rated * sound < 0 and abs(sound) >= TONE else rated
    if abs(sound) >= TONE:
        return LABEL_VALENCE if sound > 0 else -LABEL_VALENCE
    if head.lemma_.lower() in GOOD_LABELS:
        return LABEL_VALENCE  # was “a first step”
    if any(_contrast(t) or t.head.i == head.i and t.dep_ == "ccomp" for t in words):
        # “hands the keys to riders, not consultants”, “picked riders over contractors”, “shows
        # that X”: a contrast or a preference, or a claim whose own words decide
        return 0.0
    return -LABEL_VALENCE


def _contrast(token: Token) -> bool:
    """A contrast or a preference in quoted words, which may praise what it seems to
    blame: "hands the keys to riders, not consultants", "picked riders over contractors"."""
    if token.dep_ == "neg":
        return token.i > 0 and token.doc[token.i - 1].text == ","  # "X, not Y,"
    if token.lower_ != "over" or token.dep_ != "prep":
        return False
    verb = token.head if token.head.pos_ == "VERB" else token.head.head
    return verb.lemma_.lower() in PREFERRING


def _deed_aims(verb: Token) -> Iterator[Aim]:
    """An idiom of conduct lands on its doer: "the council kicked the can down the road"."""
    if is_passive(verb):
        return  # "the deal was rubber-stamped": the doer is not the subject
    subject = _subject(verb)
    if subject is not None:
        yield Aim(subject, DEED)
        yield from (Aim(c, DEED) for c in subject.children if c.dep_ == "conj")


def _noun_aims(noun: Token) -> Iterator[Aim]:
    """An adjective on ``noun``: "a reckless giveaway", "an abysmal record"."""
    lemma = noun.lemma_.lower()
    while noun.dep_ == "conj":
        noun = noun.head
    head = noun.head
    if noun.dep_ == "attr" and _links(head):
        yield from _subjects(head, noun)  # "the deal is a reckless giveaway"
    elif noun.dep_ == "oprd" and head.lemma_ in VERDICT_VERBS:
        judge = _subject(head)
        yield from (Aim(o, VERDICT, judge, named=noun) for o in head.children if o.dep_ == "dobj")
    elif lemma in DEEDS_DONE and noun.dep_ == "dobj" and head.lemma_ in DOING_VERBS:
        # "the council made a brave call", "she has done excellent work"
        subject = _subject(head)
        if subject is not None:
            for doer in (subject, *(c for c in subject.children if c.dep_ == "conj")):
                yield Aim(doer, CONDUCT, conduct=True)
        if lemma in POLICY_NOUNS:
            yield Aim(noun, MODIFIER)
    elif lemma in CONDUCT_NOUNS:
        if noun.dep_ == "dobj" and head.lemma_ == "have":
            yield from (Aim(s, CONDUCT, conduct=True) for s in head.children if s.dep_ == "nsubj")
        else:
            yield from (Aim(p, CONDUCT, conduct=True) for p in noun.children if p.dep_ == "poss")
    elif lemma in POLICY_NOUNS:
        yield Aim(noun, MODIFIER)


def _misparsed_oprd(noun: Token) -> bool:
    """ "called X's plan a mistake", parsed as the object (or the predicate) with an
    apposition."""
    head = noun.head
    return (
        noun.dep_ == "appos"
        and head.dep_ in ("dobj", "oprd")
        and head.head.lemma_ in VERDICT_VERBS
        and not any(c.dep_ == "oprd" and c.i != head.i for c in head.head.children)
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
    )


def _subjects(verb: Token, named: Token | None = None) -> Iterator[Aim]:
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "csubj"):
            continue
        if named is None and _points_back(child) and not _of_truth(verb):
            yield Aim(child, BACK)  # "That would be a mistake.": what was said before
            continue
        for subject in (child, *(c for c in child.children if c.dep_ == "conj")):
            if subject.lemma_.lower() in CONDUCT_NOUNS:
                # "her handling of the flood was disgraceful": a verdict on her
                owners = [p for p in subject.children if p.dep_ == "poss"]
                yield from (Aim(p, CONDUCT, conduct=True) for p in owners)
            else:
                yield Aim(subject, COPULA, named=named)


def _of_truth(verb: Token) -> bool:
    """ "That is not true", "this is false": a verdict on a claim, which relations.v1
    reads as a reply to its author, not on a deed."""
    return any(
        c.dep_ in ("acomp", "attr") and c.lemma_.lower() in TRUTH_WORDS for c in verb.children
    )


def _points_back(subject: Token) -> bool:
    """ "This / That / It" as the subject of a verdict, standing for what was said
    before; not the "it" of "it is unfair that …" (a clause after the verdict)."""
    verb = subject.head
    return (
        subject.pos_ == "PRON"
        and subject.lower_ in NEUTER
        and subject.dep_ == "nsubj"
        and not any(
            c.dep_ in ("ccomp", "xcomp", "csubj")
            for w in (verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr")))
            for c in w.children
        )
    )


def _verdict_objects(verb: Token, verdict: Token) -> list[Token]:
    """What ``verb`` passes ``verdict`` on: its object, or the first of two predicates
    when the parser read "called the pilot “a detour”" as two."""
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    return objects or [o for o in verb.children if o.dep_ == "oprd" and o.i < verdict.i][:1]


def _judge(verb: Token) -> Token | None:
    """Who passes a verdict: the verb's subject, or the noun a verdict verb misread as
    its modifier hangs on ("The league, a policy group, called the pilot “a detour”")."""
    subject = _subject(verb)
    if subject is None and verb.dep_ == "acl" and verb.i > verb.head.i:
        return verb.head
    return subject


def _subject(verb: Token) -> Token | None:
    while verb.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _claims(
    token: Token,
    valence: float,
    aim: Aim,
    sent: Span,
    analysis: DocAnalysis,
    opinions: OpinionLexicon,
    config: Config,
) -> Iterator[Claim]:
    speaker = analysis.speaker(token)
    judge = aim.judge
    if aim.rule == FEELING and judge is not None and judge.pos_ == "PRON" and speaker:
        judge = None  # "X said it was disappointed": the one who feels it is the speaker
    ref = analysis.actor(judge) if judge is not None else None
    holder, hops = (ref.entity, ref.hops) if ref is not None else (speaker, 1)
    if judge is not None and ref is None or holder is None:
        return  # the narrator's word, or no one we can name
    if is_supposition(token):
        return  # "if the plan is a disaster, ...": a supposition, no verdict
    negated = (is_negated(token) and not _contrasted(token)) or (
        token.dep_ in ("acomp", "attr", "oprd") and is_negated(token.head)
    )
    if negated and (abs(valence) >= HEDGE or aim.rule in (DEED, DOING, QUOTED)):
        return  # "not perfect", "did not cave": a hedge, not the opposite verdict
    polarity = (1 if valence > 0 else -1) * (-1 if negated else 1)
    modality = modality_of(token, "asserted", analysis)
    if aim.rule in (DOING, AT_LAST) and modality != "asserted":
        return  # a deed foretold is no verdict yet
    if aim.rule == DOING and valence > 0:
        return  # a good deed is read through its cue
    if aim.rule == REGRET and modality == "questioned":
        return  # "should the mayor have waited?": a question, no blame yet
    if aim.rule == REGRET:
        modality = "asserted"  # what should have been done is counterfactual; the blame is not
    elif aim.rule in (CONSEQUENCE, QUOTED) and modality == "planned":
        modality = "asserted"  # "the bill would hurt farmers" is a verdict, not a plan
    elif aim.rule in (CONSEQUENCE, QUOTED) and modality != "asserted":
        return  # "if the office can hand out locks": no verdict on anything
    evidence = analysis.evidence(sent, NAME, VERSION)
    owners = {
        ref.entity.key
        for c in aim.target.children
        if c.dep_ == "poss" and (ref := analysis.actor(c)) is not None
    }
    if holder.key in owners:
        return  # "X's plan is sensible," said X: a misread speaker, not a stance
    for target, on_actor, made_by in _targets(aim, analysis, opinions):
        if target.key == holder.key:
            continue
        if on_actor:
            predicate = "praises" if polarity > 0 else "criticizes"
        else:
            predicate = "supports" if polarity > 0 else "opposes"
        yield Claim(
            subject=holder,
            predicate=predicate,
            object=target,
            provenance=evidence,
            polarity=polarity,
            confidence=config.calibration.confidence(
                made_by, hops=hops, modality=modality, negated=negated
            ),
            negated=negated,
            modality=modality,
            speaker=speaker,
            cue=hyphenated(token),
            rule=made_by,
        )


def _contrasted(noun: Token) -> bool:
    """ "deserves our thanks, not a reprimand": a "not" after the noun denies what follows
    it, not the noun."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "neg" and c.i > noun.i for c in noun.children)


def _targets(
    aim: Aim, analysis: DocAnalysis, opinions: OpinionLexicon
) -> Iterator[tuple[Entity, bool, str]]:
    """The entities an aim lands on, each with whether it is an actor and the rule."""
    token = aim.target
    if aim.named is not None and _unnamed_thing(token, analysis):
        token = aim.named  # "this is a smart compromise": the compromise
    law = analysis.issue_antecedent(token) if token.pos_ == "PRON" else None
    if law is not None:
        if not aim.conduct:
            yield law, False, aim.rule  # "it is reckless": the law named before
        return
    if aim.named is not None and token.lower_ == "it" and analysis.actor(token) is None:
        # "X proposed an amendment. It is a sensible fix.": a verdict noun said of "it"
        token = _policy_before(token, analysis) or token
    elif aim.rule == BACK:
        # "The board passed the levy. This is a win.", "X will sue. That would be a mistake."
        if token.pos_ == "PRON" and analysis.actor(token) is not None:
            return  # "it" is an organisation named before
        deed = _deed_said_before(
            token, analysis
        )  # before its object: the delay, not the act delayed
        if deed is not None:
            yield deed, False, BACK
            return
        earlier = _policy_before(token, analysis)
        if earlier is None:
            return
        token = earlier
    actor = _actor(token, analysis)
    if actor is None and aim.rule in (QUOTED, DOING) and token.lower_ in ("it", "they"):
        # "told the board it was “gutting the fund”": a deed's "it" is the one who did it
        ref = analysis.actor(token)
        actor = ref.entity if ref is not None and ref.entity.is_actor else None
    if actor is not None and aim.policy_only:
        return
    if actor is not None:
        yield actor, True, aim.rule
        return
    if token.tag_ == "VBG" and token.dep_ == "csubj" and not aim.conduct:
        # "Shutting these clinics is the wrong call": the deed its gerund names (a
        # definite one: "leaving a pistol out is not acceptable" is conduct, no policy)
        if not any(
            c.dep_ == "dobj" and any(d.dep_ == "poss" or d.lower_ in DEFINITE for d in c.children)
            for c in token.children
        ):
            return
        deed = issue_from_tokens(phrase_tokens(token))
        if deed is not None:
            yield deed, False, aim.rule
        return
    if aim.conduct or _unnamed_person(token, analysis) or _people(token):
        return  # no owner to name; or people, not a policy ("our growers are loyal")
    if opinions.topic(token.lemma_) < 0 or not _policy_like(token, analysis):
        return  # "the crisis / the drought is severe": a problem, not a policy
    issue = analysis.issue_antecedent(token)
    if issue is None and token.pos_ in ("NOUN", "PROPN"):
        issue = issue_entity(token, analysis)
    if issue is not None:
        yield issue, False, aim.rule
    owners = [a for c in token.children if c.dep_ == "poss" and (a := _actor(c, analysis))]
    for actor in owners or _earlier_owner(token, analysis):
        yield actor, True, POSSESSOR  # "the mayor's plan is reckless": the mayor too


def _policy_before(pronoun: Token, analysis: DocAnalysis) -> Token | None:
    """The policy an unresolved "it" stands for: the object or subject of the sentence
    before that is a policy noun or a named law ("X proposed an amendment that …")."""
    sent = pronoun.sent
    if sent.start == 0:
        return None
    before = pronoun.doc[sent.start - 1].sent
    found = [
        token
        for token in before
        if token.dep_ in ("dobj", "nsubj", "nsubjpass")
        and (
            (token.pos_ == "NOUN" and token.lemma_.lower() in POLICY_NOUNS)
            or (token.pos_ == "PROPN" and analysis.issue_antecedent(token) is not None)
        )
    ]
    # the one nearest the main verb: "filed an amendment to cap the levy" is the amendment
    return min(found, key=lambda t: len(list(t.ancestors)), default=None)


def _deed_said_before(pointer: Token, analysis: DocAnalysis) -> Entity | None:
    """What someone will do or wants done, as the sentence before says it ("X said he
    will ask the court to rehear the case"), that "that" or "this" judges ("That
    would be a mistake"): the deed a future auxiliary or a verb of intent governs."""
    sent = pointer.sent
    if sent.start == 0:
        return None
    for verb in pointer.doc[sent.start - 1].sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in REPORTING:
            continue
        future = any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children)
        intended = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENDING
        doer = _subject(verb)
        if (future or intended) and doer is not None and analysis.actor(doer) is not None:
            label = action_label(verb)
            return Entity(issue_key(label), label, "Issue") if label else None
    return None


def _earlier_owner(token: Token, analysis: DocAnalysis) -> list[Entity]:
    """ "Today's decision is a betrayal": the decision named before with its owner
    ("the agency's decision to ..."), for a definite deed noun with no owner of its own."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in DEED_NOUNS:
        return []
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every") for c in token.children):
        return []
    lemma = token.lemma_.lower()
    for before in reversed(token.doc[: token.i]):
        if before.lemma_.lower() == lemma and before.pos_ == "NOUN":
            owners = [_owner(c, analysis) for c in before.children if c.dep_ == "poss"]
            if any(owners):
                return [a for a in owners if a is not None]
    return []


def _owner(token: Token, analysis: DocAnalysis) -> Entity | None:
    """The actor a possessive names, "its" included ("its decision to …")."""
    if token.lower_ == "its":
        ref = analysis.actor(token)
        return ref.entity if ref is not None and ref.entity.is_actor else None
    return _actor(token, analysis)


def _actor(token: Token, analysis: DocAnalysis) -> Entity | None:
    """The named actor ``token`` is or refers to (not a common noun like "families")."""
    if token.pos_ == "PRON" and (
        analysis.issue_antecedent(token) is not None or token.lower_ in NEUTER
    ):
        return None  # "it is sensible": a thing, whatever actor "it" might name
    if not (
        token.pos_ in ("PROPN", "PRON")
        or analysis.names.at(token) is not None
        or _unnamed_person(token, analysis)
    ):
        return None  # "the mayor's plan" is the plan, not the mayor
    ref = analysis.actor(token)
    return ref.entity if ref is not None else None


def _unnamed_thing(token: Token, analysis: DocAnalysis) -> bool:
    """ "this" or "that" with no law or issue named before it ("it" nearly always
    stands for something named before, even when we cannot tell what)."""
    return (
        token.pos_ == "PRON"
        and token.lower_ in DEMONSTRATIVES
        and analysis.issue_antecedent(token) is None
    )


def _policy_like(token: Token, analysis: DocAnalysis) -> bool:
    """Something an actor decides or does: a policy noun, a named law or issue,
    an action noun ("closure", "gouging"), or anything someone owns ("HUD's charge")."""
    lemma = token.lemma_.lower()
    return (
        lemma in POLICY_NOUNS
        or lemma in DEED_NOUNS
        or (len(lemma) > 5 and lemma.endswith(ACTION_ENDINGS))
        or token.pos_ == "PROPN"
        or analysis.issue_antecedent(token) is not None
        or any(c.dep_ == "poss" for c in token.children)
    )


def _people(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (
        token.pos_ == "NOUN"
        and lemma not in POLICY_NOUNS | DEED_NOUNS  # "the order", not an "-er" of people
        and (lemma in PEOPLE or (len(lemma) > 4 and lemma.endswith(AGENT_ENDINGS)))
    )


def _unnamed_person(token: Token, analysis: DocAnalysis) -> bool:
    """ "the mayor" with no mayor named before: a person, but not one we can name."""
    lemma = token.lemma_.lower()
    return (
        token.pos_ == "PRON" or lemma in analysis.lexicon.titles or lemma in analysis.lexicon.actors
    )
