"""`kg build` as a library call: read -> per-document extraction -> merge -> graph -> write.

Per-document work is a pure function of the document, the knowledge base and the NER model,
so it runs in parallel processes (`jobs`) and is cached by the document's sha256 and the
versions of everything it depends on (`cache_dir`).
"""
from __future__ import annotations

import gc
import hashlib
import pickle
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
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

#: Documents tagged by Stanza in one call: batching keeps the model busy.
NER_BATCH_DOCS = 32


@dataclass
class BuildReport:
    documents: int = 0
    processed: int = 0          # documents extracted anew (the rest came from the cache)
    tokens: int = 0
    skipped: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    entities: dict[str, int] = field(default_factory=dict)
    meetings: int = 0
    treaties: int = 0
    bases: int = 0
    triples: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    ner: str = "rules"
    outputs: list[str] = field(default_factory=list)


class NoDocuments(Exception):
    """No document of the corpus could be read."""


def choose_ner(mode: str, notices: list[str]):
    """'auto': Stanza when a model is found, else rules with one notice; 'stanza' requires one."""
    if ner_available(mode, notices) == "rules":
        return None
    from kg import stanza_ner

    return stanza_ner.load_pipeline()


def ner_available(mode: str, notices: list[str]) -> str:
    """The NER mode a build will run ('stanza' or 'rules') without loading the model."""
    if mode == "rules":
        return "rules"
    from kg import stanza_ner

    if stanza_ner.local_model_available() or stanza_ner.official_model_available():
        return "stanza"
    if mode == "stanza":
        raise FileNotFoundError(f"no Stanza NER model in {stanza_ner.models_dir()}")
    notices.append("no Stanza NER model; using gazetteer and patterns only "
                   "(run `make model` or `kg models download`)")
    return "rules"


def code_version() -> str:
    """A hash of kg's own source: a cached result is stale once the code changes."""
    h = hashlib.sha256()
    for p in sorted(Path(__file__).parent.glob("*.py")):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def model_version(ner_mode: str) -> str:
    if ner_mode == "rules":
        return "rules"
    from kg import stanza_ner

    d = stanza_ner.local_model_dir()
    model = d / stanza_ner.MODEL_NAME
    if model.exists():
        st = model.stat()
        return f"local-{st.st_size}-{int(st.st_mtime)}"
    return "official" if stanza_ner.official_model_available() else "rules"


class ResultCache:
    """DocResults on disk, keyed by document sha256 and the versions of code, lexicons and model."""

    def __init__(self, folder: Path, kb: KnowledgeBase, model: str):
        self.folder = Path(folder)
        self.salt = f"{code_version()}-{kb.version}-{model}"

    def _path(self, doc: Document) -> Path:
        key = hashlib.sha256(f"{self.salt}|{doc.source_file}|{doc.sha256}|{doc.published}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.pkl"

    def get(self, doc: Document) -> DocResult | None:
        try:
            with open(self._path(doc), "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.PickleError, EOFError, AttributeError):
            return None

    def put(self, result: DocResult) -> None:
        atomic_write(self._path(result.document), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


# --- per-document extraction, in this process or in workers ------------------------------
_WORKER: dict = {}


def _init_worker(ner_mode: str) -> None:
    if ner_mode != "rules":
        import torch

        torch.set_num_threads(1)
    _WORKER["kb"] = load_knowledge()
    _WORKER["ner"] = choose_ner(ner_mode, []) if ner_mode != "rules" else None


def _extract_batch(docs: list[Document]) -> tuple[list[DocResult], float, int]:
    return extract_batch(docs, _WORKER["kb"], _WORKER["ner"])


def dask_extract_batch(docs: list[Document], ner_mode: str) -> tuple[list[DocResult], float, int]:
    """Per-batch work on a Dask worker: the knowledge base and Stanza are loaded once per worker."""
    if _WORKER.get("mode") != ner_mode:
        _init_worker(ner_mode)
        _WORKER["mode"] = ner_mode
    return _extract_batch(docs)


def _dask_outputs(batches, ner_mode: str, scheduler: str | None, workers: int, stack: ExitStack):
    """Results of every batch, in order, from a Dask cluster (a LocalCluster when no scheduler)."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        client = stack.enter_context(Client(scheduler))
    else:
        cluster = stack.enter_context(LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, silence_logs=40))
        client = stack.enter_context(Client(cluster))
    futures = client.map(dask_extract_batch, batches, ner_mode=ner_mode, pure=False)
    for future in futures:
        yield future.result()
        future.release()


def extract_batch(docs: list[Document], kb: KnowledgeBase, ner=None) -> tuple[list[DocResult], float, int]:
    """Extract a batch of documents; returns results, seconds spent in Stanza, tokens.

    `build` has already read each document's dateline into `published`.
    """
    prepared = [(doc, split_sentences(doc.text)) for doc in docs]
    spans_per_doc: list = [None] * len(prepared)
    ner_seconds = 0.0
    if ner is not None:
        from kg.stanza_ner import tag_sentences

        flat = [[t.text for t in s.tokens] for _, sents in prepared for s in sents if s.tokens]
        start = time.perf_counter()
        tagged = iter(tag_sentences(ner, flat))
        ner_seconds = time.perf_counter() - start
        spans_per_doc = [[next(tagged) if s.tokens else [] for s in sents] for _, sents in prepared]
    results = [process_document(doc, kb, spans, sents)
               for (doc, sents), spans in zip(prepared, spans_per_doc)]
    tokens = sum(len(s.tokens) for _, sents in prepared for s in sents)
    return results, ner_seconds, tokens


def extract_all(docs: list[Document], kb: KnowledgeBase, ner=None, ner_mode: str = "rules",
                jobs: int = 1, progress=None, executor: str = "local",
                scheduler: str | None = None) -> tuple[list[DocResult], float, int]:
    batches = [docs[i:i + NER_BATCH_DOCS] for i in range(0, len(docs), NER_BATCH_DOCS)]
    results, ner_seconds, tokens = [], 0.0, 0
    with ExitStack() as stack:
        if executor == "dask":
            outputs = _dask_outputs(batches, ner_mode, scheduler, max(2, jobs), stack)
        elif jobs > 1 and len(batches) > 1:
            pool = stack.enter_context(ProcessPoolExecutor(
                max_workers=jobs, initializer=_init_worker, initargs=(ner_mode,)))
            outputs = pool.map(_extract_batch, batches)  # in order: output independent of jobs
        else:
            outputs = (extract_batch(batch, kb, ner) for batch in batches)
        for res, secs, toks in outputs:
            results += res
            ner_seconds += secs
            tokens += toks
            # results are kept to the end: spare the collector from rescanning them each batch
            gc.freeze()
            if progress:
                progress(len(res))
    gc.unfreeze()
    return results, ner_seconds, tokens


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
          html: bool = True, kb: KnowledgeBase | None = None, show_progress: bool | None = None,
          jobs: int = 1, cache_dir: Path | None = None, executor: str = "local",
          scheduler: str | None = None) -> BuildReport:
    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    kb = kb or load_knowledge()
    report = BuildReport()
    docs, skipped, notices = read_corpus(Path(corpus_dir))
    report.skipped = [str(s) for s in skipped]
    report.notices = list(notices)
    timings["read"] = time.perf_counter() - t0
    if not docs:
        raise NoDocuments(f"{corpus_dir}: no document could be read")
    t = time.perf_counter()
    if jobs > 1 or executor == "dask":  # workers load their own model; here only decide which
        ner_mode = ner_available(ner, report.notices)
        pipeline = None
    else:
        pipeline = choose_ner(ner, report.notices)
        ner_mode = "stanza" if pipeline is not None else "rules"
    report.ner = ner_mode
    timings["load_model"] = time.perf_counter() - t

    for doc in docs:  # the dateline is part of what the text says, known before extraction
        if doc.published is None:
            doc.published = find_published(doc.text, kb)
    cache = ResultCache(cache_dir, kb, model_version(ner_mode)) if cache_dir else None
    cached: dict[int, DocResult] = {}
    todo: list[Document] = []
    for i, doc in enumerate(docs):
        hit = cache.get(doc) if cache else None
        if hit is not None:
            cached[i] = hit
        else:
            todo.append(doc)
    t = time.perf_counter()
    show = sys.stderr.isatty() if show_progress is None else show_progress
    if show and todo:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("extracting", total=len(todo))
            fresh, ner_seconds, tokens = extract_all(todo, kb, pipeline, ner_mode, jobs,
                                                     lambda n: bar.advance(task, n), executor, scheduler)
    else:
        fresh, ner_seconds, tokens = extract_all(todo, kb, pipeline, ner_mode, jobs,
                                                 executor=executor, scheduler=scheduler)
    timings["ner"] = ner_seconds
    timings["extract"] = time.perf_counter() - t - (ner_seconds if jobs <= 1 and executor == "local" else 0)
    if cache:
        for r in fresh:
            cache.put(r)
    results = list(cached.values()) + fresh
    report.processed = len(fresh)
    report.tokens = tokens

    t = time.perf_counter()
    corpus = merge_results(results, kb)
    timings["merge"] = time.perf_counter() - t
    t = time.perf_counter()
    graph = build_graph(corpus)
    timings["graph"] = time.perf_counter() - t
    t = time.perf_counter()
    out_dir = Path(out_dir)
    per_doc = None
    for fmt in formats or ["ttl"]:
        if fmt == "trig":
            per_doc = per_doc or per_document_graphs(graph, corpus)
        target = out_dir / FORMATS[fmt][1]
        atomic_write(target, serialize(graph, fmt, per_doc))
        report.outputs.append(str(target))
    timings["write"] = time.perf_counter() - t
    if html:
        from kg.visualize import write_html

        t = time.perf_counter()
        write_html(corpus, out_dir / "graph.html")
        report.outputs.append(str(out_dir / "graph.html"))
        timings["html"] = time.perf_counter() - t
    report.documents = len(docs)
    report.entities = dict(sorted(Counter(
        str(o).rsplit("#", 1)[-1] for s, o in graph.subject_objects(RDF.type)
        if o in (KG.Person, KG.State, KG.Organization, KG.Place, KG.MilitaryBase)).items()))
    report.meetings = len(set(graph.subjects(RDF.type, KG.Meeting)))
    report.treaties = len(set(graph.subjects(RDF.type, KG.Treaty)))
    report.bases = len(set(graph.subjects(RDF.type, KG.MilitaryBase)))
    report.triples = len(graph)
    report.timings = {k: round(v, 3) for k, v in timings.items()}
    report.seconds = round(time.perf_counter() - t0, 2)
    return report

