"""`kg build` as a library call: read -> per-document extraction -> merge -> graph -> write."""
from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph

from kg.dates import find_published
from kg.documents import read_corpus
from kg.extract import process_document
from kg.graph import KG, bind_prefixes, build_graph, doc_iri
from kg.knowledge import KnowledgeBase, load_knowledge
from kg.merge import merge_results
from kg.model import Corpus, Document, DocResult
from kg.output import FORMATS, atomic_write, serialize
from kg.text import split_sentences


@dataclass
class BuildReport:
    documents: int = 0
    skipped: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    entities: dict[str, int] = field(default_factory=dict)
    meetings: int = 0
    treaties: int = 0
    bases: int = 0
    triples: int = 0
    seconds: float = 0.0
    ner: str = "rules"
    outputs: list[str] = field(default_factory=list)


class NoDocuments(Exception):
    """No document of the corpus could be read."""


def choose_ner(mode: str, notices: list[str]):
    """'auto': Stanza when a model is found, else rules with one notice; 'stanza' requires one."""
    if mode == "rules":
        return None
    from kg import stanza_ner

    try:
        return stanza_ner.load_pipeline()
    except FileNotFoundError as exc:
        if mode == "stanza":
            raise
        notices.append(f"no Stanza NER model ({exc}); using gazetteer and patterns only "
                       "(run `make model` or `kg models download`)")
        return None


def extract_all(docs: list[Document], kb: KnowledgeBase, ner=None, progress=None) -> list[DocResult]:
    results = []
    for doc in docs:
        if doc.published is None:
            doc.published = find_published(doc.text, kb)
        sentences = split_sentences(doc.text)
        spans = None
        if ner is not None:
            from kg.stanza_ner import tag_sentences

            spans = tag_sentences(ner, [[t.text for t in s.tokens] for s in sentences if s.tokens])
            spans = _realign(sentences, spans)
        results.append(process_document(doc, kb, spans, sentences))
        if progress:
            progress()
    return results


def _realign(sentences, spans):
    it = iter(spans)
    return [next(it) if s.tokens else [] for s in sentences]


def per_document_graphs(graph: Graph, corpus: Corpus) -> dict[str, Graph]:
    """For TriG: each document's named graph holds the facts derived from or mentioned in it."""
    out: dict[str, Graph] = {}
    for d in corpus.documents:
        node = doc_iri(d.doc_id)
        sub = bind_prefixes(Graph())
        subjects = set(graph.subjects(None, node))
        subjects.add(node)
        for s in subjects:
            for t in graph.triples((s, None, None)):
                sub.add(t)
        out[str(node)] = sub
    return out


def build(corpus_dir: Path, out_dir: Path, formats: list[str] | None = None, ner: str = "auto",
          html: bool = True, kb: KnowledgeBase | None = None, show_progress: bool | None = None) -> BuildReport:
    start = time.perf_counter()
    kb = kb or load_knowledge()
    report = BuildReport()
    docs, skipped, notices = read_corpus(Path(corpus_dir))
    report.skipped = [str(s) for s in skipped]
    report.notices = list(notices)
    if not docs:
        raise NoDocuments(f"{corpus_dir}: no document could be read")
    pipeline = choose_ner(ner, report.notices)
    report.ner = "stanza" if pipeline is not None else "rules"
    show = sys.stderr.isatty() if show_progress is None else show_progress
    if show:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("extracting", total=len(docs))
            results = extract_all(docs, kb, pipeline, lambda: bar.advance(task))
    else:
        results = extract_all(docs, kb, pipeline)
    corpus = merge_results(results, kb)
    graph = build_graph(corpus)
    out_dir = Path(out_dir)
    per_doc = None
    for fmt in formats or ["ttl"]:
        if fmt == "trig":
            per_doc = per_doc or per_document_graphs(graph, corpus)
        target = out_dir / FORMATS[fmt][1]
        atomic_write(target, serialize(graph, fmt, per_doc))
        report.outputs.append(str(target))
    if html:
        from kg.visualize import write_html

        write_html(corpus, out_dir / "graph.html")
        report.outputs.append(str(out_dir / "graph.html"))
    report.documents = len(docs)
    report.entities = dict(sorted(Counter(
        str(o).rsplit("#", 1)[-1] for s, o in graph.subject_objects(RDF.type)
        if o in (KG.Person, KG.State, KG.Organization, KG.Place, KG.MilitaryBase)).items()))
    report.meetings = len(set(graph.subjects(RDF.type, KG.Meeting)))
    report.treaties = len(set(graph.subjects(RDF.type, KG.Treaty)))
    report.bases = len(set(graph.subjects(RDF.type, KG.MilitaryBase)))
    report.triples = len(graph)
    report.seconds = round(time.perf_counter() - start, 2)
    return report
