"""``kg serve`` and ``kg query OUT | --endpoint URL``, through the real command and real clients.

Each server is ``kg serve`` started as a subprocess on a free loopback port and
stopped with SIGINT, as Ctrl-C does. The client is SPARQLWrapper (a SPARQL
1.1 Protocol client other tools use), and ``kg query --endpoint``.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import GET, JSON, POST, SPARQLWrapper

from kg.model import Article, Claim, Entity, Extraction, Provenance
from kg.rdf.graph import to_graph
from kg.rdf.prefixes import PREFIX_IRIS
from kg.rdf.query import NAMED_QUERIES, bind_values, resolve_entity, run_named
from kg.rdf.source import open_graph
from kg.rdf.store import oxigraph_of, write_graph

TEXT = "Ann Lee opposes the toll. Bob Ray supports the toll. Ann Lee praised Bob Ray."
ANN = Entity.named("Ann Lee", "Person", aliases=("Lee",))
BOB = Entity.named("Bob Ray", "Person")
TOLL = Entity.named("congestion toll", "Issue", aliases=("toll",))
PARAMS = {"actor": "Ann Lee", "target": "toll"}


LATER = "Ann Lee now supports the toll."  # a later article: Ann Lee changes sides
DATES = {"toll.txt": "2025-01-10", "later.txt": "2025-03-01"}


def evidence(start: int, end: int, doc: str = "toll.txt") -> Provenance:
    text = TEXT if doc == "toll.txt" else LATER
    return Provenance(doc, text[start:end], start, end, "stance.v1", "1.0.0", DATES[doc])


CLAIMS = (
    Claim(ANN, "opposes", TOLL, evidence(0, 25), -1, 0.9, cue="opposes"),
    Claim(BOB, "supports", TOLL, evidence(26, 52), 1, 0.8, cue="supports"),
    Claim(ANN, "praises", BOB, evidence(53, 78), 1, 0.7, cue="praised"),
    Claim(ANN, "supports", TOLL, evidence(0, len(LATER), "later.txt"), 1, 0.8, cue="supports"),
)
ARTICLES = (
    Article("toll.txt", TEXT, date=DATES["toll.txt"]),
    Article("later.txt", LATER, date=DATES["later.txt"]),
)


def kg(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder as the build writes it: graph.ttl and the store beside it."""
    folder = tmp_path_factory.mktemp("served")
    graph = to_graph(Extraction(ARTICLES, (ANN, BOB, TOLL), CLAIMS))
    write_graph(graph, folder / "graph.ttl")
    store = ox.Store(str(folder / "store"))
    store.bulk_extend(oxigraph_of(graph).quads_for_pattern(None, None, None))
    store.flush()
    del store
    return folder


def _child_setup(background: bool) -> None:
    """In the child: end with the test run, even a killed one; maybe ignore SIGINT."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if background:  # as a shell starts a background job (`kg serve out &`)
        signal.signal(signal.SIGINT, signal.SIG_IGN)


class Served:
    """A running ``kg serve``: its process, its query URL, the line it printed."""

    def __init__(self, target: Path, port: int, *, background: bool = False) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", str(target), "--port", str(port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # A shell starts a background job (`kg serve out &`) with SIGINT ignored.
            preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
            if background
            else None,
        )
        self.banner = self.process.stdout.readline()  # printed once it listens
        self.url = f"http://127.0.0.1:{port}/query"

    def children(self) -> list[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def stop(self) -> tuple[int, str]:
        self.process.send_signal(signal.SIGINT)
        rest, _ = self.process.communicate(timeout=10)
        return self.process.returncode, rest


@pytest.fixture(scope="module")
def served(out: Path) -> Iterator[Served]:
    server = Served(out, free_port())
    yield server
    if server.process.poll() is None:
        server.stop()


def sparql(url: str, query: str, method: str = GET) -> dict:
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setMethod(method)
    client.setReturnFormat(JSON)
    return client.query().convert()


def rows(answer: dict) -> tuple[tuple[str | None, ...], ...]:
    names = answer["head"]["vars"]
    return tuple(
        tuple(b[n]["value"] if n in b else None for n in names)
        for b in answer["results"]["bindings"]
    )


def test_serve_prints_where_it_listens(served: Served) -> None:
    assert served.banner.startswith("Serving ")
    assert f"read-only at {served.url} (SPARQL 1.1 Protocol); Ctrl-C to stop" in served.banner


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("name", sorted(NAMED_QUERIES))
def test_every_named_query_runs_unchanged_on_the_endpoint(
    served: Served, out: Path, name: str, method: str
) -> None:
    store = open_graph(out)
    query = NAMED_QUERIES[name]
    given = {p: PARAMS[p] for p in query.params}
    text = bind_values(query.text, {p: resolve_entity(store, v) for p, v in given.items()})

    answer = sparql(served.url, text, method)

    expected = run_named(store, name, given)
    assert expected.rows
    keep = [i for i, n in enumerate(answer["head"]["vars"]) if n not in query.params]
    assert tuple(tuple(row[i] for i in keep) for row in rows(answer)) == expected.rows


def test_updates_are_refused(served: Served) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    client = SPARQLWrapper(served.url, updateEndpoint=served.url.replace("/query", "/update"))
    client.setQuery(update)
    client.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as error:  # SPARQLWrapper passes a 403 on
        client.query()
    assert error.value.code == 403
    assert error.value.read() == b"The server is read-only"

    for path, content_type in (("/update", "application/sparql-update"), ("/query", None)):
        request = urllib.request.Request(
            served.url.replace("/query", path),
            data=update.encode(),
            headers={"Content-Type": content_type or "application/sparql-query"},
            method="POST",
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert 400 <= refused.value.code < 500
    assert rows(sparql(served.url, "SELECT ?o WHERE { <urn:a> <urn:b> ?o }")) == ()


def test_query_endpoint_equals_query_out(served: Served, out: Path) -> None:
    fmt = "json"
    for name in sorted(NAMED_QUERIES):
        params = [f"--param={p}={PARAMS[p]}" for p in NAMED_QUERIES[name].params]
        local = kg("query", out, "--name", name, *params, "--format", fmt)
        remote = kg("query", "--endpoint", served.url, "--name", name, *params, "--format", fmt)

        assert local.returncode == 0, local.stderr
        assert remote.returncode == 0, remote.stderr
        assert remote.stdout == local.stdout


def test_query_endpoint_declares_the_prefixes(served: Served) -> None:
    proc = kg(
        "query",
        "--endpoint",
        served.url,
        "SELECT ?who WHERE { ?who kg:opposes ?what }",
        "-f",
        "json",
    )

    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [{"who": PREFIX_IRIS["kgr"] + "ann_lee"}]


def test_query_endpoint_errors_are_one_line(served: Served) -> None:
    bad = kg("query", "--endpoint", served.url, "SELECT ?x WHERE {")
    assert bad.returncode == 1
    assert bad.stderr.startswith(f"Error: the SPARQL endpoint {served.url} answered HTTP 400 (")
    assert len(bad.stderr.splitlines()) == 1

    gone = kg("query", "--endpoint", f"http://127.0.0.1:{free_port()}/query", "--name", "entities")
    assert gone.returncode == 1
    assert "cannot reach the SPARQL endpoint" in gone.stderr
    assert len(gone.stderr.splitlines()) == 1

    service = kg("query", "--endpoint", served.url, "ASK { SERVICE <http://127.0.0.1:9/> { } }")
    assert service.returncode == 1
    assert service.stderr.startswith("Error: the query calls a SERVICE")


@pytest.mark.parametrize("background", [False, True])
def test_ctrl_c_stops_the_server_and_its_child(out: Path, background: bool) -> None:
    port = free_port()
    server = Served(out, port, background=background)
    children = server.children()
    assert len(children) == 1  # the oxigraph process

    started = time.monotonic()
    status, rest = server.stop()

    assert time.monotonic() - started < 5
    assert status == 0
    assert rest == "Stopped.\n"
    time.sleep(0.2)
    assert not Path(f"/proc/{children[0]}").exists()
    with socket.socket() as probe:  # the port is free again
        probe.bind(("127.0.0.1", port))


def test_a_folder_without_store_is_served_from_its_graph_file(out: Path, tmp_path: Path) -> None:
    (tmp_path / "graph.ttl").write_bytes((out / "graph.ttl").read_bytes())
    server = Served(tmp_path, free_port())
    try:
        answer = sparql(server.url, "SELECT (COUNT(*) AS ?n) WHERE { ?c a ?kind }")
        assert int(rows(answer)[0][0]) == len(list(open_graph(out).query("SELECT * { ?c a ?k }")))
    finally:
        status, _ = server.stop()
    assert status == 0
    assert list(tmp_path.iterdir()) == [tmp_path / "graph.ttl"]


def test_a_busy_port_is_one_error_line(out: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = kg("serve", out, "--port", str(port))

    assert proc.returncode == 1
    assert proc.stderr.startswith(f"Error: cannot listen on 127.0.0.1:{port} (")
    assert proc.stderr.rstrip().endswith("choose another --port or --host")


def test_serve_of_a_missing_folder_is_one_error_line(tmp_path: Path) -> None:
    proc = kg("serve", tmp_path / "nothing", "--port", str(free_port()))

    assert proc.returncode == 1
    assert (
        proc.stderr == f"Error: {tmp_path / 'nothing'}: no such file; build one with `kg build`\n"
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")
def test_killed_serve_takes_its_server_along(out: Path) -> None:
    server = Served(out, free_port())
    (child,) = server.children()

    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait(10)

    deadline = time.monotonic() + 5
    while Path(f"/proc/{child}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{child}").exists()


@pytest.mark.parametrize("text", ["#", "}", "*"])
def test_query_parameter_without_a_name_is_one_error_line(out: Path, text: str) -> None:
    proc = kg("query", out, "--name", "stances", "--param", f"actor={text}")

    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.startswith(
        f"Error: {text!r} names no entity: give a name, an alias or an id"
    )


def test_graph_without_claims_is_read_by_claims_and_query(tmp_path: Path) -> None:
    articles = (Article("quiet.txt", "Nothing to report."), Article("calm.txt", "All quiet."))
    write_graph(to_graph(Extraction(articles, (), ())), tmp_path / "graph.ttl")

    claims = kg("claims", tmp_path)
    entities = kg("query", tmp_path / "graph.ttl", "--name", "entities", "--format", "json")
    documents = kg("query", tmp_path, "SELECT ?id WHERE { ?d kg:documentId ?id } ORDER BY ?id")

    assert (claims.returncode, claims.stdout, claims.stderr) == (0, "", "")
    assert (entities.returncode, entities.stdout) == (0, "[]\n")
    assert documents.returncode == 0, documents.stderr
    assert documents.stdout.split() == ["id", "---------", "calm.txt", "quiet.txt", "(2", "rows)"]


@pytest.mark.parametrize(
    "args",
    [["claims"], ["analyze", "--format", "json"], ["query", "--name", "entities", "-f", "csv"]],
)
def test_commands_read_the_folder_as_they_read_the_file(out: Path, args: list[str]) -> None:
    from_store = kg(args[0], out, *args[1:])
    from_file = kg(args[0], out / "graph.ttl", *args[1:])

    assert from_store.returncode == 0, from_store.stderr
    assert from_store.stdout == from_file.stdout
    assert from_store.stdout.strip()


def test_export_and_view_read_the_folder(out: Path, tmp_path: Path) -> None:
    exported = kg("export", out, "-o", tmp_path / "graph.nt")
    viewed = kg("view", out, "-o", tmp_path / "view.html")

    assert exported.returncode == 0, exported.stderr
    assert viewed.returncode == 0, viewed.stderr
    triples = (tmp_path / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert len(triples) == len(open_graph(out))
    assert "Ann Lee" in (tmp_path / "view.html").read_text(encoding="utf-8")
