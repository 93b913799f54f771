"""Persons introduced by titles: 'وزير الدفاع السوري مرهف أبو قصرة', 'أمير دولة قطر الشيخ حمد بن
خليفة آل ثاني', 'قائد الجيش الوطني الليبي، المشير خليفة حفتر'.

A title (ontologies/lexicon.yaml `titles`) in construct state takes a complement: the portfolio
or body it heads ('الخارجية', 'الدفاع والطيران', 'هيئة الأركان العامة', 'لجامعة الدول العربية')
and the state it serves ('خارجية مصر', 'دولة قطر', 'بالجمهورية الإسلامية الإيرانية'); titles
chain ('رئيس الوزراء وزير الخارجية القطري الشيخ'), honorifics ('صاحب السمو', 'معالي') are
skipped, and the name after the chain is a new person whose affiliation is the state the chain
names. No title or name is listed for one person: the rules read any.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.knowledge import KnowledgeBase
from kg.model import Mention
from kg.text import QUOTE_MARKS, Sentence, Token, normalize, positions, stems

_COMMAS = ("،", ",")


@dataclass
class Title:
    """A title as read at a position: its core (lexicon title and complement, normalized), the
    state it names, where it ends, and the stem of its first token that matched."""
    core: str
    state: str | None
    end: int
    form: str


def _definite(word: str) -> bool:
    """'الخارجية', 'والدفاع', 'بالجمهورية', 'للأمم': the word, after clitics, carries the article."""
    return any(f.startswith("ال") for f in stems(word))


def _lexicon_sets(kb: KnowledgeBase):
    return kb.derived("title_sets", lambda: (
        kb.words("name_stops") | kb.words("counterpart_words") | kb.words("treaty_name_stops"),
        kb.words("state_qualifiers"),
        kb.words("state_forms"),
        kb.words("envoy_prepositions"),
    ))


def _state_phrase(norms, k: int, kb: KnowledgeBase, known: dict[int, tuple[str, str, int]]):
    """'جمهورية مصر العربية', 'دولة قطر', 'مصر': (state id, index after) or (None, k)."""
    _, qualifiers, forms, _ = _lexicon_sets(kb)
    start = k
    if k < len(norms) and any(f in forms for f in stems(norms[k])) and k + 1 in known:
        k += 1
    hit = known.get(k)
    if hit is None or hit[0] != "State":
        return None, start
    k = hit[2]
    while k < len(norms) and norms[k] in qualifiers:
        k += 1
    return hit[1], k


def _complement(norms, j: int, kb: KnowledgeBase, known, definite_title: bool):
    """The complement of a title ending at j: (its normalized words, state, index after)."""
    stops = _lexicon_sets(kb)[0]
    k, state, words = j, None, []
    if definite_title and not (j < len(norms) and norms[j].startswith("ل") and not norms[j].startswith("ال")):
        return words, state, k  # "الرئيس" takes a nationality, "الأمين العام" a "لـ" complement
    while k < len(norms) and k - j < 6:
        found, after = _state_phrase(norms, k, kb, known)
        if found:
            return words, found, after
        hit = known.get(k)
        if hit is not None:
            if hit[0] not in ("Organization", "Place"):
                break
            words.append(normalize(" ".join(norms[k:hit[2]])))
            k = hit[2]
            continue
        w = norms[k]
        if w in kb.nationality:
            return words, kb.nationality[w], k + 1
        if w in stops or not w.isalpha() or kb.titles.starts(w) or kb.triggers.starts(w):
            break
        nxt = norms[k + 1] if k + 1 < len(norms) else ""
        if w.startswith("ل") and not w.startswith("ال") and _definite(nxt) and k > j:
            words.append(w)  # "مساعد وزير الدولة لشؤون الدول الإفريقية"
            k += 1
            continue
        if _definite(w) or (k == j and nxt not in stops and (
                _definite(nxt) or k + 1 in known or _state_phrase(norms, k + 1, kb, known)[0])):
            words.append(w)
            k += 1
            continue
        break
    return words, state, k


def _served_end(norms, k: int, kb: KnowledgeBase, known) -> int:
    """After 'لدى/في/إلى': the country served ('جمهورية مصر العربية', 'المملكة', 'سلطنة عمان')."""
    served, after = _state_phrase(norms, k, kb, known)
    if served:
        return after
    if k in known:
        return known[k][2]
    forms = _lexicon_sets(kb)[2]
    return k + 2 if any(f in forms for f in stems(norms[k])) and k + 1 in known else k + 1


def _is_envoy(core: str, kb: KnowledgeBase) -> bool:
    return core.split()[0].removeprefix("و") in kb.words("envoy_titles")


def title_at(norms, i: int, kb: KnowledgeBase, known: dict | None = None) -> Title | None:
    """A role title at token i, with its complement, nationality, qualifiers and the country served."""
    known = known or {}
    forms = kb.titles.starts(norms[i])
    hit = kb.titles.match_at(norms, i, forms) if forms else None
    if not hit:
        return None
    n, title, form = hit
    j = i + n
    if normalize(title).endswith("باسم"):
        # "المتحدث باسم الوزارة المصرية،", "الناطق باسم الكرملين": the body spoken for
        words, state, j = _complement(norms, j, kb, known, False)
        return Title(" ".join([normalize(title), *words]), state, j, form)
    definite = normalize(title).split()[-1].startswith("ال")
    words, state, j = _complement(norms, j, kb, known, definite)
    # "الأمير التركي", but "الأمير تركي بن …" is a name: a definite title takes a definite adjective
    if state is None and j < len(norms) and norms[j] in kb.nationality \
            and (not definite or norms[j].startswith("ال")):
        state = kb.nationality[norms[j]]
        j += 1
    if j < len(norms) and norms[j] in kb.words("former_markers"):
        j += 1
    # "المبعوث الأممي إلى سوريا غير بيدرسن": a qualifier and the country served
    if j < len(norms) and norms[j] in kb.words("title_qualifiers"):
        j += 1
        if j + 1 < len(norms) and norms[j] in _lexicon_sets(kb)[3]:
            j = _served_end(norms, j + 1, kb, known)
    core = " ".join([normalize(title), *words])
    return Title(core, state, j, form)


def _skip_honorifics(norms, tokens, j: int, kb: KnowledgeBase) -> int:
    honorifics = kb.phrases("honorifics")
    while j < len(tokens):
        if norms[j] in _COMMAS or tokens[j].text in QUOTE_MARKS:
            j += 1
            continue
        hit = honorifics.match_at(norms, j, honorifics.starts(norms[j])) if honorifics.starts(norms[j]) else None
        if not hit:
            return j
        j += hit[0]
    return j


def title_chain(sentence: Sentence, i: int, kb: KnowledgeBase, known: dict, text: str):
    """Titles in a row from token i: ([(role text, core)], state, index after the last one)."""
    norms, tokens = sentence.norms, sentence.tokens
    roles: list[tuple[str, str]] = []
    state = None
    j = i
    particles = kb.words("name_particles")
    while j < len(tokens):
        if roles and norms[j] in kb.words("title_words_in_names") and j + 1 < len(norms) \
                and norms[j + 1] in particles:
            break  # "الأمير سلطان بن عبدالعزيز": a name, not a second title
        t = title_at(norms, j, kb, known)
        if t is None:
            break
        roles.append((role_text(tokens, j, t.end, text, t.form), t.core))
        state = state or t.state
        j = _skip_honorifics(norms, tokens, t.end, kb)
        # "السفير التركي في قطر أحمد ديميروك": the country served after an envoy (not his own)
        if j + 1 < len(norms) and norms[j] in _lexicon_sets(kb)[3]:
            # any title before a known state ("قائد القوات الروسية في سورية"), an envoy before any
            served = _state_phrase(norms, j + 1, kb, known)[0] or (j + 1 in known and known[j + 1][0] == "Place")
            if served or any(_is_envoy(core, kb) for _, core in roles):
                j = _skip_honorifics(norms, tokens, _served_end(norms, j + 1, kb, known), kb)
    return roles, state, j


def surface_without_clitic(tok: Token, form: str) -> str:
    """The token's text without the proclitic that `form` (a stem of tok.norm) dropped."""
    if form == tok.norm:
        return tok.text
    letters = [i for i, ch in enumerate(tok.text) if ch.isalpha()]
    drop = len(tok.norm) - len(form)
    if form.startswith("ال") and not tok.norm[drop:].startswith("ال"):
        # للرئيس -> الرئيس: the article was contracted into the clitic
        return "ال" + tok.text[letters[drop + 2]:] if drop + 2 < len(letters) else tok.text
    return tok.text[letters[drop]:] if drop < len(letters) else tok.text


def role_text(tokens: list[Token], i: int, j: int, text: str, form: str) -> str:
    """The title as written (with its nationality), without clitics or trailing commas."""
    end = j
    while end > i + 1 and (tokens[end - 1].norm in _COMMAS or tokens[end - 1].text in QUOTE_MARKS):
        end -= 1
    first = surface_without_clitic(tokens[i], form)
    return (first + text[tokens[i].end:tokens[end - 1].end]).strip()


def _name_stops(kb: KnowledgeBase) -> frozenset[str]:
    """Words that end a person's name read after a title."""
    # an indefinite adjective may be a name: "الأمير تركي بن سعود"
    return kb.derived("name_stops", lambda: kb.words("name_stops") | kb.words("counterpart_words")
                      | {a for a in kb.nationality if a.startswith("ال")})


def introducers(kb: KnowledgeBase) -> frozenset[str]:
    """Titles that introduce a name without being the person's role ('برئاسة', 'نظيره')."""
    return kb.derived("introducers", lambda: frozenset(kb.lexicon["name_introducers"])
                      | frozenset(kb.lexicon["counterpart_words"]))


def name_end(sentence: Sentence, j: int, kb: KnowledgeBase, by_start: dict, clitic: bool = False) -> int:
    """Where a person's name read from token j ends: up to four words besides particles
    ('فيصل بن فرحان بن عبدالله'), stopped by punctuation, verbs, titles and known names."""
    tokens, norms = sentence.tokens, sentence.norms
    stops, particles = _name_stops(kb), kb.words("name_particles")
    inner_titles = kb.words("title_words_in_names")
    end, core = j, 0
    while end < len(tokens) and core < 4 and end - j < 7:
        tok, w = tokens[end], norms[end]
        stop = w in stops and not (w == "علي" and tok.text.endswith("ي"))  # the name علي, not على
        if not w.isalpha() or "\u064b" in tok.text or stop or tok.index in by_start \
                or kb.triggers.match_at(norms, end):
            break
        if (not w.startswith("ال") and _definite(w) and not (clitic and end == j)) or (
                end > j and tok.text.endswith("ة") and norms[end - 1] not in particles):
            break  # "للتباحث", "رسالة": a preposition's object or a noun, no part of a name
        if end > j and w not in inner_titles and kb.titles.match_at(norms, end, kb.titles.starts(w) or None):
            break
        core += w not in particles
        end += 1
    if core == 4 and not (end == len(tokens) or norms[end] in _COMMAS or norms[end] == "."):
        end -= 1  # a fourth word only when punctuation closes the name: "مشعل الأحمد الجابر الصباح،"
    return end


def name_like(sentence: Sentence, j: int, end: int, kb: KnowledgeBase, introduced: bool) -> bool:
    """Whether tokens j..end read as a person's name, not a phrase ('مولود تشاوش أوغلو' yes,
    'البيان الختامي' no): two words at least, the first without the article, Arabic, and an
    inner article only after a particle or when punctuation closes the name."""
    tokens, norms = sentence.tokens, sentence.norms
    particles = kb.words("name_particles")
    if end - j < 2 or norms[j].startswith("ال") or not any("\u0600" <= c <= "\u06ff" for c in tokens[j].text):
        return False
    inner = [k for k in range(j + 1, end) if norms[k].startswith("ال")
             and norms[k - 1] not in particles and norms[k] not in particles]
    delimited = end == len(tokens) or norms[end] in ("،", ",", ".", ":") or tokens[end].text in QUOTE_MARKS
    if norms[j] in kb.words("patronymic_particles") or (tokens[j].text.endswith("ة") and norms[j + 1] not in particles
                                           and not delimited):
        return False  # "مأدبة غداء تكريما": a noun; "أسامة بن أحمد", "خليفة حفتر،" are names
    return not inner or (not introduced and (end - j == 2 or delimited))


def known_positions(sentence: Sentence, known: list[Mention]) -> dict[int, tuple[str, str, int]]:
    """Known mentions by the sentence position they start at: (type, entity id, position after)."""
    return {sentence.position(m.start): (m.type, m.entity_id or "", sentence.position(m.end))
            for m in known}


def pattern_mentions(sentence: Sentence, kb: KnowledgeBase, text: str,
                     known: list[Mention]) -> list[Mention]:
    """Persons introduced by a title: 'وزير الدفاع السوري مرهف أبو قصرة'.

    Returns new Person mentions for unknown names and role-annotated copies of known ones.
    """
    if not kb.titles.can_match(sentence):
        return []
    tokens, norms = sentence.tokens, sentence.norms
    by_start = {m.start: m for m in known}
    ends = {m.end: m for m in known if m.type == "Person"}
    at = known_positions(sentence, known)
    intro = introducers(kb)
    out: list[Mention] = []
    free = 0  # first token after the last title and name read
    for i in positions(kb.titles.forms_of(norms)):
        if i < free:
            continue
        roles, state, j = title_chain(sentence, i, kb, at, text)
        if not roles:
            continue
        introduced = all(core in intro for _, core in roles)
        role = None if introduced else "\n".join(r for r, core in roles if core not in intro)
        if j < len(tokens) and tokens[j].index in by_start:
            m = by_start[tokens[j].index]
            if m.type == "Person" and not introduced:
                out.append(_with_role(m, role, state))
            free = j
            continue
        comma = i >= 2 and norms[i - 1] in _COMMAS
        before = i - 2 if comma else i - 1
        # without a comma only a title with no nationality is apposition: "يوحنا العاشر بطريرك
        # أنطاكية", but "التقى الشرع رئيس الوزراء الروسي ميخائيل ميشوستين" names someone new
        conjoined = tokens[i].text[:1] == "و" and not roles[0][0].startswith(tokens[i].text)  # "، وسفير …"
        if before >= 0 and tokens[before].index + 1 in ends and not introduced and not conjoined \
                and (comma or state is None):
            out.append(_with_role(ends[tokens[before].index + 1], role, state))
            free = j
            continue
        end = name_end(sentence, j, kb, by_start)
        if end - j > 2 and norms[j + 1].startswith("ال") and not name_like(sentence, j, end, kb, introduced):
            end = j + 2  # "خالد الحنيفات نظراءه": a surname with the article ends the name
        # after a comma, only a name the next comma closes: "المتحدث باسم الوزارة، كمال حسان،"
        # and not "منصب النائب الأول للوزير، وقام بأول زيارة"
        after_comma = norms[j - 1] in _COMMAS or tokens[j - 1].text in QUOTE_MARKS
        closed = end < len(tokens) and (norms[end] in (*_COMMAS, ":") or tokens[end].text in QUOTE_MARKS)
        if name_like(sentence, j, end, kb, introduced) and (closed or not after_comma):
            m = Mention(tokens[j].index, tokens[end - 1].index + 1, tokens[j].start, tokens[end - 1].end,
                        text[tokens[j].start:tokens[end - 1].end], "Person", "pattern",
                        role=role, affiliation=state, sentence=sentence.index)
            out.append(m)
            ends[m.end] = m
            free = end
            continue
        before_name = _name_before(sentence, i, kb, by_start, ends, free) if state and not introduced else None
        if before_name is not None:
            out.append(_person(sentence, *before_name, text, role, state))
            ends[out[-1].end] = out[-1]
        free = max(j, i + 1)
    return out


def _name_before(sentence: Sentence, i: int, kb: KnowledgeBase, by_start: dict, ends: dict, free: int):
    """'أن يونس بك يفكيروف نائب وزير الدفاع الروسي', '، ومنصور بن زايد آل نهيان، نائب رئيس دولة
    الإمارات': a name of two to four words right before a title of a state, opened by 'أن'
    or by 'و' after a person or a comma. Returns (first position, after, clitic)."""
    tokens, norms = sentence.tokens, sentence.norms
    b = i - 1 if i >= 1 and norms[i - 1] in _COMMAS else i
    for a in range(b - 2, max(free, b - 5) - 1, -1):
        if a < 0:
            break
        prev = norms[a - 1] if a else ""
        after_person = a and tokens[a - 1].index + 1 in ends
        clitic = 1 if tokens[a].text[:1] == "و" and (after_person or prev in _COMMAS) and len(norms[a]) > 3 else 0
        if not (clitic or prev == "ان"):
            continue
        if any(tokens[k].index in by_start for k in range(a, b)):
            return None
        end = name_end(sentence, a, kb, by_start, clitic=bool(clitic))
        if end >= b and name_like(sentence, a, b, kb, False) and not kb.titles.starts(norms[a]):
            return a, b, clitic
    return None


def _person(sentence: Sentence, a: int, b: int, clitic: int, text: str, role, state) -> Mention:
    tokens = sentence.tokens
    start = tokens[a].start + clitic
    return Mention(tokens[a].index, tokens[b - 1].index + 1, start, tokens[b - 1].end, text[start:tokens[b - 1].end],
                   "Person", "pattern", role=role, affiliation=state, sentence=sentence.index)


def _with_role(m: Mention, role: str | None, state: str | None) -> Mention:
    return Mention(m.start, m.end, m.char_start, m.char_end, m.surface, m.type, m.source,
                   m.entity_id, role=role, affiliation=state, sentence=m.sentence)


def title_spans(sentence: Sentence, kb: KnowledgeBase, known: list[Mention]) -> set[int]:
    """Positions inside titles and their complements ('رئيس هيئة الأركان العامة'): a body named
    there without a nationality is part of someone's title, not an actor of the story."""
    if not kb.titles.can_match(sentence):
        return set()
    at = known_positions(sentence, known)
    out: set[int] = set()
    for i in positions(kb.titles.forms_of(sentence.norms)):
        t = title_at(sentence.norms, i, kb, at)
        if t is not None:
            out.update(range(i, t.end))
    return out
