"""Per-document work: a pure function of one document, the knowledge base and NER spans."""
from __future__ import annotations

from kg.dates import parse_dates
from kg.events import (MeetingExtractor, context_years, extract_bases, extract_meetings,
                       extract_treaties, make_view)
from kg.knowledge import KnowledgeBase
from kg.link import DocumentLinker, find_short_forms
from kg.model import Document, DocResult, Mention, evolve
from kg.bodies import (acronym_mentions, base_mentions, delegation_mentions, organization_mentions,
                       outlet_mentions, place_mentions)
from kg.link import slug
from kg.recognize import gazetteer_mentions, pattern_mentions, role_descriptions, stanza_mentions
from kg.text import Sentence, normalize, split_sentences
from kg.titles import title_spans


def _covered(mentions: list[Mention]) -> set[int]:
    return {i for m in mentions for i in range(m.start, m.end)}


def reference_date(doc: Document, raw_dates: dict) -> str | None:
    """The time an undated sentence speaks of: publication date, else the latest year named."""
    if doc.published:
        return doc.published
    years = [d.date.value[:4] for found in raw_dates.values() for d in found if d.date]
    return max(years) if years else None


def process_document(doc: Document, kb: KnowledgeBase,
                     ner_spans: list[list[tuple[int, int, str]]] | None = None,
                     sentences: list[Sentence] | None = None) -> DocResult:
    text = doc.text
    sentences = sentences if sentences is not None else split_sentences(text)
    linker = DocumentLinker(kb, doc.doc_id)

    # 1. recognize named mentions: gazetteer, then title patterns, then Stanza
    named: list[Mention] = []
    for s in sentences:
        named.extend(_named_in_sentence(s, kb, text))
    if ner_spans is not None:
        named.extend(stanza_mentions(sentences, ner_spans, text, _covered(named)))
    linked = linker.fold_short_organizations(linker.link_named(named, sentences))
    short_index = linker.short_forms(linked)
    covered = _covered(linked)
    types = {e.id: e.type for e in linker.entities.values()}
    extra = [m for s in sentences for m in find_short_forms(s, short_index, covered, text, types)]
    linked.extend(linker.link_named(extra, sentences))
    for s in sentences:
        for m in delegation_mentions(s, kb, [x for x in linked if x.sentence == s.index]):
            if m.entity_id in kb.entries:
                linker.entity(m.entity_id, "State", kb.entries[m.entity_id].ar)
                linked.append(m)

    # 2. dates per sentence, then role descriptions resolved at the sentence's date
    raw_dates = {s.index: parse_dates(s.tokens, kb) for s in sentences}
    years = context_years(sentences, raw_dates)
    ref = reference_date(doc, raw_dates)
    by_sentence: dict[int, list[Mention]] = {}
    for m in linked:
        by_sentence.setdefault(m.sentence, []).append(m)
    views = []
    previous: list[Mention] = []
    tickers = _ticker_paragraphs(sentences)
    for s in sentences:
        # a date's span does not depend on the reference date, only the value of a relative or
        # partial one: a sentence whose dates were all resolved without it has nothing to redo
        dates = raw_dates[s.index]
        if not all(d.date for d in dates) and (doc.published is not None or years[s.index] is not None):
            dates = parse_dates(s.tokens, kb, doc.published, years[s.index])
        when = next((d.date.value for d in dates if d.date), ref)
        mentions = sorted(by_sentence.get(s.index, []), key=lambda m: m.start)
        persons = _covered([m for m in mentions if m.type == "Person"])
        for r in role_descriptions(s, kb, _covered(mentions), persons, text, mentions):
            if r.source == "pair":
                mentions.append(r)
                continue
            resolved = linker.resolve_role(r, when, previous + mentions)
            if resolved:
                mentions.append(resolved)
        mentions.sort(key=lambda m: m.start)
        previous = [m for m in mentions if m.entity_id]
        views.append(make_view(s, kb, mentions, dates, ticker=s.paragraph in tickers))

    # 3. events and facts
    types = {e.id: e.type for e in linker.entities.values()}
    _resolve_pairs(views, _leaders(kb, linker.entities))
    for v in views:
        v.mentions = [m for m in v.mentions if m.entity_id]
    extractor = MeetingExtractor(kb, types, {e.id: e.affiliation for e in linker.entities.values()})
    meetings = extract_meetings(views, kb, extractor, text, doc.doc_id)
    treaties = extract_treaties(views, kb, text, doc.doc_id, types)
    bases = extract_bases(views, kb, text, doc.doc_id, types)
    for t in treaties:
        for p in t.parties:
            if p in kb.entries:
                linker.entity(p, "State", kb.entries[p].ar)
    return DocResult(doc, linker.entities, meetings, treaties, bases)


def _named_in_sentence(s: Sentence, kb: KnowledgeBase, text: str) -> list[Mention]:
    """Gazetteer names, then what the rules read around them: titled persons, outlets, bases,
    organizations and their acronyms. An outlet or base named after a known place or state
    ('موقع "روسيا اليوم"', 'قاعدة طرطوس') replaces the gazetteer's reading of that word."""
    found = gazetteer_mentions(s, kb, text)
    covered = {i: m.type for m in found for i in range(m.start, m.end)}
    places = {i: m.entity_id for m in found if m.type == "Place" for i in range(m.start, m.end)}
    wider = outlet_mentions(s, kb, text, covered) + base_mentions(s, kb, text, covered, places)
    wider += place_mentions(s, kb, text, {i: t for i, t in covered.items() if i not in _covered(wider)})
    inside = _covered(wider)
    found = [m for m in found if not inside.intersection(range(m.start, m.end))]
    with_roles = pattern_mentions(s, kb, text, found)
    role_by_start = {m.start: m for m in with_roles if m.source == "gazetteer"}
    out = [role_by_start.get(m.start, m) for m in found]
    persons = [m for m in with_roles if m.source == "pattern"]
    out.extend(persons)
    covered.update({i: m.type for m in wider + persons for i in range(m.start, m.end)})
    in_titles = {s.tokens[p].index for p in title_spans(s, kb, found)}
    orgs = [m for m in organization_mentions(s, kb, text, covered)
            if m.affiliation or m.start not in in_titles]
    named = [evolve(m, entity_id=m.entity_id or slug(m.surface)) if m.type != "Person" else m
             for m in wider + orgs]
    out.extend(named)
    acronyms = acronym_mentions(s, [m for m in found if m.type == "Organization"] + named, text)
    out.extend(a for a in acronyms if a.start not in covered)  # "(واس)" the gazetteer knows: one mention
    return out


def _ticker_paragraphs(sentences: list[Sentence], min_tokens: int = 60) -> set[int]:
    """Long paragraphs without a single comma are headline tickers, not narration."""
    sizes: dict[int, int] = {}
    commas: dict[int, int] = {}
    for s in sentences:
        sizes[s.paragraph] = sizes.get(s.paragraph, 0) + len(s.tokens)
        commas[s.paragraph] = commas.get(s.paragraph, 0) + s.norms.count("،") + s.norms.count(",")
    return {p for p, n in sizes.items() if n >= min_tokens and commas[p] == 0}


def _leaders(kb: KnowledgeBase, entities) -> set[str]:
    """Persons who are heads of state or leaders, by the gazetteer or the roles the text gives."""
    heads = {normalize(w).removeprefix("ال") for w in kb.lexicon["head_of_state_roles"]}
    out = set()
    for e in entities.values():
        entry = kb.entries.get(e.id)
        offices = [o.role for o in entry.offices] if entry else []
        if any(normalize(r).removeprefix("ال").split()[0] in heads for r in [*offices, *e.roles] if r.strip()):
            out.add(e.id)
    return out


def _resolve_pairs(views, leaders: set[str]) -> None:
    """'الزعيمان' / 'الرئيسان': the two leaders most recently named before it."""
    from dataclasses import replace

    recent: list[Mention] = []
    for v in views:
        resolved = []
        for m in sorted(v.mentions, key=lambda m: m.start):
            if m.source == "pair":
                resolved.extend(replace(p, start=m.start, end=m.end, source="pair-of") for p in recent[-2:])
                continue
            resolved.append(m)
            if m.entity_id in leaders:
                recent = [r for r in recent if r.entity_id != m.entity_id] + [m]
        v.mentions = sorted(resolved, key=lambda m: m.start)
