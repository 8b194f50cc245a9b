"""actions.v1 and the action cues: what actors do to a bill is their stance on it."""

from __future__ import annotations

import pytest

from tests.extract.conftest import stances


def core(claims):
    """(subject, predicate, object, polarity) of the stance claims."""
    return {s[:4] for s in stances(claims)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a passive sponsorship: every agent supports the bill
            "The Clean Ponds Act is co-sponsored by Senators Ann Vole (D-Colo.), Bo Lind "
            "(D-Ariz.) and Tim Rusk (R-Mont.), who represent lake states.",
            {
                ("Ann Vole", "supports", "Clean Ponds Act", 1),
                ("Bo Lind", "supports", "Clean Ponds Act", 1),
                ("Tim Rusk", "supports", "Clean Ponds Act", 1),
            },
        ),
        (  # a list of co-sponsors of the bill the text is about
            "Mayor Ann Vole introduced the Clean Ponds Act. "
            "Original co-sponsors include Reps. Bo Lind (D-Ill.) and Tim Rusk (D-Ohio).",
            {
                ("Ann Vole", "proposes", "Clean Ponds Act", 1),
                ("Bo Lind", "supports", "Clean Ponds Act", 1),
                ("Tim Rusk", "supports", "Clean Ponds Act", 1),
            },
        ),
        (  # a vote on an action
            "The Harlan County Board voted 4-1 to repeal the Dock Fee Ordinance.",
            {("Harlan County Board", "opposes", "Dock Fee Ordinance", -1)},
        ),
        (  # a yes or no vote
            "Senator Tim Rusk voted no on the Dock Fee Ordinance.",
            {("Tim Rusk", "opposes", "Dock Fee Ordinance", -1)},
        ),
        (  # "voting no" on the amendment the sentence is about, not on the bill before
            "The Dock Fee Ordinance passed. The amendment was defeated 5-4, with "
            "Senator Tim Rusk voting no.",
            {("Tim Rusk", "opposes", "amendment", -1)},
        ),
        (  # who a motion is from
            "The council blocked a motion, offered by Senator Tim Rusk, to delay the vote.",
            {
                ("council", "opposes", "motion to delay vote", -1),
                ("Tim Rusk", "proposes", "motion to delay vote", 1),
            },
        ),
        (  # a sponsor in apposition
            "Senator Ann Vole introduced the Dock Fee Ordinance. "
            "Rep. Bo Lind, the bill’s sponsor in the House, spoke next.",
            {
                ("Ann Vole", "proposes", "Dock Fee Ordinance", 1),
                ("Bo Lind", "proposes", "Dock Fee Ordinance", 1),
            },
        ),
        (  # a list of voters after "voting for ... were"
            "The board voted on the ferry pilot. Voting for the pilot were members Laura Becker, "
            "Daniel Ortiz and Board President Tim Rusk.",
            {
                ("Laura Becker", "supports", "ferry pilot", 1),
                ("Daniel Ortiz", "supports", "ferry pilot", 1),
                ("Tim Rusk", "supports", "ferry pilot", 1),
            },
        ),
        (  # a vote to launch supports what is launched; "rejected, 3-6, X" rejects X
            "The Dover City Council voted 6-3 on Tuesday to launch a ferry pilot, but rejected, "
            "3-6, an amendment that would have cut the parks program.",
            {
                ("Dover City Council", "supports", "ferry pilot", 1),
                ("Dover City Council", "opposes", "amendment", -1),
            },
        ),
        (  # a body that passes a law supports it
            "The Dover City Council on Monday passed the Clean Ponds Act.",
            {("Dover City Council", "supports", "Clean Ponds Act", 1)},
        ),
        (  # a law that clears a body has its support
            "The Clean Ponds Act cleared the Senate Housing Committee on a 4-3 vote.",
            {("Senate Housing Committee", "supports", "Clean Ponds Act", 1)},
        ),
        (  # the named voters who carried a measure
            "The levy passed 5-4 with the support of two Republicans, Ann Vole and Bo Lind.",
            {("Ann Vole", "supports", "levy", 1), ("Bo Lind", "supports", "levy", 1)},
        ),
    ],
)
def test_sponsorships_and_votes(extract, text, expected):
    assert core(extract(text)) == expected


def test_a_negated_vote_is_no_stance(extract):
    text = "The Harlan County Board did not vote to repeal the Dock Fee Ordinance."
    assert not any(c.rule and c.rule.startswith("actions.") for c in extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Tim Rusk filibustered the Dock Fee Ordinance.",
            ("Tim Rusk", "opposes", "Dock Fee Ordinance", -1),
        ),
        (
            "Mayor Ann Vole congratulated the Harbor Pilots Union.",
            ("Ann Vole", "praises", "Harbor Pilots Union", 1),
        ),
        (
            "“We are grateful to Senator Ann Vole,” said Tim Rusk.",
            ("Tim Rusk", "praises", "Ann Vole", 1),
        ),
        (
            "Senator Ann Vole broke with Governor Bo Lind over the budget.",
            ("Ann Vole", "disagreesWith", "Bo Lind", -1),
        ),
    ],
)
def test_action_cues(extract, text, expected):
    assert expected in core(extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "it" after a vote is the thing voted on, not the body that voted
            "The board voted 6-3 to approve the ferry pilot. Members Ann Vole and Bo Lind "
            "voted against it.",
            {("Ann Vole", "opposes", "ferry pilot", -1), ("Bo Lind", "opposes", "ferry pilot", -1)},
        ),
        (  # the subject of the sentence before, not the program it would cut
            "The amendment, offered by Ann Vole, would have cut the harbor program. "
            "Only Laura Becker and Daniel Ortiz voted for it.",
            {
                ("Laura Becker", "supports", "amendment", 1),
                ("Daniel Ortiz", "supports", "amendment", 1),
            },
        ),
    ],
)
def test_voted_for_it(extract, text, expected):
    assert expected <= core(extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an inverted list of voters: "Voting no were A, B and the panel's chair, C"
            "House Bill 77, sponsored by Rep. Gil Oster (D-Brook), would cap rents. "
            "Voting no were Reps. Harold Mims (R-Dunmore), Alice Perth (R-Cole) and the "
            "panel's chair, Rep. Ida Wren (R-Kell).",
            {
                ("Harold Mims", "opposes", "House Bill 77", -1),
                ("Alice Perth", "opposes", "House Bill 77", -1),
                ("Ida Wren", "opposes", "House Bill 77", -1),
            },
        ),
        (  # joining others in a vote is a stance on what was voted on
            "House Bill 77, sponsored by Rep. Gil Oster (D-Brook), would cap rents. "
            "Rep. Tom Bask (R-Alder) joined the panel's five Democrats in voting yes.",
            {("Tom Bask", "supports", "House Bill 77", 1)},
        ),
        (  # "voted in favor" continues the vote reported just before
            "The Dunmore Township Board voted 4-3 to reject a tax break for a cement plant. "
            "Trustees Rob Tull and Ken Marr voted in favor.",
            {
                ("Rob Tull", "supports", "tax break for cement plant", 1),
                ("Ken Marr", "supports", "tax break for cement plant", 1),
            },
        ),
        (  # testimony for or against a bill, as a participle too
            "House Bill 77 would cap rents. Testifying against the bill, Lena Faro, a lobbyist "
            "for the Pine Grocers Guild, said it would raise prices. The Three Rivers Nurses "
            "Union testified for the measure.",
            {
                ("Lena Faro", "opposes", "House Bill 77", -1),
                ("Three Rivers Nurses Union", "supports", "House Bill 77", 1),
            },
        ),
    ],
)
def test_votes_not_in_the_voted_for_shape(extract, text, expected):
    assert expected <= core(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Senators Mara Quill (D-Vt.) and Otto Brand (R-Ore.) introduced the Fair Bus Fares Act.",
        "WASHINGTON – Today, U.S. Senators Mara Quill (D-Vt.) and Otto Brand (R-W.Va.) "
        "introduced the Fair Bus Fares Act, a bill that would create a grant program.",
    ],
)
def test_both_names_of_a_pair_split_by_party_tags_act(extract, text):
    found = {(s, p, o) for s, p, o, _ in core(extract(text))}
    assert {
        ("Mara Quill", "proposes", "Fair Bus Fares Act"),
        ("Otto Brand", "proposes", "Fair Bus Fares Act"),
    } <= found


def test_floating_an_alternative_proposes_it(extract):
    text = (
        "County Executive Dan Moss opposes Measure Q and has floated an alternative: "
        "a smaller tax devoted mostly to paving."
    )
    found = {(s, p, o) for s, p, o, _ in core(extract(text))}
    assert ("Dan Moss", "proposes", "alternative") in found


def test_adopted_with_someones_support(extract):
    text = (
        "House Bill 77 would cap rents. A second amendment, offered by Rep. Gil Oster, to "
        "require a report on rents after two years, was adopted by voice vote with Rep. Ada "
        "Finch's support."
    )
    found = {(s, p) for s, p, o, _ in core(extract(text)) if "amendment" in o}
    assert {("Gil Oster", "proposes"), ("Ada Finch", "supports")} <= found


def test_it_in_a_clause_on_a_noun_is_not_that_noun(extract):
    text = (
        "House Bill 77 would cap rents. The Pine Grocers Guild also submitted written "
        "testimony opposing it."
    )
    assert ("Pine Grocers Guild", "opposes", "House Bill 77", -1) in core(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "The harbor levy failed 3-4 on Tuesday. Board members Mara Quill and Otto Brand voted no.",
        "The board approved the harbor levy on Monday. Board members Mara Quill and Otto Brand "
        "voted no.",
    ],
)
def test_a_vote_with_no_object_is_on_the_measure_decided_just_before(extract, text):
    found = {(s, p, o) for s, p, o, _ in core(extract(text))}
    assert {
        ("Mara Quill", "opposes", "harbor levy"),
        ("Otto Brand", "opposes", "harbor levy"),
    } <= found


def test_pushing_a_bill_backs_it(extract):
    claims = core(
        extract(
            "The plan drew criticism from Speaker Ann Lowe, who had pushed a bill ordering the "
            "state to seek the grant.",
            "The committee pushed back the bill to June.",
        )
    )
    assert any(s == "Ann Lowe" and p == "supports" and "bill" in o for s, p, o, _ in claims)
    assert not any(s == "committee" for s, *_ in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "House Bill 77 would cap rents. Rep. Tom Bask joined four Democrats in voting "
            "against the bill.",
            ("Tom Bask", "opposes", "House Bill 77", -1),
        ),
        (
            "House Bill 77 would cap rents. Rep. Tom Bask cast the lone vote against the bill.",
            ("Tom Bask", "opposes", "House Bill 77", -1),
        ),
        (
            "House Bill 77 would cap rents. Rep. Tom Bask cast the deciding vote for the measure.",
            ("Tom Bask", "supports", "House Bill 77", 1),
        ),
    ],
)
def test_votes_as_a_noun_or_joined_with_others(extract, text, expected):
    assert expected in core(extract(text))


def test_dissenters_from_a_law_a_body_passed_oppose_it(extract):
    text = (
        "The council passed the Harbor Fee Ordinance on Monday, with members Ada Roe and Ken "
        "Marr dissenting."
    )
    assert {
        ("Ada Roe", "opposes", "Harbor Fee Ordinance", -1),
        ("Ken Marr", "opposes", "Harbor Fee Ordinance", -1),
    } <= core(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Harbor Fee Ordinance passed 6-1. Ken Marr cast the lone no vote.",
        "The council approved the Harbor Fee Ordinance on Monday. Ken Marr was the only no vote.",
    ],
)
def test_the_lone_no_vote(extract, text):
    assert ("Ken Marr", "opposes", "Harbor Fee Ordinance", -1) in core(extract(text))


def test_no_vote_scheduled_is_no_vote(extract):
    text = "The Harbor Fee Ordinance is pending. Ken Marr said no vote has been scheduled."
    assert not any(s == "Ken Marr" for s, *_ in core(extract(text)))


def test_a_co_authorship_the_parser_hangs_on_was(extract):
    text = (
        "Mayor Ann Vole introduced the Clean Ponds Act. The bill was co-authored by Senators "
        "Oskar Brill (R-Eau Claire) and Petra Lund (D-Sparta)."
    )
    assert {
        ("Oskar Brill", "proposes", "Clean Ponds Act", 1),
        ("Petra Lund", "proposes", "Clean Ponds Act", 1),
    } <= core(extract(text))


def test_a_cosponsor_list_far_below_the_bill_it_is_of(extract):
    filler = " ".join(
        f"The grant program would reach {n} more districts in the next year." for n in range(14)
    )
    text = (
        "Rep. Ann Vole introduced the Clean Ponds Act today. "
        + filler
        + " Original cosponsors include Representatives Tom Hale (D-Ore.), Jo Ferriby (D-Calif.) "
        "and Lee Pike (R-Mont.)."
    )
    assert {
        ("Tom Hale", "supports", "Clean Ponds Act", 1),
        ("Jo Ferriby", "supports", "Clean Ponds Act", 1),
        ("Lee Pike", "supports", "Clean Ponds Act", 1),
    } <= core(extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a no vote on what the lede says the body voted to do, paragraphs later
            "The Brixton Town Council voted 4-3 to approve a lease with Pellicott Logistics for "
            "the old rail yard. The lease runs for twenty years. Mayor Ida Penn called it a good "
            "day for the town. Councilmembers Rupert Ashby and Delia Frane voted no.",
            {
                ("Rupert Ashby", "opposes", "lease with Pellicott Logistics", -1),
                ("Delia Frane", "opposes", "lease with Pellicott Logistics", -1),
            },
        ),
        (  # a vote to do something no cue reads: the doing is supported, a no opposes it
            "The Marren County Board voted 3-2 on Tuesday to require every restaurant to stop "
            "using foam containers. Supervisor Hal Quint also voted no.",
            {
                (
                    "Marren County Board",
                    "supports",
                    "requiring restaurant stop using foam containers",
                    1,
                ),
                ("Hal Quint", "opposes", "requiring restaurant stop using foam containers", -1),
            },
        ),
        (  # a no on a vote to reject supports what was rejected
            "The council voted 4-3 to reject the Harbor Fee Ordinance. Councilmembers Ada Rusk "
            "and Tim Vole voted no.",
            {
                ("Ada Rusk", "supports", "Harbor Fee Ordinance", 1),
                ("Tim Vole", "supports", "Harbor Fee Ordinance", 1),
            },
        ),
        (  # a nominee voted for: the others' no is against her
            "All ten Republicans on the panel voted for Ruth Calloway. The committee's nine other "
            "Democrats voted no.",
            {("Democrats", "opposes", "Ruth Calloway", -1)},
        ),
        (  # speaking in favor of the measure voted on, named no closer than the lede
            "The Marren County Board voted 3-2 on Tuesday to sell the old courthouse to Pell "
            "Hotels. Residents were divided. The Marren Heritage Trust said the building "
            "belonged to the public. But Mayor Ida Penn spoke in favor.",
            {("Ida Penn", "supports", "selling old courthouse to Pell Hotels", 1)},
        ),
        (  # one law through two bodies
            "Senate Bill 77 passed the Assembly 40-19 and the Senate 21-12 in June.",
            {
                ("Assembly", "supports", "Senate Bill 77", 1),
                ("Senate", "supports", "Senate Bill 77", 1),
            },
        ),
    ],
)
def test_votes_on_what_the_article_reported_voted_on(extract, text, expected):
    assert expected <= core(extract(text))


def test_a_bodys_members_voting_no_are_not_the_body(extract):
    text = (
        "The Oakvale Planning Commission voted 5-2 on Monday to approve a permit for the "
        "Greystone quarry. The commission's two other members voted no."
    )
    assert not any(p == "opposes" for _, p, *_ in core(extract(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # signatures gathered against a policy are the gatherers' opposition
            "A group calling itself Quiet Streets Now has collected more than 800 signatures "
            "against the leaf blower ban.",
            ("Quiet Streets Now", "opposes", "leaf blower ban", -1),
        ),
        (  # comments gathered that oppose it, in a relative clause
            "The Marren Tenants Union, which had gathered 3,000 comments opposing the rent "
            "increase, applauded the decision.",
            ("Marren Tenants Union", "opposes", "rent increase", -1),
        ),
        (  # "is behind" a policy
            "The Marren Tenants Union is squarely behind the rent freeze.",
            ("Marren Tenants Union", "supports", "rent freeze", 1),
        ),
    ],
)
def test_petitions_and_being_behind_a_policy(extract, text, expected):
    assert expected in core(extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # filing a named bill proposes it
            "Rep. Ann Vole has filed House Bill 77, which would create a state fund for "
            "coastal towns.",
            ("Ann Vole", "proposes", "House Bill 77", 1),
        ),
        (  # who a proposal is brought forward by
            "The outsourcing proposal, brought forward by Councilmember Dan Roe, is being "
            "sold as a cost-saving measure.",
            ("Dan Roe", "proposes", "outsourcing proposal", 1),
        ),
        (  # what is voted for keeps what the act keeps people from
            "The Marren County Board voted 6-2 on Tuesday to require every school district to "
            "bar students from using scooters on campus.",
            (
                "Marren County Board",
                "supports",
                "requiring school district bar students from using scooters",
                1,
            ),
        ),
    ],
)
def test_filing_proposals_and_what_a_vote_keeps_from(extract, text, expected):
    assert expected in core(extract(text))


def test_filing_suit_or_writing_some_bill_is_no_bill_of_ones_own(extract):
    text = (
        "The Harlan Growers Union filed suit against the county. Sen. Tom Hale said he had "
        "written a bill that treats teachers well."
    )
    assert not [c for c in extract(text) if c.rule == "actions.filed"]


def test_a_law_which_passed_a_body_is_supported_by_it(extract):
    text = "Senate Bill 40, which passed the state Senate last month, would ban book challenges."
    assert ("Senate", "supports", "Senate Bill 40", 1) in core(extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # plural sponsors named after the word, the list hung on another noun by the parser
            "Governor Greta Oxenholt today signed the Clean Ponds Act. The governor held a "
            "signing "
            "at Elm School, where she was joined by the bill's lead sponsors, State "
            "Representative Ilse Marrowby (D-Quarrytown) and State Senator Cato Wrenfield "
            "(R-Pellsford), "
            "along with students.",
            {
                ("Ilse Marrowby", "proposes", "Clean Ponds Act", 1),
                ("Cato Wrenfield", "proposes", "Clean Ponds Act", 1),
            },
        ),
        (  # authors, each with a party apposition of their own
            "Rep. Bo Lind introduced the Clean Ponds Act. The bill's authors, Representative "
            "Jory Halvik, a Democrat from Quarrytown, and Representative Odell Blassingame, a "
            "Republican from Pellsford, say it is fair.",
            {
                ("Jory Halvik", "proposes", "Clean Ponds Act", 1),
                ("Odell Blassingame", "proposes", "Clean Ponds Act", 1),
            },
        ),
        (  # a sponsor as the predicate of "be"
            "Senator Greta Oxenholt introduced the Clean Ponds Act. Senator Bo Lind (R-Vt.) is the "
            "lead Republican cosponsor.",
            {("Bo Lind", "supports", "Clean Ponds Act", 1)},
        ),
        (  # an endorsement list whose second name the parser hangs on the first's "of"
            "Senator Greta Oxenholt introduced the Clean Ponds Act. The act is endorsed by the "
            "National Association of Ferry Captains, the Volunteer Harbor Council and the "
            "Brightwater Action Fund.",
            {
                ("Volunteer Harbor Council", "supports", "Clean Ponds Act", 1),
                ("Brightwater Action Fund", "supports", "Clean Ponds Act", 1),
            },
        ),
        (  # filing or drafting a bill that says what it would do
            "State Sen. Wilma Caddick, R-Quarrytown, has filed a bill that would write a ferry "
            "moratorium into state law. Council member Hollis Greaves has drafted an "
            "amendment that would do both.",
            {
                ("Wilma Caddick", "proposes", "bill", 1),
                ("Hollis Greaves", "proposes", "amendment", 1),
            },
        ),
        (  # a dissent from a vote the text reports
            "The Elm County Commission voted 2-1 to reject the ferry levy. Commissioners Ilse "
            "Marrowby and Cato Wrenfield voted in favor; Commissioner Greta Oxenholt dissented.",
            {("Greta Oxenholt", "supports", "ferry levy", 1)},
        ),
        (  # the members a vote names "among them"
            "The Elm House voted 54-45 to pass House Bill 9. Nine Democrats voted no, among "
            "them Budget Chairwoman Greta Oxenholt, who said the state would pay.",
            {("Greta Oxenholt", "opposes", "House Bill 9", -1)},
        ),
    ],
)
def test_sponsors_endorsers_and_voters_named_in_lists(extract, text, expected):
    assert expected <= core(extract(text))


def test_the_people_the_text_does_not_name_are_no_sponsors(extract):
    text = "The study's authors, Jory Halvik and Odell Blassingame, say ponds are warming."
    assert not [c for c in extract(text) if c.rule.startswith("actions.sponsor")]


def test_a_new_bill_that_would_do_something_is_not_a_question_named_before(extract):
    text = (
        "Question 7 would end the ferry tax, and voters will decide it in May. State Sen. "
        "Wilma Caddick has introduced a bill that would keep the ferry tax but require audits. "
        "Vote no on Question 7."
    )
    found = core(extract(text))
    assert ("Wilma Caddick", "proposes", "bill", 1) in found
    assert ("Wilma Caddick", "proposes", "Question 7", 1) not in found


def test_a_dissent_with_no_vote_reported_is_no_stance(extract):
    text = (
        "The court ruled 4-3 that the map is unconstitutional. Justice Odell Blassingame dissented."
    )
    assert not [c for c in extract(text) if c.rule == "actions.dissented"]


def test_the_actions_loop_finds_what_a_loop_over_every_token_finds(analyse, monkeypatch):
    """extract_actions looks only at its trigger words: it must find the claims that
    looking at every token finds (a new branch adds its word to ACTION_LEMMAS)."""
    from kg.extract.lexicon import default_lexicon
    from kg.extract.registry import Config
    from kg.extract.rules import actions

    texts = [
        "The Quay Toll Act is co-sponsored by Senators Ada Quill (D-Colo.) and Rolf Emmet "
        "(R-Mont.). Original cosponsors include Rep. Ines Garra (D-Ohio).",
        "Senator Ada Quill voted for the Harbor Dredging Act on Tuesday, and Senator Rolf "
        "Emmet voted against it. Voting no were Reps. Ines Garra and Walt Pym.",
        "At the hearing, Councilor Mara Ould spoke in favor of the Ferry Fare Ordinance. Rep. "
        "Oren Lusk has filed House Bill 412. The bill's sponsor, Rep. Oren Lusk, is a "
        "Democrat.",
        "The Quay Toll Act passed 52-48 with the support of Senators Ada Quill and Rolf "
        "Emmet. Senator Nils Avar, who had pushed the Quay Toll Act for years, cast his vote "
        "for it; Senator Walt Pym dissented. Rep. Oren Lusk is the lead cosponsor of the "
        "Harbor Dredging Act.",
        "The Venner Senate rejected an amendment from Sen. Ola Bramwell. A second amendment, "
        "from Sen. Ivo Marr, that requires a toll audit, was approved by voice vote.",
        "The campaign behind Question 7, Fair Tolls Now, says the toll cap is overdue.",
    ]
    config = Config(default_lexicon())
    analyses = [analyse(text) for text in texts]

    def claims():
        return [c for a in analyses for c in actions.extract_actions(a.doc, a, config=config)]

    filtered = claims()
    monkeypatch.setattr(actions, "tokens_with_any", lambda sent, **_: iter(sent))
    assert filtered == claims()
    assert len({c.rule for c in filtered}) >= 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a participle on the law, joined to its sponsorship
            "The fare cap was authorized by an ordinance sponsored by Councilmember Ada "
            "Fenstad and approved by the Quarrytown Council in September.",
            {("Quarrytown Council", "supports", "ordinance", 1)},
        ),
        (  # the parser joins "approved" to the main verb: it parallels "sponsored"
            "The fare cap was authorized by an ordinance sponsored by Councilmember Nora "
            "Fenstad and approved by the Quarrytown Council in March.",
            {("Quarrytown Council", "supports", "ordinance", 1)},
        ),
        (  # a vote that sends the bill on: the body passed the bill
            "The Pellsford House voted 54-45 on Tuesday to repeal the state's ferry toll law "
            "for riders 21 and older, sending the bill to a Senate where its prospects are "
            "uncertain.",
            {("Pellsford House", "supports", "bill", 1)},
        ),
        (  # a passive decision with no body: the body that decided just before
            "The Pellsford Senate rejected an amendment from Sen. Wilma Caddick. A second "
            "amendment, from Sen. Cato Wrenfield, that requires a ferry audit, was adopted by "
            "voice vote.",
            {
                ("Pellsford Senate", "opposes", "amendment from Sen. Wilma Caddick", -1),
                ("Pellsford Senate", "supports", "second amendment from Sen. Cato Wrenfield", 1),
            },
        ),
        (  # the campaign behind a measure, named in apposition
            "The campaign behind Question 4, Fair Ferries Now, says the fare cap is overdue.",
            {("Fair Ferries Now", "supports", "Question 4", 1)},
        ),
        (  # recommending a policy proposes it
            "Superintendent Ilse Marrowby recommended the closures last month.",
            {("Ilse Marrowby", "proposes", "closures", 1)},
        ),
        (  # money secured for a purpose: the purpose, not the money
            "Last year, Senator Greta Oxenholt secured $4 million for lead pipe removal.",
            {("Greta Oxenholt", "supports", "lead pipe removal", 1)},
        ),
    ],
)
def test_decisions_campaigns_and_funding(extract, text, expected):
    assert expected <= core(extract(text))


def test_a_measure_that_failed_is_no_body_deciding(extract):
    text = (
        "Sen. Wilma Caddick offered a motion to delay the fee; it failed 40-52. An amendment "
        "from Sen. Cato Wrenfield was defeated 44-50."
    )
    assert not [c for c in extract(text) if c.rule == "actions.decided_by"]
