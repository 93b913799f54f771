"""graph.html in a real headless Chromium with the network cut off: drawn, no errors, no requests."""
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def test_html_has_no_remote_or_dangling_references(built):
    html = (built[0] / "graph.html").read_text(encoding="utf-8")
    import re

    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', html)
    for needle in ("node_modules", 'src="lib/', 'href="lib/'):
        assert needle not in html
    assert 'dir="rtl"' in html and "legend" in html


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it)")
def test_graph_html_opens_offline_in_chromium(built, graph):
    from playwright.sync_api import sync_playwright

    html = built[0] / "graph.html"
    errors, requests = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
        page.goto(html.as_uri())
        page.wait_for_function("typeof network !== 'undefined' && nodes.length > 0", timeout=20000)
        page.wait_for_timeout(1500)
        drawn = page.evaluate("nodes.length")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "graph.png"))
        browser.close()
    assert errors == []
    assert requests == []
    from rdflib import RDF
    from kg.graph import KG

    actors_and_bases = {s for c in ("Person", "State", "Organization", "MilitaryBase")
                        for s in graph.subjects(RDF.type, KG[c])}
    assert drawn == len(actors_and_bases)
    assert (ARTIFACTS / "graph.png").stat().st_size > 10000
