"""Time the view of a graph of N entities: writing it, and opening it in headless Chromium.

    .venv/bin/python benchmarks/bench_view.py --entities 5000

The graph is synthetic (seeded): N entities, 2 stance claims per entity on
average, a few hubs. Prints the seconds to write the page (layout included) and
the seconds from opening the page until it is drawn and at rest (``kgReady``),
in Chromium at /usr/bin/chromium with every network request refused.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from kg.analysis.network import claims_to_networkx
from kg.model import Claim, Entity, Provenance
from kg.view.html import write_html

CUES = [("supports", 1), ("opposes", -1), ("criticizes", -1), ("praises", 1), ("announces", 0)]


def graph(n: int, seed: int = 7):
    rng = random.Random(seed)
    actors = [Entity.named(f"Actor {i:05d}", "Person") for i in range(n * 3 // 4)]
    issues = [Entity.named(f"Issue {i:05d}", "Issue") for i in range(n - len(actors))]
    claims = []
    for k in range(2 * n):
        subject = rng.choice(actors)
        # A few issues draw most of the stances, as in a real corpus.
        target = issues[min(int(rng.paretovariate(1.2)) - 1, len(issues) - 1)]
        if rng.random() < 0.5:
            target = rng.choice(issues)
        predicate, polarity = rng.choice(CUES)
        sentence = f"{subject.label} {predicate} {target.label}."
        ev = Provenance(f"a{k}", sentence, 0, len(sentence), "stance.v1", "1", "2024-01-01")
        claims.append(Claim(subject, predicate, target, ev, polarity=polarity, confidence=0.7))
    return claims_to_networkx(claims)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, nargs="+", default=[500, 5000])
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        print(f"{'entities':>9} {'arrows':>7} {'write s':>8} {'open s':>7}")
        for n in args.entities:
            G = graph(n)
            started = time.perf_counter()
            path = write_html(G, Path(tmp) / f"view-{n}.html")
            written = time.perf_counter() - started
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
            )
            started = time.perf_counter()
            page.goto(path.resolve().as_uri())
            page.wait_for_function("() => window.kgReady === true", timeout=120_000)
            opened = time.perf_counter() - started
            arrows = page.evaluate("edges.length")
            print(f"{G.number_of_nodes():>9} {arrows:>7} {written:>8.2f} {opened:>7.2f}")
            page.screenshot(path=str(Path("/tmp") / f"kg-view-{n}.png"))
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
