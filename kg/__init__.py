"""kg: turn news articles about public policy into a knowledge graph of stances.

The library API, for notebooks and scripts (each name is imported on first use,
so ``import kg`` stays light)::

    import kg
    nlp = kg.load_pipeline()
    report = kg.build(["seeds"], "out", nlp=nlp)
    graph = kg.read_graph("out/graph.ttl")
    claims = kg.claims_from_graph(graph)
    rows = kg.run_named(graph, "stances", {"actor": "Mamdani"})
    summary = kg.analyze(kg.to_networkx(graph))
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "load_pipeline": "kg.nlp",
    "build": "kg.pipeline",
    "extract_paths": "kg.pipeline",
    "BuildReport": "kg.pipeline",
    "read_articles": "kg.ingest.reader",
    "extract_articles": "kg.extract",
    "load_lexicon": "kg.extract.lexicon",
    "to_graph": "kg.rdf.graph",
    "claims_from_graph": "kg.rdf.graph",
    "read_graph": "kg.rdf.store",
    "write_graph": "kg.rdf.store",
    "run_query": "kg.rdf.query",
    "run_named": "kg.rdf.query",
    "NAMED_QUERIES": "kg.rdf.query",
    "export_graph": "kg.export",
    "to_networkx": "kg.analysis.network",
    "analyze": "kg.analysis.network",
    "write_html": "kg.view.html",
    "load_gold": "kg.evaluate",
    "Article": "kg.model",
    "Entity": "kg.model",
    "Claim": "kg.model",
    "Provenance": "kg.model",
    "Extraction": "kg.model",
    "KGError": "kg.errors",
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
