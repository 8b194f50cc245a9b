"""The graph stage: claims → RDF (Oxigraph-backed rdflib graphs), files and SPARQL.

* :mod:`kg.rdf.namespaces` — every IRI (``KG`` ontology terms, ``KGR`` data);
* :mod:`kg.rdf.graph` — ``to_graph`` / ``claims_from_graph``;
* :mod:`kg.rdf.store` — Oxigraph stores, ``read_graph`` / ``write_graph``;
* :mod:`kg.rdf.query` — ``run_query`` and the named queries in ``queries/*.rq``.
"""
