"""A SPARQL 1.1 Protocol client: run a query on a remote endpoint (``kg serve`` or any other).

The query is sent as an HTML form (``POST``, ``query=…``), which every SPARQL
1.1 endpoint accepts, and the answer is parsed with Oxigraph into the same
objects a local store returns.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import QueryError

#: What the client accepts: results of SELECT and ASK, graphs of CONSTRUCT and DESCRIBE.
_ACCEPT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "application/n-triples;q=0.8, text/turtle;q=0.7"
)
_MAX_REASON = 200

Result = ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL endpoint's query URL (``http://127.0.0.1:7878/query``) and a time limit."""

    url: str
    timeout: float = 60.0

    def __post_init__(self) -> None:
        parts = urllib.parse.urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise QueryError(
                f"{self.url!r} is not an http(s) URL; give the endpoint's query URL, "
                "e.g. http://127.0.0.1:7878/query"
            )

    def query(self, sparql: str) -> Result:
        """Run ``sparql`` there; raise :class:`~kg.errors.QueryError` on failure."""
        import urllib.error  # here: HTTP and TLS cost `kg query` on a folder 20 ms to import
        import urllib.request

        request = urllib.request.Request(
            self.url,
            data=urllib.parse.urlencode({"query": sparql}).encode(),
            headers={
                "Accept": _ACCEPT,
                "Content-Type": "application/x-www-form-urlencoded",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                media_type = response.headers.get_content_type()
                body = response.read()
        except urllib.error.HTTPError as error:
            reason = _first_line(error.read().decode("utf-8", "replace")) or error.reason
            raise QueryError(
                f"the SPARQL endpoint {self.url} answered HTTP {error.code} ({reason}); "
                "check the query"
            ) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise QueryError(
                f"cannot reach the SPARQL endpoint {self.url} ({reason}); "
                "is it running (`kg serve OUT`)?"
            ) from None
        return _parse(body, media_type, self.url)


def _parse(body: bytes, media_type: str, url: str) -> Result:
    results_format = ox.QueryResultsFormat.from_media_type(media_type)
    rdf_format = None if results_format else ox.RdfFormat.from_media_type(media_type)
    try:
        if results_format is not None:
            return ox.parse_query_results(body, results_format)
        if rdf_format is not None:
            return [quad.triple for quad in ox.parse(body, rdf_format)]
    except (SyntaxError, ValueError) as error:
        raise QueryError(
            f"the SPARQL endpoint {url} sent a malformed answer ({_first_line(str(error))})"
        ) from None
    raise QueryError(
        f"the SPARQL endpoint {url} answered with {media_type!r}, not SPARQL results or RDF; "
        "is it a SPARQL endpoint's query URL?"
    )


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0].strip() if text.strip() else ""
    return line if len(line) <= _MAX_REASON else line[:_MAX_REASON] + "…"
