from __future__ import annotations

import base64
import hashlib
import json
import re

import networkx as nx
import pytest

from kg.analysis.network import claim_id, claims_to_networkx
from kg.model import Claim, Entity, Provenance
from kg.view.html import CENTRAL_FONT, LARGE_GRAPH, NODE_STYLES, POLARITY_COLORS, write_html

MAMDANI = Entity.named("Zohran Mamdani", "Person", ("Mamdani",))
ICE = Entity.named("ICE", "Organization")
NYC = Entity.named("New York City", "Place")
ASSIST = Entity.named("NYPD assistance with ICE", "Issue")
MAYOR = Entity.named("Mayor", "Role")

EVIL = 'He said <script>alert(1)</script> and </script><img src=x onerror="window.__pwned=1">.'


def claim(s: Entity, p: str, o: Entity, polarity: int, sentence: str, start: int) -> Claim:
    ev = Provenance("nyt-1", sentence, start, start + len(sentence), "stance.v1", "1")
    return Claim(s, p, o, ev, polarity=polarity, confidence=0.75, modality="planned")


CLAIMS = [
    claim(MAMDANI, "opposes", ASSIST, -1, "Mamdani will not let the NYPD assist ICE.", 0),
    claim(MAMDANI, "criticizes", ICE, -1, EVIL, 50),
    claim(NYC, "supports", MAMDANI, 1, "The city backs him.", 150),
    claim(MAMDANI, "announces", ASSIST, 0, "He announced a review.", 200),
    claim(MAMDANI, "holdsRole", MAYOR, 0, "Mayor Mamdani spoke.", 250),
]


def page_data(html: str) -> tuple[list[dict], list[dict], dict]:
    """The nodes, edges and options the drawing script (the page's last) hands vis."""
    script = html[html.rindex("<script>") :]
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((.*)\);\n", script).group(1))
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((.*)\);\n", script).group(1))
    options = json.loads(re.search(r"options = (.*);\n", script).group(1))
    return nodes, edges, options


@pytest.fixture
def html(tmp_path) -> str:
    path = write_html(claims_to_networkx(CLAIMS), tmp_path / "view" / "graph.html", title="Test")
    assert path == tmp_path / "view" / "graph.html"
    assert [p.name for p in path.parent.iterdir()] == ["graph.html"]  # no temporary file left
    return path.read_text(encoding="utf-8")


def test_nodes_have_labels_colours_and_shapes_by_kind(html):
    nodes, _, _ = page_data(html)
    by_id = {n["id"]: n for n in nodes}
    assert set(by_id) == {
        "zohran_mamdani",
        "ice",
        "new_york_city",
        "nypd_assistance_with_ice",
        "mayor",
    }
    for entity in (MAMDANI, ICE, NYC, ASSIST, MAYOR):
        node = by_id[entity.key]
        style = NODE_STYLES[entity.kind]
        assert (node["label"], node["color"], node["shape"]) == (
            entity.label,
            style.color,
            style.shape,
        )
    assert len({s.color for s in NODE_STYLES.values()}) == len(NODE_STYLES)
    tooltip = by_id["zohran_mamdani"]["title"]
    assert tooltip.startswith("Zohran Mamdani\nPerson\nalso: Mamdani\n5 claims\n")
    assert "“Mamdani will not let the NYPD assist ICE.”" in tooltip


def test_edges_are_coloured_by_polarity_and_carry_evidence(html):
    _, edges, _ = page_data(html)
    by_id = {e["id"]: e for e in edges}
    assert set(by_id) == {claim_id(c) for c in CLAIMS}
    opposes, supports, announces, role = (by_id[claim_id(CLAIMS[i])] for i in (0, 2, 3, 4))
    assert (opposes["from"], opposes["to"], opposes["label"]) == (
        "zohran_mamdani",
        "nypd_assistance_with_ice",
        "opposes",
    )
    assert opposes["color"] == POLARITY_COLORS[-1] == "#c62828"
    assert supports["color"] == POLARITY_COLORS[1] == "#2e7d32"
    assert announces["color"] == role["color"] == POLARITY_COLORS[0]
    assert role["dashes"] is True and opposes["dashes"] is False
    assert opposes["title"] == (
        "Zohran Mamdani opposes NYPD assistance with ICE (polarity -1)\n"
        "“Mamdani will not let the NYPD assist ICE.”\n"
        "article: nyt-1 · confidence 0.75 · planned"
    )
    # Two claims between the same pair are drawn as separate curves.
    assert sorted(str(e.get("smooth", {}).get("type")) for e in (opposes, announces)) == [
        "None",
        "curvedCW",
    ]


def test_legend_explains_the_colours_and_shapes_drawn(html):
    legend = html[html.index('<aside id="legend">') : html.index("</aside>")]
    drawn = {e.kind for e in (MAMDANI, ICE, NYC, ASSIST, MAYOR)}
    for kind, style in NODE_STYLES.items():
        assert (f'data-kind="{kind}"' in legend) == (kind in drawn)
        if kind in drawn:
            assert f"color: {style.color}" in legend and style.label in legend
    for colour in POLARITY_COLORS.values():
        assert f"border-top-color: {colour}" in legend
    edge_legend = legend[legend.index('<ul id="edge-legend">') :]
    assert "support (+1): supports" in edge_legend
    assert "opposition (−1): opposes, criticizes" in edge_legend
    assert "neutral (0): announces" in edge_legend  # drawn grey here: its polarity is 0
    assert "relation, neutral (0): holds role" in edge_legend


def test_page_links_no_remote_resource(html):
    assert re.search(r'(src|href)\s*=\s*["\']https?:', html) is None
    assert re.search(r"@import|url\(\s*[\"']?https?:", html) is None
    assert "cdnjs" not in html and "jsdelivr" not in html


def test_page_has_a_content_security_policy_allowing_only_its_own_scripts(html):
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert csp is not None
    policy = csp.group(1)
    assert policy.startswith("default-src 'none'; ")
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 2  # vis-network and the drawing code; data adds none
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_article_text_cannot_inject_markup(html):
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert html.lower().count("</script") == 2  # vis-network's and the drawing script's
    _, edges, _ = page_data(html)
    [evil] = [e for e in edges if e["id"] == claim_id(CLAIMS[1])]
    assert EVIL in evil["title"]  # the text survives, as text


def test_title_is_escaped(tmp_path):
    html = write_html(
        claims_to_networkx(CLAIMS), tmp_path / "g.html", title="<b>Stances</b>"
    ).read_text()
    assert "<title>&lt;b&gt;Stances&lt;/b&gt;</title>" in html
    assert "<b>Stances</b>" not in html


def test_empty_graph_renders_a_page_saying_so(tmp_path):
    html = write_html(nx.MultiDiGraph(), tmp_path / "empty.html").read_text()
    nodes, edges, _ = page_data(html)
    assert nodes == [] and edges == []
    assert '<p id="empty">No claims' in html
    assert "0 entities in claims · 0 claims" in html


def test_positions_come_from_python_and_physics_is_off(tmp_path):
    issue = Entity.named("Transit", "Issue")
    claims = [
        claim(Entity.named(f"Person {i}", "Person"), "supports", issue, 1, f"P{i} backs it.", i)
        for i in range(LARGE_GRAPH + 1)
    ]
    html = write_html(claims_to_networkx(claims), tmp_path / "big.html").read_text()
    nodes, edges, options = page_data(html)
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)  # no two on one spot
    assert options["physics"] == {"enabled": False}
    assert options["layout"]["improvedLayout"] is False
    assert options["interaction"]["hideEdgesOnDrag"] is True
    assert "smooth" not in edges[0]
    again, _, _ = page_data(
        write_html(claims_to_networkx(claims), tmp_path / "again.html").read_text()
    )
    assert again == nodes  # the same layout every time
    small, _, small_options = page_data(
        write_html(claims_to_networkx(CLAIMS), tmp_path / "s.html").read_text()
    )
    assert small_options["interaction"]["hideEdgesOnDrag"] is False


def test_the_most_central_entities_get_the_larger_label(html):
    nodes, _, _ = page_data(html)
    sizes = {n["id"]: n["font"]["size"] for n in nodes}
    assert sizes["zohran_mamdani"] == CENTRAL_FONT
    central = json.loads(re.search(r"kgCentral = (.*);\n", html).group(1))
    assert central[0] == "zohran_mamdani" and len(central) == len(nodes)  # a small graph: all


def test_claims_reach_the_page_with_dates_and_only_web_links(tmp_path):
    ann, toll = Entity.named("Ann", "Person"), Entity.named("Toll", "Issue")
    claims = [
        Claim(ann, "opposes", toll,
              Provenance("a1", "Ann opposes the toll.", 0, 21, "stance.v1", "1",
                         "2024-05-02", "https://example.org/a1", "The Courier"), polarity=-1),
        Claim(ann, "supports", toll,
              Provenance("a2", "Ann backs the toll.", 0, 19, "stance.v1", "1",
                         "May 2024", "javascript:alert(1)"), polarity=1),
    ]  # fmt: skip
    html = write_html(claims_to_networkx(claims), tmp_path / "g.html").read_text()
    rows = json.loads(re.search(r"kgClaims = (.*);\n", html).group(1))
    assert rows == [
        ["ann", "opposes", "toll", -1, 0.5, "2024-05-02", "a1", 0,
         "https://example.org/a1", "The Courier", "2024-05-02"],
        ["ann", "supports", "toll", 1, 0.5, "", "a2", 1, "", "", "May 2024"],
    ]  # fmt: skip
    sentences = json.loads(re.search(r"kgSentences = (.*);\n", html).group(1))
    assert sentences == ["Ann opposes the toll.", "Ann backs the toll."]
    _, edges, _ = page_data(html)
    assert "article: a1 (2024-05-02 · The Courier)" in edges[0]["title"]
    assert "source: https://example.org/a1" in edges[0]["title"]


def test_repeated_stances_share_one_arrow(tmp_path):
    ann, toll = Entity.named("Ann Lee", "Person"), Entity.named("toll", "Issue")
    repeated = [
        Claim(
            ann,
            "opposes",
            toll,
            Provenance(f"a{n}", f"Ann Lee opposes the toll ({n}).", 0, 30, "stance.v1", "1.0.0"),
            polarity=-1,
            confidence=c,
        )
        for n, c in ((1, 0.6), (2, 0.9), (3, 0.7))
    ]
    path = write_html(claims_to_networkx(repeated), tmp_path / "graph.html")
    nodes, edges, _ = page_data(path.read_text(encoding="utf-8"))
    (edge,) = edges
    assert edge["label"] == "opposes ×3"
    assert edge["id"] == claim_id(repeated[1])  # the most confident claim
    assert "3 claims in 3 articles" in edge["title"]
    assert edge["title"].index("(2)") < edge["title"].index("(3)") < edge["title"].index("(1)")


def test_an_entity_of_no_known_kind_is_drawn_and_can_be_filtered(tmp_path):
    G = claims_to_networkx(CLAIMS[:1])
    G.add_edge("zohran_mamdani", "mystery", key="c-x", predicate="supports", polarity=1,
               confidence=0.9, sentence="?", article="a")  # fmt: skip
    G.nodes["mystery"].update(label="Mystery", aliases="")  # no kind
    html = write_html(G, tmp_path / "g.html").read_text()
    legend = html[html.index('<fieldset id="filter-kind">') :]
    assert 'value="" checked>' in legend and "Other" in legend
