"""The data graph.html reads: actors with stored positions, meetings with their evidence and
sources, documents, and the words of the page in Arabic and English.

Everything is packed into lists of indices (a meeting names its participants, evidence and
sources by position), so that a large archive's page stays small: evidence sentences are kept
once however many meetings cite them, and each meeting lists at most MAX_SOURCES sources.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from kg.geo import outlines
from kg.graph import entity_iri
from kg.knowledge import ONTOLOGY_DIR
from kg.merge import MergedCorpus
from kg.model import evidence_lines
from kg.text import _DIACRITICS, _FOLD
from kg.visualize import EDGE_STYLE, STYLE, ActorNetwork
from kg.vocab import ACTOR_CLASSES, MEETING_KINDS

#: Sources listed per meeting (the rest are counted).
MAX_SOURCES = 10
#: Evidence sentences kept per meeting.
MAX_EVIDENCE = 3
#: Search folds what kg.text.normalize folds, and the hamza seats too (a reader types
#: "مؤتمر" or "موتمر", "رئيس" or "رييس"): waw and ya with hamza, and the bare hamza dropped.
SEARCH_FOLD_EXTRA = {"\u0624": "\u0648", "\u0626": "\u064a", "\u0621": ""}
VOCABULARY = (*ACTOR_CLASSES, "MilitaryBase", "Place", "Meeting", *MEETING_KINDS, "Treaty")


@lru_cache(maxsize=1)
def vocabulary_labels() -> dict[str, dict[str, str]]:
    """Arabic and English names of the classes the page shows, from the ontology (kg.ttl)."""
    from rdflib import RDFS, Graph

    from kg.graph import KG
    onto = Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    labels: dict[str, dict[str, str]] = {}
    for name in VOCABULARY:
        labels[name] = {o.language: str(o) for o in onto.objects(KG[name], RDFS.label) if o.language}
    return labels


@lru_cache(maxsize=1)
def ui_strings() -> dict:
    return json.loads((resources.files("kg") / "static" / "ui.json").read_text(encoding="utf-8"))


def search_fold() -> dict:
    """kg.text's folding table and diacritics pattern, for the page's search box to apply to
    what a reader types and to the names (one definition of Arabic folding)."""
    fold = {chr(k): (v if v is not None else "") for k, v in _FOLD.items()}
    fold.update(SEARCH_FOLD_EXTRA)
    return {"map": fold, "strip": _DIACRITICS.pattern}


class _Table:
    """Strings or records kept once, referred to by position."""

    def __init__(self) -> None:
        self.index: dict = {}
        self.items: list = []

    def add(self, key, item=None) -> int:
        n = self.index.get(key)
        if n is None:
            n = self.index[key] = len(self.items)
            self.items.append(key if item is None else item)
        return n


def page_data(corpus: MergedCorpus, network: ActorNetwork, positions: dict, name: str) -> dict:
    """One JSON-ready object with everything graph.js needs."""
    g = network.graph
    ents = corpus.entities
    order = {n: i for i, n in enumerate(g.nodes)}
    places, evidence, wanted_docs = _Table(), _Table(), _Table()
    meetings = []
    for m in network.meetings:
        where = -1
        if m.location and m.location in ents:
            p = ents[m.location]
            where = places.add(p.id, {"ar": p.label_ar, "en": p.label_en, "lat": p.lat, "long": p.long})
        lines = evidence_lines(m.evidence)[:MAX_EVIDENCE]
        sources = list(m.documents[:MAX_SOURCES]) if len(m.documents) > MAX_SOURCES else list(m.documents)
        meetings.append([m.kind, m.date.value if m.date else "", (m.date.end or "") if m.date else "",
                         [order[p] for p in m.participants if p in order], where,
                         [evidence.add(line) for line in lines], [wanted_docs.add(d) for d in sources],
                         len(m.documents)])
    treaties = [[t.label, t.date.value if t.date else ""] for t in network.treaties]
    docs = _documents(corpus, wanted_docs.items)
    nodes = [_node(ents[n], g.degree(n), positions[n], order) for n in g.nodes]
    edges = [[order[a], order[b], sorted(d["kinds"]), d["meetings"], d["treaties"]]
             for a, b, d in sorted(g.edges(data=True), key=lambda e: (order[e[0]], order[e[1]]))]
    counts = {"actors": len(nodes), "meetings": len(meetings), "documents": len(corpus.doc_ids)}
    titles = {lang: ui_strings()[lang]["title"].format(name=name, **counts) for lang in ("ar", "en")}
    located = [(p["lat"], p["long"]) for p in places.items if p["lat"] is not None and p["long"] is not None]
    located += [(n["lat"], n["long"]) for n in nodes if "lat" in n]
    return {"name": name, "title": titles, "map": outlines(located), "counts": counts, "vocabulary": vocabulary_labels(),
            "ui": ui_strings(), "style": STYLE, "edgeStyle": EDGE_STYLE, "fold": search_fold(),
            "nodes": nodes, "edges": edges, "meetings": meetings, "treaties": treaties, "places": places.items,
            "evidence": evidence.items, "docs": docs}


def _node(e, degree: int, xy: tuple[int, int], order: dict) -> dict:
    node = {"id": e.id, "iri": entity_iri(e.id, e.type)[1:-1], "ar": e.label_ar, "en": e.label_en or "", "c": e.type, "x": xy[0], "y": xy[1],
            "deg": degree, "alt": sorted(e.alt_labels), "roles": sorted(e.roles), "n": e.mentions}
    if e.affiliation in order:
        node["aff"] = order[e.affiliation]
    if e.wikidata:
        node["wd"] = e.wikidata
    if e.lat is not None and e.long is not None:
        node["lat"], node["long"] = e.lat, e.long
    return node


def _documents(corpus: MergedCorpus, wanted: list[str]) -> list[list]:
    """[file name, URL, title] of each document a meeting cites, in the order first cited."""
    where = {d: i for i, d in enumerate(wanted)}
    docs: list[list] = [[d, None, None] for d in wanted]
    for d in corpus.documents():
        i = where.get(d.doc_id)
        if i is not None:
            docs[i] = [d.source_file, d.url, getattr(d, "title", None)]
    return docs
