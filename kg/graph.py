"""The RDF graph of ../shared/CONTRACT.md from the merged corpus, one subject at a time.

The graph is produced as a stream of subject blocks with terms already in N-Triples syntax,
so that kg/output.py can write Turtle or N-Triples of any size without holding the graph (or a
second copy of it) in memory; `rdflib_graph` loads the same triples for the formats rdflib
writes (JSON-LD, TriG).
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal
from typing import Iterable, Iterator
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, XSD, Graph
from rdflib.namespace import PROV, SKOS

from kg.merge import MergedCorpus
from kg.model import Date, evidence_lines, sources_of
from kg.vocab import (BASE_KINDS, ENTITY_CLASSES, FACT_CLASSES, GEO, KG, KGR, MEETING_KINDS,  # noqa: F401
                      PATH_OF_TYPE, PROPERTIES, WD)

PREFIXES = (("kg", KG), ("kgr", KGR), ("rdfs", RDFS), ("skos", SKOS), ("prov", PROV), ("xsd", XSD),
            ("owl", OWL), ("rdf", RDF), ("geo", GEO))
KIND_CLASS = frozenset(MEETING_KINDS)

#: subject, (predicate, object) pairs in N-Triples syntax; an object may be a tuple of IRIs
Block = tuple[str, Iterable[tuple[str, str | tuple[str, ...]]]]


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in PREFIXES:
        g.bind(prefix, ns, override=True)
    return g


@lru_cache(maxsize=4096)  # vocabulary and entities; document and meeting IRIs do not come through here
def iri(value: str) -> str:
    """An IRI term; characters N-Triples does not allow in an IRI are percent-encoded."""
    return "<" + quote(value, safe="/:#-_.~%?=&+@!$'()*,;") + ">"


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if lang:
        return f'"{escaped}"@{lang}'
    return f'"{escaped}"^^{iri(datatype)}' if datatype else f'"{escaped}"'


A, LABEL, ALT = iri(str(RDF.type)), iri(str(RDFS.label)), iri(str(SKOS.altLabel))
P = {name: iri(str(KG[name])) for name in PROPERTIES}
SAME_AS, DERIVED = iri(str(OWL.sameAs)), iri(str(PROV.wasDerivedFrom))
QUALIFIED, PROV_ENTITY, DERIVATION = (iri(str(PROV[n])) for n in ("qualifiedDerivation", "entity", "Derivation"))
LAT, LONG = iri(str(GEO.lat)), iri(str(GEO.long))
CLASS = {name: iri(str(KG[name])) for name in (*ENTITY_CLASSES, *FACT_CLASSES, *BASE_KINDS, *MEETING_KINDS)}


def entity_iri(entity_id: str, type_: str) -> str:
    return iri(f"{KGR}{PATH_OF_TYPE[type_]}/{entity_id.replace('_', '-')}")


#: Document ids are letters, digits and hyphens (kg.documents.doc_id_for): nothing to escape.
DOC_IRI_START = f"<{KGR}doc/"


def doc_iri(doc_id: str) -> str:
    return f"{DOC_IRI_START}{doc_id}>"


def date_literal(d: Date) -> str:
    datatype = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}[d.precision]
    return literal(d.value, datatype=str(datatype))


def dated(d: Date) -> list[tuple[str, str]]:
    """kg:date to the text's precision, and kg:startDate/kg:endDate (xsd:date) that sort and compare."""
    start, end = d.days()
    day = str(XSD.date)
    return [(P["date"], date_literal(d)), (P["startDate"], literal(start, datatype=day)),
            (P["endDate"], literal(end, datatype=day))]


def decimal_literal(x: float) -> str:
    return literal(format(Decimal(repr(float(x))), "f"), datatype=str(XSD.decimal))


_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://\S+")


@dataclass
class GraphCounts:
    """What a build reports: entities by class, events and triples written."""
    entities: Counter = field(default_factory=Counter)
    meetings: int = 0
    treaties: int = 0
    bases: int = 0
    triples: int = 0


def graph_blocks(corpus: MergedCorpus, counts: GraphCounts | None = None) -> Iterator[Block]:
    """Every subject of the graph with its predicate-object pairs, in a fixed order: documents,
    entities (by IRI), meetings, treaties."""
    counts = counts if counts is not None else GraphCounts()
    node = {e.id: entity_iri(e.id, e.type) for e in corpus.entities.values()}
    yield from _document_blocks(corpus, counts)
    yield from _entity_blocks(corpus, node, counts)
    yield from _meeting_blocks(corpus, node, counts)
    yield from _treaty_blocks(corpus, node, counts)


def _document_blocks(corpus: MergedCorpus, counts: GraphCounts) -> Iterator[Block]:
    for d in corpus.documents():
        po = [(A, CLASS["Document"]), (P["sourceFile"], literal(d.source_file)), (P["sha256"], literal(d.sha256))]
        if d.published:
            po.append((P["published"], literal(d.published, datatype=str(XSD.date))))
        if d.url and _URL.fullmatch(d.url):
            po.append((P["url"], iri.__wrapped__(d.url)))
        if getattr(d, "title", None):
            po.append((P["title"], literal(d.title, "ar")))
        counts.triples += len(po)
        yield doc_iri(d.doc_id), po


def _entity_blocks(corpus: MergedCorpus, node: dict[str, str], counts: GraphCounts) -> Iterator[Block]:
    """Each entity: class and labels, the documents mentioning it, then its relations; a military
    base also carries the provenance of the fact that it is one."""
    bases = {b.base: b for b in corpus.bases if b.base in node}
    for e in sorted(corpus.entities.values(), key=lambda e: node[e.id]):
        counts.entities[e.type] += 1
        base = bases.get(e.id)
        po = _entity_head(e, base)
        # one object per document mentioning it: made a slice at a time (a frequent actor of a
        # large archive is mentioned in tens of thousands)
        ordinals = corpus.entity_docs.get(e.id, ())
        mentioned = _mentioned_in(corpus, ordinals)
        counts.triples += len(ordinals)
        tail = _entity_tail(e, base, node)
        counts.triples += len(po) + len(tail)
        if base:
            counts.bases += 1
            yield from _with_provenance(node[e.id], itertools.chain(po, mentioned, tail), base, counts)
        else:
            yield node[e.id], itertools.chain(po, mentioned, tail)


def _entity_head(e, base) -> list[tuple[str, str]]:
    """Class (and a base's kind), Arabic and English labels, alternative labels."""
    po = [(A, CLASS[e.type])]
    if base and base.kind in ("AirBase", "NavalBase"):
        po.append((A, CLASS[base.kind]))
    po.append((LABEL, literal(e.label_ar, "ar")))
    if e.label_en:
        po.append((LABEL, literal(e.label_en, "en")))
    po += [(ALT, literal(alt, "ar")) for alt in sorted(e.alt_labels)]
    return po


def _entity_tail(e, base, node: dict[str, str]) -> list[tuple[str, str]]:
    """Wikidata link, a person's affiliation and roles, subtype, places it lies in, coordinates,
    and a base's operators."""
    tail: list[tuple[str, str]] = []
    if e.wikidata:
        tail.append((SAME_AS, iri(f"{WD}{e.wikidata}")))
    if e.type == "Person":
        if e.affiliation and e.affiliation in node:
            tail.append((P["affiliation"], node[e.affiliation]))
        tail += [(P["role"], literal(role, "ar")) for role in sorted(e.roles)]
    if e.subtype:
        tail.append((P["subtype"], literal(e.subtype)))
    within = [p for p in (base.located_in if base else ()) if p in node]
    if e.located_in in node and e.located_in not in within and e.located_in != e.id:
        within.append(e.located_in)
    tail += [(P["locatedIn"], node[p]) for p in within]
    if e.lat is not None and e.long is not None:
        tail += [(LAT, decimal_literal(e.lat)), (LONG, decimal_literal(e.long))]
    if base:
        tail += [(P["operatedBy"], node[s]) for s in base.operated_by if s in node]
    return tail


def _meeting_blocks(corpus: MergedCorpus, node: dict[str, str], counts: GraphCounts) -> Iterator[Block]:
    """Each meeting, its IRI from date and first three participants (numbered when repeated)."""
    seen: dict[str, int] = {}
    for m in corpus.meetings():
        counts.meetings += 1
        key = f"{m.date.value if m.date else 'undated'}_" + "_".join(m.participants[:3])
        seen[key] = seen.get(key, 0) + 1
        po = [(A, CLASS["Meeting"])]
        if m.kind in KIND_CLASS:
            po.append((A, CLASS[m.kind]))
        po += [(P["participant"], node[p]) for p in m.participants if p in node]
        if m.date:
            po += dated(m.date)
        if m.location and m.location in node:
            po.append((P["location"], node[m.location]))
        suffix = f"-{seen[key]}" if seen[key] > 1 else ""
        counts.triples += len(po)
        subject = iri.__wrapped__(f"{KGR}meeting/{key.replace('_', '-')}{suffix}")  # one each: not cached
        yield from _with_provenance(subject, po, m, counts)


def _treaty_blocks(corpus: MergedCorpus, node: dict[str, str], counts: GraphCounts) -> Iterator[Block]:
    for t in corpus.treaties:
        counts.treaties += 1
        key = t.date.value[:4] + "-" if t.date else ""
        po = [(A, CLASS["Treaty"]), (LABEL, literal(t.label, "ar"))]
        po += [(ALT, literal(alt, "ar")) for alt in sorted(t.alt_labels)]
        po += [(P["party"], node[p]) for p in t.parties if p in node]
        if t.date:
            po += dated(t.date)
        counts.triples += len(po)
        yield from _with_provenance(iri(f"{KGR}treaty/{key}{_slug(t.label)}"), po, t, counts)


def _mentioned_in(corpus: MergedCorpus, ordinals: Iterable[int],
                  size: int = 256) -> Iterator[tuple[str, tuple[str, ...]]]:
    it = iter(ordinals)
    while chunk := list(itertools.islice(it, size)):
        yield P["mentionedIn"], tuple(corpus.doc_ids.terms(chunk, DOC_IRI_START, ">"))


def _with_provenance(subject: str, po: Iterable[tuple[str, str]], fact, counts: GraphCounts) -> Iterator[Block]:
    """The fact's block with its evidence sentences and sources, then one qualified derivation per
    source (PROV-O) that says which sentences were read from that document.

    A derivation is named after the fact and the document (`…/source/DOC`), not a blank node, so
    every format kg writes reads back to the same graph."""
    sources = sources_of(fact)
    lines = dict.fromkeys(evidence_lines(fact.evidence))
    derivations = [f"{subject[:-1]}/source/{doc}>" for doc, _ in sources]
    counts.triples += len(lines) + len(fact.documents) + len(sources)
    yield subject, itertools.chain(po, [(P["evidence"], literal(line, "ar")) for line in lines],
                                   ((DERIVED, doc_iri(doc)) for doc in fact.documents),
                                   [(QUALIFIED, d) for d in derivations])
    for derivation, (doc, said) in zip(derivations, sources):
        counts.triples += 2 + len(said)
        yield derivation, [(A, DERIVATION), (PROV_ENTITY, doc_iri(doc))] + [(P["evidence"], literal(x, "ar"))
                                                                           for x in said]


def rdflib_graph(corpus: MergedCorpus, counts: GraphCounts | None = None) -> Graph:
    """The same triples in an rdflib Graph (in memory: for JSON-LD, TriG and tests)."""
    from kg.output import ntriples_lines

    data = "".join(ntriples_lines(graph_blocks(corpus, counts)))
    return bind_prefixes(Graph()).parse(data=data, format="nt")


def _slug(label: str) -> str:
    from kg.link import slug

    return slug(label).replace("_", "-")[:60]
