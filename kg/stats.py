"""Counts and network centralities of a built graph, read by the contract's vocabulary."""
from __future__ import annotations

from collections import Counter

import networkx as nx
from rdflib import RDF, RDFS, Graph

from kg.vocab import ENTITY_CLASSES, FACT_CLASSES, KG

CLASSES = [*ENTITY_CLASSES, *FACT_CLASSES]


def actor_graph(g: Graph) -> nx.Graph:
    """Actors linked when they meet, are parties to one treaty, or operate a base."""
    net = nx.Graph()
    for m in g.subjects(RDF.type, KG.Meeting):
        ps = sorted(g.objects(m, KG.participant))
        net.add_nodes_from(ps)
        net.add_edges_from((a, b) for i, a in enumerate(ps) for b in ps[i + 1:])
    for t in g.subjects(RDF.type, KG.Treaty):
        ps = sorted(g.objects(t, KG.party))
        net.add_edges_from((a, b) for i, a in enumerate(ps) for b in ps[i + 1:])
    for b, s in g.subject_objects(KG.operatedBy):
        net.add_edge(s, b)
    for p, s in g.subject_objects(KG.affiliation):
        net.add_edge(p, s)
    return net


def stats_of(g: Graph, top: int = 10) -> dict:
    """Instances of each contract class, and the actors most central in the meeting network."""
    counts = Counter()
    for cls in CLASSES:
        counts[cls] = len(set(g.subjects(RDF.type, KG[cls])))
    net = actor_graph(g)

    def label(n):
        return next((str(o) for o in g.objects(n, RDFS.label) if getattr(o, "language", None) == "ar"), str(n))

    def ranked(scores):
        return sorted(((label(n), v) for n, v in scores.items()), key=lambda x: (-x[1], x[0]))[:top]

    return {"classes": dict(counts), "degree": ranked(nx.degree_centrality(net)) if len(net) > 1 else [],
            "betweenness": ranked(nx.betweenness_centrality(net)) if len(net) > 1 else []}
