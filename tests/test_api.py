from __future__ import annotations

import importlib

import pytest

import kg


@pytest.mark.parametrize("name", kg.__all__)
def test_every_public_name_resolves(name):
    assert getattr(kg, name) is getattr(importlib.import_module(kg._API[name]), name)


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        kg.nope  # noqa: B018


def test_a_claim_record_has_the_documented_fields_in_order():
    from kg.model import RECORD_FIELDS, Claim, Entity, Provenance

    claim = Claim(
        Entity.named("Ann Lee", "Person"),
        "opposes",
        Entity.named("toll", "Issue"),
        Provenance("a", "Ann Lee opposes the toll.", 0, 25, "stance.v1", "1.0.0"),
    )
    assert tuple(claim.to_record()) == RECORD_FIELDS
