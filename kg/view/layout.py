"""Node positions for the view, computed once in Python so the page draws at rest.

Each connected component is laid out on its own and the components are packed
in rows, largest first. A component of up to :data:`CORE` entities gets a
seeded spring layout (NetworkX's Fruchterman–Reingold); in a larger one only
its :data:`CORE` best-connected entities do, and every other entity is set on
a ring around the first placed neighbour a breadth-first walk reaches it from.
The work is bounded by ``CORE²`` per large component plus a linear walk, so
5,000 entities take about as long as 500.

>>> import networkx as nx
>>> positions = layout(nx.path_graph(["a", "b", "c"]))
>>> sorted(positions), positions == layout(nx.path_graph(["a", "b", "c"]))
(['a', 'b', 'c'], True)
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx

#: Entities laid out by the spring layout in one component; the rest go on rings.
CORE = 250

#: Distance between neighbouring entities, in the page's pixels at zoom 1.
SPACING = 110.0

#: Empty space around each packed component.
MARGIN = 60.0

SEED = 7

Point = tuple[float, float]


def layout(G: nx.Graph) -> dict[Hashable, Point]:
    """Positions of the nodes of ``G`` (directions and parallel edges ignored)."""
    U = nx.Graph()
    U.add_nodes_from(sorted(G, key=str))
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    components = sorted(
        (sorted(c, key=str) for c in nx.connected_components(U)), key=lambda c: (-len(c), str(c[0]))
    )
    placed = [_component(U.subgraph(nodes)) for nodes in components]
    return _pack(placed)


def _component(C: nx.Graph) -> dict[Hashable, Point]:
    n = C.number_of_nodes()
    if n == 1:
        return {next(iter(C)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(C, key=str)
        return {a: (-SPACING / 2, 0.0), b: (SPACING / 2, 0.0)}
    radius = SPACING * math.sqrt(n) * 0.8
    if n <= CORE:
        return _spring(C, radius)
    degree = dict(C.degree())
    core = sorted(C, key=lambda v: (-degree[v], str(v)))[:CORE]
    positions = _spring(C.subgraph(core), radius * math.sqrt(CORE / n) * 1.2)
    # Everything else on rings around a placed neighbour, facing away from the centre.
    frontier = sorted(core, key=lambda v: (-degree[v], str(v)))
    while frontier:
        following = []
        for parent in frontier:
            children = [v for v in sorted(C[parent], key=str) if v not in positions]
            if not children:
                continue
            px, py = positions[parent]
            away = math.atan2(py, px) if (px or py) else 0.0
            ring = SPACING * (0.7 + 0.12 * math.sqrt(len(children)))
            spread = min(2 * math.pi, 0.5 + 0.35 * len(children))
            for i, child in enumerate(children):
                angle = away + spread * ((i + 0.5) / len(children) - 0.5)
                positions[child] = (px + ring * math.cos(angle), py + ring * math.sin(angle))
            following.extend(children)
        frontier = following
    return positions


def _spring(C: nx.Graph, radius: float) -> dict[Hashable, Point]:
    iterations = 100 if C.number_of_nodes() <= 60 else 50
    raw = nx.spring_layout(C, seed=SEED, iterations=iterations)
    return {v: (float(x) * radius, float(y) * radius) for v, (x, y) in raw.items()}


def _pack(components: list[dict[Hashable, Point]]) -> dict[Hashable, Point]:
    """Components in rows, largest first, each shifted to its own box."""
    boxes = []
    for positions in components:
        xs = [x for x, _ in positions.values()]
        ys = [y for _, y in positions.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + MARGIN, max(ys) - min(ys) + MARGIN))
    area = sum(w * h for *_, w, h in boxes)
    row_width = max(max((w for *_, w, _ in boxes), default=0.0), math.sqrt(area) * 1.3)
    result: dict[Hashable, Point] = {}
    x = y = row_height = 0.0
    for positions, (left, top, w, h) in zip(components, boxes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in positions.items():
            result[node] = (round(px - left + x, 1), round(py - top + y, 1))
        x += w
        row_height = max(row_height, h)
    return result
