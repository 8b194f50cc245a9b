"""Holders that are several named actors, or none: "the two firms", "groups that …"."""

from __future__ import annotations


def triples(claims):
    return {(c.subject.label, c.predicate, c.object.label) for c in claims}


def subjects(claims):
    return {c.subject.label for c in claims if c.predicate not in ("holdsRole", "memberOf")}


def test_a_counted_plural_speaker_is_each_member(extract):
    claims = extract(
        "The ferry levy would apply to companies such as Bluegill Lines and Portwell Marine. "
        "In a joint letter, the two companies said they oppose the ferry levy."
    )
    found = triples(claims)
    assert ("Bluegill Lines", "opposes", "ferry levy") in found
    assert ("Portwell Marine", "opposes", "ferry levy") in found
    assert "companies" not in subjects(claims)


def test_both_with_a_person_noun_is_the_two_people_named_last(extract):
    claims = extract(
        "Sen. Corla Vantreese and Sen. Odo Pelham toured the Wexmoor dam on Friday. "
        "Both senators oppose the dam expansion."
    )
    found = triples(claims)
    assert ("Corla Vantreese", "opposes", "dam expansion") in found
    assert ("Odo Pelham", "opposes", "dam expansion") in found


def test_a_count_with_too_few_names_stays_a_description(extract):
    claims = extract("Brevik Tools praised the plan. The three companies oppose the tariff.")
    assert not any(s.startswith("Brevik Tools and") for s in subjects(claims))
    assert ("Brevik Tools", "opposes", "tariff") not in triples(claims)


def test_unnamed_groups_are_the_organisation_the_next_sentence_names(extract):
    claims = extract(
        "The county approved the quarry permit on Monday. "
        "Groups that oppose new quarries criticized the permit. "
        "The Ashgrove Rivers Alliance said it would appeal."
    )
    found = triples(claims)
    assert ("Ashgrove Rivers Alliance", "criticizes", "quarry permit") in found or (
        "Ashgrove Rivers Alliance",
        "criticizes",
        "permit",
    ) in found
    assert "Groups" not in subjects(claims)


def test_unnamed_groups_with_no_name_after_them_hold_nothing(extract):
    claims = extract("Advocacy groups praised the quarry permit.")
    assert not any("groups" in s.lower() for s in subjects(claims))


def test_a_described_company_is_the_one_named_next(extract):
    claims = extract(
        "A chemical company sued Dunmore County on Monday to block the discharge limit. "
        "Ashgrove Solvents, which makes industrial cleaners, says the limit is unlawful."
    )
    stance_subjects = subjects(claims)
    assert "Ashgrove Solvents" in stance_subjects
    assert "chemical company" not in stance_subjects


def test_a_described_group_with_no_name_after_it_stays_a_holder(extract):
    claims = extract("A wildlife protection group protested the quarry permit on Monday.")
    assert any("group" in s for s in subjects(claims))


def test_a_company_name_the_recogniser_took_for_a_person(nlp):
    from spacy.tokens import Span

    from kg.extract.analysis.names import find_names
    from kg.extract.lexicon import default_lexicon

    doc = nlp("Orvane Therapeutics argues that the cap is unlawful.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    names = find_names(doc, default_lexicon())
    assert [(m.text, m.kind) for m in names.mentions] == [("Orvane Therapeutics", "Organization")]


def test_the_one_thanked_for_her_work_in_fighting_for_it_fights_for_it(extract):
    claims = extract(
        "“I thank Councilor Pia Redd for her leadership in fighting for the bus lanes "
        "our riders need,” Mayor Ines Calloway said."
    )
    found = triples(claims)
    assert any(s == "Pia Redd" and p == "supports" for s, p, _ in found)
    assert not any(s == "Ines Calloway" and p == "supports" for s, p, _ in found)


def test_a_past_verb_cannot_share_would_with_the_verb_it_is_joined_to(extract):
    claims = extract(
        "Police Chief Ada Vrell said the department would cooperate but defended her deputies."
    )
    found = triples(claims)
    assert not any(s != "Ada Vrell" and p == "supports" for s, p, _ in found)


def test_opponents_led_by_a_named_group_are_that_group(analyse):
    analysis = analyse(
        "Opponents, led by the group Save Alder Park, claim the levy will ruin the park."
    )
    assert [r.entity.label for r in analysis.actors(analysis.doc[0])] == ["Save Alder Park"]


def test_firms_such_as_two_names_are_each_of_them(extract):
    claims = extract("Firms such as Ardent Freight and Polk Haulage oppose the levy.")
    found = triples(claims)
    assert ("Ardent Freight", "opposes", "levy") in found
    assert ("Polk Haulage", "opposes", "levy") in found


def test_ballot_measures_are_laws(nlp):
    from kg.extract.analysis.names import find_names
    from kg.extract.lexicon import default_lexicon

    doc = nlp("We oppose Measure K. Voters should pass Proposition 12 and reject Question 3.")
    names = find_names(doc, default_lexicon())
    assert {(m.text, m.kind) for m in names.mentions} >= {
        ("Measure K", "Issue"),
        ("Proposition 12", "Issue"),
        ("Question 3", "Issue"),
    }
