"""An interactive HTML view of the claim graph, drawn with PyVis (vis-network).

The page is one self-contained file that works offline: the vis-network
library is inlined from pyvis's own package data through our template
(``templates/graph.html``, a cleaned derivative of pyvis's, with no CDN links),
and a Content-Security-Policy allows only the page's own scripts (by hash) and
forbids every network request. Article text reaches the page only as JSON
(``|tojson`` escapes ``<``, ``>``, ``&`` and ``'``) and as plain-string
tooltips, which vis-network shows with ``innerText``, never as HTML.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.analysis.network import RELATION_PREDICATES  # drawn dashed: relations, not stances
from kg.fileio import atomic_write

if TYPE_CHECKING:
    import jinja2
    import networkx as nx

TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE = "graph.html"

#: Above this many nodes the layout is computed quickly and then frozen.
LARGE_GRAPH = 300

#: Sentences longer than this are cut in tooltips.
#: Evidence sentences shown in an arrow's tooltip.
EVIDENCE_PER_EDGE = 3
TOOLTIP_SENTENCE_CHARS = 280

_CSP_PLACEHOLDER = "__KG_CONTENT_SECURITY_POLICY__"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


@dataclass(frozen=True)
class NodeStyle:
    """How an entity kind is drawn, and how the legend shows it."""

    color: str
    shape: str
    symbol: str
    label: str


#: Node colour and shape by entity kind (vis-network shape names).
NODE_STYLES: dict[str, NodeStyle] = {
    "Person": NodeStyle("#1f77b4", "dot", "●", "Person"),
    "Organization": NodeStyle("#ff7f0e", "square", "■", "Organization"),
    "Place": NodeStyle("#8c564b", "triangle", "▲", "Place"),
    "Group": NodeStyle("#9467bd", "hexagon", "⬢", "Group"),
    "Issue": NodeStyle("#d4a017", "diamond", "◆", "Issue / policy"),
    "Role": NodeStyle("#7f7f7f", "triangleDown", "▼", "Role"),
}
UNKNOWN_STYLE = NodeStyle("#bbbbbb", "dot", "●", "Other")

#: Edge colour by polarity.
POLARITY_COLORS = {1: "#2e7d32", -1: "#c62828", 0: "#9e9e9e"}

EDGE_LEGEND = (
    {
        "color": POLARITY_COLORS[1],
        "dashed": False,
        "label": "support (+1): supports, praises, agrees with, proposes",
    },
    {
        "color": POLARITY_COLORS[-1],
        "dashed": False,
        "label": "opposition (−1): opposes, criticizes, disagrees with",
    },
    {"color": POLARITY_COLORS[0], "dashed": False, "label": "neutral (0): announces"},
    {"color": POLARITY_COLORS[0], "dashed": True, "label": "relation: holds role, member of"},
)

EMPTY_NOTE = "No claims: this graph is empty. Build it from articles that say who stands where."


def write_html(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    title: str = "Policy stance graph",
) -> Path:
    """Write the interactive view of ``G`` (see :func:`kg.analysis.network.claims_to_networkx`)
    to ``path``, atomically, and return the path.

    An empty graph gives a page that says there are no claims.
    """
    import pyvis
    from pyvis.network import Network

    net = Network(
        height="780px", width="100%", directed=True, heading=title, cdn_resources="in_line"
    )
    env = _environment(Path(pyvis.__file__).parent)
    net.templateEnv, net.path = env, TEMPLATE
    net.template = env.get_template(TEMPLATE)
    large = G.number_of_nodes() > LARGE_GRAPH
    _add_nodes(net, G)
    _add_edges(net, G, large=large)
    articles = {d.get("article") for *_, d in G.edges(data=True)}
    env.globals["kg"] = {
        "csp": _CSP_PLACEHOLDER,
        "summary": (
            f"{G.number_of_nodes()} entities · {G.number_of_edges()} claims"
            f" · {len(articles)} article{'s' if len(articles) != 1 else ''}"
        ),
        "empty_note": EMPTY_NOTE,
        "node_legend": [
            {"kind": kind, "color": s.color, "symbol": s.symbol, "label": s.label}
            for kind, s in NODE_STYLES.items()
        ],
        "edge_legend": EDGE_LEGEND,
        "options": _options(large),
        # Stop the simulation once laid out, so that a big page does not keep moving.
        "freeze": large,
    }
    html = _with_csp(net.generate_html())
    with atomic_write(path) as fh:
        fh.write(html)
    return Path(path)


def _environment(pyvis_dir: Path) -> jinja2.Environment:
    """Our template first; pyvis's template dir for the inlined vis-network files."""
    import jinja2

    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
            jinja2.FileSystemLoader(str(pyvis_dir / "templates")),
        ]
    )
    return jinja2.Environment(loader=loader, autoescape=True)


def _add_nodes(net: Any, G: nx.MultiDiGraph) -> None:
    evidence: dict[str, list[str]] = defaultdict(list)
    for u, v, d in G.edges(data=True):
        sentence = d.get("sentence", "")
        for node in (u, v):
            if sentence and sentence not in evidence[node] and len(evidence[node]) < 2:
                evidence[node].append(sentence)
    for node in sorted(G):
        d = G.nodes[node]
        kind = str(d.get("kind", ""))
        style = NODE_STYLES.get(kind, UNKNOWN_STYLE)
        claims = G.degree(node)
        lines = [str(d.get("label", node)), kind or "entity"]
        if d.get("aliases"):
            lines.append(f"also: {d['aliases']}")
        lines.append(f"{claims} claim{'s' if claims != 1 else ''}")
        lines.extend(f"“{_cut(s)}”" for s in evidence[node])
        net.add_node(
            str(node),
            label=str(d.get("label", node)),
            shape=style.shape,
            color=style.color,
            title="\n".join(lines),
            size=12 + 3 * min(claims, 10),
        )


def _add_edges(net: Any, G: nx.MultiDiGraph, *, large: bool) -> None:
    """One arrow per (subject, predicate, object): the claims that repeat a
    stance across sentences and articles share it, so a corpus of thousands of
    articles still draws as many arrows as it has distinct stances."""
    groups: dict[tuple[str, str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for u, v, key, d in G.edges(keys=True, data=True):
        groups[(u, v, str(d.get("predicate", "")))].append((str(key), d))
    seen: dict[frozenset[str], int] = defaultdict(int)
    for (u, v, predicate), claims in sorted(groups.items()):
        claims.sort(key=lambda kd: (-float(kd[1].get("confidence", 0)), kd[0]))
        key, d = claims[0]
        polarity = int(d.get("polarity", 0))
        parallel = seen[frozenset((u, v))]
        seen[frozenset((u, v))] += 1
        options: dict[str, Any] = {}
        if parallel and not large:
            options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * parallel}
        net.add_edge(
            str(u),
            str(v),
            id=key,
            label=predicate if len(claims) == 1 else f"{predicate} ×{len(claims)}",
            title=_edge_tooltip(G, u, v, [c for _, c in claims]),
            color=POLARITY_COLORS.get(polarity, POLARITY_COLORS[0]),
            dashes=predicate in RELATION_PREDICATES,
            width=1 + 2 * float(d.get("confidence", 0.5)) + min(len(claims) - 1, 6),
            **options,
        )


def _edge_tooltip(G: nx.MultiDiGraph, u: str, v: str, claims: list[dict[str, Any]]) -> str:
    """The stance, then the evidence of its most confident claims (at most three)."""
    d = claims[0]
    subject, obj = G.nodes[u].get("label", u), G.nodes[v].get("label", v)
    polarity = int(d.get("polarity", 0))
    head = f"{subject} {d.get('predicate', '')} {obj} (polarity {polarity:+d})"
    if d.get("negated"):
        head += ", negated"
    lines = [head]
    if len(claims) > 1:
        articles = {c.get("article") for c in claims}
        lines.append(
            f"{len(claims)} claims in {len(articles)} article{'s' if len(articles) > 1 else ''}"
        )
    for claim in claims[:EVIDENCE_PER_EDGE]:
        lines.append(f"“{_cut(str(claim.get('sentence', '')))}”")
        confidence = float(claim.get("confidence", 0))
        published = " · ".join(str(claim[k]) for k in ("date", "source") if claim.get(k))
        lines.append(
            f"article: {claim.get('article', '')}{f' ({published})' if published else ''}"
            f" · confidence {confidence:.2f} · {claim.get('modality', '')}"
        )
        if claim.get("url"):
            lines.append(f"source: {claim['url']}")
        if claim.get("speaker"):
            lines.append(f"said by: {claim['speaker']}")
    return "\n".join(lines)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TOOLTIP_SENTENCE_CHARS else text[: TOOLTIP_SENTENCE_CHARS - 1] + "…"


def _options(large: bool) -> dict[str, Any]:
    """vis-network options; large graphs get a short, frozen Barnes–Hut layout."""
    options: dict[str, Any] = {
        "layout": {"randomSeed": 7, "improvedLayout": not large},
        "nodes": {"font": {"size": 14}, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "font": {"size": 10, "align": "middle", "color": "#444444"},
            "smooth": {"enabled": not large, "type": "dynamic"},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.3,
                "springLength": 170,
                "springConstant": 0.04,
                "damping": 0.4,
                "avoidOverlap": 0.2,
            },
            "stabilization": {"enabled": True, "iterations": 150 if large else 400, "fit": True},
        },
    }
    return options


def _with_csp(html: str) -> str:
    """Fill in a Content-Security-Policy that allows exactly the page's own scripts."""
    html = html.replace("\r\n", "\n").replace("\r", "\n")  # as the HTML parser will
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in _INLINE_SCRIPT.findall(html)
    )
    csp = (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )
    return html.replace(_CSP_PLACEHOLDER, csp, 1)
