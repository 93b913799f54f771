"""Organizations, outlets, places and delegations the gazetteer does not know, read by their head nouns.

- organizations: a head noun ('حزب', 'مجلس', 'هيئة', 'جيش' …, lexicon `organization_heads`) in
  construct state with its complement ('حزب البعث', 'مجلس الأمن الدولي', 'مجلس التعاون لدول
  الخليج العربية'), or a definite head with a nationality ('الجيش الوطني الليبي', 'الرئاسة
  السورية'); a nationality gives the affiliation;
- outlets: a media word and a name in quotes or parentheses ('موقع (روسيا اليوم)'), or bare
  ('وكالة رويترز', 'وكالة الأناضول'), or described ('وكالة الأنباء السعودية');
- acronyms: '(واس)' after an organization is another name of it;
- places, delegations' states and states named with their form; bases are in kg.bases.
"""
from __future__ import annotations

from kg.knowledge import KnowledgeBase, StemForms
from kg.link import slug
from kg.model import Mention, MentionSource
from kg.text import CLOSING_QUOTE, Sentence, normalize, positions, stems, surface_without_clitic

_OPEN = {**CLOSING_QUOTE, "(": ")"}
PUNCT_AFTER_NAME = ("،", ",", ".", ":", "؛", ")")


def _definite(word: str) -> bool:
    return any(f.startswith("ال") for f in stems(word))


def name_span(sentence: Sentence, a: int, b: int, text: str, form: str | None = None) -> tuple[int, int, int, int, str]:
    """Token and character bounds of positions a..b-1, and the surface without a clitic on a."""
    toks = sentence.tokens
    first = surface_without_clitic(toks[a], form) if form else toks[a].text
    surface = first + text[toks[a].end:toks[b - 1].end] if b - a > 1 else first
    return toks[a].index, toks[b - 1].index + 1, toks[a].start, toks[b - 1].end, surface


def body_stops(kb: KnowledgeBase) -> frozenset[str]:
    return kb.derived("body_stops", lambda: kb.words("name_stops") | kb.words("treaty_name_stops")
                      | kb.words("body_name_stops"))


def bracketed(sentence: Sentence, j: int, max_len: int = 4) -> int | None:
    """The position of the closing mark of a quote or parenthesis opened at j (1..max_len words)."""
    toks = sentence.tokens
    close = _OPEN.get(toks[j].text) if j < len(toks) else None
    if close is None:
        return None
    k = j + 1
    while k < len(toks) and toks[k].text != close and k - j <= max_len:
        k += 1
    if k >= len(toks) or toks[k].text != close or k == j + 1:
        return None
    if not all(t.norm.isalpha() for t in toks[j + 1:k]):
        return None
    return k


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
        if tokens[k].index in covered:
            # a known place inside the name goes on only when the name does: "لدول الخليج العربية"
            # but not after a preposition: "رئاسة الجمهورية بقصر الاتحادية" (بغداد is a name, not ب + غداد)
            if covered[tokens[k].index] == "Place" and k + 1 < len(tokens) and _definite(norms[k + 1]) \
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
        linked = w.startswith("ل") and not w.startswith("ال") and (_definite(nxt) or nxt in kb.nationality)
        first = k == i + 1 + chain or norms[k - 1].startswith("ل") and not norms[k - 1].startswith("ال")
        # after the first word only adjectives go on: "مجلس الأمن الدولي", not "وزارة الخارجية الهجوم"
        # "هيئة تشجيع الاستثمار المباشر الكويتية": the name goes on to a state agreeing with a feminine
        # head (not "وزارة الخارجية الهجوم الإسرائيلي")
        adjective = w.startswith("وال") or w.endswith(("ي", "يه")) or w in adjectives \
            or (norms[i].endswith("ه") and nxt.endswith("يه") and nxt in kb.nationality)
        # a complement takes no preposition: "بمقر الحكومة بالعاصمة اليابانية" names no body
        if linked or (_definite(w) and (first or adjective) and not w.startswith(("بال", "كال"))):
            k += 1
            continue
        break
    return k, None


def _indefinite_chain(sentence: Sentence, i: int, kb: KnowledgeBase, covered: dict[int, str]) -> int:
    """'مجلس وزراء خارجية …', 'هيئة تشجيع الاستثمار', 'حركة عدم الانحياز': one or two nouns
    without the article, in construct, before the definite complement; how many (0 if none)."""
    norms, tokens = sentence.norms, sentence.tokens
    if not any(f in kb.words("construct_chain_heads") for f in stems(norms[i])) \
            or i + 1 < len(norms) and norms[i + 1] in kb.words("construct_chain_board_words"):
        return 0
    stops = body_stops(kb)
    n = 0
    while i + 1 + n < len(norms) and n < 2:
        w = norms[i + 1 + n]
        if not w.isalpha() or _definite(w) or w in stops or w in kb.nationality or tokens[i + 1 + n].index in covered \
                or w[:1] in ("ل", "ب", "و", "ك", "ف") or kb.titles.starts(w):
            break
        n += 1
    nxt = i + 1 + n
    if n == 0 or nxt >= len(norms) or not norms[nxt].startswith("ال") or norms[nxt] in kb.nationality:
        return 0
    return n


def _seat_state(sentence: Sentence, k: int, kb: KnowledgeBase, places: dict[int, str]) -> str | None:
    """The state whose capital a body sits in: 'وزارة الخارجية بطهران', '… في القاهرة'."""
    tokens, norms = sentence.tokens, sentence.norms
    if k < len(tokens) and norms[k] in kb.words("locative_words"):
        k += 1
    place = places.get(tokens[k].index) if k < len(tokens) else None
    entry = kb.entries.get(place) if place else None
    return entry.capital_of if entry else None


def _ministry_id(form: str, surface: str, kb: KnowledgeBase) -> str | None:
    """'الخارجية المصرية' is the node of 'وزارة الخارجية المصرية'."""
    if form not in kb.words("portfolio_heads"):
        return None
    return slug(f"{kb.word_list('portfolio_body_words')[0]} {surface}")


def _indefinite_nationality(w: str, kb: KnowledgeBase) -> bool:
    """'صينية', 'ألماني' (normalized 'الماني', which looks definite): a nationality without the
    article, whose own article form is 'ال' + it."""
    state = kb.nationality.get(w)
    return state is not None and not (w.startswith("ال") and kb.nationality.get(w[2:]) == state)


def _quoted_name(sentence: Sentence, i: int, covered: dict[int, str]) -> int | None:
    """'جبهة "البوليساريو"', 'حزب «النهضة»': a head then a name in quotes (not a known one) names the
    body by the quoted words; the closing mark's position, or None."""
    tokens = sentence.tokens
    if i + 1 >= len(tokens) or tokens[i + 1].text not in CLOSING_QUOTE:
        return None
    close = bracketed(sentence, i + 1)
    if close is None or all(tokens[p].index in covered for p in range(i + 2, close)):
        return None
    return close


def _coordinated_noun(w: str, kb: KnowledgeBase) -> bool:
    """'والحكومة', 'والصحافة': و + a definite word that is no adjective (no ي/ية ending) is a
    second noun coordinated with the head."""
    return w.startswith("وال") and not w.endswith(("ي", "يه")) and w not in kb.words("organization_adjectives")


def _not_a_head(sentence: Sentence, i: int, form: str, kb: KnowledgeBase) -> bool:
    """'برئاسة الرئيس الموريتاني': an office's verbal noun before a title or a known name says who
    chairs; 'الحدود البحرية التونسية', 'الجوية والبحرية': a definite head right after another
    definite word (but a forces noun, 'القوات البحرية') qualifies it as an adjective."""
    norms = sentence.norms
    if form in kb.words("office_held_heads") and i + 1 < len(norms) \
            and kb.titles.starts(norms[i + 1]):
        return True
    if form in kb.words("portfolio_heads"):
        # "وزير الدفاع السعودية": a title's complement; "لاعبي الدفاع التشيكي": no ministry, whose
        # name is the portfolio and a feminine nationality ("الخارجية الموريتانية") and no more
        nxt = norms[i + 1] if i + 1 < len(norms) else ""
        if norms[i] != form or (i > 0 and kb.titles.starts(norms[i - 1])) \
                or not (nxt in kb.nationality and nxt.endswith("يه")):
            return True
    if not form.startswith("ال") or i == 0 or not norms[i].startswith(("ال", "وال")):
        return False  # "للجماعة", "بالرئاسة": a preposition's object, no adjective
    before = norms[i - 1]
    if not (before.isalpha() and before.startswith("ال")) or before in kb.words("forces_nouns") \
            or kb.titles.starts(before):
        return False
    # after a relative adjective ("الفلسطينية الاتحاد") only a coordinated one ("الجوية والبحرية")
    return norms[i].startswith("و") or not before.endswith(("ي", "يه"))


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
        kb.words("organization_heads") | kb.words("state_body_heads") | definite_heads(kb) | portfolios))
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
        k, state = _organization_end(sentence, i, kb, covered)
        adjective = state is not None
        # "وزارة الخارجية بطهران": the ministry of the state whose capital it sits in (its own node)
        seat = _seat_state(sentence, k, kb, places or {}) if state is None and k > i + 1 else None
        state = state or seat
        if k == i + 1 or (form in need_state and state is None) or _not_a_head(sentence, i, form, kb):
            continue
        if k == i + 2 and adjective and _indefinite_nationality(norms[i + 1], kb):
            continue  # "شركة صينية", "منتدى ألماني": a description, no name
        if form in definite and (not adjective or k < i + 3):
            continue  # "الصندوق السيادي الكيني": a definite head, an adjective and a nationality
        if form.startswith("ال") and any(_coordinated_noun(norms[p], kb) for p in range(i + 1, k)):
            continue  # "الجيش والحكومة الإسرائيلية": two nouns the nationality qualifies, no name
        if form.startswith("ال") and k == i + 2 and form not in alone:
            continue  # "الجيش الروسي", "الحكومة السورية": the state itself
        if normalize(" ".join(norms[i + 1:k - adjective])) in generic and state is None:
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


def outlet_mentions(sentence: Sentence, kb: KnowledgeBase, text: str, covered: dict[int, str]) -> list[Mention]:
    """Outlets the gazetteer does not know: 'قناة "فوكس نيوز"', 'موقع (روسيا اليوم)',
    'وكالة رويترز', 'وكالة الأناضول', 'وكالة الأنباء السعودية'."""
    heads = kb.derived("media_head_forms", lambda: StemForms(media_heads(kb)))
    if heads.words.isdisjoint(sentence.forms):
        return []
    tokens, norms = sentence.tokens, sentence.norms
    descriptors, bare_heads = kb.words("media_descriptors"), kb.words("media_heads_bare")
    out: list[Mention] = []
    for i in positions(map(heads.__getitem__, norms[:-1])):
        if tokens[i].index in covered:
            continue
        form = heads[norms[i]][0]
        definite = form.startswith("ال")
        k, described, after_place = i + 1, False, False
        while k < len(tokens) and k - i <= 4 and (norms[k] in descriptors or (k > i + 1 and norms[k] in kb.nationality)):
            described = described or norms[k] in kb.nationality
            k += 1
        close = bracketed(sentence, k)
        if close is not None and described and tokens[k].text == "(":
            close = None  # "وكالة الأنباء الأردنية (بترا)": the description, and its acronym
        if definite and (close is None or k == i + 1):
            continue  # 'الموقع الإخباري التركي "…"': with the article, only a described name in quotes
        if close is not None:
            a, b = k + 1, close
        elif described and form in bare_heads and not any(
                tokens[p].index in covered and norms[p] not in kb.nationality for p in range(i, k)):
            a, b = i, _without_status(norms, i, k, kb)  # "وكالة الأنباء السعودية": the description is the name
        elif form in bare_heads and k == i + 1 and k + 1 < len(tokens) and covered.get(tokens[k].index) == "State" \
                and norms[k + 1] in kb.words("media_status_words"):
            a, b = i, k + 2  # "وكالة تونس الرسمية": an agency named after its state
        elif after_place := (form in kb.words("media_heads_named_after_places") and k == i + 1
                             and covered.get(tokens[k].index) in ("Place", "State")):
            a, b = k, k + 1  # "صحيفة الرياض", "إذاعة دمشق": an outlet named after its city
        elif form in bare_heads:
            a, b = k, _bare_name_end(sentence, k, kb, covered)
            if b == a:
                continue
        else:
            continue
        # a place or state inside the name is part of it ('موقع "روسيا اليوم"', 'صحيفة "واشنطن بوست"')
        # and so is a known body's shorter name ('"تي آر تي خبر"' is no 'آر تي')
        inside = [covered.get(tokens[p].index, "State") for p in range(a, b)]
        if a != i and not after_place and any(t not in ("State", "Place") for t in inside) \
                and (close is None or all(tokens[p].index in covered for p in range(a, b))):
            continue
        start, end, cs, ce, surface = name_span(sentence, a, b, text, form if a == i else None)
        state = next((kb.nationality[norms[p]] for p in range(i, b) if norms[p] in kb.nationality), None)
        out.append(Mention(start, end, cs, ce, surface, "Organization", MentionSource.PATTERN, affiliation=state,
                           sentence=sentence.index, subtype="media", entity_id=slug(surface)))
        if a == k and close is None:
            # "وكالة رويترز": the agency is named with and without its media word
            start, end, cs, ce, whole = name_span(sentence, i, b, text, form)
            out.append(Mention(start, end, cs, ce, whole, "Organization", MentionSource.ALIAS, affiliation=state,
                               sentence=sentence.index, subtype="media", entity_id=slug(surface)))
    return out


def media_heads(kb: KnowledgeBase) -> frozenset[str]:
    """Media words, and with the article those that describe a quoted name ('الموقع الإخباري
    الرسمي التركي "…"', 'الصحيفة البريطانية "…"')."""
    return kb.words("media_heads") | {"ال" + h for h in kb.words("media_heads")}


def _without_status(norms: list[str], i: int, k: int, kb: KnowledgeBase) -> int:
    """'وكالة الأنباء السعودية الرسمية': the status words after the description are no part of
    the name."""
    status = kb.words("media_status_words")
    while k > i + 2 and norms[k - 1] in status:
        k -= 1
    return k


def _bare_name_end(sentence: Sentence, k: int, kb: KnowledgeBase, covered) -> int:
    """A name right after a media word: 'رويترز', 'الأناضول', 'نادي المراسلين الشباب للأنباء'."""
    tokens, norms = sentence.tokens, sentence.norms
    stops = body_stops(kb) | kb.words("media_descriptors") | kb.words("media_name_stops")
    if k >= len(tokens) or tokens[k].index in covered or not norms[k].isalpha() or norms[k] in stops \
            or norms[k] in kb.nationality or kb.titles.starts(norms[k]) or kb.triggers.starts(norms[k]):
        return k
    # a name that ends in "للأنباء" within five words
    for e in range(k + 1, min(k + 5, len(tokens))):
        if norms[e] in kb.words("agency_name_ends"):
            return e + 1
    if norms[k].startswith("ال"):
        return k + 1
    end = k + 1
    while end < len(tokens) and end - k < 3 and norms[end].isalpha() and not _definite(norms[end]) \
            and not norms[end].startswith("و") \
            and norms[end] not in stops and tokens[end].index not in covered and not kb.triggers.starts(norms[end]):
        end += 1
    return end


def acronym_mentions(sentence: Sentence, named: list[Mention], text: str, kb: KnowledgeBase) -> list[Mention]:
    """'وكالة الأنباء السعودية (واس)': a parenthesized word after an organization (and its status
    words: 'وكالة الأنباء السعودية الرسمية (واس)') names it too."""
    tokens, status = sentence.tokens, kb.words("media_status_words")
    out = []
    for m in named:
        if m.type != "Organization" or m.sentence != sentence.index:
            continue
        p = sentence.position(m.end)
        while p + 1 < len(tokens) and sentence.norms[p] in status:
            p += 1
        if p + 1 < len(tokens) and tokens[p].text in CLOSING_QUOTE.values() and tokens[p + 1].text == "(":
            p += 1  # 'وكالة «أنباء الصين الجديدة» (شينخوا)': the quoted name, then its short name
        if p < len(tokens) and tokens[p].text == "(":
            close = bracketed(sentence, p, max_len=2)
            if close is not None:
                start, end, cs, ce, surface = name_span(sentence, p + 1, close, text)
                out.append(Mention(start, end, cs, ce, surface, "Organization", MentionSource.ACRONYM,
                                   entity_id=m.entity_id, sentence=sentence.index, subtype=m.subtype))
    return out


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
        elif _definite(norms[j]) and not norms[j].startswith(("وال", "بال", "لل")):
            end = j + 1
            if end < len(tokens) and not form.startswith("ال") and (norms[end].endswith(("ي", "يه")) or norms[end] in adjectives) \
                    and norms[end].startswith("ال") and norms[end] not in kb.nationality and norms[end] not in stops:
                end += 1  # "قصر البركة العامر" is not read; "منطقة الحكم الذاتي" is; "منطقة الوادي التي" stops
        elif form in bare and not tokens[j].text.endswith("ة") and not _definite(norms[j]) \
                and "ال" + norms[j] not in stops and norms[j] not in kb.words("name_first_word_stops"):
            end = j + 1  # "مدينة نيويورك", not "قصر ملكي" (الملكي) nor "مطار جديد"
        else:
            continue
        start, stop, cs, ce, surface = name_span(sentence, i, end, text, form)
        out.append(Mention(start, stop, cs, ce, surface, "Place", MentionSource.PATTERN, entity_id=slug(surface),
                           sentence=sentence.index))
    return out


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
