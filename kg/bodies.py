"""Organizations, outlets, places and delegations the gazetteer does not know, read by their head nouns.

- organizations: a head noun ('حزب', 'مجلس', 'هيئة', 'جيش' …, lexicon `organization_heads`) in
  construct state with its complement ('حزب البعث', 'مجلس الأمن الدولي', 'مجلس التعاون لدول
  الخليج العربية'), or a definite head with a nationality ('الجيش الوطني الليبي', 'الرئاسة
  السورية'); a nationality gives the affiliation;
- outlets and acronyms: kg.outlets; what a head names and when it names none: kg.body_heads;
- places, delegations' states and states named with their form; bases are in kg.bases.
"""
from __future__ import annotations

from kg.body_heads import (_coordinated_noun, _indefinite_chain, _indefinite_nationality, _ministry_id,
                           _not_a_head, _quoted_name, body_stops, bracketed, name_span,  # bracketed: for kg.bases
                           place_named_end, proper_name_end, purpose_end, purpose_named_end)
from kg.knowledge import KnowledgeBase, StemForms
from kg.link import slug
from kg.model import Mention, MentionSource
from kg.text import Sentence, definite, normalize, positions, stems

PUNCT_AFTER_NAME = ("،", ",", ".", ":", "؛", ")")


def _organization_end(sentence: Sentence, i: int, kb: KnowledgeBase, covered: dict[int, str]):
    """Where the complement of the head at i ends, and the nationality that closes it."""
    norms, tokens = sentence.norms, sentence.tokens
    stops, adjectives = body_stops(kb), kb.words("organization_adjectives")
    k = i + 1
    chain = _indefinite_chain(sentence, i, kb, covered)
    while k < len(tokens) and k - i <= 5 + chain:
        if k <= i + chain:
            k += 1
            continue
        w = norms[k]
        if chain and k == i + 1 + chain and covered.get(tokens[k].index) in ("State", "Place"):
            # "مجلس وزراء خارجية المغرب العربي", "مجلس محافظة البصرة": a state's or a place's name
            # (all of it) ends a chain of constructs
            kind = covered[tokens[k].index]
            while k < len(tokens) and covered.get(tokens[k].index) == kind:
                k += 1
            continue
        if tokens[k].index in covered:
            # a known place inside the name goes on only when the name does: "لدول الخليج العربية"
            # but not after a preposition: "رئاسة الجمهورية بقصر الاتحادية" (بغداد is a name, not ب + غداد)
            if covered[tokens[k].index] == "Place" and k + 1 < len(tokens) and definite(norms[k + 1]) \
                    and norms[k + 1] not in kb.nationality \
                    and not (w[:1] in ("ب", "ك") and w not in kb.names.starts(w)):
                k += 1
                continue
            break
        if w in kb.nationality:
            return k + 1, kb.nationality[w]
        if w in stops or not w.isalpha():
            break
        nxt = norms[k + 1] if k + 1 < len(tokens) else ""
        linked = w.startswith("ل") and not w.startswith("ال") and (definite(nxt) or nxt in kb.nationality)
        first = k == i + 1 + chain or norms[k - 1].startswith("ل") and not norms[k - 1].startswith("ال")
        # after the first word only adjectives go on: "مجلس الأمن الدولي", not "وزارة الخارجية الهجوم"
        # "هيئة تشجيع الاستثمار المباشر الكويتية": the name goes on to a state agreeing with a feminine
        # head (not "وزارة الخارجية الهجوم الإسرائيلي")
        adjective = w.startswith("وال") or w.endswith(("ي", "يه")) or w in adjectives \
            or (norms[i].endswith("ه") and nxt.endswith("يه") and nxt in kb.nationality)
        # a complement takes no preposition: "بمقر الحكومة بالعاصمة اليابانية" names no body
        if linked or (definite(w) and (first or adjective) and not w.startswith(("بال", "كال"))):
            k += 1
            continue
        break
    return k, None


def _seat_state(sentence: Sentence, k: int, kb: KnowledgeBase, places: dict[int, str],
                covered: dict[int, str]) -> str | None:
    """The state a body sits in: its capital's ('وزارة الخارجية بطهران', '… في القاهرة') or the
    state itself after ب or في ('وزارة الزراعة والتنمية الريفية بكينيا')."""
    tokens, norms = sentence.tokens, sentence.norms
    at = k < len(tokens) and norms[k] in kb.words("seat_words")
    if k < len(tokens) and norms[k] in kb.words("locative_words"):
        k += 1
    if k >= len(tokens):
        return None
    if covered.get(tokens[k].index) == "State" and (at or norms[k].startswith("ب")) \
            and (k + 1 == len(tokens) or covered.get(tokens[k + 1].index) != "State"):
        found = kb.names.find_all([stems(norms[k])[-1]])
        entry = kb.entries.get(found[0][2]) if found else None
        return entry.id if entry is not None and entry.type == "State" else None
    place = places.get(tokens[k].index)
    entry = kb.entries.get(place) if place else None
    return entry.capital_of if entry else None


def definite_heads(kb: KnowledgeBase) -> frozenset[str]:
    """The organization heads with the article ('الصندوق', 'المجلس'), but those of state bodies."""
    return kb.derived("definite_organization_heads", lambda: frozenset(
        "ال" + h for h in kb.words("organization_heads")) - kb.words("state_body_heads")
        | kb.words("definite_only_organization_heads"))


def organization_mentions(sentence: Sentence, kb: KnowledgeBase, text: str,
                          covered: dict[int, str], places: dict[int, str] | None = None) -> list[Mention]:
    """Organizations named by a head noun ('مجلس الأمن الدولي', 'الجيش الوطني الليبي')."""
    portfolios = kb.words("portfolio_heads")
    heads = kb.derived("organization_head_forms", lambda: StemForms(
        kb.words("organization_heads") | kb.words("state_body_heads") | definite_heads(kb) | portfolios
        | kb.words("place_named_heads")))
    if heads.words.isdisjoint(sentence.forms):
        return []
    tokens, norms = sentence.tokens, sentence.norms
    generic, need_state = kb.words("generic_bodies"), kb.words("state_body_heads") | portfolios
    definite = definite_heads(kb)
    alone = kb.words("state_body_heads_alone") | portfolios
    out: list[Mention] = []
    free = 0
    for i in positions(map(heads.__getitem__, norms)):
        if i < free or tokens[i].index in covered:
            continue
        form = heads[norms[i]][0]
        quoted = _quoted_name(sentence, i, covered) if not form.startswith("ال") else None
        if quoted is not None:
            start, end, cs, ce, surface = name_span(sentence, i + 2, quoted, text)
            out.append(Mention(start, end, cs, ce, surface, "Organization", MentionSource.PATTERN,
                               sentence=sentence.index, entity_id=slug(surface)))
            free = quoted
            continue
        k, state, by_purpose = _body_end(sentence, i, form, kb, covered, form in need_state, form in definite)
        adjective = state is not None or by_purpose
        # "وزارة الخارجية بطهران": the ministry of the state whose capital it sits in (its own node)
        seat = _seat_state(sentence, k, kb, places or {}, covered) \
            if state is None and k > i + 1 and form not in kb.words("seatless_body_heads") else None
        state = state or seat
        if k == i + 1 or (form in need_state and state is None) \
                or not by_purpose and _not_a_head(sentence, i, form, kb):
            continue
        if k == i + 2 and adjective and _indefinite_nationality(norms[i + 1], kb):
            continue  # "شركة صينية", "منتدى ألماني": a description, no name
        if form in definite and (not adjective or k < i + 3):
            continue  # "الصندوق السيادي الكيني": a definite head, an adjective and a nationality
        if form in kb.words("qualified_organization_heads") \
                and norms[i + 1] not in kb.words("qualified_head_adjectives"):
            continue  # "القيادة العامة للقوات المسلحة" but not "القيادة السياسية الفلسطينية"
        if form.startswith("ال") and not by_purpose and any(_coordinated_noun(norms[p], kb) for p in range(i + 1, k)):
            continue  # "الجيش والحكومة الإسرائيلية": two nouns the nationality qualifies, no name
        if form.startswith("ال") and k == i + 2 and form not in alone:
            continue  # "الجيش الروسي", "الحكومة السورية": the state itself
        if not by_purpose and normalize(" ".join(norms[i + 1:k - adjective])) in generic and state is None:
            continue
        if k == i + 2 and norms[i + 1] in kb.words("body_complement_stops"):
            continue  # "حركة الملاحة", "صندوق الاقتراع", "تنظيم الانتخابات": an activity, no body
        if k < len(tokens) and norms[k] in kb.words("other_body_qualifiers"):
            continue  # "مجلس التعاون رفيع المستوى …": a longer name than the rule reads
        start, end, cs, ce, surface = name_span(sentence, i, k, text, form)
        out.append(Mention(start, end, cs, ce, surface, "Organization", MentionSource.PATTERN, affiliation=state,
                           sentence=sentence.index, subtype="government" if state else None,
                           entity_id=f"{slug(surface)}_{seat}" if seat else _ministry_id(form, surface, kb)))
        free = k
    return out


def _body_end(sentence: Sentence, i: int, form: str, kb: KnowledgeBase, covered: dict[int, str],
              needs_state: bool, definite_head: bool) -> tuple[int, str | None, bool]:
    """Where the name of the body whose head is at i ends, its state, and whether it is named by
    what it is for: the longest of the readings ('مجلس الأمن الدولي'; 'جامعة القاهرة', 'صندوق
    أبوظبي للتنمية'; 'جامعة الملك سعود', not 'جامعة الملك'; 'مؤسسة نوران الخيرية'; 'المجلس الأعلى
    للقضاء', a definite head, adjectives and the purpose)."""
    placed = place_named_end(sentence, i, kb, covered) if not needs_state else None
    if form not in kb.words("organization_heads") and form not in kb.words("state_body_heads") \
            and not definite_head and form not in kb.words("portfolio_heads"):
        return (placed[0], placed[1], False) if placed else (i + 1, None, False)  # "بلدية نابلس" only
    k, state = _organization_end(sentence, i, kb, covered)
    person = _person_named_end(sentence, i, kb, covered) if not needs_state else None
    if placed and placed[0] >= k:
        k, state = placed
    elif person and person > k:
        k, state = person, None
    elif k == i + 1 and not needs_state:
        k = proper_name_end(sentence, i, kb, covered) or k
        state = kb.nationality.get(sentence.norms[k - 1]) if k > i + 1 else None
    by_purpose = purpose_named_end(sentence, i, kb, covered) if definite_head else None
    if by_purpose and (state is None or by_purpose[0] > k):  # the longer reading of a name both read
        return by_purpose[0], by_purpose[1] or state, True
    return k, state, False


def delegation_mentions(sentence: Sentence, kb: KnowledgeBase, found: list[Mention]) -> list[Mention]:
    """'وفد روسي', 'وفدا عسكريا سوريا رفيع المستوى': a delegation stands for its state (at the
    delegation word; the meeting rules drop it when a person of that state is named)."""
    words = kb.stem_forms("delegation_words")
    if words.words.isdisjoint(sentence.forms):
        return []
    tokens, norms = sentence.tokens, sentence.norms
    states = {sentence.position(m.start): m.entity_id for m in found if m.type == "State"}
    out = []
    for i in positions(map(words.__getitem__, norms)):
        for k in range(i + 1, min(i + 4, len(tokens))):
            state = kb.nationality.get(norms[k]) or states.get(k)
            if state:
                t = tokens[i]
                out.append(Mention(t.index, t.index + 1, t.start, t.end, t.text, "State", MentionSource.DELEGATION,
                                   entity_id=state, sentence=sentence.index))
                break
            if not norms[k].isalpha() or norms[k] in body_stops(kb):
                break
    return out


def place_mentions(sentence: Sentence, kb: KnowledgeBase, text: str, covered: dict[int, str]) -> list[Mention]:
    """Places named by a head noun: 'منطقة القوقاز', 'قصر الاتحادية', 'مدينة نيويورك', 'البحر
    الأسود'; a building named after a known body is the building ('قصر الكرملين')."""
    heads = kb.stem_forms("place_heads")
    if heads.words.isdisjoint(sentence.forms):
        return []
    tokens, norms = sentence.tokens, sentence.norms
    stops = body_stops(kb) | kb.words("place_name_stops")
    bare = kb.words("place_heads_bare")
    adjectives = kb.words("organization_adjectives")
    out: list[Mention] = []
    for i in positions(map(heads.__getitem__, norms[:-1])):
        form = heads[norms[i]][0]
        j = i + 1
        named_after = _named_after_person(sentence, j, kb, covered) if form in kb.words("facility_heads") else j
        if named_after > j + 1 and tokens[i].index not in covered:
            start, stop, cs, ce, surface = name_span(sentence, i, named_after, text, form)
            out.append(Mention(start, stop, cs, ce, surface, "Place", MentionSource.PATTERN, entity_id=slug(surface),
                               sentence=sentence.index))
            continue
        if tokens[i].index in covered or norms[j] in stops or norms[j] in kb.nationality or not norms[j].isalpha():
            continue
        if tokens[j].index in covered:
            facility = form in kb.words("facility_heads") and covered[tokens[j].index] in ("Place", "State")
            if (covered[tokens[j].index] != "Organization" and not facility) or form.startswith("ال"):
                continue  # "مدينة سوتشي": the gazetteer's place already; "مطار بغداد" is the airport
            end = j + 1
            while end < len(tokens) and covered.get(tokens[end].index) == covered[tokens[j].index] \
                    and tokens[end].index - 1 == tokens[end - 1].index and facility:
                end += 1  # "مطار إسلام آباد": the whole of the place's name
            if facility and end < len(tokens) and norms[end] in kb.words("facility_adjectives"):
                end += 1  # "مطار دمشق الدولي": the airport's name goes on with its kind
        elif definite(norms[j]) and not norms[j].startswith(("وال", "بال", "لل")):
            end = j + 1
            if end < len(tokens) and not form.startswith("ال") and (norms[end].endswith(("ي", "يه")) or norms[end] in adjectives) \
                    and norms[end].startswith("ال") and norms[end] not in kb.nationality and norms[end] not in stops:
                end += 1  # "قصر البركة العامر" is not read; "منطقة الحكم الذاتي" is; "منطقة الوادي التي" stops
        elif form in bare and not tokens[j].text.endswith("ة") and not definite(norms[j]) \
                and "ال" + norms[j] not in stops and norms[j] not in kb.words("name_first_word_stops"):
            end = j + 1  # "مدينة نيويورك", not "قصر ملكي" (الملكي) nor "مطار جديد"
        else:
            continue
        start, stop, cs, ce, surface = name_span(sentence, i, end, text, form)
        out.append(Mention(start, stop, cs, ce, surface, "Place", MentionSource.PATTERN, entity_id=slug(surface),
                           sentence=sentence.index))
    return out


def _person_named_end(sentence: Sentence, i: int, kb: KnowledgeBase, covered: dict[int, str]) -> int | None:
    """'جامعة الملك سعود', 'مؤسسة الملك فيصل الخيرية': a head of a body a place may have
    (`place_named_heads`) named after a person; where the name ends, or None."""
    norms, tokens = sentence.norms, sentence.tokens
    if i + 2 >= len(tokens) or not any(f in kb.words("place_named_heads") for f in stems(norms[i])):
        return None
    hit = kb.titles.match_at(norms, i + 1, kb.titles.starts(norms[i + 1]) or None)
    t = i + 1 + hit[0] if hit else i + 1
    if t >= len(tokens) or not hit and covered.get(tokens[t].index) != "Person":
        return None  # a title and a name, or a known person
    end = t
    while end < len(tokens) and covered.get(tokens[end].index) == "Person":
        end += 1  # the known person's whole name
    if end == t and norms[t].isalpha() and norms[t] not in body_stops(kb) and tokens[t].index not in covered:
        # an unknown one: one name word, two for a compound ("عبد العزيز")
        end = t + 1 + (norms[t] in kb.words("joined_name_heads") and t + 1 < len(tokens))
    if end == t:
        return None
    return purpose_end(sentence, end, kb, covered, False) or end


def _named_after_person(sentence: Sentence, j: int, kb: KnowledgeBase, covered: dict[int, str]) -> int:
    """'مطار الملكة علياء الدولي', 'مطار رفيق الحريري الدولي': where a facility's name after a
    person (a title and a name, or a known person) ends; j when it is none."""
    tokens, norms = sentence.tokens, sentence.norms
    if j >= len(tokens):
        return j
    hit = kb.titles.match_at(norms, j, kb.titles.starts(norms[j]) or None)
    k = j + hit[0] if hit else j
    stops, adjectives = body_stops(kb), kb.words("facility_adjectives")
    end = k
    while end < len(tokens) and end - k < 3 and norms[end].isalpha() and norms[end] not in stops \
            and covered.get(tokens[end].index, "Person") == "Person" and norms[end] not in adjectives:
        end += 1
    closed = end < len(tokens) and norms[end] in adjectives
    if end == k or not (hit or closed or covered.get(tokens[j].index) == "Person"):
        return j  # no title, no known person and no "الدولي": "مطار هانيدا" is read as any place
    return end + closed


def formal_state_mentions(sentence: Sentence, kb: KnowledgeBase, text: str, covered: dict[int, str]) -> list[Mention]:
    """A state by its formal name: 'الجمهورية الإسلامية الإيرانية', 'المملكة الأردنية الهاشمية'
    (a form of state, qualifiers, the state's adjective)."""
    forms = kb.stem_forms("state_forms")
    if forms.words.isdisjoint(sentence.forms):
        return []
    tokens, norms = sentence.tokens, sentence.norms
    qualifiers = kb.words("state_qualifiers")
    out = []
    for i in positions(map(forms.__getitem__, norms[:-1])):
        form = next((f for f in forms[norms[i]] if f.startswith("ال")), None)
        if form is None or tokens[i].index in covered:
            continue
        k = i + 1
        while k < len(tokens) and k - i <= 3 and norms[k] in qualifiers and norms[k] not in kb.nationality:
            k += 1
        if k < len(tokens) and norms[k] in kb.nationality and norms[k].startswith("ال") \
                and not any(tokens[p].index in covered for p in range(i, k + 1)):
            start, end, cs, ce, surface = name_span(sentence, i, k + 1, text, form)
            out.append(Mention(start, end, cs, ce, surface, "State", MentionSource.GAZETTEER,
                               entity_id=kb.nationality[norms[k]], sentence=sentence.index))
    return out
