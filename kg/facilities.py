"""Buildings named by a head and their owner's adjective ('بالقصر الملكي', 'في القصر الرئاسي',
'بالمتحف الوطني'): the places where a visit's talks are held. Read only where the text puts
something in them (after 'في' or with the clitic ب): 'أعلن القصر الرئاسي' is the presidency
speaking, a body. Many cities have such a building, so the node is the one of the city the text
names right after it ('بالقصر الملكي بالرباط'), else the one of the article."""
from __future__ import annotations

from kg.body_heads import body_stops, name_span
from kg.knowledge import KnowledgeBase
from kg.link import slug
from kg.model import Mention, MentionSource
from kg.text import Sentence, definite, stems, surface_without_clitic


def facility_mentions(sentence: Sentence, kb: KnowledgeBase, text: str, named: list[Mention],
                      doc_id: str) -> list[Mention]:
    """Places named by a facility head (owned_facility_heads) and an owner's adjective
    (facility_owner_adjectives) after a locative, not inside a name read before (`named`: the
    sentence's names, whose tokens are gathered only in a sentence with a facility head)."""
    heads = kb.words("owned_facility_heads")
    if heads.isdisjoint(sentence.forms):
        return []
    covered = {i for m in named for i in range(m.start, m.end)}
    tokens, norms = sentence.tokens, sentence.norms
    adjectives, locatives = kb.words("facility_owner_adjectives"), kb.words("locative_words")
    out: list[Mention] = []
    for i in range(len(tokens) - 1):
        head = next((f for f in stems(norms[i]) if f in heads), None)
        if head is None or norms[i + 1] not in adjectives or {tokens[i].index, tokens[i + 1].index} & covered:
            continue
        clitic = norms[i][: len(norms[i]) - len(head)]
        at = i if clitic.endswith("ب") else i - 1  # where the locative is
        if not (clitic.endswith("ب") or (i and norms[i - 1] in locatives)) or _staff_before(norms, at, kb):
            continue
        first = surface_without_clitic(tokens[i], head)
        surface = first + text[tokens[i].end:tokens[i + 1].end]
        where = _city_after(sentence, i + 2, kb)
        out.append(Mention(tokens[i].index, tokens[i + 1].index + 1, tokens[i].start, tokens[i + 1].end, surface,
                           "Place", MentionSource.PATTERN, entity_id=f"{slug(surface)}_{where or slug(doc_id)}",
                           sentence=sentence.index))
    return out


def _staff_before(norms, at: int, kb: KnowledgeBase) -> bool:
    """'قال مصدر في الديوان الملكي', 'يعمل خالد في المتحف الوطني': a person of the building's
    staff or a verb of working (facility_staff_words) in the three words before the locative makes
    the building an employer or a body, no place where something happens."""
    staff = kb.words("facility_staff_words")
    for word in norms[max(0, at - 3):at]:
        forms = (*stems(word), *stems(word.removesuffix("ا")))  # "مستشارا": the accusative's alef
        if not staff.isdisjoint(forms) or not staff.isdisjoint(f[2:] for f in forms if f.startswith("ال")):
            return True
    return False


def _city_after(sentence: Sentence, k: int, kb: KnowledgeBase) -> str | None:
    """The known city right after position k with the clitic ب or after 'في' ('بالرباط', 'في عمان')."""
    norms, locatives = sentence.norms, kb.words("locative_words")
    for _ in range(2):  # "بالعاصمة أنقرة", "في العاصمة عمان"
        if k < len(norms) and not locatives.isdisjoint(stems(norms[k])):
            k += 1
    if k >= len(norms):
        return None
    for form in stems(norms[k]):
        hit = kb.names.match_at(norms, k, [form])
        if hit and getattr(kb.entries.get(hit[1]), "type", None) == "Place":
            return hit[1]
    return None


def landmark_mentions(sentence: Sentence, kb: KnowledgeBase, text: str, named: list[Mention]) -> list[Mention]:
    """A museum, hall or observatory named by its head and a proper name of two or three words
    ('قاعة ابن خلدون الكبرى'; landmark_heads), or of one closed by an adjective of its kind
    ('بمتحف بيكاسو الوطني'; facility_adjectives): one word alone may be an adjective ('متحف جميل').
    Not before a word the tagged news corpora use often and never in a name ('قاعة كبيرة',
    name_first_word_stops), a definite word ('قاعة الاجتماعات'), a word in ة after a feminine head
    ('قاعة مغلقة': its adjective; 'متحف خليفة' is a name) or a plural in ات ('قاعة مؤتمرات'), nor
    inside a name read before; the name stops at a definite word ('قاعة ابن خلدون
    بالمشاركين') and at و ('مرصد كالار ودوره'). The caller tests the sentence's forms against
    the heads first (kg.extract: one set test a sentence)."""
    heads = kb.stem_forms("landmark_heads")
    covered = {i: m.type for m in named for i in range(m.start, m.end)}  # a known person may name it
    tokens, norms = sentence.tokens, sentence.norms
    stops, first_stops = body_stops(kb) | kb.words("place_name_stops"), kb.words("name_first_word_stops")
    closing = kb.words("facility_adjectives")
    out: list[Mention] = []
    for i in range(len(tokens) - 1):
        form = next((f for f in heads[norms[i]] if not f.startswith("ال")), None)
        j = i + 1
        if form is None or tokens[i].index in covered or norms[j] in first_stops or norms[j] in kb.nationality \
                or tokens[j].text.endswith("ات") or form.endswith("ه") and tokens[j].text.endswith("ة"):
            continue
        end = j
        while end < len(tokens) and end - j < 3 and norms[end].isalpha() and not definite(norms[end]) \
                and (end == j or not norms[end].startswith("و")) \
                and norms[end] not in stops and norms[end] not in first_stops and covered.get(tokens[end].index, "Person") == "Person":
            end += 1
        closed = end < len(tokens) and norms[end] in closing
        if end - j < 2 - closed:
            continue  # one word may be an adjective ('متحف جميل', 'متحف مفتوح'): a longer name or its kind
        end += closed
        start, stop, cs, ce, surface = name_span(sentence, i, end, text, form)
        out.append(Mention(start, stop, cs, ce, surface, "Place", MentionSource.PATTERN, entity_id=slug(surface),
                           sentence=sentence.index))
    return out
