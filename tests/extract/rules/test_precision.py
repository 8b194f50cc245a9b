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
