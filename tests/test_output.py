"""The streamed Turtle and N-Triples writers: valid RDF, the same triples, atomic."""
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.graph import iri, literal
from kg.output import turtle_chunks, write_streamed
from kg.pipeline import build
from tests.conftest import CORPUS

AWKWARD = 'قال "الرئيس" \\ ثم\nسطر ثان\r وعلامة ’ و«اقتباس»'


def test_awkward_literals_and_iris_round_trip(tmp_path):
    subject = iri("https://w3id.org/arabic-kg/resource/person/x y>z")
    blocks = [(subject, [(iri("https://w3id.org/arabic-kg/ontology#evidence"), literal(AWKWARD, "ar")),
                         (iri("https://w3id.org/arabic-kg/ontology#evidence"), literal("ثان", "ar")),
                         (iri("https://w3id.org/arabic-kg/ontology#date"),
                          literal("2017-12", datatype="http://www.w3.org/2001/XMLSchema#gYearMonth"))])]
    for fmt, name in (("ttl", "turtle"), ("nt", "nt")):
        write_streamed(blocks, tmp_path / f"g.{fmt}", fmt)
        g = Graph().parse(tmp_path / f"g.{fmt}", format=name)
        assert len(g) == 3
        assert Literal(AWKWARD, lang="ar") in set(g.objects())
        s = next(iter(g.subjects()))
        assert isinstance(s, URIRef) and " " not in s and ">" not in s
    text = "".join(turtle_chunks(blocks))
    assert "kg:evidence" in text and "^^xsd:gYearMonth" in text and '@ar, "ثان"@ar' in text


def test_turtle_and_ntriples_of_the_corpus_are_the_same_graph(tmp_path):
    report = build(CORPUS, tmp_path, ["ttl", "nt"], ner="rules", html=False, show_progress=False)
    ttl = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    nt = Graph().parse(tmp_path / "graph.nt", format="nt")
    assert len(ttl) == report.triples and isomorphic(ttl, nt)
    assert not list(tmp_path.glob(".graph*.tmp"))  # no temporary file left behind
