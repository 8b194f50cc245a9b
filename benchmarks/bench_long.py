"""Time in article length: one long article against many shorter ones of the same total.

    .venv/bin/python benchmarks/bench_long.py                     # 1,000,000 vs 20 × 50,000
    .venv/bin/python benchmarks/bench_long.py --chars 200000 --pieces 4

Both corpora are cut from one stream of paragraphs (the seed article's and
the PLOVER sentences, with varied names, as in ``bench_build.py``): the long
article is the whole stream, the short ones are the same stream cut at the
paragraph nearest each ``chars / pieces``. Each is built with ``kg.build``
(extraction, store, Turtle, claims; no HTML view) into a fresh folder with
the spaCy pipeline loaded once before; the ratio long / short is the goal
of issue 8 (at most 1.5). Also prints the peak resident memory of this
process after each build.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

from bench_build import FIRST, LAST, ROOT

from kg.nlp import load_pipeline
from kg.pipeline import build


def paragraphs(chars: int, seed: int = 11) -> list[str]:
    """Paragraphs of about ``chars`` characters in all, with varied names."""
    rng = random.Random(seed)
    seed_text = (ROOT / "seeds" / "000_64b66cf4fbf84e13.txt").read_text(encoding="utf-8")
    pool = [p for p in seed_text.split("\n\n")[1:] if p.strip()]
    plover = ROOT / "tests" / "data" / "plover_stance_sentences.jsonl"
    pool += [json.loads(line)["text"] for line in plover.read_text(encoding="utf-8").splitlines()]
    out: list[str] = []
    total = 0
    while total < chars:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        paragraph = rng.choice(pool)
        if rng.random() < 0.3:
            paragraph = f"Senator {name} said she opposes the {rng.choice(LAST)} Housing Act."
        out.append(paragraph)
        total += len(paragraph) + 2
    return out


def cut(parts: list[str], pieces: int) -> list[str]:
    texts, current, size = [], [], sum(len(p) + 2 for p in parts) / pieces
    for part in parts:
        current.append(part)
        if sum(len(p) + 2 for p in current) >= size and len(texts) < pieces - 1:
            texts.append("\n\n".join(current))
            current = []
    texts.append("\n\n".join(current))
    return texts


def write(path: Path, texts: list[str]) -> Path:
    rows = [{"id": f"t{i:03d}", "title": f"Report {i}", "text": t} for i, t in enumerate(texts)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--pieces", type=int, default=20)
    args = ap.parse_args()
    parts = paragraphs(args.chars)
    nlp = load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        corpora = {
            f"{args.pieces} × {args.chars // args.pieces:,} chars": cut(parts, args.pieces),
            f"1 × {args.chars:,} chars": ["\n\n".join(parts)],
        }
        times = []
        for n, (name, texts) in enumerate(corpora.items()):
            source = write(Path(tmp) / f"c{n}.jsonl", texts)
            t = time.perf_counter()
            report = build([source], Path(tmp) / f"out{n}", nlp=nlp, view=False)
            times.append(time.perf_counter() - t)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"  {name:24} {times[-1]:8.1f} s  claims {report.claims:6}"
                f"  failures {len(report.failures)}  peak memory so far {peak:,.0f} MB",
                flush=True,
            )
    print(f"  long / short = {times[1] / times[0]:.2f} (goal: at most 1.5)")


if __name__ == "__main__":
    main()
