"""An append-only file of pickled records: what a build spills to disk instead of holding."""
from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator


@dataclass
class Spill:
    """An append-only file of pickled records; its length is part of the merger's state.

    Appends go through one open file (opening, truncating and closing it per document was a
    third of the merge's time); it is closed, so everything appended is on disk, before the
    records are read back and before the state is pickled."""
    path: Path
    size: int = 0      # bytes of the file that belong to the state
    count: int = 0     # records
    chunks: int = 0    # pickles (one per document that had records)

    def append(self, records: list) -> None:
        """One pickle per call (a document's records), so reading back costs a load per document."""
        if not records:
            return
        f = self.__dict__.get("_writer")
        if f is None:
            f = self._writer = open(self.path, "ab")
            f.truncate(self.size)  # a crashed build may have appended past the saved state
            f.seek(self.size)
        pickle.dump(records, f, protocol=pickle.HIGHEST_PROTOCOL)
        self.size = f.tell()
        self.count += len(records)
        self.chunks += 1

    def close(self) -> None:
        """Write out what was appended and let the file go (the next append opens it again)."""
        f = self.__dict__.pop("_writer", None)
        if f is not None:
            f.close()

    def __getstate__(self) -> dict:
        self.close()
        return dict(self.__dict__)

    def __iter__(self) -> Iterator:
        self.close()
        if not self.count:
            return
        with open(self.path, "rb", buffering=1 << 16) as f:
            for _ in range(self.chunks):
                yield from pickle.load(f)
