"""What an incremental build keeps between runs, in its cache folder: each document's result
(`ResultCache`) and the merger's state after the last build (`MergeSnapshot`), with its lock."""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kg.knowledge import KnowledgeBase
from kg.merge import MergeState
from kg.model import Document, DocResult
from kg.output import atomic_write


def code_version() -> str:
    """A hash of kg's own source: a cached result is stale once the code changes."""
    h = hashlib.sha256()
    for p in sorted(Path(__file__).parent.rglob("*.py")):  # kg/ner/ too
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


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


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """What tells a file changed without reading it (size, modification time, inode)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino) if path.is_file() else None
