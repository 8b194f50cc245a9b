"""Time a build on a synthetic corpus of N articles.

    .venv/bin/python benchmarks/bench_build.py --articles 2000            # each stage
    .venv/bin/python benchmarks/bench_build.py --mode throughput --corpus C.jsonl
    .venv/bin/python benchmarks/bench_build.py --mode incremental --corpus C.jsonl
    .venv/bin/python benchmarks/bench_build.py --mode memory --corpus C.jsonl

The corpus is made of the seed article's paragraphs and the PLOVER test
sentences, shuffled into articles of 5–15 paragraphs with varied names, so
that entities and claims grow with the corpus (``--corpus`` reads one written
before, ``--write-corpus`` writes one).

* ``stages`` prints seconds per stage of the in-memory API.
* ``throughput`` times raw ``nlp.pipe`` over the same texts with the same
  pipeline and processes, then ``kg.build`` (everything: extraction, store,
  Turtle, claims, view), then ``nlp.pipe`` again, in one run; prints the
  build's throughput as a ratio of the raw parse's (mean of the two).
* ``incremental`` times a full build into a fresh folder, an unchanged
  rebuild, a rebuild with one article added, and one with an extra cue
  lexicon, each as a ratio of the full build (the spaCy pipeline is loaded
  once, before the first).
* ``memory`` runs ``kg build`` in a child process and prints its peak
  resident memory (the largest of the build and its parse workers).
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
LAST = [
    "Lopez",
    "Carter",
    "Diaz",
    "Evans",
    "Ostrowski",
    "Nguyen",
    "Schmidt",
    "Rossi",
    "Kim",
    "Haddad",
]


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
    ap.add_argument(
        "--mode", choices=("stages", "throughput", "incremental", "memory"), default="stages"
    )
    ap.add_argument("--corpus", type=Path, help="a .jsonl corpus to use instead of a new one")
    ap.add_argument("--write-corpus", type=Path, help="write the synthetic corpus here and stop")
    args = ap.parse_args()
    if args.write_corpus:
        write_corpus(args.write_corpus, args.articles)
        return
    if args.mode != "stages":
        with tempfile.TemporaryDirectory() as tmp:
            source = args.corpus or write_corpus(Path(tmp) / "corpus.jsonl", args.articles)
            {"throughput": throughput, "incremental": incremental, "memory": memory}[args.mode](
                source, Path(tmp)
            )
        return
    stages(args)


def write_corpus(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in corpus(n)), encoding="utf-8")
    return path


def throughput(source: Path, tmp: Path) -> None:
    from kg.extract import parse_text
    from kg.parallel import BATCH_SIZE, choose_executor
    from kg.pipeline import build

    nlp = load_pipeline()
    articles = read_articles([source])
    # The same number of processes as the build's executor (1 for a small corpus).
    processes = getattr(choose_executor(nlp, len(articles)), "processes", 1)

    def raw() -> None:
        texts = (parse_text(a) for a in articles)
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes):
            pass

    reports = []
    first = timed(raw)
    built = timed(lambda: reports.append(build([source], tmp / "out", nlp=nlp)))
    second = timed(raw)
    mean = (first[0] + second[0]) / 2
    print(
        f"articles={len(articles)} processes={processes} claims={reports[0].claims}\n"
        f"  raw nlp.pipe   {first[0]:8.2f} s, again {second[0]:8.2f} s (mean {mean:.2f} s)\n"
        f"  kg build       {built[0]:8.2f} s\n"
        f"  CPU seconds (main + workers): raw {first[1]:.1f} + {first[2]:.1f}, "
        f"again {second[1]:.1f} + {second[2]:.1f}, kg build {built[1]:.1f} + {built[2]:.1f}\n"
        f"  build throughput / raw nlp.pipe throughput = {mean / built[0]:.3f}"
    )


def timed(run) -> tuple[float, float, float]:  # noqa: ANN001
    """Wall seconds of ``run()``, and the CPU seconds of this process and of its
    (finished) child processes meanwhile."""
    import resource

    def cpu(who: int) -> float:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime

    main, children = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    run()
    wall = time.perf_counter() - t
    return (
        wall,
        cpu(resource.RUSAGE_SELF) - main,
        cpu(resource.RUSAGE_CHILDREN) - children,
    )


def incremental(source: Path, tmp: Path) -> None:
    from kg.pipeline import build

    nlp = load_pipeline()
    out = tmp / "out"
    lines = source.read_text(encoding="utf-8").splitlines()
    grown = tmp / "grown.jsonl"
    extra = json.loads(lines[0])
    extra["id"], extra["text"] = "zz-new", extra["text"].replace("Monday", "Tuesday")
    grown.write_text("\n".join([*lines, json.dumps(extra)]) + "\n", encoding="utf-8")
    cues = tmp / "cues.tsv"
    cues.write_text("hail\tVERB\t-\tpraises\tpraises\t1\t0.8\t-\n", encoding="utf-8")
    runs = [
        ("full build", [source], ()),
        ("unchanged rebuild", [source], ()),
        ("one article added", [grown], ()),
        ("extra cue lexicon", [grown], (cues,)),
    ]
    times = {}
    for name, inputs, cue_files in runs:
        t = time.perf_counter()
        report = build(inputs, out, nlp=nlp, cue_files=cue_files)
        times[name] = time.perf_counter() - t
        print(
            f"  {name:20} {times[name]:8.2f} s  {times[name] / times['full build']:6.1%}"
            f"  (documents {report.documents}, reused {report.reused}, parsed {report.parsed})"
        )


def memory(source: Path, tmp: Path) -> None:
    import resource
    import subprocess
    import sys

    kg = Path(sys.executable).parent / "kg"
    t = time.perf_counter()
    subprocess.run([str(kg), "build", str(source), "-o", str(tmp / "out")], check=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  kg build: {time.perf_counter() - t:.1f} s, peak resident memory {peak:.0f} MB")


def stages(args: argparse.Namespace) -> None:
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
