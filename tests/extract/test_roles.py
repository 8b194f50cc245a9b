"""roles.v1: titles, appositions and party tags become holdsRole / memberOf."""

from __future__ import annotations

import pytest


def relations(claims):
    return {
        (c.subject.label, c.predicate, c.object.label)
        for c in claims
        if c.predicate in ("holdsRole", "memberOf")
    }


def test_title_with_organisation_acronym(extract):
    text = (
        "The New York City Police Department (NYPD) has a new chief. "
        "NYPD Commissioner Jessica Tisch spoke on Monday."
    )
    assert relations(extract(text)) == {
        ("Jessica Tisch", "holdsRole", "NYPD Commissioner"),
        ("Jessica Tisch", "memberOf", "New York City Police Department"),
    }


def test_hyphenated_and_lower_case_titles(extract):
    text = "Mayor-elect Zohran Mamdani met border czar Tom Homan."
    assert relations(extract(text)) == {
        ("Zohran Mamdani", "holdsRole", "Mayor-elect"),
        ("Tom Homan", "holdsRole", "border czar"),
    }


def test_abbreviated_title_and_party_tag(extract):
    text = "Rep. Alexandria Ocasio-Cortez (D-N.Y.) criticized the bill."
    assert relations(extract(text)) == {
        ("Alexandria Ocasio-Cortez", "holdsRole", "Representative"),
        ("Alexandria Ocasio-Cortez", "memberOf", "Democratic Party"),
    }


def test_apposition_role(extract):
    text = "The United Nations met on Monday. Kofi Annan, the UN secretary, rejected the plan."
    found = relations(extract(text))
    assert ("Kofi Annan", "holdsRole", "UN secretary") in found
    assert ("Kofi Annan", "memberOf", "United Nations") in found


def test_role_claims_carry_their_evidence(extract):
    text = "Governor Kathy Hochul signed the bill."
    (claim,) = [c for c in extract(text) if c.predicate == "holdsRole"]
    assert claim.provenance.sentence == text
    assert claim.provenance.extractor == "roles.v1"


def test_party_apposition(extract):
    text = "Representative Josh Gottheimer, a Democrat from New Jersey, introduced the bill."
    assert ("Josh Gottheimer", "memberOf", "Democratic Party") in relations(extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sen. Chuck Schumer, D-N.Y., said he opposes the tariffs.",
            {
                ("Chuck Schumer", "holdsRole", "Senator"),
                ("Chuck Schumer", "memberOf", "Democratic Party"),
            },
        ),
        (
            "Democratic Rep. Jamie Raskin criticized the ruling.",
            {
                ("Jamie Raskin", "holdsRole", "Representative"),
                ("Jamie Raskin", "memberOf", "Democratic Party"),
            },
        ),
        (
            "Eric Adams, the mayor of New York, defended the budget.",
            {("Eric Adams", "holdsRole", "mayor of New York")},
        ),
    ],
)
def test_party_words_and_titles_after_the_name(extract, text, expected):
    assert relations(extract(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a role noun outside the title list, with the organisation after "with"
            "Mara Quell, an organizer with the Harbor Tenants Union, spoke at the rally.",
            {
                ("Mara Quell", "holdsRole", "organizer"),
                ("Mara Quell", "memberOf", "Harbor Tenants Union"),
            },
        ),
        (  # the role before the name, owned by "its" organisation named just before
            "Ellis thanked the Northfield Grocers Association and its executive director, "
            "Tobias Renn, for their help.",
            {
                ("Tobias Renn", "holdsRole", "executive director"),
                ("Tobias Renn", "memberOf", "Northfield Grocers Association"),
            },
        ),
        (  # "ranking member of" a committee: a role, and a membership
            "Senator Ilse Varga (D-Vt.), ranking member of the Senate Subcommittee on "
            "Forestry, issued a statement.",
            {
                ("Ilse Varga", "holdsRole", "Senator"),
                ("Ilse Varga", "memberOf", "Democratic Party"),
                (
                    "Ilse Varga",
                    "holdsRole",
                    "ranking member of Senate Subcommittee on Forestry",
                ),
                ("Ilse Varga", "memberOf", "Senate Subcommittee on Forestry"),
            },
        ),
        (  # a plain "member of" is only a membership
            "Dov Aster, a member of the Coastal Fisheries Board, voted no.",
            {("Dov Aster", "memberOf", "Coastal Fisheries Board")},
        ),
        (  # "who chairs" gives the chair
            "Council member Petra Lund, who chairs the Parks Committee, said she would wait.",
            {
                ("Petra Lund", "holdsRole", "Council member"),
                ("Petra Lund", "holdsRole", "Chair"),
                ("Petra Lund", "memberOf", "Parks Committee"),
            },
        ),
        (  # a former office and a relation to others are no role
            "Nils Orban, a former mayor, and his neighbor, Ruth Sand, attended.",
            set(),
        ),
        (  # owning a named business is a role; owning "a diner" is not
            "Gus Pell, who owns a diner, met Ada Roe, who owns Roe Freight Inc.",
            {
                ("Ada Roe", "holdsRole", "owner"),
                ("Ada Roe", "memberOf", "Roe Freight Inc."),
            },
        ),
    ],
)
def test_roles_from_any_apposition(extract, text, expected):
    assert relations(extract(text)) == expected


def test_a_bare_chamber_word_is_no_membership(extract):
    text = "Senate Majority Leader Olga Brandt scheduled a vote."
    assert relations(extract(text)) == {("Olga Brandt", "holdsRole", "Senate Majority Leader")}


def _triples(claims):
    return {(c.subject.label, c.predicate, c.object.label) for c in claims}


def test_a_role_set_off_before_the_name(extract):
    claims = extract(
        "According to the league’s policy director, Ysolde Brannock-Tie, the fee is too high."
    )
    assert ("Ysolde Brannock-Tie", "holdsRole", "policy director") in _triples(claims)


def test_a_party_noun_set_off_before_the_name(extract):
    claims = extract(
        "The levy is backed by 12 Democrats and one Republican, Sen. Corwin Altamira of Utah."
    )
    assert ("Corwin Altamira", "memberOf", "Republican Party") in _triples(claims)


def test_a_party_noun_spelled_out_by_a_list_of_names(extract):
    claims = extract(
        "The bill passed with the votes of three Democrats — Reps. Anouk Vell of Nebraska, "
        "Bram Oteiza of Ohio and Cyra Penwarden of Maine — who broke with their party."
    )
    found = _triples(claims)
    for name in ("Anouk Vell", "Bram Oteiza", "Cyra Penwarden"):
        assert (name, "memberOf", "Democratic Party") in found


def test_the_group_is_the_organisation_named_just_before(extract):
    claims = extract(
        "The Gravel Pit Coalition sued the Port Authority on Monday. "
        "The Coalition for Open Piers was not part of the suit. "
        "The plan is opposed by the Halvorsen Street Tenants League. "
        "According to the group’s organizer, Idris Fenwood-Lake, the plan is too costly."
    )
    found = _triples(claims)
    assert ("Idris Fenwood-Lake", "memberOf", "Halvorsen Street Tenants League") in found


OPED = """Opinion | Staff the wards

By Ilsa Penhallow

Ilsa Penhallow is a pediatric nurse at Cobble Hill Hospital and serves on the board of the \
Ohio Pediatric Nurses Association.

I have worked nights for 20 years. The Ohio Pediatric Nurses Association, of which I am a \
member, has asked the board to act.
"""


def test_of_which_i_am_a_member_is_the_authors_membership(extract):
    claims = [c for c in extract(OPED) if c.rule == "roles.member_clause"]
    assert {(c.subject.label, c.object.label) for c in claims} == {
        ("Ilsa Penhallow", "Ohio Pediatric Nurses Association")
    }


def test_a_byline_name_the_recogniser_misses_is_still_the_author(nlp):
    from kg.extract.analysis.bylines import byline_person
    from kg.extract.analysis.names import find_names
    from kg.extract.lexicon import default_lexicon

    assert byline_person("Opinion | Title\n\nBy Ilsa Penhallow, guest writer\n\nText.") == (
        "Ilsa Penhallow"
    )
    assert byline_person("By the Editorial Board, The Harbor Times\n\nText.") is None
    doc = nlp("Penhallow is a pediatric nurse.")
    names = find_names(doc, default_lexicon(), people=("Ilsa Penhallow",))
    assert names.at(doc[0]).label == "Ilsa Penhallow"


def test_a_party_apposition_on_a_description_is_the_persons(extract):
    text = (
        "Mayor Greta Solberg proposed a levy on Monday. "
        "The mayor, a Democrat serving her first term, said the levy is overdue."
    )
    assert ("Greta Solberg", "memberOf", "Democratic Party") in relations(extract(text))


def test_for_after_an_owned_title_is_a_portfolio(extract):
    text = (
        "The agency's Assistant Secretary for Fair Lending and Credit Access, Ona Pike, "
        "said the bank broke the law."
    )
    members = {o for _, p, o in relations(extract(text)) if p == "memberOf"}
    assert not any("Lending" in o for o in members)


def test_a_committee_name_the_recogniser_cut_at_and(extract):
    text = (
        "Rep. Uma Dace (D-Salem), ranking member of the House Rivers and Coastal Lands "
        "Committee, said she opposes the dam."
    )
    assert ("Uma Dace", "memberOf", "House Rivers and Coastal Lands Committee") in relations(
        extract(text)
    )


def test_pro_tem_is_part_of_the_title(extract):
    found = relations(extract("Senate President Pro Tem Ulla Brandt (R-Dale) said no."))
    assert {s for s, _, _ in found} == {"Ulla Brandt"}


def test_a_group_calling_itself_a_name_is_that_organisation(extract):
    claims = extract(
        "A group of nurses calling itself Nurses for Safe Staffing says the plan is reckless. "
        "Its organizer, Pia Lund, spoke Monday."
    )
    assert ("Pia Lund", "memberOf", "Nurses for Safe Staffing") in relations(claims)
    assert "nurses" not in {c.subject.label for c in claims}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a plural title before two names gives each the role
            "The vote was 3-2. Commissioners Hugo Lamb and Dana Pike dissented.",
            {
                ("Hugo Lamb", "holdsRole", "Commissioner"),
                ("Dana Pike", "holdsRole", "Commissioner"),
            },
        ),
        (  # party tags that break the parse of the pair
            "WASHINGTON – Today, U.S. Senators Mara Quill (D-Vt.) and Otto Brand (R-W.Va.) "
            "introduced the Fair Bus Fares Act.",
            {
                ("Mara Quill", "holdsRole", "U.S. Senator"),
                ("Otto Brand", "holdsRole", "U.S. Senator"),
                ("Mara Quill", "memberOf", "Democratic Party"),
                ("Otto Brand", "memberOf", "Republican Party"),
            },
        ),
        (  # an abbreviated plural title, its period split off by the tokenizer
            "The levy failed. Voting no were Sens. Mara Quill (R-Dell) and Otto Brand (R-Kent).",
            {("Mara Quill", "holdsRole", "Senator"), ("Otto Brand", "holdsRole", "Senator")},
        ),
    ],
)
def test_a_plural_title_gives_each_name_the_role(extract, text, expected):
    assert relations(extract(text)) >= expected
