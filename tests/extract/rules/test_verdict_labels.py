"""evaluation.v1: a label in quotation marks given by a verdict verb is blame,
unless its words are good ones."""

from __future__ import annotations

import pytest


def verdicts(claims):
    return {
        (c.subject.label, c.predicate, c.object.label)
        for c in claims
        if c.rule == "evaluation.verdict"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a quoted label with no rated word in it
            "Councilwoman Rita Okon called the ferry levy “a tax on commuters wearing a "
            "green hat.”",
            {("Rita Okon", "opposes", "ferry levy")},
        ),
        (  # a favour done to others blames the one who gives it
            "Senator Ann Vole called the dredging plan “a gift to the largest shippers.”",
            {("Ann Vole", "opposes", "dredging plan")},
        ),
        (  # with an apposition between the judge and the verb
            "The Lakemont Ratepayers Guild, a fiscal watchdog group, called the pilot "
            "“an expensive detour” and questioned whether it would be audited.",
            {("Lakemont Ratepayers Guild", "opposes", "pilot")},
        ),
    ],
)
def test_quoted_label_is_blame(extract, text, expected):
    assert expected <= verdicts(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        # a label that praises is no blame
        "Mayor Ann Lee called the ferry deal “a generational investment.”",
        "Mayor Ann Lee called the ferry deal “a bargain for riders.”",
        # a label without quotation marks is left to its words
        "Mayor Ann Lee called the ferry deal a compromise.",
    ],
)
def test_good_or_unquoted_label_is_no_blame(extract, text):
    assert not {c for c in verdicts(extract(text)) if c[1] in ("opposes", "criticizes")}


def test_criticism_drawn_from_an_actor(extract):
    """ "drew criticism from X" with "from X" hung on the verb is X's criticism."""
    claims = extract(
        "Governor Ann Lee unveiled a ferry levy. The levy drew swift criticism from House "
        "Speaker Rita Okon."
    )
    found = {(c.subject.label, c.predicate, c.object.label) for c in claims}
    assert ("Rita Okon", "criticizes", "ferry levy") in found
