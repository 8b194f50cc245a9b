"""A build into an existing output equals a fresh build of the same articles."""

from __future__ import annotations

import json
import pickle

import pyoxigraph as ox
import pytest

from kg.corpus import assemble
from kg.pipeline import build

TEXTS = {
    "p1": "Senator Chuck Varden opposes the congestion toll.",
    "p2": "Mayor Lena Ostrow praised the housing plan.",
    "p3": "The Harbor Workers Union supports the ferry subsidy.",
    "p4": "Governor Tomas Reyes criticized the transit levy. Reyes opposes the congestion toll.",
    "p5": "Senator Charles Varden backs the ferry subsidy and opposes the congestion toll.",
}
CHANGED = {"p2": "Mayor Lena Ostrow criticized the housing plan. She backs the transit levy."}

#: Triples about builds: each build is its own activity, so two builds differ there.
BUILD_IRIS = ("https://w3id.org/policy-kg/id/build-", "https://w3id.org/policy-kg/id/software-")


def corpus(tmp_path, ids, texts=TEXTS):
    path = tmp_path / "corpus.jsonl"
    rows = [json.dumps({"id": i, "text": texts.get(i, TEXTS[i])}) for i in ids]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def triples(store):
    return {
        str(q.triple)
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        if not q.subject.value.startswith(BUILD_IRIS)
    }


def graph_of(out):
    """The triples of ``graph.ttl`` and of the store (they must be the same)."""
    exported = ox.Store()
    exported.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    stored = triples(ox.Store.read_only(str(out / "store")))
    assert triples(exported) == stored
    return stored


def state(out):
    with open(out / "cache" / "state.pickle", "rb") as fh:
        return pickle.load(fh)


def assert_same(out, fresh):
    assert (out / "claims.jsonl").read_bytes() == (fresh / "claims.jsonl").read_bytes()
    assert graph_of(out) == graph_of(fresh)
    assert (out / "graph.html").read_bytes() == (fresh / "graph.html").read_bytes()
    assert state(out).table == state(fresh).table
    assert state(out).shared == state(fresh).shared


@pytest.mark.parametrize("share", [100.0, 0.0], ids=["store-updated", "store-reloaded"])
def test_adding_changing_and_removing_articles_equals_a_fresh_build(
    tmp_path, nlp, monkeypatch, share
):
    monkeypatch.setattr(assemble, "DELTA_SHARE", share)
    monkeypatch.setattr(assemble, "LOAD_CHUNK", 1)  # a fresh store loads piece by piece
    updates = []
    real = assemble._update_store
    monkeypatch.setattr(assemble, "_update_store", lambda *a: updates.append(1) or real(*a))
    out = tmp_path / "out"
    build([corpus(tmp_path, ["p1", "p2", "p3"])], out, nlp=nlp)
    steps = [
        ("added (and Chuck Varden merged into Charles)", ["p1", "p2", "p3", "p4", "p5"], {}),
        ("changed", ["p1", "p2", "p3", "p4", "p5"], CHANGED),
        ("removed (and the merge undone)", ["p1", "p2", "p4"], CHANGED),
    ]
    for number, (what, ids, texts) in enumerate(steps):
        report = build([corpus(tmp_path, ids, texts)], out, nlp=nlp)
        fresh = tmp_path / f"fresh-{number}"
        build([corpus(tmp_path, ids, texts)], fresh, nlp=nlp)
        assert report.documents == len(ids), what
        assert_same(out, fresh)
    assert len(updates) == (3 if share else 0)


def test_a_merge_rewrites_only_the_articles_it_touches(tmp_path, nlp):
    out = tmp_path / "out"
    build([corpus(tmp_path, ["p1", "p2", "p3"])], out, nlp=nlp, view=False)
    first = {a: s.fragment for a, s in state(out).articles.items()}

    build([corpus(tmp_path, ["p1", "p2", "p3", "p5"])], out, nlp=nlp, view=False)

    again = {a: s.fragment for a, s in state(out).articles.items()}
    assert again["p2"] == first["p2"] and again["p3"] == first["p3"]
    assert again["p1"] != first["p1"]  # Chuck Varden is now Charles Varden
    lines = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    assert "chuck_varden" not in {line["subject_id"] for line in lines}
