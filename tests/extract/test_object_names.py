"""Whole names of organisations, people and laws, and memberships from titles
and appositions: what a claim is about, and who it is by."""

from __future__ import annotations

import pytest

from kg.extract.labels import issue_from_tokens
from tests.extract.conftest import stances


def relations(claims):
    return {
        (c.subject.label, c.predicate, c.object.label)
        for c in claims
        if c.predicate in ("holdsRole", "memberOf")
    }


def names(analysis):
    return {m.text for m in analysis.names.mentions}


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Pilots for Safer Runways, a trade group, criticized the rule.",
            "Pilots for Safer Runways",
        ),
        (
            "Doctors for Cleaner Wells, a coalition of physicians, criticized it.",
            "Doctors for Cleaner Wells",
        ),
        ("Americans for Honest Ledgers opposed the bill.", "Americans for Honest Ledgers"),
        ("Later the Campaign for Quiet Harbors praised the vote.", "Campaign for Quiet Harbors"),
    ],
)
def test_organisation_named_for_its_purpose_is_whole(analyse, text, name):
    assert name in names(analyse(text))


def test_support_for_a_name_is_no_organisation(analyse):
    found = names(analyse("Support for Clean Rivers Alliance grew last year."))
    assert not any(n.startswith("Support") for n in found)


def test_purpose_named_group_holds_the_stance_and_its_members_belong_to_it(extract):
    claims = extract(
        "Pilots for Safer Runways, the trade group representing regional carriers, "
        "criticized the rule. The group’s chief executive, Orla Brennick, said the agency "
        "had solved nothing."
    )
    assert ("Pilots for Safer Runways", "criticizes", "rule") in {
        (s, p, o) for s, p, o, *_ in stances(claims)
    }
    assert ("Orla Brennick", "memberOf", "Pilots for Safer Runways") in relations(claims)


def test_hyphenated_law_name_keeps_its_first_word(nlp):
    doc = nlp("The council passed the Any-Hour Pharmacy Act on Monday.")
    assert issue_from_tokens(list(doc[4:9])).label == "Any-Hour Pharmacy Act"


def test_listed_committee_name_is_whole(analyse):
    text = (
        "The Senate Fisheries, Forests, Parks and Trails Committee has not met. "
        "Its chairman, Sen. Ulla Brant (R-Ind.), said he is skeptical."
    )
    assert "Senate Fisheries, Forests, Parks and Trails Committee" in names(analyse(text))


def test_list_of_people_before_a_committee_stays_apart(analyse):
    found = names(analyse("Ann Lee, Tom Pike and Budget Committee members met on Monday."))
    assert {"Ann Lee", "Tom Pike"} <= found


def test_office_name_keeps_its_owner(analyse):
    found = names(analyse("The Vermont Attorney General’s Office protects consumers."))
    assert "Vermont Attorney General’s Office" in found


@pytest.mark.parametrize("name", ["Nadia Ozor-Lind", "Greta Mbatha-Holm"])
def test_hyphenated_surname_with_party_tag_and_title(extract, name):
    claims = extract(f"Committee Chair {name} (D-Tarnby) called the bill a triumph.")
    assert relations(claims) == {
        (name, "holdsRole", "Committee Chair"),
        (name, "memberOf", "Democratic Party"),
    }


def test_phrase_of_the_verb_before_a_name_gives_no_role(extract):
    claims = extract("Under the city’s charter, Orrin Bexley could not veto the vote.")
    assert relations(claims) == set()


def test_role_set_off_before_a_name_is_the_whole_phrase(extract):
    claims = extract("Her rival across the border, Mayor Dario Quillfeather, said no.")
    assert relations(claims) == {("Dario Quillfeather", "holdsRole", "Mayor")}


def test_role_after_according_to(extract):
    claims = extract(
        "According to the group’s legal director, Ana Mott, the delay costs families money."
    )
    assert ("Ana Mott", "holdsRole", "legal director") in relations(claims)


def test_a_persons_spokesman_is_no_member_of_an_organisation_named_before(extract):
    claims = extract(
        "Asked whether the governor would accept a version limited to Tricare applicants, "
        "his press aide, Piet Kowal, said no."
    )
    assert not {r for r in relations(claims) if r[1] == "memberOf"}


@pytest.mark.parametrize(
    "text",
    [
        "County Executive Marcus Falkner opposes Proposition 9 and has floated an alternative.",
    ],
)
def test_title_taken_for_an_organisation_gives_no_membership(extract, text):
    assert not {r for r in relations(extract(text)) if r[1] == "memberOf" and "Party" not in r[2]}


def test_portfolio_in_a_title_is_the_department_named_in_full(extract):
    claims = extract(
        "The U.S. Department of Labor issued a rule. “No worker should wait,” "
        "Labor Secretary Ana Mott said."
    )
    assert ("Ana Mott", "memberOf", "U.S. Department of Labor") in relations(claims)
