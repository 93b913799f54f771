"""Outlets the gazetteer does not know, read by their media words ('وكالة رويترز', 'موقع (روسيا
اليوم)', 'الموقع الإخباري الرسمي التركي "…"', 'وكالة الأنباء السعودية'), and acronyms in
parentheses after any organization ('(واس)')."""
from __future__ import annotations

from kg.body_heads import body_stops, bracketed, name_span
from kg.knowledge import KnowledgeBase, StemForms
from kg.link import slug
from kg.model import Mention, MentionSource
from kg.text import CLOSING_QUOTE, Sentence, definite, positions


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
    while end < len(tokens) and end - k < 3 and norms[end].isalpha() and not definite(norms[end]) \
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
