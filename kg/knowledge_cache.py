"""A compiled copy of the knowledge base on disk, so that a new process loads the full world
lists (thousands of states, cities, organizations and office holders) in a fraction of a second
instead of parsing and indexing the YAML again.

The cache file is keyed by the sha256 of every knowledge file, of kg's knowledge and text code
and of the Python version: any edit makes a new key, and a stale or unreadable file is rebuilt.
It lives in $KG_CACHE_DIR, else the platform's user cache folder; where neither can be written the
knowledge base is simply built each time."""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_cache_dir

#: compiled knowledge bases kept in the cache folder (several checkouts may share it)
KEEP = 4
_CODE = [Path(__file__).with_name(n) for n in ("knowledge.py", "knowledge_build.py", "knowledge_cache.py",
                                               "lexicon_schema.py", "vocab.py", "text.py", "phrase_index.py")]


def cache_dir() -> Path:
    return Path(os.environ.get("KG_CACHE_DIR") or user_cache_dir("kg"))


def source_texts(directory: Path) -> dict[str, str]:
    """The text of each knowledge file present in `directory` (lexicon.yaml is required)."""
    from kg.knowledge import KNOWLEDGE_FILES

    return {name: (directory / name).read_text(encoding="utf-8")
            for name in KNOWLEDGE_FILES if name == "lexicon.yaml" or (directory / name).exists()}


def cache_key(texts: dict[str, str]) -> str:
    h = hashlib.sha256(sys.version.encode())
    for path in _CODE:
        h.update(path.read_bytes())
    for name in sorted(texts):
        h.update(name.encode() + b"\0" + texts[name].encode() + b"\0")
    return h.hexdigest()[:24]


def cached(directory: Path, build: Callable[[Path, dict[str, str]], object]):
    """build(directory, texts), or the pickled result of the same call from an earlier process."""
    texts = source_texts(directory)
    path = cache_dir() / f"knowledge-{cache_key(texts)}.pickle"
    try:
        with path.open("rb") as f:
            return _load_without_collector(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass
    kb = build(directory, texts)
    _write(path, kb)
    return kb


def _load_without_collector(f) -> object:
    """pickle.load with the cyclic garbage collector off: unpickling makes a hundred thousand
    containers and none is garbage, yet they set off collection after collection (0.08 s
    instead of 0.02 s for the full lists)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(f)
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, kb: object) -> None:
    """Atomically (a temporary file renamed), and silently given up where the folder is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".knowledge-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(kb, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _prune(path.parent, KEEP)
    except OSError:
        return


def _prune(folder: Path, keep: int) -> None:
    """Drop all but the `keep` most recent compiled knowledge bases (each edit makes a new one)."""
    files = sorted(folder.glob("knowledge-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)
