"""Analysis of the claim graph with NetworkX: who is central, who clashes, who
sides with whom, and how polarised the debate is."""

from __future__ import annotations

from kg.analysis.network import (
    analyze,
    central_actors,
    claim_id,
    claims_to_networkx,
    net_stances,
    opposing_pairs,
    target_stances,
    to_networkx,
)
from kg.analysis.signed import coalitions, communities, polarization, signed_graph

__all__ = [
    "analyze",
    "central_actors",
    "claim_id",
    "claims_to_networkx",
    "coalitions",
    "communities",
    "net_stances",
    "opposing_pairs",
    "polarization",
    "signed_graph",
    "target_stances",
    "to_networkx",
]
