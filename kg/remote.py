"""The graph in a real SPARQL server: Graph Store Protocol push, SPARQL protocol queries, `kg serve`.

Works with any SPARQL 1.1 server. Oxigraph (`oxigraph serve`, PyPI package `oxigraph`):
store http://HOST:7878/store, query http://HOST:7878/query. Apache Jena Fuseki: store
http://HOST:3030/DATASET/data, query http://HOST:3030/DATASET/query.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import BinaryIO, Callable

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


def push(graph_path: Path, store_url: str, graph_iri: str | None = None, replace: bool = True,
         input_format: str | None = None) -> int:
    """Load a graph file (any format kg writes) into a Graph Store Protocol endpoint; returns the
    bytes sent. replace: PUT (the named or default graph becomes this file); else POST (merge into it).
    A TriG file is a dataset: it goes to the store itself, its named graphs with it.
    """
    from kg.output import FORMATS, format_of

    fmt = format_of(graph_path, input_format)
    size = Path(graph_path).stat().st_size
    if fmt == "trig" and not graph_iri:
        target = store_url
    else:
        target = store_url + ("&" if "?" in store_url else "?") + (
            "graph=" + urllib.parse.quote(graph_iri, safe="") if graph_iri else "default")
    with open(graph_path, "rb") as body:  # streamed from the file: a large graph is never held in memory
        _request(target, body, "PUT" if replace else "POST",
                 {"Content-Type": f"{FORMATS[fmt].oxigraph}; charset=utf-8", "Content-Length": str(size)})
    return size


class Endpoint:
    """A SPARQL endpoint as a source of read-only answers (what kg.query.answer takes)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def select(self, sparql: str) -> Result:
        return query(self.url, sparql)


def query(endpoint: str, sparql: str) -> Result:
    """A read-only query through the SPARQL 1.1 protocol, as a Result like the local engines'."""
    if check_read_only(sparql) == "SelectQuery":
        # SPARQL CSV results: a third of JSON's bytes, and Oxigraph writes them several times
        # faster (timeline at 1 M triples: 0.8 s against 2.0 s); the values are what Result holds
        body = _request(endpoint, sparql.encode("utf-8"), "POST",
                        {"Content-Type": "application/sparql-query; charset=utf-8", "Accept": "text/csv"})
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
        if not rows:
            raise QueryError(f"{endpoint}: the answer is not SPARQL CSV results")
        return Result(rows[0], rows[1:])
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


def load_store(graph_path: Path, location: Path, input_format: str | None = None) -> None:
    """Bulk-load a graph file into an Oxigraph store folder (what `kg serve` serves)."""
    from kg.output import FORMATS, format_of

    fmt = format_of(graph_path, input_format)
    with tempfile.TemporaryDirectory(prefix="kg-load-") as tmp:
        if fmt == "trig":  # one graph: a triple held by several documents' named graphs counts once
            from kg.output import read_graph

            flat = Path(tmp) / "graph.nt"
            read_graph(graph_path, fmt).serialize(flat, format="nt", encoding="utf-8")
            graph_path, fmt = flat, "nt"
        proc = subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", str(graph_path),
                               "--format", FORMATS[fmt].oxigraph], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RemoteError(f"{graph_path}: oxigraph could not load it ({_first_line(proc.stderr)})")
    # compact the freshly loaded store: a few seconds at a million triples, and reads that follow
    # touch fewer files (an older oxigraph without the command serves the store as loaded)
    subprocess.run([oxigraph_binary(), "optimize", "--location", str(location)], capture_output=True)


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0][:200] if lines else "no message"


class _Stop(Exception):
    """SIGTERM or SIGINT reached `kg serve`."""


def port_free(bind: str) -> None:
    """Raise a one-line RemoteError when host:port cannot be bound (taken, or not this machine's)."""
    host, _, port = bind.rpartition(":")
    try:
        with socket.socket(socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET) as s:
            s.bind((host.strip("[]") or "127.0.0.1", int(port)))
    except ValueError:
        raise RemoteError(f"--bind {bind}: expected HOST:PORT") from None
    except OSError as exc:
        raise RemoteError(f"{bind}: cannot listen there ({exc.strerror or exc})") from None


def _die_with_parent() -> None:
    """In the child: receive SIGTERM when kg dies, even by SIGKILL (Linux prctl PR_SET_PDEATHSIG)."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)


def serve(graph_path: Path, bind: str = "127.0.0.1:7878", location: Path | None = None,
          input_format: str | None = None, ready: Callable[[str], None] = print, wait: float = 60.0) -> None:
    """Load a graph into an Oxigraph store and serve it read-only until SIGINT or SIGTERM.

    kg owns the server: a signal stops it (and kg dying stops it too), and a temporary store
    (no `location` given) is removed however serving ends."""
    port_free(bind)
    store = Path(location) if location else Path(tempfile.mkdtemp(prefix="kg-store-"))
    child = None
    restore = _on_signals(_raise_stop) if threading.current_thread() is threading.main_thread() else {}
    try:
        with tempfile.TemporaryFile() as log:
            load_store(graph_path, store, input_format)
            # everything is in the default graph (a .trig is loaded flattened): no union to compute
            child = subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", bind],
                                     stdout=subprocess.DEVNULL, stderr=log,
                                     preexec_fn=_die_with_parent)
            _wait_until_up(child, bind, log, wait)
            ready(f"http://{bind}")
            code = child.wait()
            if code:
                raise RemoteError(f"oxigraph stopped (exit {code}): {_log(log)}")
    except _Stop:
        pass
    finally:
        _stop(child)
        for sig, handler in restore.items():
            signal.signal(sig, handler)
        if location is None:
            shutil.rmtree(store, ignore_errors=True)


def _raise_stop(signum, frame) -> None:
    raise _Stop(signum)


def _on_signals(handler) -> dict:
    return {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}


def _log(log) -> str:
    log.seek(0)
    return _first_line(log.read().decode("utf-8", "replace"))


def _wait_until_up(child: subprocess.Popen, bind: str, log, wait: float) -> None:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise RemoteError(f"oxigraph could not serve on {bind}: {_log(log)}")
        try:
            query(f"http://{bind}/query", "ASK { }")
            return
        except (RemoteError, QueryError):
            time.sleep(0.1)
    raise RemoteError(f"oxigraph did not answer on {bind} within {wait:.0f} s")


def _stop(child: subprocess.Popen | None) -> None:
    if child is None or child.poll() is not None:
        return
    child.terminate()
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
