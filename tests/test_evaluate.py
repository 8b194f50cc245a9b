"""kg.evaluate: the shared scorer's matching rules, with exact figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluate import (
    GoldItem,
    evaluate,
    evaluate_corpus,
    load_claim_records,
    load_gold,
    load_gold_dir,
    words,
)

GOLD_LINES = [
    {
        "id": "G1",
        "subject": ["Mamdani"],
        "predicate": ["opposes"],
        "object": [["NYPD", "ICE"], ["police", "immigration enforcement"]],
        "evidence": "the NYPD will not assist with immigration enforcement",
    },
    {
        "id": "G2",
        "subject": ["Mamdani"],
        "predicate": ["criticizes", "opposes"],
        "object": [["Adams"]],
    },
    {
        "id": "G3",
        "subject": ["Tisch"],
        "predicate": ["disagreesWith"],
        "object": [["Mamdani"]],
        "symmetric": True,
    },
    {"id": "G4", "subject": ["Homan"], "predicate": ["holdsRole"], "object": [["czar"]]},
    {
        "id": "G5",
        "subject": ["Tisch"],
        "predicate": ["memberOf"],
        "object": [["NYPD"]],
        "required": False,
    },
]

CLAIMS = [
    # G1, through the second object group (plural folded: "Police" ~ "police").
    {
        "subject": "Zohran Mamdani",
        "predicate": "opposes",
        "object": "Police help with immigration enforcement",
    },
    # An exact duplicate of the claim above (same words): counted once.
    {
        "subject": "zohran mamdani",
        "predicate": "opposes",
        "object": "police help with Immigration Enforcement",
    },
    # G2, predicate given as an IRI.
    {
        "subject": "Zohran Mamdani",
        "predicate": "https://w3id.org/policy-kg/ontology#criticizes",
        "object": "Eric Adams",
    },
    # G3 with subject and object swapped (symmetric).
    {"subject": "Mamdani", "predicate": "disagreesWith", "object": "Jessica Tisch"},
    # Optional G5: correct for precision, never counted in recall.
    {"subject": "Jessica Tisch", "predicate": "memberOf", "object": "NYPD"},
    # Wrong: no gold item says Adams supports anything.
    {"subject": "Eric Adams", "predicate": "supports", "object": "ICE"},
    # Not scored: predicate outside the vocabulary.
    {"subject": "Eric Adams", "predicate": "mentions", "object": "ICE"},
]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    lines = ["// comment lines and blank lines are skipped", ""]
    lines += [json.dumps(row) for row in GOLD_LINES]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_gold_reads_every_field(gold_file: Path) -> None:
    gold = load_gold(gold_file)
    assert [g.id for g in gold] == ["G1", "G2", "G3", "G4", "G5"]
    assert gold[0] == GoldItem(
        id="G1",
        subject=("Mamdani",),
        predicate=("opposes",),
        object=(("NYPD", "ICE"), ("police", "immigration enforcement")),
        required=True,
        symmetric=False,
        evidence="the NYPD will not assist with immigration enforcement",
    )
    assert gold[2].symmetric is True
    assert gold[4].required is False


def test_evaluate_gives_exact_figures(gold_file: Path) -> None:
    report = evaluate(load_gold(gold_file), CLAIMS)
    # Scored: 5 distinct claims in the vocabulary (duplicate and "mentions" dropped).
    assert report.n_claims == 5
    assert report.n_correct == 4
    assert report.n_gold == 4  # required items only
    assert report.n_found == 3
    assert report.precision == pytest.approx(4 / 5)
    assert report.recall == pytest.approx(3 / 4)
    assert report.f1 == pytest.approx(2 * 0.8 * 0.75 / (0.8 + 0.75))
    assert [g.id for g in report.missed] == ["G4"]
    assert report.wrong == (CLAIMS[5],)
    assert report.summary() == ("P=0.800 R=0.750 F1=0.774 (claims=5 correct=4 gold=4 found=3)")


def test_every_phrase_of_a_group_must_occur() -> None:
    gold = [GoldItem("G1", ("Mamdani",), ("opposes",), (("NYPD", "ICE"),))]
    only_nypd = [{"subject": "Mamdani", "predicate": "opposes", "object": "NYPD"}]
    report = evaluate(gold, only_nypd)
    assert (report.n_correct, report.n_found, report.recall) == (0, 0, 0.0)


def test_asymmetric_item_rejects_swapped_claim() -> None:
    gold = [GoldItem("G1", ("Mamdani",), ("criticizes",), (("Adams",),))]
    swapped = [{"subject": "Eric Adams", "predicate": "criticizes", "object": "Mamdani"}]
    assert evaluate(gold, swapped).n_correct == 0


def test_no_claims_scores_zero_not_a_division_error() -> None:
    gold = [GoldItem("G1", ("Mamdani",), ("opposes",), (("ICE",),))]
    report = evaluate(gold, [])
    assert (report.precision, report.recall, report.f1) == (0.0, 0.0, 0.0)
    assert report.missed == tuple(gold)


def test_words_folds_case_possessives_and_plurals() -> None:
    assert words("The Cities’ Mayor's policies") == {"the", "city", "mayor", "policy"}
    assert words("class business") == {"class", "business"}  # "ss" is kept


def test_malformed_gold_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD_LINES[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: not valid JSON"):
        load_gold(path)


def test_gold_item_without_object_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "G1", "subject": ["A"], "predicate": ["opposes"]}\n')
    with pytest.raises(InputError, match=r"gold\.jsonl:1: gold item has no 'object'"):
        load_gold(path)


def test_duplicate_gold_ids_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD_LINES[0]) + "\n" + json.dumps(GOLD_LINES[0]) + "\n")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: gold id 'G1' was already used"):
        load_gold(path)


def test_claims_file_without_object_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(CLAIMS[0]) + '\n{"subject": "A", "predicate": "opposes"}\n')
    with pytest.raises(InputError, match=r"claims\.jsonl:2: claim has no 'object'"):
        load_claim_records(path)


def test_claims_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_bytes(b"\xff\xfe caf\xe9")
    with pytest.raises(InputError, match=r"claims\.jsonl: not UTF-8"):
        load_claim_records(path)


def test_evaluate_reports_precision_per_rule() -> None:
    gold = [GoldItem("G1", ("Lee",), ("opposes",), (("toll",),))]
    report = evaluate(
        gold,
        [
            {"subject": "Ann Lee", "predicate": "opposes", "object": "toll", "rule": "cue.verb"},
            {"subject": "Ann Lee", "predicate": "supports", "object": "toll", "rule": "cue.verb"},
            {"subject": "Bo Ray", "predicate": "opposes", "object": "levy", "rule": "commitment"},
            {"subject": "Bo Ray", "predicate": "praises", "object": "levy"},
        ],
    )
    assert [(s.rule, s.correct, s.claims) for s in report.rules] == [
        ("-", 0, 1),
        ("commitment", 0, 1),
        ("cue.verb", 1, 2),
    ]
    assert report.to_record()["rules"][2] == {
        "rule": "cue.verb",
        "claims": 2,
        "correct": 1,
        "precision": 0.5,
    }


def test_a_corpus_is_scored_article_by_article(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    item = {"id": "G1", "subject": ["Lee"], "predicate": ["opposes"], "object": [["toll"]]}
    (gold_dir / "a1.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
    (gold_dir / "a2.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
    claim = {"subject": "Ann Lee", "predicate": "opposes", "object": "toll", "rule": "cue.verb"}
    records = [
        {**claim, "article": "a1.txt"},  # right in a1
        {**claim, "article": "elsewhere/a3.txt"},  # an article with no gold: left out
        {**claim, "predicate": "supports", "article": "a2"},  # wrong in a2
    ]
    report = evaluate_corpus(load_gold_dir(gold_dir), records)
    assert (report.n_claims, report.n_correct, report.n_gold, report.n_found) == (2, 1, 2, 1)
    assert [(s.rule, s.correct, s.claims) for s in report.rules] == [("cue.verb", 1, 2)]
    assert [item.id for item in report.missed] == ["G1"]


def test_an_empty_gold_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no .jsonl gold files"):
        load_gold_dir(tmp_path)
