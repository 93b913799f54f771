"""Process-level tuning of a build: the cyclic garbage collector, the C heap, the progress bar.

None of it changes what a build writes; each measurably changes how long it takes or how much
memory it holds (README "Performance").
"""
from __future__ import annotations

import gc
import sys
from contextlib import ExitStack, contextmanager
from typing import Callable, Iterator

from kg.documents import CorpusFiles

#: Allocations between two runs of the cyclic garbage collector while kg works (Python's default: 700).
YOUNG_OBJECTS = 100_000


def collect_young_objects_only() -> None:
    """Extraction makes millions of short-lived objects and no reference cycles (a test checks
    it), so the cyclic collector finds nothing. Run every 700 allocations, as by default, it
    re-scans the knowledge base and the merge state and took a tenth of a build. Objects alive
    now are frozen (never scanned again) and the collector runs less often."""
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


@contextmanager
def young_objects_collected() -> Iterator[None]:
    """collect_young_objects_only() for the length of a build, then the collector as it was
    (objects a caller froze before stay frozen: there is no unfreezing only the build's own)."""
    threshold = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    collect_young_objects_only()
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if not frozen_before:
            gc.unfreeze()


_MALLOC_TRIM = None


def return_free_memory() -> None:
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


def progress(stack: ExitStack, show: bool | None, files: CorpusFiles) -> Callable[[int], None]:
    """A progress callback: a bar on a terminal, nothing in pipes and CI."""
    if not (sys.stderr.isatty() if show is None else show):
        return lambda n: None
    from rich.progress import Progress

    bar = stack.enter_context(Progress(transient=True))
    total = None if any(n.lower().endswith(".jsonl") for n in files.names) else len(files)
    task = bar.add_task("building", total=total)
    return lambda n: bar.advance(task, n)
