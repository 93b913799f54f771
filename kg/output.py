"""Writing outputs atomically (a temporary file beside the target, then a rename), streamed.

Turtle and N-Triples are written block by block from kg.graph's stream, so a graph of any
size is written without being held in memory; JSON-LD and TriG go through rdflib.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator

from rdflib import Dataset, Graph, URIRef

FORMATS = {"ttl": ("turtle", "graph.ttl"), "nt": ("nt", "graph.nt"),
           "jsonld": ("json-ld", "graph.jsonld"), "trig": ("trig", "graph.trig")}
STREAMED = {"ttl", "nt"}


@contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that replaces `path` only when the block ends without error."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write all of `data` or nothing: a crash leaves the previous file intact."""
    with atomic_file(path) as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def ntriples_lines(blocks: Iterable) -> Iterator[str]:
    """N-Triples, a predicate's objects at a time (a block of a frequent actor runs to megabytes)."""
    for s, po in blocks:
        for p, o in po:
            yield f"{s} {p} {o} .\n" if isinstance(o, str) else "".join(f"{s} {p} {x} .\n" for x in o)


#: Text passed on at a time: a block of a frequent actor in a large archive runs to megabytes.
CHUNK_CHARS = 1 << 16


def turtle_chunks(blocks: Iterable) -> Iterator[str]:
    """Turtle: prefixes, then one paragraph per subject, objects of a predicate joined by commas."""
    from kg.graph import PREFIXES

    for prefix, ns in PREFIXES:
        yield f"@prefix {prefix}: <{ns}> .\n"
    short = _Shortener(PREFIXES)
    obj, pred = short.object, short.predicate
    for s, po in blocks:
        parts = [f"\n{s}"]
        size = 0
        last = None
        for p, o in po:
            text = obj(o) if isinstance(o, str) else ", ".join(o)
            if p == last:
                parts.append(f", {text}")
            else:
                parts.append(f"{' ;' if last else ''}\n    {pred(p)} {text}")
                last = p
            size += len(text)
            if size >= CHUNK_CHARS:  # a frequent actor's block is long: pass it on in pieces
                yield "".join(parts)
                parts.clear()
                size = 0
        parts.append(" .\n")
        yield "".join(parts)


class _Shortener:
    """Prefixed names for predicates, classes and datatypes whose local part needs no escaping."""

    def __init__(self, prefixes) -> None:
        self.prefixes = [(p, f"<{ns}") for p, ns in prefixes]
        self.cache: dict[str, str] = {"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>": "a"}

    def _name(self, term: str) -> str:
        found = self.cache.get(term)
        if found is None:
            found = term
            for prefix, start in self.prefixes:
                local = term[len(start):-1]
                if term.startswith(start) and local.isalnum() and local.isascii() and local[0].isalpha():
                    found = f"{prefix}:{local}"
                    break
            self.cache[term] = found
        return found

    def predicate(self, term: str) -> str:
        return self._name(term)

    def object(self, term: str) -> str:
        if term[0] == "<":
            return term if "/resource/" in term else self._name(term)
        if term[-1] == ">":  # a typed literal: shorten its datatype
            value, _, datatype = term.rpartition("^^")
            return f"{value}^^{self._name(datatype)}"
        return term


def write_streamed(blocks: Iterable, path: Path, fmt: str) -> None:
    """Turtle or N-Triples of a stream of subject blocks, written atomically."""
    chunks = turtle_chunks(blocks) if fmt == "ttl" else ntriples_lines(blocks)
    with atomic_file(path) as f:
        for chunk in chunks:
            f.write(chunk.encode("utf-8"))


def serialize(graph: Graph, fmt: str, per_document: dict[str, Graph] | None = None) -> bytes:
    """The graph in one of rdflib's FORMATS; trig puts each document's facts in a named graph."""
    name = FORMATS[fmt][0]
    if fmt == "trig":
        ds = Dataset()
        for prefix, ns in graph.namespaces():
            ds.bind(prefix, ns)
        for doc_iri, sub in sorted((per_document or {}).items()):
            named = ds.graph(URIRef(doc_iri))
            for t in sub:
                named.add(t)
        if not per_document:
            for t in graph:
                ds.add(t)
        return ds.serialize(format="trig").encode("utf-8")
    data = graph.serialize(format=name)
    return data.encode("utf-8") if isinstance(data, str) else data
