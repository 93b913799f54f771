"""An append-only file of pickled records: what a build spills to disk instead of holding."""
from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator


@dataclass
class Spill:
    """An append-only file of pickled records; its length is part of the merger's state."""
    path: Path
    size: int = 0      # bytes of the file that belong to the state
    count: int = 0     # records
    chunks: int = 0    # pickles (one per document that had records)

    def append(self, records: list) -> None:
        """One pickle per call (a document's records), so reading back costs a load per document."""
        if not records:
            return
        with open(self.path, "ab") as f:
            f.truncate(self.size)  # a crashed build may have appended past the saved state
            f.seek(self.size)
            pickle.dump(records, f, protocol=pickle.HIGHEST_PROTOCOL)
            self.size = f.tell()
        self.count += len(records)
        self.chunks += 1

    def __iter__(self) -> Iterator:
        if not self.count:
            return
        with open(self.path, "rb", buffering=1 << 16) as f:
            for _ in range(self.chunks):
                yield from pickle.load(f)
