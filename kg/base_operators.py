"""Who operates a base the sentence names no owner of (kg.facts): the state that sets out to build
it ('تعتزم اليابان تشييد قاعدة'), or the nation of the troops stationed in it ('القوات الكندية
المنتشرة في قاعدة')."""
from __future__ import annotations

from kg.events import SentenceView
from kg.knowledge import KnowledgeBase
from kg.text import stems


def builder(view: SentenceView, a: int, kb: KnowledgeBase, types: dict[str, str]) -> list[str]:
    """'تعتزم اليابان تشييد قاعدة', 'قررت كندا البدء في إنشاء قاعدة': a state builds the base when
    it is the subject of a verb of starting or intending (base_intent_verbs, right before or
    after it) that governs a word of building (base_building_words) before the base in its
    clause, or announces the building right after its name ('أعلنت كندا إنشاء قاعدة'). A state
    that criticizes or refuses the building ('انتقدت إيران إنشاء قاعدة') does not build it."""
    toks, builds = view.sentence.tokens, kb.words("base_building_words")
    clause = view.clause[a]
    k = next((k for k in range(a - 1, -1, -1) if view.clause[k] == clause and builds & set(stems(toks[k].norm))), None)
    if k is None:
        return []
    intents, announces = kb.words("base_intent_verbs"), kb.words("base_announce_verbs")

    def verb_at(j: int, words: frozenset[str]) -> bool:
        return 0 <= j < k and view.clause[j] == clause and not words.isdisjoint(stems(toks[j].norm))

    states = set()
    for x in view.mentions:
        q = view.pos(x.start)
        if types.get(x.entity_id) != "State" or not q < k or view.clause[q] != clause:
            continue
        if verb_at(q - 1, intents) or verb_at(q + 1, intents) or (view.pos(x.end) == k and verb_at(q - 1, announces)):
            states.add(x.entity_id)
    return list(states) if len(states) == 1 else []


def stationed_troops_nation(view: SentenceView, a: int, kb: KnowledgeBase) -> list[str]:
    """'القوات الكندية المنتشرة في قاعدة', 'الجنود الإيطاليون الشباب المرابطون في قاعدة': the
    nation of the troops stationed in it, the one nationality adjective among the four words of
    the noun phrase before the participle (stationed_words)."""
    toks = view.sentence.tokens
    if a < 3 or toks[a - 1].norm not in kb.words("base_location_links") or toks[a - 2].norm not in kb.words("stationed_words"):
        return []
    clause = view.clause[a]
    states = {kb.nationality[t.norm] for k, t in enumerate(toks[max(0, a - 6):a - 2], start=max(0, a - 6))
              if t.norm in kb.nationality and view.clause[k] == clause}
    return list(states) if len(states) == 1 else []
