"""Who holds a stance: the voice of bylines, quotations and reported speech."""

from __future__ import annotations

from kg.extract.analysis.bylines import byline_person, is_opinion
from tests.extract.conftest import stances

WIRE = (
    "Harbor tolls rise on Monday\n\n"
    "By PELLA DORNAN Associated Press\n\n"
    "QUILLFORD, Ore. (AP) — Gov. Ansel Trubridge on Friday vetoed a bill that would have "
    "frozen ferry tolls for commuters.\n\n"
    "Copyright 2031 The Associated Press. All rights reserved."
)


def test_a_wire_reporters_byline_holds_no_stance(extract):
    found = stances(extract(WIRE))
    assert not any("DORNAN" in s.upper() or "Associated Press" in s for s, *_ in found)
    assert all(speaker is None for *_, speaker in found)


def test_a_newsroom_after_the_reporters_name_is_not_part_of_it():
    assert byline_person(WIRE) == "PELLA DORNAN"
    assert byline_person("Tolls\n\nBy Pella Dornan, Reuters\n\nText.") == "Pella Dornan"


def test_an_opinion_piece_is_told_by_its_label_board_or_first_person():
    assert is_opinion("Opinion | Keep the ferry\n\nBy Pella Dornan\n\nThe ferry works.")
    assert is_opinion("Editorial: tolls\n\nBy the Editorial Board, The Quillford Post\n\nNo.")
    assert is_opinion("Ferry\n\nBy Pella Dornan\n\nLast spring my ferry was late.")
    assert not is_opinion("Ferry\n\nBy Pella Dornan\n\nThe Title I grant lapsed.")
    assert not is_opinion(WIRE)


EDITORIAL_COLON = (
    "Editorial: Parks\n\n"
    "By the Editorial Board, The Quillford Post\n\n"
    "Mayor Desta Varga has said she is “open to all options” on the garage plan. "
    "That is not good enough.\n\n"
    "Councilmember Ann Rosswell, who has led the fight against the garage plan, has it "
    "right: “A park is not a parking lot.” We agree.\n"
)


def test_a_quotation_a_colon_opens_is_the_words_of_the_clause_subject(analyse):
    analysis = analyse(EDITORIAL_COLON)
    park = next(t for t in analysis.doc if t.text == "park")
    assert analysis.speaker(park).label == "Ann Rosswell"


def test_we_agree_answers_the_words_just_quoted(extract):
    found = stances(extract(EDITORIAL_COLON))
    agreed = {o for s, p, o, *_ in found if s == "Quillford Post" and p == "agreesWith"}
    assert agreed == {"Ann Rosswell"}
