"""Praise and criticism aimed at a person or organisation, as distinct from their policy."""

from __future__ import annotations

import pytest

from tests.extract.conftest import stances


def on_actors(claims):
    return {s[:3] for s in stances(claims) if s[1] in ("praises", "criticizes")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # appreciating a person is praising them
            "“I appreciate Mayor Ada Birch for listening,” said Osric Pell.",
            {("Osric Pell", "praises", "Ada Birch")},
        ),
        (  # praise of a clause is praise of its subject
            "“We appreciate that the Harbor Authority listened,” said Osric Pell.",
            {("Osric Pell", "praises", "Harbor Authority")},
        ),
        (
            "Osric Pell welcomed that the Harbor Authority had listened.",
            {("Osric Pell", "praises", "Harbor Authority")},
        ),
        (  # phrasal verbs of attack
            "Senator Ada Birch lashed out at Governor Ivo Brandt.",
            {("Ada Birch", "criticizes", "Ivo Brandt")},
        ),
        (
            "Senator Ada Birch hit back at Governor Ivo Brandt.",
            {("Ada Birch", "criticizes", "Ivo Brandt")},
        ),
    ],
)
def test_praise_and_criticism_of_actors(extract, text, expected):
    assert on_actors(extract(text)) >= expected


def test_appreciating_a_thing_supports_nothing(extract):
    claims = extract("Osric Pell said he appreciated the ferry schedule but would vote no.")
    assert not any(c.predicate == "supports" and "schedule" in c.object.label for c in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Ada Birch teamed up with Governor Ivo Brandt on the levy.",
            ("Ada Birch", "agreesWith", "Ivo Brandt"),
        ),
        (
            "Senator Ada Birch pushed back against Governor Ivo Brandt.",
            ("Ada Birch", "disagreesWith", "Ivo Brandt"),
        ),
    ],
)
def test_agreement_and_disagreement_between_actors(extract, text, expected):
    assert expected in {s[:3] for s in stances(extract(text))}
