"""Write a graph in a format chosen by name: RDF serialisations or NetworkX files.

>>> EXPORT_FORMATS.resolve("text/turtle"), EXPORT_FORMATS.resolve("JSON-LD")
('ttl', 'jsonld')
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import UnknownNameError
from kg.fileio import atomic_write
from kg.rdf.store import RDF_FORMATS, write_graph

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

#: Every export format, with its aliases and media types: the RDF formats of
#: :func:`kg.rdf.store.write_graph`, and two network formats.
EXPORT_FORMATS = RDF_FORMATS.extended(
    "export format", {"graphml": ("application/graphml+xml",), "gexf": ()}
)

#: GEXF reserves ``start``/``end`` for time spells; the claims' character
#: offsets are renamed so that Gephi does not read them as a dynamic graph.
GEXF_RENAMED = {"start": "char_start", "end": "char_end"}


def export_graph(graph: rdflib.Graph, fmt: str, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` to ``path`` in ``fmt`` (any name in :data:`EXPORT_FORMATS`).

    RDF formats keep every triple; ``graphml`` and ``gexf`` hold the claim
    graph of :func:`kg.analysis.network.to_networkx`. The file is written
    atomically. An unknown ``fmt`` raises :class:`kg.errors.UnknownNameError`.
    """
    name = EXPORT_FORMATS.resolve(fmt)
    if name in RDF_FORMATS:
        return write_graph(graph, path, name)

    from kg.analysis.network import to_networkx

    data = networkx_bytes(to_networkx(graph), name)
    with atomic_write(path, "wb") as fh:
        fh.write(data)
    return Path(path)


def networkx_bytes(G: nx.MultiDiGraph, fmt: str) -> bytes:
    """``G`` serialised as ``graphml`` or ``gexf`` (UTF-8 XML).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="c1", start=0, end=9)
    'c1'
    >>> data = networkx_bytes(G, "gexf")
    >>> b'id="c1"' in data, b"char_start" in data
    (True, True)
    """
    import networkx as nx

    name = EXPORT_FORMATS.resolve(fmt)
    buffer = io.BytesIO()
    if name == "graphml":
        nx.write_graphml(G, buffer)
    elif name == "gexf":
        H = G.copy()
        for *_, key, d in H.edges(keys=True, data=True):
            d.setdefault("id", str(key))  # GEXF edge id = the claim id
            for old, new in GEXF_RENAMED.items():
                if old in d:
                    d[new] = d.pop(old)
        nx.write_gexf(H, buffer)
    else:
        raise UnknownNameError("NetworkX export format", fmt, ("graphml", "gexf"))
    return buffer.getvalue()
