from __future__ import annotations

import io

import networkx as nx
import pytest

from kg.analysis.network import (
    analyze,
    central_actors,
    claim_id,
    claims_to_networkx,
    opposing_pairs,
    target_stances,
)
from kg.analysis.signed import coalitions
from kg.errors import AnalysisError
from kg.model import Claim, Entity, Provenance

MAMDANI = Entity.named("Zohran Mamdani", "Person", ("Mamdani",))
ADAMS = Entity.named("Eric Adams", "Person")
CUOMO = Entity.named("Andrew Cuomo", "Person")
LANDER = Entity.named("Brad Lander", "Person")
NYPD = Entity.named("NYPD", "Organization", ("New York Police Department",))
ASSIST = Entity.named("NYPD assistance with ICE", "Issue")
BUSES = Entity.named("Free buses", "Issue")
MAYOR = Entity.named("Mayor", "Role")

_offset = iter(range(0, 10_000, 100))


def claim(subject: Entity, predicate: str, obj: Entity, polarity: int, **kw) -> Claim:
    start = next(_offset)
    sentence = f"{subject.label} {predicate} {obj.label}."
    ev = Provenance("art-1", sentence, start, start + len(sentence), "stance.v1", "1")
    return Claim(subject, predicate, obj, ev, polarity=polarity, confidence=0.9, **kw)


CLAIMS = [
    claim(MAMDANI, "opposes", ASSIST, -1),
    claim(LANDER, "opposes", ASSIST, -1),
    claim(ADAMS, "supports", ASSIST, 1),
    claim(CUOMO, "supports", ASSIST, 1),
    claim(MAMDANI, "supports", BUSES, 1, speaker=MAMDANI, cue="backs"),
    claim(LANDER, "supports", BUSES, 1),
    claim(CUOMO, "criticizes", MAMDANI, -1),
    claim(MAMDANI, "criticizes", ADAMS, -1),
    claim(LANDER, "agreesWith", MAMDANI, 1),
    claim(ADAMS, "holdsRole", MAYOR, 0),
    claim(NYPD, "announces", ASSIST, 0),
    claim(ADAMS, "praises", NYPD, 1),
]


@pytest.fixture
def G() -> nx.MultiDiGraph:
    return claims_to_networkx(CLAIMS)


def test_nodes_and_edges_carry_the_claims(G):
    assert G.number_of_nodes() == 8
    assert G.number_of_edges() == len(CLAIMS)
    assert G.nodes["zohran_mamdani"] == {
        "label": "Zohran Mamdani",
        "kind": "Person",
        "aliases": "Mamdani",
    }
    assert G.nodes["mayor"]["kind"] == "Role"
    key = claim_id(CLAIMS[4])
    assert G.edges["zohran_mamdani", "free_buses", key] == {
        "predicate": "supports",
        "polarity": 1,
        "confidence": 0.9,
        "negated": False,
        "modality": "asserted",
        "speaker": "Zohran Mamdani",
        "cue": "backs",
        "sentence": "Zohran Mamdani supports Free buses.",
        "article": "art-1",
        "date": "",
        "url": "",
        "source": "",
        "start": 400,
        "end": 435,
        "claim": key,
    }


def test_attribute_values_are_plain_and_export_to_graphml_and_gexf(G):
    for _, d in G.nodes(data=True):
        assert all(type(v) in (str, int, float, bool) for v in d.values())
    for *_, d in G.edges(data=True):
        assert all(type(v) in (str, int, float, bool) for v in d.values())
    buffer = io.BytesIO()
    nx.write_graphml(G, buffer)
    back = nx.read_graphml(io.BytesIO(buffer.getvalue()), force_multigraph=True)
    assert set(back.edges(keys=True)) == set(G.edges(keys=True))
    nx.write_gexf(G, io.BytesIO())


def test_aliases_of_an_entity_are_merged_across_claims():
    short = Entity("zohran_mamdani", "Zohran Mamdani", "Person", ("Zohran",))
    G = claims_to_networkx([CLAIMS[0], claim(short, "supports", BUSES, 1)])
    assert G.nodes["zohran_mamdani"]["aliases"] == "Mamdani; Zohran"


def test_claim_id_is_stable_and_unique():
    ids = [claim_id(c) for c in CLAIMS]
    assert len(set(ids)) == len(CLAIMS)
    assert ids == [claim_id(c) for c in CLAIMS]


def test_claim_id_is_the_local_name_of_the_rdf_claim_node():
    from kg.rdf.graph import claim_iri
    from kg.rdf.namespaces import KGR

    assert str(claim_iri(CLAIMS[0])) == str(KGR) + claim_id(CLAIMS[0])


def test_central_actors_ranks_by_stance_degree_then_pagerank(G):
    ranking = central_actors(G)
    assert [(r["label"], r["score"], r["claims"]) for r in ranking] == [
        ("Zohran Mamdani", 0.8333, 5),
        ("Eric Adams", 0.5, 3),  # ties with Lander; Mamdani's criticism lifts its PageRank
        ("Brad Lander", 0.5, 3),
        ("NYPD", 0.3333, 2),
        ("Andrew Cuomo", 0.3333, 2),
    ]
    assert ranking[0]["kind"] == "Person" and ranking[0]["id"] == "zohran_mamdani"
    assert ranking[1]["pagerank"] > ranking[2]["pagerank"]
    assert [r["label"] for r in central_actors(G, top=2)] == ["Zohran Mamdani", "Eric Adams"]


def test_central_actors_leaves_out_issues_and_roles(G):
    kinds = {r["kind"] for r in central_actors(G, top=100)}
    assert kinds <= {"Person", "Organization", "Place", "Group"}


def test_opposing_pairs_direct_and_on_shared_targets(G):
    got = [(r["a"], r["b"], r["direct"], r["targets"], r["evidence"]) for r in opposing_pairs(G)]
    assert got == [
        ("Andrew Cuomo", "Brad Lander", 0, ["NYPD assistance with ICE", "Zohran Mamdani"], 4),
        ("Andrew Cuomo", "Zohran Mamdani", 1, ["NYPD assistance with ICE"], 3),
        ("Eric Adams", "Zohran Mamdani", 1, ["NYPD assistance with ICE"], 3),
        ("Brad Lander", "Eric Adams", 0, ["NYPD assistance with ICE"], 2),
    ]


def test_coalitions_group_actors_that_stand_together(G):
    got = [(r["members"], r["supports"], r["opposes"]) for r in coalitions(G)]
    assert got == [
        (["Andrew Cuomo", "Eric Adams", "NYPD"], ["NYPD assistance with ICE"], []),
        (["Brad Lander", "Zohran Mamdani"], ["Free buses"], ["NYPD assistance with ICE"]),
    ]
    assert [r["size"] for r in coalitions(G, min_size=3)] == [3]


def test_opposed_actors_are_never_linked_in_a_coalition():
    # Both support the buses, but one criticizes the other.
    G = claims_to_networkx(
        [
            claim(MAMDANI, "supports", BUSES, 1),
            claim(LANDER, "supports", BUSES, 1),
            claim(LANDER, "criticizes", MAMDANI, -1),
        ]
    )
    assert coalitions(G) == []
    assert [r["members"] for r in coalitions(G, min_size=1)] == [
        ["Brad Lander"],
        ["Zohran Mamdani"],
    ]


def test_target_stances_count_supporters_and_opponents(G):
    got = [
        (r["target"], r["supporters"], r["opponents"], r["supporter_names"], r["opponent_names"])
        for r in target_stances(G)
    ]
    assert got == [
        (
            "NYPD assistance with ICE",
            2,
            2,
            ["Andrew Cuomo", "Eric Adams"],
            ["Brad Lander", "Zohran Mamdani"],
        ),
        ("Free buses", 2, 0, ["Brad Lander", "Zohran Mamdani"], []),
        ("Zohran Mamdani", 1, 1, ["Brad Lander"], ["Andrew Cuomo"]),
        ("Eric Adams", 0, 1, [], ["Zohran Mamdani"]),
        ("NYPD", 1, 0, ["Eric Adams"], []),
    ]
    assert target_stances(G)[0]["claims"] == 5  # the neutral announcement counts as a claim
    assert "Mayor" not in {r["target"] for r in target_stances(G)}


def test_net_stance_weighs_confidence():
    ev = Provenance("a", "s", 0, 1, "x", "1")
    ev2 = Provenance("a", "t", 2, 3, "x", "1")
    G = claims_to_networkx(
        [
            Claim(MAMDANI, "supports", BUSES, ev, polarity=1, confidence=0.9),
            Claim(MAMDANI, "opposes", BUSES, ev2, polarity=-1, confidence=0.4),
        ]
    )
    [record] = target_stances(G)
    assert (record["supporter_names"], record["opponents"], record["claims"]) == (
        ["Zohran Mamdani"],
        0,
        2,
    )


def test_analyze_returns_every_analysis(G):
    result = analyze(G, top=3)
    assert list(result) == [
        "central_actors",
        "opposing_pairs",
        "polarization",
        "communities",
        "coalitions",
        "targets",
    ]
    assert len(result["central_actors"]) == 3
    assert result["targets"] == target_stances(G)


@pytest.mark.parametrize(
    "analysis", [central_actors, opposing_pairs, coalitions, target_stances, analyze]
)
def test_an_empty_graph_is_an_analysis_error(analysis):
    with pytest.raises(AnalysisError, match="empty"):
        analysis(nx.MultiDiGraph())


def test_pointless_parameters_are_analysis_errors(G):
    with pytest.raises(AnalysisError, match="top must be at least 1, not 0"):
        central_actors(G, top=0)
    with pytest.raises(AnalysisError, match="min_size"):
        coalitions(G, min_size=0)


def test_a_graph_of_relations_only_has_no_central_actors():
    G = claims_to_networkx([claim(ADAMS, "holdsRole", MAYOR, 0)])
    assert central_actors(G) == []
    assert target_stances(G) == []


def test_the_lean_graph_has_the_same_nodes_edges_and_analyses():
    from kg.analysis.network import to_networkx
    from kg.model import Extraction
    from kg.rdf.graph import to_graph

    entities = tuple({e.key: e for c in CLAIMS for e in (c.subject, c.object)}.values())
    graph = to_graph(Extraction((), entities, tuple(CLAIMS)))
    full, lean = to_networkx(graph), to_networkx(graph, evidence=False)
    assert list(lean.nodes(data=True)) == list(full.nodes(data=True))
    assert list(lean.edges(keys=True)) == list(full.edges(keys=True))
    for u, v, key, d in lean.edges(keys=True, data=True):
        assert d == {k: full.edges[u, v, key][k] for k in d}
    assert analyze(lean) == analyze(full)
