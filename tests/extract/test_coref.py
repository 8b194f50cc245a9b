"""Who and what a word stands for: lists of names, "it" after a vote, inverted subjects."""

from __future__ import annotations


def triples(claims):
    return {(c.subject.label, c.predicate, c.object.label) for c in claims}


def test_a_plural_spelled_out_by_names_gives_each_name(extract):
    claims = extract(
        "The Harlow board debated the ferry rezoning for hours. "
        "Three trustees, Oona Crestfield, Pim Varga and Dov Ekwueme, voted against it."
    )
    found = triples(claims)
    for name in ("Oona Crestfield", "Pim Varga", "Dov Ekwueme"):
        assert (name, "opposes", "ferry rezoning") in found
    assert not any(o == "Harlow board" for _, _, o in found)


def test_voting_for_it_were_names_the_voters(extract):
    claims = extract(
        "The Harlow board took up the ferry rezoning on Monday. "
        "Voting for the rezoning were trustees Oona Crestfield, Pim Varga and Dov Ekwueme."
    )
    found = triples(claims)
    for name in ("Oona Crestfield", "Pim Varga", "Dov Ekwueme"):
        assert (name, "supports", "ferry rezoning") in found


def test_it_after_a_vote_is_the_measure_not_an_organisation(extract):
    claims = extract(
        "The county commission held a hearing on the landfill levy. "
        "Commissioner Ines Marwick voted against it."
    )
    found = triples(claims)
    assert ("Ines Marwick", "opposes", "landfill levy") in found
    assert ("Ines Marwick", "opposes", "county commission") not in found


def test_it_after_a_backing_verb_is_the_measure(extract):
    claims = extract(
        "The county proposed a landfill levy in May. "
        "Supervisor Ines Marwick said she backs it because it funds recycling."
    )
    assert ("Ines Marwick", "supports", "landfill levy") in triples(claims)


def test_a_place_that_locates_people_is_not_the_actor(extract):
    claims = extract(
        "The Transit Board approved the tram grant. "
        "“Brindle County commuters are not asking for a tram. They want a bus lane.”"
    )
    stance_subjects = {
        c.subject.label for c in claims if c.predicate not in ("holdsRole", "memberOf")
    }
    assert "Brindle County" not in stance_subjects
    assert ("Transit Board", "supports", "bus lane") not in triples(claims)


def test_a_capital_at_the_start_of_a_sentence_is_no_name(nlp):
    from kg.extract.analysis import analyze, mask_datelines
    from kg.extract.lexicon import default_lexicon
    from kg.model import Article

    text = "Groups that favor lower fares criticized the move."
    analysis = analyze(Article("a", text), nlp(mask_datelines(text)), default_lexicon())
    assert "Groups" not in {e.label for e in analysis.names.mention_entities}


def test_an_unlabelled_agency_name_joined_by_and(nlp):
    from kg.extract.analysis import analyze, mask_datelines
    from kg.extract.lexicon import default_lexicon
    from kg.model import Article

    text = (
        "Orchard Valley Parks and Recreation Services (OVPRS) announced a new permit rule. "
        "OVPRS said the permit rule takes effect in May."
    )
    analysis = analyze(Article("a", text), nlp(mask_datelines(text)), default_lexicon())
    labels = {e.label: e.kind for e in analysis.names.mention_entities}
    assert any("Recreation Services" in label for label in labels)


def test_the_bill_is_not_a_law_someone_only_quoted(extract):
    claims = extract(
        "“I swore an oath to the Harbor Charter,” Sheriff Ivo Brannagh said. "
        "Gov. Lise Oyelaran, who signed the measure in May, disagreed. "
        "The law, House Bill 77, bans the kits."
    )
    assert ("Lise Oyelaran", "supports", "Harbor Charter") not in triples(claims)


def test_it_after_a_thing_named_as_subject_is_that_thing(nlp):
    from kg.extract.analysis import analyze, mask_datelines
    from kg.extract.lexicon import default_lexicon
    from kg.model import Article

    text = (
        "The Harbor Committee wrote the rule. "
        "If a refinery misses a deadline, it would have to file a plan with the state."
    )
    doc = nlp(mask_datelines(text))
    analysis = analyze(Article("a", text), doc, default_lexicon())
    it = next(t for t in doc if t.lower_ == "it")
    assert analysis.actor(it) is None
