"""Per-document work: a pure function of one document, the knowledge base and NER spans.

The work is an ordered list of stages (`STAGES`), each declaring the items of the document's
state it requires and provides (kg.stages); the order is checked when this module is loaded.
A new recognizer is a module with its function plus one line in `STAGES`; `kg stages` prints
the list.
"""
from __future__ import annotations

from operator import attrgetter

from kg.bodies import delegation_mentions
from kg.dates import parse_dates
from kg.events import MeetingExtractor, make_view
from kg.events_dates import context_years
from kg.facts import extract_bases, extract_treaties, fold_described_bases
from kg.knowledge import KnowledgeBase
from kg.link import DocumentLinker
from kg.meeting_fold import extract_meetings
from kg.model import Document, DocResult, Mention, MentionSource
from kg.names import ends_a_longer_name
from kg.bases import fold_named_bases
from kg.facilities import facility_mentions, landmark_mentions
from kg.homonyms import town_adjectives
from kg.towns import town_mentions
from kg.recognize import find_short_forms, may_describe_roles, role_descriptions, stanza_mentions
from kg.sentence_names import covered_tokens as _covered, named_in_sentence
from kg.stages import DocState, Stage, check_order, run_stages, stage
from kg.text import Sentence, normalize, split_sentences, stems

#: A mention's first token, the sort key of every sentence's mentions (in C, not a lambda per mention).
_START = attrgetter("start")


@stage("sentences", requires=("doc", "given_sentences"), provides=("sentences",))
def split(st: DocState) -> None:
    """Sentences and tokens with offsets (the caller's when it split them already)."""
    st.sentences = st.given_sentences if st.given_sentences is not None else split_sentences(st.doc.text)


@stage("names", requires=("sentences", "kb"), provides=("named",))
def recognize_names(st: DocState) -> None:
    """Gazetteer names and what the rules read around them, sentence by sentence."""
    st.named = []
    landmarks, towns = st.kb.stem_forms("landmark_heads").words, town_adjectives(st.kb)  # one set test each
    for s in st.sentences:
        named = named_in_sentence(s, st.kb, st.doc.text)
        named += facility_mentions(s, st.kb, st.doc.text, named, st.doc.doc_id)
        if not landmarks.isdisjoint(s.forms):
            named += landmark_mentions(s, st.kb, st.doc.text, named)
        if not towns.isdisjoint(s.forms):
            named += town_mentions(s, st.kb, st.doc.text, named)
        st.named.extend(named)


@stage("ner", requires=("sentences", "ner_spans", "named"), provides=("named",))
def add_ner_names(st: DocState) -> None:
    """The NER model's spans that no rule read (nothing without a model)."""
    if st.ner_spans is not None:
        st.named.extend(stanza_mentions(st.sentences, st.ner_spans, st.doc.text, _covered(st.named)))


@stage("link", requires=("sentences", "named", "kb"), provides=("linker", "linked"))
def link_names(st: DocState) -> None:
    """Named mentions linked to entities; one person or body read twice folded into one."""
    st.linker = linker = DocumentLinker(st.kb, st.doc.doc_id)
    linked = linker.fold_same_persons(linker.fold_short_organizations(linker.link_named(st.named, st.sentences)))
    st.linked = linker.drop_retitled(linker.fold_overread_names(linked))


@stage("short-forms", requires=("sentences", "linker", "linked"), provides=("linked",))
def link_short_forms(st: DocState) -> None:
    """Later short forms of names given in full ('بيسكوف', 'واس'), replacing what they cover."""
    linker, linked = st.linker, st.linked
    short_index = linker.short_forms(linked)
    if short_index.is_empty():
        return  # most articles give no new person's name after a title nor an acronym: nothing to find
    # a person's short name wins over a one-word place of the same spelling ("الأمير نايف")
    covered = _covered([m for m in linked if not (m.type == "Place" and m.end - m.start == 1)])
    types = {e.id: e.type for e in linker.entities.values()}
    extra = [m for s in st.sentences for m in find_short_forms(s, short_index, covered, st.doc.text, types)
             if not ends_a_longer_name(s, m, linker.kb, _label(linker, m.entity_id))]
    if extra:
        taken = _covered(extra)
        dropped = {m.entity_id for m in linked if not taken.isdisjoint(range(m.start, m.end))}
        linked = [m for m in linked if taken.isdisjoint(range(m.start, m.end))]
        for entity_id in dropped - {m.entity_id for m in linked}:
            linker.entities.pop(entity_id, None)
    linked.extend(linker.link_named(extra, st.sentences))
    st.linked = linked


def _label(linker: DocumentLinker, entity_id: str | None) -> str:
    e = linker.entities.get(entity_id or "")
    return e.label_ar if e else ""


@stage("delegations", requires=("sentences", "kb", "linker", "linked"), provides=("linked",))
def link_delegations(st: DocState) -> None:
    """'وفد روسي': the delegation's state, linked without taking 'وفد' as a name of it."""
    by_sentence: dict[int, list[Mention]] = {}
    for x in st.linked:
        by_sentence.setdefault(x.sentence, []).append(x)
    out = []
    for s in st.sentences:
        for m in delegation_mentions(s, st.kb, by_sentence.get(s.index, [])):
            if m.entity_id in st.kb.entries:
                named = m.entity_id in st.linker.entities
                state = st.linker.entity(m.entity_id, "State", st.kb.entries[m.entity_id].ar)
                if not named:
                    state.documents = set()  # "الوفد الإيراني" refers to Iran; the article names it not
                out.append(m)
    st.linked.extend(out)


@stage("dates", requires=("doc", "kb", "sentences"), provides=("dates", "years", "reference"))
def read_dates(st: DocState) -> None:
    """Dates per sentence, the year each sentence's context speaks of, the reference date."""
    st.dates = {s.index: parse_dates(s.tokens, st.kb, norms=s.norms) for s in st.sentences}
    st.years = context_years(st.sentences, st.dates)
    st.reference = reference_date(st.doc, st.dates)


@stage("roles", requires=("doc", "kb", "sentences", "linker", "linked", "dates", "years", "reference"),
       provides=("views",))
def resolve_roles(st: DocState) -> None:
    """Per sentence: role descriptions linked to their holder at the sentence's date; its view."""
    doc, kb, linker = st.doc, st.kb, st.linker
    by_sentence: dict[int, list[Mention]] = {}
    for m in st.linked:
        by_sentence.setdefault(m.sentence, []).append(m)
    views = []
    last: list[Mention] = []  # the sentence before's mentions (the persons a counterpart may be of)
    tickers = _ticker_paragraphs(st.sentences)
    today = doc.published or printed_today(st.sentences, st.dates, kb)
    for s in st.sentences:
        # a date's span does not depend on the reference date, only the value of a relative or
        # partial one: a sentence whose dates were all resolved without it has nothing to redo
        dates, when = st.dates[s.index], st.reference
        if dates:  # most sentences name no date: nothing to redo, and the reference date holds
            if not all(d.date for d in dates) and (today is not None or st.years[s.index] is not None):
                dates = parse_dates(s.tokens, kb, today, st.years[s.index], s.norms)
            when = next((d.date.value for d in dates if d.date), st.reference)
        mentions = sorted(by_sentence.get(s.index, []), key=_START)
        if may_describe_roles(s, kb):  # most sentences: none, and the linked of the one before are not asked for
            _describe_roles(s, kb, linker, mentions, [m for m in last if m.entity_id], when, doc.text)
            mentions.sort(key=_START)
        last = mentions
        views.append(make_view(s, kb, mentions, dates, ticker=s.paragraph in tickers))
    st.views = views


def _describe_roles(s: Sentence, kb: KnowledgeBase, linker: DocumentLinker, mentions: list[Mention],
                    previous: list[Mention], when: str | None, text: str) -> None:
    """Adds to `mentions` the sentence's role descriptions, linked to their holder at `when`."""
    persons = _covered([m for m in mentions if m.type == "Person"])
    for r in role_descriptions(s, kb, _covered(mentions), persons, text, mentions):
        if r.source == MentionSource.PAIR:
            mentions.append(r)
            continue
        resolved = linker.resolve_role(r, when, previous + mentions)
        if resolved:
            mentions.append(resolved)


@stage("pairs", requires=("kb", "linker", "views"), provides=("views", "types"))
def resolve_pairs(st: DocState) -> None:
    """'الزعيمان': the two leaders named before; views keep only linked mentions."""
    st.types = {e.id: e.type for e in st.linker.entities.values()}
    pair = MentionSource.PAIR
    if any(m.source is pair for v in st.views for m in v.mentions):  # most articles: none
        _resolve_pairs(st.views, _leaders(st.kb, st.linker.entities))
    for v in st.views:
        if v.mentions:  # a sentence naming no one has nothing to drop
            v.mentions = [m for m in v.mentions if m.entity_id]


@stage("meetings", requires=("doc", "kb", "linker", "views", "types"), provides=("meetings",))
def find_meetings(st: DocState) -> None:
    """Meetings, visits and calls with their participants, place and date."""
    extractor = MeetingExtractor(st.kb, st.types, {e.id: e.affiliation for e in st.linker.entities.values()})
    st.meetings = extract_meetings(st.views, st.kb, extractor, st.doc.text, st.doc.doc_id)


@stage("treaties", requires=("doc", "kb", "linker", "views", "types"), provides=("treaties",))
def find_treaties(st: DocState) -> None:
    """Named treaties with their parties and date."""
    st.treaties = extract_treaties(st.views, st.kb, st.doc.text, st.doc.doc_id, st.types,
                                   {e.id: e.affiliation for e in st.linker.entities.values()})


@stage("bases", requires=("doc", "kb", "linker", "linked", "views", "types", "meetings"),
       provides=("bases", "meetings"))
def find_bases(st: DocState) -> None:
    """Military bases with operator and place; one article's descriptions of a base folded."""
    described = {m.entity_id for m in st.linked
                 if m.source == MentionSource.DESCRIBED and m.entity_id not in st.kb.entries}
    found = extract_bases(st.views, st.kb, st.doc.text, st.doc.doc_id, st.types)
    st.bases = fold_named_bases(fold_described_bases(found, described, st.linker, st.meetings), st.linker,
                                st.meetings, st.kb)


@stage("treaty-parties", requires=("kb", "linker", "treaties"), provides=("linker",))
def add_treaty_parties(st: DocState) -> None:
    """A treaty's known parties are graph nodes, mentioned in the article only if it names them.

    A party the article gives only by its adjective ('ونظيره الأوغندي') is referenced, not named."""
    for t in st.treaties:
        for p in t.parties:
            if p in st.kb.entries and p not in st.linker.entities:
                st.linker.entity(p, "State", st.kb.entries[p].ar).documents = set()


#: The registry: the order extraction runs in. A new stage is one line here.
STAGES: list[Stage] = [split, recognize_names, add_ner_names, link_names, link_short_forms, link_delegations,
                       read_dates, resolve_roles, resolve_pairs, find_meetings, find_treaties, find_bases,
                       add_treaty_parties]
check_order(STAGES)


def process_document(doc: Document, kb: KnowledgeBase,
                     ner_spans: list[list[tuple[int, int, str]]] | None = None,
                     sentences: list[Sentence] | None = None) -> DocResult:
    """Entities, meetings, treaties and bases of one article (a pure function of its inputs)."""
    st = run_stages(STAGES, DocState(doc, kb, ner_spans, sentences))
    return DocResult(doc, st.linker.entities, st.meetings, st.treaties, st.bases)


def reference_date(doc: Document, raw_dates: dict) -> str | None:
    """The time an undated sentence speaks of: publication date, else the latest year named."""
    if doc.published:
        return doc.published
    years = [d.date.value[:4] for found in raw_dates.values() for d in found if d.date]
    return max(years) if years else None


def printed_today(sentences: list[Sentence], dates: dict, kb: KnowledgeBase) -> str | None:
    """'اليوم الثلاثاء 25 تموز 2023': the day the article prints as today, for its other
    relative days ('تسلّم … اليوم الثلاثاء رسالة'), when no publication date is given (a dateline
    on a short line is one already: kg.dates.find_published)."""
    today = kb.words("today_words")
    for s in sentences:
        if not dates[s.index] or today.isdisjoint(s.forms):
            continue  # no date, or no 'today' word (its tokens' stems are among the forms)
        for d in dates[s.index]:
            if d.date and len(d.date.value) == 10 and any(
                    not today.isdisjoint(stems(s.tokens[k].norm)) for k in range(max(0, d.start - 2), d.start + 1)):
                return d.date.value
    return None


#: The commas whose absence marks a ticker (a comma is a token of its own, so a sentence has one
#: exactly when its forms do: one set test, not two counts over its tokens).
_TICKER_COMMAS = frozenset({"،", ","})


def _ticker_paragraphs(sentences: list[Sentence], min_tokens: int = 60, prose_mean: int = 30) -> set[int]:
    """Long paragraphs without a single comma are headline tickers, not narration, unless they are
    prose written without commas: at least half their sentences close with one full stop (headlines
    run together or end in '..') and those sentences are of ordinary length, `prose_mean` tokens or
    fewer on average ('التقى الوزير … مع نظيره … . و بهذه المناسبة صرح …'). Run-on text whose
    'sentences' are a ticker, a headline glued to its lead or a caption run together averages far
    more, and is read by the rules for narration no better than a ticker."""
    sizes: dict[int, int] = {}
    for s in sentences:
        sizes[s.paragraph] = sizes.get(s.paragraph, 0) + len(s.tokens)
    long = {p for p, n in sizes.items() if n >= min_tokens}
    if not long:
        return long  # most articles: no paragraph as long as a ticker, and nothing more to count
    with_comma: set[int] = set()
    closed: dict[int, int] = {}  # sentences closed by a single full stop
    count: dict[int, int] = {}
    for s in sentences:
        if s.paragraph not in long:
            continue
        count[s.paragraph] = count.get(s.paragraph, 0) + 1
        if not _TICKER_COMMAS.isdisjoint(s.forms):
            with_comma.add(s.paragraph)
        closed[s.paragraph] = closed.get(s.paragraph, 0) + _full_stop(s)
    return {p for p in long if p not in with_comma
            and (2 * closed[p] < count[p] or sizes[p] > prose_mean * count[p])}


def _full_stop(s: Sentence) -> bool:
    """Whether the sentence ends with one '.' (not '..' nor '...', a headline's ellipsis)."""
    texts = [t.text for t in s.tokens[-2:]]
    return bool(texts) and texts[-1] == "." and (len(texts) < 2 or not texts[0].startswith("."))


def _leaders(kb: KnowledgeBase, entities) -> set[str]:
    """Persons who are heads of state or leaders, by the gazetteer or the roles the text gives."""
    out = set()
    for e in entities.values():
        entry = kb.entries.get(e.id)
        offices = [o.role for o in entry.offices] if entry else []
        if any(_is_head_role(kb, r) for r in [*offices, *e.roles] if r.strip()):
            out.add(e.id)
    return out


def _is_head_role(kb: KnowledgeBase, role: str) -> bool:
    """Whether a role's first word is a head of state's ('الرئيس', 'الملك'); answered once per
    role (every article asks it again of the same few hundred offices)."""
    memo = kb.derived("head_role_memo", dict)
    found = memo.get(role)
    if found is None:
        heads = kb.derived("head_role_words", lambda: frozenset(
            normalize(w).removeprefix("ال") for w in kb.lexicon["head_of_state_roles"]))
        found = memo[role] = normalize(role).removeprefix("ال").split()[0] in heads
    return found


def _resolve_pairs(views, leaders: set[str]) -> None:
    """'الزعيمان' / 'الرئيسان': the two leaders most recently named before it."""
    from dataclasses import replace

    recent: list[Mention] = []
    for v in views:
        resolved = []
        for m in sorted(v.mentions, key=_START):
            if m.source == MentionSource.PAIR:
                resolved.extend(replace(p, start=m.start, end=m.end, source=MentionSource.PAIR_OF) for p in recent[-2:])
                continue
            resolved.append(m)
            if m.entity_id in leaders:
                recent = [r for r in recent if r.entity_id != m.entity_id] + [m]
        v.mentions = sorted(resolved, key=_START)
