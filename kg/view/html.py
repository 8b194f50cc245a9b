"""An interactive HTML view of the claim graph, drawn with PyVis (vis-network).

The page is one self-contained file that works offline: the vis-network
library is inlined from pyvis's own package data through our template
(``templates/graph.html``, a cleaned derivative of pyvis's, with no CDN links),
and a Content-Security-Policy allows only the page's own scripts (by hash) and
forbids every network request. Article text reaches the page only as JSON
(``|tojson`` escapes ``<``, ``>``, ``&`` and ``'``) and as plain-string
tooltips, which vis-network shows with ``innerText``, never as HTML; the
page's own panels build their elements with ``textContent``.

The page is for exploring: a search box (any part of a label or alias), filters
by predicate, polarity, entity kind, minimum confidence and date range applied
in place (a vis ``DataView``), a panel listing the claims of the clicked
entity with their sentences and source links, and a legend drawn from what
the page draws. Positions are computed in Python (:mod:`kg.view.layout`) and
physics is off, so the page is at rest as soon as it is drawn. The most
central entities are always labelled; the others show their label on zoom
and their details on hover.
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
from kg.model import PREDICATES
from kg.view.data import ViewClaim, ViewData, from_networkx
from kg.view.layout import layout

if TYPE_CHECKING:
    import jinja2
    import networkx as nx

TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE = "graph.html"

#: Above this many nodes, edges are drawn straight and hidden while dragging.
LARGE_GRAPH = 300

#: Evidence sentences shown in an arrow's tooltip.
EVIDENCE_PER_EDGE = 3

#: Sentences longer than this are cut in tooltips.
TOOLTIP_SENTENCE_CHARS = 280

#: Height of the canvas, and of a notebook frame that shows the whole page.
CANVAS_HEIGHT, FRAME_HEIGHT = 780, 1000

#: How many of the most central entities (by number of claims) are always labelled.
CENTRAL_LABELS = 20

#: On-screen font sizes (pixels): central labels at any zoom; other labels and
#: edge labels appear once zoomed in far enough to draw them at least this big.
CENTRAL_FONT, LABEL_FONT, EDGE_FONT = 15, 12, 12

_CSP_PLACEHOLDER = "__KG_CONTENT_SECURITY_POLICY__"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
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

#: How each polarity is named in the legend.
POLARITY_NAMES = {1: "support (+1)", -1: "opposition (−1)", 0: "neutral (0)"}

#: URL schemes the claims panel links to (anything else is shown as text).
LINK_SCHEMES = ("http://", "https://")

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
    return write_view_data(from_networkx(G), path, title=title)


def write_view_data(
    data: ViewData,
    path: str | os.PathLike[str],
    *,
    title: str = "Policy stance graph",
) -> Path:
    """Write the interactive view of ``data`` (see :mod:`kg.view.data`) to
    ``path``, atomically, and return the path."""
    import pyvis
    from pyvis.network import Network

    net = Network(
        height=f"{CANVAS_HEIGHT}px",
        width="100%",
        directed=True,
        heading=title,
        cdn_resources="in_line",
    )
    env = _environment(Path(pyvis.__file__).parent)
    net.templateEnv, net.path = env, TEMPLATE
    net.template = env.get_template(TEMPLATE)
    large = len(data.nodes) > LARGE_GRAPH
    groups = _groups(data)
    claims, by_edge = _claims(data, groups)
    _add_nodes(net, data)
    drawn = _add_edges(net, data, groups, by_edge, large=large)
    articles = {c.article for c in data.claims}
    kinds = sorted({node.kind for node in data.nodes.values()})
    env.globals["kg"] = {
        "csp": _CSP_PLACEHOLDER,
        "summary": (
            f"{len(data.nodes)} entities in claims · {len(data.claims)} claims"
            f" · {len(articles)} article{'s' if len(articles) != 1 else ''}"
        ),
        "empty_note": EMPTY_NOTE,
        "node_legend": _node_legend(kinds),
        "edge_legend": _edge_legend(drawn),
        "predicates": [p for p in PREDICATES if any(p == q for q, _ in drawn)],
        "polarities": [
            {"value": v, "label": POLARITY_NAMES[v], "color": POLARITY_COLORS[v]}
            for v in (1, -1, 0)
        ],
        "dates": sorted({c[5] for c in claims if c[5]}),
        "claims": claims,
        "sentences": list(data.sentences),
        "central": _central(data),
        "fonts": {"central": CENTRAL_FONT, "label": LABEL_FONT, "edge": EDGE_FONT},
        "options": _options(large),
    }
    html = _with_csp(net.generate_html())
    del claims, env.globals["kg"]
    with atomic_write(path) as fh:
        fh.write(html)
    return Path(path)


def notebook_frame(path: str | os.PathLike[str]) -> str:
    """HTML that shows the page at ``path`` (written by :func:`write_html`) at
    full size inside a notebook: an ``iframe`` whose ``srcdoc`` is the page.

    Wrap it in ``IPython.display.HTML``. The frame is as tall as the page's
    header, canvas and the start of the claims panel, so nothing is cut off.
    """
    from html import escape

    page = Path(path).read_text(encoding="utf-8")
    # In a <div>: IPython warns about HTML that starts with an <iframe>.
    return (
        f'<div><iframe srcdoc="{escape(page)}" title="{escape(Path(path).name)}" '
        f'style="width: 100%; min-width: 60rem; height: {FRAME_HEIGHT}px; '
        'border: 1px solid #ddd"></iframe></div>'
    )


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


def _claims(
    data: ViewData, groups: dict[tuple[str, str, str], list[int]]
) -> tuple[list[list[Any]], dict[str, list[int]]]:
    """Every claim as a row for the page's filters and panel, and the rows of
    each drawn arrow (keyed by its most confident claim's id, see :func:`_groups`).

    A row: subject id, predicate, object id, polarity, confidence, ISO date or
    ``""``, article, index of the sentence (in ``data.sentences``), source URL
    (http/https only, else ``""``), publisher, date as written.
    """
    rows: list[list[Any]] = []
    for c in data.claims:
        rows.append(
            [
                c.subject,
                c.predicate,
                c.object,
                c.polarity,
                round(c.confidence, 3),
                c.date if _ISO_DATE.fullmatch(c.date) else "",
                c.article,
                data.sentences[c.sentence],
                c.url if c.url.lower().startswith(LINK_SCHEMES) else "",
                c.source,
                c.date,
            ]
        )
    by_edge = {data.claims[members[0]].id: members for members in groups.values()}
    return rows, by_edge


def _groups(data: ViewData) -> dict[tuple[str, str, str], list[int]]:
    """The claims drawn as one arrow (as indices into ``data.claims``): same
    subject, predicate and object, most confident first."""
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, c in enumerate(data.claims):
        groups[(c.subject, c.object, c.predicate)].append(index)
    claims = data.claims
    for members in groups.values():
        members.sort(key=lambda i: (-claims[i].confidence, claims[i].id))
    return dict(sorted(groups.items()))


def _central(data: ViewData) -> list[str]:
    """The entities always labelled: those in the most claims (ties by id)."""
    ranked = sorted(data.nodes, key=lambda n: (-data.degree[n], n))
    return ranked[:CENTRAL_LABELS]


def _add_nodes(net: Any, data: ViewData) -> None:
    evidence: dict[str, list[str]] = defaultdict(list)
    for c in data.claims:
        sentence = c.sentence
        for node in (c.subject, c.object):
            if sentence and sentence not in evidence[node] and len(evidence[node]) < 2:
                evidence[node].append(sentence)
    positions = layout(data.skeleton())
    central = set(_central(data))
    for node in sorted(data.nodes):
        d = data.nodes[node]
        kind = d.kind
        style = NODE_STYLES.get(kind, UNKNOWN_STYLE)
        claims = data.degree[node]
        lines = [d.label, kind or "entity"]
        if d.aliases:
            lines.append(f"also: {d.aliases}")
        lines.append(f"{claims} claim{'s' if claims != 1 else ''}")
        lines.extend(f"“{_cut(s)}”" for s in evidence[node])
        x, y = positions[node]
        item = {
            "id": node,
            "label": d.label,
            "shape": style.shape,
            "color": style.color,
            "title": "\n".join(lines),
            "size": 8 + 2 * min(claims, 10),
            "x": x,
            "y": y,
            "font": {"size": CENTRAL_FONT if node in central else LABEL_FONT},
            "kgKind": kind,
            "kgAliases": d.aliases,
        }
        # What pyvis's add_node does, without its linear duplicate check per node.
        net.nodes.append(item)
        net.node_ids.append(item["id"])
        net.node_map[item["id"]] = item


def _add_edges(
    net: Any,
    data: ViewData,
    groups: dict[tuple[str, str, str], list[int]],
    by_edge: dict[str, list[int]],
    *,
    large: bool,
) -> set[tuple[str, int]]:
    """One arrow per (subject, predicate, object): the claims that repeat a
    stance across sentences and articles share it, so a corpus of thousands of
    articles still draws as many arrows as it has distinct stances. Returns the
    (predicate, polarity) pairs drawn, for the legend."""
    drawn: set[tuple[str, int]] = set()
    seen: dict[frozenset[str], int] = defaultdict(int)
    for (u, v, predicate), members in groups.items():
        claims = [data.claims[i] for i in members]
        top = claims[0]
        polarity = top.polarity
        drawn.add((predicate, polarity))
        parallel = seen[frozenset((u, v))]
        seen[frozenset((u, v))] += 1
        options: dict[str, Any] = {}
        if parallel and not large:
            options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * parallel}
        # As pyvis's add_edge, without its linear check that both nodes exist.
        net.edges.append(
            {
                "id": top.id,
                "label": predicate if len(claims) == 1 else f"{predicate} ×{len(claims)}",
                "title": _edge_tooltip(data, claims),
                "color": POLARITY_COLORS.get(polarity, POLARITY_COLORS[0]),
                "dashes": predicate in RELATION_PREDICATES,
                "width": 1 + 2 * top.confidence + min(len(claims) - 1, 6),
                "kgPredicate": predicate,
                "kgPolarity": polarity,
                "kgClaims": by_edge[top.id],
                **options,
                "from": u,
                "to": v,
                "arrows": "to",
            }
        )
    return drawn


def _node_legend(kinds: list[str]) -> list[dict[str, str]]:
    """The kinds drawn (every known kind for an empty graph), in the order of
    :data:`NODE_STYLES`, then any other kind (drawn as :data:`UNKNOWN_STYLE`)."""
    shown = [k for k in NODE_STYLES if k in kinds or not kinds]
    shown += [k for k in kinds if k not in NODE_STYLES]
    items = []
    for kind in shown:
        style = NODE_STYLES.get(kind, UNKNOWN_STYLE)
        items.append(
            {"kind": kind, "color": style.color, "symbol": style.symbol, "label": style.label}
        )
    return items


def _edge_legend(drawn: set[tuple[str, int]]) -> list[dict[str, Any]]:
    """One line per colour and dash the page draws, naming the predicates drawn so."""
    items = []
    for polarity in (1, -1, 0):
        names = [
            _words(p) for p in PREDICATES if (p, polarity) in drawn and p not in RELATION_PREDICATES
        ]
        if names:
            label = f"{POLARITY_NAMES[polarity]}: {', '.join(names)}"
            items.append({"color": POLARITY_COLORS[polarity], "dashed": False, "label": label})
    for polarity in (1, -1, 0):
        names = [
            _words(p) for p in PREDICATES if (p, polarity) in drawn and p in RELATION_PREDICATES
        ]
        if names:
            label = f"relation, {POLARITY_NAMES[polarity]}: {', '.join(names)}"
            items.append({"color": POLARITY_COLORS[polarity], "dashed": True, "label": label})
    return items


def _words(predicate: str) -> str:
    """``agreesWith`` → ``agrees with``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", predicate).lower()


def _edge_tooltip(data: ViewData, claims: list[ViewClaim]) -> str:
    """The stance, then the evidence of its most confident claims (at most three)."""
    top = claims[0]
    subject, obj = data.nodes[top.subject].label, data.nodes[top.object].label
    head = f"{subject} {top.predicate} {obj} (polarity {top.polarity:+d})"
    if top.negated:
        head += ", negated"
    lines = [head]
    if len(claims) > 1:
        articles = {c.article for c in claims}
        lines.append(
            f"{len(claims)} claims in {len(articles)} article{'s' if len(articles) > 1 else ''}"
        )
    for claim in claims[:EVIDENCE_PER_EDGE]:
        lines.append(f"“{_cut(claim.sentence)}”")
        published = " · ".join(x for x in (claim.date, claim.source) if x)
        lines.append(
            f"article: {claim.article}{f' ({published})' if published else ''}"
            f" · confidence {claim.confidence:.2f} · {claim.modality}"
        )
        if claim.url:
            lines.append(f"source: {claim.url}")
        if claim.speaker:
            lines.append(f"said by: {claim.speaker}")
    return "\n".join(lines)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TOOLTIP_SENTENCE_CHARS else text[: TOOLTIP_SENTENCE_CHARS - 1] + "…"


def _options(large: bool) -> dict[str, Any]:
    """vis-network options: positions come from :func:`kg.view.layout.layout`, so
    physics is off and the page is at rest once drawn."""
    label_scaling = {"label": {"enabled": False, "drawThreshold": LABEL_FONT}}
    return {
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "nodes": {
            "font": {"size": LABEL_FONT, "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
            "scaling": label_scaling,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "font": {
                "size": EDGE_FONT,
                "align": "middle",
                "color": "#333333",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
            "smooth": {"enabled": False},
            "scaling": label_scaling,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
        "physics": {"enabled": False},
    }


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
