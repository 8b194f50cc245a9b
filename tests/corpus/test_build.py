"""kg build as a whole: failures left out, reuse, the store, provenance, the output as one set."""

from __future__ import annotations

import json
import os

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib.namespace import PROV, RDF

from kg.corpus.cache import BuildCache
from kg.corpus.outdir import staged_output
from kg.errors import ExtractionError, OutputError
from kg.extract import DEFAULT_EXTRACTORS, EXTRACTORS, extract_articles
from kg.ingest.reader import read_articles
from kg.pipeline import build, write_view
from kg.rdf.graph import claims_from_graph, entity_iri
from kg.rdf.store import read_graph

TEXTS = {
    "p1": "Senator Chuck Varden opposes the congestion toll.",
    "p2": "Mayor Lena Ostrow praised the housing plan.",
    "p3": "The Harbor Workers Union supports the ferry subsidy. It is a kaboom article.",
    "p4": "Governor Tomas Reyes criticized the transit levy.",
    "p5": "Senator Charles Varden backs the ferry subsidy.",
}


def corpus(tmp_path, ids, name="corpus.jsonl"):
    path = tmp_path / name
    rows = [json.dumps({"id": i, "text": TEXTS[i]}) for i in ids]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def claim_lines(out):
    return [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]


def claim_nodes(out):
    store = ox.Store.read_only(str(out / "store"))
    query = "SELECT ?c WHERE { ?c a <https://w3id.org/policy-kg/ontology#Claim> }"
    return {row[0].value for row in store.query(query)}


@pytest.fixture
def boom(monkeypatch):
    """A rule that raises on any article that says "kaboom"."""

    def explode(doc, analysis, *, config):
        if "kaboom" in doc.text:
            raise RuntimeError("the test rule exploded")
        return iter(())

    monkeypatch.setitem(EXTRACTORS, "boom.v1", explode)
    return (*DEFAULT_EXTRACTORS, "boom.v1")


def test_one_failing_article_is_reported_and_the_others_built(tmp_path, nlp, boom):
    out = tmp_path / "out"
    report = build(
        [corpus(tmp_path, ["p1", "p2", "p3", "p4"])], out, nlp=nlp, extractors=boom, view=False
    )

    assert [f.article for f in report.failures] == ["p3"]
    assert (
        report.failures[0]
        .describe()
        .startswith("article 'p3' was not extracted: RuntimeError: the test rule exploded (")
    )
    assert "\n" not in report.failures[0].describe()
    assert report.documents == 3
    assert {line["article"] for line in claim_lines(out)} == {"p1", "p2", "p4"}


def test_strict_build_fails_and_writes_nothing(tmp_path, nlp, boom):
    out = tmp_path / "out"
    with pytest.raises(ExtractionError, match=r"1 of 4 articles failed \(first: article 'p3'"):
        build(
            [corpus(tmp_path, ["p1", "p2", "p3", "p4"])],
            out,
            nlp=nlp,
            extractors=boom,
            strict=True,
            view=False,
        )
    assert not out.exists()
    assert set(os.listdir(tmp_path)) == {"corpus.jsonl", ".out.kg-lock"}


def test_build_equals_the_in_memory_extraction(tmp_path, nlp):
    source = corpus(tmp_path, ["p1", "p2", "p4"])
    out = tmp_path / "out"
    build([source], out, nlp=nlp)
    extraction = extract_articles(read_articles([source]), nlp)

    graph = read_graph(out / "graph.ttl")
    assert claims_from_graph(graph) == list(extraction.claims)
    assert [c.id for c in claims_from_graph(graph)] == [c.id for c in extraction.claims]
    assert len(claim_lines(out)) == len(extraction.claims)
    assert claim_nodes(out) == {str(s) for s in graph.subjects(RDF.type, graph_claim())}
    write_view(graph, tmp_path / "view.html")
    assert (out / "graph.html").read_bytes() == (tmp_path / "view.html").read_bytes()


def graph_claim():
    from kg.rdf.namespaces import KG

    return KG.Claim


def test_rebuild_reuses_unchanged_articles_and_drops_gone_ones(tmp_path, nlp):
    out = tmp_path / "out"
    first = build([corpus(tmp_path, ["p1", "p2", "p4"])], out, nlp=nlp, view=False)
    before = claim_nodes(out)
    again = build([corpus(tmp_path, ["p1", "p2", "p4"])], out, nlp=nlp, view=False)
    assert again.up_to_date and again.claims == first.claims

    smaller = build([corpus(tmp_path, ["p1", "p2"])], out, nlp=nlp, view=False)
    grown = build([corpus(tmp_path, ["p1", "p2", "p4"])], out, nlp=nlp, view=False)
    assert [line["article"] for line in claim_lines(out)] == sorted(
        line["article"] for line in claim_lines(out)
    )
    assert claim_nodes(out) == before and (grown.reused, grown.parsed) == (2, 1)
    smaller = build([corpus(tmp_path, ["p1", "p2"])], out, nlp=nlp, view=False)

    assert (smaller.reused, smaller.parsed) == (2, 0)
    assert {line["article"] for line in claim_lines(out)} == {"p1", "p2"}
    kept = {line["article"] for line in claim_lines(out)}
    assert kept == {"p1", "p2"} and claim_nodes(out) < before
    assert len(list((out / "cache" / "units").iterdir())) == 2
    assert len(list((out / "cache" / "parses").iterdir())) == 2


def test_a_new_lexicon_reextracts_without_parsing(tmp_path, nlp):
    out = tmp_path / "out"
    source = corpus(tmp_path, ["p1", "p2"])
    build([source], out, nlp=nlp, view=False)
    cues = tmp_path / "cues.tsv"
    cues.write_text("hail\tVERB\t-\tpraises\tpraises\t1\t0.8\t-\n", encoding="utf-8")

    report = build([source], out, nlp=nlp, cue_files=[cues], view=False)

    assert (report.reused, report.parsed, report.documents) == (0, 0, 2)


def test_each_build_is_its_own_activity(tmp_path, nlp):
    out = tmp_path / "out"
    build([corpus(tmp_path, ["p1"])], out, nlp=nlp, view=False)
    build([corpus(tmp_path, ["p1", "p2"])], out, nlp=nlp, view=False)

    graph = read_graph(out / "graph.ttl")
    builds = [
        b for b in graph.subjects(RDF.type, PROV.Activity) if str(b).split("/")[-1][:6] == "build-"
    ]
    assert len(builds) == 2
    used = sorted(len(list(graph.objects(b, PROV.used))) for b in builds)
    assert used == [1, 2]
    for b in builds:
        assert graph.value(b, PROV.startedAtTime) < graph.value(b, PROV.endedAtTime)
        agent = graph.value(b, PROV.wasAssociatedWith)
        assert (agent, RDF.type, PROV.SoftwareAgent) in graph


def test_a_second_build_into_a_locked_folder_names_the_holder(tmp_path, nlp):
    out = tmp_path / "out"
    with (
        staged_output(out),
        pytest.raises(
            OutputError, match=rf"another kg build is writing it \(process {os.getpid()} on "
        ),
    ):
        build([corpus(tmp_path, ["p1"])], out, nlp=nlp, view=False)


def test_an_interrupted_build_leaves_the_previous_output_whole(tmp_path, nlp, monkeypatch):
    out = tmp_path / "out"
    build([corpus(tmp_path, ["p1"])], out, nlp=nlp, view=False)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    def interrupted(self, state):  # noqa: ARG001 (the last step of a build)
        raise KeyboardInterrupt

    monkeypatch.setattr(BuildCache, "save_state", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([corpus(tmp_path, ["p1", "p2"])], out, nlp=nlp, view=False)

    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not [p for p in tmp_path.iterdir() if "staging" in p.name]


def test_leftovers_of_a_killed_build_are_removed_and_other_files_kept(tmp_path, nlp):
    out = tmp_path / "out"
    leftover = tmp_path / ".out.kg-staging-99999"
    (leftover / "store").mkdir(parents=True)
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")

    build([corpus(tmp_path, ["p1"])], out, nlp=nlp, view=False)

    assert not leftover.exists()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "graph.ttl").is_file()


def test_a_later_merge_renames_the_entities_of_reused_articles(tmp_path, nlp):
    out = tmp_path / "out"
    build([corpus(tmp_path, ["p1", "p2"])], out, nlp=nlp, view=False)
    first = {c.id: c.subject.key for c in claims_from_graph(read_graph(out / "graph.ttl"))}
    assert "chuck_varden" in first.values()

    report = build([corpus(tmp_path, ["p1", "p2", "p5"])], out, nlp=nlp, view=False)

    assert report.reused == 2
    graph = read_graph(out / "graph.ttl")
    again = {c.id: c.subject.key for c in claims_from_graph(graph)}
    assert set(first) <= set(again)  # the same claim IRIs
    assert {again[i] for i, key in first.items() if key == "chuck_varden"} == {"charles_varden"}
    assert "chuck_varden" not in {line["subject_id"] for line in claim_lines(out)}
    same_as = "http://www.w3.org/2002/07/owl#sameAs"
    assert (entity_iri("chuck_varden"), URIRef(same_as), entity_iri("charles_varden")) in graph
