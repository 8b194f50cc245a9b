"""The signed network of who stands for or against whom and what: polarisation,
communities and coalitions.

The **signed network** has one undirected edge per (actor, target) pair that
holds a net stance (see :mod:`kg.analysis.network`): ``sign`` +1 for, -1
against, ``weight`` the number of stance claims behind it. Targets are issues
or actors, so it holds the actor–actor graph (one actor praises or criticizes
another) and, unprojected, the ties between actors that take a side on the
same issue: two actors agree through a target they both support, disagree
through one they take opposite sides on. Nothing here builds a clique per
target, so every analysis grows with the number of stances, not with their
square.

>>> from kg.analysis.network import _example
>>> polarization(_example())["balance"]
1.0
>>> [c["members"] for c in polarization(_example())["camps"]]
[['Ann Lee'], ['Bob Roe']]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from kg.analysis.network import (
    Record,
    _check,
    _is_actor,
    _label,
    _stance_edges,
    _stances_by_target,
)
from kg.errors import AnalysisError

#: The seed of every Louvain run, so that the same graph gives the same groups.
SEED = 7

#: Passes of single-node moves that improve a two-camp split (each pass is linear).
BALANCE_PASSES = 20

#: Members and targets listed per camp, community or coalition in a record's
#: ``members``/``supports``/``opposes`` (the ``*_ids`` lists and ``size`` are whole).
LISTED = 10


def signed_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """The signed network of ``G``: actors and their targets, one edge per net stance.

    Edge attributes: ``sign`` (+1 or -1) and ``weight`` (number of stance
    claims). Stances that cancel out (net 0) give no edge. Where two actors
    take stances on each other, the edge holds the sum of both.

    >>> from kg.analysis.network import _example
    >>> S = signed_graph(_example())
    >>> S["ann_lee"]["congestion_toll"], S["bob_roe"]["congestion_toll"]
    ({'sign': 1, 'weight': 1}, {'sign': -1, 'weight': 1})
    """
    S = nx.Graph()
    net: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for target, stances in _stances_by_target(G).items():
        for actor, (sign, count) in stances.items():
            if sign:
                pair = (actor, target) if actor <= target else (target, actor)
                net[pair][0] += sign * count
                net[pair][1] += count
    for (u, v), (total, count) in sorted(net.items()):
        if total:
            S.add_edge(u, v, sign=1 if total > 0 else -1, weight=count)
    return S


def polarization(G: nx.MultiDiGraph) -> dict[str, Any]:
    """How far the signed network splits into two opposed camps (structural balance).

    A signed network is balanced when its nodes fall into two camps with every
    positive edge inside a camp and every negative edge between them. The
    split is found by giving each connected component the camps its spanning
    tree implies, then moving single nodes while that frustrates less edge
    weight. ``balance`` is the share of edge weight the split leaves
    unfrustrated (1.0: perfectly polarised into two camps; about 0.5: no
    two-camp structure; ``None`` when no stance is for or against anything),
    ``frustrated`` the edges against the split. Camps
    are only comparable inside a connected component: ``camps`` (larger
    first) are the two of the largest component, with their actors (the most
    engaged first), the targets the camp supports (in it) and those it
    opposes (in the other camp).

    >>> from kg.analysis.network import _example
    >>> result = polarization(_example())
    >>> result["edges"], result["frustrated"], result["camps"][0]["supports"]
    (2, 0, ['Congestion toll'])
    """
    _check(G)
    S = signed_graph(G)
    camp = _two_camps(S)
    # Camps are only comparable within a component: list those of the largest.
    main = max(nx.connected_components(S), key=lambda c: (len(c), sorted(c)), default=set())
    total = sum(w for *_, w in S.edges(data="weight"))
    frustrated = [(u, v, d) for u, v, d in S.edges(data=True) if _frustrated(camp, u, v, d)]
    bad = sum(d["weight"] for *_, d in frustrated)
    engaged = Counter({n: S.degree(n, weight="weight") for n in S})
    camps = []
    for side in (1, -1):
        nodes = sorted(
            (n for n in main if camp[n] == side), key=lambda n: (-engaged[n], _label(G, n), n)
        )
        actors = [n for n in nodes if _is_actor(G, n)]
        issues = [n for n in nodes if not _is_actor(G, n)]
        others = [n for n in main if camp[n] == -side and not _is_actor(G, n)]
        others.sort(key=lambda n: (-engaged[n], _label(G, n), n))
        camps.append(
            {
                "size": len(actors),
                "members": [_label(G, n) for n in actors[:LISTED]],
                "supports": [_label(G, n) for n in issues[:LISTED]],
                "opposes": [_label(G, n) for n in others[:LISTED]],
                "member_ids": actors,
            }
        )
    camps.sort(key=lambda c: (-c["size"], c["members"]))
    if not main:
        camps = []
    return {
        "balance": round(1 - bad / total, 4) if total else None,
        "edges": S.number_of_edges(),
        "frustrated": len(frustrated),
        "components": nx.number_connected_components(S),
        "largest_component": len(main),
        "camps": camps,
    }


def communities(G: nx.MultiDiGraph, min_size: int = 2) -> list[Record]:
    """The debates of the graph: groups of actors and targets that engage with
    each other, whatever side they take, largest first.

    Louvain communities (NetworkX, seeded with :data:`SEED`, so reproducible)
    of the signed network with its signs dropped, weighted by the number of
    claims. ``members`` are the actors (the most engaged first), ``targets``
    the issues in the community; ``size`` counts its actors and issues.

    >>> from kg.analysis.network import _example
    >>> [(c["members"], c["targets"]) for c in communities(_example())]
    [(['Ann Lee', 'Bob Roe'], ['Congestion toll'])]
    """
    _check(G)
    if min_size < 1:
        raise AnalysisError(f"min_size must be at least 1, not {min_size}")
    S = signed_graph(G)
    engaged = {n: S.degree(n, weight="weight") for n in S}
    records = []
    for group in _louvain(S):
        if len(group) < min_size:
            continue
        nodes = sorted(group, key=lambda n: (-engaged[n], _label(G, n), n))
        actors = [n for n in nodes if _is_actor(G, n)]
        issues = [n for n in nodes if not _is_actor(G, n)]
        records.append(
            {
                "size": len(nodes),
                "actors": len(actors),
                "members": [_label(G, n) for n in actors[:LISTED]],
                "targets": [_label(G, n) for n in issues[:LISTED]],
                "member_ids": actors,
                "target_ids": issues,
            }
        )
    records.sort(key=lambda r: (-r["size"], r["members"], r["targets"]))
    return records


def coalitions(G: nx.MultiDiGraph, min_size: int = 2) -> list[Record]:
    """Groups of actors that stand together, largest first.

    Each target is split in two *sides*, for and against. Actors are linked
    to the sides they take (weighted by their claims) and to the actors they
    support, praise or agree with (a side that only one actor takes is left
    out: it links no one); coalitions are the Louvain communities of that
    bipartite graph (seeded with :data:`SEED`), so actors that take the
    same sides fall together without a clique per target. A group that holds
    two opposed actors (one takes a negative stance on the other, or they
    hold opposite net stances on a target) is split until none does.
    ``supports``/``opposes`` list the targets that at least two members
    jointly support or oppose, most shared first.

    >>> from kg.analysis.network import _example
    >>> [r["members"] for r in coalitions(_example(), min_size=1)]
    [['Ann Lee'], ['Bob Roe']]
    """
    _check(G)
    if min_size < 1:
        raise AnalysisError(f"min_size must be at least 1, not {min_size}")
    by_target = _stances_by_target(G)
    sides: dict[str, dict[str, int]] = defaultdict(dict)  # actor -> {target: sign}
    B = nx.Graph()
    for target in sorted(by_target):
        taking = Counter(sign for sign, _ in by_target[target].values())
        for actor, (sign, count) in sorted(by_target[target].items()):
            B.add_node(("actor", actor))
            if sign:
                sides[actor][target] = sign
            if sign and taking[sign] >= 2:  # a side one actor takes links no one
                B.add_edge(("actor", actor), ("side", target, sign), weight=count)
    against: dict[str, set[str]] = defaultdict(set)  # direct negative stances, both ways
    for u, v, d in _stance_edges(G):
        if u == v or not (_is_actor(G, u) and _is_actor(G, v)):
            continue
        if d.get("polarity", 0) > 0:
            a, b = ("actor", u), ("actor", v)
            weight = B[a][b]["weight"] + 1 if B.has_edge(a, b) else 1
            B.add_edge(a, b, weight=weight)
        elif d.get("polarity", 0) < 0:
            against[u].add(v)
            against[v].add(u)
    if not B:
        return []
    groups = []
    for community in _louvain(B):
        actors = sorted(n[1] for n in community if n[0] == "actor")
        groups.extend(_split(actors, sides, against, B))
    records = []
    for members in groups:
        if len(members) < min_size:
            continue
        members.sort(key=lambda n: (_label(G, n), n))
        shared: dict[int, Counter[str]] = {1: Counter(), -1: Counter()}
        for actor in members:
            for target, sign in sides[actor].items():
                shared[sign][target] += 1
        records.append(
            {
                "members": [_label(G, n) for n in members],
                "member_ids": members,
                "size": len(members),
                "supports": _shared(G, shared[1]),
                "opposes": _shared(G, shared[-1]),
            }
        )
    records.sort(key=lambda r: (-r["size"], r["members"]))
    return records


# --- helpers ----------------------------------------------------------------


def _louvain(graph: nx.Graph) -> list[set[Any]]:
    """Louvain communities, reproducible: nodes and edges in a fixed order, a fixed seed."""
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph, key=repr))
    ordered.add_edges_from(
        sorted(
            ((*sorted((u, v), key=repr), d) for u, v, d in graph.edges(data=True)),
            key=lambda e: (repr(e[0]), repr(e[1])),
        )
    )
    return nx.community.louvain_communities(ordered, weight="weight", seed=SEED)


def _split(
    actors: list[str],
    sides: dict[str, dict[str, int]],
    against: dict[str, set[str]],
    B: nx.Graph,
) -> list[list[str]]:
    """``actors`` in groups that hold no opposed pair: each actor, most linked
    first, joins the first group where no one takes the other side of one of
    its targets or stands against it (or it against them)."""
    degree = {a: B.degree(("actor", a), weight="weight") for a in actors}
    groups: list[tuple[list[str], set[str], dict[str, set[int]]]] = []

    def fits(actor: str, present: set[str], taken: dict[str, set[int]]) -> bool:
        if any(-sign in taken.get(t, ()) for t, sign in sides[actor].items()):
            return False
        return not any(b in present for b in against[actor])

    for actor in sorted(actors, key=lambda a: (-degree[a], a)):
        group = next((g for g in groups if fits(actor, g[1], g[2])), None)
        if group is None:
            group = ([], set(), {})
            groups.append(group)
        members, present, taken = group
        members.append(actor)
        present.add(actor)
        for t, sign in sides[actor].items():
            taken.setdefault(t, set()).add(sign)
    return [members for members, _, _ in groups]


def _shared(G: nx.MultiDiGraph, counts: Counter[str]) -> list[str]:
    """Targets at least two members share, most shared first (then by label)."""
    shared = [(n, t) for t, n in counts.items() if n >= 2]
    shared.sort(key=lambda nt: (-nt[0], _label(G, nt[1])))
    return [_label(G, t) for _, t in shared[:LISTED]]


def _frustrated(camp: dict[str, int], u: str, v: str, d: dict[str, Any]) -> bool:
    return camp[u] * camp[v] != d["sign"]


def _two_camps(S: nx.Graph) -> dict[str, int]:
    """A two-camp split (+1/-1 per node) that frustrates little edge weight.

    Each component starts from the camps a breadth-first spanning tree implies
    (no tree edge frustrated); then nodes change camp, in a fixed order, while
    a change lowers the frustrated weight (at most :data:`BALANCE_PASSES` passes).
    """
    camp: dict[str, int] = {}
    for root in sorted(S):
        if root in camp:
            continue
        camp[root] = 1
        for u, v in nx.bfs_edges(S, root, sort_neighbors=sorted):
            camp[v] = camp[u] * S[u][v]["sign"]
    order = sorted(S)
    for _ in range(BALANCE_PASSES):
        moved = False
        for n in order:
            # Weight this node's edges agree with, minus the weight they frustrate.
            gain = sum(
                d["weight"] * (1 if camp[n] * camp[m] == d["sign"] else -1) for m, d in S[n].items()
            )
            if gain < 0:
                camp[n] = -camp[n]
                moved = True
        if not moved:
            break
    return camp
