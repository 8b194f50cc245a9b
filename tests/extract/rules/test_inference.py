"""inference.v1: stances that follow from other claims of the same article."""

from __future__ import annotations

import pytest

from kg.extract.confidence import HOP, default_calibration
from tests.extract.conftest import stances


def core(claims):
    """(subject, predicate, object, polarity) of the stance claims."""
    return {s[:4] for s in stances(claims)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a plain "agreed" takes the stance of the one agreed with
            "The Tarn Valley Growers Union endorsed the Clean Rivers Act. The Ferris County "
            "Farm Bureau agreed.",
            ("Ferris County Farm Bureau", "supports", "Clean Rivers Act", 1),
        ),
        (  # "sided with"
            "The Ferris Anglers Club opposes the Clean Rivers Act. Governor Ida Penn has "
            "sided with the Ferris Anglers Club.",
            ("Ida Penn", "opposes", "Clean Rivers Act", -1),
        ),
        (  # "as did Y" repeats the main clause for Y
            "All four Democrats on the panel voted for the Clean Rivers Act, as did Sen. Nell "
            "Tarrant.",
            ("Nell Tarrant", "supports", "Clean Rivers Act", 1),
        ),
        (  # "as have Y and Z": each of them
            "The Harlan Farm Bureau has endorsed the Clean Rivers Act, as have the Tarn Valley "
            "Growers Union and the Ferris Anglers Club.",
            ("Ferris Anglers Club", "supports", "Clean Rivers Act", 1),
        ),
        (  # "So did Y." repeats the sentence before
            "Senator Ivo Grint voted against the Coastal Drilling Act. So did Senator Mae Tull.",
            ("Mae Tull", "opposes", "Coastal Drilling Act", -1),
        ),
        (  # "Y did too."
            "Senator Ivo Grint praised the Coastal Drilling Act. Senator Mae Tull did too.",
            ("Mae Tull", "praises", "Coastal Drilling Act", 1),
        ),
        (  # "…, and so does Y": the clause it is joined to
            "Mayor Ivo Stack backs the Ferry Fare Cap Act, and so does the Quayside Porters Union.",
            ("Quayside Porters Union", "supports", "Ferry Fare Cap Act", 1),
        ),
        (  # "Y followed suit."
            "The Harlan Farm Bureau came out against the Coastal Drilling Act on Monday. The "
            "Tarn Valley Growers Union followed suit.",
            ("Tarn Valley Growers Union", "opposes", "Coastal Drilling Act", -1),
        ),
        (  # "and so does Y", parsed with Y as a conjunct of the verb
            "The Harlan Farm Bureau backs the Clean Rivers Act, and so does the Tarn Valley "
            "Growers Union.",
            ("Tarn Valley Growers Union", "supports", "Clean Rivers Act", 1),
        ),
        (  # "They were joined by Y": Y casts the same vote
            "Most Democrats voted for the Coastal Drilling Act. They were joined by two "
            "Republicans, Senator Ivo Grint and Senator Sunniva Ysberg.",
            ("Sunniva Ysberg", "supports", "Coastal Drilling Act", 1),
        ),
        (  # "Y joined them"
            "Most Democrats voted against the Coastal Drilling Act. Senator Ivo Grint joined them.",
            ("Ivo Grint", "opposes", "Coastal Drilling Act", -1),
        ),
    ],
)
def test_a_stance_passes_to_who_agrees_or_does_the_same(extract, text, expected):
    assert expected in core(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        # sharing concerns, or agreeing on one point, is no taking of the whole stance
        "The Ferris Anglers Club opposes the Clean Rivers Act. Governor Ida Penn said she "
        "shared the club's concerns.",
        "The Ferris Anglers Club opposes the Clean Rivers Act. Governor Ida Penn agreed with "
        "the club that the rivers need care but said she would sign the act.",
        # a negated echo repeats nothing
        "The Ferris Anglers Club opposes the Clean Rivers Act. Governor Ida Penn did not.",
        # the subject repeating its own past act is nobody new
        "The Ferris Anglers Club opposes the Clean Rivers Act, as it did last year.",
        # joining someone at an event is no vote
        "Governor Ida Penn praised the Clean Rivers Act. She was joined by Senator Ivo Grint "
        "at the ceremony.",
    ],
)
def test_no_stance_passes_without_plain_agreement(extract, text):
    assert not [c for c in extract(text) if c.rule and c.rule.startswith("inference.")]


def test_an_inferred_claim_names_its_rule_its_link_and_its_confidence(extract):
    text = "Senator Ivo Grint voted against the Coastal Drilling Act. So did Senator Mae Tull."
    (claim,) = [c for c in extract(text) if c.subject.label == "Mae Tull" and c.polarity]
    assert claim.rule == "inference.ellipsis"
    assert claim.provenance.extractor == "inference.v1"
    assert claim.provenance.sentence == "So did Senator Mae Tull."
    prior = default_calibration().prior("inference.ellipsis")
    assert claim.confidence == round(prior * HOP, 3)


def test_a_stance_already_stated_is_not_inferred_again(extract):
    text = (
        "Senator Ivo Grint voted against the Coastal Drilling Act. Senator Mae Tull opposes "
        "the Coastal Drilling Act too. So did Senator Mae Tull."
    )
    claims = [
        c
        for c in extract(text)
        if c.subject.label == "Mae Tull" and c.object.label == "Coastal Drilling Act"
    ]
    assert len(claims) == 1 and claims[0].rule != "inference.ellipsis"
