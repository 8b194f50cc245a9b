"""What a policy stance is about, named as a careful reader names it: a bare "the line"
is the line named before, a generic "legislation" keeps the clause that says which, and
a time is not an object."""

from __future__ import annotations

import pytest

from tests.extract.conftest import stances


def core(claims):
    """(subject, predicate, object, polarity) of the stance claims."""
    return {s[:4] for s in stances(claims)}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (  # "this line" is the line described before
            "Senator Ann Vole criticized the Rio Verde transmission line. "
            "Ted Baca, who has fought for this line since 2019, disagreed.",
            {("Ted Baca", "supports", "Rio Verde transmission line", 1)},
            {("Ted Baca", "supports", "line", 1)},
        ),
        (  # "the amendment" is the amendment filed before
            "Rep. Ann Vole filed an amendment to delink fees from list prices. "
            "The amendment was defeated 21-28, with Chair Ted Baca voting no.",
            {("Ted Baca", "opposes", "amendment to delink fees from list prices", -1)},
            {("Ted Baca", "opposes", "amendment", -1)},
        ),
        (  # "the law" is the law described last, not an amendment nor a league
            "The sheriff said his deputies will not enforce a new state law banning kit rifles. "
            "The Tinker Valley Rifle League argues that the law violates the Second Amendment. "
            "Senator Ann Vole said Republicans would try to repeal the law next session.",
            {("Republicans", "opposes", "new state law banning kit rifles", -1)},
            {
                ("Republicans", "opposes", "Second Amendment", -1),
                ("Republicans", "opposes", "next session", -1),
            },
        ),
        (  # a restrictive relative clause says which amendment
            "“I would welcome any amendment that speeds up visa processing for farms,” "
            "said Rep. Ann Vole.",
            {("Ann Vole", "supports", "amendment that speeds up visa processing for farms", 1)},
            {("Ann Vole", "supports", "amendment", 1)},
        ),
        (  # the infinitive after "legislation" says what it does, even hung on the verb
            "“Next week I will introduce legislation to let counties redirect unused ferry "
            "grants to bridge repairs,” said Sen. Ted Baca.",
            {
                (
                    "Ted Baca",
                    "proposes",
                    "legislation to let counties redirect unused ferry grants",
                    1,
                )
            },
            {("Ted Baca", "proposes", "legislation", 1)},
        ),
        (  # what a law is said to violate is not the plaintiff's stance
            "The Tinker Valley Rifle League argues in a lawsuit that the law violates the "
            "state constitution.",
            set(),
            {("Tinker Valley Rifle League", "supports", "state constitution", 1)},
        ),
    ],
)
def test_policy_objects(extract, text, present, absent):
    found = core(extract(text))
    assert present <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (  # asked to give up a rule: opposes the rule
            "The Mesa Roofers Association has asked the agency to withdraw the rule entirely.",
            {("Mesa Roofers Association", "opposes", "rule", -1)},
            set(),
        ),
        (  # urged others to reject: opposition only, no "supports rejecting"
            "The Harbor Pilots Guild urged members to reject the dredging amendment.",
            {("Harbor Pilots Guild", "opposes", "dredging amendment", -1)},
            {("Harbor Pilots Guild", "supports", "rejecting dredging amendment", 1)},
        ),
        (  # "reverse course" names no policy
            "“We urge the department to reverse course,” said Ann Vole.",
            set(),
            {("Ann Vole", "supports", "reversing course", 1)},
        ),
        (  # a request is support; a sum is named with what it is for
            "Rep. Ann Vole said she had requested $180 million for ferry docks.",
            {("Ann Vole", "supports", "$180 million for ferry docks", 1)},
            set(),
        ),
        (  # pressing someone to act supports the act, not the one pressed
            "The Dune Riders Union would press the council to make the ferry pilot permanent.",
            {("Dune Riders Union", "supports", "making ferry pilot permanent", 1)},
            {("Dune Riders Union", "supports", "council", 1)},
        ),
        (  # the object of a relative clause is the noun it modifies
            "The bill that Senator Ann Vole opposes would cap dock fees.",
            {("Ann Vole", "opposes", "bill", -1)},
            set(),
        ),
        (
            "But the rule the Harbor Agency has proposed is the wrong one.",
            {("Harbor Agency", "proposes", "rule", 1)},
            set(),
        ),
    ],
)
def test_asking_and_relative_objects(extract, text, present, absent):
    found = core(extract(text))
    assert present <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "absent_object"),
    [
        (  # conduct someone is charged with is not their stance
            "The Ridge Housing Office announced that it has charged Pell Homes with violating "
            "the Tenant Safety Act by refusing to allow tenants to keep pets.",
            "Tenant Safety Act",
        ),
        (  # what an order lets people do is no one's stance
            "The order lets a neighbor or a teacher ask a judge to remove the fence.",
            "removing fence",
        ),
        (  # still to come after something else
            "A spokesperson for the Harbor Agency said the agency would review all comments "
            "before issuing a final rule.",
            "final rule",
        ),
        (  # declining to answer is declining to comment
            "The Pell Company declined to answer questions about the meetings.",
            "answering questions",
        ),
        (  # a group naming itself calls for nothing
            "But a group of parents calling itself Moms for Libraries says the plan is wrong.",
            "Libraries",
        ),
        (  # a forecast about every state is no one's commitment
            "“If the county gets away with this, every state will try it,” said Ann Vole.",
            "state trying",
        ),
        (  # a comparison is not a second stance
            "Ted Baca said he supports serial numbers the same way he supports license plates.",
            "license plates",
        ),
        (  # defending oneself names no policy
            "“We will defend ourselves vigorously,” the company’s counsel, Ted Baca, said.",
            "defending",
        ),
    ],
)
def test_no_stance(extract, text, absent_object):
    assert absent_object not in {s[2] for s in core(extract(text))}


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (  # what someone wants to see is what they want
            "Senate leader Ann Vole supports the concept but wants to see a cap on total spending.",
            ("Ann Vole", "supports", "cap on total spending", 1),
        ),
        (  # "the bill" is the Act named before, not a section of another law
            "Senator Ann Vole has introduced the Dock Repair Relief Act, which would exempt dock "
            "parts from Section 301 duties for three years. The bill is co-sponsored by "
            "Sens. Bo Lind (D-Minn.) and Tim Rusk (R-Kan.).",
            ("Tim Rusk", "supports", "Dock Repair Relief Act", 1),
        ),
        (  # an action keeps the phrase that says where it leads
            "The Examiner urged the council to tie the replacement requirement to full rebates "
            "for renters.",
            ("Examiner", "supports", "tying replacement requirement to full rebates", 1),
        ),
    ],
)
def test_wanted_and_sponsored(extract, text, present):
    assert present in core(extract(text))


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (  # the parser hangs the second verb inside the report; the holder is the reporter
            "The Dock Council said the Ferry Act would raise premiums for families and urged "
            "members to oppose it on the floor.",
            ("Dock Council", "opposes", "Ferry Act", -1),
        ),
        (  # supporting an action named by a gerund
            "Senate leader Ann Vole said she supports giving families relief.",
            ("Ann Vole", "supports", "giving families relief", 1),
        ),
        (  # a dissent from a vote opposes what was voted on
            "The commission voted 3-1 to authorize the suit, with Commissioner Ted Baca "
            "dissenting.",
            ("Ted Baca", "opposes", "suit", -1),
        ),
        (  # "one of the six who voted yes" is the person named
            "The House took up the Clean Ponds Act on Tuesday. Rep. Ann Vole (D-N.M.), one of "
            "the six Democrats who voted yes, disagreed with Ted Baca.",
            ("Ann Vole", "supports", "Clean Ponds Act", 1),
        ),
        (  # a bill to abolish a body opposes the body
            "Sen. Ted Baca has introduced a bill to abolish the Harbor Board.",
            ("Ted Baca", "opposes", "Harbor Board", -1),
        ),
        (  # "its sponsor" is the sponsor of the law the text is about
            "The House passed House Bill 230 on Monday. Its sponsor, state Rep. Ann Vole, said "
            "ferries matter.",
            ("Ann Vole", "proposes", "House Bill 230", 1),
        ),
    ],
)
def test_holders_and_votes(extract, text, present):
    assert present in core(extract(text))


def test_asked_to_act_is_not_acting(extract):
    found = core(extract("The Data Alliance urged the commission to issue clear rules."))
    assert ("Data Alliance", "supports", "issuing clear rules", 1) in found
    assert not any(s[1] == "announces" for s in found)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (  # what cannot be done without is what the speaker supports
            "County Executive Ann Vole argues that without Bill 24-18 the county cannot meet "
            "its goal.",
            ("Ann Vole", "supports", "Bill 24-18", 1),
        ),
        (  # a clause's own subject keeps its own stance
            "The union protested that the authorities block the permits.",
            ("authorities", "opposes", "permits", -1),
        ),
        (  # a possessor the parser took for a second object stays with its noun
            "The Dune Workers Federation supports OSHA’s proposed rule as written.",
            ("Dune Workers Federation", "supports", "OSHA’s proposed rule", 1),
        ),
    ],
)
def test_without_and_clause_subjects(extract, text, present):
    assert present in core(extract(text))


def test_a_forecast_is_no_commitment_but_what_it_needs_is_supported(extract):
    """What others will do is no commitment of theirs; what it cannot be done without is
    the speakers' stance."""
    found = core(
        extract(
            "Supporters, including the Harbor Chamber, argue that without the levy the team "
            "will move to a suburban site."
        )
    )
    assert found == {("Harbor Chamber", "supports", "levy", 1)}


@pytest.mark.parametrize(
    ("text", "present", "absent_object"),
    [
        (  # what a speaker says another should not do is the speaker's opposition
            "The center’s director, Priya Wexler, said that Congress “should not lock in a "
            "regressive break without paying for it.”",
            ("Priya Wexler", "opposes", "locking in regressive break", -1),
            None,
        ),
        (
            "“The council should fund the clinic,” Mayor Ann Vole said.",
            ("Ann Vole", "supports", "funding clinic", 1),
            None,
        ),
        (  # a thing that is ready to act takes no stance, nor does the speaker
            "“The Mesa line was permitted, it was financed, and it was ready to break ground "
            "this spring,” said Sen. Ann Vole.",
            None,
            "breaking ground",
        ),
        (  # an ordinal names no policy
            "“The council should pass the first and send the second back,” Mayor Ann Vole said.",
            None,
            "passing first",
        ),
    ],
)
def test_wishes(extract, text, present, absent_object):
    found = core(extract(text))
    if present:
        assert present in found
    if absent_object:
        assert absent_object not in {s[2] for s in found}


def test_ballot_measures_are_laws(extract):
    """ "Measure K" is a law even when the recogniser misses it; "both measures" are the two."""
    found = core(
        extract(
            "This board supports Measure R, which would allow duplexes. We oppose Measure T on "
            "the May ballot. "
            "Mayor Ann Vole has endorsed both measures, arguing that the city needs relief."
        )
    )
    assert {("Ann Vole", "supports", "Measure R", 1), ("Ann Vole", "supports", "Measure T", 1)} <= (
        found
    )
