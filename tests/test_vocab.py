"""kg.vocab is the one list of classes, kinds and properties: the ontology and shapes declare each."""
from rdflib import OWL, RDF, RDFS, Graph
from rdflib.namespace import SH

from kg import vocab
from kg.knowledge import ONTOLOGY_DIR


def _load(name: str) -> Graph:
    return Graph().parse(ONTOLOGY_DIR / name, format="turtle")


def test_the_ontology_declares_every_class_kind_and_property():
    g = _load("kg.ttl")
    for name in vocab.ALL_CLASSES:
        assert (vocab.KG[name], RDF.type, OWL.Class) in g, name
    for kind in vocab.MEETING_KINDS:
        assert (vocab.KG[kind], RDFS.subClassOf, vocab.KG.Meeting) in g, kind
    for kind in vocab.BASE_KINDS:
        assert (vocab.KG[kind], RDFS.subClassOf, vocab.KG.MilitaryBase) in g, kind
    for actor in vocab.ACTOR_CLASSES:
        assert (vocab.KG[actor], RDFS.subClassOf, vocab.KG.Actor) in g, actor
    declared = {p for p in g.subjects(RDF.type, None) if (p, RDF.type, OWL.ObjectProperty) in g
                or (p, RDF.type, OWL.DatatypeProperty) in g}
    assert {vocab.KG[p] for p in vocab.PROPERTIES} <= declared


def test_the_shapes_check_every_entity_and_fact_class():
    targeted = set(_load("shapes.ttl").objects(None, SH.targetClass))
    missing = [c for c in (*vocab.ENTITY_CLASSES, *vocab.FACT_CLASSES) if vocab.KG[c] not in targeted]
    assert not missing


def test_every_entity_class_has_an_iri_path_and_the_graph_writes_only_listed_classes():
    from kg.graph import CLASS

    assert set(vocab.PATH_OF_TYPE) == set(vocab.ENTITY_CLASSES)
    assert set(CLASS) == set(vocab.ALL_CLASSES)


def test_the_types_other_modules_produce_are_vocabulary_classes():
    """The gazetteer's sections, the NER labels and the page's node styles name only listed classes
    (GPE is Stanza's label that linking resolves to State or Place)."""
    from kg.knowledge import TYPE_OF_SECTION
    from kg.stanza_ner import NER_LABEL_TO_CLASS
    from kg.visualize import STYLE

    assert set(TYPE_OF_SECTION.values()) <= set(vocab.ENTITY_CLASSES)
    assert set(NER_LABEL_TO_CLASS.values()) - {"GPE"} <= set(vocab.ENTITY_CLASSES)
    assert set(STYLE) <= set(vocab.ENTITY_CLASSES)
