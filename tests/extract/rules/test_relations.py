"""relations.v1: a rebuttal is a disagreement with whoever made the claim."""

from __future__ import annotations

import pytest


def disagreements(claims):
    return {
        (c.subject.label, c.object.label)
        for c in claims
        if c.predicate == "disagreesWith" and c.rule and c.rule.startswith("relations.")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "that is not true" answers the claim of the sentence before
            "Mayor Bo Lind has argued that the levy pays for itself. "
            "“With respect, that is simply not true,” Senator Ann Vole said.",
            {("Ann Vole", "Bo Lind")},
        ),
        (  # "X's claim ... is a fantasy"
            "Mayor Bo Lind spoke first. “Mayor Bo Lind’s claim that the ferry will pay "
            "for itself is a fantasy,” said Ann Vole.",
            {("Ann Vole", "Bo Lind")},
        ),
        (  # "has it wrong"
            "“We think Mayor Bo Lind has it wrong,” said Ann Vole.",
            {("Ann Vole", "Bo Lind")},
        ),
        (  # a disagreement with no object
            "Bo Lind said the pilot saved money. “We see it differently,” said Ann Vole.",
            {("Ann Vole", "Bo Lind")},
        ),
    ],
)
def test_rebuttals(extract, text, expected):
    assert disagreements(extract(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "true" affirmed is agreement, not a rebuttal
        "Bo Lind said the pilot saved money. “That is true,” said Ann Vole.",
        # nobody's claim came before
        "“That is false,” said Ann Vole.",
        # the narrator's own sentence has no speaker
        "Bo Lind said the pilot saved money. That is false.",
    ],
)
def test_no_rebuttal(extract, text):
    assert disagreements(extract(text)) == set()
