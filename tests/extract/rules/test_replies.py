"""relations.v1: an actor's reply to another's claim, and being at odds with an actor."""

from __future__ import annotations

import pytest


def relations(claims):
    return {
        (c.subject.label, c.predicate, c.object.label)
        for c in claims
        if c.predicate in ("agreesWith", "disagreesWith")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "disputes that": the claim of the sentence before
            "Superintendent Ann Lee says the curfew will cut crime. "
            "Councilwoman Rita Okon disputes that.",
            {("Rita Okon", "disagreesWith", "Ann Lee")},
        ),
        (  # "rejected that estimate": the one who made the estimate
            "Testifying for the shippers, Bo Vance said the levy would cost $5 million a "
            "year. Senator Ann Lee rejected that estimate, noting that the state's own "
            "study put it lower.",
            {("Ann Lee", "disagreesWith", "Bo Vance")},
        ),
        (  # "backed that account"
            "Mayor Ann Lee says the curfew cut crime. Police Chief Bo Vance backed that account.",
            {("Bo Vance", "agreesWith", "Ann Lee")},
        ),
        (  # a bare "agreed" after another actor's stance
            "Mayor Ann Lee opposes the ferry levy. Her counterpart in Eastport, Mayor Tom "
            "Reed, agreed.",
            {("Tom Reed", "agreesWith", "Ann Lee")},
        ),
        (  # "puts her at odds with Y"
            "Board chair Rita Okon said she would let each town set its own rules, a "
            "position that puts her at odds with the mayor, Ann Lee.",
            {("Rita Okon", "disagreesWith", "Ann Lee")},
        ),
        (  # "we think it is overstated"; the claim's author comes out against X, warning …
            "Senator Ann Vole issued the following statement:\n\n“The Harbor Shippers Guild "
            "has come out against the levy, warning that it will drive ships away. We take "
            "the concern seriously, but we think it is overstated.”",
            {("Ann Vole", "disagreesWith", "Harbor Shippers Guild")},
        ),
        (  # a view noun called false
            "The Harbor Shippers Guild warned that the levy will drive ships away. “That "
            "fear is exaggerated,” Mayor Ann Lee said.",
            {("Ann Lee", "disagreesWith", "Harbor Shippers Guild")},
        ),
        (  # "X is at odds with Y"
            "Mayor Ann Lee is at odds with Governor Bo Vance over the levy.",
            {("Ann Lee", "disagreesWith", "Bo Vance")},
        ),
    ],
)
def test_reply(extract, text, expected):
    assert expected <= relations(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        # the claim is an unnamed group's: nobody named is disagreed with
        "Senator Bo Vance filed the bill. Some skippers have argued that the levy will "
        "push up fares. Mayor Ann Lee rejected that claim.",
        # "agreed" with an object is a stance on it, not assent to a person
        "Mayor Ann Lee opposes the ferry levy. Mayor Tom Reed agreed to a smaller toll.",
        # a denial that names its own claim
        "Mayor Ann Lee spoke first. Senator Bo Vance rejected the claim that the levy was illegal.",
    ],
)
def test_no_reply(extract, text):
    assert not relations(extract(text))


def test_claim_noun_is_no_issue(extract):
    text = (
        "Bo Vance said the levy would cost $5 million a year. Senator Ann Lee rejected "
        "that estimate."
    )
    assert not {c for c in extract(text) if c.predicate == "opposes"}


def test_right_that_is_agreement_not_praise(extract):
    claims = extract(
        "Mayor Ann Lee opposes the levy. “Mayor Lee is right that the docks are in poor "
        "shape,” Senator Bo Vance said."
    )
    found = {(c.subject.label, c.predicate, c.object.label) for c in claims}
    assert ("Bo Vance", "agreesWith", "Ann Lee") in found
    assert ("Bo Vance", "praises", "Ann Lee") not in found
