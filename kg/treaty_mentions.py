"""Treaty words that do not name one treaty: a plural without a count that nobody signs
('اتفاقيات الشراكة') describes several; a name in quotes after the word is the treaty's whole name."""
from __future__ import annotations

from kg.events import SentenceView
from kg.knowledge import KnowledgeBase
from kg.text import CLOSING_QUOTE, definite, stems


def describes_several(view: SentenceView, kb: KnowledgeBase, a: int, b: int) -> bool:
    """A plural treaty word without a count describes several treaties ('تفعيل اتفاقيات الشراكة بين كينيا
    وأوغندا', 'اتفاقيات التجارة الحرة'), not one; a set named after the place of its conference is one
    ('اتفاقيات أوسلو': a place of the gazetteer, not a state, right after the word). The caller keeps
    a plural that someone signs ('وقعت كينيا اتفاقيات للتعاون'): an agreement made, named by what it is."""
    word = view.sentence.tokens[a].norm
    if not any(f.removeprefix("ال") in kb.words("treaty_batch_words") for f in stems(word)):
        return False
    named = kb.names.match_at(view.sentence.norms, b) if b < len(view.sentence.tokens) else None
    entry = kb.entries.get(named[1]) if named else None
    return not (entry and entry.type == "Place")


def quoted_name_end(view: SentenceView, kb: KnowledgeBase, b: int, longest: int = 25) -> int | None:
    """'اتفاقية "الشراكة الشاملة"', 'اتفاق "أوبك+"': a name in quotes right after an indefinite treaty word
    is the treaty's name; where it ends (after the closing quote), or None. Not words quoted about a
    treaty named before ('إن الاتفاق "ليس …"'), nor a quoted judgement ('اتفاقا "تاريخيا"', 'اتفاقية "مهمة
    جدا"'): a name opens with the article, holds three words or more, or is no Arabic word alone."""
    toks = view.sentence.tokens
    if b >= len(toks) or toks[b].norm not in CLOSING_QUOTE:
        return None
    if definite(toks[b - 1].norm):
        return None
    close = CLOSING_QUOTE[toks[b].norm]
    end = next((k for k in range(b + 2, min(len(toks), b + longest)) if toks[k].norm == close), None)
    if end is None:
        return None
    inside = [t.norm for t in toks[b + 1:end]]
    named = inside[0].startswith("ال") or len(inside) >= 3 or not all(w.isalpha() for w in "".join(inside))
    return end + 1 if named else None
