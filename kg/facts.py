"""Treaties and military bases of one article, read from the sentence views the meeting rules use.

A treaty is a treaty word with a name after it ('معاهدة الصداقة والتعاون'), its parties the
nationalities in its name and the states after 'بين'; a base fact is a base mention with the
operator its adjective or an owning verb names ('تستخدم موسكو قاعدة طرطوس') and the place after it.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.events import SentenceView, _find_phrases
from kg.knowledge import KnowledgeBase
from kg.model import BaseFact, Treaty
from kg.text import stems, surface_without_clitic

if TYPE_CHECKING:
    from kg.link import DocumentLinker


def extract_treaties(views: list[SentenceView], kb: KnowledgeBase, text: str, doc_id: str,
                     types: dict[str, str]) -> list[Treaty]:
    """Named treaties with their parties and date."""
    words = kb.phrases("treaty_words")
    stops = kb.words("treaty_name_stops")
    topics = kb.phrases("treaty_topic_links")
    out: list[Treaty] = []
    for view in views:
        toks = view.sentence.tokens
        for a, b, _ in _find_phrases(view.sentence, words):
            end = b
            # "مذكرة تعاون في مجال الطاقة": a memorandum named by its field
            topic = topics.match_at(view.sentence.norms, b, topics.starts(toks[b].norm) or None) \
                if b - a > 1 and b < len(toks) else None
            end += topic[0] if topic else 0
            while end < len(toks) and toks[end].norm.isalpha() and toks[end].norm not in stops \
                    and not any(d.start == end for d in view.dates) and not words.starts(toks[end].norm):
                end += 1  # "اتفاقية لتجنب الازدواج الضريبي ومذكرة تفاهم …": two treaties
            if end == b or (topic and end == b + topic[0]):
                continue  # a bare "الاتفاق" names no treaty
            if toks[b - 1].norm.startswith("ال") and not toks[b].norm.startswith(("ال", "وال")):
                continue  # "وشملت الاتفاقية اعتبار …": the treaty named before, then its content
            form = next(f for f in stems(toks[a].norm) if words.match_at([f] + [t.norm for t in toks[a + 1:b]], 0))
            label = (surface_without_clitic(toks[a], form) + text[toks[a].end:toks[end - 1].end]).strip()
            parties: list[str] = []
            for t in toks[a:end]:
                state = kb.nationality.get(t.norm)
                if state and state not in parties:
                    parties.append(state)
            # "بين الاتحاد السوفيتي والنظام السوري", also after "الموقع/الموقعة"
            while end < len(toks) and end - b < 8 and toks[end].norm in kb.words("treaty_participles"):
                end += 1
            if end < len(toks) and toks[end].norm in kb.words("treaty_party_links"):
                for m in view.mentions:
                    p = view.pos(m.start)
                    if p > end and view.clause[p] == view.clause[end] and types.get(m.entity_id) == "State" \
                            and m.entity_id not in parties:
                        parties.append(m.entity_id)
                for t in toks[end:]:
                    if view.clause[t.index - toks[0].index] != view.clause[end]:
                        break
                    state = kb.nationality.get(t.norm) or kb.nationality.get(t.norm[1:] if t.norm.startswith("و") else "")
                    if state and state not in parties:
                        parties.append(state)
            dates = [d for d in view.dates if d.start >= end and view.clause[d.start] == view.clause[a] and d.date]
            out.append(Treaty(label, parties, dates[0].date if dates else None,
                              text[view.sentence.start:view.sentence.end], [doc_id]))
    return out


def extract_bases(views: list[SentenceView], kb: KnowledgeBase, text: str, doc_id: str,
                  types: dict[str, str]) -> list[BaseFact]:
    """One fact per base mention: its kind, the place it lies in and the state operating it."""
    owners = kb.words("ownership_verbs")
    out: list[BaseFact] = []
    for view in views:
        toks = view.sentence.tokens
        for m in view.mentions:
            if types.get(m.entity_id) != "MilitaryBase":
                continue
            entry = kb.entries.get(m.entity_id)
            kind = entry.kind if entry and entry.kind else (
                m.subtype if m.subtype in ("AirBase", "NavalBase") else "MilitaryBase")
            located, operated = [], []
            p = view.pos(m.end)
            state = kb.nationality.get(toks[p].norm) if p < len(toks) else None
            if state:
                operated.append(state)
                p += 1
            elif entry is None and m.affiliation:
                operated.append(m.affiliation)  # a described base: "قاعدة بحرية صينية"
            elif entry is None and toks[p - 1].norm in kb.nationality:
                operated.append(kb.nationality[toks[p - 1].norm])  # named with its operator: "… الجوية الفرنسية"
            if p < len(toks) and toks[p].norm in kb.words("base_location_links"):
                nxt = next((x for x in view.mentions if view.pos(x.start) == p + 1), None)
                if nxt and types.get(nxt.entity_id) in ("Place", "State"):
                    located.append(nxt.entity_id)
            for x in view.mentions:
                q = view.pos(x.start)
                if types.get(x.entity_id) == "State" and q > 0 and toks[q - 1].norm in owners and q < view.pos(m.start):
                    operated.append(x.entity_id)
            if not operated and entry is None:
                operated.extend(_described_operator(view, m, kb))
            if not located and entry is None:
                # "وصل … إلى أبوظبي … سيفتتح خلالها قاعدة عسكرية": where the sentence has taken us
                located.extend(x.entity_id for x in view.mentions if x.start < m.start
                               and types.get(x.entity_id) in ("Place", "State") and x.entity_id not in operated)
            if entry and entry.located_in and not located:
                located.append(entry.located_in)
            if entry and entry.operated_by and not operated:
                operated.append(entry.operated_by)
            out.append(BaseFact(m.entity_id, kind, list(dict.fromkeys(located)),
                                list(dict.fromkeys(operated)), text[view.sentence.start:view.sentence.end],
                                [doc_id]))
    return out


def _described_operator(view: SentenceView, m, kb: KnowledgeBase, window: int = 8) -> list[str]:
    """'أكبر قاعدة جوية أمريكية في الشرق الأوسط، وهي قاعدة العديد', '(معسكر السلام) أول قاعدة
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
