"""Persons' names read around a title: where a name after it ends ('فيصل بن فرحان بن عبدالله'),
whether words read as a name at all ('مأدبة غداء' no, 'خليفة حفتر،' yes), and a name right
before a state's title ('أن بيتر أوتينو نائب وزير الدفاع الكيني')."""
from __future__ import annotations

from kg.knowledge import KnowledgeBase
from kg.model import Mention, MentionSource
from kg.text import QUOTE_MARKS, Sentence, definite, normalize

COMMAS = ("،", ",")


def _name_stops(kb: KnowledgeBase) -> frozenset[str]:
    """Words that end a person's name read after a title."""
    # an indefinite adjective may be a name: "الأمير تركي بن سعود"
    # and a plan's verb: "الرئيس جوزيف عون سيزور باريس"
    return kb.derived("name_stops", lambda: kb.words("name_stops") | kb.words("counterpart_words")
                      | {a for a in kb.nationality if a.startswith("ال")} | kb.words("planned_markers"))


def name_end(sentence: Sentence, j: int, kb: KnowledgeBase, by_start: dict, clitic: bool = False) -> int:
    """Where a person's name read from token j ends: up to four words besides particles
    ('فيصل بن فرحان بن عبدالله'), stopped by punctuation, verbs, titles and known names."""
    tokens, norms = sentence.tokens, sentence.norms
    stops, particles = _name_stops(kb), kb.words("name_particles")
    patronymic = kb.words("patronymic_particles")
    inner_titles, dates = kb.words("title_words_in_names"), kb.date_words()
    names_like_stops, common = kb.words("names_spelt_like_stops"), kb.words("name_first_word_stops")
    end, core = j, 0
    while end < len(tokens) and core < 4 and end - j < 7:
        tok, w = tokens[end], norms[end]
        # the name علي is no stop, the preposition على is; nor is a date part of a name
        stop = (w in stops and not (w in names_like_stops and tok.text.endswith("ي"))
                and not (end == j and _day_part_as_name(norms, end, kb))) or (w in dates and end > j)
        if end >= j + 2 and norms[end - 2] in kb.words("family_particles"):
            break  # "طحنون بن زايد آل نهيان الوفد": the family's name after "آل" ends the name
        father = by_start.get(tok.index)
        if father is not None and father.type == "Person" and end > j and norms[end - 1] in patronymic:
            after = sentence.position(father.end)  # "خالد بن محمد بن زايد آل نهيان": the known one's son
            core += sum(norms[k] not in particles for k in range(end, after))
            end = after
            continue
        if not w.isalpha() or "\u064b" in tok.text or stop or tok.index in by_start \
                or kb.triggers.match_at(norms, end):
            break
        if (not w.startswith("ال") and definite(w) and not (clitic and end == j)) or (
                end > j and tok.text.endswith("ة") and norms[end - 1] not in particles
                and not _family_name_in_a(w, kb)):
            break  # "للتباحث", "رسالة": a preposition's object or a noun, no part of a name
        if end > j and w not in inner_titles and norms[end - 1] not in particles \
                and kb.titles.match_at(norms, end, kb.titles.starts(w) or None):
            break
        if end > j and w[:1] in ("ب", "ل") and tok.text.endswith(_pronoun_suffixes(kb)) and len(w) > 4:
            break  # "الرئيس رحب بضيفه": a preposition and a pronoun, no part of a name
        if end > j and _with_pronoun(tok.text, w, kb):
            break  # "خليفة حفتر دعمه للحوار": a common word with a pronoun, no part of a name
        if end > j + 1 and w.startswith("و") and w[1:] in common or end > j and w.startswith("و") and w in common:
            break  # "الدكتور سمير حداد وأعضاء مجلس إدارتها": and others, no more of his name; "وهو"
        if end > j and not "\u0621" <= w[:1] <= "\u064a":
            break  # a word in another script after the name: "دينيس ريتشي Dennis Ritchie"
        if core >= 2 and _used_outside_names(w, kb) or end > j and _indefinite_object(w, kb):
            break  # "بيدرو سانشيز ملف الهجرة", "نبيه بري الوفد": two words of a name, then a common word
        if end > j + 1 and norms[end - 1].startswith("ال") and norms[end - 1] not in particles \
                and not w.startswith("ال") and w not in particles \
                and norms[end - 2] not in particles or end > j + 1 and _preposition_li(norms, end, kb):
            break  # "خالد الحنيفات ضيوفه": after a surname with the article only more of them (but
            # "عبد الرحيم سالم" ends a compound given name); "عبد الله لتقديم": a preposition after one
        core += w not in particles or (w.startswith("ال") and len(w) > 2)  # "عبد الرحمن": its second part counts
        end += 1
    if core == 4 and not (end == len(tokens) or norms[end] in COMMAS or norms[end] == ".") \
            and norms[end - 2] not in particles:
        end -= 1  # a fourth word only when punctuation closes the name: "مشعل الأحمد الجابر الصباح،"
        # (but a family name after "آل"/"بن" is never cut off: "خالد بن سعد بن حمد آل ثاني سفير")
    return end


def ends_a_longer_name(sentence: Sentence, m: Mention, kb: KnowledgeBase, label: str) -> bool:
    """'الشيخ صباح خالد الحمد الصباح' is not a short form 'الصباح' of another of the family
    (`label`): a one-word family name that ends words a title opens (no verb, particle or common
    word between, nor a word of that person's own name) ends a longer name no rule read."""
    norms, p = sentence.norms, sentence.position(m.start)
    if m.type != "Person" or not norms[p].startswith("ال"):
        return False  # one word or more: "المبارك الصباح" after "الشيخ صباح خالد الحمد"
    own, common = normalize(label).split(), kb.words("name_first_word_stops")
    stops = _name_stops(kb) - kb.words("day_parts")
    k = p - 1
    while k >= max(0, p - 4) and norms[k].isalpha() and not kb.titles.starts(norms[k]) \
            and norms[k] not in stops and norms[k] not in common and norms[k] not in own:
        k -= 1
    return k >= 0 and k < p - 1 and bool(kb.titles.starts(norms[k]))


def _day_part_as_name(norms, k: int, kb: KnowledgeBase) -> bool:
    """'الشيخ صباح خالد الحمد الصباح': a part of the day (صباح، فجر) opening a name is a given name
    when no date follows it ('صباح الأحد', 'صباح اليوم', 'صباح يوم' are times)."""
    if norms[k] not in kb.words("day_parts") or k + 1 >= len(norms):
        return False
    nxt = norms[k + 1]
    return nxt.isalpha() and nxt not in kb.date_words() and nxt not in _name_stops(kb) and not definite(nxt)


def _given_names(kb: KnowledgeBase) -> frozenset[str]:
    """The first words of the known persons' names (كوفي، طارق، سامح)."""
    return kb.derived("given_names", lambda: frozenset(
        normalize(n).split()[0] for e in kb.entries.values() if e.type == "Person" for n in (e.ar, *e.aliases)))


def _used_outside_names(w: str, kb: KnowledgeBase) -> bool:
    """A word the news uses outside names: a common first word or a generated inner stop ('الوفد')."""
    return w in kb.words("name_first_word_stops") or w in kb.words("name_inner_stops")


def _indefinite_object(w: str, kb: KnowledgeBase) -> bool:
    """'عبد العزيز وفدا': a common word in the indefinite accusative (ـا) is a verb's object, no
    part of the name before it (a name in ا whose stem is no common word stays: 'رضا')."""
    return len(w) > 3 and w.endswith("ا") and _used_outside_names(w[:-1], kb)


def _preposition_li(norms: list[str], k: int, kb: KnowledgeBase) -> bool:
    """'عبد الحفيظ لشرح موقفه': a ل-word after a definite name word is a preposition unless the name
    closes on it (punctuation, a title, a date, the end: 'عبد الكريم لحسن وزير', 'نور الدين لطفي سنة')."""
    if not norms[k].startswith("ل") or norms[k].startswith("ال") or not norms[k - 1].startswith("ال"):
        return False
    nxt = norms[k + 1] if k + 1 < len(norms) else "."
    return nxt.isalpha() and not kb.titles.starts(nxt) and nxt not in kb.date_words() \
        and nxt not in kb.words("year_words")


def _family_name_in_a(w: str, kb: KnowledgeBase) -> bool:
    """'الطراونة', 'المعايطة': a definite word in ة that the news does not use outside names may be
    a family name."""
    return w.startswith("ال") and not _used_outside_names(w, kb)


def next_list_item(norm: str, kb: KnowledgeBase) -> bool:
    """'وناصر', 'والدكتورة': و + a known given name or an honorific opens the next item of a list;
    a given name that begins with و ('وليد', 'وائل') does not."""
    if norm[:1] != "و" or len(norm) <= 3 or norm in _given_names(kb):
        return False
    rest = norm[1:]
    return rest in _given_names(kb) or bool(kb.phrases("honorifics").starts(rest))


def name_like(sentence: Sentence, j: int, end: int, kb: KnowledgeBase, introduced: bool) -> bool:
    """Whether tokens j..end read as a person's name, not a phrase ('مولود تشاوش أوغلو' yes,
    'البيان الختامي' no): two words at least, the first without the article, Arabic, and an
    inner article only after a particle or when punctuation closes the name."""
    tokens, norms = sentence.tokens, sentence.norms
    particles = kb.words("name_particles")
    if end - j < 2:
        return False
    definite = tokens[j].text.startswith("ال") and (norms[j + 1] not in kb.words("patronymic_particles")
                                                     or norms[j] in kb.words("name_inner_stops"))
    if definite or not any("\u0600" <= c <= "\u06ff" for c in tokens[j].text):
        return False  # but "الأمير الحسين بن عبدالله الثاني": a name with the article before "بن"
    patronymic = not kb.words("patronymic_particles").isdisjoint(norms[j:end])
    # an inner article after a particle ("عبد الفتاح"), or a family name after "بن" ("بدر بن حمد البوسعيدي")
    # nor a family name after a compound given name ("عبد الرحيم الشريف"): its second part is one word with "عبد"
    inner = [k for k in range(j + 1, end) if norms[k].startswith("ال")
             and norms[k - 1] not in particles and norms[k] not in particles
             and not (patronymic and k == end - 1) and not (k == j + 2 and norms[j] in particles)]
    delimited = end == len(tokens) or norms[end] in ("،", ",", ".", ":", "|") or tokens[end].text in QUOTE_MARKS
    if norms[j] in kb.words("patronymic_particles") or (tokens[j].text.endswith("ة") and norms[j + 1] not in particles
                                           and not delimited and norms[j] not in _given_names(kb)):
        return False  # "مأدبة غداء تكريما": a noun; "أسامة بن أحمد", "خليفة حفتر،" are names
    common = kb.words("name_first_word_stops")
    if norms[j] in common and norms[j + 1] not in particles:
        return False  # "العاهل الأردني حفظ السلام": a word the news never starts a name with
    if end - j == 2 and (norms[j + 1] in common or norms[j + 1] in kb.words("name_inner_stops")
                         and norms[j] not in particles) and norms[j] not in _given_names(kb):
        return False  # "تلاشت تقريبا", "عمق العلاقات": an unknown word and a common one; "كوفي عنان" is a name
    if _with_pronoun(tokens[j].text, norms[j], kb):
        return False  # 'رئيس الدولة "حفظه الله"': a blessing, no name
    if tokens[j].text[:1] == "و" and norms[j][1:] in common:
        return False  # "أمير البلاد المفدى وأخيه سمو الشيخ": "and his brother", no name
    if norms[j][:1] in ("ل", "ب") and len(norms[j]) > 4 and norms[j][1:] in common:
        return False  # "المدير السابق لجهاز الاستخبارات": a preposition and a word no name begins with
    return not inner or (not introduced and (end - j == 2 or delimited))


def name_after(sentence: Sentence, j: int, kb: KnowledgeBase, by_start: dict, introduced: bool,
               stated: bool = False) -> int | None:
    """Where the name read after a title ends, or None when what follows is no name. After a comma
    the name must be closed: by punctuation, or, after a title of a state (`stated`), by a stop
    word ('رئيس وزراء كينيا، جون موغاي على …')."""
    tokens, norms = sentence.tokens, sentence.norms
    if j >= len(tokens):
        return None  # "…، مستشار الوزير،": the text ends after the title
    quoted = _quoted_name(sentence, j, by_start, kb)
    if quoted is not None:
        return quoted
    end = name_end(sentence, j, kb, by_start)
    if end - j > 2 and norms[j + 1].startswith("ال") and not name_like(sentence, j, end, kb, introduced):
        end = j + 2  # "خالد الحنيفات نظراءه": a surname with the article ends the name
    # after a comma, only a name the next comma closes: "المتحدث باسم الوزارة، كمال حسان،"
    # and not "منصب المستشار الأول للوزير، وبدأ أول جولة"
    after_comma = norms[j - 1] in COMMAS or tokens[j - 1].text in QUOTE_MARKS
    if next_list_item(norms[j], kb):
        return None  # "، مستشار الوزير، وسالم …،", "… وزير الخارجية المصري ومحمد علي": the next of a list
    closed = end < len(tokens) and (norms[end] in (*COMMAS, ":") or tokens[end].text in QUOTE_MARKS
                                    or stated and end - j >= 2 and norms[end] in _name_stops(kb))
    return end if name_like(sentence, j, end, kb, introduced) and (closed or not after_comma) else None


def name_over_known(sentence: Sentence, j: int, m: Mention, state: str | None, kb: KnowledgeBase,
                    by_start: dict, introduced: bool) -> int | None:
    """Where a new person's name read over a known name after a title ends, if it is one: a known
    person's namesake ('السفير المصري في الكويت محمد مصطفى الشريف'), or a place's name that is a
    given name ('الأمير نايف بن أحمد', 'وزير خارجية الأرجنتين سانتياغو كافييرو')."""
    longer = namesake(sentence, j, m, state, kb, by_start, introduced)
    if longer is not None:
        return longer
    norms = sentence.norms
    if m.type not in ("Place", "State") or m.end - m.start != 1 or j + 1 >= len(norms):
        return None
    quoted = _quoted_name(sentence, j, {k: v for k, v in by_start.items() if v is not m}, kb)
    if quoted is not None:
        return quoted  # 'نائب الرئيس "سلفادور فالديس ميسا"': a quoted name that begins with a city's
    nxt = norms[j + 1]
    # "وزير خارجية الأرجنتين سانتياغو كافييرو", "رئيسة الوزراء الإيطالية جورجيا ميلوني": after a
    # state's title, a city or state and a word no rule knows (no article, stop, common word or
    # known name) is a given name and a family name
    unknown = state not in (None, m.entity_id) and nxt.isalpha() and not nxt.startswith("ال") \
        and nxt not in _name_stops(kb) and nxt not in kb.words("name_first_word_stops") \
        and sentence.tokens[j + 1].index not in by_start
    if not unknown and (m.type != "Place" or nxt not in kb.words("patronymic_particles")):
        return None
    others = {k: v for k, v in by_start.items() if v is not m}
    if unknown:  # the place's name is no common word here: the name ends where punctuation closes it
        end = name_end(sentence, j, kb, others)
        closed = end == len(norms) or norms[end] in (*COMMAS, ".", ":") or norms[end] in _name_stops(kb)
        return end if end > j + 1 and closed else None
    end = name_after(sentence, j, kb, others, introduced)
    return end if end is not None and end > j + 1 else None


def namesake(sentence: Sentence, j: int, m: Mention, state: str | None, kb: KnowledgeBase,
             by_start: dict, introduced: bool) -> int | None:
    """'السفير المصري في الكويت محمد مصطفى الشريف' is not the Palestinian 'محمد مصطفى': a known
    person's name that the title's name goes on past, under a title of another state, is the start
    of someone else's name. Returns where that name ends, or None."""
    if m.type != "Person" or state is None or not m.entity_id:
        return None
    own = kb.entries[m.entity_id].affiliation if m.entity_id in kb.entries else None
    if own is None or own == state:
        return None
    others, after = {k: v for k, v in by_start.items() if v is not m}, sentence.position(m.end)
    end = name_after(sentence, j, kb, others, introduced)
    if (end is None or end <= after) and sentence.norms[j - 1] not in COMMAS:
        # the known words are a name whatever they end in: 'ناصر جودة' goes on in 'ناصر جودة عبيد'
        end = name_end(sentence, after - 1, kb, others)
        end = end if name_like(sentence, j, end, kb, introduced) else None
    return end if end is not None and end > after else None


def single_name(sentence: Sentence, j: int, kb: KnowledgeBase, by_start: dict) -> int | None:
    """A monarch of a named state may go by one name: one word without the article, no common
    word, closed by punctuation ('ولي عهد بوتان الأمير جيغمي، ووزير …')."""
    norms, tokens = sentence.norms, sentence.tokens
    if j + 1 >= len(tokens) or norms[j + 1] not in (*COMMAS, ".", ":") or tokens[j].index in by_start:
        return None
    w = norms[j]
    if not w.isalpha() or w.startswith("ال") or w in kb.words("name_first_word_stops") or w in kb.words("name_stops"):
        return None
    return j + 1


def _quoted_name(sentence: Sentence, j: int, by_start: dict, kb: KnowledgeBase) -> int | None:
    """'ووزير الصناعة "محمد رضا نعمة زاده"': a name of two to four words in quotes after a title
    is the quoted words, whatever they end in."""
    tokens, norms = sentence.tokens, sentence.norms
    if not j or tokens[j - 1].text not in QUOTE_MARKS:
        return None
    close = next((k for k in range(j + 1, min(j + 5, len(tokens))) if tokens[k].text in QUOTE_MARKS), None)
    if close is None or close - j < 2 or norms[j].startswith("ال") \
            or not all(norms[k].isalpha() and tokens[k].index not in by_start for k in range(j, close)):
        return None
    return None if _with_pronoun(tokens[j].text, norms[j], kb) else close


def _pronoun_suffixes(kb: KnowledgeBase) -> tuple[str, ...]:
    return kb.derived("pronoun_suffix_tuple", lambda: tuple(kb.words("pronoun_suffixes")))


def noun_with_pronoun(w: str, kb: KnowledgeBase) -> bool:
    """'حكومته' (حكومة + ه), 'خارجيتها': a noun in ة the news uses outside names, with a pronoun."""
    common = kb.words("name_first_word_stops")
    return any(w.endswith(p) and w[:-len(p)].endswith("ت") and w[:-len(p) - 1] + "ه" in common
               for p in _pronoun_suffixes(kb))


def _with_pronoun(text: str, norm: str, kb: KnowledgeBase) -> bool:
    """'حفظه' (حفظ + ه): a common word with an attached pronoun, no name ('نبيه' is one)."""
    suffixes = _pronoun_suffixes(kb)
    if not text.endswith(suffixes):
        return False
    common = kb.words("name_first_word_stops")
    return any(text.endswith(p) and norm[:-len(p)] in common for p in suffixes)


def name_before(sentence: Sentence, i: int, kb: KnowledgeBase, by_start: dict, ends: dict, free: int,
                stateless: bool = False):
    """'أن بيتر أوتينو نائب وزير الدفاع الكيني', '، وسالم بن حمد آل نهيان، نائب رئيس دولة
    الإمارات': a name of two to four words right before a title of a state, opened by 'أن'
    or by 'و' after a person or a comma. A title of no state (`stateless`) is read so only in a
    list between commas: '، وخالد الزهراني، مستشار الوزير،'. Returns (first position, after, clitic)."""
    tokens, norms = sentence.tokens, sentence.norms
    b = i - 1 if i >= 1 and norms[i - 1] in COMMAS else i
    for a in range(b - 2, max(free, b - 5) - 1, -1):
        if a < 0:
            break
        prev = norms[a - 1] if a else ""
        after_person = a and tokens[a - 1].index + 1 in ends
        clitic = 1 if tokens[a].text[:1] == "و" and (after_person or prev in COMMAS) and len(norms[a]) > 3 else 0
        # "سعادة السيد ليو جيان سفير الصين": a name after an honorific too
        ends_of = kb.derived("honorific_ends", lambda: frozenset(
            normalize(h).split()[-1] for h in kb.word_list("honorifics")))
        honored = prev in ends_of or (prev[:1] == "و" and prev[1:] in ends_of and (a < 2 or norms[a - 2] in COMMAS))
        # in a list of no state: "، وخالد الزهراني، مستشار" or "، والدكتورة هند سليمان، المستشارة"
        # "استقبل الرئيس، في وقت سابق، جواو سيلفا، وزير الخارجية البرازيلي": between commas before a
        # state's title; after a list opener ("كل من") or a detached "و" after a comma
        between_commas = not stateless and (prev in COMMAS and b < i or normalize(" ".join(norms[max(0, a - 2):a]))
                                             in kb.words("name_list_openers")
                                             or prev == "و" and a >= 2 and norms[a - 2] in COMMAS)
        # a title of no state: in a list between commas, or after an honorific ("الدكتور … وزير البترول")
        if not (clitic or prev == "ان" or honored or between_commas) \
                or (stateless and not (clitic and prev in COMMAS and b < i or honored)):
            continue
        if clitic and tokens[a].text[1:].startswith("ال"):
            continue  # "، والدكتورة هند سليمان،": a title or honorific, not a name, follows the "و"
        if any(tokens[k].index in by_start for k in range(a, b)):
            return None
        end = name_end(sentence, a, kb, by_start, clitic=bool(clitic))
        if stateless and not honored and norms[a][clitic:] not in _given_names(kb):
            return None  # a list with a title of no state: a known given name first ("، ووكلاء الوزارات،" no)
        if end >= b and name_like(sentence, a, b, kb, False) and not kb.titles.starts(norms[a]):
            return a, b, clitic
    return None


def person_mention(sentence: Sentence, a: int, b: int, clitic: int, text: str, role, state) -> Mention:
    tokens = sentence.tokens
    start = tokens[a].start + clitic
    return Mention(tokens[a].index, tokens[b - 1].index + 1, start, tokens[b - 1].end, text[start:tokens[b - 1].end],
                   "Person", MentionSource.PATTERN, role=role, affiliation=state, sentence=sentence.index)
