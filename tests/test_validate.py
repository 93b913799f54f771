"""The build's own output conforms to the contract's SHACL shapes; a broken graph does not."""
from rdflib import RDF, Graph, Literal, URIRef

from kg.graph import KG
from kg.validate import validate


def test_built_graph_conforms(graph):
    assert validate(graph) == []


def test_violations_are_reported(graph):
    g = Graph()
    for t in graph:
        g.add(t)
    m = URIRef("https://w3id.org/arabic-kg/resource/meeting/broken")
    g.add((m, RDF.type, KG.Meeting))
    g.add((m, KG.date, Literal("yesterday")))
    putin = next(s for s, o in g.subject_objects(KG.role) if "رئيس" in str(o))
    g.add((putin, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("بوتين الثاني", lang="ar")))
    messages = {v.message for v in validate(g)}
    assert "a meeting has at least one participant" in messages
    assert "a meeting names its source document" in messages
    assert "dates are typed xsd:date, xsd:gYearMonth or xsd:gYear" in messages
    assert "exactly one Arabic rdfs:label" in messages
