from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.extract.lexicon import load_lexicon


def test_shipped_lexicon_has_general_cues():
    lexicon = load_lexicon()
    assert {c.issue_predicate for c in lexicon.cues_for("oppose", "VERB")} == {"opposes"}
    assert any(c.prep == "for" for c in lexicon.cues_for("advocate", "NOUN"))
    assert "say" in lexicon.speech and "senator" in lexicon.titles


def test_user_cue_file_extends_and_overrides(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "# my cues\nlambast\tVERB\t-\tcriticizes\tcriticizes\t-1\t0.9\t-\n", encoding="utf-8"
    )
    lexicon = load_lexicon([extra])
    (cue,) = lexicon.cues_for("lambast", "VERB")
    assert cue.polarity == -1 and cue.issue_predicate == "criticizes"


def test_bad_cue_line_names_file_and_line(tmp_path):
    extra = tmp_path / "bad.tsv"
    extra.write_text("lambast\tVERB\tcriticizes\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv:1: expected 8 tab-separated columns"):
        load_lexicon([extra])


def test_unknown_predicate_is_rejected(tmp_path):
    extra = tmp_path / "bad.tsv"
    extra.write_text("lambast\tVERB\t-\tdislikes\t-\t-1\t0.9\t-\n", encoding="utf-8")
    with pytest.raises(InputError, match="predicate 'dislikes'"):
        load_lexicon([extra])
