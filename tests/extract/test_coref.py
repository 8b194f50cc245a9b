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
        assert (name, "supports", "rezoning") in found


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
