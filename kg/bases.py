"""Military bases the gazetteer does not know, read by a base word: named ('قاعدة الظفرة الجوية
الإماراتية', 'قاعدة العديد'), linked to the known base of the place they are named after
('قاعدة طرطوس'), or described ('قاعدة عسكرية في كينيا', 'القاعدة التركية الجديدة')."""
from __future__ import annotations

from dataclasses import replace

from kg.bodies import PUNCT_AFTER_NAME, body_stops, bracketed, name_span
from kg.knowledge import KnowledgeBase
from kg.link import slug
from kg.model import Mention, MentionSource
from kg.text import Sentence, definite, normalize, positions


def _base_reading(kb: KnowledgeBase):
    """Kind words, words that are no base name, and the known base of each place (computed once)."""
    kinds = {normalize(w): k for k, ws in kb.lexicon["base_kinds"].items() for w in ws}
    generic = body_stops(kb) | kb.words("base_generic_words") | set(kinds)
    bases_at = {e.located_in: e.id for e in kb.entries.values() if e.type == "MilitaryBase" and e.located_in}
    return kinds, generic, bases_at


def _known_base(kb: KnowledgeBase, words: list[str]) -> str | None:
    """The gazetteer base these words name from their first word on, if any."""
    return next((value for start, _, value, _ in kb.names.find_all(words)
                 if start == 0 and getattr(kb.entries.get(value), "type", None) == "MilitaryBase"), None)


def base_mentions(sentence: Sentence, kb: KnowledgeBase, text: str, covered: dict[int, str],
                  places: dict[int, str]) -> list[Mention]:
    """Bases named by a base word: 'قاعدة الظفرة الجوية', 'قاعدة العديد'."""
    heads = kb.stem_forms("base_words")
    if heads.words.isdisjoint(sentence.forms):
        return []
    tokens, norms = sentence.tokens, sentence.norms
    kinds, generic, bases_at = kb.derived("base_reading", lambda: _base_reading(kb))
    out: list[Mention] = []
    for i in positions(map(heads.__getitem__, norms[:-1])):
        if tokens[i].index in covered:
            continue
        form = heads[norms[i]][0]
        j = i + 1
        close = bracketed(sentence, j, max_len=3)  # 'قاعدة “صلاح الدين الأيوبي”'
        a, b = (j + 1, close) if close is not None else (j, j)
        if close is None:
            place = places.get(tokens[j].index)
            if place:
                b = j + 1
                while b < len(tokens) and tokens[b].index in covered and places.get(tokens[b].index) == place:
                    b += 1
            else:
                b = _name_words_end(sentence, j, kb, covered, generic)
        if b == a:
            continue
        after = b + (close is not None)
        kind = kinds.get(norms[after]) if after < len(tokens) else None
        end = after + 1 if kind else after
        military = not kind and end < len(tokens) and norms[end] in kb.words("military_adjectives")
        end += military  # "قاعدة إنجرليك العسكرية", "مطار المزة العسكري"
        if end < len(tokens) and norms[end] in kb.nationality and norms[end].startswith("ال"):
            end += 1  # "قاعدة النخيل الجوية الكينية": the operator's adjective is part of the name
        closed = end == len(tokens) or norms[end] in PUNCT_AFTER_NAME or norms[end - 1] in kb.nationality \
            or kind is not None or military or close is not None or _located_after(sentence, end, kb, covered)
        place = places.get(tokens[a].index)
        if not closed and not place:
            continue
        if form in kb.words("base_words_with_kind") and not (kind or military or (place and bases_at.get(place))):
            continue  # "مطار هانيدا": an airport, a base only when the text or the gazetteer says so
        start, stop, cs, ce, surface = name_span(sentence, i, end, text, form)
        known = bases_at.get(place) if place else None
        if close is not None:  # 'قاعدة “حميميم” الجوية': the known base when its name is quoted
            known = known or _known_base(kb, [norms[k] for k in range(i, end) if k not in (j, close)])
        out.append(Mention(start, stop, cs, ce, surface, "MilitaryBase", MentionSource.PATTERN, entity_id=known,
                           sentence=sentence.index, subtype=kind or "MilitaryBase"))
    return out


def _name_words_end(sentence: Sentence, j: int, kb: KnowledgeBase, covered: dict[int, str], generic) -> int:
    """Where a base's name read from j ends: up to three words ('العديد', 'عين الأسد', 'الملك فهد'),
    none of them generic, a nationality, a place link or a name the gazetteer read as anything but
    a person's (a person's short name inside a base's name is the base's: 'عين الأسد'); none when
    the first is an indefinite feminine word, an adjective of the head ('منشأة مهمة لنا')."""
    tokens, norms = sentence.tokens, sentence.norms
    links, military = kb.words("base_location_links"), kb.words("military_adjectives")
    if j < len(tokens) and tokens[j].text.endswith("ة") and not norms[j].startswith("ال") and tokens[j].index not in covered:
        return j  # an indefinite feminine word agrees with the head: 'منشأة حيوية', 'قاعدة دائمة'
    b = j
    while b < len(tokens) and b - j < 3 and norms[b].isalpha() and norms[b] not in generic \
            and norms[b] not in kb.nationality and norms[b] not in links and norms[b] not in military \
            and covered.get(tokens[b].index, "Person") == "Person":
        b += 1
    return b


def _located_after(sentence: Sentence, k: int, kb: KnowledgeBase, covered: dict[int, str]) -> bool:
    """'قاعدة النخيل في محافظة مومباسا': a name followed by where it lies (a known place or state,
    or a place's head word) is closed."""
    tokens, norms = sentence.tokens, sentence.norms
    if k + 1 >= len(tokens) or norms[k] not in kb.words("base_location_links") or not norms[k].isalpha():
        return False
    return covered.get(tokens[k + 1].index) in ("Place", "State") or bool(kb.stem_forms("place_heads")[norms[k + 1]])


def _agreeing_adjective(sentence: Sentence, k: int, head_definite: bool, kb: KnowledgeBase,
                        covered: dict[int, str]) -> bool:
    """A feminine word agreeing with a base word in its article ('ضخمة' after 'قاعدة عسكرية',
    'الرئيسية' after 'القاعدة البحرية'): an adjective of the description, not a nationality or a name."""
    tok, norm = sentence.tokens[k], sentence.norms[k]
    article = definite(norm)  # "بالقارة" is ب + a definite noun
    return tok.text.endswith("ة") and article == head_definite and norm not in kb.nationality \
        and tok.index not in covered and norm.isalpha() and (head_definite or not norm.startswith("ال"))


def described_base_mentions(sentence: Sentence, kb: KnowledgeBase, text: str, covered: dict[int, str],
                            named_here: bool, places: dict[int, str] | None = None) -> list[Mention]:
    """Bases described, not named: 'قاعدة عسكرية في كينيا', 'قاعدة بحرية صينية في جيبوتي', 'القاعدة
    التركية الجديدة', 'القاعدة الهندية البحرية في ولاية كيرالا'. A description needs the state
    that operates the base or the place it lies in; beside a named base in the same sentence it
    describes that one and is left out."""
    heads = kb.stem_forms("described_base_heads")
    if named_here or heads.words.isdisjoint(sentence.forms):
        return []
    tokens, norms = sentence.tokens, sentence.norms
    kinds, _, bases_at = kb.derived("base_reading", lambda: _base_reading(kb))
    describers, adjectives = kb.words("base_describers"), kb.words("base_generic_words")
    out: list[Mention] = []
    for i in positions(map(heads.__getitem__, norms[:-1])):
        form = heads[norms[i]][0]
        definite = form.startswith("ال")
        if tokens[i].index in covered:
            continue
        k, state, kind = i + 1, None, None
        # a kind and the operator's adjective, in either order, agreeing with the head's article
        while k < len(tokens) and k - i <= 2 and norms[k].startswith("ال") == definite:
            bare = norms[k][2:] if definite else norms[k]
            if state is None and norms[k] in kb.nationality:
                state = kb.nationality[norms[k]]
            elif kind is None and bare in describers:
                kind = kinds.get(bare, "MilitaryBase")
            else:
                break
            k += 1
        if k == i + 1:
            continue
        while k < len(tokens) and ((norms[k][2:] if definite else norms[k]) in adjectives
                                   or _agreeing_adjective(sentence, k, definite, kb, covered)):
            k += 1  # "قاعدة عسكرية ضخمة", "القاعدة البحرية الرئيسية"
        located = k + 1 < len(tokens) and norms[k] in kb.words("base_location_links") \
            and covered.get(tokens[k + 1].index) in ("State", "Place")
        in_place = k < len(tokens) and norms[k].startswith("ب") and covered.get(tokens[k].index) == "Place"
        if not (state or located or in_place) or (definite and not (state or in_place)):
            continue  # "القاعدة البحرية الشمالية بمومباسا": a definite one needs its operator or its town
        start, end, cs, ce, surface = name_span(sentence, i, k, text, form)
        # in a place the gazetteer knows a base of that kind in: that base
        known = bases_at.get((places or {}).get(tokens[k + 1].index)) if located else None
        if known and kind and kb.entries[known].kind not in (kind, None, "MilitaryBase"):
            known = None
        out.append(Mention(start, end, cs, ce, surface, "MilitaryBase", MentionSource.DESCRIBED, entity_id=known or slug(surface),
                           affiliation=state, sentence=sentence.index, subtype=kind or "MilitaryBase"))
    return out


def fold_named_bases(bases: list, linker, meetings: list, kb: KnowledgeBase) -> list:
    """'قاعدة العديد' and 'قاعدة العديد الجوية' in one article: a base the knowledge base does not
    know, named again with its kind, a military adjective or its operator's adjective after the
    name, is one base (the fuller name its label, the shorter one an alternative)."""
    new = {b.base: normalize(linker.entities[b.base].label_ar).split() for b in bases
           if b.base in linker.entities and b.base not in kb.entries}
    if len(new) < 2:
        return merge_bases({}, bases, linker, meetings)  # most articles: no two new bases to fold
    trailing = kb.derived("base_trailing_words", lambda: _trailing_words(kb))
    into: dict[str, str] = {}
    for short, words in new.items():
        host = next((h for h, longer in new.items() if h != short and len(longer) > len(words)
                     and longer[:len(words)] == words and set(longer[len(words):]) <= trailing), None)
        if host is not None:
            into[short] = host
    return merge_bases(into, bases, linker, meetings)


def _trailing_words(kb: KnowledgeBase) -> frozenset[str]:
    """The words that may follow a base's name: its kind, a military or a state's adjective (made
    once with the knowledge base, not per article: the adjectives are two thousand)."""
    kinds, _, _ = kb.derived("base_reading", lambda: _base_reading(kb))
    return frozenset(kinds) | kb.words("military_adjectives") | frozenset(kb.nationality)


def merge_bases(into: dict[str, str], bases: list, linker, meetings: list) -> list:
    """Each base of `into` merged into its host: its node's labels and mentions, the meetings held
    there and its facts move to the host (one node for one base named several ways)."""
    for short, host in into.items():
        e, h = linker.entities.pop(short), linker.entities[host]
        h.alt_labels |= {e.label_ar} | e.alt_labels
        h.mentions += e.mentions
    for m in meetings:
        m.location = into.get(m.location, m.location)
    return [replace(b, base=into.get(b.base, b.base)) for b in bases]
