"""Time each stage of a build on a synthetic corpus of N articles.

    .venv/bin/python benchmarks/bench_build.py --articles 2000

The corpus is made of the seed article's paragraphs and the PLOVER test
sentences, shuffled into articles of 5–15 paragraphs with varied names, so
that entities and claims grow with the corpus. Prints seconds per stage.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from kg.analysis.network import analyze, to_networkx
from kg.extract import extract_articles
from kg.ingest.reader import read_articles
from kg.nlp import load_pipeline
from kg.pipeline import write_claims
from kg.rdf.graph import claims_from_graph, to_graph
from kg.rdf.query import run_named
from kg.rdf.store import read_graph, write_graph
from kg.view.html import write_html

ROOT = Path(__file__).resolve().parents[1]
FIRST = ["Ana", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jon"]
LAST = ["Lopez", "Carter", "Diaz", "Evans", "Okafor", "Nguyen", "Schmidt", "Rossi", "Kim", "Haddad"]


def corpus(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    seed_text = (ROOT / "seeds" / "000_64b66cf4fbf84e13.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in seed_text.split("\n\n")[1:] if p.strip()]
    plover = ROOT / "tests" / "data" / "plover_stance_sentences.jsonl"
    paragraphs += [
        json.loads(line)["text"] for line in plover.read_text(encoding="utf-8").splitlines()
    ]
    rows = []
    for i in range(n):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        body = rng.sample(paragraphs, rng.randint(5, 15))
        lead = f"Senator {name} said on Monday that she opposes the {rng.choice(LAST)} Housing Act."
        rows.append(
            {"id": f"a{i:05d}", "title": f"Article {i}", "text": "\n\n".join([lead, *body])}
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()
    times: dict[str, float] = {}

    def clock(stage: str, started: float) -> None:
        times[stage] = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text(
            "".join(json.dumps(r) + "\n" for r in corpus(args.articles)), encoding="utf-8"
        )
        t = time.perf_counter()
        nlp = load_pipeline()
        clock("load spaCy", t)
        t = time.perf_counter()
        articles = read_articles([path])
        extraction = extract_articles(articles, nlp)
        clock("parse + extract", t)
        t = time.perf_counter()
        graph = to_graph(extraction)
        clock("RDF graph", t)
        t = time.perf_counter()
        write_graph(graph, Path(tmp) / "graph.ttl", "ttl")
        write_claims(extraction.claims, Path(tmp) / "claims.jsonl")
        clock("write Turtle + claims", t)
        t = time.perf_counter()
        graph = read_graph(Path(tmp) / "graph.ttl")
        clock("read Turtle", t)
        t = time.perf_counter()
        claims = claims_from_graph(graph)
        clock("claims from graph", t)
        t = time.perf_counter()
        rows = run_named(graph, "conflicts", {})
        clock("SPARQL conflicts", t)
        t = time.perf_counter()
        network = to_networkx(graph)
        analyze(network)
        clock("NetworkX analysis", t)
        t = time.perf_counter()
        write_html(network, Path(tmp) / "graph.html")
        clock("HTML view", t)
    words = sum(len(a.text.split()) for a in articles)
    print(
        f"articles={len(articles)} words={words} entities={len(extraction.entities)} "
        f"claims={len(claims)} triples={len(graph)} conflict_rows={len(rows.rows)}"
    )
    for stage, seconds in times.items():
        print(f"  {stage:24} {seconds:8.2f} s")


if __name__ == "__main__":
    main()
