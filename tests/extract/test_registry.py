from __future__ import annotations

import pytest

from kg.errors import UnknownNameError
from kg.extract import EXTRACTORS, extract_articles, registry
from kg.extract.confidence import default_calibration
from kg.extract.registry import RULES
from kg.model import Article

TEXTS = [
    "Senator Ann Lee opposes the tariff bill.",
    "Governor Tom Jones praised the housing plan.",
    "Mayor Eric Adams called for more police funding.",
    "The Sierra Club condemns the pipeline.",
]


def test_registered_extractors_are_versioned():
    assert {"roles.v1", "stance.v1"} <= set(EXTRACTORS)


def test_unknown_extractor_lists_the_choices(nlp):
    with pytest.raises(UnknownNameError, match="roles.v1, stance.v1"):
        extract_articles([Article("a", TEXTS[0])], nlp, extractors=["stance.v9"])


def test_two_processes_give_the_same_claims(nlp, monkeypatch):
    articles = [Article(f"a{n}", text) for n, text in enumerate(TEXTS)]
    serial = extract_articles(articles, nlp)
    monkeypatch.setattr(registry, "PARALLEL_FROM", 2)
    assert registry._processes(len(articles)) == 2
    parallel = extract_articles(articles, nlp)
    assert parallel.claims == serial.claims and len(serial.claims) >= 4


def test_progress_is_reported_per_article(nlp):
    seen = []
    extract_articles(
        [Article(f"a{n}", t) for n, t in enumerate(TEXTS)],
        nlp,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_every_claim_names_a_declared_rule(nlp):
    claims = extract_articles([Article(f"a{n}", t) for n, t in enumerate(TEXTS)], nlp).claims
    assert claims and all(c.rule in RULES for c in claims)
    assert {RULES[c.rule].extractor for c in claims} == {"roles.v1", "stance.v1"}


def test_confidence_starts_from_the_rule_precision(nlp):
    (claim,) = [
        c
        for c in extract_articles([Article("a", TEXTS[0])], nlp).claims
        if c.predicate == "opposes"
    ]
    assert claim.confidence == default_calibration().confidence(claim.rule)
