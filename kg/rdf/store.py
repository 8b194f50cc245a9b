"""Graphs in Oxigraph stores: make, fill, query, read and write them.

Every graph of the project is an ``rdflib.Graph`` over an in-memory Oxigraph
store (``oxrdflib``), so rdflib code works on it unchanged while SPARQL,
parsing and serializing run in Oxigraph's Rust code. Bulk work (loading a
build, reading claims, files on disk) goes straight to the underlying
``pyoxigraph.Store``: on a graph of 1.6 million triples Oxigraph writes Turtle
in ~1.5 s where rdflib's serializer takes ~2 minutes, and parses it in ~5 s
where rdflib takes ~1 minute.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Node, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.fileio import atomic_write
from kg.rdf.namespaces import PREFIXES, bind_prefixes
from kg.rdf.source import FORMAT_NAMES as FORMAT_NAMES  # re-exported: formats live in source
from kg.rdf.source import OX_FORMATS, RDF_FORMATS, open_graph
from kg.rdf.source import format_of as format_of

#: What a triple may hold when added with :func:`add_triples`: rdflib terms, or
#: plain Python values (``str``, ``int``, ``float``, ``bool``) for literals.
Term = Node | str | int | float | bool

_DEFAULT = ox.DefaultGraph()


@cache
def _store_type() -> type:
    """The ``oxrdflib`` store class that keeps a public handle on its
    ``pyoxigraph.Store`` (made on first use: ``oxrdflib`` imports rdflib's
    SPARQL engine, which a build never needs)."""
    from oxrdflib import OxigraphStore

    class _Store(OxigraphStore):
        def __init__(self, store: ox.Store | None = None) -> None:
            self.oxigraph = ox.Store() if store is None else store
            super().__init__(store=self.oxigraph)

    return _Store


def new_graph() -> Graph:
    """An empty graph over a fresh in-memory Oxigraph store, project prefixes bound.

    >>> graph = new_graph()
    >>> len(graph), graph.namespace_manager.store.namespace("kg")
    (0, rdflib.term.URIRef('https://w3id.org/policy-kg/ontology#'))
    """
    return graph_of_store(ox.Store())


def graph_of_store(store: ox.Store) -> Graph:
    """An rdflib graph over the default graph of ``store`` (an on-disk one, say),
    project prefixes bound; SPARQL and bulk reads go straight to ``store``.

    Nothing is copied; over a store opened read-only, reading is all it can do.
    """
    graph = Graph(
        store=_store_type()(store), identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="none"
    )
    return bind_prefixes(graph)


def oxigraph_of(graph: Graph) -> ox.Store:
    """The ``pyoxigraph.Store`` whose default graph holds ``graph``'s triples.

    A graph made by :func:`new_graph` (so by ``to_graph`` and ``read_graph``)
    gives its own store; any other graph is copied into a new one.
    """
    store = graph.store
    if isinstance(store, _store_type()) and graph.identifier == DATASET_DEFAULT_GRAPH_ID:
        return store.oxigraph
    copy = ox.Store()
    copy.extend(ox.Quad(*map(to_oxigraph, triple)) for triple in graph)
    return copy


def to_oxigraph(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The Oxigraph term for an rdflib term or a plain Python literal value."""
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = ox.NamedNode(term.datatype) if term.datatype else None
        return ox.Literal(str(term), datatype=datatype)
    if isinstance(term, str | int | float | bool):
        return ox.Literal(term)
    raise TypeError(f"cannot store {term!r} in an RDF graph")


def add_triples(graph: Graph, triples: Iterable[tuple[Term, Term, Term]]) -> Graph:
    """Add many triples at once: IRIs as ``URIRef``, literals as ``Literal`` or Python values.

    Straight into the Oxigraph store, several times faster than ``Graph.addN``.
    """
    store = graph.store
    if not (isinstance(store, _store_type()) and graph.identifier == DATASET_DEFAULT_GRAPH_ID):
        graph.addN((s, p, _literal(o), graph) for s, p, o in triples)  # type: ignore[misc]
        return graph
    # In memory, a transactional extend is faster than bulk_extend (measured).
    store.oxigraph.extend(quads(triples))
    return graph


def quads(triples: Iterable[tuple[Term, Term, Term]]) -> Iterator[ox.Quad]:
    """Oxigraph quads of the default graph for ``triples`` (see :func:`add_triples`)."""
    # Most terms recur (IRIs, modalities, sentences shared by claims): convert each once.
    # The key holds the type, so that True, 1 and 1.0 stay distinct.
    converted: dict[tuple[type, Term], ox.NamedNode | ox.BlankNode | ox.Literal] = {}

    def convert(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        key = (type(term), term)
        node = converted.get(key)
        if node is None:
            node = converted[key] = to_oxigraph(term)
        return node

    for s, p, o in triples:
        yield ox.Quad(convert(s), convert(p), convert(o), _DEFAULT)


def dump_store(store: ox.Store, output: IO[bytes], fmt: str = "ttl") -> None:
    """Write the default graph of ``store`` to ``output`` in ``fmt``, project prefixes used."""
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    store.dump(output, format=OX_FORMATS[fmt], from_graph=_DEFAULT, prefixes=prefixes)


def turtle_header() -> bytes:
    """The ``@prefix`` lines of the project prefixes: the head of a Turtle file
    made of bodies from :func:`turtle_body`."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()).encode()


def turtle_body(quads: Iterable[ox.Quad]) -> bytes:
    """``quads`` (of the default graph) as Turtle with the project prefixes but
    without the ``@prefix`` lines: bodies concatenate under one
    :func:`turtle_header` into one Turtle file."""
    return turtle_of((q.subject, q.predicate, q.object) for q in quads)


def turtle_of(
    triples: Iterable[tuple[Term | ox.NamedNode | ox.BlankNode | ox.Literal, ...]],
) -> bytes:
    """``triples`` (terms as :func:`add_triples` takes them, or Oxigraph terms)
    as a Turtle body like :func:`turtle_body`'s, written in the order given,
    as Oxigraph writes it: a subject's next triples after ``;``, a predicate's
    next objects after ``,``.

    Each distinct term is made an Oxigraph term once (so it is checked, and
    written as Oxigraph writes it); the triples themselves never are, which
    costs more than the writing here (a ``pyoxigraph.Quad`` takes ~3 µs).
    """
    text = _term_text
    out: list[str] = []
    last_s = last_p = None
    for s, p, o in triples:
        subject, predicate, obj = text(s), text(p), text(o)
        if subject != last_s:
            if last_s is not None:
                out.append(" .\n")
            out += (subject, " ", "a" if predicate == _RDF_TYPE else predicate, " ", obj)
        elif predicate != last_p:
            out += (" ;\n\t", "a" if predicate == _RDF_TYPE else predicate, " ", obj)
        else:
            out += (" , ", obj)
        last_s, last_p = subject, predicate
    if last_s is not None:
        out.append(" .\n")
    return "".join(out).encode()


@lru_cache(maxsize=2**15, typed=True)  # typed: True, 1 and 1.0 are three terms
def _term_text(term: object) -> str:
    """A term of :func:`turtle_of` as Turtle, worked out once for the terms every
    fragment repeats (predicates, classes, entities, extractors)."""
    node = term if isinstance(term, _OX_TERMS) else to_oxigraph(term)  # type: ignore[arg-type]
    return _turtle_term(node)


_OX_TERMS = (ox.NamedNode, ox.BlankNode, ox.Literal)
_XSD = "http://www.w3.org/2001/XMLSchema#"
#: Namespaces of :data:`PREFIXES`, longest first, with their prefixes.
_NAMESPACES = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda n: -len(n[0]))
#: Local names written as ``prefix:local`` (the ASCII part of Turtle's PN_LOCAL,
#: no escapes needed); any other IRI is written in full.
_LOCAL = re.compile(r"[A-Za-z0-9_:](?:[A-Za-z0-9_:.-]*[A-Za-z0-9_:-])?")
_INTEGER = re.compile(r"[+-]?[0-9]+")


def _iri_text(iri: str) -> str:
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri, len(namespace)):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


_RDF_TYPE = _iri_text("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _turtle_term(node: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """One term in Turtle: an IRI by its prefix where it has one, a literal in
    its N-Triples form (Oxigraph's escaping), integers and booleans bare."""
    if isinstance(node, ox.NamedNode):
        return _iri_text(node.value)
    if isinstance(node, ox.BlankNode):
        return str(node)
    datatype = node.datatype.value
    if datatype == _XSD + "integer" and _INTEGER.fullmatch(node.value):
        return node.value
    if datatype == _XSD + "boolean" and node.value in ("true", "false"):
        return node.value
    written = str(node)
    if node.language or datatype == _XSD + "string":
        return written
    lexical, _, _ = written.rpartition("^^")  # "^" never occurs in an IRI
    return f"{lexical}^^{_iri_text(datatype)}"


def ntriple(triple: tuple[Term, Term, Term]) -> str:
    """One triple (terms as :func:`add_triples` takes them) in N-Triples, as
    ``str(pyoxigraph.Triple)`` writes it."""
    return str(ox.Triple(*map(to_oxigraph, triple)))


def read_turtle_body(body: bytes) -> list[ox.Quad]:
    """The quads of a body written by :func:`turtle_body`."""
    return list(ox.parse(turtle_header() + body, format=ox.RdfFormat.TURTLE))


def _literal(term: Term) -> Node:
    return term if isinstance(term, Node) else Literal(term)


def sparql(
    graph: Graph, query: str, bindings: Mapping[str, Term] | None = None
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a SPARQL query string on Oxigraph, with the project prefixes declared.

    ``bindings`` pre-bind variables (by name, without ``?``) to terms, so values
    never get formatted into the query text. Raises ``SyntaxError`` when the
    query does not parse.
    """
    return oxigraph_of(graph).query(
        query,
        prefixes={prefix: str(namespace) for prefix, namespace in PREFIXES.items()},
        substitutions={ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()},
    )


def read_graph(path: str | os.PathLike[str], fmt: str | None = None) -> Graph:
    """The graph ``kg build`` wrote: an output folder (its store, else its ``graph.ttl``) or file.

    An output folder's on-disk store is read in place, read-only (see
    :func:`kg.rdf.source.open_graph`); a graph file is parsed into memory
    (format from ``fmt``, else the suffix). Raises :class:`~kg.errors.GraphError`
    when there is nothing to read, it does not parse, or it was not written by
    ``kg build``.
    """
    return graph_of_store(open_graph(path, fmt))


def serialize(graph: Graph, fmt: str = "ttl") -> bytes:
    """``graph`` as UTF-8 bytes in ``fmt`` (a name or alias of :data:`RDF_FORMATS`).

    JSON-LD gets a ``@context`` of the project prefixes, so it stays readable.
    """
    fmt = RDF_FORMATS.resolve(fmt)
    if fmt == "jsonld":
        context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        return graph.serialize(format="json-ld", context=context, encoding="utf-8")
    prefixes = {prefix: str(namespace) for prefix, namespace in graph.namespaces()}
    return oxigraph_of(graph).dump(format=OX_FORMATS[fmt], from_graph=_DEFAULT, prefixes=prefixes)


def write_graph(graph: Graph, path: str | os.PathLike[str], fmt: str = "ttl") -> Path:
    """Write ``graph`` to ``path`` in ``fmt``; return the path.

    The file appears whole or not at all: the graph is serialized first, then
    written through :func:`kg.fileio.atomic_write`.
    """
    data = serialize(graph, fmt)
    with atomic_write(path, "wb") as fh:
        fh.write(data)
    return Path(path)
