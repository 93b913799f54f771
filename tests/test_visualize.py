"""graph.html: what the file holds, and what a reader does with it in a real headless Chromium
with every request other than the file itself aborted (search, time range, panel, language)."""
import base64
import json
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Literal

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PREFIXES = """PREFIX kg: <https://w3id.org/arabic-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                    "(/usr/bin/chromium; `make test` installs it with apt)")


def page_data(html: str) -> dict:
    found = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_html_has_no_remote_or_dangling_references(built):
    html = (built[0] / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r'src\s*=\s*["\']?(https?:)?//', html)  # links to Wikidata and sources are <a>s
    assert not re.search(r'url\(\s*["\']?(https?:)?//|@import', html)
    for needle in ("node_modules", 'src="lib/', 'href="lib/', "<link"):
        assert needle not in html
    assert 'dir="rtl"' in html and 'id="legend"' in html


def test_layout_is_stored_and_the_same_on_every_build(built, tmp_path):
    """A build in another process, with another hash seed, stores the same positions."""
    import os
    import subprocess
    import sys

    from tests.conftest import CORPUS

    first = page_data((built[0] / "graph.html").read_text(encoding="utf-8"))
    env = dict(os.environ, PYTHONHASHSEED="4242")
    subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "build", str(CORPUS), "--out",
                    str(tmp_path), "--ner", "rules", "--no-cache"], check=True, env=env, capture_output=True)
    again = page_data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    positions = {n["id"]: (n["x"], n["y"]) for n in first["nodes"]}
    assert positions == {n["id"]: (n["x"], n["y"]) for n in again["nodes"]}
    assert len(set(positions.values())) == len(positions)  # no two actors on one spot


def test_page_data_matches_the_graph(built, graph):
    data = page_data((built[0] / "graph.html").read_text(encoding="utf-8"))
    meetings = graph.query(PREFIXES + "SELECT (COUNT(?m) AS ?n) WHERE { ?m a kg:Meeting }")
    assert len(data["meetings"]) == int(next(iter(meetings))[0])
    assert data["title"]["en"].startswith("corpus: ")
    assert f"{len(data['meetings'])} meetings" in data["title"]["en"]
    labels = data["vocabulary"]
    assert labels["State"] == {"ar": "دولة", "en": "State"}  # from the ontology's labels


def test_label_boxes_of_linked_actors_mostly_apart(built):
    from kg.layout import CHAR_WIDTH, ROW_HEIGHT

    data = page_data((built[0] / "graph.html").read_text(encoding="utf-8"))
    linked = [n for n in data["nodes"] if n["deg"]]
    clashes = 0
    for i, a in enumerate(linked):
        for b in linked[i + 1:]:
            wide = (len(max(a["ar"], a["en"], key=len)) + len(max(b["ar"], b["en"], key=len))) * CHAR_WIDTH / 2
            clashes += abs(a["x"] - b["x"]) < wide and abs(a["y"] - b["y"]) < ROW_HEIGHT
    assert clashes == 0


def test_a_large_group_is_laid_out_without_scipy_and_the_same_twice():
    """Past SPRING_LIMIT actors, the best connected are laid out by the spring and the others
    set around them: every actor gets a place, the same on a second run, almost all distinct."""
    import networkx as nx

    from kg.layout import SPRING_LIMIT, layout

    g = nx.relabel_nodes(nx.barabasi_albert_graph(SPRING_LIMIT + 300, 2, seed=3), lambda n: f"a{n:05d}")
    g.add_nodes_from(["lonely1", "lonely2"])
    labels = {n: "فلاديمير بوتين" for n in g}
    first = layout(g, labels)
    assert first == layout(g, labels)
    assert set(first) == set(g)
    assert len(set(first.values())) > 0.99 * len(g)


def test_a_network_without_ties_or_actors_is_laid_out():
    import networkx as nx

    from kg.layout import layout

    assert layout(nx.Graph(), {}) == {}
    alone = nx.Graph()
    alone.add_nodes_from(["a", "b", "c"])
    assert len(set(layout(alone, {}).values())) == 3


# --- in the browser ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


def open_page(browser, html: Path):
    """The page in a fresh context where every request but the file's own is aborted and noted."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=False)
    page = context.new_page()
    page.errors, page.requests = [], []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def route(r):
        if r.request.url == html.as_uri():
            r.continue_()
        else:
            page.requests.append(r.request.url)
            r.abort()
    context.route("**/*", route)
    page.goto(html.as_uri())
    page.wait_for_function("window.kgView !== undefined", timeout=20000)
    return page


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))
    assert (ARTIFACTS / name).stat().st_size > 10000


def count(graph, query: str) -> int:
    return int(next(iter(graph.query(PREFIXES + query)))[0])


def node_index(page, iri) -> int:
    return page.evaluate("kgView.iris").index(str(iri))


def label_iri(graph, text: str, lang: str = "ar"):
    from rdflib import RDFS

    return next(graph.subjects(RDFS.label, Literal(text, lang=lang)))


@needs_chromium
def test_two_openings_show_the_same_positions(browser, built):
    html = built[0] / "graph.html"
    stored = {n["id"]: {"x": n["x"], "y": n["y"]} for n in page_data(html.read_text(encoding="utf-8"))["nodes"]}
    seen = []
    for _ in range(2):
        page = open_page(browser, html)
        seen.append(page.evaluate("kgView.positions()"))
        assert page.errors == [] and page.requests == []
        page.context.close()
    assert seen[0] == seen[1] == stored


@needs_chromium
def test_search_time_range_panel_and_language(browser, built, graph):
    page = open_page(browser, built[0] / "graph.html")
    shot(page, "graph.png")

    # search: typed without hamza, diacritics or the first name, the actor is selected
    assad = label_iri(graph, "بشار الأسد")
    page.locator("#search").type("الاسد")
    page.keyboard.press("Enter")
    assert page.evaluate("kgView.network.getSelectedNodes()") == [node_index(page, assad)]
    assert "بشار الأسد" in page.locator("#panel h2").inner_text()
    shot(page, "graph-search.png")
    assad_id = page.evaluate(f"kgView.ids[{node_index(page, assad)}]")
    for typed in ("Assad", "bashar al-assad", "بشّار", "الأسـد"):  # English, shadda, tatweel
        assert page.evaluate(f"kgView.matches({typed!r})")[0] == assad_id, typed

    # the year range: visible met-with ties are the pairs of actors that met in those years
    years = sorted({int(str(row[0])[:4]) for row in graph.query(PREFIXES + "SELECT ?d WHERE { ?m a kg:Meeting ; kg:date ?d }")})
    treaty_years = {int(str(row[0])[:4]) for row in graph.query(PREFIXES + "SELECT ?d WHERE { ?t a kg:Treaty ; kg:date ?d }")}
    years = sorted(set(years) | treaty_years)  # the slider spans both
    low, high = years[1], years[-2]
    page.locator("#undated").uncheck()
    page.locator("#from").focus()
    page.keyboard.press("Home")
    for _ in range(low - years[0]):
        page.keyboard.press("ArrowRight")
    page.locator("#to").focus()
    page.keyboard.press("End")
    for _ in range(years[-1] - high):
        page.keyboard.press("ArrowLeft")
    assert page.evaluate("[kgView.state.from, kgView.state.to]") == [low, high]
    in_range = f"?m a kg:Meeting ; kg:date ?d . BIND(xsd:integer(SUBSTR(STR(?d), 1, 4)) AS ?y) FILTER(?y >= {low} && ?y <= {high})"
    pairs = count(graph, f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?a ?b WHERE {{
        {in_range} ?m kg:participant ?a, ?b . FILTER(STR(?a) < STR(?b)) }} }}""")
    meetings = count(graph, f"SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ {in_range} }}")
    assert 0 < pairs and 0 < meetings < len(page_data(built[0].joinpath("graph.html").read_text("utf-8"))["meetings"])
    assert page.evaluate("kgView.view().met") == pairs
    assert page.evaluate("kgView.view().meetings") == meetings
    assert page.evaluate("kgView.edges.get().filter(e => !e.hidden && e.dashes === false && e.color.color === '#c0392b').length") == pairs
    shot(page, "graph-range.png")
    # a tie that is only a treaty follows the range too: dated before it, hidden; back in range, shown
    data = page_data(built[0].joinpath("graph.html").read_text("utf-8"))
    early = [i for i, e in enumerate(data["edges"]) if e[2] == ["treaty"]
             and all(data["treaties"][j][1] and int(data["treaties"][j][1][:4]) < low for j in e[4])]
    assert early and page.evaluate(f"{early}.map(i => kgView.edges.get(i).hidden)") == [True] * len(early)
    page.locator("#from").focus()
    page.keyboard.press("Home")
    assert page.evaluate(f"{early}.map(i => kgView.edges.get(i).hidden)") == [False] * len(early)
    for _ in range(low - years[0]):
        page.keyboard.press("ArrowRight")

    # click an actor: the panel lists its meetings with date, evidence and source
    putin = label_iri(graph, "فلاديمير بوتين")
    n = node_index(page, putin)
    page.evaluate("kgView.network.fit({animation: false})")
    xy = page.evaluate(f"kgView.network.canvasToDOM(kgView.network.getPositions([{n}])[{n}])")
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
    page.wait_for_function("(name) => (document.querySelector('#panel h2') || {}).textContent === name",
                           arg="فلاديمير بوتين")
    # read the first meeting in range at once, from the panel as it stands (no re-query in between)
    date, evidence, source, source_text = page.evaluate("""() => {
        const item = document.querySelector('#panel li.meeting:not(.out)');
        const first = item.querySelector('.sources li.source');
        return [item.querySelector('.when').textContent.trim(),
                item.querySelector('blockquote.evidence').textContent.trim(),
                first.getAttribute('data-file'), first.textContent];
    }""")
    assert source in source_text  # the file name is shown, after the headline if known
    found = graph.query(PREFIXES + """SELECT ?m WHERE { ?m kg:participant ?p ; kg:date ?d ; kg:evidence ?e ;
        prov:wasDerivedFrom ?doc . ?doc kg:sourceFile ?f . FILTER(STR(?d) = ?date && STR(?e) = ?ev && STR(?f) = ?file) }""",
                        initBindings={"p": putin, "date": Literal(date), "ev": Literal(evidence), "file": Literal(source)})
    assert len(list(found)) >= 1, (date, evidence, source)
    assert low <= int(date[:4]) <= high
    shot(page, "graph-panel.png")

    # English labels
    page.locator("#lang").click()
    english = str(next(o for o in graph.objects(putin, graph.namespace_manager.expand_curie("rdfs:label"))
                        if o.language == "en"))
    assert page.evaluate(f"kgView.nodes.get({n}).label") == english
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert english in page.locator("#panel").inner_text()
    shot(page, "graph-english.png")

    # the view as PNG
    data = page.evaluate("kgView.png()")
    assert data.startswith("data:image/png;base64,")
    assert base64.b64decode(data.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.errors == [] and page.requests == []
    page.context.close()


@needs_chromium
def test_a_corpus_without_actors_gives_a_page_that_opens(browser, tmp_path):
    from kg.pipeline import build

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("كان الطقس جميلا اليوم في المدينة.\n", encoding="utf-8")
    build(tmp_path / "c", tmp_path / "o", ["ttl"], ner="rules", html=True, show_progress=False)
    page = open_page(browser, tmp_path / "o" / "graph.html")
    assert page.evaluate("kgView.view().nodes.length") == 0
    assert page.locator("#time").is_hidden()  # no dated meeting: no time range
    page.locator("#show-map").click()
    assert page.locator("#map-note").inner_text()
    assert page.errors == [] and page.requests == []
    page.context.close()


# --- the map ------------------------------------------------------------------------------------

#: Test data: coordinates for two meeting places and a base (the knowledge base fills few today).
COORDINATES = {"damascus": (33.51, 36.29), "moscow": (55.75, 37.62), "hmeimim_air_base": (35.41, 35.95)}


def merged_corpus(tmp_path, coordinates: dict):
    """The corpus merged in this process, with only the given entities located."""
    from kg.extract import process_document
    from kg.knowledge import load_knowledge
    from kg.merge import CorpusMerger
    from kg.model import Document
    from tests.conftest import CORPUS

    kb = load_knowledge()
    merger = CorpusMerger(kb, tmp_path / "spill")
    for i, p in enumerate(sorted(CORPUS.glob("*.txt"))):
        merger.add(process_document(Document(p.stem, p.name, p.read_text(encoding="utf-8"), str(i) * 64), kb))
    merged = merger.finish()
    for e in merged.entities.values():
        e.lat, e.long = coordinates.get(e.id, (None, None))
    return merged


def test_map_is_left_out_without_coordinates(tmp_path):
    from kg.visualize import render_html

    assert page_data(render_html(merged_corpus(tmp_path, {})))["map"] is None


@needs_chromium
def test_map_places_meetings_and_bases_by_coordinates(browser, tmp_path):
    from kg.visualize import render_html, write_html

    merged = merged_corpus(tmp_path, COORDINATES)
    html = tmp_path / "graph.html"
    write_html(merged, html, "corpus")
    data = page_data(render_html(merged, "corpus"))
    assert data["map"]["land"] and data["map"]["borders"]
    west, south, east, north = data["map"]["box"]
    assert all(west < lon < east and south < lat < north for lat, lon in COORDINATES.values())
    meetings = list(merged.meetings())

    def located(low=None, high=None) -> set:
        return {m.location for m in meetings if m.location in COORDINATES and (
            low is None or (m.date and low <= int(m.date.value[:4]) <= high))}

    page = open_page(browser, html)
    page.locator("#show-map").click()
    assert page.locator("#network").is_hidden() and page.locator("#map").is_visible()
    assert page.locator("#map path.land").count() == len(data["map"]["land"])
    assert page.locator("#map circle.place").count() == len(located()) > 0
    assert page.locator("#map polygon.base").count() == 1
    shot(page, "graph-map.png")

    # the same time range as the network: only places with meetings in it
    page.locator("#undated").uncheck()
    years = sorted(int(m.date.value[:4]) for m in meetings if m.date)
    page.locator("#to").focus()
    page.keyboard.press("End")
    for _ in range(years[-1] - 2019):
        page.keyboard.press("ArrowLeft")
    assert page.locator("#map circle.place").count() == len(located(years[0], 2019))

    # a place's meetings in the panel
    place = page.locator("#map circle.place").first
    place.click()
    name = page.locator("#panel h2").inner_text()
    count = sum(1 for m in meetings if m.location in COORDINATES and merged.entities[m.location].label_ar == name)
    assert page.locator("#panel li.meeting").count() == count > 0
    assert page.errors == [] and page.requests == []
    page.context.close()


@needs_chromium
def test_filters_and_a_tie_between_two_actors(browser, built, graph):
    page = open_page(browser, built[0] / "graph.html")
    actors = count(graph, "SELECT (COUNT(?x) AS ?n) WHERE { VALUES ?c { kg:Person kg:State kg:Organization "
                          "kg:MilitaryBase } ?x a ?c }")
    tied = page.evaluate("kgView.view().nodes.length")
    assert 0 < tied < actors  # actors without any tie are hidden by default
    page.locator("#isolated").uncheck()
    assert page.evaluate("kgView.view().nodes.length") == actors
    page.locator("#isolated").check()

    # at least 3 meetings: only actors with 3 or more meetings stay
    page.locator("#min").fill("3")
    shown = page.evaluate("kgView.view().nodes.map(i => kgView.iris[i])")
    busy = {str(r[0]) for r in graph.query(PREFIXES + """SELECT ?p WHERE { ?m a kg:Meeting ; kg:participant ?p }
        GROUP BY ?p HAVING (COUNT(DISTINCT ?m) >= 3)""")}
    assert shown and set(shown) <= busy
    page.locator("#min").fill("0")

    # a class filter: no state left
    page.locator("#classes input[value=State]").uncheck()
    states = {str(r[0]) for r in graph.query(PREFIXES + "SELECT ?x WHERE { ?x a kg:State }")}
    shown = set(page.evaluate("kgView.view().nodes.map(i => kgView.iris[i])"))
    assert shown and not shown & states
    page.locator("#classes input[value=State]").check()

    # a tie: the meetings between the two
    putin, assad = (node_index(page, label_iri(graph, name)) for name in ("فلاديمير بوتين", "بشار الأسد"))
    edge = page.evaluate(f"kgView.edges.get().find(e => (e.from === {putin} && e.to === {assad}) || "
                         f"(e.from === {assad} && e.to === {putin})).id")
    page.evaluate(f"kgView.network.emit('click', {{nodes: [], edges: [{edge}]}})")
    between = count(graph, f"""SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?m a kg:Meeting ;
        kg:participant <{label_iri(graph, 'فلاديمير بوتين')}>, <{label_iri(graph, 'بشار الأسد')}> }}""")
    assert page.locator("#panel li.meeting").count() == between > 1
    shot(page, "graph-tie.png")
    assert page.errors == [] and page.requests == []
    page.context.close()
