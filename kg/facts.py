"""Treaties and military bases of one article, read from the sentence views the meeting rules use.

A treaty is a treaty word with a name after it ('معاهدة الصداقة والتعاون'), its parties the
nationalities in its name and the states after 'بين'; a base fact is a base mention with the
operator its adjective or an owning verb names ('تستخدم موسكو قاعدة طرطوس') and the place after it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.base_operators import builder, stationed_troops_nation
from kg.bases import merge_bases
from kg.events import SentenceView
from kg.events_marks import found_in
from kg.knowledge import KnowledgeBase
from kg.model import BaseFact, Treaty
from kg.treaty_mentions import describes_several, quoted_name_end
from kg.text import normalize, stems, surface_without_clitic

if TYPE_CHECKING:
    from kg.link import DocumentLinker


def extract_treaties(views: list[SentenceView], kb: KnowledgeBase, text: str, doc_id: str,
                     types: dict[str, str], affiliations: dict[str, str | None] | None = None) -> list[Treaty]:
    """Named treaties with their parties and date; a batch signed together ('5 اتفاقيات') when
    the article names none of its treaties."""
    words = kb.phrases("treaty_words")
    out: list[Treaty] = []
    batches: list[Treaty] = []
    for view in views:
        toks = view.sentence.tokens
        found = found_in(view, words)
        batch_end = -1
        for a, b, _ in found:
            if a < batch_end:
                continue  # "12 اتفاقية ومذكرة تفاهم": a treaty word of the batch
            signers = _signers(view, kb, types, affiliations or {}, a)
            if a > 0 and _is_count(kb, toks[a - 1].norm) and not any(d.start < a <= d.end for d in view.dates) and (
                    toks[a].norm in kb.words("treaty_batch_words") or toks[a - 1].norm.isdigit()):
                batch_end = _batch_end(found, b)
                batches.append(_batch(view, text, doc_id, signers, a - 1, batch_end))
                continue
            quoted = quoted_name_end(view, kb, b)
            end = quoted or _name_end(view, kb, a, b)
            if end is None or (not signers and describes_several(view, kb, a, b)):
                continue
            if not quoted and toks[b - 1].norm.startswith("ال") and not toks[b].norm.startswith(("ال", "وال")):
                continue  # "وشملت الاتفاقية اعتبار …": the treaty named before, then its content
            form = next(f for f in stems(toks[a].norm) if words.match_at([f] + [t.norm for t in toks[a + 1:b]], 0))
            parties: list[str] = []
            for t in toks[a:end]:
                state = kb.nationality.get(t.norm)
                if state and state not in parties:
                    parties.append(state)
            label_end = _parties_after(view, kb, types, end, parties)
            parties = parties or signers
            label = (surface_without_clitic(toks[a], form) + text[toks[a].end:toks[label_end - 1].end]).strip()
            dates = [d for d in view.dates if d.start >= end and view.clause[d.start] == view.clause[a] and d.date]
            out.append(Treaty(label, parties, dates[0].date if dates else None,
                              text[view.sentence.start:view.sentence.end], [doc_id]))
    return _fold_short_labels(out, kb) or batches


def _name_end(view: SentenceView, kb: KnowledgeBase, a: int, b: int, field_first: bool = False) -> int | None:
    """Where the name after a treaty word ends ('معاهدة الصداقة والتعاون'), with one field of it
    ('مذكرة تعاون في مجال الطاقة', 'اتفاقية تعاون في مجالات الري والزراعة'); None for a bare
    word ('الاتفاق'). `field_first`: the name is a field alone ('في مجال …' after the parties)."""
    toks = view.sentence.tokens
    words, stops, topics = kb.phrases("treaty_words"), kb.words("treaty_name_stops"), kb.phrases("treaty_topic_links")
    end, field_at, field_len = b, None, 0
    while end < len(toks):
        topic = topics.match_at(view.sentence.norms, end, topics.starts(toks[end].norm) or None)
        if topic and field_at is None and (end > b or b - a > 1 or field_first):
            field_at, field_len = end, topic[0]
            end += field_len
            continue
        if not toks[end].norm.isalpha() or toks[end].norm in stops or any(d.start == end for d in view.dates) \
                or words.starts(toks[end].norm):
            break  # "اتفاقية لتجنب الازدواج الضريبي ومذكرة تفاهم …": two treaties
        end += 1
    if field_at is not None and end == field_at + field_len:
        end = field_at  # a field link with no field after it
    return None if end == b else end


def _parties_after(view: SentenceView, kb: KnowledgeBase, types: dict[str, str], end: int,
                   parties: list[str]) -> int:
    """'بين كينيا والحكومة الأوغندية' after the name (also after 'الموقعة'): the states it
    names join `parties`. Returns where the label ends: after a field that follows the parties
    ('اتفاقية تعاون بين الأردن والعراق في مجال النقل البري'), else at the name's end."""
    toks = view.sentence.tokens
    name_end = end
    b = end
    while end < len(toks) and end - b < 8 and toks[end].norm in kb.words("treaty_participles"):
        end += 1
    if end >= len(toks) or toks[end].norm not in kb.words("treaty_party_links"):
        return name_end
    for m in view.mentions:
        p = view.pos(m.start)
        if p > end and view.clause[p] == view.clause[end] and types.get(m.entity_id) == "State" \
                and m.entity_id not in parties:
            parties.append(m.entity_id)
    last = end
    for t in toks[end + 1:]:
        q = t.index - toks[0].index
        if view.clause[q] != view.clause[end]:
            break
        state = _nationality(kb, t.norm)
        if state and state not in parties:
            parties.append(state)
        if state or any(view.pos(m.start) <= q < view.pos(m.end) for m in view.mentions
                         if types.get(m.entity_id) == "State"):
            last = q + 1
    topics = kb.phrases("treaty_topic_links")
    if last < len(toks) and topics.match_at(view.sentence.norms, last, topics.starts(toks[last].norm) or None):
        field_end = _name_end(view, kb, last, last, field_first=True)
        return field_end if field_end is not None else name_end
    return name_end


def _batch_end(found: list[tuple[int, int, object]], b: int) -> int:
    """'12 اتفاقية ومذكرة تفاهم': the batch goes on over treaty words joined to it."""
    for a2, b2, _ in found:
        if a2 == b:
            b = b2
    return b


def _is_count(kb: KnowledgeBase, norm: str) -> bool:
    """'5 اتفاقيات', 'ست اتفاقيات' (not the year of 'ديسمبر 2014 اتفاقية')."""
    return (norm.isdigit() and int(norm) < 1000) or norm in kb.words("count_words")


def _signers(view: SentenceView, kb: KnowledgeBase, types: dict[str, str],
             affiliations: dict[str, str | None], a: int) -> list[str]:
    """'وقع وزير الخارجية الأردني … ونظيره العراقي …، اتفاقية …': the states of those named between
    the signing verb and the treaty (a state itself, or the state a person acts for)."""
    norms = view.sentence.norms
    verbs = [p for p in range(a) if norms[p] in kb.words("signing_verbs")]
    if not verbs:
        return []
    out: list[str] = []
    v = verbs[-1]
    for lo, hi in ((v, a), (-1, v)):  # between the verb and the treaty; else who witnessed the signing
        for m in view.mentions:   # before it in its clause ('شهد الرئيسان … توقيع 15 اتفاقية')
            p = view.pos(m.start)
            kind = types.get(m.entity_id)
            state = m.entity_id if kind == "State" else affiliations.get(m.entity_id) if kind == "Person" else None
            if lo < p < hi and (hi == a or view.clause[p] == view.clause[v]) and state and state not in out:
                out.append(state)
        if out:
            return out
    for t in view.sentence.tokens[v + 1:a]:  # "وقعت الحكومتان المصرية والأردنية …"
        state = _nationality(kb, t.norm)
        if state and state not in out:
            out.append(state)
    return out


def _nationality(kb: KnowledgeBase, norm: str) -> str | None:
    """The state of a nationality adjective, also one joined by 'و' ('والأردنية')."""
    return kb.nationality.get(norm) or kb.nationality.get(norm[1:] if norm.startswith("و") else "")


def _batch(view: SentenceView, text: str, doc_id: str, parties: list[str], a: int, b: int) -> Treaty:
    """'وقّع رئيس الوزراء الهندي مع الرئيس الإماراتي 5 اتفاقيات تشمل …': one entry for the batch, named by its
    count, its parties the signers' states."""
    toks = view.sentence.tokens
    dates = [d for d in view.dates if view.clause[d.start] == view.clause[a] and d.date]
    return Treaty(text[toks[a].start:toks[b - 1].end], parties, dates[0].date if dates else None,
                  text[view.sentence.start:view.sentence.end], [doc_id])


def _longer_name_of(h: Treaty, t: Treaty, kb: KnowledgeBase) -> bool:
    """Whether h's label is t's label followed by a treaty's field ('في مجالات …') or parties."""
    rest = [normalize(w) for w in h.label[len(t.label) + 1:].split()] if h.label.startswith(t.label + " ") else []
    links, topics = kb.words("treaty_party_links"), kb.phrases("treaty_topic_links")
    return bool(rest) and (rest[0] in links or bool(topics.match_at(rest, 0, topics.starts(rest[0]) or None)))


def _fold_short_labels(treaties: list[Treaty], kb: KnowledgeBase) -> list[Treaty]:
    """One article's 'اتفاقية تعاون' (a headline) and 'اتفاقية تعاون في مجالات الري والزراعة' are
    one treaty: a label that begins a longer one of the same article, which goes on with its field
    or parties, joins it ('اتفاق الطائف باق' is a name read too far, not a longer name)."""
    out: list[Treaty] = []
    for t in sorted(treaties, key=lambda t: -len(t.label)):
        host = next((h for h in out if _longer_name_of(h, t, kb)), None)
        if host is None:
            out.append(t)
            continue
        host.parties = list(dict.fromkeys(host.parties + t.parties))
        host.date = host.date or t.date
        if t.evidence not in host.evidence:
            host.evidence += "\n" + t.evidence
    return [t for t in treaties if t in out]


def extract_bases(views: list[SentenceView], kb: KnowledgeBase, text: str, doc_id: str,
                  types: dict[str, str]) -> list[BaseFact]:
    """One fact per base mention: its kind, the place it lies in and the state operating it."""
    out: list[BaseFact] = []
    for view in views:
        for m in view.mentions:
            if types.get(m.entity_id) != "MilitaryBase":
                continue
            entry = kb.entries.get(m.entity_id)
            kind = entry.kind if entry and entry.kind else (
                m.subtype if m.subtype in ("AirBase", "NavalBase") else "MilitaryBase")
            operated, p = _operators(view, m, entry, kb, types)
            located = _locations(view, m, entry, kb, types, operated, p)
            if entry and entry.operated_by and not operated:
                operated.append(entry.operated_by)
            out.append(BaseFact(m.entity_id, kind, list(dict.fromkeys(located)),
                                list(dict.fromkeys(operated)), text[view.sentence.start:view.sentence.end],
                                [doc_id]))
    return out


def _operators(view: SentenceView, m, entry, kb: KnowledgeBase, types: dict[str, str]) -> tuple[list[str], int]:
    """The states operating a base by its mention's sentence: an adjective after its name or in
    its description, a state after an owning verb ('وتستخدم موسكو'), the state that builds it
    ('بدأت تركيا إنشاء قاعدة'), the nation of the troops stationed in it ('الجنود الفرنسيين
    المتمركزين في قاعدة'); and where the words after the name (and its adjective) begin."""
    toks = view.sentence.tokens
    operated: list[str] = []
    p = view.pos(m.end)
    state = kb.nationality.get(toks[p].norm) if p < len(toks) else None
    if state:
        operated.append(state)
        p += 1
    elif entry is None and m.affiliation:
        operated.append(m.affiliation)  # a described base: "قاعدة بحرية صينية"
    elif entry is None and toks[p - 1].norm in kb.nationality:
        operated.append(kb.nationality[toks[p - 1].norm])  # named with its operator: "… الجوية الفرنسية"
    a = view.pos(m.start)
    owners = kb.words("ownership_verbs")
    for x in view.mentions:
        q = view.pos(x.start)
        if types.get(x.entity_id) == "State" and q > 0 and not owners.isdisjoint(stems(toks[q - 1].norm)) and q < a:
            operated.append(x.entity_id)
    if not operated and entry is None:
        operated.extend(_described_operator(view, m, kb))
    if not operated:
        operated.extend(builder(view, a, kb, types) or stationed_troops_nation(view, a, kb))
    return operated, p


def _locations(view: SentenceView, m, entry, kb: KnowledgeBase, types: dict[str, str], operated: list[str],
               p: int) -> list[str]:
    """Where a base lies: the place after its name ('في اللاذقية', 'بطرابلس'), the known place it
    is named after ('قاعدة مصراتة'), the known place the sentence has taken us to before it, or
    the gazetteer's."""
    toks = view.sentence.tokens
    located: list[str] = []
    generic = kb.words("base_generic_words")
    while p < len(toks) and toks[p].norm.startswith("ال") and toks[p].norm[2:] in generic:
        p += 1  # "قاعدة “…” الجوية الحديثة قرب نيروبي": past its adjectives
    # "في اللاذقية" after the name, or the place with the clitic ب: "قاعدة “الصخرة” البحرية بمومباسا"
    at = None if p >= len(toks) else p + 1 if toks[p].norm in kb.words("base_location_links") \
        else p if toks[p].norm.startswith("ب") else None
    nxt = next((x for x in view.mentions if view.pos(x.start) == at), None) if at is not None else None
    if nxt and types.get(nxt.entity_id) in ("Place", "State"):
        located.append(nxt.entity_id)
    if not located and entry is None:
        located.extend(_named_after_place(m, kb))
    if not located and entry is None:
        # "توجه … إلى نيروبي … ليدشن هناك قاعدة جوية": where the sentence has taken us; a place
        # the knowledge base knows, not a building read for a meeting ("لقاء في البيت الأبيض")
        located.extend(x.entity_id for x in view.mentions if x.start < m.start and x.entity_id in kb.entries
                       and types.get(x.entity_id) in ("Place", "State") and x.entity_id not in operated)
    if entry and entry.located_in and not located:
        located.append(entry.located_in)
    return located


def _named_after_place(m, kb: KnowledgeBase) -> list[str]:
    """'قاعدة مصراتة البحرية': a base named after a city the knowledge base knows lies in it."""
    words = normalize(m.surface).split()[1:]
    return [v for i, _, v, _ in kb.names.find_all(words)
            if i == 0 and getattr(kb.entries.get(v), "type", None) == "Place"][:1]


def _described_operator(view: SentenceView, m, kb: KnowledgeBase, window: int = 8) -> list[str]:
    """'أكبر قاعدة بحرية أمريكية في المحيط الهندي، وهي قاعدة …', '(معسكر السلام) أول قاعدة
    عسكرية فرنسية': a base described near its name with an operator's adjective."""
    toks = view.sentence.tokens
    words = kb.stem_forms("base_words")
    a, b = view.pos(m.start), view.pos(m.end)
    for q in [*range(max(0, a - window), a), *range(b, min(len(toks), b + window))]:
        if toks[q].norm in kb.nationality and any(words[toks[k].norm] for k in range(max(0, q - 2), q)):
            return [kb.nationality[toks[q].norm]]
    return []


def fold_described_bases(bases: list[BaseFact], described: set[str], linker: DocumentLinker,
                          meetings: list) -> list[BaseFact]:
    """One article's descriptions of a base it does not name ('قاعدة عسكرية في كينيا' … 'القاعدة
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
    return merge_bases(into, bases, linker, meetings)
