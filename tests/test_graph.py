"""The graph builder's contract terms: date spans, coordinates, places' locations, provenance per source."""
import shutil
from decimal import Decimal

import pytest
import yaml
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from kg.graph import GEO, KG
from kg.knowledge import ONTOLOGY_DIR, load_knowledge
from kg.model import Date
from kg.pipeline import build
from kg.validate import validate
from tests.conftest import CORPUS

PROV = Namespace("http://www.w3.org/ns/prov#")
KGR = "https://w3id.org/arabic-kg/resource/"


@pytest.mark.parametrize("date, span", [
    (Date("2023"), ("2023-01-01", "2023-12-31")),
    (Date("2024-02"), ("2024-02-01", "2024-02-29")),
    (Date("2023-02"), ("2023-02-01", "2023-02-28")),
    (Date("2023-03-20"), ("2023-03-20", "2023-03-20")),
    (Date("2025-02-19", "2025-02-22"), ("2025-02-19", "2025-02-22")),
    (Date("2020-03", "2020-05"), ("2020-03-01", "2020-05-31")),
])
def test_start_and_end_day_of_every_precision(date, span):
    assert date.days() == span


def test_every_dated_event_has_start_and_end_dates(graph):
    dated = set(graph.subjects(KG.date, None))
    assert len(dated) >= 15
    for event in dated:
        start, end = graph.value(event, KG.startDate), graph.value(event, KG.endDate)
        assert start.datatype == end.datatype == XSD.date and start.toPython() <= end.toPython()
        assert str(start).startswith(str(graph.value(event, KG.date))[:7])


def test_places_and_bases_carry_location_and_coordinates(tmp_path):
    """Coordinates the knowledge base has are written as geo:lat/geo:long (xsd:decimal)."""
    ontologies = tmp_path / "ontologies"
    shutil.copytree(ONTOLOGY_DIR, ontologies)
    gazetteer = yaml.safe_load((ontologies / "gazetteer.yaml").read_text(encoding="utf-8"))
    coordinates = {"latakia": (35.5167, 35.7833), "hmeimim_air_base": (35.4011, 35.9486)}
    for section in ("places", "bases"):
        for entry in gazetteer[section]:
            if entry["id"] in coordinates:
                entry["lat"], entry["long"] = coordinates[entry["id"]]
    (ontologies / "gazetteer.yaml").write_text(yaml.safe_dump(gazetteer, allow_unicode=True), encoding="utf-8")
    build(CORPUS, tmp_path / "out", ner="rules", html=False, show_progress=False, kb=load_knowledge(ontologies))
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    latakia, base = URIRef(KGR + "place/latakia"), URIRef(KGR + "base/hmeimim-air-base")
    assert g.value(latakia, GEO.lat) == Literal(Decimal("35.5167"), datatype=XSD.decimal)
    assert g.value(latakia, GEO.long) == Literal(Decimal("35.7833"), datatype=XSD.decimal)
    assert g.value(base, GEO.lat).toPython() == Decimal("35.4011")
    assert g.value(latakia, KG.locatedIn) == URIRef(KGR + "state/syria")
    assert latakia in set(g.objects(base, KG.locatedIn))
    assert validate(g) == []


def test_each_source_of_a_merged_meeting_has_its_own_derivation(graph):
    for m in graph.subjects(RDF.type, KG.Meeting):
        sources = set(graph.objects(m, PROV.wasDerivedFrom))
        derivations = list(graph.objects(m, PROV.qualifiedDerivation))
        assert {graph.value(d, PROV.entity) for d in derivations} == sources
        said = {s for d in derivations for s in graph.objects(d, KG.evidence)}
        assert said == set(graph.objects(m, KG.evidence))  # every sentence, each tied to its article


def test_shapes_require_the_new_terms(graph):
    g = Graph()
    for t in graph:
        g.add(t)
    meeting = next(graph.subjects(KG.startDate, None))
    g.remove((meeting, KG.startDate, None))
    derivation = next(graph.objects(meeting, PROV.qualifiedDerivation))
    g.remove((derivation, KG.evidence, None))
    doc = next(graph.subjects(RDF.type, KG.Document))
    g.add((doc, KG.url, Literal("not an IRI")))
    found = {(v.focus, v.path) for v in validate(g)}
    assert (str(meeting), str(KG.startDate)) in found
    assert (str(derivation), str(KG.evidence)) in found
    assert (str(doc), str(KG.url)) in found
