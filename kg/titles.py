"""Persons introduced by titles: 'وزير الدفاع الكيني سليمان موليانغو', 'أمير دولة الكويت الشيخ سالم
الأحمد', 'قائد الجيش الوطني الكيني، الفريق أول تشارلز كاهاريري'.

A title (ontologies/lexicon.yaml `titles`) in construct state takes a complement: the portfolio
or body it heads ('الخارجية', 'الدفاع والطيران', 'هيئة الأركان العامة', 'لجامعة الدول العربية')
and the state it serves ('خارجية مصر', 'دولة قطر', 'بالجمهورية الإسلامية الإيرانية'); titles
chain ('رئيس الوزراء وزير الخارجية الكويتي الشيخ'), honorifics ('صاحب السمو', 'معالي') are
skipped, and the name after the chain is a new person whose affiliation is the state the chain
names. No title or name is listed for one person: the rules read any.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.knowledge import KnowledgeBase
from kg.model import Mention
from kg.names import (COMMAS as _COMMAS, name_after, name_before, name_over_known,
                      next_list_item, noun_with_pronoun, person_mention, single_name)
from kg.title_names import described_before, name_after_long_complement
from kg.text import QUOTE_MARKS, Sentence, Token, definite, normalize, positions, stems, surface_without_clitic


@dataclass
class Title:
    """A title as read at a position: its core (lexicon title and complement, normalized), the
    state it names, where it ends, and the stem of its first token that matched."""
    core: str
    state: str | None
    end: int
    form: str


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
    # "جمهورية فنزويلا البوليفارية": after a state's form, any feminine adjective of its formal name
    while k < len(norms) and (norms[k] in qualifiers or start < k - 1 and norms[k].startswith("ال")
                              and norms[k].endswith("يه") and norms[k] not in kb.nationality):
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
        if w in stops or not w.isalpha() or kb.titles.starts(w) or kb.triggers.starts(w) \
                or kb.phrases("honorifics").match_at(norms, k):
            break  # "رئيس مجلس إدارة الشركة الدكتور خالد": the honorific opens the name
        if k == j and noun_with_pronoun(w, kb):
            k += 1  # "رئيس حكومته", "وزير خارجيتها": the body is the pronoun's (and "وتجارتها")
            while k < len(norms) and norms[k][:1] == "و" and noun_with_pronoun(norms[k][1:], kb):
                k += 1
            return norms[j:k], state, k
        nxt = norms[k + 1] if k + 1 < len(norms) else ""
        if k == j and w in kb.derived("complement_heads", lambda: kb.words("place_heads") | kb.words(
                "organization_heads")) and nxt.isalpha() and nxt not in stops and not kb.titles.starts(nxt):
            words += [w, nxt]  # "رئيس إقليم كردستان": a region or body with a proper name
            k += 2
            continue
        if words and w.startswith("و") and not definite(w) and nxt.startswith("ال") and w[1:] not in stops:
            words += [w, nxt]  # "وزير الخارجية وشؤون المغتربين": a second portfolio
            k += 2
            continue
        if w.startswith("ل") and not w.startswith("ال") and definite(nxt) and k > j:
            words.append(w)  # "مساعد وزير الدولة لشؤون التعاون الإقليمي"
            k += 1
            continue
        if definite(w) or (k == j and nxt not in stops and (
                definite(nxt) or k + 1 in known or _state_phrase(norms, k + 1, kb, known)[0])):
            words.append(w)
            k += 1
            continue
        if k == j and k + 2 < len(norms) and definite(norms[k + 2]) and nxt.isalpha() \
                and not {w, nxt} & stops and not kb.titles.starts(w):
            words += [w, nxt]  # a chain of constructs: "رئيس مجلس إدارة المؤسسة"
            k += 2
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
    normalized, spokesman, prefix, definite = _title_facts(kb, title)
    if spokesman:
        # "المتحدث باسم الوزارة المصرية،", "الناطق باسم الكرملين": the body spoken for
        words, state, j = _complement(norms, j, kb, known, False)
        return Title(" ".join([normalized, *words]), state, j, form)
    if prefix and j < len(norms) and kb.titles.starts(norms[j]):
        inner = title_at(norms, j, kb, known)  # "نائب رئيس دولة الإمارات": the deputy's office
        if inner is not None:
            return Title(normalized + " " + inner.core, inner.state, inner.end, form)
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
    core = " ".join([normalized, *words])
    return Title(core, state, j, form)


def _title_facts(kb: KnowledgeBase, title: str) -> tuple[str, bool, bool, bool]:
    """A lexicon title normalized, and whether it speaks for a body ('المتحدث باسم'), is a prefix
    of another title ('نائب') and carries the article; worked out once per title, not per reading."""
    facts = kb.derived("title_facts", dict)
    found = facts.get(title)
    if found is None:
        normalized = normalize(title)
        # "رئيس الوزراء", and "الفريق أول", "العميد ركن" (a rank and its grade), take no
        # complement; "القائم بأعمال" does
        first, last = normalized.split()[0], normalized.split()[-1]
        definite = last.startswith("ال") or (first.startswith("ال") and not last.startswith(("ب", "ل")))
        found = facts[title] = (normalized, normalized.endswith(tuple(kb.words("spokesman_links"))),
                                normalized in kb.words("title_prefixes"), definite)
    return found


def _skip_honorifics(norms, tokens, j: int, kb: KnowledgeBase) -> int:
    honorifics = kb.phrases("honorifics")
    while j < len(tokens):
        if norms[j] in _COMMAS and j + 1 < len(tokens) and next_list_item(norms[j + 1], kb):
            return j  # "مستشار الوزير، والدكتورة هند سليمان": the next of a list, not this title's name
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
    open_at, opened, opened_form = -1, i, ""
    while j < len(tokens):
        if j in known and known[j][0] == "Person":
            break  # "الأمير محمد بن سلمان" as the gazetteer writes him, title and all
        if roles and norms[j] in kb.words("title_words_in_names") and j + 1 < len(norms) \
                and norms[j + 1] in particles:
            break  # "الأمير سلطان بن عبدالعزيز": a name, not a second title
        t = title_at(norms, j, kb, known)
        if t is None or (roles and t.form != norms[j] and norms[j] != "و" + t.form):
            break  # "تحيات الرئيس الإيراني للسلطان هيثم": a title after a preposition is someone else
        if roles and norms[j] != t.form and norms[j - 1] in _COMMAS:
            break  # "سفير كينيا لدى أوغندا، والسفير الأوغندي في كينيا …": a conjoined title is someone else's
        if roles and open_at == j and norms[j] == t.form:  # "رئيس ديوان ولي العهد": a genitive, not a role
            roles.append((role_text(tokens, opened, t.end, text, opened_form), f"{roles.pop()[1]} {t.core}"))
        else:
            opened, opened_form = j, t.form
            roles.append((role_text(tokens, j, t.end, text, t.form), t.core))
        open_at = t.end if t.state is None and not definite(t.core.split()[-1]) \
            and t.core not in introducers(kb) else -1
        state = state or t.state
        j = _skip_honorifics(norms, tokens, t.end, kb)
        if j < len(norms) and norms[j] == ":" and t.core in introducers(kb):
            j += 1  # a byline: "كتب: جمعة حمد الله"
        # "السفير الكيني في أوغندا جورج أوموندي": the country served after an envoy (not his own)
        if j + 1 < len(norms) and norms[j] in _lexicon_sets(kb)[3]:
            # any title before a known state ("قائد القوات الروسية في سورية"), an envoy before any
            served = _state_phrase(norms, j + 1, kb, known)[0] or (j + 1 in known and known[j + 1][0] == "Place")
            if served or any(_is_envoy(core, kb) for _, core in roles):
                j = _skip_honorifics(norms, tokens, _served_end(norms, j + 1, kb, known), kb)
    return roles, state, j


def role_text(tokens: list[Token], i: int, j: int, text: str, form: str) -> str:
    """The title as written (with its nationality), without clitics or trailing commas."""
    end = j
    while end > i + 1 and (tokens[end - 1].norm in _COMMAS or tokens[end - 1].text in QUOTE_MARKS):
        end -= 1
    first = surface_without_clitic(tokens[i], form)
    return (first + text[tokens[i].end:tokens[end - 1].end]).strip()


def introducers(kb: KnowledgeBase) -> frozenset[str]:
    """Titles that introduce a name without being the person's role ('برئاسة', 'نظيره')."""
    return kb.derived("introducers", lambda: frozenset(kb.lexicon["name_introducers"])
                      | frozenset(kb.lexicon["counterpart_words"]) | kb.words("name_introducers"))


def known_positions(sentence: Sentence, known: list[Mention]) -> dict[int, tuple[str, str, int]]:
    """Known mentions by the sentence position they start at: (type, entity id, position after)."""
    first = sentence.tokens[0].index if sentence.tokens else 0  # sentence.position without two calls a mention
    return {m.start - first: (m.type, m.entity_id or "", m.end - first) for m in known}


def pattern_mentions(sentence: Sentence, kb: KnowledgeBase, text: str,
                     known: list[Mention]) -> list[Mention]:
    """Persons introduced by a title: 'وزير الدفاع الكيني سليمان موليانغو'.

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
    inside = {p for p, (kind, _, end) in at.items() if kind == "Person" for p in range(p + 1, end)}
    for i in positions(kb.titles.forms_of(norms)):
        if i < free or i in inside:
            continue
        roles, state, j = title_chain(sentence, i, kb, at, text)
        if not roles:
            continue
        introduced = all(core in intro for _, core in roles)
        role = None if introduced else "\n".join(r for r, core in roles if core not in intro)
        if j < len(tokens) and tokens[j].index in by_start:
            m = by_start[tokens[j].index]
            end = name_over_known(sentence, j, m, state, kb, by_start, introduced)
            if end is not None:
                out.append(person_mention(sentence, j, end, 0, text, role, state))
                ends[out[-1].end] = out[-1]
                free = end
                continue
            if m.type == "Person" and not introduced:
                out.append(_with_role(m, role, state))
            free = j
            continue
        described = described_before(sentence, i, j, roles, state, introduced, kb, by_start, ends)
        if described is not None:
            out.append(_with_role(described, role, state))
            free = j
            continue
        end = name_after(sentence, j, kb, by_start, introduced, stated=state is not None)
        if end is None and not introduced:
            j, end = name_after_long_complement(sentence, j, kb, by_start, at, _lexicon_sets(kb)[0])
        if end is None and state and any(core in kb.words("single_name_titles") for _, core in roles):
            end = single_name(sentence, j, kb, by_start)  # "إمبراطور اليابان أكيهيتو،"
        if end is not None:
            m = person_mention(sentence, j, end, 0, text, role, state)
            out.append(m)
            ends[m.end] = m
            free = end
            continue
        before_name = name_before(sentence, i, kb, by_start, ends, free, stateless=not state) \
            if not introduced else None
        if before_name is not None:
            out.append(person_mention(sentence, *before_name, text, role, state))
            ends[out[-1].end] = out[-1]
            ends.setdefault(tokens[j - 1].index + 1, out[-1])  # "أحمد سالم وزير الخارجية المصري ومحمد …"
        free = max(j, i + 1)
    return out


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
