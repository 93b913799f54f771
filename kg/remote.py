"""The graph in a real SPARQL server: Graph Store Protocol push, SPARQL protocol queries, `kg serve`.

Works with any SPARQL 1.1 server. Oxigraph (`oxigraph serve`, PyPI package `oxigraph`):
store http://HOST:7878/store, query http://HOST:7878/query. Apache Jena Fuseki: store
http://HOST:3030/DATASET/data, query http://HOST:3030/DATASET/query.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import BinaryIO

from kg.query import QueryError, Result, check_read_only


class RemoteError(Exception):
    """The server refused or could not be reached."""


def _request(url: str, data: bytes | BinaryIO | None, method: str, headers: dict[str, str], timeout: float = 300) -> bytes:
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.read()
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace")[:300]
        raise RemoteError(f"{method} {url}: HTTP {exc.code} {body}".strip()) from None
    except (urllib.error.URLError, OSError) as exc:
        raise RemoteError(f"{method} {url}: {getattr(exc, 'reason', exc)}") from None


def push(graph_path: Path, store_url: str, graph_iri: str | None = None, replace: bool = True) -> int:
    """Load a Turtle file into a Graph Store Protocol endpoint; returns the bytes sent.

    replace: PUT (the named or default graph becomes this file); else POST (merge into it).
    """
    size = Path(graph_path).stat().st_size
    target = store_url + ("&" if "?" in store_url else "?") + (
        "graph=" + urllib.parse.quote(graph_iri, safe="") if graph_iri else "default")
    with open(graph_path, "rb") as body:  # streamed from the file: a large graph is never held in memory
        _request(target, body, "PUT" if replace else "POST",
                 {"Content-Type": "text/turtle; charset=utf-8", "Content-Length": str(size)})
    return size


def query(endpoint: str, sparql: str) -> Result:
    """A read-only query through the SPARQL 1.1 protocol, as a Result like the local engines'."""
    check_read_only(sparql)
    body = _request(endpoint, sparql.encode("utf-8"), "POST",
                    {"Content-Type": "application/sparql-query; charset=utf-8",
                     "Accept": "application/sparql-results+json"})
    try:
        res = json.loads(body)
    except ValueError:
        raise QueryError(f"{endpoint}: the answer is not SPARQL JSON results") from None
    if "boolean" in res:
        return Result(["ask"], [[str(res["boolean"]).lower()]])
    cols = res["head"]["vars"]
    return Result(cols, [[b.get(c, {}).get("value", "") for c in cols] for b in res["results"]["bindings"]])


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph")
    if not found:
        candidate = Path(__import__("sys").executable).parent / "oxigraph"
        found = str(candidate) if candidate.exists() else None
    if not found:
        raise RemoteError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def start_server(location: Path, bind: str = "127.0.0.1:7878", read_only: bool = False,
                 wait: float = 30.0) -> subprocess.Popen:
    """Start `oxigraph serve` on a store folder and wait until it answers."""
    cmd = [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--location", str(location),
           "--bind", bind]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + wait
    url = f"http://{bind}/query"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RemoteError(f"oxigraph exited: {proc.stderr.read().decode('utf-8', 'replace')[:300]}")
        try:
            query(url, "ASK { }")
            return proc
        except (RemoteError, QueryError):
            time.sleep(0.2)
    proc.terminate()
    raise RemoteError(f"oxigraph did not answer on {bind} within {wait:.0f} s")


def load_store(graph_path: Path, location: Path) -> None:
    """Bulk-load a Turtle file into an Oxigraph store folder (what `kg serve` serves)."""
    proc = subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", str(graph_path)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RemoteError(f"oxigraph load failed: {proc.stderr[-300:]}")
