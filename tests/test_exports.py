"""GraphML, GEXF and CSV exports, read back by networkx and csv and checked against SPARQL
counts over the Turtle graph written by the same build."""
import csv

import networkx as nx
import pytest
from rdflib import Graph, Literal

from tests.conftest import CORPUS

PREFIXES = """PREFIX kg: <https://w3id.org/arabic-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
ACTORS = "VALUES ?c { kg:Person kg:State kg:Organization kg:MilitaryBase }"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("exports")
    build(CORPUS, out, ["ttl", "graphml", "gexf", "csv"], ner="rules", html=False, show_progress=False)
    g = Graph().parse(out / "graph.ttl", format="turtle")
    return out, g


def sparql_network(g: Graph) -> tuple[set, set]:
    """Actors and bases, and the pairs tied by a meeting, a treaty, a base or an affiliation."""
    nodes = {str(r[0]) for r in g.query(PREFIXES + f"SELECT ?x WHERE {{ {ACTORS} ?x a ?c }}")}
    pairs = g.query(PREFIXES + f"""SELECT DISTINCT ?a ?b WHERE {{
        {{ ?m a kg:Meeting ; kg:participant ?a, ?b }} UNION {{ ?t a kg:Treaty ; kg:party ?a, ?b }}
        UNION {{ ?a kg:operatedBy ?b }} UNION {{ ?a kg:affiliation ?b }} FILTER(?a != ?b) }}""")
    edges = {frozenset((str(a), str(b))) for a, b in pairs if str(a) in nodes and str(b) in nodes}
    return nodes, edges


def iri_of(g: Graph, label: str):
    from rdflib import RDFS

    return str(next(g.subjects(RDFS.label, Literal(label, lang="ar"))))


def test_graphml_and_gexf_read_back_as_the_actor_network(exported):
    out, g = exported
    nodes, edges = sparql_network(g)
    for read in (nx.read_graphml(out / "graph.graphml"), nx.read_gexf(out / "graph.gexf")):
        assert read.number_of_nodes() == len(nodes)
        assert read.number_of_edges() == len(edges)


def test_exported_attributes_agree_with_the_graph(exported):
    out, g = exported
    from kg.graph import KGR

    putin, assad = iri_of(g, "فلاديمير بوتين"), iri_of(g, "بشار الأسد")
    key = {iri: iri.rsplit("/", 1)[1].replace("-", "_") for iri in (putin, assad)}
    assert all(str(KGR) in i for i in key)
    rows = list(g.query(PREFIXES + f"""SELECT ?d ?m WHERE {{ ?m a kg:Meeting ; kg:participant <{putin}>, <{assad}> .
        OPTIONAL {{ ?m kg:date ?d }} }}"""))
    dated = sorted(str(r[0]) for r in rows if r[0] is not None)
    gml = nx.read_graphml(out / "graph.graphml")
    edge = gml.edges[key[putin], key[assad]]
    assert edge["meetings"] == edge["weight"] == len(rows)
    assert edge["first_date"].startswith(dated[0]) and edge["last_date"].startswith(dated[-1][:7])
    assert "met" in edge["kinds"].split(",")
    assert gml.nodes[key[putin]]["label_en"] == "Vladimir Putin"
    assert gml.nodes[key[putin]]["class"] == "Person"
    gexf = nx.read_gexf(out / "graph.gexf")
    assert gexf.graph["mode"] == "dynamic"
    assert gexf.edges[key[putin], key[assad]]["start"] == edge["first_date"]
    assert gexf.edges[key[putin], key[assad]]["end"] == edge["last_date"]


def test_csv_has_a_row_per_meeting_and_participant(exported):
    out, g = exported
    with open(out / "meetings.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    pairs = int(next(iter(g.query(PREFIXES + """SELECT (COUNT(*) AS ?n) WHERE {
        SELECT DISTINCT ?m ?p WHERE { ?m a kg:Meeting ; kg:participant ?p } }""")))[0])
    assert len(rows) == pairs > 0
    meetings = {str(r[0]) for r in g.query(PREFIXES + "SELECT ?m WHERE { ?m a kg:Meeting }")}
    assert {r["meeting"] for r in rows} == meetings  # rows join the graph's meeting nodes
    files = {str(r[0]) for r in g.query(PREFIXES + "SELECT ?f WHERE { ?d kg:sourceFile ?f }")}
    for r in rows:
        assert set(r["sources"].split("; ")) <= files
        assert int(r["source_count"]) == len(r["sources"].split("; "))
        if r["date"]:
            assert r["start_date"] <= r["end_date"] and r["start_date"].startswith(r["date"][:4])


def test_kg_export_writes_a_csv_for_excel(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    target = tmp_path / "meetings.csv"
    result = CliRunner().invoke(app, ["export", str(target), "--corpus", str(CORPUS), "--bom", "--ner", "rules",
                                      "--cache", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:3] == b"\xef\xbb\xbf"
    with open(target, encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    assert header[0] == "meeting" and "participant_class" in header
    again = CliRunner().invoke(app, ["export", str(tmp_path / "net.graphml"), "--corpus", str(CORPUS),
                                     "--ner", "rules", "--cache", str(tmp_path / "cache")])
    assert again.exit_code == 0 and nx.read_graphml(tmp_path / "net.graphml").number_of_nodes() > 0
    bad = CliRunner().invoke(app, ["export", str(tmp_path / "x.txt"), "--corpus", str(CORPUS)])
    assert bad.exit_code == 2 and "x.txt" in bad.output and "Traceback" not in bad.output


def test_a_long_source_list_stays_inside_an_excel_cell():
    from kg.exports import CELL_LIMIT, _cell

    names = [f"{i:06d}_article.txt" for i in range(5000)]
    cell = _cell(names)
    assert len(cell) <= CELL_LIMIT + 10 and cell.endswith(")")
    kept = cell.split("; ")[:-1]
    assert kept == names[:len(kept)] and cell.split("; ")[-1] == f"(+{len(names) - len(kept)})"
    assert _cell(names[:3]) == "; ".join(names[:3])
