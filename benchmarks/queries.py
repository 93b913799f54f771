"""Every bundled query on a large graph: pyoxigraph in process, `oxigraph serve`, and rdflib.

    nice python benchmarks/queries.py --articles 12000       # about 1 M triples

The corpus is recombined from the corpus's own sentences (benchmarks/bench.py make_corpus) and
built with the rules; each query runs with its name parameters resolved as `kg query` resolves
them (a=بوتين, b=الأسد, name=لافروف). In process and in the server each query runs --repeat
times and the fastest run is reported with the slowest beside it (the machine drifts); rdflib,
the slow engine, runs each query once. Writes benchmarks/results/queries.json and queries.md.
"""
from __future__ import annotations

import argparse
import json
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import RESULTS, make_corpus  # noqa: E402

PARAMS = {"a": "بوتين", "b": "الأسد", "name": "لافروف"}


def timed(select, repeat: int, limit: float | None = None) -> dict:
    """Seconds of every bundled query through `select` (fastest and slowest of `repeat`), and rows;
    with a `limit`, each run goes in a forked process that is stopped after `limit` seconds."""
    from kg.query import answer, bundled

    def one(name: str) -> tuple[float, int]:
        t = time.perf_counter()
        rows = len(answer(select, name, PARAMS).rows)
        return time.perf_counter() - t, rows

    out = {}
    for name in bundled():
        runs = [one(name) if limit is None else _limited(one, name, limit) for _ in range(repeat)]
        if any(r is None for r in runs):
            out[name] = {"seconds": None, "slowest": None, "rows": None, "stopped_after": limit}
        else:
            out[name] = {"seconds": round(min(r[0] for r in runs), 3), "slowest": round(max(r[0] for r in runs), 3),
                         "rows": runs[-1][1]}
        print(f"  {name}: {out[name]}", flush=True)
    return out


def _limited(fn, arg, limit: float):
    """fn(arg) in a forked child (it shares the loaded graph), or None when it takes over `limit` s."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=lambda: queue.put(fn(arg)))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.terminate()
        child.join()
        return None
    return queue.get()


def in_server(graph: Path, tmp: Path, repeat: int) -> dict:
    from kg.remote import Endpoint, load_store, start_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t = time.perf_counter()
    load_store(graph, tmp / "store")
    loaded = time.perf_counter() - t
    server = start_server(tmp / "store", f"127.0.0.1:{port}", read_only=True)
    try:
        return {"load_seconds": round(loaded, 2),
                "queries": timed(Endpoint(f"http://127.0.0.1:{port}/query").select, repeat)}
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=12000, help="recombined articles (12,000: about 1 M triples)")
    ap.add_argument("--graph", type=Path, help="an existing graph.ttl instead of building one")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--rdflib-limit", type=float, default=300, help="seconds after which an rdflib query is stopped")
    ap.add_argument("--no-server", action="store_true")
    args = ap.parse_args()
    from kg.query import Engine

    import os

    report: dict = {"articles": args.articles, "load_average_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        graph = args.graph
        if graph is None:
            from kg.pipeline import build

            make_corpus(tmp / "corpus", args.articles)
            build(tmp / "corpus", tmp / "out", ner="rules", html=False, show_progress=False, jobs=2, cache_dir=None)
            graph = tmp / "out" / "graph.ttl"
        engines = {}
        for engine in ("oxigraph", "rdflib"):
            if engine == "rdflib" and args.no_rdflib:
                continue
            t = time.perf_counter()
            local = Engine(graph, engine)
            loaded = time.perf_counter() - t
            if engine == "oxigraph":
                report["triples"] = int(local.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0])
            print(f"{engine}: loaded in {loaded:.1f} s", flush=True)
            engines[engine] = {"load_seconds": round(loaded, 2),
                               "queries": timed(local.select, args.repeat) if engine == "oxigraph"
                               else timed(local.select, 1, args.rdflib_limit)}
            del local
            if engine == "oxigraph" and not args.no_server:
                print("oxigraph serve:", flush=True)
                engines["oxigraph serve"] = in_server(graph, tmp, args.repeat)
        report["engines"] = engines
        report["load_average_after"] = os.getloadavg()[0]
        report["turtle_mb"] = round(graph.stat().st_size / 1e6, 1)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "queries.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    (RESULTS / "queries.md").write_text(to_markdown(report), encoding="utf-8")


def to_markdown(report: dict) -> str:
    engines = report["engines"]
    names = list(next(iter(engines.values()))["queries"])
    head = " | ".join(engines)
    lines = [f"# Bundled queries at {report['triples']:,} triples ({report['articles']:,} recombined articles, "
             f"{report['turtle_mb']} MB of Turtle)", "",
             "Seconds per query (`kg.query.answer`: name parameters resolved, query run, rows read), on this "
             "2-core machine; in process and in the server the fastest of the runs, with the slowest in "
             "brackets; rdflib one run." + (f" The machine is shared: its load average was "
             f"{report['load_average_before']:.1f} before and {report['load_average_after']:.1f} after the runs."
             if "load_average_after" in report else ""), "",
             f"| query | rows | {head} |", "|---|---|" + "---|" * len(engines)]
    for name in names:
        cells = []
        for e in engines.values():
            q = e["queries"][name]
            if q["seconds"] is None:
                cells.append(f"> {q['stopped_after']:.0f} (stopped)")
            else:
                cells.append(f"{q['seconds']:.3f}" + (f" ({q['slowest']:.3f})" if q["slowest"] != q["seconds"] else ""))
        lines.append(f"| {name} | {engines['oxigraph']['queries'][name]['rows']:,} | {' | '.join(cells)} |")
    lines.append("| (loading the graph) | | " + " | ".join(f"{e['load_seconds']:.1f}" for e in engines.values()) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
