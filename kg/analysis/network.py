"""Claims as a NetworkX graph, and the analyses that read it.

Nodes are entities (id = :attr:`Entity.key`); each claim is one edge of a
:class:`networkx.MultiDiGraph`, keyed by :func:`claim_id`. Attribute values are
plain ``str``/``int``/``float``/``bool`` so GraphML and GEXF can store them.

Every analysis takes the graph first and returns a list of plain records.
Stances are the claims whose predicate is not ``holdsRole``/``memberOf``; their
direction is the edge's ``polarity`` (-1, 0 or +1). Where an actor states
several stances on one target, its net stance is the sign of the
confidence-weighted sum of their polarities (0 when they cancel out).

>>> from kg.model import Claim, Entity, Provenance
>>> ann, bob = Entity.named("Ann Lee", "Person"), Entity.named("Bob Roe", "Person")
>>> toll = Entity.named("Congestion toll", "Issue")
>>> ev = Provenance("a1", "Ann Lee backs the toll; Bob Roe fights it.", 0, 42, "stance", "1")
>>> G = claims_to_networkx([
...     Claim(ann, "supports", toll, ev, polarity=1),
...     Claim(bob, "opposes", toll, ev, polarity=-1),
... ])
>>> [(r["a"], r["b"], r["targets"]) for r in opposing_pairs(G)]
[('Ann Lee', 'Bob Roe', ['Congestion toll'])]

Polarisation, communities and coalitions read the signed network: see
:mod:`kg.analysis.signed`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.errors import AnalysisError, GraphError
from kg.model import PREDICATES, Claim, Entity
from kg.rdf.graph import claim_iri, entity_key

if TYPE_CHECKING:
    import rdflib

#: Entity kinds that can take a stance (as :attr:`Entity.is_actor`).
ACTOR_KINDS = frozenset({"Person", "Organization", "Place", "Group"})

#: Relations that say who someone is, not where they stand.
RELATION_PREDICATES = frozenset({"holdsRole", "memberOf"})

#: Predicates that express a stance towards their object.
STANCE_PREDICATES = frozenset(PREDICATES) - RELATION_PREDICATES

#: How aliases are joined into one node attribute.
ALIAS_SEPARATOR = "; "

Record = dict[str, Any]


def claim_id(claim: Claim) -> str:
    """A stable identifier of ``claim``: ``claim-<hash of its own evidence>``.

    It is the local name of the claim's RDF node (``kgr:claim-<hash>``, see
    :func:`kg.rdf.graph.claim_iri`), so an edge can be traced back to its node.

    >>> from kg.model import Claim, Entity, Provenance
    >>> c = Claim(Entity.named("Ann", "Person"), "opposes", Entity.named("Toll", "Issue"),
    ...           Provenance("a1", "Ann opposes the toll.", 0, 21, "stance", "1"))
    >>> claim_id(c)
    'claim-b7fe0e4aa94b613582b7'
    """
    return entity_key(claim_iri(claim))


def claims_to_networkx(claims: Iterable[Claim]) -> nx.MultiDiGraph:
    """One node per entity and one edge per claim, in :attr:`Claim.sort_key` order.

    Node attributes: ``label``, ``kind``, ``aliases`` (joined with ``"; "``).
    Edge attributes: ``predicate``, ``polarity``, ``confidence``, ``negated``,
    ``modality``, ``speaker`` (label or ``""``), ``cue`` (or ``""``),
    ``sentence``, ``article``, ``date``, ``url``, ``source`` (the article's,
    or ``""``), ``start``, ``end`` and ``claim`` (the edge key, :func:`claim_id`,
    kept as an attribute because GraphML readers such as igraph drop edge ids).

    >>> from kg.model import Claim, Entity, Provenance
    >>> ann, toll = Entity.named("Ann", "Person"), Entity.named("Toll", "Issue")
    >>> ev = Provenance("a1", "Ann opposes the toll.", 0, 21, "stance", "1")
    >>> G = claims_to_networkx([Claim(ann, "opposes", toll, ev, polarity=-1)])
    >>> G.nodes["ann"]
    {'label': 'Ann', 'kind': 'Person', 'aliases': ''}
    >>> [(u, v, d["predicate"], d["polarity"]) for u, v, d in G.edges(data=True)]
    [('ann', 'toll', 'opposes', -1)]
    """
    G = nx.MultiDiGraph()
    aliases: dict[str, dict[str, None]] = defaultdict(dict)
    for claim in sorted(claims, key=lambda c: c.sort_key):
        for entity in (claim.subject, claim.object):
            _add_entity(G, entity, aliases[entity.key])
        p = claim.provenance
        key = claim_id(claim)
        G.add_edge(
            claim.subject.key,
            claim.object.key,
            key=key,
            predicate=claim.predicate,
            polarity=int(claim.polarity),
            confidence=float(claim.confidence),
            negated=bool(claim.negated),
            modality=claim.modality,
            speaker=claim.speaker.label if claim.speaker else "",
            cue=claim.cue or "",
            sentence=p.sentence,
            article=p.article,
            date=p.date or "",
            url=p.url or "",
            source=p.source or "",
            start=int(p.start),
            end=int(p.end),
            claim=key,
        )
    for key, names in aliases.items():
        G.nodes[key]["aliases"] = ALIAS_SEPARATOR.join(names)
    return G


def _add_entity(G: nx.MultiDiGraph, entity: Entity, aliases: dict[str, None]) -> None:
    if entity.key not in G:
        G.add_node(entity.key, label=entity.label, kind=entity.kind, aliases="")
    aliases.update(dict.fromkeys(a for a in entity.aliases if a != entity.label))


def to_networkx(graph: rdflib.Graph, *, evidence: bool = True) -> nx.MultiDiGraph:
    """The claims of an RDF ``graph`` as a NetworkX graph (see :func:`claims_to_networkx`).

    With ``evidence=False`` the edges carry only what the analyses read
    (``predicate``, ``polarity``, ``confidence``, ``article``, ``start``,
    ``end``, ``claim``), read by :func:`kg.rdf.graph.claim_edges`: the same
    nodes and edges in the same order, several times faster on a large graph.
    """
    from kg.rdf.graph import claim_edges, claims_from_graph, entities_from_graph

    if evidence:
        return claims_to_networkx(claims_from_graph(graph))
    entities = entities_from_graph(graph)
    G = nx.MultiDiGraph()
    for edge in claim_edges(graph):
        u, v, key = edge.pop("subject"), edge.pop("object"), edge["claim"]
        for node in (u, v):
            if node not in G:
                entity = entities.get(node)
                if entity is None:
                    raise GraphError(
                        f"claim {key} names {node!r}, which has no kg kind and rdfs:label "
                        "in the graph; rebuild it with `kg build`"
                    )
                aliases = ALIAS_SEPARATOR.join(a for a in entity.aliases if a != entity.label)
                G.add_node(node, label=entity.label, kind=entity.kind, aliases=aliases)
        G.add_edge(u, v, key=key, **edge)
    return G


# --- analyses ---------------------------------------------------------------


def central_actors(G: nx.MultiDiGraph, top: int = 10) -> list[Record]:
    """The ``top`` actors at the centre of the debate.

    ``score`` is the degree centrality of the actor in the stance graph (the
    share of the other actors and targets it takes a stance on or receives one
    from); ties are broken by ``pagerank`` (on the same graph, directed and
    weighted by the number of claims), then by the number of stance ``claims``.
    Actors that take part in no stance claim are left out.

    >>> G = _example()
    >>> [(r["label"], r["score"], r["claims"]) for r in central_actors(G, top=2)]
    [('Ann Lee', 0.5, 1), ('Bob Roe', 0.5, 1)]
    """
    _check(G)
    if top < 1:
        raise AnalysisError(f"top must be at least 1, not {top}")
    stance = nx.DiGraph()
    claims: dict[str, int] = defaultdict(int)
    for u, v, _ in _stance_edges(G):
        if u == v:
            continue
        if stance.has_edge(u, v):
            stance[u][v]["weight"] += 1
        else:
            stance.add_edge(u, v, weight=1)
        claims[u] += 1
        claims[v] += 1
    degree = nx.degree_centrality(stance.to_undirected(as_view=True)) if stance else {}
    rank = _pagerank(stance)
    actors = [n for n in stance if _is_actor(G, n)]
    actors.sort(key=lambda n: (-degree[n], -rank[n], -claims[n], _label(G, n), n))
    return [
        {
            "id": n,
            "label": _label(G, n),
            "kind": G.nodes[n].get("kind", ""),
            "score": round(degree[n], 4),
            "pagerank": round(rank[n], 4),
            "claims": claims[n],
        }
        for n in actors[:top]
    ]


def opposing_pairs(G: nx.MultiDiGraph) -> list[Record]:
    """Pairs of actors in conflict, most evidence first.

    Two actors conflict when one takes a negative stance on the other
    (``direct``: opposes, criticizes, disagreesWith…) or when they hold
    opposite net stances on the same target (``targets``). ``evidence`` counts
    the claims behind both.

    >>> [(r["a"], r["b"], r["direct"], r["targets"], r["evidence"])
    ...  for r in opposing_pairs(_example())]
    [('Ann Lee', 'Bob Roe', 0, ['Congestion toll'], 2)]
    """
    _check(G)
    pairs: dict[tuple[str, str], Record] = {}

    def pair(a: str, b: str) -> Record:
        a, b = sorted((a, b), key=lambda n: (_label(G, n), n))
        if (a, b) not in pairs:
            pairs[a, b] = {
                "a": _label(G, a),
                "b": _label(G, b),
                "a_id": a,
                "b_id": b,
                "direct": 0,
                "targets": set(),
                "evidence": 0,
            }
        return pairs[a, b]

    for u, v, d in _stance_edges(G):
        if u != v and _is_actor(G, u) and _is_actor(G, v) and d.get("polarity", 0) < 0:
            record = pair(u, v)
            record["direct"] += 1
            record["evidence"] += 1
    for target, stances in _stances_by_target(G).items():
        pro = [a for a, (sign, _) in stances.items() if sign > 0]
        con = [a for a, (sign, _) in stances.items() if sign < 0]
        for a in pro:
            for b in con:
                record = pair(a, b)
                record["targets"].add(target)
                record["evidence"] += stances[a][1] + stances[b][1]
    records = []
    for record in pairs.values():
        record["targets"] = sorted(_label(G, t) for t in record["targets"])
        records.append(record)
    records.sort(key=lambda r: (-r["evidence"], r["a"], r["b"]))
    return records


def target_stances(G: nx.MultiDiGraph) -> list[Record]:
    """Who stands where on each target (issue or actor), most contested first.

    ``supporters``/``opponents`` count the actors whose net stance on the
    target is positive/negative; ``claims`` counts every stance claim on it.

    >>> [(r["target"], r["supporter_names"], r["opponent_names"])
    ...  for r in target_stances(_example())]
    [('Congestion toll', ['Ann Lee'], ['Bob Roe'])]
    """
    _check(G)
    records = []
    for target, stances in _stances_by_target(G).items():
        pro = sorted(_label(G, a) for a, (sign, _) in stances.items() if sign > 0)
        con = sorted(_label(G, a) for a, (sign, _) in stances.items() if sign < 0)
        records.append(
            {
                "id": target,
                "target": _label(G, target),
                "kind": G.nodes[target].get("kind", ""),
                "supporters": len(pro),
                "opponents": len(con),
                "supporter_names": pro,
                "opponent_names": con,
                "claims": sum(count for _, count in stances.values()),
            }
        )
    records.sort(key=lambda r: (-(r["supporters"] + r["opponents"]), -r["claims"], r["target"]))
    return records


def net_stances(G: nx.MultiDiGraph) -> list[Record]:
    """Each actor's net stance on each target it takes a stance on, by target then actor.

    ``stance`` is +1, -1 or 0 (the sign of the confidence-weighted sum of the
    polarities), ``claims`` the number of stance claims behind it: the rows of
    a supports/opposes matrix of actors × targets.

    >>> [(r["actor"], r["target"], r["stance"]) for r in net_stances(_example())]
    [('Ann Lee', 'Congestion toll', 1), ('Bob Roe', 'Congestion toll', -1)]
    """
    _check(G)
    records = [
        {
            "actor": _label(G, actor),
            "target": _label(G, target),
            "target_kind": G.nodes[target].get("kind", ""),
            "stance": sign,
            "claims": count,
            "actor_id": actor,
            "target_id": target,
        }
        for target, stances in _stances_by_target(G).items()
        for actor, (sign, count) in stances.items()
    ]
    records.sort(key=lambda r: (r["target"], r["actor"], r["target_id"], r["actor_id"]))
    return records


def analyze(G: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Every analysis at once: ``central_actors``, ``opposing_pairs``,
    ``polarization`` (a record), ``communities``, ``coalitions`` (see
    :mod:`kg.analysis.signed`) and ``targets``.

    >>> list(analyze(_example()))  # doctest: +NORMALIZE_WHITESPACE
    ['central_actors', 'opposing_pairs', 'polarization', 'communities', 'coalitions',
     'targets']
    """
    from kg.analysis.signed import coalitions, communities, polarization

    return {
        "central_actors": central_actors(G, top=top),
        "opposing_pairs": opposing_pairs(G),
        "polarization": polarization(G),
        "communities": communities(G),
        "coalitions": coalitions(G),
        "targets": target_stances(G),
    }


# --- helpers ----------------------------------------------------------------


def _check(G: nx.Graph) -> None:
    if not isinstance(G, nx.Graph):
        raise AnalysisError(f"expected a networkx graph, not {type(G).__name__}")
    if G.number_of_nodes() == 0:
        raise AnalysisError(
            "the graph is empty: it holds no claims to analyse; "
            "build it from articles that state who stands where"
        )


def _label(G: nx.Graph, node: str) -> str:
    return str(G.nodes[node].get("label", node))


def _is_actor(G: nx.Graph, node: str) -> bool:
    return G.nodes[node].get("kind") in ACTOR_KINDS


def _stance_edges(G: nx.Graph) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for u, v, d in G.edges(data=True):
        if d.get("predicate") in STANCE_PREDICATES:
            yield u, v, d


def _stances_by_target(G: nx.Graph) -> dict[str, dict[str, tuple[int, int]]]:
    """``{target: {actor: (net sign, number of claims)}}`` over stance claims."""
    weight: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    count: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for u, v, d in _stance_edges(G):
        if u == v or not _is_actor(G, u):
            continue
        weight[v][u] += d.get("polarity", 0) * d.get("confidence", 1.0)
        count[v][u] += 1
    return {
        target: {a: ((w > 0) - (w < 0), count[target][a]) for a, w in actors.items()}
        for target, actors in weight.items()
    }


def _pagerank(G: nx.DiGraph, alpha: float = 0.85, tol: float = 1e-10) -> dict[str, float]:
    """Weighted PageRank by power iteration (``nx.pagerank`` needs SciPy)."""
    n = G.number_of_nodes()
    if n == 0:
        return {}
    rank = dict.fromkeys(G, 1.0 / n)
    out = {u: G.out_degree(u, weight="weight") for u in G}
    for _ in range(200):
        dangling = alpha * sum(rank[u] for u in G if not out[u]) / n
        new = dict.fromkeys(G, (1.0 - alpha) / n + dangling)
        for u, v, w in G.edges(data="weight", default=1):
            new[v] += alpha * rank[u] * w / out[u]
        converged = sum(abs(new[u] - rank[u]) for u in G) < n * tol
        rank = new
        if converged:
            break
    return rank


def _example() -> nx.MultiDiGraph:
    """A two-claim graph for the doctests: Ann supports the toll, Bob opposes it."""
    from kg.model import Provenance

    ann, bob = Entity.named("Ann Lee", "Person"), Entity.named("Bob Roe", "Person")
    toll = Entity.named("Congestion toll", "Issue")
    ev = Provenance("a1", "Ann Lee backs the toll; Bob Roe fights it.", 0, 42, "stance", "1")
    return claims_to_networkx(
        [
            Claim(ann, "supports", toll, ev, polarity=1),
            Claim(bob, "opposes", toll, ev, polarity=-1),
        ]
    )
