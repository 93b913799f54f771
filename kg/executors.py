"""Where per-document extraction runs: in this process, in a pool of `--jobs` processes, or on a
Dask cluster. Every executor yields the results in corpus order, so the output does not depend
on which one ran or how fast its workers were."""
from __future__ import annotations

import itertools
import os
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from functools import partial
from operator import attrgetter
from typing import Iterable, Iterator

from kg.extract import process_document
from kg.knowledge import KnowledgeBase, load_knowledge
from kg.model import Document, DocResult
from kg.ner_choice import choose_ner
from kg.runtime import collect_young_objects_only
from kg.text import split_sentences

_TOKENS = attrgetter("tokens")

#: Documents tagged by Stanza in one call: batching keeps the model busy.
NER_BATCH_DOCS = 32

#: Corpus bytes from which a rules-only build extracts in a pool by default (`jobs=0`): below it
#: the pool's start-up costs about what it saves (benchmarks/bench.py --jobs-sizes measures it).
AUTO_PARALLEL_BYTES = 1_000_000

#: Most processes `jobs=0` starts: the merge in the main process keeps up with about this many.
AUTO_MAX_JOBS = 8

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
    collect_young_objects_only()


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
    # module functions bound with partial, not closures: compiled, a closure kept in this
    # generator's scope would make a reference cycle of it (tests/test_pipeline.py)
    yield from _in_order(batches, partial(_dask_submit, client, ner_mode), window, _dask_result, _dask_release)


def _dask_submit(client, ner_mode: str, batch: list[Document]):
    # the documents travel as scattered data, not inside the task spec: the scheduler keeps
    # specs of finished tasks about, and with the texts in them its memory grew with the corpus
    [data] = client.scatter([batch], hash=False)
    return data, client.submit(dask_extract_batch, data, ner_mode, pure=False)


def _dask_result(pair):
    return pair[1].result()


def _dask_release(pair):
    for future in pair:
        future.release()


def _future_result(future):
    return future.result()


def _keep(_result) -> None:
    """Nothing to release: a finished future of a process pool holds no remote data."""


def _pool_outputs(batches: Iterator[list[Document]], ner_mode: str, jobs: int, stack: ExitStack):
    pool = stack.enter_context(ProcessPoolExecutor(max_workers=jobs, initializer=_init_pool_worker,
                                                   initargs=(ner_mode,)))
    yield from _in_order(batches, partial(pool.submit, _extract_batch), 2 * jobs, _future_result, _keep)


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
    """Extract a batch of documents; returns results, seconds spent in the NER backend (`ner`, a
    `kg.ner.backend.NerBackend`, or None for rules only), tokens.

    `build` has already read each document's dateline into `published`.
    """
    if ner is None:
        return _extract_one_by_one(docs, kb)
    prepared = [(doc, split_sentences(doc.text)) for doc in docs]
    spans_per_doc: list = [None] * len(prepared)
    ner_seconds = 0.0
    if ner is not None:
        flat = [[t.text for t in s.tokens] for _, sents in prepared for s in sents if s.tokens]
        start = time.perf_counter()
        tagged = iter(ner.tag(flat))
        ner_seconds = time.perf_counter() - start
        spans_per_doc = [[next(tagged) if s.tokens else [] for s in sents] for _, sents in prepared]
    results = [process_document(doc, kb, spans, sents)
               for (doc, sents), spans in zip(prepared, spans_per_doc)]
    tokens = sum(len(s.tokens) for _, sents in prepared for s in sents)
    return results, ner_seconds, tokens


def _extract_one_by_one(docs: list[Document], kb: KnowledgeBase) -> tuple[list[DocResult], float, int]:
    """Rules only: each document split and extracted in turn, so that its tokens and sentences are
    read while still in the processor's cache and freed before the next is made (a batch split at
    once for the NER model would hold them all)."""
    results, tokens = [], 0
    for doc in docs:
        sentences = split_sentences(doc.text)
        tokens += sum(map(len, map(_TOKENS, sentences)))  # in C, not a generator step per sentence
        results.append(process_document(doc, kb, None, sentences))
    return results, 0.0, tokens


def available_cores() -> int:
    """Cores this process may run on (a container's or taskset's share, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def auto_jobs(files: Iterable, ner_mode: str) -> int:
    """Processes for `jobs=0`: one per core, at most AUTO_MAX_JOBS, for a rules-only build of a
    corpus of at least AUTO_PARALLEL_BYTES; else one. Stanza runs in one process, where torch
    already uses the cores and the model is loaded once."""
    cores = min(available_cores(), AUTO_MAX_JOBS)
    if ner_mode != "rules" or cores < 2:
        return 1
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            continue  # read (and reported) as a bad file later
        if total >= AUTO_PARALLEL_BYTES:
            return cores
    return 1


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
    return _in_order(batches, partial(extract_batch, kb=kb, ner=ner), 1, _same, _keep)


def _same(result):
    return result


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch
