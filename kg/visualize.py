"""The actor network, laid out once in Python, as a self-contained page that opens offline.

The page (kg/static/graph.*) is vis-network with physics off: positions come from a seeded
networkx layout stored in the file, so every opening shows the same picture at once. The data
it reads (actors, meetings with evidence and sources, documents) is one JSON object made by
kg.page_data; vis-network is inlined from pyvis's bundled copy, so no request leaves the page.
"""
from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.merge import MergedCorpus
from kg.model import Meeting, Treaty

#: Classes drawn as nodes, with their colour and vis-network shape (the legend draws the same).
STYLE = {
    "Person": ("#e07a5f", "dot"), "State": ("#3d5a80", "diamond"),
    "Organization": ("#81b29a", "square"), "MilitaryBase": ("#6d597a", "triangle"),
}
#: Edge kinds: colour and whether the line is dashed.
EDGE_STYLE = {"met": ("#c0392b", False), "treaty": ("#2a9d8f", True),
              "operates": ("#6d597a", False), "affiliated": ("#9a9a9a", True)}


@dataclass
class ActorNetwork:
    """Actors and bases as nodes of `graph`; each edge keeps the kinds of tie and the indices
    of its meetings in `meetings` (every merged meeting, dated ones first, in timeline order)
    and of its treaties in `treaties`."""
    graph: nx.Graph
    meetings: list[Meeting] = field(default_factory=list)
    treaties: list[Treaty] = field(default_factory=list)


def build_network(corpus: MergedCorpus) -> ActorNetwork:
    """Met-with edges from meetings, party-to-treaty, operates-base and affiliated-with ties."""
    g = nx.Graph()
    ents = corpus.entities
    for e in sorted(ents.values(), key=lambda e: e.id):
        if e.type in STYLE:
            g.add_node(e.id)
    meetings = list(corpus.meetings())

    def tie(a: str, b: str, kind: str, meeting: int | None = None, treaty: int | None = None) -> None:
        if a not in g or b not in g or a == b:
            return
        if not g.has_edge(a, b):
            g.add_edge(a, b, kinds=set(), meetings=[], treaties=[])
        data = g.edges[a, b]
        data["kinds"].add(kind)
        if meeting is not None:
            data["meetings"].append(meeting)
        if treaty is not None and treaty not in data["treaties"]:
            data["treaties"].append(treaty)

    for n, m in enumerate(meetings):
        for i, a in enumerate(m.participants):
            for b in m.participants[i + 1:]:
                tie(a, b, "met", meeting=n)
    for n, t in enumerate(corpus.treaties):
        for i, a in enumerate(t.parties):
            for b in t.parties[i + 1:]:
                tie(a, b, "treaty", treaty=n)
    for base in corpus.bases:
        for s in base.operated_by:
            tie(s, base.base, "operates")
    for e in ents.values():
        if e.type == "Person" and e.affiliation:
            tie(e.id, e.affiliation, "affiliated")
    return ActorNetwork(g, meetings, list(corpus.treaties))


def _static(name: str) -> str:
    return (resources.files("kg") / "static" / name).read_text(encoding="utf-8")


def _vis_js() -> str:
    """vis-network's standalone script as pyvis ships it, inlined instead of a CDN link. The
    package is found, not imported: importing pyvis imports IPython (a tenth of a second)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis (its copy of vis-network) is not installed")
    root = Path(spec.submodule_search_locations[0]) / "templates" / "lib" / "vis-9.1.2"
    return (root / "vis-network.min.js").read_text(encoding="utf-8")


_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)


def _script_safe(text: str) -> str:
    """Text that cannot close the <script> element it is inlined into."""
    return _SCRIPT_END.sub(r"<\\/\1", text)


def render_html(corpus: MergedCorpus, name: str = "corpus") -> str:
    """The whole page as one string: template, style, scripts and data inlined."""
    from kg.layout import layout
    from kg.page_data import page_data

    network = build_network(corpus)
    widest = {n: max(corpus.entities[n].label_ar, corpus.entities[n].label_en or "", key=len) for n in network.graph}
    data = page_data(corpus, network, layout(network.graph, widest), name)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    parts = {"TITLE": data["title"]["ar"], "CSS": _static("graph.css"), "VIS": _script_safe(_vis_js()),
             "DATA": payload.replace("<", "\\u003c"), "JS": _script_safe(_static("graph.js"))}
    html = _static("graph.html")
    for key, value in parts.items():  # one pass each; the values are never searched again
        head, _, tail = html.partition("{{" + key + "}}")
        html = head + (value.replace("&", "&amp;").replace("<", "&lt;") if key == "TITLE" else value) + tail
    return html


def write_html(corpus: MergedCorpus, path: Path, name: str | None = None) -> None:
    """graph.html, atomically; `name` (the corpus folder's name by default) heads the title."""
    from kg.output import atomic_write

    atomic_write(path, render_html(corpus, name or Path(path).resolve().parent.name))
