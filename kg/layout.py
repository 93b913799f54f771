"""Positions of the actor network, computed once in Python and stored in the page.

Each connected group of actors is laid out on its own (a seeded spring layout, so the same
graph always gives the same picture), scaled so that a tie is about SPACING pixels long, pushed
apart where labels would overlap, and the groups are packed in rows, largest first. Actors with
no tie (hidden by default) sit in a grid below.
"""
from __future__ import annotations

import math
import statistics

import networkx as nx

#: The spring layout's seed: the same corpus gives the same positions on every build.
SEED = 7
#: Pixels a tie is long, so labels of 14-26 px stay readable and apart at zoom 1.
SPACING = 180
#: Room for a label: pixels per character, and the height of a node with its label under it
#: (a 14-26 px node, a label of up to 22 px at the opening zoom, a gap).
CHAR_WIDTH, ROW_HEIGHT = 12, 76
#: Above this many actors in a group, labels are not pushed apart (quadratic in the group).
DEOVERLAP_LIMIT = 200
#: Actors of a group the spring layout places; the others are set around their neighbours.
#: networkx lays out 500 or more with scipy's sparse matrices (not a kg dependency), and its
#: dense solver's time and memory grow with the square.
SPRING_LIMIT = 450
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def layout(g: nx.Graph, labels: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Integer (x, y) per node; `labels` gives each node's widest label, to keep them apart."""
    groups = sorted((sorted(c) for c in nx.connected_components(g) if len(c) > 1), key=lambda c: (-len(c), c[0]))
    placed = [_group(_ordered(g, c), labels) for c in groups]
    pos = _pack(placed, labels)
    alone = sorted(n for n in g if not g.degree(n))
    bottom = max((y for _, y in pos.values()), default=0) + SPACING
    columns = max(1, math.ceil(math.sqrt(len(alone) * 3)))
    width = max((len(labels.get(n, "")) * CHAR_WIDTH for n in alone), default=0) + 40
    for i, n in enumerate(alone):
        pos[n] = ((i % columns) * width - (columns - 1) * width // 2, bottom + (i // columns) * ROW_HEIGHT)
    return pos


def _ordered(g: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The group as a graph of its own, nodes and edges in sorted order: a subgraph view of a
    few nodes iterates them in a set's order, which changes with Python's hash seed (and the
    spring layout with it)."""
    h = nx.Graph()
    h.add_nodes_from(nodes)
    h.add_edges_from(sorted(tuple(sorted(e)) for e in g.subgraph(nodes).edges()))
    return h


def _group(h: nx.Graph, labels: dict[str, str]) -> dict[str, tuple[float, float]]:
    """One connected group laid out around (0, 0)."""
    nodes = list(h)
    if len(nodes) == 2:
        return {nodes[0]: (-SPACING / 2, 0.0), nodes[1]: (SPACING / 2, 0.0)}
    core = h
    if len(nodes) > SPRING_LIMIT:  # the best-connected actors by the spring, the rest around them
        keep = sorted(nodes, key=lambda n: (-h.degree(n), n))[:SPRING_LIMIT]
        core = _ordered(h, sorted(keep))
        core.remove_nodes_from([n for n in keep if not core.degree(n)])
    raw = nx.spring_layout(core, seed=SEED, iterations=300 if len(core) < 200 else 100, method="force")
    lengths = [math.dist(raw[a], raw[b]) for a, b in core.edges()]
    unit = SPACING / max(statistics.median(lengths), 1e-9)
    pos = {n: [float(x * unit), float(y * unit)] for n, (x, y) in raw.items()}
    _place_around(h, pos)
    if len(nodes) <= DEOVERLAP_LIMIT:
        _push_apart(pos, labels)
    return {n: (x, y) for n, (x, y) in pos.items()}


def _place_around(h: nx.Graph, pos: dict[str, list[float]]) -> None:
    """Actors the spring left out, around the first placed neighbour, in sorted order: the k-th
    one on a spiral (golden angle, a tie's length and more), the same on every build."""
    queue = sorted(pos)
    while queue:
        nxt = []
        for placed in queue:
            k = 0
            for n in sorted(h[placed]):
                if n not in pos:
                    angle, radius = k * GOLDEN_ANGLE, SPACING * (1 + 0.15 * k)
                    x, y = pos[placed]
                    pos[n] = [x + radius * math.cos(angle), y + radius * math.sin(angle)]
                    nxt.append(n)
                    k += 1
        queue = nxt


def _push_apart(pos: dict[str, list[float]], labels: dict[str, str], rounds: int = 60) -> None:
    """Move nodes whose label boxes overlap apart: up and down when that is the much shorter way,
    else sideways."""
    names = sorted(pos)
    half = {n: (len(labels.get(n, "")) * CHAR_WIDTH + 20) / 2 for n in names}
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                (ax, ay), (bx, by) = pos[a], pos[b]
                ox = half[a] + half[b] - abs(ax - bx)
                oy = ROW_HEIGHT - abs(ay - by)
                if ox <= 0 or oy <= 0:
                    continue
                moved = True
                if oy < ox / 3:  # sideways by preference: screens are wider than tall
                    step = (oy / 2 + 1) * (1 if ay >= by else -1)
                    pos[a][1] += step
                    pos[b][1] -= step
                else:
                    step = (ox / 2 + 1) * (1 if ax >= bx else -1)
                    pos[a][0] += step
                    pos[b][0] -= step
        if not moved:
            return


def _pack(groups: list[dict[str, tuple[float, float]]], labels: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Groups side by side in rows as wide as the widest group, a screen-shaped (16:10)
    rectangle as tall as the tallest one, or one of their total area, whichever is widest."""
    boxes = []
    for p in groups:  # each group's box holds its labels, with a tie's length of room around
        half = {n: (len(labels.get(n, "")) * CHAR_WIDTH + 20) / 2 for n in p}
        left, right = min(x - half[n] for n, (x, _) in p.items()), max(x + half[n] for n, (x, _) in p.items())
        ys = [y for _, y in p.values()]
        boxes.append((left, min(ys), right - left + SPACING / 2, max(ys) - min(ys) + SPACING))
    limit = max([b[2] for b in boxes] + [1.6 * max((b[3] for b in boxes), default=0),
                                         math.sqrt(1.6 * sum(b[2] * b[3] for b in boxes))])
    pos: dict[str, tuple[int, int]] = {}
    x = y = row = 0.0
    for p, (left, top, w, h) in zip(groups, boxes):
        if x and x + w > limit:
            x, y, row = 0.0, y + row, 0.0
        for n, (nx_, ny) in p.items():
            pos[n] = (round(x + nx_ - left), round(y + ny - top))
        x, row = x + w, max(row, h)
    return pos
