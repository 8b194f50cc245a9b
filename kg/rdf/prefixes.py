"""The project's prefixes as plain strings, for code that must start without rdflib.

``kg query`` on an output folder talks to Oxigraph alone, and importing rdflib
would more than double its start-up. :mod:`kg.rdf.namespaces` builds its rdflib
namespaces from these strings, so each IRI is written once.

>>> PREFIX_IRIS["kg"]
'https://w3id.org/policy-kg/ontology#'
>>> print(sparql_prologue(["kg", "rdfs"]))
PREFIX kg: <https://w3id.org/policy-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

from __future__ import annotations

from collections.abc import Iterable

#: The ontology namespace (``kg:``).
KG_IRI = "https://w3id.org/policy-kg/ontology#"
#: The instance data namespace (``kgr:``).
KGR_IRI = "https://w3id.org/policy-kg/id/"

#: Prefixes bound in every written graph and declared for every ad hoc query.
PREFIX_IRIS: dict[str, str] = {
    "kg": KG_IRI,
    "kgr": KGR_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}


def sparql_prologue(prefixes: Iterable[str] = PREFIX_IRIS) -> str:
    """``PREFIX`` lines declaring ``prefixes`` (default: all of them), one a line."""
    return "\n".join(f"PREFIX {prefix}: <{PREFIX_IRIS[prefix]}>" for prefix in prefixes)
