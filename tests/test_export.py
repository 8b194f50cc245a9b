from __future__ import annotations

import io

import networkx as nx
import pytest
import rdflib
from rdflib.compare import to_isomorphic

from kg.analysis.network import claim_id, claims_to_networkx
from kg.errors import UnknownNameError
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
    assert list(EXPORT_FORMATS) == ["ttl", "nt", "trig", "jsonld", "graphml", "gexf"]
    assert [EXPORT_FORMATS.resolve(n) for n in ("Turtle", "n-triples", "JSON-LD", "GraphML")] == [
        "ttl",
        "nt",
        "jsonld",
        "graphml",
    ]


def test_unknown_format_lists_the_choices(graph, tmp_path):
    with pytest.raises(UnknownNameError, match="unknown export format 'csv'; choose one of: gexf"):
        export_graph(graph, "csv", tmp_path / "g.csv")
    assert not (tmp_path / "g.csv").exists()


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
