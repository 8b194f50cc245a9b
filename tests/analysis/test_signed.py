"""The signed network: polarisation (structural balance), communities, coalitions."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis.network import claims_to_networkx
from kg.analysis.signed import coalitions, communities, polarization, signed_graph
from kg.errors import AnalysisError
from kg.model import Claim, Entity, Provenance

_offset = iter(range(0, 100_000, 100))


def person(name: str) -> Entity:
    return Entity.named(name, "Person")


def issue(name: str) -> Entity:
    return Entity.named(name, "Issue")


def claim(s: Entity, p: str, o: Entity, polarity: int, article: str = "a1") -> Claim:
    start = next(_offset)
    sentence = f"{s.label} {p} {o.label}."
    ev = Provenance(article, sentence, start, start + len(sentence), "stance.v1", "1")
    return Claim(s, p, o, ev, polarity=polarity, confidence=0.8)


ANN, BOB, CAT, DAN, EVE = (person(n) for n in ("Ann", "Bob", "Cat", "Dan", "Eve"))
TOLL, PARK, PORT = issue("Toll"), issue("Park"), issue("Port")
# Two camps: Ann and Bob for the toll and the park, Cat and Dan against both;
# Dan criticizes Ann. Eve's debate (the port) is apart from theirs.
TWO_CAMPS = [
    claim(ANN, "supports", TOLL, 1),
    claim(BOB, "supports", TOLL, 1),
    claim(ANN, "supports", PARK, 1),
    claim(BOB, "praises", PARK, 1),
    claim(CAT, "opposes", TOLL, -1),
    claim(DAN, "opposes", TOLL, -1),
    claim(CAT, "criticizes", PARK, -1),
    claim(DAN, "opposes", PARK, -1),
    claim(DAN, "criticizes", ANN, -1),
    claim(EVE, "supports", PORT, 1),
]


@pytest.fixture
def G() -> nx.MultiDiGraph:
    return claims_to_networkx(TWO_CAMPS)


def test_signed_graph_has_one_edge_per_net_stance(G):
    S = signed_graph(G)
    assert S.number_of_edges() == 10
    assert S["ann"]["toll"] == {"sign": 1, "weight": 1}
    assert S["dan"]["ann"]["sign"] == -1
    # Stances that cancel out give no edge.
    both = claims_to_networkx([claim(ANN, "supports", TOLL, 1), claim(ANN, "opposes", TOLL, -1)])
    assert signed_graph(both).number_of_edges() == 0


def test_a_perfectly_split_debate_is_balanced_into_its_two_camps(G):
    result = polarization(G)
    assert result["balance"] == 1.0
    assert (result["edges"], result["frustrated"], result["components"]) == (10, 0, 2)
    camps = sorted((c["members"], c["supports"], c["opposes"]) for c in result["camps"])
    assert camps == [
        (["Ann", "Bob"], ["Park", "Toll"], []),
        (["Dan", "Cat"], [], ["Park", "Toll"]),
    ]


def test_a_turncoat_frustrates_an_edge():
    # Bob supports the toll with Ann but also criticizes Ann: no split satisfies both.
    G = claims_to_networkx([*TWO_CAMPS, claim(BOB, "criticizes", ANN, -1)])
    result = polarization(G)
    assert result["frustrated"] == 1
    assert result["balance"] == pytest.approx(1 - 1 / 11, abs=1e-4)


def test_communities_split_separate_debates_and_are_reproducible(G):
    result = communities(G, min_size=1)
    groups = [set(c["members"]) | set(c["targets"]) for c in result]
    assert {"Eve", "Port"} in groups  # a debate apart is a community of its own
    debate = {"Ann", "Bob", "Cat", "Dan", "Park", "Toll"}
    assert set().union(*(g for g in groups if g != {"Eve", "Port"})) == debate
    assert all(g <= debate for g in groups if g != {"Eve", "Port"})
    assert communities(G, min_size=1) == result  # seeded: the same groups every run
    assert sum(c["size"] for c in result) == 8
    assert all(c["size"] >= 3 for c in communities(G, min_size=3))


def test_coalitions_are_the_camps_and_never_hold_an_opposed_pair(G):
    assert [(r["members"], r["supports"], r["opposes"]) for r in coalitions(G)] == [
        (["Ann", "Bob"], ["Park", "Toll"], []),
        (["Cat", "Dan"], [], ["Park", "Toll"]),
    ]


def test_coalitions_grow_with_the_stances_not_with_their_square():
    # 200 actors on one side of one target: a clique would have 19,900 links.
    crowd = [person(f"Backer {i:03d}") for i in range(200)]
    G = claims_to_networkx([claim(p, "supports", TOLL, 1) for p in crowd])
    [record] = coalitions(G)
    assert record["size"] == 200 and record["supports"] == ["Toll"]


@pytest.mark.parametrize("analysis", [polarization, communities, coalitions])
def test_an_empty_graph_is_an_analysis_error(analysis):
    with pytest.raises(AnalysisError, match="empty"):
        analysis(nx.MultiDiGraph())


def test_min_size_must_be_positive(G):
    for analysis in (communities, coalitions):
        with pytest.raises(AnalysisError, match="min_size must be at least 1, not 0"):
            analysis(G, min_size=0)


def test_a_graph_without_signed_stances_has_no_balance_and_no_camps():
    G = claims_to_networkx([claim(ANN, "announces", TOLL, 0)])
    result = polarization(G)
    assert (result["balance"], result["edges"], result["camps"]) == (None, 0, [])
    assert communities(G) == [] and coalitions(G) == []
