"""One article's meeting candidates folded into its encounters (sentence, report, summit, visit,
undated mentions), by the event-identity rule of kg.identity plus what only one article shows."""
from __future__ import annotations

from kg.events import Candidate, MeetingExtractor, SentenceView
from kg.identity import family, places_compatible, undated_joins
from kg.knowledge import KnowledgeBase
from kg.model import Date, Meeting


def _merge_into(a: Candidate, b: Candidate, priority: list[str]) -> None:
    for p in b.participants:
        if p not in a.participants:
            a.participants.append(p)
    if priority.index(b.kind) < priority.index(a.kind):
        a.kind, a.location = b.kind, b.location or a.location
    if b.date and (not a.date or len(b.date.value) > len(a.date.value)
                   or (a.date.end and not b.date.end and a.date.compatible(b.date))):
        a.date = b.date  # the more precise date; a day inside a visit's range names the meeting
    a.relative_day = (a.relative_day or not a.has_date_mention) and (b.relative_day or not b.has_date_mention)
    a.has_date_mention = a.has_date_mention or b.has_date_mention
    a.travel = a.travel or b.travel
    a.location = a.location or b.location
    if b.evidence not in a.evidence:
        a.evidence = a.evidence + "\n" + b.evidence  # one kg:evidence literal per sentence


def _same_family_or_no_one(a: Candidate, b: Candidate) -> bool:
    """A letter handed over during a reception ('تسلم رسالة … خلال استقباله الوزير') is two
    encounters; a clause without participants of its own joins any; talks of a call's or letter's
    own parties in its sentence ('تلقى اتصالا هاتفيا من …، تم خلاله بحث …') are what it discussed."""
    if family(a.kind) == family(b.kind) or not (a.participants and b.participants):
        return True
    talks, other = (a, b) if a.kind == "Talks" else (b, a)
    return talks.kind == "Talks" and family(other.kind) != "in-person" \
        and set(talks.participants) <= set(other.participants)


def _visit_beside_summit(a: Candidate, b: Candidate, types: dict[str, str]) -> bool:
    """'وصل الرئيس إلى نيروبي، للمشاركة في أعمال قمة مجموعة شرق أفريقيا': a body's summit and a visit told in one
    sentence are two events (the summit the body's, the arrival taking part in it), not a visit of the body."""
    return {a.kind, b.kind} == {"Visit", "Summit"} and any(
        types.get(p) == "Organization" for e in (a, b) if e.kind == "Summit" for p in e.participants)


def _compatible_dates(a: Date | None, b: Date | None) -> bool:
    return a is None or b is None or a.compatible(b)


def extract_meetings(views: list[SentenceView], kb: KnowledgeBase, extractor: MeetingExtractor,
                     text: str, doc_id: str) -> list[Meeting]:
    priority = extractor.priority
    events: list[Candidate] = []
    previous_by_paragraph: dict[int, Candidate] = {}
    before: SentenceView | None = None  # the sentence before: its first person is a pronoun's subject
    for view in views:
        cands = extractor.candidates(view, text)
        if cands and before is not None and any(c.host_of_previous for c in cands):  # most: none asks
            subject = next((m.entity_id for m in before.mentions if extractor.types.get(m.entity_id) == "Person"), None)
            for c in cands:
                if c.host_of_previous and subject and subject not in c.participants:
                    c.participants.insert(0, subject)
        before = view
        if not cands:
            continue  # most sentences: no encounter to merge or date
        # one sentence: candidates with compatible dates are one encounter
        merged: list[Candidate] = []
        for c in cands:
            host = next((m for m in merged if not c.dated_list and not m.dated_list
                         and _compatible_dates(m.date, c.date) and _same_family_or_no_one(m, c)
                         and not (m.during and c.during) and not (m.another or c.another)
                         and not _visit_beside_summit(m, c, extractor.types)), None)
            if host:
                _merge_into(host, c, priority)
            else:
                merged.append(c)
        para = view.sentence.paragraph
        for c in merged:
            prev = previous_by_paragraph.get(para)
            if c.date is None and not c.has_date_mention and prev and prev.date \
                    and prev.sentence.index == view.sentence.index - 1:
                c.date = prev.date  # the narrative goes on at the same date
        for c in merged:
            if c.participants:
                previous_by_paragraph[para] = c
        events.extend(merged)
    if not events:
        return []  # an article telling of no encounter: nothing to fold
    events = [e for e in _arrivals_join_summit(events, kb, priority) if _enough(e, extractor.types)]
    events = _merge_where(events, _same_report, priority)
    events = _merge_where(events, _same_summit(extractor.types), priority)
    events = _merge_where(events, _inside_visit, priority)
    events = _merge_undated(events, priority, kb)
    events = _states_for_their_people(events, extractor, priority)
    events = _talks_by_call(events)
    # a delegation's state was kept through the merges, so that "وفد سوري وصل" joins "استقبل الوفد"
    return [Meeting(e.kind, extractor.without_represented(e.participants),
                    e.date, e.location,
                    e.evidence, [doc_id], e.sentence.index, e.sentence.paragraph,
                    date_unresolved=e.date is None and e.has_date_mention) for e in events]


def _states_for_their_people(events: list[Candidate], extractor: MeetingExtractor, priority) -> list[Candidate]:
    """'وقعت كينيا وأوغندا على أربع اتفاقيات' beside 'ترأس الرئيس الكيني …، والرئيس الأوغندي …
    مراسم التوقيع': an undated encounter of states alone is the one undated encounter, in the sentence
    before or after, whose persons are of those very states (the states stood for them). A headline's
    ('قمة رابعة بين كينيا وأوغندا..') is the one such encounter of the body, however far."""
    out = []
    for e in events:
        states = set(e.participants)
        if _undated_at_all(e) and states and all(extractor.types.get(p) == "State" for p in states):
            hosts = [h for h in events if h is not e and family(h.kind) == family(e.kind) and _undated_at_all(h)
                     and _told_twice(e, h) and states == {extractor.affiliations.get(p) for p in h.participants}]
            if len(hosts) == 1:
                _merge_into(hosts[0], e, priority)
                continue
        out.append(e)
    return out


def _told_twice(e: Candidate, h: Candidate) -> bool:
    """One sentence after the other, or `e` in the headline (the first paragraph) and `h` in the body."""
    return abs(h.sentence.index - e.sentence.index) <= 1 or h.sentence.paragraph > e.sentence.paragraph == 0


def _undated_at_all(e: Candidate) -> bool:
    """No date, or only a day word kg leaves unresolved ('أمس الأحد'): not a date it could not read."""
    return e.date is None and (not e.has_date_mention or e.relative_day)


def _talks_by_call(events: list[Candidate]) -> list[Candidate]:
    """'الرئيس الكيني يبحث مع نظيره الأوغندي …' over an article on their phone call: talks of
    the same people, undated, in an article that reports one call or letter between them, are
    that call ('بحث' says what was discussed, not how)."""
    calls = [u for u in events if family(u.kind) != "in-person"]
    if not calls:
        return events
    out = []
    for e in events:
        hosts = [u for u in calls if set(u.participants) == set(e.participants)] if e.kind == "Talks" else []
        if not e.has_date_mention and not e.another and len(hosts) == 1:
            if e.evidence not in hosts[0].evidence:
                hosts[0].evidence += "\n" + e.evidence
            continue
        out.append(e)
    return out


def _arrivals_join_summit(events: list[Candidate], kb: KnowledgeBase, priority) -> list[Candidate]:
    """An article's one summit at a known place ('افتتحت في إسطنبول أعمال القمة …'): the arrivals there
    ('ووصل … إلى إسطنبول') and its other mentions ('مشاركة الرئيس … في القمة') are taking
    part in it, not visits of their own."""
    summits = [e for e in events if e.kind == "Summit" and e.location in kb.entries]
    if len(summits) != 1:
        return events
    summit = summits[0]
    held = kb.entries[summit.location]
    located = {summit.location: held.located_in or held.capital_of}
    out = []
    for e in events:
        arrival = e.kind == "Visit" and e.travel and not e.during and bool(e.location) \
            and places_compatible(summit.location, e.location, located)
        mention = e.kind == "Summit" and e.location is None
        of_its_day = e.date is None or bool(summit.date and summit.date.compatible(e.date))
        if e is not summit and of_its_day and (arrival or mention) and not e.another:
            kind, location = summit.kind, summit.location
            _merge_into(summit, e, priority)
            summit.kind, summit.location = kind, location  # still the summit, where it is held
        else:
            out.append(e)
    return out


def _enough(e: Candidate, types: dict[str, str]) -> bool:
    if e.kind == "Visit":
        return len(e.participants) >= 1
    if e.kind == "Summit" and any(types.get(p) == "Organization" for p in e.participants):
        return True  # the summit of an organization
    return len(e.participants) >= 2


def _same_summit(types: dict[str, str]):
    """One article's summit of an organization and 'شارك في القمة …' are one summit."""
    def same(u: Candidate, e: Candidate) -> bool:
        return u.kind == e.kind == "Summit" and not (u.another or e.another) and _compatible_dates(u.date, e.date) \
            and any(types.get(p) == "Organization" for p in u.participants + e.participants)
    return same


def _merge_where(events: list[Candidate], same, priority) -> list[Candidate]:
    """Fold each event into the first earlier one that `same(earlier, event)` accepts."""
    out: list[Candidate] = []
    for e in events:
        channel = family(e.kind)
        host = next((u for u in out if family(u.kind) == channel and same(u, e)), None)
        if host:
            _merge_into(host, e, priority)
        else:
            out.append(e)
    return out


def _same_report(u: Candidate, e: Candidate) -> bool:
    """The same people on the same day, told twice (text and caption), is one encounter."""
    return bool(e.date and u.date and u.date.value == e.date.value
                and set(u.participants) == set(e.participants))


def _inside_visit(v: Candidate, e: Candidate) -> bool:
    """A meeting inside a multi-day visit's range, in the next sentence, is part of the visit."""
    return bool(v.date and v.date.end and e.date and v.date.compatible(e.date)
                and abs(v.sentence.index - e.sentence.index) <= 1
                and set(v.participants) & set(e.participants))


def _lone_visit(e: Candidate) -> bool:
    """'وجاءت زيارة الوزير للأردن …', 'قام بزيارة كينيا': a traveller's visit, no one else named."""
    return e.travel and len(e.participants) == 1


def _visit_and_encounter(u: Candidate, e: Candidate) -> bool:
    """A traveller's visit and the visitor's reception or talks with a host are two facts (as
    two dated reports of them are): the visitor alone does not fold into an encounter that
    tells of no travel. One that does ('زيارة الوزير إلى الأردن ولقاؤه بنظيره') is the visit."""
    lone, other = (u, e) if _lone_visit(u) else (e, u)
    return _lone_visit(lone) and len(other.participants) > 1 and not other.travel


def _same_undated(kb: KnowledgeBase):
    """Undated mentions of the same people's encounter in one article, not at two places the
    knowledge base tells apart ('وصل … إلى أبوظبي' and 'وصل … إلى مسقط' are two visits). An encounter
    on the sidelines of a larger one is apart from it, but one with the very same people is itself told
    again (a headline's 'صباغ يلتقي نظيره المصري')."""
    def same(u: Candidate, e: Candidate) -> bool:
        a, b = set(u.participants), set(e.participants)
        return u.date is None and e.date is None and not (u.another or e.another) and (a == b or (a <= b or b <= a) and not (u.sideline or e.sideline)) \
            and not _visit_and_encounter(u, e) and not _known_places_apart(kb, u.location, e.location)
    return same


def _known_places_apart(kb: KnowledgeBase, a: str | None, b: str | None) -> bool:
    """Two states or cities of the knowledge base, neither the other nor inside it; a region ('الشرق
    الأوسط') or a place the article alone names (a palace, an airport) may hold either."""
    ea, eb = kb.entries.get(a or ""), kb.entries.get(b or "")
    if a == b or not all(e is not None and (e.type == "State" or e.located_in) for e in (ea, eb)):
        return False
    return not places_compatible(a, b, {x: e.located_in for x, e in ((a, ea), (b, eb)) if e.located_in})


def _merge_undated(events: list[Candidate], priority, kb: KnowledgeBase) -> list[Candidate]:
    """Undated mentions of the same encounter in one article are one event; one with no date
    at all ('على هامش القمة') joins the single dated event it can only be."""
    out = _merge_where(events, _same_undated(kb), priority)
    final: list[Candidate] = []
    for e in out:
        if e.date is None and (not e.has_date_mention or (e.relative_day and e.location)) and not e.sideline \
                and not e.another:
            # with a place, the host must be at that very place (an article names it one way)
            hosts = [d for d in out if not d.another and undated_joins(e, d, {})]
            if len(hosts) == 1:
                _merge_into(hosts[0], e, priority)
                continue
        final.append(e)
    return final
