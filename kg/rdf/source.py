"""Where a graph is read from: an output folder's Oxigraph store, or a graph file.

``kg build`` writes an on-disk Oxigraph store (``OUT/store/``) beside
``OUT/graph.ttl``. Every reader takes the output folder (or a graph file) and
gets a ``pyoxigraph.Store``: the on-disk store opened read-only when there is
one (no parse, and any number of readers at once), else the graph file parsed
into memory. This module imports Oxigraph and nothing of rdflib, so ``kg
query`` starts fast; :func:`kg.rdf.store.read_graph` wraps the same store in an
``rdflib.Graph`` for the rest of the library.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphError
from kg.names import NameTable
from kg.rdf.prefixes import KG_IRI

#: The store's folder and the Turtle export's file name inside an output folder.
STORE_DIR = "store"
GRAPH_FILE = "graph.ttl"

#: The RDF serializations a graph can be read from and written to.
RDF_FORMATS = NameTable(
    "rdf format",
    {
        "ttl": ("turtle", "text/turtle"),
        "nt": ("ntriples", "n-triples", "application/n-triples"),
        "trig": ("application/trig",),
        "jsonld": ("json-ld", "application/ld+json"),
    },
)

#: Human names of the formats, for messages.
FORMAT_NAMES = {"ttl": "Turtle", "nt": "N-Triples", "trig": "TriG", "jsonld": "JSON-LD"}

OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}

#: How Oxigraph starts a parse error ("Parser error at line 2 between columns 1 and 6: ").
_POSITION = re.compile(r"^Parser error (?:at|between) [^:]*: ")
#: A file every RocksDB folder (so every Oxigraph store) holds.
_STORE_MARKER = "CURRENT"
_WRITTEN_BY_KG = f"ASK {{ {{ ?node a <{KG_IRI}Claim> }} UNION {{ ?node a <{KG_IRI}Document> }} }}"


def format_of(path: str | os.PathLike[str]) -> str:
    """The canonical format name for ``path``'s suffix.

    >>> format_of("out/graph.ttl")
    'ttl'
    """
    return RDF_FORMATS.resolve(Path(path).suffix.lstrip(".") or Path(path).name)


def store_folder(path: str | os.PathLike[str]) -> Path | None:
    """The Oxigraph store ``path`` names (an output folder or the store itself), if any."""
    folder = Path(path)
    for candidate in (folder / STORE_DIR, folder):
        if (candidate / _STORE_MARKER).is_file():
            return candidate
    return None


def open_graph(path: str | os.PathLike[str], fmt: str | None = None) -> ox.Store:
    """The graph ``kg build`` wrote at ``path``, as a ``pyoxigraph.Store`` to read.

    ``path`` is an output folder (its ``store/`` opened read-only, else its
    ``graph.ttl`` parsed), a store folder, or a graph file (format from ``fmt``,
    else the suffix) parsed into memory. Raises :class:`~kg.errors.GraphError`
    when there is nothing to read, it does not parse, or it holds neither a
    ``kg:Claim`` nor a ``kg:Document`` (so was not written by ``kg build``).
    """
    source = Path(path)
    folder = store_folder(source) if fmt is None and source.is_dir() else None
    if folder is not None:
        store = _open_store(folder)
        source = folder
    else:
        if source.is_dir() and (source / GRAPH_FILE).is_file():
            source = source / GRAPH_FILE
        store = _load_file(source, RDF_FORMATS.resolve(fmt) if fmt else None)
    if not store.query(_WRITTEN_BY_KG):
        raise GraphError(
            f"{source}: holds no kg documents or claims; is it a graph written by `kg build`?"
        )
    return store


def _open_store(folder: Path) -> ox.Store:
    try:
        # Read-only: no lock is taken, so any number of readers share the store.
        return ox.Store.read_only(str(folder))
    except OSError as error:
        raise GraphError(
            f"{folder}: cannot be opened as an Oxigraph store ({error}); rebuild it with `kg build`"
        ) from None


def _load_file(source: Path, fmt: str | None) -> ox.Store:
    if not source.is_file():
        if source.is_dir():
            reason = f"holds neither {STORE_DIR}/ nor {GRAPH_FILE}"
        else:
            reason = "no such file"
        raise GraphError(f"{source}: {reason}; build one with `kg build`")
    fmt = fmt or format_of(source)
    store = ox.Store()
    try:
        store.load(path=source, format=OX_FORMATS[fmt], to_graph=ox.DefaultGraph())
    except SyntaxError as error:
        raise GraphError(_parse_message(source, fmt, error)) from None
    except (OSError, ValueError) as error:
        raise GraphError(
            f"{source}: cannot be read as {FORMAT_NAMES[fmt]} ({error}); rebuild it with `kg build`"
        ) from None
    return store


def _parse_message(source: Path, fmt: str, error: SyntaxError) -> str:
    reason = _POSITION.sub("", str(error.msg or error)).splitlines()[0].strip()
    where = f"line {error.lineno}: " if error.lineno else ""
    return (
        f"{source}: {where}not valid {FORMAT_NAMES[fmt]} ({reason}); "
        "rebuild it with `kg build` or fix the line"
    )
