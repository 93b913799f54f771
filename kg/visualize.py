"""The actor network as a self-contained HTML page (pyvis), which opens offline."""
from __future__ import annotations

import itertools
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.merge import MergedCorpus

STYLE = {  # class -> (colour, shape)
    "Person": ("#e07a5f", "dot"), "State": ("#3d5a80", "diamond"),
    "Organization": ("#81b29a", "square"), "MilitaryBase": ("#6d597a", "triangle"),
}


#: Sources listed in a node's tooltip; the rest are counted.
MAX_SOURCES = 10


def actor_network(corpus: MergedCorpus) -> nx.Graph:
    """Actors and bases as nodes; met-with, party-to-treaty, operates and affiliated edges."""
    g = nx.Graph()
    ents = corpus.entities
    for e in ents.values():
        if e.type in STYLE:
            g.add_node(e.id)
    def link(a, b, kind, note):
        if a in g and b in g and a != b:
            data = g.get_edge_data(a, b) or {"kinds": set(), "notes": set(), "weight": 0}
            data["kinds"].add(kind)
            data["notes"].add(note)
            data["weight"] += 1
            g.add_edge(a, b, **data)
    for m in corpus.meetings():
        where = ents[m.location].label_ar if m.location in ents else ""
        note = f"{m.kind} {m.date.value if m.date else 'بلا تاريخ'} {where}".strip()
        for i, a in enumerate(m.participants):
            for b in m.participants[i + 1:]:
                link(a, b, "met-with", note)
    for t in corpus.treaties:
        for i, a in enumerate(t.parties):
            for b in t.parties[i + 1:]:
                link(a, b, "treaty", t.label)
    for b in corpus.bases:
        for s in b.operated_by:
            link(s, b.base, "operates", "operates base")
    for e in ents.values():
        if e.type == "Person" and e.affiliation:
            link(e.id, e.affiliation, "affiliated", "affiliated with")
    return g


@lru_cache(maxsize=None)
def _template_env(template_dir: str):
    """pyvis's Jinja environment with compiled templates kept on disk: compiling them anew
    costs more than drawing a small network."""
    from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader
    from platformdirs import user_cache_dir

    cache = None
    try:
        folder = Path(user_cache_dir("kg")) / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        cache = FileSystemBytecodeCache(str(folder))
    except OSError:
        pass
    return Environment(loader=FileSystemLoader(template_dir), bytecode_cache=cache)


def _vis_js() -> str:
    """vis-network's standalone script as pyvis ships it, to inline instead of a CDN link."""
    root = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (root / "vis-network.min.js").read_text(encoding="utf-8")


def render_html(corpus: MergedCorpus) -> str:
    g = actor_network(corpus)
    centrality = nx.degree_centrality(g) if len(g) > 1 else {n: 0 for n in g}
    net = Network(height="800px", width="100%", cdn_resources="in_line", directed=False,
                  heading="")
    net.templateEnv = _template_env(net.template_dir)
    shown = {n: list(itertools.islice(corpus.documents_of(n), MAX_SOURCES)) for n in g.nodes}
    wanted = {d for ds in shown.values() for d in ds}
    files = {d.doc_id: d.source_file for d in corpus.documents() if d.doc_id in wanted}
    for node in sorted(g.nodes):
        e = corpus.entities[node]
        colour, shape = STYLE[e.type]
        more = len(corpus.entity_docs.get(node, ())) - len(shown[node])
        sources = ", ".join(sorted(files.get(d, d) for d in shown[node])) + (f" (+{more})" if more > 0 else "")
        title = "\n".join(filter(None, [
            f"{e.label_ar} ({e.type})", e.label_en, "أدوار: " + "، ".join(sorted(e.roles)) if e.roles else "",
            f"mentions: {e.mentions}", "sources: " + sources]))
        net.add_node(node, label=e.label_ar, title=title, color=colour, shape=shape,
                     size=12 + 40 * centrality.get(node, 0))
    for a, b, data in sorted(g.edges(data=True)):
        net.add_edge(a, b, value=data["weight"], title="\n".join(sorted(set(data["notes"]))),
                     color="#c0392b" if "met-with" in data["kinds"] else "#b0b0b0")
    net.set_options(json.dumps({"physics": {"stabilization": {"iterations": 200}},
                                "nodes": {"font": {"face": "Arial, Tahoma", "size": 16}},
                                "interaction": {"hover": True}}))
    html = net.generate_html()
    html = _offline(html)
    legend = "".join(f'<span style="margin:0 8px;color:{c}">&#9679; {k}</span>' for k, (c, _) in STYLE.items())
    return html.replace("<body>", f'<body dir="rtl"><div id="legend" style="font-family:sans-serif">{legend}</div>', 1)


def _offline(html: str) -> str:
    """Inline vis-network and drop every remote or lib/ reference pyvis leaves."""
    html = re.sub(r'<script[^>]+src="https?://[^"]+"[^>]*>\s*</script>', "", html)
    html = re.sub(r'<link[^>]+href="https?://[^"]+"[^>]*/?>', "", html)
    html = re.sub(r'<script[^>]+src="lib/[^"]+"[^>]*>\s*</script>', "", html)
    html = re.sub(r"<!--(?:(?!-->).)*(?:node_modules|lib/)(?:(?!-->).)*-->", "", html, flags=re.S)
    if "vis.DataSet" in html and "vis-network" not in html[:html.find("vis.DataSet")]:
        html = html.replace("</head>", "<script>" + _vis_js() + "</script></head>", 1)
    return html


def write_html(corpus: MergedCorpus, path: Path) -> None:
    from kg.output import atomic_write

    atomic_write(path, render_html(corpus))
