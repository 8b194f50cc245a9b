from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
import rdflib
from rdflib.compare import to_isomorphic

from kg.analysis.network import claim_id, claims_to_networkx
from kg.errors import OutputError, UnknownNameError
from kg.export import EXPORT_FORMATS, export_graph, networkx_bytes
from kg.model import Article, Claim, Entity, Extraction, Provenance

TEXT = "Mamdani opposes NYPD assistance with ICE. Adams supports it."
MAMDANI = Entity.named("Zohran Mamdani", "Person", ("Mamdani",))
ADAMS = Entity.named("Eric Adams", "Person", ("Adams",))
ASSIST = Entity.named("NYPD assistance with ICE", "Issue")
CLAIMS = (
    Claim(
        MAMDANI,
        "opposes",
        ASSIST,
        Provenance("a1", TEXT[:41], 0, 41, "stance.v1", "1"),
        polarity=-1,
        confidence=0.9,
        cue="opposes",
    ),
    Claim(
        ADAMS,
        "supports",
        ASSIST,
        Provenance("a1", TEXT[42:], 42, 60, "stance.v1", "1"),
        polarity=1,
        confidence=0.8,
        cue="supports",
    ),
)


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    from kg.rdf.graph import to_graph

    extraction = Extraction(
        articles=(Article("a1", TEXT),), entities=(MAMDANI, ADAMS, ASSIST), claims=CLAIMS
    )
    return to_graph(extraction)


def test_format_names_and_aliases_resolve():
    assert list(EXPORT_FORMATS) == ["ttl", "nt", "trig", "jsonld", "graphml", "gexf", "csv"]
    assert [EXPORT_FORMATS.resolve(n) for n in ("Turtle", "n-triples", "JSON-LD", "GraphML")] == [
        "ttl",
        "nt",
        "jsonld",
        "graphml",
    ]


def test_unknown_format_lists_the_choices(graph, tmp_path):
    with pytest.raises(UnknownNameError, match="unknown export format 'xls'; choose one of: csv"):
        export_graph(graph, "xls", tmp_path / "g.xls")
    assert not (tmp_path / "g.xls").exists()


def test_graphml_holds_the_claim_graph(graph, tmp_path):
    path = export_graph(graph, "graphml", tmp_path / "out" / "g.graphml")
    assert path == tmp_path / "out" / "g.graphml"
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.is_directed()
    assert dict(back.nodes(data="label")) == {
        "zohran_mamdani": "Zohran Mamdani",
        "eric_adams": "Eric Adams",
        "nypd_assistance_with_ice": "NYPD assistance with ICE",
    }
    assert back.nodes["zohran_mamdani"]["kind"] == "Person"
    edge = back.edges["zohran_mamdani", "nypd_assistance_with_ice", claim_id(CLAIMS[0])]
    assert (edge["predicate"], edge["polarity"], edge["start"], edge["end"]) == (
        "opposes",
        -1,
        0,
        41,
    )
    assert edge["sentence"] == TEXT[:41]
    assert back.number_of_edges() == 2


def test_gexf_holds_the_claim_graph_without_time_spells(graph, tmp_path):
    path = export_graph(graph, "gexf", tmp_path / "g.gexf")
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' not in text  # offsets are not read as time
    back = nx.read_gexf(path)
    assert sorted(back.nodes(data="label")) == [
        ("eric_adams", "Eric Adams"),
        ("nypd_assistance_with_ice", "NYPD assistance with ICE"),
        ("zohran_mamdani", "Zohran Mamdani"),
    ]
    edges = {d["id"]: d for *_, d in back.edges(data=True)}
    edge = edges[claim_id(CLAIMS[1])]
    assert (edge["predicate"], edge["polarity"], edge["char_start"], edge["char_end"]) == (
        "supports",
        1,
        42,
        60,
    )


def test_networkx_bytes_of_the_hand_made_graph_round_trip():
    G = claims_to_networkx(CLAIMS)
    back = nx.read_graphml(io.BytesIO(networkx_bytes(G, "graphml")), force_multigraph=True)
    assert set(back.edges(keys=True)) == set(G.edges(keys=True))
    with pytest.raises(UnknownNameError, match="NetworkX export format 'ttl'"):
        networkx_bytes(G, "ttl")


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "json-ld"])
def test_rdf_formats_keep_every_triple(graph, tmp_path, fmt):
    from kg.rdf.store import read_graph

    path = export_graph(graph, fmt, tmp_path / "graph.out")
    back = read_graph(path, fmt)
    assert len(back) == len(graph) > 0
    assert to_isomorphic(back) == to_isomorphic(graph)


def test_graphml_keeps_the_claim_id_as_an_edge_attribute(graph, tmp_path):
    path = export_graph(graph, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    # igraph reads GraphML edge ids as nothing: the claim id is also an attribute.
    assert sorted(d["claim"] for *_, d in back.edges(data=True)) == sorted(
        claim_id(c) for c in CLAIMS
    )
    assert 'attr.name="claim"' in path.read_text(encoding="utf-8")


CONTROL = "Ann Lee\x0bbacks\x0cthe\x01toll\ud800."


def _control_graph() -> nx.MultiDiGraph:
    ann = Entity.named("Ann\x01Lee", "Person")
    toll = Entity.named("Toll", "Issue")
    ev = Provenance("a\x0b1", CONTROL, 0, len(CONTROL), "stance.v1", "1", "2024-01-02")
    return claims_to_networkx([Claim(ann, "supports", toll, ev, polarity=1)])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_control_characters_do_not_break_the_xml(tmp_path, fmt):
    G = _control_graph()
    data = networkx_bytes(G, fmt)
    back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(data))
    (sentence,) = [d["sentence"] for *_, d in back.edges(data=True)]
    assert sentence == "Ann Lee backs the\ufffdtoll\ufffd."
    assert len(sentence) == len(CONTROL)
    assert sorted(back.nodes(data="label")) == [("ann_lee", "Ann\ufffdLee"), ("toll", "Toll")]


def test_control_characters_in_a_built_graph_export_to_valid_graphml(tmp_path):
    from kg.rdf.graph import to_graph

    text = "Ann Lee\x0bbacks the toll."
    ann, toll = Entity.named("Ann Lee", "Person"), Entity.named("Toll", "Issue")
    ev = Provenance("a1", text, 0, len(text), "stance.v1", "1")
    rdf = to_graph(
        Extraction((Article("a1", text),), (ann, toll), (Claim(ann, "supports", toll, ev, 1),))
    )
    path = export_graph(rdf, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(path)
    assert [d["sentence"] for *_, d in back.edges(data=True)] == ["Ann Lee backs the toll."]


def _rows(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_export_writes_nodes_and_edges_for_neo4j(graph, tmp_path):
    folder = export_graph(graph, "csv", tmp_path / "csv")
    assert folder == tmp_path / "csv"
    nodes, edges = _rows(folder / "nodes.csv"), _rows(folder / "edges.csv")

    assert list(nodes[0]) == ["id:ID", "label", "kind", "aliases", ":LABEL"]
    assert nodes == [
        {"id:ID": "eric_adams", "label": "Eric Adams", "kind": "Person", "aliases": "Adams",
         ":LABEL": "Entity;Person"},
        {"id:ID": "nypd_assistance_with_ice", "label": "NYPD assistance with ICE",
         "kind": "Issue", "aliases": "", ":LABEL": "Entity;Issue"},
        {"id:ID": "zohran_mamdani", "label": "Zohran Mamdani", "kind": "Person",
         "aliases": "Mamdani", ":LABEL": "Entity;Person"},
    ]  # fmt: skip
    assert list(edges[0])[:4] == [":START_ID", ":END_ID", ":TYPE", "claim"]
    first = edges[0]
    assert (first[":START_ID"], first[":END_ID"], first[":TYPE"]) == (
        "zohran_mamdani",
        "nypd_assistance_with_ice",
        "opposes",
    )
    assert first["claim"] == claim_id(CLAIMS[0])
    assert (first["polarity:int"], first["confidence:float"], first["negated:boolean"]) == (
        "-1",
        "0.9",
        "false",
    )
    assert (first["sentence"], first["start:int"], first["end:int"]) == (TEXT[:41], "0", "41")
    ids = {n["id:ID"] for n in nodes}
    assert all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges)
    assert len(edges) == len(CLAIMS)


def test_csv_export_quotes_sentences_with_commas_quotes_and_line_breaks(tmp_path):
    ann, toll = Entity.named("Ann", "Person"), Entity.named("Toll", "Issue")
    sentence = 'Ann said, "no\ntoll".'
    ev = Provenance("a1", sentence, 0, len(sentence), "stance.v1", "1")
    from kg.export import write_csv

    folder = write_csv(claims_to_networkx([Claim(ann, "opposes", toll, ev, -1)]), tmp_path)
    assert [e["sentence"] for e in _rows(folder / "edges.csv")] == [sentence]


def test_csv_export_into_a_file_is_an_error(graph, tmp_path):
    (tmp_path / "taken").write_text("x")
    with pytest.raises(OutputError, match="taken: is a file; the csv export writes nodes.csv"):
        export_graph(graph, "csv", tmp_path / "taken")
