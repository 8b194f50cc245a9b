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
