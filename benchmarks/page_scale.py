"""graph.html at scale: file size and how soon the page is usable in Chromium.

    python benchmarks/page_scale.py --sizes 1000 10000

For each N, a corpus of N recombined articles (bench.make_corpus) is built with the rules
(--jobs 2), then graph.html is opened in headless Chromium with every request aborted, at
1400x900, three times in fresh contexts. Measured: the file's size; the seconds from navigation
until the page is drawn and answers (kgView ready, positions read back); and, in that page, the
seconds a year-range change, a search with selection, and a click that fills the panel take.
Writes benchmarks/results/page_scale.json and prints a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import RESULTS, make_corpus  # noqa: E402

#: What "usable" must beat, and the file size it must stay under.
BUDGET_SECONDS, BUDGET_MB = 3.0, 10.0


def measure(html: Path, repeat: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    opened, ranged, searched, clicked, errors, requests = [], [], [], [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
        for _ in range(repeat):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route("**/*", lambda r: r.continue_() if r.request.url == html.as_uri()
                          else (requests.append(r.request.url), r.abort()))
            page = context.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            t = time.perf_counter()
            page.goto(html.as_uri())
            page.wait_for_function("window.kgView !== undefined && Object.keys(kgView.positions()).length > 0",
                                   timeout=120000)
            page.evaluate("new Promise(r => requestAnimationFrame(() => r()))")  # the first frame is drawn
            opened.append(time.perf_counter() - t)
            ranged.append(_timed(page, lambda: (page.locator("#to").focus(), page.keyboard.press("ArrowLeft"))))
            top = page.evaluate("kgView.nodes.get(kgView.view().nodes.reduce((a, b) => "
                                "kgView.meetingsOf(b) > kgView.meetingsOf(a) ? b : a)).label")  # the actor with most meetings
            searched.append(_timed(page, lambda: (page.locator("#search").fill(top), page.keyboard.press("Enter"))))
            page.evaluate("kgView.network.fit({animation: false})")
            xy = page.evaluate("(n => kgView.network.canvasToDOM(kgView.network.getPositions([n])[n]))"
                               "(kgView.network.getSelectedNodes()[0])")
            box = page.locator("#network").bounding_box()
            page.mouse.click(box["x"] + 5, box["y"] + 5)  # clear the focus; then a real click on the actor
            clicked.append(_timed(page, lambda: page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])))
            counts = page.evaluate("({nodes: kgView.view().nodes.length, edges: kgView.view().edges.length, "
                                   "panel: document.querySelectorAll('#panel li.meeting').length})")
            context.close()
        browser.close()
    return {"open_seconds": [round(x, 2) for x in opened], "range_seconds": [round(x, 3) for x in ranged],
            "search_seconds": [round(x, 3) for x in searched], "click_seconds": [round(x, 3) for x in clicked],
            "shown": counts, "errors": errors[:5], "requests": requests[:5]}


def _timed(page, action) -> float:
    t = time.perf_counter()
    action()
    page.evaluate("new Promise(r => requestAnimationFrame(() => r()))")
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from kg.pipeline import build

    runs = []
    with tempfile.TemporaryDirectory(prefix="kg-page-") as tmp:
        for n in args.sizes:
            corpus, out = Path(tmp) / f"c{n}", Path(tmp) / f"o{n}"
            make_corpus(corpus, n)
            t = time.perf_counter()
            report = build(corpus, out, ["ttl"], ner="rules", html=True, show_progress=False, jobs=2)
            html = out / "graph.html"
            run = {"size": n, "build_seconds": round(time.perf_counter() - t, 1), "html_seconds": report.timings.get("html"),
                   "meetings": report.meetings, "mb": round(html.stat().st_size / 1e6, 2), **measure(html, args.repeat)}
            run["within_budget"] = max(run["open_seconds"]) < BUDGET_SECONDS and run["mb"] < BUDGET_MB
            runs.append(run)
            print(json.dumps(run), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "page_scale.json").write_text(json.dumps({"runs": runs}, indent=1))
    print("| N | meetings | graph.html | opens and answers (s, 3 runs) | year range | search | click | nodes, edges shown |")
    print("|---|---|---|---|---|---|---|---|")
    for r in runs:
        print(f"| {r['size']:,} | {r['meetings']:,} | {r['mb']} MB | {', '.join(map(str, r['open_seconds']))} | "
              f"{max(r['range_seconds'])} s | {max(r['search_seconds'])} s | {max(r['click_seconds'])} s | "
              f"{r['shown']['nodes']}, {r['shown']['edges']} |")


if __name__ == "__main__":
    main()
