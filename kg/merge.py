"""Merging across articles: one node per real-world entity and per real-world event."""
from __future__ import annotations

from kg.events import family, places_compatible
from kg.knowledge import KnowledgeBase
from kg.model import BaseFact, Corpus, Date, DocResult, Entity, Meeting, Treaty
from kg.text import normalize


def merge_results(results: list[DocResult], kb: KnowledgeBase) -> Corpus:
    results = sorted(results, key=lambda r: r.document.source_file)
    entities: dict[str, Entity] = {}
    for r in results:
        for e in r.entities.values():
            _merge_entity(entities, e)
    alias = _short_form_aliases(entities)
    for old, new in alias.items():
        _merge_entity(entities, entities.pop(old), into=new)
    remap = lambda i: alias.get(i, i)  # noqa: E731
    meetings = [m for r in results for m in r.meetings]
    for m in meetings:
        m.participants = list(dict.fromkeys(remap(p) for p in m.participants))
        m.location = remap(m.location) if m.location else None
    located_in = kb.located_in()
    corpus = Corpus(
        documents=[r.document for r in results],
        entities=entities,
        meetings=merge_meetings(meetings, located_in),
        treaties=merge_treaties([t for r in results for t in r.treaties]),
        bases=merge_bases([b for r in results for b in r.bases]),
    )
    referenced = {p for m in corpus.meetings for p in [*m.participants, m.location] if p}
    referenced |= {p for t in corpus.treaties for p in t.parties}
    referenced |= {x for b in corpus.bases for x in [*b.located_in, *b.operated_by]}
    referenced |= {e.affiliation for e in entities.values() if e.affiliation}
    for ref in sorted(referenced - set(entities)):
        entry = kb.entries.get(ref)
        if entry:  # known to the gazetteer, named by a fact but not in the text
            entities[ref] = Entity(ref, entry.type, entry.ar, entry.en, wikidata=entry.wikidata,
                                   subtype=entry.subtype, affiliation=entry.affiliation)
    return corpus


def _merge_entity(entities: dict[str, Entity], e: Entity, into: str | None = None) -> None:
    key = into or e.id
    have = entities.get(key)
    if have is None:
        entities[key] = Entity(key, e.type, e.label_ar, e.label_en, set(e.alt_labels), set(e.roles),
                               e.affiliation, e.wikidata, e.subtype, set(e.documents), e.mentions)
        return
    have.alt_labels |= e.alt_labels
    if normalize(e.label_ar) != normalize(have.label_ar):
        have.alt_labels.add(e.label_ar)
    have.alt_labels.discard(have.label_ar)
    have.roles |= e.roles
    have.documents |= e.documents
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


def _absorb(a: Meeting, b: Meeting) -> None:
    for p in b.participants:
        if p not in a.participants:
            a.participants.append(p)
    if b.date and (a.date is None or len(b.date.value) > len(a.date.value)):
        a.date = b.date
    a.location = a.location or b.location
    for d in b.documents:
        if d not in a.documents:
            a.documents.append(d)
    if b.evidence not in a.evidence:
        a.evidence = a.evidence + "\n" + b.evidence


def _same_event(a: Meeting, b: Meeting, located_in: dict[str, str]) -> bool:
    pa, pb = set(a.participants), set(b.participants)
    return (family(a.kind) == family(b.kind) and (pa <= pb or pb <= pa)
            and a.date is not None and b.date is not None and a.date.compatible(b.date)
            and places_compatible(a.location, b.location, located_in)
            and not set(a.documents) & set(b.documents))


def merge_meetings(meetings: list[Meeting], located_in: dict[str, str]) -> list[Meeting]:
    """Reports of one encounter in several articles become one meeting with several sources."""
    dated = sorted((m for m in meetings if m.date), key=lambda m: (-len(m.date.value), m.documents[0], m.sentence))
    merged: list[Meeting] = []
    for m in dated:
        host = next((h for h in merged if _same_event(h, m, located_in)), None)
        if host:
            _absorb(host, m)
        else:
            merged.append(m)
    for m in (m for m in meetings if not m.date and not m.date_unresolved):
        hosts = [h for h in merged if h.date and family(h.kind) == family(m.kind) and m.location
                 and h.location and places_compatible(h.location, m.location, located_in)
                 and set(m.participants) <= set(h.participants) and m.documents[0] not in h.documents]
        if len(hosts) == 1:
            _absorb(hosts[0], m)
        else:
            merged.append(m)
    merged.extend(m for m in meetings if not m.date and m.date_unresolved)
    return sorted(merged, key=lambda m: (m.date.value if m.date else "9999", m.documents[0], m.sentence))


def merge_treaties(treaties: list[Treaty]) -> list[Treaty]:
    merged: list[Treaty] = []
    for t in treaties:
        host = next((h for h in merged if (
            set(h.parties) == set(t.parties) and h.parties and h.date and t.date and h.date.compatible(t.date))
            or normalize(h.label) == normalize(t.label)), None)
        if not host:
            merged.append(Treaty(t.label, list(t.parties), t.date, t.evidence, list(t.documents)))
            continue
        longer, shorter = (t.label, host.label) if len(t.label) > len(host.label) else (host.label, t.label)
        host.label = longer
        if normalize(shorter) != normalize(longer):
            host.alt_labels.add(shorter)
        if t.date and (host.date is None or len(t.date.value) > len(host.date.value)):
            host.date = Date(t.date.value)
        host.parties = list(dict.fromkeys(host.parties + t.parties))
        host.documents = list(dict.fromkeys(host.documents + t.documents))
        if t.evidence not in host.evidence:
            host.evidence += "\n" + t.evidence
    return merged


def merge_bases(facts: list[BaseFact]) -> list[BaseFact]:
    by_base: dict[str, BaseFact] = {}
    for f in facts:
        have = by_base.get(f.base)
        if have is None:
            by_base[f.base] = BaseFact(f.base, f.kind, list(f.located_in), list(f.operated_by),
                                       f.evidence, list(f.documents))
            continue
        have.located_in = list(dict.fromkeys(have.located_in + f.located_in))
        have.operated_by = list(dict.fromkeys(have.operated_by + f.operated_by))
        have.documents = list(dict.fromkeys(have.documents + f.documents))
        if f.evidence not in have.evidence:
            have.evidence += "\n" + f.evidence
    return [by_base[k] for k in sorted(by_base)]
