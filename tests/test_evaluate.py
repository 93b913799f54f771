"""The scorer on the built corpus (quality bars of the issues) and on graphs made worse on purpose."""
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.evaluate import evaluate
from kg.graph import KG
from tests.conftest import GOLD


def test_corpus_meets_the_quality_bars(graph):
    r = evaluate(graph, GOLD)
    assert r["actors"]["f1"] >= 0.90
    assert r["Place"]["f1"] >= 0.85
    assert r["meetings"]["f1"] >= 0.80
    assert r["meetings"]["date_exact"] >= 0.90
    assert r["treaties"]["f1"] >= 0.90
    assert r["duplicated_nodes"] == {}
    assert r["meetings_lacking_provenance"] == []
    for base in r["bases"].values():
        assert base["found"] and base["location_right"] is not False and base["operator_right"] is not False


def _copy(graph):
    g = Graph()
    for t in graph:
        g.add(t)
    return g


def test_removing_a_meeting_lowers_recall(graph):
    g = _copy(graph)
    before = evaluate(g, GOLD)["meetings"]
    m = sorted(g.subjects(RDF.type, KG.Meeting))[0]
    g.remove((m, None, None))
    after = evaluate(g, GOLD)["meetings"]
    assert after["tp"] == before["tp"] - 1 and after["recall"] < before["recall"]


def test_a_split_actor_is_reported_as_duplicated(graph):
    g = _copy(graph)
    putin = next(g.subjects(RDFS.label, Literal("فلاديمير بوتين", lang="ar")))
    clone = URIRef(str(putin) + "-copy")
    docs = sorted(g.objects(putin, KG.mentionedIn))
    g.remove((putin, KG.mentionedIn, docs[0]))
    g.add((clone, RDF.type, KG.Person))
    g.add((clone, RDFS.label, Literal("بوتين", lang="ar")))
    g.add((clone, KG.mentionedIn, docs[0]))
    assert "vladimir_putin" in evaluate(g, GOLD)["duplicated_nodes"]
