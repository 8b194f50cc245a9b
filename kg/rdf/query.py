"""SPARQL over a graph: ad-hoc queries and the shipped named queries.

A query runs on a *source*: a ``pyoxigraph.Store`` (what
:func:`kg.rdf.source.open_graph` gives for an output folder or a graph file),
an ``rdflib.Graph`` made by this package, or a remote SPARQL endpoint
(:class:`kg.rdf.endpoint.Endpoint`). Values are pre-bound by variable
(``bindings``), never formatted into the text. Queries are strings, not rdflib
``prepareQuery`` objects, on purpose: ``oxrdflib`` cannot run a prepared
query, and rdflib would fall back to its pure-Python evaluator. This module
imports no rdflib, so ``kg query`` on an output folder starts in a blink.

Named queries live in ``kg/rdf/queries/<name>.rq``; each declares its own
prefixes, so it runs unchanged on any SPARQL endpoint, and a leading comment
block gives the description and the parameters::

    # description: Who supports, praises or proposes a target ...
    # param target: the policy, issue or actor supported ...

Every parameter names an entity: the user's text is resolved to an entity IRI
by :func:`resolve_entity` and bound to the variable of the same name; when
the query selects that variable, :func:`run_named` leaves the column out of
the result, since it is the same in every row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import QueryError, UnknownNameError
from kg.model import ENTITY_KINDS, slugify
from kg.rdf.endpoint import Endpoint
from kg.rdf.prefixes import KG_IRI, KGR_IRI, PREFIX_IRIS, sparql_prologue
from kg.rdf.summary import HAS_SUMMARIES, SUMMARY_TERMS

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

    #: Where a query runs: an Oxigraph store, an rdflib graph of this package, an endpoint.
    Source = ox.Store | Graph | Endpoint
    #: What a variable may be bound to: an Oxigraph or rdflib term, or a plain value.
    Binding = ox.NamedNode | ox.BlankNode | ox.Literal | Node | str | int | float | bool


@dataclass(frozen=True)
class NamedQuery:
    """A shipped query: its name, what it answers, its parameters and its SPARQL."""

    name: str
    description: str
    params: tuple[str, ...]
    text: str
    #: One line of help per parameter, in the order of :attr:`params`.
    param_help: tuple[str, ...] = ()
    #: Whether it reads the summaries of the claims (:mod:`kg.rdf.summary`).
    summaries: bool = False


@dataclass(frozen=True)
class QueryResult:
    """A table: column names and rows of plain strings (``None`` where unbound).

    ``ASK`` gives one column ``answer`` (``"true"`` or ``"false"``);
    ``CONSTRUCT`` and ``DESCRIBE`` give ``subject``, ``predicate``, ``object``.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]

    def records(self) -> list[dict[str, str | None]]:
        """The rows as dictionaries keyed by column."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


_HEADER = re.compile(r"^#\s*(description|param\s+(\w+))\s*:\s*(.*?)\s*$")
_POSITION = re.compile(r"^error (?:at|between) (\d+):(\d+)(?: and \d+:\d+)?: ")
#: What carries no keyword: strings, IRIs and comments (blanked out before keywords are sought).
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.DOTALL,
)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[\w.-]*:|BASE)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
#: The opening brace of the WHERE clause (searched with strings, IRIs and comments blanked).
_WHERE = re.compile(r"(?<![\w?$:.-])WHERE\s*\{", re.IGNORECASE)
#: The SERVICE keyword (not ?service, ex:service or a prefix service:).
_SERVICE = re.compile(r"(?<![\w?$:.-])SERVICE(?![\w:.-])", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_SUMMARY = re.compile(rf"\bkg:(?:{'|'.join(SUMMARY_TERMS)})\b")
_MAX_CANDIDATES = 5
_KINDS = " ".join(f"<{KG_IRI}{kind}>" for kind in ENTITY_KINDS)
_PREFIXES = sparql_prologue(["kg", "rdfs", "skos"])
_KIND_LIST = ", ".join(f"<{KG_IRI}{kind}>" for kind in ENTITY_KINDS)
_PREFIXES = sparql_prologue(["rdfs", "skos"])
# Entity lookups are two steps, names then kinds and labels: joined in one query,
# Oxigraph reads every typed node first (0.6 s on a 100,000-claim store, not 0.03 s).
#: The kind and label of each ?entity that is an entity (a node of an entity kind).
_DESCRIBE = f"""{_PREFIXES}
SELECT ?entity ?kind ?label WHERE {{
  ?entity a ?kind ; rdfs:label ?label .
  FILTER (?kind IN ({_KIND_LIST}))
}}"""
#: The nodes with a label or alias equal to ?wanted, ignoring case.
_NAMED = f"""{_PREFIXES}
SELECT DISTINCT ?entity WHERE {{
  ?entity rdfs:label|skos:altLabel ?name .
  FILTER (LCASE(STR(?name)) = ?wanted)
}}"""
#: The names (labels and aliases) that hold ?word, with their nodes.
_NAMES_HOLDING = f"""{_PREFIXES}
SELECT ?entity ?name WHERE {{
  ?entity rdfs:label|skos:altLabel ?name .
  FILTER (CONTAINS(LCASE(STR(?name)), ?word))
}}"""


def parse_named_query(name: str, text: str) -> NamedQuery:
    """A :class:`NamedQuery` from the text of its ``.rq`` file."""
    description, params, helps = "", [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match is None:
            continue
        if match.group(2):
            params.append(match.group(2))
            helps.append(match.group(3))
        else:
            description = match.group(3)
    if not description:
        raise QueryError(f"named query {name!r} has no '# description:' line; add one")
    keywords = _OPAQUE.sub(" ", text)
    for param in params:
        if not re.search(rf"[?$]{param}\b", keywords):
            raise QueryError(f"named query {name!r} never uses its parameter ?{param}")
    summaries = bool(_SUMMARY.search(keywords))
    return NamedQuery(name, description, tuple(params), text, tuple(helps), summaries)


@cache
def _named_queries() -> dict[str, NamedQuery]:
    folder = files("kg.rdf") / "queries"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq") and not entry.name.startswith("_"):
            name = entry.name[: -len(".rq")]
            found[name] = parse_named_query(name, entry.read_text(encoding="utf-8"))
    return found


def __getattr__(name: str) -> Any:
    # NAMED_QUERIES is read from the package data on first use, then kept.
    if name == "NAMED_QUERIES":
        return _named_queries()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


NAMED_QUERIES: dict[str, NamedQuery]  # provided by __getattr__ above


def run_query(
    source: Source,
    sparql: str,
    bindings: Mapping[str, Binding] | None = None,
    *,
    allow_service: bool = False,
) -> QueryResult:
    """Run a SPARQL query on ``source`` and return its result as a table of strings.

    The project prefixes (``kg:``, ``kgr:``, ``rdfs:``, …) are declared for the
    query. ``bindings`` pre-bind variables (name without ``?``) to IRIs or
    literals (see :func:`bind_values`). Raises :class:`~kg.errors.QueryError`
    when the query does not parse, is an update, calls a ``SERVICE`` (unless
    ``allow_service``: a federated query makes this process, or the endpoint,
    fetch from the URL it names), or fails to run.

    >>> from kg.rdf.store import new_graph
    >>> run_query(new_graph(), "ASK { ?claim a kg:Claim }").rows
    (('false',),)
    """
    keywords = _OPAQUE.sub(" ", sparql)
    if _UPDATE.match(keywords):
        raise QueryError(
            "only SELECT, ASK, CONSTRUCT and DESCRIBE queries run here; the graph is read-only"
        )
    if not allow_service and _SERVICE.search(keywords):
        raise QueryError(
            "the query calls a SERVICE, which fetches data from another server; "
            "pass --allow-service (allow_service=True) if that is meant"
        )
    return _run(source, sparql, bindings)


def _run(source: Source, sparql: str, bindings: Mapping[str, Binding] | None = None) -> QueryResult:
    """Run ``sparql`` on ``source`` as it is (no checks), the project prefixes declared."""
    if bindings:
        sparql = bind_values(sparql, {name: _term(value) for name, value in bindings.items()})
    if isinstance(source, Endpoint):
        return _table(source.query(f"{sparql_prologue()}\n{sparql}"))
    try:
        return _table(_oxigraph(source).query(sparql, prefixes=PREFIX_IRIS))
    except SyntaxError as error:
        raise QueryError(_syntax_message(str(error))) from None
    except (RuntimeError, OSError, ValueError) as error:
        raise QueryError(f"SPARQL query failed: {error}; check the query") from None


def bind_values(sparql: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """``sparql`` with a ``VALUES`` block binding each variable to its term.

    The block opens the ``WHERE`` clause, where it constrains the whole query
    from the first step (Oxigraph's own ``substitutions`` join the values in
    last: 27 s instead of 0.01 s for ``evidence`` on a large store); a query
    without ``WHERE`` gets it at its end. The terms are written by Oxigraph in
    N-Triples syntax (IRIs checked, literals escaped), never copied from text.

    >>> print(bind_values("SELECT ?label WHERE { ?e rdfs:label ?label }",
    ...                   {"e": ox.NamedNode("https://w3id.org/policy-kg/id/x")}))
    SELECT ?label WHERE { VALUES (?e) { (<https://w3id.org/policy-kg/id/x>) } ?e rdfs:label ?label }
    """
    return _with_values(sparql, list(bindings), [list(bindings.values())])


def _with_values(sparql: str, names: list[str], rows: list[list[ox.NamedNode | ox.Literal]]) -> str:
    for row in rows:
        for name, value in zip(names, row, strict=True):
            if not isinstance(value, ox.NamedNode | ox.Literal):
                raise QueryError(f"cannot bind ?{name} to {value!r}; bind an IRI or a literal")
    variables = " ".join(f"?{ox.Variable(name).value}" for name in names)
    data = " ".join("(" + " ".join(str(value) for value in row) + ")" for row in rows)
    block = f"VALUES ({variables}) {{ {data} }}"
    where = _WHERE.search(_OPAQUE.sub(lambda m: " " * len(m.group()), sparql))
    if where is None:
        return f"{sparql}\n{block}"
    return f"{sparql[: where.end()]} {block}{sparql[where.end() :]}"


def _oxigraph(source: ox.Store | Graph) -> ox.Store:
    if isinstance(source, ox.Store):
        return source
    from kg.rdf.store import oxigraph_of  # an rdflib graph: rdflib is loaded already

    return oxigraph_of(source)


def _term(value: Binding) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal):
        return value
    from kg.rdf.store import to_oxigraph

    return to_oxigraph(value)


def _syntax_message(message: str) -> str:
    match = _POSITION.match(message)
    where = f"line {match.group(1)} column {match.group(2)}: " if match else ""
    reason = _POSITION.sub("", message).splitlines()[0].strip()
    if "Prefix not found" in reason:
        reason = f"unknown prefix (declared: {', '.join(PREFIX_IRIS)})"
    elif len(reason) > 120:
        reason = reason[: reason.rfind(", ", 0, 120)] + ", …"
    return f"SPARQL does not parse: {where}{reason}; check the query"


def _table(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | list[ox.Triple],
) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(("answer",), ((str(bool(result)).lower(),),))
    if isinstance(result, ox.QueryTriples | list):
        rows = tuple((_text(t.subject), _text(t.predicate), _text(t.object)) for t in result)
        return QueryResult(("subject", "predicate", "object"), rows)
    columns = tuple(v.value for v in result.variables)
    return QueryResult(columns, tuple(tuple(_text(term) for term in row) for row in result))


def _text(term: Any) -> str | None:
    """The plain string of a term: the IRI, the literal's lexical form, ``_:id``."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def run_named(source: Source, name: str, params: Mapping[str, str] | None = None) -> QueryResult:
    """Run the named query ``name`` with ``params`` (entity names, aliases or ids).

    >>> from kg.rdf.store import new_graph
    >>> run_named(new_graph(), "conflicts").columns
    ('target', 'supporter', 'opponent')
    """
    queries = _named_queries()
    if name not in queries:
        raise UnknownNameError("named query", name, queries)
    query, given = queries[name], dict(params or {})
    expected = ", ".join(query.params) or "none"
    unknown = sorted(set(given) - set(query.params))
    if unknown:
        raise QueryError(
            f"named query {name!r} takes no parameter {unknown[0]!r}; "
            f"expected parameters: {expected}"
        )
    for param, help_text in zip(query.params, query.param_help, strict=True):
        if param not in given:
            raise QueryError(
                f"named query {name!r} needs parameter {param!r} ({help_text}); "
                f"expected parameters: {expected}"
            )
    if query.summaries and _run(source, HAS_SUMMARIES).rows != (("true",),):
        raise QueryError(
            f"named query {name!r} reads the summaries of the claims, which this graph lacks "
            "(it was written by an earlier kg); rebuild it with `kg build`"
        )
    bindings = {param: resolve_entity(source, given[param]) for param in query.params}
    result = _run(source, query.text, bindings)
    keep = [i for i, column in enumerate(result.columns) if column not in bindings]
    return QueryResult(
        tuple(result.columns[i] for i in keep),
        tuple(tuple(row[i] for i in keep) for row in result.rows),
    )


@dataclass(frozen=True)
class _Candidate:
    iri: str
    kind: str
    label: str

    @property
    def key(self) -> str:
        return self.iri[len(KGR_IRI) :] if self.iri.startswith(KGR_IRI) else self.iri


def resolve_entity(source: Source, text: str) -> ox.NamedNode:
    """The IRI of the one entity ``text`` names: its id, its label or an alias, or words of them.

    Tried in order: the id (``zohran_mamdani``, ``kgr:zohran_mamdani`` or the
    full IRI); a label or alias, ignoring case; the slug of ``text``; the
    entities whose label or an alias holds every word of ``text``. Each step is
    one query, so this works as well on a remote endpoint as on a store.
    Raises :class:`~kg.errors.QueryError` when ``text`` holds no letter or
    digit, or when nothing or more than one entity matches.
    """
    wanted = text.strip()
    if not wanted:
        raise QueryError("an entity parameter is empty; give a name, an alias or an id")
    key = wanted[len("kgr:") :] if wanted.startswith("kgr:") else wanted
    key = key[len(KGR_IRI) :] if key.startswith(KGR_IRI) else key
    found = _by_iri(source, key)
    if found:
        return ox.NamedNode(found[0].iri)
    words = set(_WORD.findall(wanted.casefold()))
    if not words:
        raise QueryError(
            f"{wanted!r} names no entity: give a name, an alias or an id "
            "(letters or digits; try `kg query OUT --name entities`)"
        )
    steps = (
        lambda: _by_name(source, wanted),
        lambda: _by_iri(source, slugify(wanted)),
        lambda: _by_words(source, words),
    )
    for step in steps:
        found = step()
        if len(found) == 1:
            return ox.NamedNode(found[0].iri)
        if found:
            raise QueryError(_ambiguous(wanted, found))
    raise QueryError(f"no entity matches {wanted!r}; try `kg query OUT --name entities`")


def _by_iri(source: Source, key: str) -> list[_Candidate]:
    try:
        iri = ox.NamedNode(KGR_IRI + key)
    except ValueError:  # not a valid IRI, so no entity's
        return []
    return _describe(source, [iri])


def _by_name(source: Source, wanted: str) -> list[_Candidate]:
    rows = _run(source, _NAMED, {"wanted": ox.Literal(wanted.lower())}).rows
    return _describe(source, [ox.NamedNode(iri) for (iri,) in rows if iri])


def _by_words(source: Source, words: set[str]) -> list[_Candidate]:
    """The entities with a name holding every word (sought by the longest one)."""
    rows = _run(source, _NAMES_HOLDING, {"word": ox.Literal(max(sorted(words), key=len))}).rows
    hits = {iri for iri, name in rows if iri and words <= set(_WORD.findall(name.casefold()))}
    return _describe(source, [ox.NamedNode(iri) for iri in sorted(hits)])


def _describe(source: Source, iris: list[ox.NamedNode]) -> list[_Candidate]:
    """The entities among ``iris``, one candidate each (its first kind and label), by key."""
    if not iris:
        return []
    rows = _run(source, _with_values(_DESCRIBE, ["entity"], [[iri] for iri in iris])).rows
    found: dict[str, _Candidate] = {}
    for iri, kind, label in sorted(rows, key=lambda row: tuple(v or "" for v in row)):
        kind = kind[len(KG_IRI) :] if kind.startswith(KG_IRI) else kind
        found.setdefault(iri, _Candidate(iri, kind, label))
    return sorted(found.values(), key=lambda c: c.key)


def _ambiguous(text: str, found: list[_Candidate]) -> str:
    shown = ", ".join(f"{e.label} ({e.kind}, id {e.key})" for e in found[:_MAX_CANDIDATES])
    more = f" and {len(found) - _MAX_CANDIDATES} more" if len(found) > _MAX_CANDIDATES else ""
    return f"{text!r} matches {len(found)} entities: {shown}{more}; give the id or a fuller name"
