"""A sentence as the event rules read it: its clauses, and the positions no participant is read
from (long quotes, planned clauses, a guest's companions, headline tickers)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from kg.dates import DateMention
from kg.knowledge import KnowledgeBase
from kg.model import Mention
from kg.text import CLOSING_QUOTE, OPENING_QUOTES, TEXT, Sentence, positions, stems

_CLAUSE_BREAKS = frozenset({"،", ",", "؛", ";", ":"})


class _ReadOnFirstUse:
    """A view's field computed when first read and then kept as a plain attribute (like
    functools.cached_property, without the lock it takes in Python 3.11)."""

    def __init__(self, compute) -> None:
        self.compute, self.name = compute, compute.__name__

    def __get__(self, view, owner=None):
        if view is None:
            return self
        value = view.__dict__[self.name] = self.compute(view)
        return value


@dataclass
class SentenceView:
    """A sentence cut into clauses, with quoted speech and planned clauses marked.

    Its clauses and excluded positions are read on first use (a plain attribute after
    that): two sentences in three hold no trigger, treaty word or base, and
    no rule asks for them there."""
    sentence: Sentence
    dates: list[DateMention]        # positions relative to the sentence's tokens
    mentions: list[Mention]         # linked mentions in the sentence
    kb: KnowledgeBase = field(repr=False, compare=False)
    ticker: bool = False            # a headline ticker's sentence: every position excluded
    found: dict = field(default_factory=dict, repr=False)  # phrases found per word list (found_in)

    @_ReadOnFirstUse
    def clause(self) -> list[int]:
        """Clause number per token position (what is said between two triggers a clause of its own)."""
        found = self.found["elapsed"] = elapsed_triggers(self.sentence, self.kb)  # read again by the events
        return _elapsed_apart(found, self.sentence, self.kb, _said_apart(self.sentence, self.kb, _clauses(self.sentence)))

    @_ReadOnFirstUse
    def excluded(self) -> set[int]:
        """Token positions in long quotes or planned clauses."""
        return _excluded(self.sentence, self.kb, self.clause, self.ticker)

    @_ReadOnFirstUse
    def said_at(self) -> list[int]:
        """Positions of the complementizers ('أن', 'إن': what is said follows), found once per sentence:
        the meeting rules ask of each trigger and participant which comes before it in its clause."""
        words = self.kb.words("complementizers")
        return [] if words.isdisjoint(self.sentence.forms) else positions(map(words.__contains__, self.sentence.norms))

    def clause_end(self, k: int) -> int:
        """The last position of clause k (its numbers rise along the sentence, none skipped)."""
        return bisect_right(self.clause, k) - 1

    def pos(self, token_index: int) -> int:
        return token_index - self.sentence.tokens[0].index  # Sentence.position, without a second call


def _clauses(sentence: Sentence) -> list[int]:
    """Each token's clause: the number of clause breaks before it."""
    norms = sentence.norms
    if _CLAUSE_BREAKS.isdisjoint(sentence.forms):  # a set against a set: no pass over the tokens
        return [0] * len(norms)
    return list(accumulate(map(_CLAUSE_BREAKS.__contains__, norms[:-1]), initial=0))


def quoted_positions(sentence: Sentence, min_tokens: int = 5) -> set[int]:
    """Positions inside quotes of at least `min_tokens` tokens: reported speech, not narration."""
    out: set[int] = set()
    if OPENING_QUOTES.isdisjoint(sentence.forms):
        return out  # no opening quote (quote marks normalize to themselves, and have no stems)
    texts = list(map(TEXT, sentence.tokens))
    free = 0  # first token after the last quote closed
    for i in positions(map(CLOSING_QUOTE.__contains__, texts)):
        if i < free:
            continue
        try:
            j = texts.index(CLOSING_QUOTE[texts[i]], i + 1)
        except ValueError:
            j = len(texts)  # never closed: quoted to the end
        wraps = i <= 1 and j >= len(texts) - 2  # a whole sentence in quotes is the excerpt's, not speech
        if j - i - 1 >= min_tokens and not wraps:
            out.update(range(i, min(j + 1, len(texts))))
        free = j + 1
    return out


def make_view(sentence: Sentence, kb: KnowledgeBase, mentions: list[Mention],
              dates: list[DateMention], ticker: bool = False) -> SentenceView:
    return SentenceView(sentence, dates, mentions, kb, ticker)


def _excluded(sentence: Sentence, kb: KnowledgeBase, clause: list[int], ticker: bool) -> set[int]:
    """Positions in long quotes or planned clauses, and a guest's companions."""
    excluded = set(range(len(sentence.tokens))) if ticker else quoted_positions(sentence)
    for a, _, _ in kb.phrases("planned_markers").spans_in(sentence):
        excluded.update(range(bisect_left(clause, clause[a]), bisect_right(clause, clause[a])))  # its clause (in a row)
    # "حيث يرافقه وفد من وزير …، ووزير …": a guest's companions are no principals (to the next trigger)
    for a, _, _ in kb.phrases("accompaniment_markers").spans_in(sentence):
        after = [t for t, _, _ in kb.triggers.spans_in(sentence) if t > a]
        excluded.update(range(a, min(after, default=len(clause))))
    return excluded


def elapsed_triggers(sentence: Sentence, kb: KnowledgeBase) -> list[tuple[int, int]]:
    """(opener, trigger) of 'بعد أكثر من شهر على الزيارة …', 'بعد أيام من لقاء …': an encounter told as
    a span of time from the one reported, so another one (lexicon: elapsed_openers, _durations, _links)."""
    openers, durations = kb.words("elapsed_openers"), kb.words("elapsed_durations")
    if openers.isdisjoint(sentence.forms) or durations.isdisjoint(sentence.forms):  # most: no pass
        return []
    norms, links = sentence.norms, kb.words("elapsed_links")
    starts = {a for a, _, _ in kb.triggers.spans_in(sentence)}
    out = []
    for k in (k for k, n in enumerate(norms) if n in openers):
        d = next((d for d in range(k + 1, min(k + 6, len(norms))) if not durations.isdisjoint(stems(norms[d]))), None)
        link = next((q for q in range(d + 1, min(d + 4, len(norms))) if norms[q] in links), None) if d else None
        trigger = next((t for t in range(link + 1, min(link + 3, len(norms))) if t in starts), None) if link else None
        if trigger is not None and not _CLAUSE_BREAKS.intersection(norms[k:trigger]):
            out.append((k, trigger))
    return out


def _elapsed_apart(found: list[tuple[int, int]], sentence: Sentence, kb: KnowledgeBase, clause: list[int]) -> list[int]:
    """An encounter told as a span of time from another in its clause ('وتأتي زيارة الوزير بعد شهر على
    الزيارة التي قام بها نظيره إلى …', `found` by elapsed_triggers) is a clause of its own from the opener on."""
    starts = [a for a, _, _ in kb.triggers.spans_in(sentence)] if found else []
    cuts = [k for k, _ in found if any(a < k and clause[a] == clause[k] for a in starts)]
    return [c + sum(1 for k in cuts if k <= p) for p, c in enumerate(clause)] if cuts else clause


def _said_apart(sentence: Sentence, kb: KnowledgeBase, clause: list[int]) -> list[int]:
    """'وقال الوزير عقب استقباله من الرئيس … ان رسالة نظيره … حملت تحيات الشعب': what is said
    after 'أن/إن' between two triggers of one clause is a clause of its own, not part of the encounter
    told before it (not after a plan marker: 'يتوقع أن تعقد …' stays the plan it is)."""
    words = kb.words("complementizers")
    if words.isdisjoint(sentence.forms) and words.isdisjoint(sentence.norms):
        return clause
    triggers = [a for a, _, _ in kb.triggers.spans_in(sentence)]
    planned = [b for _, b, _ in kb.phrases("planned_markers").spans_in(sentence)]
    norms = sentence.norms
    cuts = [k for k, n in enumerate(norms) if n in words and not any(k - 2 <= b <= k for b in planned)
            and any(t < k and clause[t] == clause[k] for t in triggers)
            and any(t > k and clause[t] == clause[k] for t in triggers)]
    return [c + sum(1 for k in cuts if k <= p) for p, c in enumerate(clause)] if cuts else clause
