"""Writing outputs atomically: a temporary file beside the target, then a rename."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

FORMATS = {"ttl": ("turtle", "graph.ttl"), "nt": ("nt", "graph.nt"),
           "jsonld": ("json-ld", "graph.jsonld"), "trig": ("trig", "graph.trig")}


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write all of `data` or nothing: a crash leaves the previous file intact."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def serialize(graph: Graph, fmt: str, per_document: dict[str, Graph] | None = None) -> bytes:
    """The graph in one of FORMATS; trig puts each document's facts in a named graph."""
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
    if fmt == "nt":
        data = "\n".join(sorted(line for line in data.splitlines() if line.strip())) + "\n"
    return data.encode("utf-8") if isinstance(data, str) else data
