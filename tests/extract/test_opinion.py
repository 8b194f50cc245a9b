"""The opinion lexicon: VADER's ratings adjusted for policy text."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.extract.opinion import default_opinions, load_opinions


def test_vader_ratings_are_read_from_the_installed_package():
    opinions = default_opinions()
    assert len(opinions.valence) > 7000
    assert opinions.rate("reckless") < -1.0
    assert opinions.rate("generous") > 1.0


def test_project_words_are_added_and_topic_words_cleared():
    opinions = default_opinions()
    assert opinions.rate("ill-conceived") < -1.5  # not in VADER
    assert opinions.rate("long-overdue") > 1.0
    assert opinions.rate("crisis") == 0.0  # a topic, not a judgement
    assert opinions.topic("crisis") < 0  # ... but what it names is bad


def test_a_hyphenated_word_falls_back_to_its_last_part():
    assert default_opinions().rate("so-called-reckless") == default_opinions().rate("reckless")


def test_a_tokenized_hyphen_word_is_rated_whole(nlp):
    doc = nlp("The plan is ill-conceived.")
    conceived = next(t for t in doc if t.lower_ == "conceived")
    assert default_opinions().of_token(conceived) < -1.5


def test_vader_intensifiers_move_a_rating_past_the_threshold(nlp):
    doc = nlp("It is the most important pier in the county, and it is important.")
    first, second = (t for t in doc if t.lower_ == "important")
    assert default_opinions().of_token(first) > 1.0  # 0.8 moved by VADER's "most"
    assert default_opinions().of_token(second) == 0.0  # 0.8 alone is no verdict
    costly = next(t for t in nlp("The pier is more costly than the road.") if t.lower_ == "costly")
    assert default_opinions().of_token(costly) == default_opinions().of_token(costly.doc[-2])


def test_extra_file_overrides_and_bad_lines_are_reported(tmp_path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# mine\nreckless\t0\nsplendid\t3.1\n", encoding="utf-8")
    opinions = load_opinions(extra)
    assert opinions.rate("reckless") == 0.0
    assert opinions.rate("splendid") == 3.1
    extra.write_text("reckless\tvery\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"mine.tsv:1: expected 'word<TAB>valence'"):
        load_opinions(extra)


def test_idioms_give_their_valence_to_the_phrase_head(nlp):
    opinions = default_opinions()
    doc = nlp("The board dragged their feet, and the levy is a power grab.")
    heads = {doc[i].lower_: value for i, value in opinions.idioms_in(doc[:]).items()}
    assert heads["dragged"] < -1.0  # "one's" matches any possessive
    assert heads["grab"] < -1.0
    assert "feet" not in heads and "power" not in heads
