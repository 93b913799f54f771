"""Scaling out: local vs Dask executor on large recombined corpora, and a real SPARQL server.

    python benchmarks/scale.py --sizes 1000 10000

For each N (rules only): articles/s with the local executor (--jobs 2) and with Dask (a
LocalCluster of 2 worker processes), the client's peak RSS; then at the largest N the time to push graph.ttl
into `oxigraph serve` on 127.0.0.1 and to run every bundled query there. Writes
benchmarks/results/scale.json and scale.md.
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

from bench import RESULTS, keep_earlier_runs, make_corpus, run  # noqa: E402

RUNNER = r"""
import json, resource, sys, time
from pathlib import Path
from kg.pipeline import build
a = json.loads(sys.argv[1])
t = time.perf_counter()
r = build(Path(a["corpus"]), Path(a["out"]), ner="rules", html=False, show_progress=False,
          executor=a["executor"], jobs=2)
print(json.dumps({"seconds": time.perf_counter() - t, "documents": r.documents, "triples": r.triples,
                  "timings": r.timings, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure_server(ttl: Path, n: int, tmp: Path) -> dict:
    """Push graph.ttl into `oxigraph serve` on 127.0.0.1 and time every bundled query there."""
    from kg.query import answer, bundled
    from kg.remote import Endpoint, push, start_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = start_server(tmp / "store", f"127.0.0.1:{port}")
    try:
        t = time.perf_counter()
        push(ttl, f"http://127.0.0.1:{port}/store")
        pushed = time.perf_counter() - t
        timings = {}
        for name in bundled():
            t = time.perf_counter()
            rows = answer(Endpoint(f"http://127.0.0.1:{port}/query").select, name,
                          {"a": "بوتين", "b": "الأسد", "name": "لافروف"}).rows
            timings[name] = {"seconds": round(time.perf_counter() - t, 3), "rows": len(rows)}
    finally:
        server.terminate()
    print(f"push N={n}: {pushed:.2f} s for {ttl.stat().st_size / 1e6:.1f} MB; queries: {timings}", flush=True)
    return {"size": n, "turtle_mb": round(ttl.stat().st_size / 1e6, 1), "push_seconds": round(pushed, 2),
            "queries": timings}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--executors", nargs="+", default=["local", "dask"])
    ap.add_argument("--no-server", action="store_true", help="skip the push and queries on oxigraph serve")
    args = ap.parse_args()

    report: dict = {"runs": [], "server": None}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in args.sizes:
            corpus = tmp / f"c{n}"
            make_corpus(corpus, n)
            for executor in args.executors:
                r = run(RUNNER, json.dumps({"corpus": str(corpus), "out": str(tmp / f"{executor}{n}"),
                                            "executor": executor}))
                r.update(size=n, executor=executor, articles_per_s=round(n / r["seconds"], 1))
                report["runs"].append(r)
                print(f"N={n} {executor}: {r['seconds']:.1f} s, {r['articles_per_s']} articles/s, "
                      f"client peak RSS {r['peak_rss_mb']:.0f} MB, {r['triples']} triples", flush=True)
        if not args.no_server:
            n = max(args.sizes)
            report["server"] = measure_server(tmp / f"{args.executors[0]}{n}" / "graph.ttl", n, tmp)
    RESULTS.mkdir(parents=True, exist_ok=True)
    report["runs"], before = keep_earlier_runs(RESULTS / "scale.json", report["runs"], "executor")
    report["server"] = report["server"] or before.get("server")
    (RESULTS / "scale.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    lines = ["| N | executor | seconds | articles/s | client peak RSS MB |", "|---|---|---|---|---|"]
    lines += [f"| {r['size']} | {r['executor']} | {r['seconds']:.1f} | {r['articles_per_s']} | {r['peak_rss_mb']:.0f} |"
              for r in report["runs"]]
    s = report.get("server")
    if s:
        lines.append(f"\nPush of {s['turtle_mb']} MB (N={s['size']}) to oxigraph serve: {s['push_seconds']} s; "
                     "bundled queries: " + ", ".join(f"{k} {v['seconds']} s" for k, v in s["queries"].items()))
    (RESULTS / "scale.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
