"""`kg build` as a library call: read -> per-document extraction -> merge -> graph -> write.

Per-document work is a pure function of the document, the knowledge base and the NER model,
so it runs in parallel processes (`jobs`, kg.executors) and is cached by the document's sha256
and the versions of everything it depends on (`cache_dir`, kg.build_cache). This module only
orchestrates: which NER (kg.ner_choice), collector and heap tuning (kg.runtime), the writers
(kg.output's registry).
"""
from __future__ import annotations

import hashlib
import tempfile
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from kg.build_cache import MergeSnapshot, ResultCache, file_signature
from kg.dates import find_published
from kg.documents import CorpusFiles, Skipped, corpus_files, iter_corpus
from kg.executors import NER_BATCH_DOCS, auto_jobs, extract_batch, extract_stream  # noqa: F401  (public names)
from kg.graph import GraphCounts
from kg.knowledge import KnowledgeBase, load_knowledge
from kg.merge import KEY_BYTES, CorpusMerger, MergedCorpus, document_key
from kg.model import Document, DocResult
from kg.ner_choice import choose_ner, ner_available, model_version
from kg.output import write_build_record, write_outputs
from kg.runtime import progress, return_free_memory, young_objects_collected
from kg.trig import per_document_graphs  # noqa: F401  (public name)
from kg.visualize import write_html


@dataclass
class BuildReport:
    """What a build read, made and wrote, and how long each part took (kg build prints it)."""
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
    jobs: int = 1               # extraction processes (on this machine; a Dask cluster's are its own)
    outputs: list[str] = field(default_factory=list)


class NoDocuments(Exception):
    """No document of the corpus could be read."""


class _Restart(Exception):
    """The saved merge state is not a prefix of this corpus: fold everything anew."""


def build(corpus_dir: Path, out_dir: Path, formats: list[str] | None = None, ner: str = "auto",
          html: bool = True, kb: KnowledgeBase | None = None, show_progress: bool | None = None,
          jobs: int = 0, cache_dir: Path | None = None, executor: str = "local",
          scheduler: str | None = None) -> BuildReport:
    """Read, extract, merge and write a corpus; see the README for what each option does.

    `jobs`: extraction processes; 0 lets kg choose (kg.executors.auto_jobs: one per core for a
    large rules-only corpus). The output is the same bytes whichever runs."""
    options = BuildOptions(Path(corpus_dir), Path(out_dir), formats or ["ttl"], ner, html, show_progress, jobs,
                           Path(cache_dir) if cache_dir else None, executor, scheduler)
    kb = kb or load_knowledge()
    with young_objects_collected():
        try:
            return _Build(options, kb).run(resume=True)
        except _Restart:
            return _Build(options, kb).run(resume=False)


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
        if not o.jobs:
            o.jobs = 1 if o.executor == "dask" else auto_jobs(files, ner_available(o.ner, []))
        report.jobs = o.jobs
        if o.jobs > 1 or o.executor == "dask":  # workers load their own model; here only decide which
            ner_mode, pipeline = ner_available(o.ner, report.notices), None
        else:
            pipeline = choose_ner(o.ner, report.notices)
            ner_mode = pipeline.name if pipeline is not None else "rules"
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
            bar = progress(stack, o.show_progress, files)
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
                    return_free_memory()
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
            signature = file_signature(path) if cache else None
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


def _write_graphs(corpus: MergedCorpus, out_dir: Path, formats: list[str], report: BuildReport,
                  timings: Counter) -> GraphCounts:
    """graph.ttl and each other format atomically (kg.output's registry), then build.json."""
    t = time.perf_counter()
    written, counts = write_outputs(corpus, out_dir, formats)
    digest = hashlib.sha256()
    for d in corpus.documents():
        digest.update(f"{d.source_file}\x00{d.sha256}\n".encode())
    write_build_record(out_dir, written, {
        "documents": report.documents, "skipped": len(report.skipped),
        "counts": {**{k: counts.entities[k] for k in sorted(counts.entities)}, "Meeting": counts.meetings,
                   "Treaty": counts.treaties, "MilitaryBase facts": counts.bases, "triples": counts.triples},
        "corpus_sha256": digest.hexdigest()})
    report.outputs += [str(p) for p in written]
    timings["write"] = time.perf_counter() - t
    return counts
