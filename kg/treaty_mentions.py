"""Treaty words that do not name one treaty: a plural without a count ('اتفاقيات الشراكة') describes
several, and an ordinal ('الاتفاق الثاني') points at a treaty the sentence names after it."""
from __future__ import annotations

from kg.events import SentenceView
from kg.knowledge import KnowledgeBase
from kg.text import stems


def describes_several(view: SentenceView, kb: KnowledgeBase, a: int, b: int) -> bool:
    """A plural treaty word without a count describes several treaties ('اتفاقيات الشراكة بين كينيا وأوغندا',
    'اتفاقيات التجارة الحرة'), not one; a set named after the place of its conference is one
    ('اتفاقيات أوسلو': a place of the gazetteer, not a state, right after the word)."""
    word = view.sentence.tokens[a].norm
    if not any(f.removeprefix("ال") in kb.words("treaty_batch_words") for f in stems(word)):
        return False
    named = kb.names.match_at(view.sentence.norms, b) if b < len(view.sentence.tokens) else None
    entry = kb.entries.get(named[1]) if named else None
    return not (entry and entry.type == "Place")


def ordinal_pointer(view: SentenceView, kb: KnowledgeBase, found: list[tuple[int, int, object]],
                     a: int, b: int) -> bool:
    """'ويتناول الاتفاق الثاني الموقع مذكرة تفاهم للصيد البحري': a treaty word with an ordinal points into a
    batch told before; a treaty word after it in its clause names the treaty, so the pointer is none."""
    toks = view.sentence.tokens
    if b >= len(toks) or toks[b].norm not in kb.words("ordinal_words"):
        return False
    return any(a2 > b and view.clause[a2] == view.clause[a] for a2, _, _ in found)
