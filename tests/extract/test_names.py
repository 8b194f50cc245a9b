"""Canonical entities within a document and across the documents of a build."""

from __future__ import annotations

import pytest

from kg.extract import extract_articles
from kg.model import Article


def labels(claims):
    return {c.subject.label for c in claims} | {c.object.label for c in claims}


def test_surname_and_title_join_the_full_name(extract):
    claims = extract(
        "Mayor-elect Zohran Mamdani won. Mamdani opposes the plan. "
        "The mayor-elect also backs rent control."
    )
    subjects = {c.subject.key for c in claims}
    assert subjects == {"zohran_mamdani"}


def test_acronym_in_parentheses_is_an_alias(nlp):
    text = (
        "The New York City Police Department (NYPD) rejected the proposal. "
        "Later the NYPD criticized the council."
    )
    extraction = extract_articles([Article("a", text)], nlp)
    nypd = {c.subject for c in extraction.claims}
    assert len(nypd) == 1
    (entity,) = nypd
    assert entity.label == "New York City Police Department"
    assert "NYPD" in entity.aliases


def test_one_actor_across_documents_with_nicknames(nlp):
    articles = [
        Article("a", "Senator Chuck Schumer opposes the tariff bill."),
        Article("b", "Senator Charles Schumer praised the agreement."),
        Article("c", "Schumer criticized the ruling."),
    ]
    extraction = extract_articles(articles, nlp)
    schumers = {c.subject.key for c in extraction.claims if "Schumer" in c.subject.label}
    assert len(schumers) == 1
    people = [e for e in extraction.entities if "Schumer" in e.label]
    assert len(people) == 1 and {"Chuck Schumer", "Charles Schumer"} & {
        people[0].label,
        *people[0].aliases,
    }


def test_entity_keys_are_stable_slugs(nlp):
    text = "Governor Kathy Hochul opposes congestion pricing."
    first = extract_articles([Article("a", text)], nlp)
    second = extract_articles([Article("a", text)], nlp)
    assert [e.key for e in first.entities] == [e.key for e in second.entities]
    assert "kathy_hochul" in {e.key for e in first.entities}


def test_same_issue_in_other_words_is_one_entity(extract):
    claims = extract(
        "Senator Ann Lee opposes sanctuary city policies. "
        "Governor Tom Jones supports the sanctuary city policy."
    )
    targets = {c.object.key for c in claims if c.predicate in ("supports", "opposes")}
    assert len(targets) == 1


def test_headline_is_not_parsed_as_a_sentence(extract):
    text = "Lee Resolves Board Will Not Aid ICE\n\nSenator Ann Lee opposes the plan."
    claims = extract(text)
    assert {c.subject.label for c in claims} == {"Ann Lee"}
    assert all(c.provenance.start >= text.index("Senator") for c in claims)


def test_a_vague_issue_is_not_merged_across_documents(nlp):
    articles = [
        Article("a", "Governor Tom Jones supports the plan."),
        Article("b", "Senator Ann Lee opposes the plan."),
        Article("c", "Senator Ann Lee opposes congestion pricing."),
        Article("d", "Governor Tom Jones supports congestion pricing."),
    ]
    objects = {
        c.provenance.article: c.object
        for c in extract_articles(articles, nlp).claims
        if c.predicate in ("supports", "opposes")
    }
    assert objects["a"].label == objects["b"].label == "plan"
    assert objects["a"].key != objects["b"].key
    assert objects["c"].key == objects["d"].key == "congestion_pricing"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "The board supports Bill 31-12, which would require new homes to be electric.",
            "Bill 31-12",
        ),
        ("“I support House Bill 771,” said Rep. Maria Garcia.", "House Bill 771"),
        (
            "Rep. Maria Garcia voted against the Fair Prices at the Pump Act on Monday.",
            "Fair Prices at the Pump Act",
        ),
    ],
)
def test_a_law_keeps_its_whole_name(extract, text, label):
    assert label in {c.object.label for c in extract(text) if c.object.kind == "Issue"}


def test_a_hyphenated_surname_stays_whole(extract):
    claims = extract(
        "Union President Marisol Penhaligon-Obst praised the harbor bill. "
        "Penhaligon-Obst said the harbor bill protects dock workers."
    )
    assert {c.subject.label for c in claims} == {"Marisol Penhaligon-Obst"}


def test_a_role_in_apposition_makes_a_name_a_person(extract):
    claims = extract("The group’s research director, Tavish Ormonde, opposes the mileage tax.")
    roles = {(c.subject.label, c.subject.kind, c.object.label) for c in claims}
    assert ("Tavish Ormonde", "Person", "research director") in roles


def test_an_abbreviated_title_before_a_name_is_its_role(extract):
    claims = extract("The guild’s president, Sgt. Colm Ashgrove, opposes the overtime cap.")
    assert ("Colm Ashgrove", "holdsRole", "Sergeant") in {
        (c.subject.label, c.predicate, c.object.label) for c in claims
    }
    assert "Sgt" not in {c.subject.label for c in claims}


def test_a_place_in_a_party_tag_is_not_an_actor(extract):
    claims = extract(
        "Rep. Orla Fenwick (D-Brookhaven), who chairs the panel, opposes the toll plan."
    )
    subjects = {c.subject.label for c in claims}
    assert "Brookhaven" not in subjects
    assert ("Orla Fenwick", "opposes", "toll plan") in {
        (c.subject.label, c.predicate, c.object.label) for c in claims
    }


def test_law_names_are_whole(extract):
    claims = extract(
        "Senator Ada Quell supports Bill 31-07. "
        "Senator Ada Quell opposes House Bill 902. "
        "Senator Ada Quell introduced the Fair Wages at the Dock Act."
    )
    objects = {c.object.label for c in claims if c.subject.label == "Ada Quell"}
    assert {"Bill 31-07", "House Bill 902", "Fair Wages at the Dock Act"} <= objects


def test_a_title_inside_a_name_the_recogniser_took_for_an_organisation(extract):
    claims = extract(
        "Harbor Board Chair Wilhelmina Otterbein backs the pier levy. "
        "The board should reject the pier levy, the editors wrote."
    )
    found = {(c.subject.label, c.predicate, c.object.label) for c in claims}
    assert ("Wilhelmina Otterbein", "holdsRole", "Harbor Board Chair") in found
    assert not any("Chair" in s for s, _, _ in found)
    assert ("Wilhelmina Otterbein", "opposes", "pier levy") not in found


def test_a_numbered_bill_taken_for_a_man_named_bill_is_a_law(extract):
    claims = extract("Senate Bill 417, sponsored by Sen. Oriel Vantongeren, caps ferry fares.")
    found = {(c.subject.label, c.predicate, c.object.label) for c in claims}
    assert ("Oriel Vantongeren", "proposes", "Senate Bill 417") in found
    assert all(c.object.label != "Bill 417" for c in claims)


def test_committee_names_cut_at_and_are_whole(extract):
    claims = extract(
        "Rep. Lysander Quayle-Ortiz, a member of the House Committee on Energy and the Coast, "
        "introduced a levy bill. The bill cleared the Harbor Safety and Shipping Committee."
    )
    members = {c.object.label for c in claims if c.predicate == "memberOf"}
    assert "House Committee on Energy and the Coast" in members


def test_a_name_the_recogniser_missed_before_a_party_tag_is_a_person(nlp):
    from spacy.tokens import Span

    from kg.extract.analysis.names import find_names
    from kg.extract.lexicon import default_lexicon

    doc = nlp("The co-sponsors are Reps. Ada Quell (R-Ariz.) and Dolores Vanterpool (R-Fla.).")
    ada = next(t.i for t in doc if t.text == "Ada")
    doc.ents = [Span(doc, ada, ada + 2, label="PERSON")]  # the recogniser saw one name only
    names = find_names(doc, default_lexicon())
    people = {m.text for m in names.mentions if m.kind == "Person"}
    assert people == {"Ada Quell", "Dolores Vanterpool"}
    assert names.party_of["dolores_vanterpool"] == "Republican Party"


def test_a_hyphenated_surname_the_recogniser_missed_is_the_person(nlp):
    from kg.extract.analysis import analyze
    from kg.extract.lexicon import default_lexicon

    text = (
        "Representative Oona Fairbairn-Tosh wrote the bill.\n\n"
        "Fairbairn-Tosh (R-Lynnfield), who chairs the Ways Committee, spoke first."
    )
    doc = nlp(text)
    doc.ents = [e for e in doc.ents if e.start_char < text.index("\n")]  # the surname missed
    analysis = analyze(Article("a", text), doc, default_lexicon())
    surname = [t for t in doc if t.text == "Fairbairn"][1]
    assert analysis.names.at(surname).label == "Oona Fairbairn-Tosh"
    tag = next(t for t in doc if t.text == "Lynnfield")
    assert analysis.names.at(tag).label == "Oona Fairbairn-Tosh"  # the party tag is hers


def test_a_surname_tagged_as_a_common_noun_is_the_person_named_before(extract):
    text = (
        "House Bill 9, sponsored by Rep. Anders Greaves, R-Quarrytown, would allow riders to "
        "go without helmets. Before the final vote, the House rejected, 40-59, an amendment "
        "from Rep. Wilma Caddick, D-Pellsford, that would have raised the insurance "
        "requirement. Greaves spoke against the amendment, saying it would make the "
        "exemption meaningless for working riders."
    )
    found = {(c.subject.label, c.predicate) for c in extract(text) if c.rule == "cue.verb"}
    assert ("Anders Greaves", "opposes") in found
