"""Analysis of the claim graph with NetworkX: who is central, who clashes, who sides with whom."""

from __future__ import annotations

from kg.analysis.network import (
    analyze,
    central_actors,
    claim_id,
    claims_to_networkx,
    coalitions,
    opposing_pairs,
    target_stances,
    to_networkx,
)

__all__ = [
    "analyze",
    "central_actors",
    "claim_id",
    "claims_to_networkx",
    "coalitions",
    "opposing_pairs",
    "target_stances",
    "to_networkx",
]
