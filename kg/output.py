"""Every format kg writes, and reads back: a registry by format name; atomic, streamed writes.

Turtle and N-Triples are written block by block from kg.graph's stream, so a graph of any
size is written without being held in memory; JSON-LD and TriG go through rdflib. Each format
has a reader, so `kg query`, `kg stats`, `kg validate` and `kg eval` take any file `kg build`
wrote. A build records what it wrote in build.json; a reader warns about a file of the output
folder that the last build did not write (left over from an earlier one).
"""
from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple

if TYPE_CHECKING:  # rdflib is imported where a graph is made: the CLI reads FORMATS at start-up
    from rdflib import Graph


class Format(NamedTuple):
    """How one format is written into an output folder and read back.

    A new format is one line: `FORMATS["graphml"] = Format("graph.graphml", write_graphml)`;
    `write(ctx, path)` gets the build's WriteContext (ctx.corpus, ctx.blocks(), ctx.graph())."""
    file: str                                        # its file name in the output folder
    write: Callable[["WriteContext", Path], None]    # writes the corpus's graph to the path, atomically
    read: Callable[[Path], Graph] | None = None      # the file as an rdflib Graph (RDF formats)
    oxigraph: str | None = None                       # media type pyoxigraph loads directly (RDF formats)


class GraphReadError(Exception):
    """A graph file that cannot be read: one line naming the file and the problem."""


class OutputError(Exception):
    """The output folder cannot be used: one line naming the folder and the problem."""


def check_output_folder(out: Path) -> None:
    """Make sure the output folder exists and can be written, before any work is done."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: not a directory (the output folder)")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out, prefix=".kg-probe-")
        probe.close()
    except OSError as exc:
        raise OutputError(f"{out}: the output folder cannot be written ({exc.strerror or exc})") from None


@dataclass
class WriteContext:
    """What the writers of one build share: the merged corpus, the counts of the first graph
    written, and the rdflib graph that the in-memory formats build once."""
    corpus: object
    counts: object = None
    _graph: Graph | None = None
    _per_document: dict | None = field(default=None, repr=False)

    def blocks(self):
        from kg.graph import GraphCounts, graph_blocks

        counts = GraphCounts()
        self.counts = self.counts or counts
        return graph_blocks(self.corpus, counts)

    def graph(self) -> Graph:
        from kg.graph import GraphCounts, rdflib_graph

        if self._graph is None:
            counts = GraphCounts()
            self._graph = rdflib_graph(self.corpus, counts)
            self.counts = self.counts or counts
        return self._graph

    def per_document(self) -> dict:
        from kg.trig import per_document_graphs

        if self._per_document is None:
            self._per_document = per_document_graphs(self.graph(), self.corpus)
        return self._per_document


def _write_streamed(fmt: str) -> Callable[[WriteContext, Path], None]:
    return lambda ctx, path: write_streamed(ctx.blocks(), path, fmt)


def _write_rdflib(fmt: str) -> Callable[[WriteContext, Path], None]:
    def write(ctx: WriteContext, path: Path) -> None:
        atomic_write(path, serialize(ctx.graph(), fmt, ctx.per_document() if fmt == "trig" else None))
    return write


def _read_rdflib(name: str) -> Callable[[Path], Graph]:
    def read(path: Path) -> Graph:
        from rdflib import Dataset, Graph

        if name == "trig":  # every named graph, and the default graph, as one graph
            ds = Dataset()
            ds.parse(path, format="trig")
            g = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g = Graph().parse(path, format=name)
        from kg.graph import bind_prefixes

        return bind_prefixes(g)
    return read


#: format name -> how it is written and read; adding a format is one line here
FORMATS: dict[str, Format] = {
    "ttl": Format("graph.ttl", _write_streamed("ttl"), _read_rdflib("turtle"), "text/turtle"),
    "nt": Format("graph.nt", _write_streamed("nt"), _read_rdflib("nt"), "application/n-triples"),
    "jsonld": Format("graph.jsonld", _write_rdflib("jsonld"), _read_rdflib("json-ld"), "application/ld+json"),
    "trig": Format("graph.trig", _write_rdflib("trig"), _read_rdflib("trig"), "application/trig"),
}


def _export(name: str):
    """A writer of kg.exports (Gephi's and spreadsheets' formats: no RDF, not read back)."""
    def write(ctx: WriteContext, path: Path) -> None:
        from kg.exports import EXPORTERS

        EXPORTERS[name](ctx.corpus, path)
    return write


FORMATS.update({
    "graphml": Format("graph.graphml", _export("graphml")),
    "gexf": Format("graph.gexf", _export("gexf")),
    "csv": Format("meetings.csv", _export("csv")),
})
RDFLIB_NAMES = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}
BUILD_RECORD = "build.json"


def format_of(path: Path, given: str | None = None) -> str:
    """The format of a graph file: `given` (--input-format), else its extension."""
    if given:
        if given not in FORMATS or FORMATS[given].read is None:
            raise GraphReadError(f"--input-format {given}: one of {', '.join(FORMATS)}")
        return given
    suffix = Path(path).suffix.lower().lstrip(".")
    aliases = {"turtle": "ttl", "json": "jsonld", "json-ld": "jsonld", "ntriples": "nt"}
    fmt = aliases.get(suffix, suffix)
    if fmt not in FORMATS or FORMATS[fmt].read is None:
        readable = ", ".join(name for name, f in FORMATS.items() if f.read)
        raise GraphReadError(f"{path}: unknown graph format '.{suffix}' (kg reads {readable}; "
                             "or give --input-format)")
    return fmt


def read_graph(path: Path, given: str | None = None) -> Graph:
    """Any graph file kg writes, as an rdflib Graph; a file that cannot be read raises a one-line
    GraphReadError naming it."""
    path = Path(path)
    if not path.is_file():
        raise GraphReadError(f"{path}: no such file")
    fmt = format_of(path, given)
    try:
        return FORMATS[fmt].read(path)
    except Exception as exc:  # each parser fails in its own way: report one line
        said = " ".join(str(exc).split())[:200]
        raise GraphReadError(f"{path}: cannot be read as {fmt} ({exc.__class__.__name__}: {said})") from None


def write_outputs(corpus, out_dir: Path, formats: Iterable[str]) -> tuple[list[Path], object]:
    """graph.ttl always, and each other format asked for; returns the files and the graph's counts."""
    ctx = WriteContext(corpus)
    written = []
    for fmt in dict.fromkeys(["ttl", *formats]):
        target = Path(out_dir) / FORMATS[fmt].file
        FORMATS[fmt].write(ctx, target)
        written.append(target)
    return written, ctx.counts


def write_build_record(out_dir: Path, files: list[Path], facts: dict) -> Path:
    """outputs/build.json: kg's version, the files written (size and time), counts, corpus digest."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        kg_version = version("kg")
    except PackageNotFoundError:
        kg_version = "unknown"
    record = {"kg_version": kg_version,
              "formats": [fmt for fmt, f in FORMATS.items() if any(p.name == f.file for p in files)],
              "files": {p.name: {"bytes": p.stat().st_size, "mtime_ns": p.stat().st_mtime_ns} for p in files},
              **facts}
    target = Path(out_dir) / BUILD_RECORD
    # one line: with indent, json's pure-Python encoder leaves reference cycles behind
    atomic_write(target, json.dumps(record, ensure_ascii=False) + "\n")
    return target


def stale_warning(path: Path) -> str | None:
    """A warning when `path` lies in an output folder whose last build did not write it (or the
    file changed since): such a file answers for an older corpus."""
    path = Path(path)
    record_path = path.parent / BUILD_RECORD
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        files = record["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    mine = files.get(path.name)
    if mine is None:
        if path.name not in {f.file for f in FORMATS.values()}:
            return None
        return (f"{path} is older than the last build, which wrote {', '.join(files)} "
                f"({record_path}): its answers are those of an earlier corpus")
    stat = path.stat()
    if (stat.st_size, stat.st_mtime_ns) != (mine.get("bytes"), mine.get("mtime_ns")):
        return f"{path} has changed since the last build recorded in {record_path}"
    return None


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
    """The graph in one of rdflib's formats; trig puts each document's facts in a named graph and
    what no document holds (the gazetteer's entities named by a fact) in the default graph, so
    that the union of its graphs is the whole graph."""
    from rdflib import Dataset, URIRef

    if fmt == "trig":
        ds = Dataset()
        for prefix, ns in graph.namespaces():
            ds.bind(prefix, ns)
        placed = set()
        for doc_iri, sub in sorted((per_document or {}).items()):
            named = ds.graph(URIRef(doc_iri))
            for t in sub:
                named.add(t)
                placed.add(t)
        for t in graph:
            if t not in placed:
                ds.add(t)
        return ds.serialize(format="trig").encode("utf-8")
    data = graph.serialize(format=RDFLIB_NAMES[fmt])
    return data.encode("utf-8") if isinstance(data, str) else data
