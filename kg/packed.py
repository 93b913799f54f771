"""Many short strings in two flat buffers: a few bytes each instead of an object each.

Large corpora hold a name or an id per document to the end of a build; as Python strings they
would cost ~80 bytes apiece and pin memory all over the heap.
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Iterable, Iterator


class PackedStrings:
    """A list of strings, appended to and read by position, stored as UTF-8 with offsets."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self.data = bytearray()
        self.offsets = array("q", [0])
        for item in items:
            self.append(item)

    def append(self, item: str) -> None:
        self.data += item.encode("utf-8")
        self.offsets.append(len(self.data))

    def __getitem__(self, i: int) -> str:
        return self.data[self.offsets[i]:self.offsets[i + 1]].decode("utf-8")

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def terms(self, positions: Iterable[int], prefix: str, suffix: str) -> list[str]:
        """prefix + item + suffix for many positions at once (IRIs of a long mentionedIn list)."""
        data, offsets = self.data, self.offsets
        return [f"{prefix}{data[offsets[i]:offsets[i + 1]].decode()}{suffix}" for i in positions]


class Selection(Sequence):
    """The items of a PackedStrings at some positions, decoded only when read: the sources of a
    meeting reported in thousands of articles cost 4 bytes each until they are written."""

    def __init__(self, packed: PackedStrings, positions: array) -> None:
        self.packed = packed
        self.positions = positions

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self.packed[p] for p in self.positions[i]]
        return self.packed[self.positions[i]]

    def __iter__(self) -> Iterator[str]:
        return (self.packed[p] for p in self.positions)


class Ordinals:
    """An increasing list of document ordinals as varint gaps in a bytearray: about one byte per
    document mentioning an entity instead of four (an array) or thirty-six (a list of ints) — the
    largest thing a merge keeps per document of a large archive."""

    __slots__ = ("data", "last", "count")

    def __init__(self, items: Iterable[int] = ()) -> None:
        self.data = bytearray()
        self.last = -1
        self.count = 0
        for item in items:
            self.append(item)

    def append(self, ordinal: int) -> None:
        """Add an ordinal greater than the last one (documents are folded in corpus order)."""
        gap = ordinal - self.last
        if gap <= 0:
            raise ValueError(f"ordinal {ordinal} after {self.last}: not increasing")
        self.last = ordinal
        self.count += 1
        if gap < 0x80:
            self.data.append(gap)
            return
        data = self.data
        while gap >= 0x80:
            data.append(gap & 0x7F | 0x80)
            gap >>= 7
        data.append(gap)

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[int]:
        value, gap, shift = -1, 0, 0
        for byte in self.data:
            if byte < 0x80:
                value += gap | byte << shift
                yield value
                gap = shift = 0
            else:
                gap |= (byte & 0x7F) << shift
                shift += 7


class Said:
    """Which document gave which evidence sentence of one fact: each sentence kept once, the
    pairs as integers (a fact of a large archive has thousands of reports)."""
    __slots__ = ("lines", "pairs")

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}     # sentence -> its number, in the order first read
        self.pairs = array("i")              # ordinal, sentence number, ordinal, sentence number, …

    def add(self, ordinal: int, evidence: str) -> None:
        from kg.model import evidence_lines  # kg.model imports kg.text; packed stays import-light

        for line in evidence_lines(evidence):
            self.pairs.extend((ordinal, self.lines.setdefault(line, len(self.lines))))

    def __getstate__(self):
        return self.lines, self.pairs

    def __setstate__(self, state) -> None:
        self.lines, self.pairs = state


class Sources:
    """A fact's (document id, its sentences) pairs in corpus order, made when the graph is written."""

    def __init__(self, doc_ids: PackedStrings, said: Said) -> None:
        self.doc_ids, self.said = doc_ids, said

    def __iter__(self) -> Iterator[tuple[str, list[str]]]:
        text = list(self.said.lines)
        by_doc: dict[int, dict[str, None]] = {}
        pairs = self.said.pairs
        for k in range(0, len(pairs), 2):
            by_doc.setdefault(pairs[k], {})[text[pairs[k + 1]]] = None
        return ((self.doc_ids[o], list(lines)) for o, lines in sorted(by_doc.items()))
