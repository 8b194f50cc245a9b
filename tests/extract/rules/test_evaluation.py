"""evaluation.v1: an evaluative word aimed through the parse is the speaker's stance."""

from __future__ import annotations

import pytest

from tests.extract.conftest import stances


def evaluations(claims):
    return {
        s[:4]
        for s in stances([c for c in claims if c.provenance.extractor.startswith("evaluation.v1")])
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # copular subject, and its possessor
            "“Director Ivo Brandt’s plan to close the depot is ill-conceived,” "
            "Mayor Rhea Sallow said.",
            {
                ("Rhea Sallow", "opposes", "Director Ivo Brandt’s plan to close depot", -1),
                ("Rhea Sallow", "criticizes", "Ivo Brandt", -1),
            },
        ),
        (  # an adjective on a policy noun
            "“This reckless giveaway has to stop,” said Osric Pell.",
            {("Osric Pell", "opposes", "reckless giveaway", -1)},
        ),
        (  # a verdict on an object belongs to the verb's subject
            "Senator Lena Forde called the levy sensible.",
            {("Lena Forde", "supports", "levy", 1)},
        ),
        (  # a record evaluates whoever has it
            "Osric Pell said Governor Ada Birch had an abysmal record on roads.",
            {("Osric Pell", "criticizes", "Ada Birch", -1)},
        ),
        (  # negation flips
            "“The surcharge is not fair,” said Osric Pell.",
            {("Osric Pell", "opposes", "surcharge", -1)},
        ),
        (  # what a policy does, said by a speaker
            "“The Harbor Act would hurt the very workers it claims to help,” said Osric Pell.",
            {("Osric Pell", "opposes", "Harbor Act", -1)},
        ),
        (
            "Osric Pell said the dock levy would help small ports.",
            {("Osric Pell", "supports", "dock levy", 1)},
        ),
        (  # what someone deserves is a verdict on them
            "Mayor Ada Birch spoke. “Birch deserves credit for the levy,” said Osric Pell.",
            {("Osric Pell", "praises", "Ada Birch", 1)},
        ),
        (  # "too" turns a good word into a fault
            "Senator Lena Forde called the quota far too generous.",
            {("Lena Forde", "opposes", "quota", -1)},
        ),
        (  # "this" with nothing named before: the evaluated noun is the target
            "“This is a smart, fair compromise,” said Senator Lena Forde.",
            {("Lena Forde", "supports", "smart fair compromise", 1)},
        ),
        (  # an intensifier lifts a mild word into a verdict
            "Senator Lena Forde called the levy “the most important investment in decades.”",
            {("Lena Forde", "supports", "levy", 1)},
        ),
        (  # the parser's apposition for a verdict noun: "called X's plan a mistake"
            "Senator Lena Forde called Governor Ivo Brandt's plan a mistake.",
            {
                ("Lena Forde", "opposes", "Governor Ivo Brandt's plan", -1),
                ("Lena Forde", "criticizes", "Ivo Brandt", -1),
            },
        ),
        (  # an idiom with a noun head is a verdict like an evaluative noun
            "“The levy is a power grab,” said Osric Pell.",
            {("Osric Pell", "opposes", "levy", -1)},
        ),
        (
            "Senator Lena Forde called the levy a step in the right direction.",
            {("Lena Forde", "supports", "levy", 1)},
        ),
        (  # an idiom of conduct lands on its doer
            "“Mayor Ada Birch kicked the can down the road again,” said Osric Pell.",
            {("Osric Pell", "criticizes", "Ada Birch", -1)},
        ),
        (
            "Osric Pell said the Harbor Authority had dragged its feet for years.",
            {("Osric Pell", "criticizes", "Harbor Authority", -1)},
        ),
        (  # a policy's effect is as good or bad as what it brings about or takes away
            "Osric Pell said the lawsuit creates uncertainty for small ports.",
            {("Osric Pell", "opposes", "lawsuit", -1)},
        ),
        (
            "Osric Pell said the levy would end fraud at the docks.",
            {("Osric Pell", "supports", "levy", 1)},
        ),
        (
            "Osric Pell said the levy would cut benefits for dock workers.",
            {("Osric Pell", "opposes", "levy", -1)},
        ),
        (  # a deed named again without its doer: the doer named the first time
            "The Harbor Authority announced its decision to close the north pier.\n\n"
            "“Today’s decision is a betrayal of the fishing families,” said Osric Pell.",
            {
                ("Osric Pell", "opposes", "Today’s decision", -1),
                ("Osric Pell", "criticizes", "Harbor Authority", -1),
            },
        ),
        (  # a verdict noun said of "it": the law or policy of the sentence before
            "Senator Ann Vole introduced the Harbor Safety Act on Monday. "
            "“It is a sensible reform,” said Osric Pell.",
            {("Osric Pell", "supports", "Harbor Safety Act", 1)},
        ),
        (
            "Councilor Ann Vole filed an amendment to cap the levy. "
            "“It is a long-overdue fix,” said Osric Pell.",
            {("Osric Pell", "supports", "amendment to cap levy", 1)},
        ),
        (  # an idiom headed by a preposition after "is"
            "“Governor Ivo Brandt is out of touch,” said Senator Ada Birch.",
            {("Ada Birch", "criticizes", "Ivo Brandt", -1)},
        ),
        (
            "“Governor Ivo Brandt has shown leadership,” said Senator Ada Birch.",
            {("Ada Birch", "praises", "Ivo Brandt", 1)},
        ),
        (  # someone's handling or leadership evaluated: a verdict on them, not a policy
            "“Mayor Ivo Brandt’s handling of the flood was disgraceful,” said Lena Forde.",
            {("Lena Forde", "criticizes", "Ivo Brandt", -1)},
        ),
    ],
)
def test_evaluations_land_on_their_target(extract, text, expected):
    assert evaluations(extract(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The reckless plan was debated for hours.",  # the narrator's word: no holder
        "“The drought is severe,” said Osric Pell.",  # a problem, not a policy
        "“Our farmers have been loyal,” said Osric Pell.",  # people, not a policy
        "“A small tax is better than a large one,” said Osric Pell.",  # a comparison
        "“The crisis is the problem,” said Osric Pell.",  # topic words rate nothing
        "Osric Pell said the levy would ban smoking.",  # "ban" is about its object
        "“The levy is not perfect,” said Osric Pell.",  # a hedge, not a verdict
        "Osric Pell said the hospital would lose money.",  # a hospital is no policy
        "Osric Pell said Mayor Ada Birch would hurt the port.",  # an actor, not a policy
        "“The levy is important,” said Osric Pell.",  # too mild without an intensifier
        "Osric Pell said the levy would create jobs.",  # jobs: no verdict
        "The ferry was late again. “It is a disgrace,” said Osric Pell.",  # no policy before
        "“Governor Ivo Brandt is in the building,” said Senator Ada Birch.",  # no idiom
        # an offence is no policy, whatever it brings
        "Osric Pell said a first violation would bring only a warning.",
        "Governor Ivo Brandt kicked the can down the road.",  # the narrator's idiom
        "“Mayor Ada Birch did not cave to the lobby,” said Osric Pell.",  # denied, no verdict
        "“The deal was rubber-stamped by the board,” said Osric Pell.",  # passive: no doer
        # "it" stands for something named before, even when no law is found
        "The council met. “It is a sensible compromise,” said Osric Pell.",
    ],
)
def test_no_evaluation_without_holder_or_policy(extract, text):
    assert evaluations(extract(text)) == set()


def test_a_verdict_of_lacking_merit(extract):
    claims = extract("Harbor Data Analytics said the lawsuit was “without merit.”")
    assert {(c.subject.label, c.predicate, c.object.label) for c in claims} >= {
        ("Harbor Data Analytics", "opposes", "lawsuit")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a speaker's words quoted as what another did: blame, though no word is rated
            "Councilwoman Ada Thrane said the Pennock Transit Authority had “stalled” "
            "the auditors.",
            {("Ada Thrane", "criticizes", "Pennock Transit Authority", -1)},
        ),
        (  # the quoted head's own rating
            "Osric Pell said the Pennock Transit Authority had “betrayed every rider.”",
            {("Osric Pell", "criticizes", "Pennock Transit Authority", -1)},
        ),
        (  # the judge of a participle's quoted clause is the subject it hangs on
            "The Assembly passed the Harbor Act in May. Governor Lena Ruiz vetoed it on "
            "Friday. Senator Ivo Brandt welcomed the veto, saying the bill had been “jammed "
            "through without a hearing.”",
            {("Ivo Brandt", "opposes", "Harbor Act", -1)},
        ),
        (  # quoted words said of a policy
            "Mayor Tove Ostervelt said the parking levy would “hollow out downtown.”",
            {("Tove Ostervelt", "opposes", "parking levy", -1)},
        ),
        (  # a quoted predicate noun
            "Osric Pell said the levy was “an insult to every dock worker.”",
            {("Osric Pell", "opposes", "levy", -1)},
        ),
        (  # quoted words that sound good as a whole
            "Senator Edda Ortolan said the levy would “make the harbor safer and fairer "
            "for everyone.”",
            {("Edda Ortolan", "supports", "levy", 1)},
        ),
        (  # what one feels about what another did: the clause's subject
            "“I am frustrated that Mayor Ada Birch has let the harbor fund lapse,” "
            "said Osric Pell.",
            {("Osric Pell", "criticizes", "Ada Birch", -1)},
        ),
        (  # the object of the feeling
            "The Pennock Tenants Union said it was deeply disappointed in the Pennock "
            "City Council.",
            {("Pennock Tenants Union", "criticizes", "Pennock City Council", -1)},
        ),
        (  # a feeling with no object: the deed named just before; "it" is the speaker
            "The Harbor Authority issued its ruling on the north pier on Monday.\n\n"
            "The Brackmoor Alliance said it was “bitterly disappointed” and would seek "
            "a rehearing.",
            {("Brackmoor Alliance", "opposes", "ruling", -1)},
        ),
        (  # a good label noun in quotation marks praises
            "Senator Lena Forde called the levy “a model for the region.”",
            {("Lena Forde", "supports", "levy", 1)},
        ),
        (  # a deed done, judged: a verdict on its doer
            "“The Pennock council has made a brave call,” said Osric Pell.",
            {("Osric Pell", "praises", "Pennock council", 1)},
        ),
        (
            "“Director Ada Birch has done excellent work for the branch libraries,” said "
            "Osric Pell.",
            {("Osric Pell", "praises", "Ada Birch", 1)},
        ),
        (  # a bad deed, said by a speaker, is a verdict on its doer
            "“Governor Ada Birch has ignored every warning from the harbor pilots,” said "
            "Osric Pell.",
            {("Osric Pell", "criticizes", "Ada Birch", -1)},
        ),
        (  # "X, not Y": the "not" denies Y, not X
            "“Director Ada Birch deserves the board’s thanks, not a reprimand,” said Osric Pell.",
            {("Osric Pell", "praises", "Ada Birch", 1)},
        ),
        (  # merit given to someone: "the credit goes to X"
            "“The credit for the new library goes mostly to Commissioner Ada Birch,” "
            "said Osric Pell.",
            {("Osric Pell", "praises", "Ada Birch", 1)},
        ),
        (  # the reporter is a common noun set off with its name
            "The group behind the measure, Clean Rivers Now, says the dam permit is “a relic "
            "of another century.”",
            {("Clean Rivers Now", "opposes", "dam permit", -1)},
        ),
        (  # "it", the one said to do the quoted deed, is the organisation named before
            "The Venner Water Board met on Monday. Sabra Marrack told the board it was "
            "“balancing the budget on the backs of the poorest towns.”",
            {("Sabra Marrack", "criticizes", "Venner Water Board", -1)},
        ),
        (  # "order" names a decision, not people ending in "-er"
            "“The order is reckless,” said Osric Pell.",
            {("Osric Pell", "opposes", "order", -1)},
        ),
    ],
)
def test_quoted_words_and_feelings(extract, text, expected):
    assert evaluations(extract(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a wrong done to the subject, not one it did
        "Osric Pell said Judge Ivo Brandt had been “railroaded” by the panel.",
        # the feeling is the growers' own, and nothing was named that they feel about
        "Osric Pell said the Pennock Grange was disappointed.",
        # a feeling about what one is about to do
        "The Pennock Grange said it was pleased to report a record harvest.",
        # a quoted preference may praise: no blame read into it
        "Senator Edda Moravec said the governor had “picked riders over contractors.”",
        # what the subject feels or undergoes is no verdict on it
        "“The Pennock Grange fears the levy and has lost two mills,” said Osric Pell.",
        # a verb that reports a claim judges the claim, not the one who claims
        "“Governor Ada Birch has argued that the levy pays for itself,” said Osric Pell.",
        # negated quoted conduct
        "Osric Pell said the Pennock Transit Authority had not “stalled” anyone.",
    ],
)
def test_no_verdict_from_quoted_words_or_feelings(extract, text):
    assert evaluations(extract(text)) == set()


def test_the_evaluation_loop_skips_no_token_a_rating_is_given_to(analyse):
    """extract_evaluations rates only verbs, adjectives, nouns, participles and idioms:
    every token _valence rates must be among them (a new branch adds its kind)."""
    from kg.extract.doctext import tokens_with_any
    from kg.extract.opinion import default_opinions
    from kg.extract.rules import evaluation

    analysis = analyse(
        "“The Pellam Ferry Act is a reckless giveaway,” said Mayor Orla Wynn. The levy would "
        "hurt commuters and it is far too generous. The credit goes to Senator Abel Crane, "
        "whose amendment was well drafted. Critics called it “a betrayal of riders” and "
        "said the plan was without merit. Crane deserves praise for a smart compromise."
    )
    opinions = default_opinions()
    rated, looked_at = set(), set()
    for sent in analysis.body:
        rated |= {t.i for t in sent if evaluation._valence(t, opinions, analysis)}
        kinds = {"pos": evaluation.RATED_POS, "tag": evaluation.RATED_TAGS}
        looked_at |= {t.i for t in tokens_with_any(sent, **kinds)}
    assert len(rated) >= 6
    assert rated <= looked_at
    assert len(looked_at) < len(analysis.doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "too" makes a fault of a word that rates nothing by itself
            "Senator Sabra Marrack said the new grazing quota was too narrow.",
            {("Sabra Marrack", "opposes", "new grazing quota", -1)},
        ),
        (
            "“The Lantern Bridge toll is far too slow to phase in,” said Councilor Eamon Tusk.",
            set(),  # "too slow to phase in" carries its own clause: no verdict read into it
        ),
        (  # "That" judges the deed the sentence before says someone will do
            "Commissioner Rollo Aske has said he will ask the board to reopen the grazing "
            "permits. “That would be a mistake,” said Councilor Eamon Tusk.",
            {("Eamon Tusk", "opposes", "asking board reopen grazing permits", -1)},
        ),
        (  # "This" judges the law passed in the sentence before
            "The Venner County board passed the Lantern Bridge Toll Act on Tuesday. "
            "“This is a win for every commuter,” said Councilor Eamon Tusk.",
            {("Eamon Tusk", "supports", "Lantern Bridge Toll Act", 1)},
        ),
        (  # "this win": a good name for what was just done
            "The Venner County board passed the Lantern Bridge Toll Act on Tuesday. "
            "“We will take this win,” said Councilor Eamon Tusk.",
            {("Eamon Tusk", "supports", "Lantern Bridge Toll Act", 1)},
        ),
    ],
)
def test_excess_and_what_the_sentence_before_names(extract, text, expected):
    assert evaluations(extract(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a verdict on a claim's truth is a reply to its author (relations.v1), not a stance
        "Rollo Aske says the toll will pay for itself. “That is simply not true,” said "
        "Councilor Eamon Tusk.",
        # what will be done by no one named
        "The old ferry will be repainted by spring. “This is a win,” said Eamon Tusk.",
        # "too many" counts, "too early to say" has its own clause
        "“Too many trucks use the bridge,” said Councilor Eamon Tusk.",
        "“It is too early to judge the toll,” said Councilor Eamon Tusk.",
        # an idiom that faults an argument answers its author (relations.v1)
        "Rollo Aske says the bridge levy will raise fares. “That is a red herring,” said "
        "Councilor Eamon Tusk.",
    ],
)
def test_no_verdict_on_what_the_sentence_before_claims(extract, text):
    assert evaluations(extract(text)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # what one wishes another had done is blame on them
            "Mayor Lise Fenwright declined to take a side. “We wish Mayor Fenwright had taken a "
            "position of her own,” said Councilor Eamon Tusk.",
            {("Eamon Tusk", "criticizes", "Lise Fenwright", -1)},
        ),
        (  # what another should have done, negated or not
            "Mayor Lise Fenwright spoke first. “Mayor Fenwright should have waited for the audit,” "
            "said Councilor Eamon Tusk.",
            {("Eamon Tusk", "criticizes", "Lise Fenwright", -1)},
        ),
        (
            "Mayor Lise Fenwright spoke first. “Mayor Fenwright should never have signed the "
            "ferry contract,” said Councilor Eamon Tusk.",
            {("Eamon Tusk", "criticizes", "Lise Fenwright", -1)},
        ),
    ],
)
def test_what_another_should_have_done(extract, text, expected):
    assert evaluations(extract(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“I wish I had voted no,” said Councilor Eamon Tusk.",  # one's own regret
        "“Should Mayor Lise Fenwright have waited?” asked Councilor Eamon Tusk.",  # a question
        "Mayor Lise Fenwright should have waited for the audit.",  # the narrator's view
    ],
)
def test_no_blame_from_ones_own_regret_or_a_question(extract, text):
    assert evaluations(extract(text)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "We’re grateful X and Y listened": parsed with "grateful" on X, and "’re" unlemmatized
            "Mayor Ilse Wexcombe and the Venner Harbor Board met on Monday. “We’re grateful "
            "Mayor Wexcombe and the Venner Harbor Board listened,” said Sabra Marrack.",
            {
                ("Sabra Marrack", "praises", "Ilse Wexcombe", 1),
                ("Sabra Marrack", "praises", "Venner Harbor Board", 1),
            },
        ),
    ],
)
def test_feelings_about_several(extract, text, expected):
    assert evaluations(extract(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a deed done at last is welcome: on a policy, support
            "Senator Ilse Wexcombe passed the Venner Ferry Act. “The Venner Ferry Act finally "
            "does what the county would not,” said Sabra Marrack.",
            {("Sabra Marrack", "supports", "Venner Ferry Act", 1)},
        ),
        (  # quoted in narration: no blame read into it
            "Senator Ilse Wexcombe passed the Venner Ferry Act. Sabra Marrack said the act "
            "“finally does what the county would not.”",
            {("Sabra Marrack", "supports", "Venner Ferry Act", 1)},
        ),
        (  # on an actor, praise
            "“The Venner Harbor Board finally listened to the families who fish here,” said "
            "Sabra Marrack.",
            {("Sabra Marrack", "praises", "Venner Harbor Board", 1)},
        ),
        (  # idioms of praise with a verb head
            "“The ferry grant in this bill makes all the difference,” said Sabra Marrack.",
            {("Sabra Marrack", "supports", "ferry grant in bill", 1)},
        ),
        (
            "“Mayor Ilse Wexcombe kept her promise,” said Sabra Marrack.",
            {("Sabra Marrack", "praises", "Ilse Wexcombe", 1)},
        ),
    ],
)
def test_deeds_done_at_last_and_idioms_of_praise(extract, text, expected):
    assert evaluations(extract(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“The Venner Harbor Board finally admitted it had lied,” said Sabra Marrack.",  # a claim
        "“Finally, the Venner Harbor Board approved the levy,” said Sabra Marrack.",  # last point
        "“The Venner Harbor Board will finally vote on the levy,” said Sabra Marrack.",  # to come
        "The Venner Harbor Board finally listened to the families.",  # the narrator's word
    ],
)
def test_no_praise_for_what_is_not_a_deed_done_at_last(extract, text):
    assert evaluations(extract(text)) == set()
