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
    """Wait until vis has drawn the network (positions come from Python: it is at rest)."""
    page.wait_for_selector("#mynetwork canvas")
    page.wait_for_function("() => window.kgReady === true", timeout=20_000)
    assert page.evaluate("network.physics.physicsEnabled") is False


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


# --------------------------------------------------------------------------- exploring

PEOPLE = [Entity.named(f"Member {i:02d} Quince", "Person", (f"Q{i:02d}",)) for i in range(60)]
TOPICS = [Entity.named(f"Topic {i:02d}", "Issue") for i in range(30)]
HUB = Entity.named("Hattie Okonjo", "Person", ("Councillor Okonjo",))
OFFICE = Entity.named("Budget Office", "Organization")


def _explore_claims() -> list[Claim]:
    """About 100 entities: everyone takes stances on topics; dates across 2024."""
    claims = []
    cues = [("supports", 1), ("opposes", -1), ("criticizes", -1), ("praises", 1)]
    for i, person in enumerate(PEOPLE):
        for j in range(3):
            predicate, polarity = cues[(i + j) % 4]
            topic = TOPICS[(i * 7 + j * 11) % len(TOPICS)]
            sentence = f"{person.label} {predicate} {topic.label}."
            ev = Provenance(
                f"art-{i:02d}-{j}", sentence, 0, len(sentence), "stance.v1", "1",
                f"2024-{1 + (i + j) % 12:02d}-15", f"https://example.org/{i}/{j}", "The Courier",
            )  # fmt: skip
            confidence = (0.5, 0.7, 0.9)[(i + j) % 3]
            claims.append(
                Claim(person, predicate, topic, ev, polarity=polarity, confidence=confidence)
            )
    for k, topic in enumerate(TOPICS[:12]):
        sentence = f"Hattie Okonjo backs {topic.label}."
        ev = Provenance(f"hub-{k}", sentence, 0, len(sentence), "stance.v1", "1", "2024-06-01",
                        f"https://example.org/hub/{k}")  # fmt: skip
        claims.append(Claim(HUB, "supports", topic, ev, polarity=1, confidence=0.9))
    sentence = "The Budget Office announced a review of Topic 00."
    ev = Provenance("office", sentence, 0, len(sentence), "stance.v1", "1")
    claims.append(Claim(OFFICE, "announces", TOPICS[0], ev, polarity=1, confidence=0.8))
    return claims


EXPLORE = _explore_claims()


@pytest.fixture
def explore(tmp_path, visit) -> Visit:
    G = claims_to_networkx(EXPLORE)
    seen = visit(write_html(G, tmp_path / "explore.html"))
    seen.page.set_viewport_size({"width": 1400, "height": 1000})
    drawn(seen.page)
    return seen


def test_search_by_part_of_an_alias_focuses_the_entity(explore, tmp_path):
    page = explore.page
    page.fill("#search", "councillor okon")
    assert page.evaluate("network.getSelectedNodes()") == [HUB.key]
    # The view is centred on the entity, close enough to read its label.
    centre = page.evaluate("network.getViewPosition()")
    position = page.evaluate(f"network.getPositions(['{HUB.key}'])['{HUB.key}']")
    assert abs(centre["x"] - position["x"]) < 1 and abs(centre["y"] - position["y"]) < 1
    assert page.evaluate("network.getScale()") >= 1.2
    assert page.locator("#matches li").all_inner_texts() == ["Hattie Okonjo"]
    # Its claims are listed, with their sentences and source links.
    panel = page.locator("#details")
    assert panel.locator("h2").inner_text() == "Hattie Okonjo: 12 claims"
    assert "“Hattie Okonjo backs Topic 00.”" in panel.inner_text()
    links = panel.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert len(links) == 12 and links[0].startswith("https://example.org/hub/")
    page.screenshot(path=str(tmp_path / "search.png"))
    assert explore.refused == [] and explore.errors == [] and explore.console_errors == []


def test_filters_change_the_visible_edges_without_reloading(explore):
    page = explore.page
    page.evaluate("window.__sameDocument = true")
    total = page.evaluate("edgesView.length")
    G = claims_to_networkx(EXPLORE)
    assert total == G.number_of_edges()  # every claim is its own arrow here

    def visible() -> int:
        return page.evaluate("edgesView.length")

    page.uncheck('input[name="predicate"][value="supports"]')
    assert visible() == total - sum(1 for c in EXPLORE if c.predicate == "supports")
    page.check('input[name="predicate"][value="supports"]')
    page.uncheck('input[name="polarity"][value="-1"]')
    assert visible() == sum(1 for c in EXPLORE if c.polarity != -1)
    page.check('input[name="polarity"][value="-1"]')
    page.uncheck('input[name="kind"][value="Organization"]')
    assert visible() == total - 1
    assert page.evaluate(f"nodesView.get('{OFFICE.key}')") is None
    page.check('input[name="kind"][value="Organization"]')
    page.fill("#min-confidence", "0.8")
    assert visible() == sum(1 for c in EXPLORE if c.confidence >= 0.8)
    page.fill("#min-confidence", "0")
    page.fill("#date-from", "2024-03-01")
    page.fill("#date-to", "2024-04-30")
    dated = [c.provenance.date for c in EXPLORE]
    assert visible() == sum(1 for d in dated if d and "2024-03-01" <= d <= "2024-04-30") > 0
    # Entities left without a visible claim are hidden too; the count says so.
    shown = page.locator("#shown").inner_text()
    assert shown.endswith(f"{visible()} of {total} arrows shown")
    assert page.evaluate("window.__sameDocument") is True  # filtered in place
    assert explore.errors == [] and explore.console_errors == []


def test_central_labels_are_readable_at_the_default_zoom(explore, tmp_path):
    page = explore.page
    n = page.evaluate("nodes.length")
    assert 90 <= n <= 110
    sizes = page.evaluate(
        "kgCentral.map(id => network.body.nodes[id].labelModule.fontOptions.size"
        " * network.getScale())"
    )
    assert len(sizes) == 20 and min(sizes) >= 14  # on-screen pixels
    hub = page.evaluate(f"network.body.nodes['{HUB.key}'].labelModule.visible()")
    assert hub is True and HUB.key in page.evaluate("kgCentral")
    page.screenshot(path=str(tmp_path / "default-zoom.png"))


def test_the_legend_names_what_is_drawn(explore):
    legend = explore.page.locator("#edge-legend").inner_text()
    # The office's announcement carries +1 and is drawn green: the legend says so.
    assert "support (+1): supports, praises, announces" in legend
    assert "opposition (−1): opposes, criticizes" in legend
    assert "neutral" not in legend
    colour = explore.page.evaluate(
        f"edges.get({{filter: e => e.from === '{OFFICE.key}'}})[0].color"
    )
    assert colour == "#2e7d32"


def test_clicking_an_entity_lists_its_claims(explore):
    page = explore.page
    page.evaluate(f"network.focus('{OFFICE.key}', {{scale: 1.5, animation: false}})")
    point = page.evaluate(
        f"network.canvasToDOM(network.getPositions(['{OFFICE.key}'])['{OFFICE.key}'])"
    )
    box = page.locator("#mynetwork canvas").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    panel = page.locator("#details")
    assert panel.locator("h2").inner_text() == "Budget Office: 1 claim"
    assert "Budget Office announces Topic 00" in panel.inner_text()
    assert "“The Budget Office announced a review of Topic 00.”" in panel.inner_text()
    assert panel.locator("a").count() == 0  # the article has no URL
