"""Precision: constructions that look like a stance or a role and are none."""

from __future__ import annotations

import pytest

from tests.extract.conftest import stances


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Lina Vorst joined Councilmember Abe Trell and Chief Rosa Ung at Pine Hall "
        "to unveil the new budget.",
        "The Democrats backed the levy. They were joined by two Republicans, Rep. Ola Brint "
        "and Rep. Cy Roe.",
        "Sen. Ivo Mant, a Republican, joined 40 Democrats on Tuesday.",
    ],
)
def test_joining_people_is_no_agreement(extract, text):
    assert not [c for c in extract(text) if c.predicate == "agreesWith"]


def test_joining_others_in_an_act_is_agreement(extract):
    found = stances(extract("Sen. Ivo Mant joined Sen. Dara Kell in opposing the toll increase."))
    assert ("Ivo Mant", "agreesWith", "Dara Kell", 1, None) in found


def test_a_vote_list_after_a_plural_title(extract):
    text = (
        "The Senate panel advanced the Quarry Safety Act 6-3 on Monday. Voting no were "
        "Sens. Ysolde Marr (R-Olney), Tam Quarles (R-Brisco) and Hob Venn (R-Cadiz)."
    )
    found = stances(extract(text))
    assert {s[0] for s in found if s[1] == "opposes"} >= {"Ysolde Marr", "Tam Quarles", "Hob Venn"}


@pytest.mark.parametrize(
    "text",
    [
        "“It is a tax on the poor,” Agency Director Ama Lutz said in a call with reporters.",
        "Councilor Abe Trell says drivers should simply be asked to slow down.",
        "Director Ama Lutz said the rule would require lenders to offer payment plans of at "
        "least 12 months.",
        "Governor Pia Stahl's budget proposal for the next fiscal year includes the full amount.",
        "“We promised parents we would act,” said Mayor Ida Renn.",
        "“It is the right call for our towns,” said Mayor Ida Renn.",
        "Mayor Ida Renn said the council risks turning a good idea into a fight.",
    ],
)
def test_people_times_and_stand_ins_are_no_objects(extract, text):
    assert not [c for c in extract(text) if c.predicate not in ("holdsRole", "memberOf")]


def test_the_first_of_two_like_prepositions_is_the_cue_s(extract):
    found = stances(extract("Mayor Ida Renn called for tax credits for families."))
    assert found == {("Ida Renn", "supports", "tax credits", 1, None)}


def test_resisting_pressure_to_weaken_a_rule_supports_it(extract):
    found = stances(
        extract("The Tenant Coalition thanked Lutz for resisting pressure to weaken the rule.")
    )
    assert ("Lutz", "supports", "rule", 1, None) in found
    assert not [s for s in found if s[2] == "pressure"]


def test_withdrawn_support_is_no_support(extract):
    found = stances(
        extract("The Harbor Pilots Guild withdrew its support for the Canal Dredging Act.")
    )
    assert ("Harbor Pilots Guild", "supports", "Canal Dredging Act", 1, None) not in found


def test_a_new_bill_is_not_the_measure_named_before_and_after_it(extract):
    text = (
        "Question 7 would end cash bail. Sen. Ora Vill has introduced a bill that would keep "
        "cash bail but cap it. Question 7 goes too far."
    )
    found = stances(extract(text))
    assert not [s for s in found if s[0] == "Ora Vill" and s[2] == "Question 7"]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Sen. Ora Vill will file a resolution under the Congressional Review Act to "
            "overturn the rule. Sen. Abe Cole called Vill's resolution a cynical stunt.",
            "Congressional Review Act",
        ),
        (
            "Rep. Ada Moss introduced a bill amending the Clean Harbor Act. Sen. Abe Cole "
            "opposes the bill.",
            "Clean Harbor Act",
        ),
    ],
)
def test_a_law_a_measure_rests_on_is_not_the_measure(extract, text, wrong):
    assert not [s for s in stances(extract(text)) if s[2] == wrong]


def _memberships(claims) -> set[tuple[str, str]]:
    return {(c.subject.label, c.object.label) for c in claims if c.predicate == "memberOf"}


@pytest.mark.parametrize(
    ("text", "member", "party"),
    [
        (
            "Nine Republicans voted no, among them Chairwoman Ilse Varga of Brookton.",
            "Ilse Varga",
            "Republican Party",
        ),
        (
            "Some Republicans have objected, including Sen. Tobin Rusk.",
            "Tobin Rusk",
            "Republican Party",
        ),
    ],
)
def test_a_party_from_the_group_a_name_is_picked_from(extract, text, member, party):
    assert (member, party) in _memberships(extract(text))


def test_every_name_of_a_plural_party_list_with_home_towns(extract):
    text = (
        "They were joined by three Democrats — Reps. Osric Vandelay-Moor of Pellham, "
        "Rosalba Quennell of Tarrow and Emmet Dunleavy of Corbin."
    )
    found = _memberships(extract(text))
    for member in ("Osric Vandelay-Moor", "Rosalba Quennell", "Emmet Dunleavy"):
        assert (member, "Democratic Party") in found


def test_a_name_after_a_title_the_recogniser_missed(extract):
    text = (
        "The Tarrant Valley Utility Commission voted 2-1 to open a 30-day comment period on "
        "the rule. Commission Chair Hermine Oakcastle and Commissioner Reginald Stoat voted "
        "in favor; Commissioner Barnabas Kettle dissented."
    )
    roles = {(c.subject.label, c.object.label) for c in extract(text) if c.predicate == "holdsRole"}
    assert ("Hermine Oakcastle", "Commission Chair") in roles


def test_helping_organize_a_named_group_is_membership(extract):
    text = (
        "Ann Lee, who has two sons at Elm School and helped organize the parent group "
        "Safe Routes Now, told the board it was wrong."
    )
    assert any(
        m[0] == "Ann Lee" and m[1].startswith("Safe Routes") for m in _memberships(extract(text))
    )


@pytest.mark.parametrize(
    "text",
    [
        "The bill is endorsed by the Metro Nurses Union and Riverbend Parents Alliance.",
        "The Granite State Farm Bureau and Upland Dairy Cooperative backed the bill.",
    ],
)
def test_two_organisations_joined_by_and_are_two(extract, text):
    holders = {c.subject.label for c in extract(text) if c.predicate == "supports"}
    assert len(holders) == 2 and all(" and " not in h for h in holders)


def test_a_state_legislator_is_no_member_of_a_state_department(extract):
    text = (
        "The governor was joined by the bill's lead sponsors, State Representative Ada Quist "
        "(D-Alden) and State Senator Lars Ebbing (R-Brill), along with students. The program "
        "will continue to be run by the State Department of Education."
    )
    assert _memberships(extract(text)) == {
        ("Ada Quist", "Democratic Party"),
        ("Lars Ebbing", "Republican Party"),
    }


def test_a_ballot_question_opening_a_sentence_is_a_law(analyse):
    analysis = analyse(
        "The council will decide next month.\n\nProposition 4 would add 3 cents per $100 of "
        "assessed value to property tax bills — about $20 a year for the median homeowner — "
        "and dedicate the money to park repairs. The Granite Taxpayers League opposes it."
    )
    opening = next(t for t in analysis.doc if t.text == "Proposition")
    assert analysis.names.at(opening).kind == "Issue"


def test_a_committee_name_cut_at_and_is_whole(extract):
    text = (
        "Senator Ada Quist (D-Del.), a member of the Senate Homeland Security and Governmental "
        "Affairs Committee, today introduced the Clean Gear Act."
    )
    assert ("Ada Quist", "Senate Homeland Security and Governmental Affairs Committee") in (
        _memberships(extract(text))
    )


@pytest.mark.parametrize(
    "text",
    [
        "“It keeps the pressure on the lenders and gives our farmers room,” said Sen. Ada Quist.",
        "I applaud the dozens of nurses who came to testify, said Sen. Ada Quist.",
        "“Today the Senate said so, and I am proud of every colleague who voted yes,” said "
        "Sen. Ada Quist.",
        "“The bill does not touch agreements for executives,” said Sen. Ada Quist.",
    ],
)
def test_who_bears_pressure_and_crowds_of_people_are_no_issue(extract, text):
    assert not [c for c in extract(text) if c.predicate in ("supports", "opposes", "proposes")]


def test_a_concern_for_a_good_is_not_opposition_to_it(extract):
    found = stances(extract("Ann Lee voiced concern about patient safety and the merger."))
    assert not [s for s in found if "safety" in s[2]]


def test_a_home_town_after_of_is_no_member(extract):
    text = (
        "They were joined by three Democrats — Reps. Ola Brint of Thornbury, Ida Cale of "
        "Gaskell and Earl Mott of Merriwether."
    )
    members = {m[0] for m in _memberships(extract(text))}
    assert "Gaskell" not in members and {"Ola Brint", "Ida Cale", "Earl Mott"} <= members


def test_an_office_of_something_before_a_name_is_the_role(extract):
    text = "Secretary of State Orrin Kalbfleisch, a Democrat, said the complaints were unfounded."
    roles = {(c.subject.label, c.object.label) for c in extract(text) if c.predicate == "holdsRole"}
    assert roles == {("Orrin Kalbfleisch", "Secretary of State")}


def test_an_office_of_something_glued_to_the_name_is_cut_off(extract):
    found = extract("Commissioner of Agriculture Ida Brant said the rule was fair.")
    roles = {(c.subject.label, c.object.label) for c in found if c.predicate == "holdsRole"}
    assert roles == {("Ida Brant", "Commissioner of Agriculture")}
