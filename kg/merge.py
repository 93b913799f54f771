"""Merging across articles: one node per real-world entity and per real-world event.

`CorpusMerger` folds per-article results in corpus order and keeps in memory only what grows
with the number of distinct entities and events: the documents themselves and the undated
reports (a node each, so they grow with the corpus) are spilled to disk and streamed back when
the graph is written. Its state can be saved and resumed, so adding articles to a corpus folds
only the new ones.
"""
from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

from kg.identity import family, same_encounter, undated_joins
from kg.knowledge import KnowledgeBase
from kg.model import BaseFact, Corpus, Document, DocResult, Entity, Meeting, Treaty, evidence_lines, sources_of
from kg.packed import Ordinals, PackedStrings, Said, Selection, Sources
from kg.spill import Spill as _Spill
from kg.text import normalize


KEY_BYTES = 16


def document_key(doc: Document) -> bytes:
    """What identifies a document's extraction: its file, text and publication date."""
    return hashlib.sha256(f"{doc.source_file}\x00{doc.sha256}\x00{doc.published}".encode()).digest()[:KEY_BYTES]


@dataclass
class _Host:
    """A dated meeting that reports from several articles may join.

    Its documents are ordinals in an array: a string per source, kept to the end, would pin
    memory all over the heap on a large corpus."""
    meeting: Meeting
    ordinals: array
    evidence: dict[str, None]
    latest: int = -1                 # documents come in corpus order: the last one folded
    folded: array | None = None      # sorted ordinals of the fold, once undated reports are merged
    said: Said = field(default_factory=Said)

    def has(self, ordinal: int) -> bool:
        """Does a report of this document already support the meeting? Documents come in corpus
        order, in the fold and again when undated reports are merged, so the newest is enough,
        with a binary search of the fold's documents in the second pass."""
        if ordinal == self.latest:
            return True
        if self.folded is None:
            return False
        i = bisect_left(self.folded, ordinal)
        return i < len(self.folded) and self.folded[i] == ordinal


@dataclass
class MergeState:
    """Everything folded so far; small enough to pickle after every build."""
    keys: bytearray = field(default_factory=bytearray)    # document_key of each document folded
    entities: dict[str, Entity] = field(default_factory=dict)
    doc_ids: PackedStrings = field(default_factory=PackedStrings)
    entity_docs: dict[str, Ordinals] = field(default_factory=dict)        # entity id -> ordinals
    hosts: list[_Host] = field(default_factory=list)
    treaties: list[Treaty] = field(default_factory=list)
    treaty_docs: list[array] = field(default_factory=list)               # ordinals, per treaty
    treaty_said: list[Said] = field(default_factory=list)
    bases: dict[str, BaseFact] = field(default_factory=dict)
    base_docs: dict[str, array] = field(default_factory=dict)            # ordinals, per base
    base_said: dict[str, Said] = field(default_factory=dict)
    documents: _Spill | None = None
    undated: _Spill | None = None


class CorpusMerger:
    """Folds DocResults, in corpus order, into one node per entity and per event."""

    def __init__(self, kb: KnowledgeBase, spill_dir: Path, state: MergeState | None = None):
        self.kb = kb
        self.located_in = kb.located_in()
        spill_dir = Path(spill_dir)
        spill_dir.mkdir(parents=True, exist_ok=True)
        self.state = state or MergeState(documents=_Spill(spill_dir / "documents.pkl"),
                                         undated=_Spill(spill_dir / "undated.pkl"))

    # --- folding ----------------------------------------------------------------------------
    def add(self, result: DocResult) -> None:
        st = self.state
        doc = result.document
        ordinal = len(st.doc_ids)
        st.keys += document_key(doc)
        st.doc_ids.append(doc.doc_id)
        st.documents.append([replace(doc, text="")])
        for e in result.entities.values():
            _merge_entity(st.entities, e)
            docs = st.entity_docs.get(e.id)
            if docs is None:
                docs = st.entity_docs[e.id] = Ordinals()
            if e.documents:  # a treaty's party the article only refers to is not mentioned in it
                docs.append(ordinal)  # result.entities has each entity once
        dated = sorted((m for m in result.meetings if m.date), key=lambda m: (-len(m.date.value), m.sentence))
        for m in dated:
            self._fold_dated(m, ordinal)
        st.undated.append([(ordinal, m) for m in sorted((m for m in result.meetings if not m.date),
                                                        key=lambda m: m.sentence)])
        for t in result.treaties:
            n = _fold_treaty(st.treaties, t)
            if n == len(st.treaty_docs):
                st.treaty_docs.append(array("i"))
                st.treaty_said.append(Said())
            _add_ordinal(st.treaty_docs[n], ordinal)
            st.treaty_said[n].add(ordinal, t.evidence)
        for b in result.bases:
            _fold_base(st.bases, b)
            _add_ordinal(st.base_docs.setdefault(b.base, array("i")), ordinal)
            st.base_said.setdefault(b.base, Said()).add(ordinal, b.evidence)

    def _fold_dated(self, m: Meeting, ordinal: int) -> None:
        for h in self.state.hosts:
            if not h.has(ordinal) and same_encounter(h.meeting, m, self.located_in):
                _absorb(h, m, ordinal)
                return
        host = _Host(replace(m, participants=list(m.participants), documents=[]),
                     array("i", [ordinal]), dict.fromkeys(evidence_lines(m.evidence)), ordinal)
        host.said.add(ordinal, m.evidence)
        self.state.hosts.append(host)

    # --- the merged corpus --------------------------------------------------------------------
    def finish(self) -> "MergedCorpus":
        """The merged corpus. It consumes the fold's state: save that first to resume from it."""
        st = self.state
        entities = st.entities
        entity_docs = st.entity_docs
        alias = _short_form_aliases(entities)
        for old, new in alias.items():
            _merge_entity(entities, entities.pop(old), into=new)
            entity_docs[new] = Ordinals(sorted(set(entity_docs.get(new, ())) | set(entity_docs.pop(old, ()))))
        remap = lambda i: alias.get(i, i)  # noqa: E731
        for h in st.hosts:
            _remap(h.meeting, remap)
        absorbed = bytearray(st.undated.count)  # 1 where an undated report joined a dated meeting
        by_family: dict[str, list[_Host]] = {}
        for h in st.hosts:
            by_family.setdefault(family(h.meeting.kind), []).append(h)
            h.folded, h.latest = array("i", sorted(h.ordinals)), -1
        referenced: set[str] = set()
        for n, (ordinal, m) in enumerate(st.undated):
            _remap(m, remap)
            if not (m.date_unresolved or not m.location):
                hosts = [h for h in by_family.get(family(m.kind), ())
                         if undated_joins(m, h.meeting, self.located_in) and not h.has(ordinal)]
                if len(hosts) == 1:
                    _absorb(hosts[0], m, ordinal)
                    absorbed[n] = 1
                    continue
            referenced.update(p for p in [*m.participants, m.location] if p)
        doc_ids = st.doc_ids
        for h in st.hosts:
            h.meeting.evidence = "\n".join(h.evidence)
            h.meeting.documents = Selection(doc_ids, h.ordinals)
            h.meeting.sources = Sources(doc_ids, h.said)
        for t, ordinals, said in zip(st.treaties, st.treaty_docs, st.treaty_said):
            t.documents, t.sources = Selection(doc_ids, ordinals), Sources(doc_ids, said)
        for key, b in st.bases.items():
            b.documents, b.sources = Selection(doc_ids, st.base_docs[key]), Sources(doc_ids, st.base_said[key])
        hosts = sorted((h.meeting for h in st.hosts), key=lambda m: (m.date.value, m.documents[0], m.sentence))
        treaties = st.treaties
        bases = [st.bases[k] for k in sorted(st.bases)]
        referenced |= {p for m in hosts for p in [*m.participants, m.location] if p}
        referenced |= {p for t in treaties for p in t.parties}
        referenced |= {x for b in bases for x in [*b.located_in, *b.operated_by]}
        referenced |= {e.affiliation for e in entities.values() if e.affiliation}
        for ref in sorted(referenced - set(entities)):
            entry = self.kb.entries.get(ref)
            if entry:  # known to the gazetteer, named by a fact but not in the text
                entities[ref] = Entity(ref, entry.type, entry.ar, entry.en, wikidata=entry.wikidata,
                                       subtype=entry.subtype, affiliation=entry.affiliation,
                                       located_in=entry.located_in, lat=entry.lat, long=entry.long)
        return MergedCorpus(entities, st.doc_ids, entity_docs, hosts, treaties, bases, st.documents, st.undated,
                            absorbed, remap)


@dataclass
class MergedCorpus:
    """The merged corpus as the graph writer and the network drawing read it, streamed where it is large."""
    entities: dict[str, Entity]
    doc_ids: PackedStrings                  # ordinal -> doc id
    entity_docs: dict[str, Ordinals]      # entity id -> ordinals of the documents mentioning it
    dated: list[Meeting]                  # merged dated meetings, in timeline order
    treaties: list[Treaty]
    bases: list[BaseFact]
    _documents: _Spill
    _undated: _Spill
    _absorbed: bytearray
    _remap: object

    def documents_of(self, entity_id: str) -> Iterator[str]:
        """Ids of the documents that mention an entity, in corpus order."""
        return (self.doc_ids[i] for i in self.entity_docs.get(entity_id, ()))

    def documents(self) -> Iterator[Document]:
        """Documents in corpus order, without their text."""
        return iter(self._documents)

    def meetings(self) -> Iterator[Meeting]:
        """Every merged meeting: dated ones by date, then undated ones in corpus order."""
        yield from self.dated
        for n, (_, m) in enumerate(self._undated):
            if not self._absorbed[n]:
                yield _remap(m, self._remap)

    def to_corpus(self) -> Corpus:
        """Everything in memory (for tests and small corpora)."""
        entities = {k: replace(e, documents=set(self.documents_of(k))) for k, e in self.entities.items()}
        meetings = [replace(m, documents=list(m.documents), sources=sources_of(m)) for m in self.meetings()]
        treaties = [replace(t, documents=list(t.documents), sources=sources_of(t)) for t in self.treaties]
        bases = [replace(b, documents=list(b.documents), sources=sources_of(b)) for b in self.bases]
        return Corpus(list(self.documents()), entities, meetings, treaties, bases)


def merge_results(results: list[DocResult], kb: KnowledgeBase) -> Corpus:
    """All results merged in memory (the pipeline streams with CorpusMerger instead)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        merger = CorpusMerger(kb, Path(tmp))
        for r in sorted(results, key=lambda r: r.document.source_file):
            merger.add(r)
        return merger.finish().to_corpus()


def _add_ordinal(have: array, ordinal: int) -> None:
    """Documents arrive in corpus order, so one already there is the last one."""
    if not have or have[-1] != ordinal:
        have.append(ordinal)


def _remap(m: Meeting, remap) -> Meeting:
    m.participants = list(dict.fromkeys(remap(p) for p in m.participants))
    m.location = remap(m.location) if m.location else None
    return m


def _merge_entity(entities: dict[str, Entity], e: Entity, into: str | None = None) -> None:
    key = into or e.id
    have = entities.get(key)
    if have is None:
        entities[key] = Entity(key, e.type, e.label_ar, e.label_en, set(e.alt_labels), set(e.roles),
                               e.affiliation, e.wikidata, e.subtype, set(), e.mentions,
                               e.located_in, e.lat, e.long)
        return
    have.alt_labels |= e.alt_labels
    if normalize(e.label_ar) != normalize(have.label_ar):
        have.alt_labels.add(e.label_ar)
    have.alt_labels.discard(have.label_ar)
    have.roles |= e.roles
    have.mentions += e.mentions
    have.affiliation = have.affiliation or e.affiliation
    have.label_en = have.label_en or e.label_en
    have.wikidata = have.wikidata or e.wikidata


def _short_form_aliases(entities: dict[str, Entity]) -> dict[str, str]:
    """A new person known only by a short form in one article is the full name of another."""
    persons = [e for e in entities.values() if e.type == "Person"]
    alias: dict[str, str] = {}
    for short in persons:
        words = normalize(short.label_ar).split()
        for full in persons:
            fw = normalize(full.label_ar).split()
            if full is not short and len(fw) > len(words) and fw[-len(words):] == words:
                alias[short.id] = full.id
                break
    return alias


def _absorb(host: _Host, b: Meeting, ordinal: int) -> None:
    """Report b, from the document `ordinal`, joins the host."""
    a = host.meeting
    host.said.add(ordinal, b.evidence)
    if b.date and a.date and len(b.date.value) > len(a.date.value):
        # the more precise report leads (kind, participants' order), as if it had come first
        lead = replace(b, participants=list(b.participants), documents=[], location=b.location or a.location)
        lead.participants += [p for p in a.participants if p not in lead.participants]
        host.ordinals = array("i", [ordinal]) + host.ordinals
        host.evidence = dict.fromkeys(evidence_lines(b.evidence)) | host.evidence
        host.meeting = lead
    else:
        for p in b.participants:
            if p not in a.participants:
                a.participants.append(p)
        if b.date and (a.date is None or len(b.date.value) > len(a.date.value)):
            a.date = b.date
        a.location = a.location or b.location
        host.ordinals.append(ordinal)
        host.evidence.update(dict.fromkeys(evidence_lines(b.evidence)))
    host.latest = max(host.latest, ordinal)


def _parties_agree(a: list[str], b: list[str]) -> bool:
    """A generic name ('اتفاقية تعاون') signed by other states is another treaty; parties not
    given, or the ones of one among the other's, agree."""
    return not a or not b or set(a) <= set(b) or set(b) <= set(a)


def _fold_treaty(merged: list[Treaty], t: Treaty) -> int:
    """Index of the treaty that t is (a new one at the end if none)."""
    n = next((n for n, h in enumerate(merged) if (
        set(h.parties) == set(t.parties) and h.parties and h.date and t.date and h.date.compatible(t.date))
        or (normalize(h.label) == normalize(t.label) and _parties_agree(h.parties, t.parties))), None)
    if n is None:
        merged.append(Treaty(t.label, list(t.parties), t.date, t.evidence, []))
        return len(merged) - 1
    host = merged[n]
    longer, shorter = (t.label, host.label) if len(t.label) > len(host.label) else (host.label, t.label)
    host.label = longer
    if normalize(shorter) != normalize(longer):
        host.alt_labels.add(shorter)
    if t.date and (host.date is None or len(t.date.value) > len(host.date.value)):
        host.date = t.date
    host.parties = list(dict.fromkeys(host.parties + t.parties))
    if t.evidence not in host.evidence:
        host.evidence += "\n" + t.evidence
    return n


def _fold_base(by_base: dict[str, BaseFact], f: BaseFact) -> None:
    have = by_base.get(f.base)
    if have is None:
        by_base[f.base] = BaseFact(f.base, f.kind, list(f.located_in), list(f.operated_by), f.evidence, [])
        return
    have.located_in = list(dict.fromkeys(have.located_in + f.located_in))
    have.operated_by = list(dict.fromkeys(have.operated_by + f.operated_by))
    if f.evidence not in have.evidence:
        have.evidence += "\n" + f.evidence
