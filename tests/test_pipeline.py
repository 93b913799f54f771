"""kg build on the real corpus: the contract's shape, asserted through SPARQL on the written file."""
import pyoxigraph
from rdflib import Graph

from kg.pipeline import build
from tests.conftest import CORPUS

PREFIXES = """
PREFIX kg: <https://w3id.org/arabic-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def rows(graph, query):
    return list(graph.query(PREFIXES + query))


def test_putin_is_one_node_with_full_and_short_names(graph):
    found = rows(graph, """SELECT ?p WHERE { ?p a kg:Person ;
        rdfs:label "فلاديمير بوتين"@ar ; skos:altLabel "بوتين"@ar }""")
    assert len(found) == 1
    assert len(rows(graph, """SELECT ?p WHERE { ?p a kg:Person .
        { ?p rdfs:label "بوتين"@ar } UNION { ?p skos:altLabel "بوتين"@ar } }""")) == 1


def test_hmeimim_meeting_is_dated_placed_and_has_two_sources(graph):
    found = rows(graph, """SELECT ?m (COUNT(DISTINCT ?doc) AS ?n) WHERE {
        ?m a kg:Meeting ; kg:participant ?putin, ?assad ; kg:date "2017-12-11"^^xsd:date ;
           kg:location ?base ; prov:wasDerivedFrom ?doc ; kg:evidence ?ev .
        ?putin rdfs:label "فلاديمير بوتين"@ar . ?assad rdfs:label "بشار الأسد"@ar .
        ?base a kg:MilitaryBase ; rdfs:label "قاعدة حميميم الجوية"@ar } GROUP BY ?m""")
    assert len(found) == 1
    assert int(found[0][1]) == 2


def test_1980_treaty_has_date_and_both_parties(graph):
    found = rows(graph, """SELECT ?t WHERE { ?t a kg:Treaty ; kg:date "1980-10-08"^^xsd:date ;
        kg:party ?su, ?sy . ?su rdfs:label "الاتحاد السوفيتي"@ar . ?sy rdfs:label "سوريا"@ar }""")
    assert len(found) == 1


def test_every_meeting_has_provenance_and_a_participant(graph):
    bad = rows(graph, """SELECT ?m WHERE { ?m a kg:Meeting .
        FILTER NOT EXISTS { ?m prov:wasDerivedFrom ?d ; kg:evidence ?e ; kg:participant ?p } }""")
    assert bad == []


def test_documents_have_file_and_sha256(graph, built):
    docs = rows(graph, "SELECT ?f ?h WHERE { ?d a kg:Document ; kg:sourceFile ?f ; kg:sha256 ?h }")
    assert sorted(str(f) for f, _ in docs) == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert all(len(str(h)) == 64 for _, h in docs)
    assert built[1].documents == 5


def test_every_entity_has_one_arabic_label_and_core_class(graph):
    many = rows(graph, """SELECT ?e (COUNT(?l) AS ?n) WHERE { ?e kg:mentionedIn ?d ; rdfs:label ?l .
        FILTER(lang(?l) = "ar") } GROUP BY ?e HAVING (COUNT(DISTINCT ?l) != 1)""")
    assert many == []


def test_turtle_parses_with_pyoxigraph_too(built, graph):
    store = pyoxigraph.Store()
    store.load(path=str(built[0] / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph)


def test_two_builds_are_byte_identical(tmp_path, built):
    build(CORPUS, tmp_path, ["ttl", "nt"], ner="rules", html=False, show_progress=False)
    assert (tmp_path / "graph.ttl").read_bytes() == (built[0] / "graph.ttl").read_bytes()


def test_other_formats_parse(tmp_path):
    build(CORPUS, tmp_path, ["jsonld", "trig", "nt"], ner="rules", html=False, show_progress=False)
    assert len(Graph().parse(tmp_path / "graph.jsonld", format="json-ld")) > 100
    assert len(Graph().parse(tmp_path / "graph.nt", format="nt")) > 100
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(tmp_path / "graph.trig", format="trig")
    assert len([g for g in ds.graphs() if "doc/" in str(g.identifier)]) == 5


def test_every_evidence_literal_is_a_sentence_of_an_article(graph):
    from kg.graph import KG

    texts = [p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")]
    evidence = {str(e) for e in graph.objects(None, KG.evidence)}
    assert evidence
    assert [e for e in evidence if not any(e in t for t in texts)] == []


def test_a_build_makes_no_reference_cycles_and_restores_the_collector(tmp_path):
    """build() runs the cyclic garbage collector rarely because the per-document stages
    (extraction, merge, writing) leave no cycles behind: were one added, memory would grow
    between rare collections. (The HTML's networkx graph is one cycle per build.)"""
    import gc

    before = gc.get_threshold()
    gc.collect()
    gc.disable()
    try:
        build(CORPUS, tmp_path, ["ttl", "nt"], ner="rules", html=False, show_progress=False)
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert unreachable == 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
