"""Time every named query on built graphs: through ``kg query`` and through ``kg serve``.

    .venv/bin/python benchmarks/bench_queries.py OUT-1000 OUT-5000 [--repeat 3] [--dates]

Each OUT is an output folder of ``kg build`` (its ``store/`` is read; a folder
with only ``graph.ttl`` is first loaded into a temporary store). For every
named query it measures

* ``kg query``: the whole command as a user runs it (``python -m kg query OUT
  --name NAME --param …``, output to a pipe), start-up included, with the
  parameter given by name so that resolving it is timed too; the best of
  ``--repeat`` runs, in wall-clock seconds and in CPU seconds (user + system
  of the command: what it costs when it does not wait for a busy machine);
* ``kg serve``: one HTTP request (SPARQL 1.1 Protocol, POST) to ``kg serve OUT``
  with the query as a client sends it (parameters bound with ``VALUES``), the
  median of ``--repeat`` requests after one warm-up request, and the server's
  CPU seconds per request (the mean over those requests).

With ``--dates``, each OUT is first copied to a temporary folder where every
article gets a day of 2024 (random, seeded, the same for every claim of the
article: the date a claim takes from its article), and the summaries are
computed again (:func:`kg.rdf.summary.refresh_summaries`, as ``kg build`` does),
so that ``stance_changes`` and ``stance_timeline`` have dated claims to order;
the synthetic corpora of ``bench_build.py`` carry no dates.

Parameters default to the heaviest case: the actor with the most stance
claims and the target most claims are about (``--actor`` / ``--target``
override). The table ends with the growth of each time between the first and
the last folder, beside the growth of the graph (claims), so a query whose
time grows faster than the graph stands out.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.query import NAMED_QUERIES, bind_values, resolve_entity
from kg.rdf.source import open_graph, store_folder
from kg.rdf.summary import refresh_summaries

_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/policy-kg/ontology#Claim> }"
#: The busiest actor, target, or (actor, target) pair among the claims with the given polarities.
_TOP = """
PREFIX kg: <https://w3id.org/policy-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT {labels} (COUNT(?claim) AS ?n) WHERE {{
  VALUES ?polarity {{ {polarities} }}
  ?claim kg:polarity ?polarity ; kg:subject ?a ; kg:object ?t .
  ?a rdfs:label ?actor .
  ?t rdfs:label ?target .
}} GROUP BY {labels} ORDER BY DESC(?n) {labels} LIMIT 1
"""
#: The claims each target parameter is about, by query (others: every stance).
_TARGET_POLARITY = {"supporters": "1", "opponents": "-1"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outs", nargs="+", type=Path, metavar="OUT")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--actor", help="the actor parameter (default: the busiest actor)")
    parser.add_argument(
        "--target", help="the target parameter (default: the busiest target of the query)"
    )
    parser.add_argument(
        "--dates", action="store_true", help="date every article in a copy of each OUT first"
    )
    parser.add_argument("--json", type=Path, help="also write the measurements here")
    args = parser.parse_args()

    results = []
    for out in args.outs:
        with _store(out, dates=args.dates) as folder:
            load = os.getloadavg()[0]
            results.append(measure(folder, args))
            results[-1].update(out=str(out), load=(load, os.getloadavg()[0]))
    print(table(results))
    for r in results:
        print(f"{r['out']}: load average {r['load'][0]:.1f} before, {r['load'][1]:.1f} after")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


def measure(out: Path, args: argparse.Namespace) -> dict:
    store = open_graph(out)
    claims = int(next(iter(store.query(_COUNT)))[0].value)
    params = {name: _params(store, name, args) for name in NAMED_QUERIES}
    del store
    print(f"{out}: {claims} claims, parameters {params}", file=sys.stderr)
    row: dict = {"out": str(out), "claims": claims, "params": params, "queries": {}}
    for name in sorted(NAMED_QUERIES):
        flags = [f"--param={p}={v}" for p, v in params[name].items()]
        command = [sys.executable, "-m", "kg", "query", str(out), "--name", name, *flags]
        times, cpu, lines = [], [], 0
        for _ in range(args.repeat):
            before = _children_cpu()
            started = time.perf_counter()
            proc = subprocess.run(command + ["--format", "csv"], capture_output=True, text=True)
            times.append(time.perf_counter() - started)
            cpu.append(_children_cpu() - before)
            if proc.returncode != 0:
                raise SystemExit(f"{' '.join(command)} failed: {proc.stderr.strip()}")
            lines = proc.stdout.count("\n") - 1
        row["queries"][name] = {"rows": lines, "kg_query": min(times), "kg_query_cpu": min(cpu)}
    with _serving(out) as (url, server_pid):
        store = open_graph(out)
        for name, query in sorted(NAMED_QUERIES.items()):
            bound = {p: resolve_entity(store, v) for p, v in params[name].items()}
            text = bind_values(query.text, bound) if bound else query.text
            _request(url, text)  # warm-up
            times = []
            before = _process_cpu(server_pid)
            for _ in range(args.repeat):
                started = time.perf_counter()
                _request(url, text)
                times.append(time.perf_counter() - started)
            cpu = (_process_cpu(server_pid) - before) / args.repeat
            row["queries"][name]["kg_serve"] = statistics.median(times)
            row["queries"][name]["kg_serve_cpu"] = cpu
        del store
    return row


def _params(store: ox.Store, name: str, args: argparse.Namespace) -> dict[str, str]:
    """The heaviest parameters of query ``name``: the busiest actor, target or pair."""
    wanted = NAMED_QUERIES[name].params
    given = {"actor": args.actor, "target": args.target}
    polarities = _TARGET_POLARITY.get(name, "1 -1")
    labels = " ".join(f"?{p}" for p in wanted if not given[p])
    found = {}
    if labels:
        solution = next(iter(store.query(_TOP.format(labels=labels, polarities=polarities))))
        found = {p: solution[p].value for p in wanted if not given[p]}
    return {p: given[p] or found[p] for p in wanted}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int) -> float:
    """User + system seconds of process ``pid`` (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _request(url: str, query: str) -> bytes:
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.read()


@contextlib.contextmanager
def _store(out: Path, *, dates: bool) -> Iterator[Path]:
    """``out`` if it holds a store (and no dates are wanted), else a temporary folder
    with a copy of its store (or its graph.ttl loaded), dated if ``dates``."""
    found = store_folder(out)
    if found is not None and not dates:
        yield out
        return
    with tempfile.TemporaryDirectory(prefix="bench-queries-") as temporary:
        folder = Path(temporary) / "store"
        if found is not None:
            shutil.copytree(found, folder, ignore=shutil.ignore_patterns("LOCK"))
            store = ox.Store(str(folder))
        else:
            store = ox.Store(str(folder))
            store.bulk_load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
        if dates:
            _date_articles(store)
        store.flush()
        del store
        gc.collect()  # close the store before kg opens it
        yield Path(temporary)


_DATES = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX kg: <https://w3id.org/policy-kg/ontology#>
SELECT ?claim ?doc WHERE { ?claim a kg:Claim ; prov:wasDerivedFrom ?doc }
"""


def _date_articles(store: ox.Store) -> None:
    """Give every claim the date of its article (a random day of 2024, fixed seed)."""
    date = ox.NamedNode("http://purl.org/dc/terms/date")
    xsd_date = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    store.update(f"DELETE WHERE {{ ?claim <{date.value}> ?day }}")
    rows = sorted((row["doc"].value, row["claim"].value) for row in store.query(_DATES))
    rnd, days = random.Random(7), {}
    for doc, _ in rows:
        if doc not in days:
            days[doc] = ox.Literal(
                f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", datatype=xsd_date
            )
    store.bulk_extend(
        ox.Quad(ox.NamedNode(claim), date, days[doc], ox.DefaultGraph()) for doc, claim in rows
    )
    refresh_summaries(store)


@contextlib.contextmanager
def _serving(out: Path) -> Iterator[tuple[str, int]]:
    """``kg serve out`` on a free port: its query URL and the Oxigraph server's process id."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(out), "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=_end_with_parent,
    )
    try:
        server.stdout.readline()  # "Serving …" once it listens
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        yield f"http://127.0.0.1:{port}/query", int(children[0])
    finally:
        server.send_signal(2)
        server.wait(30)


def _end_with_parent() -> None:
    """In the server's process: Linux stops it when this benchmark ends, however it ends."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, 15)  # PR_SET_PDEATHSIG, SIGTERM


def table(results: list[dict]) -> str:
    names = sorted(NAMED_QUERIES)
    head = ["query"]
    for r in results:
        head += [
            f"rows ({r['claims']:,} claims)",
            "kg query s (CPU)",
            "kg serve s (CPU)",
        ]
    if len(results) > 1:
        head += ["graph grew ×", "kg query CPU grew ×", "kg serve CPU grew ×"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in names:
        cells = [f"`{name}`"]
        for r in results:
            q = r["queries"][name]
            cells += [
                f"{q['rows']:,}",
                f"{q['kg_query']:.3f} ({q['kg_query_cpu']:.3f})",
                f"{q['kg_serve']:.3f} ({q['kg_serve_cpu']:.3f})",
            ]
        if len(results) > 1:
            first, last = results[0], results[-1]
            a, b = first["queries"][name], last["queries"][name]
            cells += [
                f"{last['claims'] / first['claims']:.1f}",
                _ratio(b["kg_query_cpu"], a["kg_query_cpu"]),
                _ratio(b["kg_serve_cpu"], a["kg_serve_cpu"]),
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _ratio(later: float, earlier: float) -> str:
    return f"{later / earlier:.1f}" if earlier > 0 else "–"


if __name__ == "__main__":
    main()
