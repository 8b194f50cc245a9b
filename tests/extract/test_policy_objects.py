"""What a policy stance is about, named as a careful reader names it: a bare "the line"
is the line named before, a generic "legislation" keeps the clause that says which, and
a time is not an object."""

from __future__ import annotations

import pytest

from tests.extract.conftest import stances


def core(claims):
    """(subject, predicate, object, polarity) of the stance claims."""
    return {s[:4] for s in stances(claims)}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (  # "this line" is the line described before
            "Senator Ann Vole criticized the Rio Verde transmission line. "
            "Ted Baca, who has fought for this line since 2019, disagreed.",
            {("Ted Baca", "supports", "Rio Verde transmission line", 1)},
            {("Ted Baca", "supports", "line", 1)},
        ),
        (  # "the amendment" is the amendment filed before
            "Rep. Ann Vole filed an amendment to delink fees from list prices. "
            "The amendment was defeated 21-28, with Chair Ted Baca voting no.",
            {("Ted Baca", "opposes", "amendment to delink fees from list prices", -1)},
            {("Ted Baca", "opposes", "amendment", -1)},
        ),
        (  # "the law" is the law described last, not an amendment nor a league
            "The sheriff said his deputies will not enforce a new state law banning kit rifles. "
            "The Tinker Valley Rifle League argues that the law violates the Second Amendment. "
            "Senator Ann Vole said Republicans would try to repeal the law next session.",
            {("Republicans", "opposes", "new state law banning kit rifles", -1)},
            {
                ("Republicans", "opposes", "Second Amendment", -1),
                ("Republicans", "opposes", "next session", -1),
            },
        ),
        (  # a restrictive relative clause says which amendment
            "“I would welcome any amendment that speeds up visa processing for farms,” "
            "said Rep. Ann Vole.",
            {("Ann Vole", "supports", "amendment that speeds up visa processing for farms", 1)},
            {("Ann Vole", "supports", "amendment", 1)},
        ),
        (  # the infinitive after "legislation" says what it does, even hung on the verb
            "“Next week I will introduce legislation to let counties redirect unused ferry "
            "grants to bridge repairs,” said Sen. Ted Baca.",
            {
                (
                    "Ted Baca",
                    "proposes",
                    "legislation to let counties redirect unused ferry grants",
                    1,
                )
            },
            {("Ted Baca", "proposes", "legislation", 1)},
        ),
        (  # what a law is said to violate is not the plaintiff's stance
            "The Tinker Valley Rifle League argues in a lawsuit that the law violates the "
            "state constitution.",
            set(),
            {("Tinker Valley Rifle League", "supports", "state constitution", 1)},
        ),
    ],
)
def test_policy_objects(extract, text, present, absent):
    found = core(extract(text))
    assert present <= found
    assert not absent & found
