"""A build on a Dask cluster equals the build on this machine."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import PROV, RDFS

from kg.errors import KGError
from kg.pipeline import build
from kg.rdf.namespaces import KGR
from kg.rdf.store import read_graph

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        yield cluster


def write_corpus(path, articles):
    rows = [{"id": a.id, "text": a.text} for a in articles]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def without_build_times(path):
    """The graph of ``path`` with its build activity (named by its start time) as one node."""
    graph = read_graph(path)
    activity = URIRef("urn:build")
    out = Graph()
    for s, p, o in graph:
        if p in (PROV.startedAtTime, PROV.endedAtTime) or (p == RDFS.label and is_build(s)):
            continue
        out.add((activity if is_build(s) else s, p, activity if is_build(o) else o))
    return out


def is_build(term):
    return isinstance(term, URIRef) and str(term).startswith(str(KGR["build-"]))


def test_a_cluster_build_equals_the_local_build(cluster, nlp, articles, tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", articles[:12])
    local = build([corpus], tmp_path / "local", nlp=nlp, view=False)
    remote = build(
        [corpus], tmp_path / "remote", nlp=nlp, view=False, scheduler=cluster.scheduler_address
    )
    assert remote.claims == local.claims > 0
    claims = [
        (tmp_path / d / "claims.jsonl").read_text(encoding="utf-8") for d in ("local", "remote")
    ]
    assert claims[0] == claims[1]
    graphs = [without_build_times(tmp_path / d / "graph.ttl") for d in ("local", "remote")]
    assert len(graphs[0]) > 100
    assert to_isomorphic(graphs[0]) == to_isomorphic(graphs[1])
    with distributed.Client(cluster.scheduler_address) as client:
        plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
    assert all(any(p.startswith("kg-pipeline-") for p in names) for names in plugins.values())


def test_an_unreachable_scheduler_is_a_one_line_error(nlp, articles, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.parallel.cluster.CONNECT_SECONDS", 1)
    corpus = write_corpus(tmp_path / "c.jsonl", articles[:1])
    with pytest.raises(
        KGError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"
    ) as info:
        build([corpus], tmp_path / "out", nlp=nlp, scheduler="tcp://127.0.0.1:9")
    assert "\n" not in str(info.value)
    assert not (tmp_path / "out").exists()
