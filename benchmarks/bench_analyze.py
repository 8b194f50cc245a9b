"""Time ``kg analyze`` on graphs of growing size: does it grow no faster than the graph?

    .venv/bin/python benchmarks/bench_analyze.py out-5000/graph.ttl --articles 1000 5000

GRAPH is a graph written by ``kg build`` (e.g. of the corpus that
``benchmarks/bench_build.py`` makes). For each N of ``--articles`` the claims of
the first N articles (by id) are written as a graph of their own, and
``kg analyze`` is run on it as a user runs it (a subprocess, reading the file);
then each section is timed in this process. Prints one row per size: articles,
claims, nodes and signed edges of the graph, the wall and CPU seconds of
``kg analyze`` (CPU = user + system: the wall time on an idle machine), and the
seconds of each section.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.analysis.network import central_actors, opposing_pairs, target_stances, to_networkx
from kg.analysis.signed import coalitions, communities, polarization, signed_graph
from kg.model import Extraction
from kg.rdf.graph import claims_from_graph, entities_from_graph, to_graph
from kg.rdf.store import read_graph, write_graph

SECTIONS = {
    "central": central_actors,
    "opposing": opposing_pairs,
    "polarization": polarization,
    "communities": communities,
    "coalitions": coalitions,
    "targets": target_stances,
}


def subset(graph_path: Path, articles: int, folder: Path) -> tuple[Path, int]:
    """A graph file of the claims of the first ``articles`` articles, and its claim count."""
    graph = read_graph(graph_path)
    claims = claims_from_graph(graph)
    keep = set(sorted({c.provenance.article for c in claims})[:articles])
    chosen = tuple(c for c in claims if c.provenance.article in keep)
    entities = tuple(entities_from_graph(graph).values())
    path = folder / f"graph-{articles}.ttl"
    write_graph(to_graph(Extraction((), entities, chosen)), path, "ttl")
    return path, len(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    kg = Path(sys.executable).with_name("kg")
    header = ["articles", "claims", "nodes", "signed", "analyze wall", "analyze cpu", *SECTIONS]
    print("  ".join(f"{h:>12}" for h in header))
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.articles:
            path, claims = subset(args.graph, n, Path(tmp))
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(
                [kg, "analyze", path, "--format", "json"], check=True, capture_output=True
            )
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            G = to_networkx(read_graph(path), evidence=False)
            row = [n, claims, G.number_of_nodes(), signed_graph(G).number_of_edges(), wall, cpu]
            for analysis in SECTIONS.values():
                started = time.perf_counter()
                analysis(G)
                row.append(time.perf_counter() - started)
            print("  ".join(f"{v:>12.2f}" if isinstance(v, float) else f"{v:>12}" for v in row))


if __name__ == "__main__":
    main()
