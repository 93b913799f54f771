"""Names that read two ways (kg.link): a place name that is also another state's name ('عمان':
Amman, Jordan's capital, and Oman), read by the state the article speaks of more; a seat of
government ('الكرملين') that is the body in 'أعلن الكرملين' and the building in 'استقبله في الكرملين'."""
from __future__ import annotations

from kg.knowledge import KnowledgeBase
from kg.model import Mention
from kg.text import Sentence, normalize


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
    meeting trigger is the building where they met; 'وفق مصدر في الإليزيه' is the body."""
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
