"""Summaries of the claims, written into the graph so that named queries need not read every claim.

Three named queries are about the whole graph: ``entities`` (how many claims
name each entity), ``conflicts`` (who is on opposite sides of a target) and
``stance_changes`` (whose net stance on a target changed sign between days).
Computed from the claim nodes, each reads every claim: about a second at
5,000 articles, far more than a query should take. The build computes them
once instead, from the claims in the store, and writes the answers as
summaries beside the claims:

* ``kg:claimCount`` on every entity (0 included): the claims that name it as
  subject, object or speaker;
* one ``kg:StanceSummary`` node (``kgr:stance-<hash>``) per (holder, target)
  pair that has claims with a polarity: ``kg:holder``, ``kg:target``,
  ``kg:favourableClaims`` and ``kg:unfavourableClaims`` (claims of polarity
  1 and -1, any modality), and, where there are such days, the first and last
  day on which the net stance (the sum of polarity × confidence over the
  asserted or planned claims of an ISO-dated day) was for the target
  (``kg:firstFor``, ``kg:lastFor``) and against it (``kg:firstAgainst``,
  ``kg:lastAgainst``);
* the marker ``kgr:summaries a kg:Summaries``, which tells a reader the
  summaries were made (a graph written before they existed has none).

Summaries are derived data, like the direct triples: :func:`refresh_summaries`
removes them and computes them again from the claims in the store, so it must
run after every change to the claims or entities (``kg build`` and
:func:`kg.rdf.graph.to_graph` call it last). It imports no rdflib.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache
from importlib.resources import files

import pyoxigraph as ox

from kg.rdf.prefixes import KG_IRI, KGR_IRI, PREFIX_IRIS

#: The marker node of a graph whose summaries were computed.
MARKER = ox.NamedNode(f"{KGR_IRI}summaries")

_TYPE = ox.NamedNode(PREFIX_IRIS["rdf"] + "type")
_KG = {
    name: ox.NamedNode(KG_IRI + name)
    for name in (
        "Summaries",
        "StanceSummary",
        "holder",
        "target",
        "favourableClaims",
        "unfavourableClaims",
        "firstFor",
        "lastFor",
        "firstAgainst",
        "lastAgainst",
        "claimCount",
    )
}
#: The sentinel days of ``_summary_days.rq``: no day on that side.
_NO_FIRST, _NO_LAST = "9999-12-31", "0001-01-01"
_REMOVE = f"""
PREFIX kg: <{KG_IRI}>
DELETE WHERE {{ ?summary a kg:StanceSummary ; ?p ?o }} ;
DELETE WHERE {{ ?entity kg:claimCount ?claims }} ;
DELETE WHERE {{ <{MARKER.value}> ?p ?o }}
"""
#: True when a graph holds summaries, or nothing at all (so needs none).
HAS_SUMMARIES = (
    f"ASK {{ {{ <{MARKER.value}> a <{KG_IRI}Summaries> }} "
    "UNION { FILTER NOT EXISTS { ?s ?p ?o } } }"
)
#: The terms of the summaries: a query that names one reads summaries.
SUMMARY_TERMS = tuple(name for name in _KG if name != "Summaries")


def refresh_summaries(store: ox.Store) -> ox.Store:
    """Remove the summaries of ``store``'s default graph and write them again from its claims.

    >>> store = refresh_summaries(ox.Store())
    >>> has_summaries(store)
    True
    """
    store.update(_REMOVE)
    # In a fixed order: a store in memory writes its triples in the order they came.
    triples = sorted(summary_triples(store), key=lambda triple: tuple(map(str, triple)))
    store.extend(ox.Quad(s, p, o) for s, p, o in triples)
    return store


def summary_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """The summaries held in ``store``'s default graph (as :func:`refresh_summaries`
    wrote them)."""
    default = ox.DefaultGraph()
    yield from store.quads_for_pattern(MARKER, None, None, default)
    yield from store.quads_for_pattern(None, _KG["claimCount"], None, default)
    for quad in store.quads_for_pattern(None, _TYPE, _KG["StanceSummary"], default):
        yield from store.quads_for_pattern(quad.subject, None, None, default)


def has_summaries(store: ox.Store) -> bool:
    """Whether ``store`` holds summaries (or is empty, so needs none)."""
    return bool(store.query(HAS_SUMMARIES))


def summary_triples(store: ox.Store) -> Iterator[tuple[ox.NamedNode, ox.NamedNode, ox.Term]]:
    """The summary triples of the claims in ``store`` (its current summaries aside)."""
    yield MARKER, _TYPE, _KG["Summaries"]
    for row in store.query(_query("counts")):
        yield row["node"], _KG["claimCount"], row["claims"]
    days = {(row["a"], row["t"]): row for row in store.query(_query("days"))}
    for row in store.query(_query("sides")):
        holder, target = row["a"], row["t"]
        node = _summary_node(holder, target)
        yield node, _TYPE, _KG["StanceSummary"]
        yield node, _KG["holder"], holder
        yield node, _KG["target"], target
        yield node, _KG["favourableClaims"], row["favourable"]
        yield node, _KG["unfavourableClaims"], row["unfavourable"]
        dated = days.get((holder, target))
        if dated is None:
            continue
        for side in ("for", "against"):
            first, last = dated[f"first_{side}"], dated[f"last_{side}"]
            if first.value != _NO_FIRST and last.value != _NO_LAST:
                name = side.capitalize()
                yield node, _KG[f"first{name}"], first
                yield node, _KG[f"last{name}"], last


def _summary_node(holder: ox.NamedNode, target: ox.NamedNode) -> ox.NamedNode:
    """``kgr:stance-<hash>``: the same IRI for the same pair in every build."""
    digest = hashlib.blake2b(f"{holder.value} {target.value}".encode(), digest_size=8)
    return ox.NamedNode(f"{KGR_IRI}stance-{digest.hexdigest()}")


@cache
def _query(name: str) -> str:
    return (files("kg.rdf") / "queries" / f"_summary_{name}.rq").read_text(encoding="utf-8")
