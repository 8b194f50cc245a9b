"""Classes 2 and 7 of issue 6: whose stance a clause is, and words that look
like stances but are none."""

from __future__ import annotations

import pytest

from tests.extract.conftest import stances


@pytest.mark.parametrize(
    "text",
    [
        "The agency posted supporting documents on Tuesday.",
        "The opposition leader, Rafael Dunn, spoke to reporters about the harbor plan.",
        "The new ferry supports up to 40 passengers, said Mayor Lin Adeyemi.",
        "Mayor Lin Adeyemi declined to comment on the harbor plan.",
        "Does Mayor Lin Adeyemi support the harbor plan?",
        "Governor Ruth Baines asked whether the council supports the toll.",
        "“Some say we should scrap the harbor plan. They are wrong,” said Mayor Lin Adeyemi.",
        # rallying people is no policy stance
        "The Harbor League has urged its members to call legislators this week.",
        "“We would have passed the levy in a day if he had called us back,” "
        "Sen. Laura Becker said.",
        # not committing is being undecided; a possessor's objection is not the speaker's
        "The Dover Port Authority has not committed to the ferry terminal.",
        "The utility’s objection to the Clean Ponds Act is about its customers, Daniel Ortiz said.",
        # a step of a process is no policy
        "The Harbor Agency is accepting public comments on the proposed rule through May 9.",
        # a supposition in an if-clause is nobody's stance
        "The mayor said the levy would start in May if the City Council approves it.",
        "“If we want more ferries, run the boats more often,” said Mayor Lin Adeyemi.",
    ],
)
def test_distractors_make_no_stance(extract, text):
    assert not stances(extract(text))


def test_a_clause_with_its_own_subject_is_not_the_speakers_stance(extract):
    claims = extract(
        "“The towers that block the river views anger residents,” said Mayor Lin Adeyemi."
    )
    assert not any(c.object.label == "river views" for c in claims)


def test_what_a_speaker_says_must_be_done_is_their_stance(extract):
    found = stances(extract("Rep. Maria Garcia said that the city must reject the proposal."))
    assert found == {("Maria Garcia", "opposes", "proposal", -1, "Maria Garcia")}


def test_not_opposing_is_not_support(extract):
    assert not stances(extract("“I do not oppose the ferry levy,” said Mayor Lin Adeyemi."))


def test_a_dated_dateline_is_not_the_speaker(extract):
    claims = extract(
        "DOVER, Del. (May 2, 2024) – Senator Mara Quince issued the following statement:\n\n"
        "“I will not support the ferry levy.”"
    )
    assert ("Mara Quince", "opposes", "ferry levy", -1, "Mara Quince") in stances(claims)


def test_a_conditional_commitment_is_a_stance(extract):
    """The main clause of a conditional commits its holder; only the condition does not."""
    found = stances(
        extract("Rep. Maria Garcia said she would vote against the levy unless it is capped.")
    )
    assert ("Maria Garcia", "opposes", "levy", -1, "Maria Garcia") in found


def test_urging_an_action_supports_it(extract):
    found = {
        s[:4]
        for s in stances(extract("The Harbor Owners Council urged Congress to overturn the rule."))
    }
    assert found == {
        ("Harbor Owners Council", "opposes", "rule", -1),
        ("Harbor Owners Council", "supports", "overturning rule", 1),
    }


def test_what_someone_should_do_is_the_speakers_wish(extract):
    found = {
        s[:3]
        for s in stances(
            extract("“The commission should reject the levy,” said Mayor Laura Becker.")
        )
    }
    assert found == {("Laura Becker", "opposes", "levy")}


def test_asking_another_to_co_sponsor_a_bill_supports_it(extract):
    found = {
        s[:3]
        for s in stances(
            extract(
                "“I have asked Rep. Laura Becker to co-sponsor the Clean Ponds Act,” "
                "said Daniel Ortiz."
            )
        )
    }
    assert found == {("Daniel Ortiz", "supports", "Clean Ponds Act")}


@pytest.mark.parametrize(
    "text",
    [
        # a stance only weighed is not held
        "Trustee Ken Marr said he had considered supporting the amendment but concluded "
        "that it could not be enforced.",
        "Trustee Ken Marr is weighing backing the levy.",
        # words that name no issue
        "“Lena Quarrington and I don’t agree on much,” said Mayor Tom Hale.",
        "“When the storm hits, the first thing I want is a working pump,” said Ada Roe.",
        # the people asked to do something are not what is supported
        "“We keep asking the nurses who do this work to subsidize the whole system with "
        "their low pay,” said Sen. Ada Roe.",
    ],
)
def test_weighed_stances_and_vague_objects_make_no_stance(extract, text):
    assert not {s for s in stances(extract(text)) if s[1] in ("supports", "opposes")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the proposal one fights against is not one's own: opposing it
            "Senator Ivy Dane led the fight against the 2024 proposal to cut Meals on Wheels "
            "funding by 10 percent.",
            ("Ivy Dane", "opposes", "cutting Meals on Wheels funding", -1),
        ),
        (
            "Senator Ivy Dane led the fight for a higher minimum wage.",
            ("Ivy Dane", "supports", "higher minimum wage", 1),
        ),
    ],
)
def test_leading_the_fight_for_or_against(extract, text, expected):
    found = {s[:4] for s in stances(extract(text))}
    assert expected in found
    assert not any(s[1] == "proposes" for s in found)
