"""SPARQL over a graph: ad-hoc queries and the shipped named queries.

Queries run on Oxigraph as strings, with the project prefixes declared and
values pre-bound by variable (``bindings``), never formatted into the text.
They are not rdflib ``prepareQuery`` objects on purpose: ``oxrdflib`` cannot
run a prepared query, and rdflib would fall back to its pure-Python evaluator.
Named queries live in ``kg/rdf/queries/<name>.rq``; a leading comment block
gives the description and the parameters::

    # description: Who supports, praises or proposes a target ...
    # param target: the policy, issue or actor supported ...

Every parameter names an entity: the user's text is resolved to an entity IRI
by :func:`resolve_entity`. The query must select the parameter's variable
(Oxigraph pre-binds only projected variables); :func:`run_named` leaves that
column out of the result, since it is the same in every row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.errors import QueryError, UnknownNameError
from kg.model import Entity, slugify
from kg.rdf import store
from kg.rdf.graph import entities_from_graph, entity_iri
from kg.rdf.namespaces import KGR, PREFIXES
from kg.rdf.store import Term


@dataclass(frozen=True)
class NamedQuery:
    """A shipped query: its name, what it answers, its parameters and its SPARQL."""

    name: str
    description: str
    params: tuple[str, ...]
    text: str
    #: One line of help per parameter, in the order of :attr:`params`.
    param_help: tuple[str, ...] = ()


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
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
_COMMENT = re.compile(r"^\s*#.*$", re.MULTILINE)
_WORD = re.compile(r"\w+")
_MAX_CANDIDATES = 5


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
    for param in params:
        if not re.search(rf"SELECT\b[^{{]*\?{param}\b", text, re.IGNORECASE):
            raise QueryError(f"named query {name!r} must select its parameter ?{param}")
    return NamedQuery(name, description, tuple(params), text, tuple(helps))


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


def run_query(graph: Graph, sparql: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
    """Run a SPARQL query on ``graph`` and return its result as a table of strings.

    ``bindings`` pre-bind variables (name without ``?``) to rdflib terms; each
    bound variable must be selected. Raises :class:`~kg.errors.QueryError`
    when the query does not parse, is an update, or fails to run.
    """
    if _UPDATE.match(_COMMENT.sub("", sparql)):
        raise QueryError(
            "only SELECT, ASK, CONSTRUCT and DESCRIBE queries run here; the graph file is read-only"
        )
    try:
        result = store.sparql(graph, sparql, bindings)
    except SyntaxError as error:
        raise QueryError(_syntax_message(str(error))) from None
    except (RuntimeError, OSError, ValueError) as error:
        raise QueryError(f"SPARQL query failed: {error}; check the query") from None
    return _table(result)


def _syntax_message(message: str) -> str:
    match = _POSITION.match(message)
    where = f"line {match.group(1)} column {match.group(2)}: " if match else ""
    reason = _POSITION.sub("", message).splitlines()[0].strip()
    if "Prefix not found" in reason:
        reason = f"unknown prefix (declared: {', '.join(PREFIXES)})"
    elif len(reason) > 120:
        reason = reason[: reason.rfind(", ", 0, 120)] + ", …"
    return f"SPARQL does not parse: {where}{reason}; check the query"


def _table(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(("answer",), ((str(bool(result)).lower(),),))
    if isinstance(result, ox.QueryTriples):
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


def run_named(graph: Graph, name: str, params: Mapping[str, str] | None = None) -> QueryResult:
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
    bindings = {param: resolve_entity(graph, given[param]) for param in query.params}
    result = run_query(graph, query.text, bindings)
    keep = [i for i, column in enumerate(result.columns) if column not in bindings]
    return QueryResult(
        tuple(result.columns[i] for i in keep),
        tuple(tuple(row[i] for i in keep) for row in result.rows),
    )


def resolve_entity(graph: Graph, text: str) -> URIRef:
    """The IRI of the one entity ``text`` names: its id, its label or an alias, or words of them.

    Tried in order: the id (``zohran_mamdani``, ``kgr:zohran_mamdani`` or the
    full IRI); a label or alias, ignoring case; the slug of ``text``; the
    entities whose label or an alias holds every word of ``text``. Raises
    :class:`~kg.errors.QueryError` when nothing or more than one entity matches.
    """
    wanted = text.strip()
    if not wanted:
        raise QueryError("an entity parameter is empty; give a name, an alias or an id")
    entities = entities_from_graph(graph)
    key = wanted[len("kgr:") :] if wanted.startswith("kgr:") else wanted
    key = key[len(KGR) :] if key.startswith(str(KGR)) else key
    if key in entities:
        return entity_iri(key)
    folded = wanted.casefold()
    steps = (
        lambda e: folded in {n.casefold() for n in _names(e)},
        lambda e: e.key == slugify(wanted),
        lambda e: _has_words(e, set(_WORD.findall(folded))),
    )
    for matches in steps:
        found = [e for e in entities.values() if matches(e)]
        if len(found) == 1:
            return entity_iri(found[0].key)
        if found:
            raise QueryError(_ambiguous(wanted, found))
    raise QueryError(f"no entity matches {wanted!r}; try `kg query GRAPH --name entities`")


def _names(entity: Entity) -> tuple[str, ...]:
    return (entity.label, *entity.aliases)


def _has_words(entity: Entity, words: set[str]) -> bool:
    return bool(words) and any(words <= set(_WORD.findall(n.casefold())) for n in _names(entity))


def _ambiguous(text: str, found: list[Entity]) -> str:
    shown = ", ".join(f"{e.label} ({e.kind}, id {e.key})" for e in found[:_MAX_CANDIDATES])
    more = f" and {len(found) - _MAX_CANDIDATES} more" if len(found) > _MAX_CANDIDATES else ""
    return f"{text!r} matches {len(found)} entities: {shown}{more}; give the id or a fuller name"
