"""Write a graph in a format chosen by name: RDF serialisations, NetworkX files or CSV.

>>> EXPORT_FORMATS.resolve("text/turtle"), EXPORT_FORMATS.resolve("JSON-LD")
('ttl', 'jsonld')
>>> EXPORT_FORMATS.resolve("neo4j")
'csv'
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import OutputError, UnknownNameError
from kg.fileio import atomic_write
from kg.rdf.store import RDF_FORMATS, write_graph

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

#: Every export format, with its aliases and media types: the RDF formats of
#: :func:`kg.rdf.store.write_graph`, two network formats, and CSV tables.
EXPORT_FORMATS = RDF_FORMATS.extended(
    "export format",
    {"graphml": ("application/graphml+xml",), "gexf": (), "csv": ("neo4j", "text/csv")},
)

#: GEXF reserves ``start``/``end`` for time spells; the claims' character
#: offsets are renamed so that Gephi does not read them as a dynamic graph.
GEXF_RENAMED = {"start": "char_start", "end": "char_end"}

#: The two files of the ``csv`` export, written into the output folder.
NODES_CSV, EDGES_CSV = "nodes.csv", "edges.csv"

#: Columns of ``nodes.csv``: (header, node attribute). Headers follow
#: ``neo4j-admin database import``: ``:ID`` and ``:LABEL`` are its own.
NODE_COLUMNS = (("id:ID", None), ("label", "label"), ("kind", "kind"), ("aliases", "aliases"))

#: Columns of ``edges.csv``: (header, edge attribute); a ``:type`` suffix
#: tells Neo4j the property's type (strings need none).
EDGE_COLUMNS = (
    (":START_ID", None),
    (":END_ID", None),
    (":TYPE", "predicate"),
    ("claim", "claim"),
    ("polarity:int", "polarity"),
    ("confidence:float", "confidence"),
    ("negated:boolean", "negated"),
    ("modality", "modality"),
    ("speaker", "speaker"),
    ("cue", "cue"),
    ("sentence", "sentence"),
    ("article", "article"),
    ("date", "date"),
    ("url", "url"),
    ("source", "source"),
    ("start:int", "start"),
    ("end:int", "end"),
)

#: Characters XML 1.0 cannot hold (C0 controls but tab and line breaks,
#: surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def export_graph(graph: rdflib.Graph, fmt: str, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` to ``path`` in ``fmt`` (any name in :data:`EXPORT_FORMATS`).

    RDF formats keep every triple; ``graphml`` and ``gexf`` hold the claim
    graph of :func:`kg.analysis.network.to_networkx`; ``csv`` writes the same
    graph as ``nodes.csv`` and ``edges.csv`` into the folder ``path`` (see
    :func:`write_csv`). Files are written atomically. An unknown ``fmt``
    raises :class:`kg.errors.UnknownNameError`.
    """
    name = EXPORT_FORMATS.resolve(fmt)
    if name in RDF_FORMATS:
        return write_graph(graph, path, name)

    from kg.analysis.network import to_networkx

    G = to_networkx(graph)
    if name == "csv":
        return write_csv(G, path)
    data = networkx_bytes(G, name)
    with atomic_write(path, "wb") as fh:
        fh.write(data)
    return Path(path)


def networkx_bytes(G: nx.MultiDiGraph, fmt: str) -> bytes:
    """``G`` serialised as ``graphml`` or ``gexf`` (UTF-8 XML).

    Characters that XML cannot hold are replaced in every attribute value: a
    white-space control (``\\x0b``, ``\\x0c``) by a space, any other by U+FFFD,
    so that a sentence keeps its length.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="c1", start=0, end=9, sentence="Bell\\x07\\x0bhere")
    'c1'
    >>> data = networkx_bytes(G, "gexf")
    >>> b'id="c1"' in data, b"char_start" in data, "Bell\\ufffd here" in data.decode()
    (True, True, True)
    """
    import networkx as nx

    name = EXPORT_FORMATS.resolve(fmt)
    if name not in ("graphml", "gexf"):
        raise UnknownNameError("NetworkX export format", fmt, ("graphml", "gexf"))
    H = _xml_safe(G)
    buffer = io.BytesIO()
    if name == "graphml":
        nx.write_graphml(H, buffer)
    else:
        for *_, key, d in H.edges(keys=True, data=True):
            d.setdefault("id", str(key))  # GEXF edge id = the claim id
            for old, new in GEXF_RENAMED.items():
                if old in d:
                    d[new] = d.pop(old)
        nx.write_gexf(H, buffer)
    return buffer.getvalue()


def write_csv(G: nx.MultiDiGraph, folder: str | os.PathLike[str]) -> Path:
    """Write ``G`` as ``nodes.csv`` and ``edges.csv`` into ``folder``; return the folder.

    The headers are those of ``neo4j-admin database import`` (``:ID``,
    ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``, typed properties such
    as ``polarity:int``); spreadsheets and Gephi's CSV import read the same
    files. A node's ``:LABEL`` is ``Entity`` and its kind (``Entity;Person``),
    a relationship's ``:TYPE`` its predicate. Sentences may hold line breaks
    (quoted, as CSV allows): give Neo4j ``--multiline-fields=true``.

    >>> import tempfile, networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("ann", label="Ann", kind="Person", aliases="")
    >>> G.add_node("toll", label="Toll", kind="Issue", aliases="")
    >>> G.add_edge("ann", "toll", key="c1", predicate="opposes", claim="c1", polarity=-1)
    'c1'
    >>> folder = write_csv(G, tempfile.mkdtemp())
    >>> print((folder / "edges.csv").read_text().splitlines()[1][:40])
    ann,toll,opposes,c1,-1,,,,,,,,,,,,
    """
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise OutputError(
            f"{out}: is a file; the csv export writes {NODES_CSV} and {EDGES_CSV} "
            "into a folder: give a folder (-o OUT_DIR)"
        )
    nodes = (
        [node, *(_csv_value(G.nodes[node].get(a)) for _, a in NODE_COLUMNS[1:]), _labels(G, node)]
        for node in sorted(G)
    )
    _write_rows(out / NODES_CSV, [*(h for h, _ in NODE_COLUMNS), ":LABEL"], nodes)
    edges = (
        [u, v, *(_csv_value(d.get(a)) for _, a in EDGE_COLUMNS[2:])]
        for u, v, d in G.edges(data=True)
    )
    _write_rows(out / EDGES_CSV, [h for h, _ in EDGE_COLUMNS], edges)
    return out


def _write_rows(path: Path, header: list[str], rows: Iterator[list[str]]) -> None:
    with atomic_write(path) as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _labels(G: nx.MultiDiGraph, node: str) -> str:
    kind = G.nodes[node].get("kind")
    return f"Entity;{kind}" if kind else "Entity"


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _xml_safe(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose string attribute values XML 1.0 can hold."""
    H = G.copy()
    for _, d in H.nodes(data=True):
        _clean(d)
    for *_, d in H.edges(data=True):
        _clean(d)
    _clean(H.graph)
    return H


def _clean(attributes: dict[str, Any]) -> None:
    for key, value in attributes.items():
        if isinstance(value, str) and _NOT_XML.search(value):
            attributes[key] = _NOT_XML.sub(_replacement, value)


def _replacement(match: re.Match[str]) -> str:
    return " " if match.group().isspace() else "\ufffd"
