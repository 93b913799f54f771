"""Per-document work: a pure function of one document, the knowledge base and NER spans."""
from __future__ import annotations

from dataclasses import replace

from kg.bodies import (acronym_mentions, base_mentions, delegation_mentions, described_base_mentions,
                       formal_state_mentions, organization_mentions, outlet_mentions, place_mentions)
from kg.dates import parse_dates
from kg.events import MeetingExtractor, context_years, extract_meetings, make_view
from kg.facts import extract_bases, extract_treaties
from kg.knowledge import KnowledgeBase
from kg.link import DocumentLinker, find_short_forms, slug
from kg.model import BaseFact, Document, DocResult, Mention, evolve
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
    """Entities, meetings, treaties and bases of one article (a pure function of its inputs)."""
    text = doc.text
    sentences = sentences if sentences is not None else split_sentences(text)
    linker = DocumentLinker(kb, doc.doc_id)

    # 1. recognize and link named mentions: gazetteer, the rules around it, then Stanza
    linked = _linked_mentions(sentences, kb, text, linker, ner_spans)

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
    described = {m.entity_id for m in linked if m.source == "described" and m.entity_id not in kb.entries}
    bases = _fold_described_bases(extract_bases(views, kb, text, doc.doc_id, types), described, linker, meetings)
    for t in treaties:
        for p in t.parties:
            if p in kb.entries:
                linker.entity(p, "State", kb.entries[p].ar)
    return DocResult(doc, linker.entities, meetings, treaties, bases)


def _linked_mentions(sentences: list[Sentence], kb: KnowledgeBase, text: str, linker: DocumentLinker,
                     ner_spans: list[list[tuple[int, int, str]]] | None) -> list[Mention]:
    """Named mentions linked to entities, then the later short forms of new names and delegations."""
    named: list[Mention] = []
    for s in sentences:
        named.extend(_named_in_sentence(s, kb, text))
    if ner_spans is not None:
        named.extend(stanza_mentions(sentences, ner_spans, text, _covered(named)))
    linked = linker.fold_same_persons(linker.fold_short_organizations(linker.link_named(named, sentences)))
    linked = linker.fold_overread_names(linked)
    short_index = linker.short_forms(linked)
    # a person's short name wins over a one-word place of the same spelling ("الأمير نايف")
    covered = _covered([m for m in linked if not (m.type == "Place" and m.end - m.start == 1)])
    types = {e.id: e.type for e in linker.entities.values()}
    extra = [m for s in sentences for m in find_short_forms(s, short_index, covered, text, types)]
    if extra:
        taken = _covered(extra)
        dropped = {m.entity_id for m in linked if not taken.isdisjoint(range(m.start, m.end))}
        linked = [m for m in linked if taken.isdisjoint(range(m.start, m.end))]
        for entity_id in dropped - {m.entity_id for m in linked}:
            linker.entities.pop(entity_id, None)
    linked.extend(linker.link_named(extra, sentences))
    linked.extend(_delegations(sentences, kb, linker, linked))
    return linked


def _fold_described_bases(bases: list[BaseFact], described: set[str], linker: DocumentLinker,
                          meetings: list) -> list[BaseFact]:
    """One article's descriptions of a base it does not name ('قاعدة عسكرية في قطر' … 'القاعدة
    التركية') are one base, and the named base with the same operator when there is one."""
    if not described:
        return bases
    operators: dict[str, set[str]] = {}
    kinds: dict[str, set[str]] = {}
    for b in bases:
        operators.setdefault(b.base, set()).update(b.operated_by)
        kinds.setdefault(b.base, set()).add(b.kind)

    def same_kind(a: str, b: str) -> bool:
        return "MilitaryBase" in kinds[a] | kinds[b] or bool(kinds[a] & kinds[b])
    into: dict[str, str] = {}
    kept: list[str] = []  # descriptions that stand for a base of their own
    for base in operators:
        if base not in described:
            continue
        mine = operators[base]
        host = next((h for h in operators if h not in described and mine & operators[h] and same_kind(h, base)),
                    None) or next((h for h in kept if (not mine or not operators[h] or mine & operators[h])
                                   and same_kind(h, base)), None)
        if host is None:
            kept.append(base)
        else:
            into[base] = host
            operators[host] |= mine
    for short, host in into.items():
        e, h = linker.entities.pop(short), linker.entities[host]
        h.alt_labels |= {e.label_ar} | e.alt_labels
        h.mentions += e.mentions
    for m in meetings:
        m.location = into.get(m.location, m.location)
    return [replace(b, base=into.get(b.base, b.base)) for b in bases]


def _delegations(sentences: list[Sentence], kb: KnowledgeBase, linker: DocumentLinker,
                 linked: list[Mention]) -> list[Mention]:
    """'وفد روسي': the delegation's state, linked without taking 'وفد' as a name of it."""
    out = []
    by_sentence: dict[int, list[Mention]] = {}
    for x in linked:
        by_sentence.setdefault(x.sentence, []).append(x)
    for s in sentences:
        for m in delegation_mentions(s, kb, by_sentence.get(s.index, [])):
            if m.entity_id in kb.entries:
                linker.entity(m.entity_id, "State", kb.entries[m.entity_id].ar)
                out.append(m)
    return out


def _named_in_sentence(s: Sentence, kb: KnowledgeBase, text: str) -> list[Mention]:
    """Gazetteer names, then what the rules read around them: titled persons, outlets, bases,
    organizations and their acronyms. An outlet or base named after a known place or state
    ('موقع "روسيا اليوم"', 'قاعدة طرطوس') replaces the gazetteer's reading of that word."""
    found = [_with_state_form(m, s, kb, text) if m.type == "State" else _whole_name(m, s, kb, text)
             if m.type == "Person" else m for m in gazetteer_mentions(s, kb, text)]
    covered = {i: m.type for m in found for i in range(m.start, m.end)}
    found += formal_state_mentions(s, kb, text, covered)
    covered = {i: m.type for m in found for i in range(m.start, m.end)}
    places = {i: m.entity_id for m in found if m.type == "Place" for i in range(m.start, m.end)}
    wider = outlet_mentions(s, kb, text, covered) + base_mentions(s, kb, text, covered, places)
    named_base = any(m.type == "MilitaryBase" for m in found + wider)
    wider += described_base_mentions(s, kb, text, covered, named_base, places)
    wider += place_mentions(s, kb, text, {i: t for i, t in covered.items() if i not in _covered(wider)})
    inside = _covered(wider)
    found = [m for m in found if not inside.intersection(range(m.start, m.end))]
    with_roles = pattern_mentions(s, kb, text, found)
    role_by_start = {m.start: m for m in with_roles if m.source == "gazetteer"}
    out = [role_by_start.get(m.start, m) for m in found]
    persons = [m for m in with_roles if m.source == "pattern"]
    taken = _covered(persons)  # a place's name read as a person's ("الأمير نايف بن أحمد")
    out = [m for m in out if taken.isdisjoint(range(m.start, m.end))]
    out.extend(persons)
    covered.update({i: m.type for m in wider + persons for i in range(m.start, m.end)})
    orgs = organization_mentions(s, kb, text, covered, places)
    if any(not m.affiliation for m in orgs):
        in_titles = {s.tokens[p].index for p in title_spans(s, kb, found)}
        orgs = [m for m in orgs if m.affiliation or m.start not in in_titles]
    named = [evolve(m, entity_id=m.entity_id or slug(m.surface)) if m.type != "Person" else m
             for m in wider + orgs]
    out.extend(named)
    acronyms = acronym_mentions(s, [m for m in found if m.type == "Organization"] + named, text)
    out.extend(a for a in acronyms if a.start not in covered)  # "(واس)" the gazetteer knows: one mention
    return out


def _whole_name(m: Mention, s: Sentence, kb: KnowledgeBase, text: str) -> Mention:
    """A known person as the text names them: without a title the gazetteer wrote with the name
    ('الأمير فيصل بن فرحان' -> 'فيصل بن فرحان', so the title is read as one), and with the
    lineage the text adds ('فيصل بن فرحان بن عبدالله')."""
    p, q = s.position(m.start), s.position(m.end)
    hit = kb.titles.match_at(s.norms, p, kb.titles.starts(s.norms[p]) or None)
    if hit and p + hit[0] < q - 1:
        p += hit[0]
    particles = kb.words("patronymic_particles")
    while q + 1 < len(s.tokens) and s.norms[q] in particles and s.norms[q + 1].isalpha():
        q += 2
    if (p, q) == (s.position(m.start), s.position(m.end)):
        return m
    a, b = s.tokens[p], s.tokens[q - 1]
    return evolve(m, start=a.index, end=b.index + 1, char_start=a.start, char_end=b.end, surface=text[a.start:b.end])


def _with_state_form(m: Mention, s: Sentence, kb: KnowledgeBase, text: str) -> Mention:
    """'دولة الإمارات', 'جمهورية مصر العربية': the state named with its form and qualifiers."""
    p, q = s.position(m.start), s.position(m.end)
    forms = kb.words("state_forms")
    if p and s.norms[p - 1] in forms and not s.norms[p - 1].startswith("ال") and m.surface == s.tokens[p].text:
        p -= 1
        while q < len(s.tokens) and s.norms[q] in kb.words("state_qualifiers"):
            q += 1
    if (p, q) == (s.position(m.start), s.position(m.end)):
        return m
    a, b = s.tokens[p], s.tokens[q - 1]
    return evolve(m, start=a.index, end=b.index + 1, char_start=a.start, char_end=b.end, surface=text[a.start:b.end])


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
