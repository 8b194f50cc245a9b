"""A noun that only points back ("that idea", "the move") is the policy named
before it, or no claim at all; a gerund subject names the deed it is about."""

from __future__ import annotations

import pytest

from tests.extract.conftest import stances


def objects(claims, subject):
    return {(p, o) for s, p, o, _, _ in stances(claims) if s == subject}


@pytest.mark.parametrize(
    ("text", "subject", "expected"),
    [
        (  # the policy of the sentence before
            "Mayor Ann Lee floated a truck-only levy. The Harbor Shippers Guild "
            "immediately rejected that idea.",
            "Harbor Shippers Guild",
            {("opposes", "truck levy")},
        ),
        (  # the policy nearest the main verb, not one inside its clause
            "Senator Bo Vance said he plans to file a bill that would stop towns from "
            "setting dock fees. Mayor Ann Lee dismissed the idea.",
            "Ann Lee",
            {("opposes", "bill")},
        ),
        (  # nothing to point back at: no claim rather than "opposes idea"
            "Mayor Ann Lee spoke on Monday. The Harbor Shippers Guild rejected that idea.",
            "Harbor Shippers Guild",
            set(),
        ),
    ],
)
def test_stand_in_noun(extract, text, subject, expected):
    found = objects(extract(text), subject)
    assert {o for _, o in found} <= {o for _, o in expected}
    assert expected <= found


def test_gerund_subject_is_the_deed(extract):
    text = (
        "Senator Ann Vole issued the following statement:\n\n“Shutting these clinics is "
        "the wrong call at the worst possible time.”"
    )
    assert ("opposes", "Shutting clinics") in objects(extract(text), "Ann Vole")


def test_indefinite_gerund_is_no_policy(extract):
    text = "“Leaving a loaded rifle in a truck is not acceptable,” Sheriff Bo Vance said."
    assert not objects(extract(text), "Bo Vance")
