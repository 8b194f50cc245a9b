"""One exception hierarchy for the whole package.

Every message is one line that says what went wrong, where (file, line, the
offending value) and how to fix it. The CLI prints it as ``Error: <message>``
and exits non-zero; the library never prints or exits.
"""

from __future__ import annotations

from collections.abc import Iterable


class KGError(Exception):
    """Base class of every error the project raises on purpose."""


class InputError(KGError):
    """An input article, corpus or file cannot be read."""


class OutputError(KGError):
    """An output file cannot be written."""


class ExtractionError(KGError):
    """Extracting an article raised (a bug or an input no rule foresaw)."""


class ModelNotFoundError(KGError):
    """No trained spaCy English pipeline is installed."""


class GraphError(KGError):
    """A graph file cannot be parsed or holds no project data."""


class QueryError(KGError):
    """A SPARQL query does not parse, or a named query or parameter is unknown."""


class ServerError(KGError):
    """The SPARQL server (``kg serve``) cannot start, or stopped by itself."""


class AnalysisError(KGError):
    """An analysis request is pointless (empty graph, unknown actor)."""


class UnknownNameError(KGError):
    """A name chosen from a table (format, extractor, query) is not in it."""

    def __init__(self, what: str, name: str, choices: Iterable[str]) -> None:
        self.what, self.name, self.choices = what, name, sorted(set(choices))
        super().__init__(f"unknown {what} {name!r}; choose one of: {', '.join(self.choices)}")
