"""TriG's named graphs: one per document, holding the facts derived from or mentioned in it."""
from __future__ import annotations

from rdflib import Graph, URIRef

from kg.graph import KGR, bind_prefixes
from kg.merge import MergedCorpus


def per_document_graphs(graph: Graph, corpus: MergedCorpus) -> dict[str, Graph]:
    """For TriG: each document's named graph holds the facts derived from or mentioned in it."""
    out: dict[str, Graph] = {}
    for d in corpus.documents():
        node = URIRef(f"{KGR}doc/{d.doc_id}")
        sub = bind_prefixes(Graph())
        subjects = set(graph.subjects(None, node))
        subjects.add(node)
        for s in subjects:
            for t in graph.triples((s, None, None)):
                sub.add(t)
        out[str(node)] = sub
    return out
