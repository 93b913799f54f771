"""Names that read two ways (kg.link): a place name that is also another state's name ('عمان':
Amman, Jordan's capital, and Oman), read by the state the article speaks of more; a seat of
government ('الكرملين') that is the body in 'أعلن الكرملين' and the building in 'استقبله في الكرملين';
a capital that is the place in 'في القاهرة' and the government in 'أعلنت القاهرة'; a city's name that
is also a word ('الرمادي': Ramadi, and "grey")."""
from __future__ import annotations

from itertools import repeat

from kg.knowledge import KnowledgeBase
from kg.model import Mention
from kg.text import QUOTE_MARKS, Sentence, normalize, stems


def homonym_states(kb: KnowledgeBase) -> dict[str, str]:
    """capital id -> the other state spelt like it ('عمان': Amman, Jordan's capital, and Oman)."""
    def compute() -> dict[str, str]:
        by_name: dict[str, str] = {}
        for e in kb.entries.values():
            if e.type == "State":
                for n in (e.ar, *e.aliases):
                    by_name.setdefault(normalize(n), e.id)
        return {e.id: by_name[normalize(e.ar)] for e in kb.entries.values()
                if e.capital_of and by_name.get(normalize(e.ar)) not in (None, e.capital_of)}
    return kb.derived("homonym_states", compute)


def spoken_of(kb: KnowledgeBase, sentences: list[Sentence], mentions: list[Mention], states: set[str]) -> dict:
    """How often the article names each state or uses its adjective ('الأردني', 'العمانية')."""
    counts = dict.fromkeys(states, 0)
    for m in mentions:
        if m.entity_id in counts:
            counts[m.entity_id] += 1
    for s in sentences:
        for w in s.norms:
            state = kb.nationality.get(w)
            if state in counts:
                counts[state] += 1
    return counts


def seat_as_venue(m: Mention, sentence: Sentence, kb: KnowledgeBase) -> bool:
    """'يستقبل الشيباني … في الكرملين': a seat of government after 'في' (or 'بـ') in a clause with a
    meeting trigger is the building where they met; 'بحسب مسؤول في الإليزيه' is the body."""
    toks, p = sentence.tokens, sentence.position(m.start)
    clitic = toks[p].norm[: len(toks[p].norm) - len(normalize(m.surface))]
    if not (clitic.endswith("\u0628") or (p and toks[p - 1].norm in kb.words("locative_words"))):
        return False
    a = p
    while a > 0 and toks[a - 1].norm not in ("\u060c", ",", "."):
        a -= 1
    return any(kb.triggers.match_at(sentence.norms, k, kb.triggers.starts(sentence.norms[k]) or None)
               for k in range(a, p))


def facility_of(sentences: list[Sentence], name: str, kb: KnowledgeBase) -> str | None:
    """'قصر الكرملين' when the article names the seat's building with a facility word: the venue
    is that place (one node for 'في الكرملين' and 'في قصر الكرملين')."""
    words, heads = normalize(name).split(), kb.stem_forms("facility_heads")
    for s in sentences:
        for k in range(len(s.norms) - len(words)):
            if heads[s.norms[k]] and list(s.norms[k + 1:k + 1 + len(words)]) == words:
                return f"{heads[s.norms[k]][0]} {name}"
    return None


def names_an_agreement(m: Mention, sentence: Sentence, kb: KnowledgeBase) -> bool:
    """'اتفاقيات فيينا', 'اتفاق أوسلو': a city right after an agreement word is part of the
    agreement's name, neither a place of the story nor its state's government."""
    pos = sentence.position(m.start)
    return pos > 0 and not kb.words("treaty_words").isdisjoint(stems(sentence.norms[pos - 1]))


def written_as_adverb(m: Mention, sentence: Sentence) -> bool:
    """'رئيسا إفريقياً', 'ترحيباً عربياً': a name's last word written with the accusative tanween
    (ـاً) is an indefinite adjective or adverb; a name of a place or state never takes it."""
    return sentence.tokens[sentence.position(m.end - 1)].text.endswith("\u064b")


def is_locative(m: Mention, sentence: Sentence, kb: KnowledgeBase) -> bool:
    """Whether a name that is both a capital and its state's government is read as the place here:
    after ب or a locative word, in a dateline, as a visit's object or a part of a city."""
    toks, norms, pos = sentence.tokens, sentence.norms, sentence.position(m.start)
    first = toks[pos]
    word = normalize(m.surface).split()[0]  # "بأديس أبابا": ب; "للقاهرة": ل + القاهرة without its alef
    clitic = "ل" if first.norm.startswith("لل") and word.startswith("ال") else first.norm[: len(first.norm) - len(word)]
    if clitic.endswith("ب") or sentence.dateline_at(pos, kb.words("dateline_header_links")) \
            or capital_word_follows(sentence, sentence.position(m.end), kb):
        return True  # "بموسكو": in Moscow; "الرياض (واس) -": a dateline; "طهران العاصمة"
    if clitic == "و" and _coordinated_after_locative(norms, pos, kb):
        return True  # "في نيالا والفاشر والخرطوم": the preposition governs each place of the list
    visit_window = range(max(0, pos - 5), pos)
    if clitic.endswith("ل"):
        # "زيارة الوزير لموسكو", "الضواحي الغربية لبغداد"; but not "يمكن لواشنطن"
        return any(_visit_at(norms, k, kb) for k in visit_window) or _part_of_city_before(norms, pos, kb)
    before = pos - 1
    # skip quotes, commas and a nationality adjective: "إلى العاصمة السورية دمشق", "إلى العاصمة المصرية، القاهرة"
    while before >= 0 and (toks[before].text in QUOTE_MARKS or norms[before] in kb.nationality
                           or norms[before] in (",", "،", "(") or _unknown_adjective_after_capital(norms, before, kb)):
        before -= 1
    where = kb.derived("locative_or_place_heads", lambda: kb.words("locative_words") | kb.words("place_heads"))
    if before >= 0 and not where.isdisjoint(stems(norms[before])):
        # "في دمشق", "أمير منطقة الرياض"; but "المساعدات المقدمة إلى أنقرة" go to the government
        return not (before and norms[before - 1] in kb.words("recipient_words"))
    if pos and (_visit_at(norms, pos - 1, kb) or _held_in(norms, pos, sentence.position(m.end), kb)):
        return True  # "الذي يزور القاهرة"; "قمة بيروت": where it was held
    if _after_local_ruler(norms, pos, kb):
        return True  # "عمدة بكين", "محافظ القاهرة": the city's own ruler
    if pos and not clitic and not kb.words("city_part_words").isdisjoint(stems(norms[pos - 1])):
        return True  # "في ضواحي نيروبي", "شوارع القاهرة": a part of the city, in construct with it
    if pos and not kb.words("direction_words").isdisjoint(stems(norms[pos - 1])):
        return True  # "على مسافة 40 كلم غرب نيروبي": a point of the compass from the city
    # object of a visit or departure verb: "زار بوتين دمشق", "سيزور الوزير موسكو", "غادر القاهرة الرئيس"
    visited = kb.derived("visit_verb_stem_tuple", lambda: tuple(kb.words("visit_verb_stems")))
    left = kb.words("departure_verbs")
    for k in visit_window:  # a departure verb, or a form of a visit verb (tested in C) that reads as a visit
        if norms[k] in left:
            return True
        forms = _without_future(norms[k])
        if any(map(str.startswith, forms, repeat(visited))) and _visit_at(norms, k, kb, forms):
            return True
    return False


def _visit_at(norms, k: int, kb: KnowledgeBase, forms: tuple[str, ...] | None = None) -> bool:
    """Whether a visit trigger begins at k ('زيارة', 'سيزور': the future prefix set aside; `forms`:
    the word's forms without it, when the caller has them already)."""
    forms = _without_future(norms[k]) if forms is None else forms
    return (hit := kb.triggers.match_at(norms, k, forms)) is not None and hit[1] == "Visit"


def _coordinated_after_locative(norms, pos: int, kb: KnowledgeBase) -> bool:
    """Whether the one-word cities conjoined before pos ('نيالا والفاشر و…') follow a locative
    ('في نيالا') or the first has the clitic ب ('بنيالا والفاشر'). Not after a state: in a list of
    states ('في الكويت وقطر وعمان') a capital's name may be its state's."""
    locatives = kb.words("locative_words")
    k = pos - 1
    while k >= 0:
        place = next((f for f in stems(norms[k]) if (hit := kb.names.match_at(norms, k, [f])) is not None
                      and hit[0] == 1 and kb.entries[hit[1]].type == "Place"), None)
        if place is None:
            return False
        clitic = norms[k][: len(norms[k]) - len(place)]
        if clitic != "و":
            return clitic.endswith("ب") or (k > 0 and not locatives.isdisjoint(stems(norms[k - 1])))
        k -= 1
    return False


def _without_future(word: str) -> tuple[str, ...]:
    """A word's forms, and those of a verb without the future's س ('سيزور' is 'يزور' to come)."""
    if len(word) > 3 and word[0] == "س":  # only a visit trigger after it counts
        return (*stems(word), *stems(word[1:]))
    return stems(word)


def _part_of_city_before(norms, pos: int, kb: KnowledgeBase) -> bool:
    """'الضواحي الغربية لبغداد', 'أحياء لعمان': a part of a city (city_part_words), with an
    adjective or not, right before the city's name with ل."""
    parts = kb.words("city_part_words")
    k = pos - 2 if pos > 1 and norms[pos - 1].startswith("ال") else pos - 1  # past an adjective
    return k >= 0 and not parts.isdisjoint(stems(norms[k]))


def _held_in(norms, pos: int, after: int, kb: KnowledgeBase) -> bool:
    """'قمة بيروت', 'محادثات جنيف': a capital after a gathering noun is where it was held; but
    talks between two governments name both ('محادثات واشنطن وطهران', 'مفاوضات موسكو وكييف')."""
    before = stems(norms[pos - 1])
    if kb.words("gathering_nouns").isdisjoint(before):
        return False
    if kb.words("conversation_nouns").isdisjoint(before) or after >= len(norms) or not norms[after].startswith("و"):
        return True
    hit = kb.names.match_at(norms, after, [norms[after][1:]])
    return hit is None or not (kb.entries[hit[1]].type == "State" or kb.entries[hit[1]].capital_of)


def _after_local_ruler(norms, pos: int, kb: KnowledgeBase) -> bool:
    """Whether a title of a city's own ruler ends right before pos ('ولي عهد', 'عمدة'), with or
    without a clitic on its first word ('بمحافظ القاهرة', 'وعمدة بكين')."""
    titles = kb.derived("local_ruler_title_words", lambda: {tuple(t.split()) for t in kb.words("local_ruler_titles")})
    lasts = kb.derived("local_ruler_title_last_words", lambda: frozenset(t[-1] for t in titles))
    if not pos or lasts.isdisjoint(stems(norms[pos - 1])):
        return False  # most names: the word before ends no ruler's title (one set test, not one per title)
    return any(pos >= len(t) and tuple(norms[pos - len(t) + 1:pos]) == t[1:] and t[0] in stems(norms[pos - len(t)])
               for t in titles)


def _unknown_adjective_after_capital(norms, k: int, kb: KnowledgeBase) -> bool:
    """'العاصمة الشيلية سانتياغو': a definite adjective right after "the capital" is its state's
    nationality even when spelt in a way the generated adjectives lack."""
    return k > 0 and norms[k].startswith("ال") and norms[k].endswith("يه") \
        and not kb.words("capital_words").isdisjoint(stems(norms[k - 1]))


def reads_as_place(m: Mention, sentence: Sentence, kb: KnowledgeBase) -> bool:
    """A city's name that is also a word (a context name: 'الرمادي' grey, 'قم' stand up) is the
    city only where the text reads it as a place (is_locative) or joins it to a place with و
    ('وكربلاء وقم'), not right after a place head it may qualify as an adjective ('البحر الأبيض':
    not El Obeid), nor before a definite adjective that qualifies it ('في العمارة السكنية')."""
    pos, norms = sentence.position(m.start), sentence.norms
    if pos and not kb.words("place_heads").isdisjoint(stems(norms[pos - 1])) \
            and norms[pos - 1] not in kb.words("locative_words"):
        return False
    after = sentence.position(m.end)
    if normalize(m.surface).startswith("ال") and after < len(norms) and norms[after].startswith("ال") \
            and norms[after] not in kb.nationality:
        return False  # "في العمارة السكنية": a noun and its adjective, not Al-Amarah
    if pos > 1 and sentence.tokens[pos].norm == "و" + normalize(m.surface) and _place_ends_at(norms, pos, kb):
        return True  # "وكربلاء وقم": conjoined with a place or a state
    return is_locative(m, sentence, kb)


def _place_ends_at(norms, pos: int, kb: KnowledgeBase) -> bool:
    """Whether a known place's or state's name (up to three words) ends right before pos."""
    window = list(norms[max(0, pos - 3):pos])
    return any(i + n == len(window) and kb.entries[e].type in ("Place", "State")
               for i, n, e, _ in kb.names.find_all(window))


def noun_in_construct(m: Mention, sentence: Sentence, kb: KnowledgeBase) -> bool:
    """'مشهد الاحتفال' (the ceremony's scene), 'في بورصة نيويورك' (the New York stock exchange): a
    city's name that is a noun too, followed by a place, or (where the text does not read it as a
    place) by a definite noun as its genitive, is the noun. A name with the article heads no
    construct ('الخليل القديمة', 'الزرقاء الجديدة': adjectives); a nisba adjective ('مشهد الإيرانية')
    or a city's epithet (city_epithets: 'مشهد المقدسة') after a city agrees with it, but another
    feminine noun is a genitive ('مشهد المعركة', 'مشهد الجريمة': the battle's, the crime's scene)."""
    after, norms = sentence.position(m.end), sentence.norms
    if after >= len(norms) or normalize(m.surface).startswith("ال"):
        return False
    if (hit := kb.names.match_at(norms, after)) is not None and kb.entries[hit[1]].type in ("Place", "State"):
        return True
    nxt = norms[after]
    if not nxt.startswith("ال") or nxt.endswith(("ي", "يه")) or nxt in kb.words("city_epithets"):
        return False
    return nxt not in kb.words("body_name_stops") and not is_locative(m, sentence, kb)


def name_without_city_word(surface: str, kb: KnowledgeBase) -> str | None:
    """'مدينة سمرقند': a city the knowledge base does not know, read by the word "city"
    (city_heads), is named without it, as a known one is; not before a noun with the article,
    which may name a city with it ('مدينة السلام', 'مدينة الحسين'). None when it keeps its name."""
    head, _, name = surface.partition(" ")
    if not name or normalize(head) not in kb.words("city_heads") or normalize(name).startswith("ال"):
        return None
    return name


def town_adjectives(kb: KnowledgeBase) -> frozenset[str]:
    """The definite feminine nisba adjectives of the states that have far towns ('السويسريه'): a
    sentence with none of them names no far town (one set test, before any other work)."""
    def compute() -> frozenset[str]:
        with_towns = {e.located_in for e in kb.entries.values() if e.qualified_names}
        return frozenset(a for a, state in kb.nationality.items()
                         if state in with_towns and a.startswith("ال") and a.endswith("يه"))
    return kb.derived("far_town_adjectives", compute)


def before_its_state_adjective(sentence: Sentence, pos: int, state: str | None, kb: KnowledgeBase) -> bool:
    """Whether the word at pos is the definite feminine adjective of `state` ('السويسرية')."""
    return pos < len(sentence.norms) and sentence.norms[pos] in town_adjectives(kb) \
        and kb.nationality[sentence.norms[pos]] == state


def capital_word_follows(sentence: Sentence, q: int, kb: KnowledgeBase) -> bool:
    """'تونس العاصمة', 'طهران العاصمة إلى': the word "capital" in apposition right after a name
    makes it the city; not as a noun a feminine adjective qualifies ('مصر العاصمة الإدارية':
    another city)."""
    norms = sentence.norms
    return q < len(norms) and norms[q] in kb.words("capital_words") \
        and (q + 1 == len(norms) or not (norms[q + 1].startswith("ال") and norms[q + 1].endswith("ه")))
