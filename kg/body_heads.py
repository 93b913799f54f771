"""What a head noun names, and when it names none: the shared readers of kg.bodies, kg.outlets
and kg.bases (a name's span, a bracketed name, the words that end a body's name) and the tests
that tell a body's head from the same word used otherwise ('برئاسة الرئيس', 'الحدود البحرية',
'شركة صينية', 'وزير الدفاع')."""
from __future__ import annotations

from kg.knowledge import KnowledgeBase
from kg.link import slug
from kg.text import CLOSING_QUOTE, Sentence, definite, stems, surface_without_clitic

_OPEN = {**CLOSING_QUOTE, "(": ")"}


def name_span(sentence: Sentence, a: int, b: int, text: str, form: str | None = None) -> tuple[int, int, int, int, str]:
    """Token and character bounds of positions a..b-1, and the surface without a clitic on a."""
    toks = sentence.tokens
    first = surface_without_clitic(toks[a], form) if form else toks[a].text
    surface = first + text[toks[a].end:toks[b - 1].end] if b - a > 1 else first
    return toks[a].index, toks[b - 1].index + 1, toks[a].start, toks[b - 1].end, surface


def body_stops(kb: KnowledgeBase) -> frozenset[str]:
    """The words that end a body's name: a person's name stops, a treaty's and a body's own."""
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
        if not w.isalpha() or definite(w) or w in stops or w in kb.nationality or tokens[i + 1 + n].index in covered \
                or w[:1] in ("ل", "ب", "ك", "ف") or kb.titles.starts(w) or _present_verb(w):
            break
        n += 1
    nxt = i + 1 + n
    if n == 0 or nxt >= len(norms) or norms[nxt] in kb.nationality or not (
            norms[nxt].startswith("ال") or covered.get(tokens[nxt].index) in ("State", "Place")):
        return 0  # the chain ends on a definite word or a state's name ("مجلس وزراء داخلية كينيا")
    return n


def _present_verb(w: str) -> bool:
    """'مجلس يضم الخبراء', 'هيئة تتولى الإشراف': a present-tense verb (ي…, or ت… but the verbal
    noun تفعيل: 'تشجيع', 'تنمية') opens a relative clause after an indefinite head, no chain link."""
    return w.startswith("ي") or w.startswith("ت") and not (len(w) == 5 and w[3] == "ي")


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


def purpose_named_end(sentence: Sentence, i: int, kb: KnowledgeBase,
                      covered: dict[int, str]) -> tuple[int, str | None] | None:
    """'المجلس الأعلى للقضاء', 'الاتحاد العام التونسي للشغل', 'المجلس المصري لتنظيم
    الاتصالات': a definite head, one or two adjectives, then what the body is for after ل: the
    commonest way Arabic names a public body. Where the name ends and the nationality among its
    adjectives; None when the words after the head are not so."""
    norms, tokens = sentence.norms, sentence.tokens
    adjectives, state, k = kb.words("organization_adjectives"), None, i + 1
    while k < len(tokens) and k - i <= 2 and norms[k].startswith("ال") and tokens[k].index not in covered \
            and (norms[k].endswith(("ي", "يه")) or norms[k] in adjectives or norms[k] in kb.nationality):
        state = state or kb.nationality.get(norms[k])
        k += 1
    if k == i + 1 or norms[i + 1] not in adjectives and norms[i].endswith("ه") != norms[i + 1].endswith("ه"):
        return None  # "عمليات التحالف العسكرية لمواجهة …": the adjective agrees with another noun
    end = purpose_end(sentence, k, kb, covered, state is not None)
    return (end, state) if end else None


def purpose_end(sentence: Sentence, k: int, kb: KnowledgeBase, covered: dict[int, str], national: bool) -> int | None:
    """Where what a body is for, after ل at k, ends ('للقضاء', 'لتنظيم الاتصالات', 'للتربية
    والعلوم والثقافة'); None when the word at k says no purpose."""
    norms, tokens = sentence.norms, sentence.tokens
    if k >= len(tokens) or not _purpose_word(sentence, k, kb, covered, national):
        return None
    k += 1 if norms[k].startswith("لل") else 2  # "للقضاء"; "لتنظيم الاتصالات"
    extra = 0
    while k < len(tokens) and extra < 3 and tokens[k].index not in covered and norms[k] not in body_stops(kb) \
            and (norms[k].startswith("وال") or norms[k].startswith("ال") and norms[k].endswith(("ي", "يه"))):
        k, extra = k + 1, extra + 1  # "للتجارة الدولية", "للتربية والعلوم والثقافة"
    return k


def _purpose_word(sentence: Sentence, k: int, kb: KnowledgeBase, covered: dict[int, str], national: bool) -> bool:
    """'للقضاء', 'لتنظيم الاتصالات': ل + a definite noun, or, after a nationality, ل + a noun in
    construct with a definite one (without it, a purpose clause: 'البنك التجاري لتحقيق النجاح');
    not a known name ('للعراق') nor a word that says whose the body is ('للبلاد', 'للحكومة')."""
    norms, tokens = sentence.norms, sentence.tokens
    w = norms[k]
    if tokens[k].index in covered or not w.startswith("ل") or w.startswith("ال") or not w.isalpha() \
            or "ال" + w[2:] in kb.words("body_owner_words"):
        return False
    if w.startswith("لل"):
        return len(w) > 4
    nxt = k + 1
    return national and len(w) > 3 and nxt < len(tokens) and norms[nxt].startswith("ال") and tokens[nxt].index not in covered \
        and not _present_verb(w[1:]) and norms[nxt] not in body_stops(kb)


def proper_name_end(sentence: Sentence, i: int, kb: KnowledgeBase, covered: dict[int, str]) -> int | None:
    """'مؤسسة نوران الخيرية', 'منتدى دافوس الاقتصادي', 'جامعة كامبريدج البريطانية': a head without
    the article, a word of the body's own no list knows, and a definite adjective agreeing with the
    head; where the name ends (after a nationality that closes it), or None."""
    norms, tokens = sentence.norms, sentence.tokens
    j = i + 1
    if j + 1 >= len(tokens) or norms[i].startswith("ال") or any(tokens[p].index in covered for p in (j, j + 1)):
        return None
    w, adj = norms[j], norms[j + 1]
    stops = body_stops(kb)
    if not w.isalpha() or definite(w) or w.startswith("و") or w in stops or w in kb.nationality \
            or _present_verb(w) or kb.titles.starts(w) or w in kb.words("name_first_word_stops"):
        return None
    if not (adj.startswith("ال") and adj.endswith(("ي", "يه"))) or adj in stops \
            or norms[i].endswith("ه") != adj.endswith("ه"):
        return None
    k = j + 2
    if adj not in kb.nationality and k < len(tokens) and norms[k] in kb.nationality and norms[k].startswith("ال"):
        k += 1  # "جامعة كوماسي التقنية الغانية": a nationality closes it
    return k  # not on to a purpose: "مؤشر معهد ايفو الالماني لمناخ الاعمال" is the index's


def place_named_end(sentence: Sentence, i: int, kb: KnowledgeBase,
                    covered: dict[int, str]) -> tuple[int, str | None] | None:
    """'جامعة القاهرة', 'محكمة باريس', 'صندوق أبوظبي للتنمية': a head of a body a city, region or
    state has (lexicon `place_named_heads`) before the place's known name, its adjectives and what it
    is for after لل; where the name ends and the state the place lies in, or None."""
    norms, tokens = sentence.norms, sentence.tokens
    j = i + 1
    if j + 1 < len(tokens) and tokens[j].index not in covered and kb.stem_forms("place_heads")[norms[j]]:
        j += 1  # "بلدية مدينة الخليل": the place named with its head
    if j >= len(tokens) or covered.get(tokens[j].index) not in ("Place", "State") \
            or not any(f in kb.words("place_named_heads") for f in stems(norms[i])) or norms[i].startswith("ال"):
        return None
    kind, k = covered[tokens[j].index], j
    while k < len(tokens) and covered.get(tokens[k].index) == kind and k - j < 4 \
            and (k == j or len(stems(norms[k])) == 1):
        k += 1  # the place's whole name ("رام الله"), not the next after a clitic ("جورج تاون بواشنطن")
    found = [v for _, _, v, _ in kb.names.find_all(norms[j:k]) if v in kb.entries]
    place, n = (found[-1] if found else None), k - j
    if k < len(tokens) and covered.get(tokens[k].index) in ("Place", "State"):
        return None  # "مجلس دمشق وبيروت": two places' names are no one body's
    while k < len(tokens) and k - j - n < 2 and tokens[k].index not in covered and norms[k].startswith("ال") \
            and norms[k].endswith(("ي", "يه")) and norms[k] not in body_stops(kb) \
            and norms[k].endswith("ه") == norms[i].endswith("ه"):
        k += 1  # "جامعة فلسطين التقنية", "كلية غزة الأهلية الجامعية"; not "عمدة بلدية باريس الاشتراكي"
    # the state a city or region lies in; not a state's name, which names many bodies not its own
    # ("جامعة كولومبيا" is in New York)
    state = _state_of(kb, place) if place and kb.entries[place].type != "State" else None
    return purpose_end(sentence, k, kb, covered, False) or k, state


def _state_of(kb: KnowledgeBase, place: str) -> str | None:
    """The state a known place lies in (itself for a state), through its regions."""
    for _ in range(4):
        entry = kb.entries.get(place)
        if entry is None or entry.type == "State":
            return entry.id if entry else None
        place = kb.located_in().get(place)
        if place is None:
            return None
    return None
