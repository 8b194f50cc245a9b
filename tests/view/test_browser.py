"""The HTML view in a real headless Chromium, with every non-file request refused."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.analysis.network import claim_id, claims_to_networkx
from kg.model import Claim, Entity, Provenance
from kg.view.html import write_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

EVIL = (
    "Mamdani said <script>window.__pwned=1</script> and "
    '<img src=x onerror="window.__pwned=1"> </script> about ICE.'
)

MAMDANI = Entity.named("Zohran Mamdani", "Person")
ICE = Entity.named("ICE", "Organization")
ASSIST = Entity.named("NYPD assistance with ICE", "Issue")
NYC = Entity.named("New York City", "Place")


def claim(s: Entity, p: str, o: Entity, polarity: int, sentence: str, start: int) -> Claim:
    ev = Provenance("nyt-1", sentence, start, start + len(sentence), "stance.v1", "1")
    return Claim(s, p, o, ev, polarity=polarity, confidence=0.8)


CLAIMS = [
    claim(MAMDANI, "opposes", ASSIST, -1, "Mamdani will not let the NYPD assist ICE.", 0),
    claim(MAMDANI, "criticizes", ICE, -1, EVIL, 100),
    claim(NYC, "supports", MAMDANI, 1, "The city backs the mayor.", 300),
    claim(MAMDANI, "announces", ASSIST, 0, "He announced a review.", 400),
]


@dataclass
class Visit:
    """A page opened with every request that is not file:// refused and recorded."""

    page: Any
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
            "(apt-get install chromium); they never download a browser"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def visit(browser) -> Iterator[Any]:
    contexts = []

    def open_page(path: Path) -> Visit:
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page)

        def route(r: Any) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                seen.refused.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.on("pageerror", lambda error: seen.errors.append(str(error)))
        page.on(
            "console",
            lambda m: seen.console_errors.append(m.text) if m.type == "error" else None,
        )
        page.goto(path.resolve().as_uri())
        return seen

    yield open_page
    for context in contexts:
        context.close()


def drawn(page: Any) -> None:
    """Wait until vis has drawn the network and the layout has come to rest."""
    page.wait_for_selector("#mynetwork canvas")
    page.wait_for_function("() => typeof network !== 'undefined' && network !== null")
    page.wait_for_function("() => network.physics.stabilized === true", timeout=20_000)
    page.evaluate("network.stopSimulation()")


def hover(page: Any, js_point: str) -> str:
    """Move the mouse to a canvas point computed by ``js_point``; the tooltip's text."""
    point = page.evaluate(f"(() => network.canvasToDOM({js_point}))()")
    box = page.locator("#mynetwork canvas").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible' && t.innerText.length > 0; }"
    )
    return page.evaluate("document.querySelector('div.vis-tooltip').innerText")


def test_page_draws_every_node_and_edge_without_the_network(tmp_path, visit):
    G = claims_to_networkx(CLAIMS)
    seen = visit(write_html(G, tmp_path / "graph.html"))
    drawn(seen.page)
    counts = seen.page.evaluate(
        "[network.body.data.nodes.length, network.body.data.edges.length,"
        " Object.keys(network.getPositions()).length]"
    )
    assert counts == [G.number_of_nodes(), G.number_of_edges(), G.number_of_nodes()]
    assert sorted(seen.page.evaluate("network.body.data.edges.getIds()")) == sorted(
        claim_id(c) for c in CLAIMS
    )
    assert seen.page.locator("#legend").inner_text().count("Issue / policy") == 1
    assert seen.refused == []
    assert seen.errors == []
    assert seen.console_errors == []  # a CSP violation would be reported here


def test_tooltips_show_article_text_as_text_and_never_run_it(tmp_path, visit):
    seen = visit(write_html(claims_to_networkx(CLAIMS), tmp_path / "graph.html"))
    drawn(seen.page)
    text = hover(seen.page, f"network.getPositions(['{ICE.key}'])['{ICE.key}']")
    assert text.startswith("ICE\nOrganization\n1 claim\n")
    assert EVIL in text
    assert seen.page.evaluate("document.querySelectorAll('div.vis-tooltip *:not(br)').length") == 0
    seen.page.mouse.move(0, 0)

    edge = claim_id(CLAIMS[1])
    text = hover(
        seen.page,
        f"(() => {{ const p = network.getPositions(['{MAMDANI.key}', '{ICE.key}']);"
        f" const a = p['{MAMDANI.key}'], b = p['{ICE.key}'];"
        " return {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}; })()",
    )
    assert text.startswith("Zohran Mamdani criticizes ICE (polarity -1)\n"), text
    assert EVIL in text and "article: nyt-1" in text
    assert seen.page.evaluate(f"network.body.data.edges.get('{edge}').title") == text
    assert seen.page.evaluate("typeof window.__pwned") == "undefined"
    assert seen.page.locator("img").count() == 0
    assert seen.errors == [] and seen.refused == []


def test_empty_graph_page_says_there_are_no_claims(tmp_path, visit):
    seen = visit(write_html(nx.MultiDiGraph(), tmp_path / "empty.html"))
    seen.page.wait_for_function("() => typeof network !== 'undefined' && network !== null")
    assert seen.page.evaluate("network.body.data.nodes.length") == 0
    assert seen.page.locator("#empty").inner_text().startswith("No claims")
    assert seen.errors == [] and seen.refused == [] and seen.console_errors == []


def test_the_harness_does_see_remote_requests(tmp_path, visit):
    # Guards the tests above: a page that does reach out is caught and refused.
    page = tmp_path / "remote.html"
    page.write_text('<html><body><img src="https://example.org/x.png"></body></html>')
    seen = visit(page)
    seen.page.wait_for_load_state("load")
    assert seen.refused == ["https://example.org/x.png"]
