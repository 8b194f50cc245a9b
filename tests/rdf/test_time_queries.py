"""The named queries of stances over time: ``stance_timeline`` and ``stance_changes``."""

from __future__ import annotations

import pytest

from kg.model import Article, Claim, Entity, Extraction, Provenance
from kg.rdf.graph import to_graph
from kg.rdf.query import NAMED_QUERIES, run_named

LEE = Entity.named("Ann Lee", "Person")
ROE = Entity.named("Bob Roe", "Person")
KAY = Entity.named("Cat Kay", "Person")
TOLL = Entity.named("Harbour toll", "Issue")
PARK = Entity.named("Riverside park", "Issue")


def _article(n: int, date: str | None) -> Article:
    return Article(f"a{n}", f"Sentence {n}.", date=date, url=f"https://example.org/{n}")


def _claim(doc: Article, s: Entity, p: str, o: Entity, polarity: int, **kw) -> Claim:
    ev = Provenance(doc.id, doc.text, 0, len(doc.text), "stance.v1", "1", doc.date, doc.url)
    return Claim(s, p, o, ev, polarity=polarity, confidence=0.8, **kw)


DOCS = [
    _article(1, "2024-01-05"),
    _article(2, "2024-03-01"),
    _article(3, "2024-02-10"),
    _article(4, None),
    _article(5, "spring 2024"),
]
CLAIMS = [
    _claim(DOCS[0], LEE, "supports", TOLL, 1),
    _claim(DOCS[1], LEE, "opposes", TOLL, -1),
    _claim(DOCS[2], LEE, "criticizes", TOLL, -1),
    _claim(DOCS[3], LEE, "supports", TOLL, 1),  # undated: listed last, not a change
    _claim(DOCS[0], ROE, "opposes", TOLL, -1),
    _claim(DOCS[1], ROE, "opposes", TOLL, -1),  # the same side twice: no change
    _claim(DOCS[0], KAY, "opposes", PARK, -1),
    _claim(DOCS[1], KAY, "supports", PARK, 1, modality="hypothetical"),  # not a stance taken
    _claim(DOCS[4], KAY, "supports", PARK, 1),  # not an ISO date
    _claim(DOCS[0], ROE, "supports", PARK, 1),
    _claim(DOCS[2], ROE, "opposes", PARK, -1),
    _claim(DOCS[1], ROE, "supports", PARK, 1),  # for, against, for again
]


@pytest.fixture(scope="module")
def graph():
    entities = (LEE, ROE, KAY, TOLL, PARK)
    return to_graph(Extraction(tuple(DOCS), entities, tuple(CLAIMS)))


def test_the_time_queries_are_named_queries():
    assert NAMED_QUERIES["stance_timeline"].params == ("actor", "target")
    assert NAMED_QUERIES["stance_changes"].params == ()


def test_the_time_queries_declare_their_own_prefixes():
    for name in ("stance_timeline", "stance_changes"):
        text = NAMED_QUERIES[name].text
        assert "PREFIX kg: <https://w3id.org/policy-kg/ontology#>" in text
    # stance_changes reads the dates from the stance summaries (kg.rdf.summary).
    assert "PREFIX dcterms: <http://purl.org/dc/terms/>" in NAMED_QUERIES["stance_timeline"].text


def test_stance_timeline_lists_one_actors_stances_oldest_first(graph):
    result = run_named(graph, "stance_timeline", {"actor": "Lee", "target": "toll"})

    rows = [(r["date"], r["predicate"], r["polarity"], r["article"]) for r in result.records()]
    assert rows == [
        ("2024-01-05", "supports", "1", "a1"),
        ("2024-02-10", "criticizes", "-1", "a3"),
        ("2024-03-01", "opposes", "-1", "a2"),
        (None, "supports", "1", "a4"),
    ]
    first = result.records()[0]
    assert first["url"] == "https://example.org/1"
    assert first["sentence"] == "Sentence 1."


def test_stance_changes_finds_the_actors_that_changed_sides(graph):
    result = run_named(graph, "stance_changes")

    assert result.columns == (
        "actor",
        "target",
        "change",
        "first_for",
        "last_for",
        "first_against",
        "last_against",
    )
    assert [tuple(row) for row in result.rows] == [
        ("Ann Lee", "Harbour toll", "for → against", "2024-01-05", "2024-01-05", "2024-02-10",
         "2024-03-01"),
        ("Bob Roe", "Riverside park", "back and forth", "2024-01-05", "2024-03-01", "2024-02-10",
         "2024-02-10"),
    ]  # fmt: skip
