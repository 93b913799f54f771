"""A new article no list was written for: the Mauritanian foreign minister received in Beijing by
his Chinese counterpart. Both ministers are in the curated offices list (Mauritania's foreign
ministers since 2009, China's since 2007); the states, the nationality adjectives and Beijing with
its coordinates come from the generated world lists."""
import pytest
from rdflib import Graph, Namespace

from kg.pipeline import build

ARTICLE = (
    "استقبل وزير الخارجية الصيني وانغ يي في بكين يوم 14 أبريل 2024 نظيره الموريتاني محمد سالم "
    "ولد مرزوك، وبحث الوزيران سبل تعزيز التعاون بين البلدين.\n"
    "وقال ولد مرزوك إن موريتانيا تتطلع إلى شراكة أوسع مع الصين في مجالات الطاقة والبنية التحتية.\n")
KG = Namespace("https://w3id.org/arabic-kg/ontology#")
KGR = "https://w3id.org/arabic-kg/resource/"
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "beijing_visit.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    build(corpus, out, ner="rules", html=False, show_progress=False, cache_dir=out / "cache")
    return Graph().parse(out / "graph.ttl")


def _person_of(graph, state):
    from rdflib import RDF
    return [p for p in graph.subjects(KG.affiliation, graph.resource(KGR + f"state/{state}").identifier)
            if (p, RDF.type, KG.Person) in graph]


def test_both_ministers_with_their_states_and_the_dated_meeting_in_beijing(graph):
    chinese = _person_of(graph, "china")
    mauritanian = _person_of(graph, "mauritania")
    assert len(chinese) == 1 and len(mauritanian) == 1
    beijing = graph.resource(KGR + "place/beijing").identifier
    meetings = list(graph.subjects(KG.location, beijing))
    assert len(meetings) == 1
    m = meetings[0]
    assert set(graph.objects(m, KG.participant)) == {chinese[0], mauritanian[0]}
    assert str(graph.value(m, KG.date)) == "2024-04-14"
    assert (graph.resource(KGR + "state/mauritania").identifier, None, None) in graph


def test_beijing_has_its_coordinates_in_the_graph(graph):
    beijing = graph.resource(KGR + "place/beijing").identifier
    assert abs(float(graph.value(beijing, GEO.lat)) - 39.9) < 0.1
    assert abs(float(graph.value(beijing, GEO.long)) - 116.4) < 0.1


def test_the_mauritanian_minister_has_his_full_name(graph):
    from rdflib.namespace import RDFS
    labels = {str(o) for p in _person_of(graph, "mauritania") for o in graph.objects(p, RDFS.label)}
    assert "محمد سالم ولد مرزوك" in labels
    assert "Mohamed Salem Ould Merzoug" in labels  # the curated entry, not a new person
