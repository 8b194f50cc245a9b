"""Regression floors on the two gold sets: the seed article and PLOVER.

The figures are measured with the same matching rules as the team's scorers;
a change that lowers them below the floor fails here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.evaluate import evaluate, load_gold
from kg.extract import extract_articles
from kg.ingest.reader import read_articles
from kg.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
# Issue 3 asks for 0.90 / 0.90 / 0.97; the floors sit just under what is measured
# now (0.976 / 0.922 / 1.0) so that a regression shows before it reaches the target.
SEED_F1_FLOOR = 0.95
PLOVER_RECALL_FLOOR, PLOVER_POLARITY_FLOOR = 0.91, 0.97
POSITIVE = {"supports", "praises", "agreeswith", "proposes"}
NEGATIVE = {"opposes", "criticizes", "disagreeswith"}
STOP = {
    "the",
    "of",
    "and",
    "for",
    "a",
    "an",
    "in",
    "on",
    "to",
    "its",
    "their",
    "his",
    "her",
    "new",
    "former",
    "said",
    "officials",
    "official",
}


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_seed_article_f1(nlp):
    extraction = extract_articles(read_articles([ROOT / "seeds"]), nlp)
    report = evaluate(
        load_gold(DATA / "seed_gold.jsonl"), [c.to_record() for c in extraction.claims]
    )
    assert report.f1 >= SEED_F1_FLOOR, [g.describe() for g in report.missed]


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in STOP}


def _sign(record: dict) -> int:
    if record["polarity"]:
        return 1 if record["polarity"] > 0 else -1
    pred = record["predicate"].lower()
    return 1 if pred in POSITIVE else -1 if pred in NEGATIVE else 0


def test_plover_recall_and_polarity(nlp):
    corpus = DATA / "plover_stance_sentences.jsonl"
    gold = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    extraction = extract_articles(read_articles([corpus]), nlp)
    by_doc: dict[str, list[dict]] = {}
    for claim in extraction.claims:
        by_doc.setdefault(claim.provenance.article, []).append(claim.to_record())
    found = wrong = 0
    for item in gold:
        actors = [_content(a) for a in item["source"]]
        signs = {
            _sign(c)
            for c in by_doc.get(item["id"], [])
            if _sign(c) and any(a & _content(c["subject"]) for a in actors)
        }
        if item["polarity"] in signs:
            found += 1
        elif signs:
            wrong += 1
    assert found / len(gold) >= PLOVER_RECALL_FLOOR
    assert found / (found + wrong) >= PLOVER_POLARITY_FLOOR
