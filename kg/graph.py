"""Building the RDF graph of ../shared/CONTRACT.md from the merged corpus."""
from __future__ import annotations

from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SKOS

from kg.model import Corpus, Date

KG = Namespace("https://w3id.org/arabic-kg/ontology#")
KGR = Namespace("https://w3id.org/arabic-kg/resource/")
WD = Namespace("http://www.wikidata.org/entity/")
PATH_OF_TYPE = {"Person": "person", "State": "state", "Organization": "org", "Place": "place",
                "MilitaryBase": "base"}
KIND_CLASS = {"Visit", "PhoneCall", "Talks", "Message", "Summit"}


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in (("kg", KG), ("kgr", KGR), ("rdfs", RDFS), ("skos", SKOS), ("prov", PROV),
                       ("xsd", XSD), ("owl", OWL)):
        g.bind(prefix, ns, override=True)
    return g


def entity_iri(entity_id: str, type_: str) -> URIRef:
    return KGR[f"{PATH_OF_TYPE[type_]}/{entity_id.replace('_', '-')}"]


def doc_iri(doc_id: str) -> URIRef:
    return KGR[f"doc/{doc_id}"]


def date_literal(d: Date) -> Literal:
    datatype = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}[d.precision]
    return Literal(d.value, datatype=datatype)


def _ar(text: str) -> Literal:
    return Literal(text, lang="ar")


def build_graph(corpus: Corpus) -> Graph:
    g = bind_prefixes(Graph())
    iri = {e.id: entity_iri(e.id, e.type) for e in corpus.entities.values()}
    for d in corpus.documents:
        node = doc_iri(d.doc_id)
        g.add((node, RDF.type, KG.Document))
        g.add((node, KG.sourceFile, Literal(d.source_file)))
        g.add((node, KG.sha256, Literal(d.sha256)))
        if d.published:
            g.add((node, KG.published, Literal(d.published, datatype=XSD.date)))
        if d.url:
            g.add((node, KG.url, Literal(d.url)))
    for e in corpus.entities.values():
        node = iri[e.id]
        g.add((node, RDF.type, KG[e.type]))
        g.add((node, RDFS.label, _ar(e.label_ar)))
        if e.label_en:
            g.add((node, RDFS.label, Literal(e.label_en, lang="en")))
        for alt in e.alt_labels:
            g.add((node, SKOS.altLabel, _ar(alt)))
        for doc in e.documents:
            g.add((node, KG.mentionedIn, doc_iri(doc)))
        if e.wikidata:
            g.add((node, OWL.sameAs, WD[e.wikidata]))
        if e.type == "Person":
            if e.affiliation and e.affiliation in iri:
                g.add((node, KG.affiliation, iri[e.affiliation]))
            for role in e.roles:
                g.add((node, KG.role, _ar(role)))
        if e.subtype:
            g.add((node, KG.subtype, Literal(e.subtype)))
    seen: dict[str, int] = {}
    for m in corpus.meetings:
        people = "_".join(p for p in m.participants[:3])
        key = f"{m.date.value if m.date else 'undated'}_{people}"
        seen[key] = seen.get(key, 0) + 1
        node = KGR[f"meeting/{key.replace('_', '-')}" + (f"-{seen[key]}" if seen[key] > 1 else "")]
        g.add((node, RDF.type, KG.Meeting))
        if m.kind in KIND_CLASS:
            g.add((node, RDF.type, KG[m.kind]))
        for p in m.participants:
            if p in iri:
                g.add((node, KG.participant, iri[p]))
        if m.date:
            g.add((node, KG.date, date_literal(m.date)))
        if m.location and m.location in iri:
            g.add((node, KG.location, iri[m.location]))
        _provenance(g, node, m.evidence, m.documents)
    for t in corpus.treaties:
        key = t.date.value[:4] + "-" if t.date else ""
        node = KGR[f"treaty/{key}{_slug(t.label)}"]
        g.add((node, RDF.type, KG.Treaty))
        g.add((node, RDFS.label, _ar(t.label)))
        for alt in t.alt_labels:
            g.add((node, SKOS.altLabel, _ar(alt)))
        for p in t.parties:
            if p in iri:
                g.add((node, KG.party, iri[p]))
        if t.date:
            g.add((node, KG.date, date_literal(t.date)))
        _provenance(g, node, t.evidence, t.documents)
    for b in corpus.bases:
        if b.base not in iri:
            continue
        node = iri[b.base]
        if b.kind in ("AirBase", "NavalBase"):
            g.add((node, RDF.type, KG[b.kind]))
        for place in b.located_in:
            if place in iri:
                g.add((node, KG.locatedIn, iri[place]))
        for state in b.operated_by:
            if state in iri:
                g.add((node, KG.operatedBy, iri[state]))
        _provenance(g, node, b.evidence, b.documents)
    return g


def _provenance(g: Graph, node: URIRef, evidence: str, documents: list[str]) -> None:
    for line in evidence.split("\n"):
        if line.strip():
            g.add((node, KG.evidence, _ar(line.strip())))
    for doc in documents:
        g.add((node, PROV.wasDerivedFrom, doc_iri(doc)))


def _slug(label: str) -> str:
    from kg.link import slug

    return slug(label).replace("_", "-")[:60]
