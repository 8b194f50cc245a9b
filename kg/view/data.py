"""What the view shows, gathered claim by claim in a compact form.

The page needs every claim (its filters and claims panel list them all), but
only a few fields of each, and the entities only once: :class:`ViewData` keeps
one :class:`ViewClaim` tuple per claim, each evidence sentence once, and the
entities' labels, kinds and aliases, so a build streams its claims into it
article by article instead of holding a graph of every claim with all its
attributes (:func:`kg.analysis.network.claims_to_networkx`).

Both ways to the page, from a build's per-article rows and from a NetworkX
graph (:func:`from_networkx`), fill the same structure in the same order, so
they write the same page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import networkx as nx

    from kg.model import Claim, Entity


class ViewClaim(NamedTuple):
    """The fields of one claim that the page reads (strings ``""`` when absent)."""

    id: str
    subject: str
    predicate: str
    object: str
    polarity: int
    confidence: float
    negated: bool
    modality: str
    speaker: str
    sentence: str
    article: str
    date: str
    url: str
    source: str
    start: int
    end: int


@dataclass(frozen=True)
class ViewNode:
    """An entity as the page shows it."""

    label: str
    kind: str
    aliases: str
    """Other names, joined with ``"; "`` (:data:`kg.analysis.network.ALIAS_SEPARATOR`)."""


def view_claims(claims: Iterable[Claim]) -> list[ViewClaim]:
    """The view's rows of ``claims`` (merged claims, as the graph holds them)."""
    from kg.analysis.network import claim_id

    rows = []
    for claim in claims:
        p = claim.provenance
        rows.append(
            ViewClaim(
                claim_id(claim),
                claim.subject.key,
                claim.predicate,
                claim.object.key,
                int(claim.polarity),
                float(claim.confidence),
                bool(claim.negated),
                claim.modality,
                claim.speaker.label if claim.speaker else "",
                p.sentence,
                p.article,
                p.date or "",
                p.url or "",
                p.source or "",
                int(p.start),
                int(p.end),
            )
        )
    return rows


def view_nodes(entities: Iterable[Entity]) -> dict[str, ViewNode]:
    """The page's entities by key (aliases other than the label, in their order)."""
    from kg.analysis.network import ALIAS_SEPARATOR

    return {
        e.key: ViewNode(
            e.label,
            e.kind,
            ALIAS_SEPARATOR.join(dict.fromkeys(a for a in e.aliases if a != e.label)),
        )
        for e in entities
    }


class ViewData:
    """The claims of the page, in the order they are added (the order of the
    claims, :attr:`kg.model.Claim.sort_key`), and the entities they name.

    ``nodes`` gives each entity's label, kind and aliases; :meth:`add` keeps
    only the entities a claim names (as subject or object), in the order they
    first appear, with their number of claims.
    """

    def __init__(self, nodes: Mapping[str, ViewNode]) -> None:
        self._known = nodes
        self.nodes: dict[str, ViewNode] = {}
        self.degree: dict[str, int] = {}
        self.claims: list[ViewClaim] = []
        self.sentences: dict[str, int] = {}
        self.pairs: dict[tuple[str, str], None] = {}
        """Each (subject, object) pair once, in the order first seen (for the layout)."""

    def add(self, claim: ViewClaim) -> None:
        for key in (claim.subject, claim.object):
            if key not in self.nodes:
                node = self._known.get(key)
                self.nodes[key] = node if node is not None else ViewNode(key, "", "")
                self.degree[key] = 0
            self.degree[key] += 1
        self.sentences.setdefault(claim.sentence, len(self.sentences))
        self.pairs[(claim.subject, claim.object)] = None
        self.claims.append(claim)

    def extend(self, claims: Iterable[ViewClaim]) -> ViewData:
        for claim in claims:
            self.add(claim)
        return self

    def skeleton(self) -> nx.DiGraph:
        """The entities and who makes a claim about whom (for the layout)."""
        import networkx as nx

        G = nx.DiGraph()
        G.add_nodes_from(self.nodes)
        G.add_edges_from(self.pairs)
        return G


def from_networkx(G: nx.MultiDiGraph) -> ViewData:
    """The view of a graph of claims (see :func:`kg.analysis.network.claims_to_networkx`),
    its claims in :attr:`kg.model.Claim.sort_key` order."""
    nodes = {
        str(n): ViewNode(str(d.get("label", n)), str(d.get("kind", "")), str(d.get("aliases", "")))
        for n, d in G.nodes(data=True)
    }
    rows = []
    for u, v, key, d in G.edges(keys=True, data=True):
        rows.append(
            ViewClaim(
                str(key),
                str(u),
                str(d.get("predicate", "")),
                str(v),
                int(d.get("polarity", 0)),
                float(d.get("confidence", 0)),
                bool(d.get("negated", False)),
                str(d.get("modality", "")),
                str(d.get("speaker", "")),
                str(d.get("sentence", "")),
                str(d.get("article", "")),
                str(d.get("date", "")),
                str(d.get("url", "")),
                str(d.get("source", "")),
                int(d.get("start", 0)),
                int(d.get("end", 0)),
            )
        )
    rows.sort(key=lambda c: (c.article, c.start, c.end, c.predicate, c.subject, c.object, c.id))
    data = ViewData(nodes).extend(rows)
    for key, node in nodes.items():  # entities in no claim
        if key not in data.nodes:
            data.nodes[key], data.degree[key] = node, 0
    return data
