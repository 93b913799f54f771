"""`kg build` as a library call: read -> per-document extraction -> merge -> graph -> write.

Per-document work is a pure function of the document, the knowledge base and the NER model,
so it runs in parallel processes (`jobs`) and is cached by the document's sha256 and the
versions of everything it depends on (`cache_dir`).
"""
from __future__ import annotations

import gc
import hashlib
import itertools
import os
import pickle
import shutil
import sys
import tempfile
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import Graph, URIRef

from kg.dates import find_published
from kg.documents import CorpusFiles, Skipped, corpus_files, iter_corpus
from kg.extract import process_document
from kg.graph import KGR, GraphCounts, bind_prefixes
from kg.knowledge import KnowledgeBase, load_knowledge
from kg.merge import KEY_BYTES, CorpusMerger, MergedCorpus, MergeState, document_key
from kg.model import Document, DocResult
from kg.output import atomic_write, write_build_record, write_outputs
from kg.text import split_sentences
from kg.visualize import write_html

#: Documents tagged by Stanza in one call: batching keeps the model busy.
NER_BATCH_DOCS = 32


@dataclass
class BuildReport:
    documents: int = 0
    processed: int = 0          # documents extracted anew (the rest came from the cache)
    reused: int = 0             # documents folded by the last build, taken from its saved merge state
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
    for p in sorted(Path(__file__).parent.rglob("*.py")):  # kg/ner/ too
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
        """Written whole under a temporary name then renamed; no fsync: a lost entry is a miss."""
        path = self._path(result.document)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)


# --- per-document extraction, in this process or in workers ------------------------------
_WORKER: dict = {}


def _init_worker(ner_mode: str) -> None:
    if ner_mode != "rules":
        import torch

        torch.set_num_threads(1)
    _WORKER["kb"] = load_knowledge()
    _WORKER["ner"] = choose_ner(ner_mode, []) if ner_mode != "rules" else None


def _init_pool_worker(ner_mode: str) -> None:
    """A `--jobs` worker: a process of kg's own, so the collector is tuned for its whole life
    (a Dask worker may be someone else's and is left as it is)."""
    _init_worker(ner_mode)
    _collect_young_objects_only()


def _extract_batch(docs: list[Document]) -> tuple[list[DocResult], float, int]:
    return extract_batch(docs, _WORKER["kb"], _WORKER["ner"])


def dask_extract_batch(docs: list[Document], ner_mode: str) -> tuple[list[DocResult], float, int]:
    """Per-batch work on a Dask worker: the knowledge base and Stanza are loaded once per worker."""
    if _WORKER.get("mode") != ner_mode:
        _init_worker(ner_mode)
        _WORKER["mode"] = ner_mode
    return _extract_batch(docs)


def _dask_outputs(batches: Iterator[list[Document]], ner_mode: str, scheduler: str | None, workers: int,
                  stack: ExitStack):
    """Results of every batch, in order, from a Dask cluster (a LocalCluster when no scheduler)."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        client = stack.enter_context(Client(scheduler))
    else:
        cluster = stack.enter_context(LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, silence_logs=40))
        client = stack.enter_context(Client(cluster))
    window = 2 * max(workers, len(client.scheduler_info().get("workers", {})) or 1)
    def submit(batch):
        # the documents travel as scattered data, not inside the task spec: the scheduler keeps
        # specs of finished tasks about, and with the texts in them its memory grew with the corpus
        [data] = client.scatter([batch], hash=False)
        return data, client.submit(dask_extract_batch, data, ner_mode, pure=False)

    def release(pair):
        for future in pair:
            future.release()

    yield from _in_order(batches, submit, window, lambda pair: pair[1].result(), release)


def _pool_outputs(batches: Iterator[list[Document]], ner_mode: str, jobs: int, stack: ExitStack):
    pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs, initializer=_init_pool_worker,
                                                   initargs=(ner_mode,)))
    submit = lambda batch: pool.submit(_extract_batch, batch)  # noqa: E731
    yield from _in_order(batches, submit, 2 * jobs, lambda f: f.result(), lambda f: None)


def _in_order(batches, submit, window: int, result, release):
    """Submit the documents of each batch keeping at most `window` in flight; yield, in order,
    (results of the whole batch, the fresh ones among them, Stanza seconds, tokens).

    A batch mixes documents to extract with results the cache already had; both come back in
    corpus order whatever the workers' speed (so the output does not depend on the executor),
    and memory holds a window of batches, not the corpus."""
    pending: deque = deque()
    for batch in batches:
        docs = [x for x in batch if isinstance(x, Document)]
        pending.append((batch, submit(docs) if docs else None))
        if len(pending) >= window:
            yield _reassemble(*pending.popleft(), result, release)
    while pending:
        yield _reassemble(*pending.popleft(), result, release)


def _reassemble(batch: list, future, result, release) -> tuple[list[DocResult], list[DocResult], float, int]:
    if future is None:
        return batch, [], 0.0, 0
    fresh, ner_seconds, tokens = result(future)
    release(future)
    it = iter(fresh)
    return [next(it) if isinstance(x, Document) else x for x in batch], fresh, ner_seconds, tokens


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


def extract_stream(items: Iterable[Document | DocResult], kb: KnowledgeBase, ner=None, ner_mode: str = "rules",
                   jobs: int = 1, executor: str = "local", scheduler: str | None = None,
                   stack: ExitStack | None = None) -> Iterator[tuple[list[DocResult], list[DocResult], float, int]]:
    """Per batch, lazily and in order: (every result, the freshly extracted ones, Stanza seconds,
    tokens). Items are documents to extract or results already known (from the cache)."""
    batches = _batches(items, NER_BATCH_DOCS)
    stack = stack if stack is not None else ExitStack()
    if executor == "dask":
        return _dask_outputs(batches, ner_mode, scheduler, max(2, jobs), stack)
    if jobs > 1:
        return _pool_outputs(batches, ner_mode, jobs, stack)
    return _in_order(batches, lambda docs: extract_batch(docs, kb, ner), 1, lambda r: r, lambda r: None)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


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


class _Restart(Exception):
    """The saved merge state is not a prefix of this corpus: fold everything anew."""


class MergeSnapshot:
    """The merger's state after the last build, with its spill files, in the cache folder.

    A build whose corpus starts with the documents of the last one (articles added at the end,
    as an archive grows) resumes from it and folds only the new documents."""

    def __init__(self, folder: Path, salt: str):
        self.folder = Path(folder) / "merge"
        self.path = self.folder / "state.pkl"
        self.salt = salt
        self.files: dict[str, tuple] = {}

    def load(self) -> MergeState | None:
        try:
            with open(self.path, "rb") as f:
                salt, state, files = pickle.load(f)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
            return None
        if salt != self.salt or not state.documents.path.parent.is_dir():
            return None
        self.files = files
        return state

    def new_spill_dir(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="gen-", dir=self._ensure()))

    def save(self, state: MergeState, files: dict[str, tuple]) -> None:
        """The state, and per file its signature, document keys and notices (to skip reading it)."""
        atomic_write(self.path, pickle.dumps((self.salt, state, files), protocol=pickle.HIGHEST_PROTOCOL))
        keep = state.documents.path.parent
        for gen in self.folder.glob("gen-*"):
            if gen != keep:
                shutil.rmtree(gen, ignore_errors=True)

    def _ensure(self) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.folder

    @contextmanager
    def locked(self) -> Iterator[None]:
        """One build at a time resumes and appends to the saved state (others wait)."""
        try:
            import fcntl
        except ImportError:  # not on POSIX: no lock
            yield
            return
        with open(self._ensure() / "lock", "w") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)


def build(corpus_dir: Path, out_dir: Path, formats: list[str] | None = None, ner: str = "auto",
          html: bool = True, kb: KnowledgeBase | None = None, show_progress: bool | None = None,
          jobs: int = 1, cache_dir: Path | None = None, executor: str = "local",
          scheduler: str | None = None) -> BuildReport:
    """Read, extract, merge and write a corpus; see the README for what each option does."""
    options = BuildOptions(Path(corpus_dir), Path(out_dir), formats or ["ttl"], ner, html, show_progress, jobs,
                           Path(cache_dir) if cache_dir else None, executor, scheduler)
    kb = kb or load_knowledge()
    with _young_objects_collected():
        try:
            return _Build(options, kb).run(resume=True)
        except _Restart:
            return _Build(options, kb).run(resume=False)


#: Allocations between two runs of the cyclic garbage collector while kg works (Python's default: 700).
YOUNG_OBJECTS = 100_000


def _collect_young_objects_only() -> None:
    """Extraction makes millions of short-lived objects and no reference cycles (a test checks
    it), so the cyclic collector finds nothing. Run every 700 allocations, as by default, it
    re-scans the knowledge base and the merge state and took a tenth of a build. Objects alive
    now are frozen (never scanned again) and the collector runs less often."""
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


@contextmanager
def _young_objects_collected() -> Iterator[None]:
    """_collect_young_objects_only() for the length of a build, then the collector as it was
    (objects a caller froze before stay frozen: there is no unfreezing only the build's own)."""
    threshold = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    _collect_young_objects_only()
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if not frozen_before:
            gc.unfreeze()


@dataclass
class BuildOptions:
    corpus_dir: Path
    out_dir: Path
    formats: list[str]
    ner: str
    html: bool
    show_progress: bool | None
    jobs: int
    cache_dir: Path | None
    executor: str
    scheduler: str | None


class _Build:
    """One run of `build`: stream the documents through extraction into the merger, then write."""

    def __init__(self, options: BuildOptions, kb: KnowledgeBase):
        self.o = options
        self.kb = kb
        self.report = BuildReport()
        self.timings: Counter = Counter()
        self.skipped: list[Skipped] = []
        self.documents = 0
        self.seen_files: dict[str, tuple] = {}  # per file: signature, document keys, notices, skips

    def run(self, resume: bool) -> BuildReport:
        o, report, timings = self.o, self.report, self.timings
        t0 = time.perf_counter()
        files = corpus_files(o.corpus_dir)
        t = time.perf_counter()
        if o.jobs > 1 or o.executor == "dask":  # workers load their own model; here only decide which
            ner_mode, pipeline = ner_available(o.ner, report.notices), None
        else:
            pipeline = choose_ner(o.ner, report.notices)
            ner_mode = "stanza" if pipeline is not None else "rules"
        report.ner = ner_mode
        timings["load_model"] = time.perf_counter() - t
        with ExitStack() as stack:  # the merge's spill files live until the outputs are written
            cache = snapshot = state = None
            if o.cache_dir:
                cache = ResultCache(o.cache_dir, self.kb, model_version(ner_mode))
                snapshot = MergeSnapshot(o.cache_dir, cache.salt)
                stack.enter_context(snapshot.locked())
                state = snapshot.load() if resume else None
                spill = state.documents.path.parent if state else snapshot.new_spill_dir()
            else:
                spill = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kg-merge-")))
            merger = CorpusMerger(self.kb, spill, state)
            done = bytes(state.keys) if state else b""  # document keys folded by the last build
            known = snapshot.files if state else {}
            self._extract_and_fold(files, merger, done, known, cache, pipeline, ner_mode)
            report.skipped = [str(x) for x in self.skipped]
            report.documents = self.documents
            report.reused = len(done) // KEY_BYTES
            if not report.documents:
                raise NoDocuments(f"{o.corpus_dir}: no document could be read")
            t = time.perf_counter()
            if snapshot:
                snapshot.save(merger.state, self.seen_files)
            corpus = merger.finish()
            timings["merge"] += time.perf_counter() - t
            counts = _write_graphs(corpus, o.out_dir, o.formats, report, timings)
            if o.html:
                t = time.perf_counter()
                write_html(corpus, o.out_dir / "graph.html", o.corpus_dir.resolve().name)
                report.outputs.append(str(o.out_dir / "graph.html"))
                timings["html"] = time.perf_counter() - t
        report.entities = {k: counts.entities[k] for k in sorted(counts.entities)}
        report.meetings, report.treaties = counts.meetings, counts.treaties
        report.bases, report.triples = counts.bases, counts.triples
        report.timings = {k: round(v, 3) for k, v in timings.items()}
        report.seconds = round(time.perf_counter() - t0, 2)
        return report

    def _extract_and_fold(self, files: CorpusFiles, merger: CorpusMerger, done: bytes, known: dict,
                          cache: ResultCache | None, pipeline, ner_mode: str) -> None:
        o, report, timings = self.o, self.report, self.timings
        with ExitStack() as stack:
            bar = _progress(stack, o.show_progress, files)
            t = time.perf_counter()
            items = self._items(files, done, known, cache, bar)
            batches = 0
            for results, fresh, ner_seconds, tokens in extract_stream(items, self.kb, pipeline, ner_mode, o.jobs,
                                                                      o.executor, o.scheduler, stack):
                m = time.perf_counter()
                if cache:
                    for r in fresh:
                        cache.put(r)
                for r in results:
                    merger.add(r)
                timings["merge"] += time.perf_counter() - m
                timings["ner"] += ner_seconds
                report.processed += len(fresh)
                report.tokens += tokens
                bar(len(results))
                batches += 1
                if batches % 64 == 0:
                    _return_free_memory()
            if self.documents < len(done) // KEY_BYTES:
                raise _Restart  # documents of the last build are gone
            timings["extract"] = time.perf_counter() - t - timings["read"] - timings["merge"] - (
                timings["ner"] if o.jobs <= 1 and o.executor == "local" else 0)

    def _items(self, files: CorpusFiles, done: bytes, known: dict, cache: ResultCache | None,
               bar) -> Iterator[Document | DocResult]:
        """Documents to extract, or their results when the cache has them, in corpus order;
        documents the saved merge state already holds are counted and passed over."""
        t = time.perf_counter()
        for path in files:
            n = self.documents
            signature = _signature(path) if cache else None
            rec = known.get(path.name)
            if rec and rec[0] == signature and done[n * KEY_BYTES:(n + len(rec[1])) * KEY_BYTES] == b"".join(rec[1]):
                # unchanged since the last build and folded there: not even read again
                self.documents += len(rec[1])
                self.report.notices.extend(rec[2])
                self.skipped.extend(rec[3])  # its bad records are still skipped
                self.seen_files[path.name] = rec
                bar(len(rec[1]))
                continue
            first_notice, first_skip, keys = len(self.report.notices), len(self.skipped), []
            for doc in iter_corpus([path], self.skipped, self.report.notices):
                if doc.published is None:  # the dateline is part of what the text says
                    doc.published = find_published(doc.text, self.kb)
                keys.append(document_key(doc))
                n = self.documents
                self.documents += 1
                if n * KEY_BYTES < len(done):
                    if keys[-1] != done[n * KEY_BYTES:(n + 1) * KEY_BYTES]:
                        raise _Restart
                    bar(1)
                    continue
                hit = cache.get(doc) if cache else None
                self.timings["read"] += time.perf_counter() - t
                yield doc if hit is None else hit  # folded in corpus order with the fresh ones
                t = time.perf_counter()
            if keys and signature:
                self.seen_files[path.name] = (signature, keys, self.report.notices[first_notice:],
                                              self.skipped[first_skip:])
        self.timings["read"] += time.perf_counter() - t


def _return_free_memory() -> None:
    """Give the C heap's free pages back to the system (glibc): texts and results of thousands of
    batches pass through the client, and without this its resident size creeps up with them."""
    global _MALLOC_TRIM
    if _MALLOC_TRIM is None:
        try:
            import ctypes

            _MALLOC_TRIM = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _MALLOC_TRIM = False
    if _MALLOC_TRIM:
        _MALLOC_TRIM(0)


_MALLOC_TRIM = None


def _signature(path: Path) -> tuple[int, int, int] | None:
    """What tells a file changed without reading it (size, modification time, inode)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino) if path.is_file() else None


def _progress(stack: ExitStack, show: bool | None, files: CorpusFiles):
    """A progress callback: a bar on a terminal, nothing in pipes and CI."""
    if not (sys.stderr.isatty() if show is None else show):
        return lambda n: None
    from rich.progress import Progress

    bar = stack.enter_context(Progress(transient=True))
    total = None if any(n.lower().endswith(".jsonl") for n in files.names) else len(files)
    task = bar.add_task("building", total=total)
    return lambda n: bar.advance(task, n)


def _write_graphs(corpus: MergedCorpus, out_dir: Path, formats: list[str], report: BuildReport,
                  timings: Counter) -> GraphCounts:
    """graph.ttl and each other format atomically (kg.output's registry), then build.json."""
    t = time.perf_counter()
    written, counts = write_outputs(corpus, out_dir, formats)
    digest = hashlib.sha256()
    for d in corpus.documents():
        digest.update(f"{d.source_file}\0{d.sha256}\n".encode())
    write_build_record(out_dir, written, {
        "documents": report.documents, "skipped": len(report.skipped),
        "counts": {**{k: counts.entities[k] for k in sorted(counts.entities)}, "Meeting": counts.meetings,
                   "Treaty": counts.treaties, "MilitaryBase facts": counts.bases, "triples": counts.triples},
        "corpus_sha256": digest.hexdigest()})
    report.outputs += [str(p) for p in written]
    timings["write"] = time.perf_counter() - t
    return counts
