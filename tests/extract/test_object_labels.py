"""What a stance is about, in the reader's words: the action's own object and the
phrase that says what it is for, not the verb of beginning, a date or a sum."""

from __future__ import annotations

from tests.extract.conftest import stances


def triples(claims):
    return {(s, p, o) for s, p, o, *_ in stances(claims)}


def test_proposed_action_after_a_date_is_the_action(extract):
    claims = extract(
        "Orrin Bexley, a Democrat, on Monday proposed charging a $3 toll on the old Granby "
        "Bridge to finance its repair."
    )
    found = triples(claims)
    assert ("Orrin Bexley", "proposes", "charging $3 toll on old Granby Bridge") in found
    assert not {t for t in found if t[2] == "Monday" or t[1] == "criticizes"}


def test_what_a_rule_bars_people_from_stays_in_the_label(extract):
    claims = extract(
        "The Tarnby school board voted 6-2 on Tuesday to require every district to bar "
        "students from using cellphones during class."
    )
    objects = {o for _, p, o in triples(claims) if p == "supports"}
    assert any("from using cellphones" in o for o in objects)


def test_what_is_begun_is_the_action_and_what_it_is_for(extract):
    claims = extract(
        "The Tarnby Ratepayers League, a residents’ group, said it would begin collecting "
        "signatures for a referendum to overturn the vote."
    )
    assert (
        "Tarnby Ratepayers League",
        "proposes",
        "collecting signatures for referendum",
    ) in triples(claims)


def test_a_bill_brought_up_for_a_vote_keeps_what_for(extract):
    claims = extract(
        "Assembly Speaker Rena Oji, D-Henderson, said she would bring the bill up for an "
        "override vote but stopped short of predicting the outcome."
    )
    assert ("Rena Oji", "proposes", "bringing bill up for override vote") in triples(claims)


def test_resolving_the_matter_is_no_proposal(extract):
    claims = extract(
        "Brightline Tickets said in a statement that it disagrees with the findings but was "
        "pleased to resolve the matter."
    )
    assert not {t for t in triples(claims) if t[2] == "matter"}


def test_object_shifted_after_the_verdict(extract):
    claims = extract(
        "Ruritania on Friday denounced as an ugly crime Molvania's crackdown on striking "
        "dock workers."
    )
    found = triples(claims)
    assert ("Ruritania", "criticizes", "Molvania") in found
    assert not {t for t in found if t[2] == "Friday"}


def test_what_a_thing_does_nothing_to_do_is_no_ones_stance(extract):
    claims = extract(
        "“Noncompete clauses trap cooks and cashiers,” said Sen. Ada Brill. "
        "“These agreements do nothing to protect trade secrets.”"
    )
    assert not {t for t in triples(claims) if "trade secrets" in t[2]}
