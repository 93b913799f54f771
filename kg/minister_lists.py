"""Ministers named in a list after one plural title: 'ووزراء الخارجية سعيد الهاشمي، والمالية
والاقتصاد خالد النعيمي، والدفاع فهد العتيبي' (each item a portfolio and a name)."""
from __future__ import annotations

from kg.knowledge import KnowledgeBase
from kg.model import Mention
from kg.names import COMMAS, name_after, person_mention
from kg.text import Sentence, definite


def listed_ministers(sentence: Sentence, kb: KnowledgeBase, text: str, known: list[Mention]) -> list[Mention]:
    """The persons of each list item after a plural title (lexicon `plural_titles`): new names as
    PATTERN mentions, known ones as copies with their role."""
    norms = sentence.norms
    plurals = kb.words("plural_titles")
    if plurals.isdisjoint(sentence.forms):  # a set against a set (its forms hold its norms): most have none
        return []
    by_start = {m.start: m for m in known}
    out: list[Mention] = []
    for i in (k for k, w in enumerate(norms) if w in plurals):
        out += _list_after(sentence, i, kb, text, by_start)
    return out


def _list_after(sentence: Sentence, i: int, kb: KnowledgeBase, text: str, by_start: dict) -> list[Mention]:
    """The persons of the list the plural title at token i opens; none unless it names two at
    least (one item after 'رئيس الوزراء' is the prime minister's title, not a list)."""
    norms, tokens, plurals = sentence.norms, sentence.tokens, kb.words("plural_titles")
    out: list[Mention] = []
    j = i + 1
    while j < len(tokens):
        k = j
        while k < len(tokens) and definite(norms[k]) and tokens[k].text[:1] != "أ" \
                and tokens[k].index not in by_start:
            k += 1  # the portfolio: "الطاقة والموارد الطبيعية" ("ألب" is a name: أ, not the article)
        if k == j or k >= len(tokens):
            break
        start = tokens[j].start + (tokens[j].text[:1] == "و" and definite(norms[j][1:]))  # not its "و"
        role = f"{_without_and(tokens[i].text, norms[i], plurals)} {text[start:tokens[k - 1].end]}"
        found = by_start.get(tokens[k].index)
        if found is not None and found.type == "Person":
            end = sentence.position(found.end)
            out.append(Mention(found.start, found.end, found.char_start, found.char_end, found.surface, "Person",
                               found.source, found.entity_id, role=role, sentence=found.sentence))
        else:
            end = name_after(sentence, k, kb, by_start, False)
            if end is None:
                break
            out.append(person_mention(sentence, k, end, 0, text, role, None))
        if end + 1 >= len(tokens) or norms[end] not in COMMAS or not norms[end + 1].startswith("وال"):
            break
        j = end + 1
    return out if len(out) >= 2 else []


def _without_and(word: str, norm: str, plurals: frozenset[str]) -> str:
    """'ووزراء' -> 'وزراء': the title without its conjunction."""
    return word[1:] if norm[1:] in plurals else word
