"""Treaty words that do not name one treaty: a plural without a count ('اتفاقيات الشراكة') describes
several, and an ordinal ('الاتفاق الثاني') points at a treaty the sentence names after it; a name in
quotes after the word is the treaty's whole name."""
from __future__ import annotations

from kg.events import SentenceView
from kg.knowledge import KnowledgeBase
from kg.text import CLOSING_QUOTE, stems


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


def quoted_name_end(view: SentenceView, kb: KnowledgeBase, b: int, longest: int = 25) -> int | None:
    """'اتفاقية "الشراكة الشاملة"', 'ويتعلق الاتفاق الثاني بـ"برنامج التبادل الثقافي"': a name in quotes right
    after the treaty word (after its ordinal and 'ب' too) is the treaty's name; where it ends (after the
    closing quote), or None."""
    toks = view.sentence.tokens
    q = b + (b < len(toks) and toks[b].norm in kb.words("ordinal_words"))
    q += q < len(toks) and toks[q].norm == "ب"
    if q >= len(toks) or toks[q].norm not in CLOSING_QUOTE:
        return None
    if q == b and any(f.startswith("ال") for f in stems(toks[b - 1].norm)):
        return None  # 'إن الاتفاق "ليس …"': words quoted about the treaty named before
    close = CLOSING_QUOTE[toks[q].norm]
    end = next((k for k in range(q + 2, min(len(toks), q + longest)) if toks[k].norm == close), None)
    return None if end is None else end + 1
