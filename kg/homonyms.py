"""A place name that is also another state's name ('عمان': Amman, Jordan's capital, and Oman):
which one an article means is read from the state it speaks of more (kg.link)."""
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
