"""Every IRI of the project comes from here.

``KG`` is the ontology (``ontologies/kg.ttl``) as a closed namespace, so a
misspelt term fails at once:

>>> KG.supports
rdflib.term.URIRef('https://w3id.org/policy-kg/ontology#supports')
>>> KG.suports
Traceback (most recent call last):
...
AttributeError: term 'suports' not in namespace 'https://w3id.org/policy-kg/ontology#'

``KGR`` holds the instance data: entities (``kgr:zohran_mamdani``), claims,
documents, extractors and extraction activities.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib import namespace as rdflib_namespace

from kg.rdf.prefixes import KG_IRI, KGR_IRI, PREFIX_IRIS

# rdflib's XSD and DefinedNamespace are reached through their module: as module
# globals they warn when pytest's doctest collector probes them for attributes.

#: The ontology's own IRI (the ``owl:Ontology`` node of ``ontologies/kg.ttl``).
ONTOLOGY_IRI = URIRef("https://w3id.org/policy-kg/ontology")

#: The ontology file, at the repository root beside the package.
ONTOLOGY_PATH = Path(__file__).parents[2] / "ontologies" / "kg.ttl"


class KG(rdflib_namespace.DefinedNamespace):
    """The policy-stance ontology: classes, stance properties and claim qualifiers."""

    _fail = True
    _NS = Namespace(KG_IRI)

    # Classes
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Group: URIRef
    Issue: URIRef
    Role: URIRef
    Claim: URIRef
    Document: URIRef
    Extractor: URIRef

    # Stance and relation properties (kg.model.PREDICATES)
    supports: URIRef
    opposes: URIRef
    criticizes: URIRef
    praises: URIRef
    agreesWith: URIRef
    disagreesWith: URIRef
    proposes: URIRef
    announces: URIRef
    holdsRole: URIRef
    memberOf: URIRef

    # Claim qualifiers
    subject: URIRef
    predicate: URIRef
    object: URIRef
    speaker: URIRef
    polarity: URIRef
    confidence: URIRef
    negated: URIRef
    modality: URIRef
    cue: URIRef
    rule: URIRef
    evidenceText: URIRef
    startOffset: URIRef
    endOffset: URIRef

    # Documents and extractors
    documentId: URIRef
    mentions: URIRef
    extractorVersion: URIRef

    # Summaries of the claims (kg.rdf.summary)
    Summaries: URIRef
    StanceSummary: URIRef
    holder: URIRef
    target: URIRef
    favourableClaims: URIRef
    unfavourableClaims: URIRef
    firstFor: URIRef
    lastFor: URIRef
    firstAgainst: URIRef
    lastAgainst: URIRef
    claimCount: URIRef


# Each term as a plain class attribute: the closed namespace's own lookup (a check per
# access, through its metaclass) cost ~1 µs a time, twenty times per claim written. A term
# not declared above still goes through that lookup, and fails.
for _term in rdflib_namespace.get_annotations(KG):
    setattr(KG, _term, KG[_term])
del _term

#: Instance data: ``kgr:<entity key>``, ``kgr:claim-…``, ``kgr:doc-…``, …
#: (``-`` never occurs in an entity key, so the kinds cannot collide).
KGR = Namespace(KGR_IRI)

#: Prefixes bound in every written graph and declared in every query.
PREFIXES: dict[str, Namespace] = {prefix: Namespace(iri) for prefix, iri in PREFIX_IRIS.items()}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind :data:`PREFIXES` in ``graph`` (replacing other bindings of them); return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
