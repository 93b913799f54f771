"""When the encounter of a trigger clause happened: the dates of a sentence read for its
meetings (lists of dates, a report's date, a weekday beside a full date, relative days), and the
year each sentence's context speaks of. A mixin of kg.events.MeetingExtractor."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.dates import DateMention
from kg.model import Date
from kg.text import Sentence

if TYPE_CHECKING:
    from kg.events import SentenceView


class ClauseDates:
    """Date rules of MeetingExtractor (it provides kb, since and _complementizer_before)."""

    def _relative_only(self, view: SentenceView, trigger: int) -> bool:
        """The sentence dates the trigger only by a relative day ('اليوم') the article cannot
        resolve, not by a report's date."""
        said = self._complementizer_before(view, trigger)
        own = [d for d in view.dates if said is None or d.start > said]
        return bool(own) and len(own) == len(view.dates) and all(d.date is None and d.month is None for d in own)

    def _only_date(self, view: SentenceView, k: int) -> bool:
        """A clause that is nothing but a date ('يوم الثلاثاء 14 يناير 2025') interrupts nothing."""
        in_dates = {p for d in view.dates for p in range(d.start, d.end)}
        fillers = self.kb.words("date_clause_words") | {"،", ",", "/"}
        return all(p in in_dates or view.sentence.tokens[p].norm in fillers
                   for p, cl in enumerate(view.clause) if cl == k)

    def _clause_has_date(self, view: SentenceView, k: int) -> bool:
        return any(view.clause[d.start] == k for d in view.dates)

    def _date_list(self, view: SentenceView) -> list[DateMention]:
        """Two or more dates joined only by conjunctions: one encounter per date."""
        if len(view.dates) < 2:
            return []  # a list needs two dates (most sentences have none or one)
        toks, best, run = view.sentence.tokens, [], []
        links = self.kb.words("date_list_links") | {"و", "،", ",", ".", "/"}
        for d in view.dates:
            if run and all(toks[p].norm in links or toks[p].norm == ""
                           for p in range(run[-1].end, d.start)):
                run.append(d)
            else:
                run = [d]
            if len(run) > len(best):
                best = list(run)
        distinct = len({d.date.value for d in best if d.date}) >= 2  # "اليوم الأربعاء" is one day
        return best if distinct and all(d.date for d in best) else []

    def _date_for(self, view: SentenceView, trigger: int) -> tuple[Date | None, bool]:
        """The nearest date at or before the trigger in the sentence, else in the next clause; not a
        date after 'منذ' (since), nor the date of a report ('قال البيان، الأربعاء، إن …')."""
        norms = view.sentence.norms
        said = self._complementizer_before(view, trigger)
        dates = [d for d in view.dates if self.since.isdisjoint(norms[max(0, d.start - 3):d.start])
                 and not (said is not None and d.start < said)]
        before = [d for d in dates if d.start <= trigger or view.clause[d.start] == view.clause[trigger]]
        if before:
            d = before[-1] if any(x.start <= trigger for x in before) else before[0]
            return self._resolved_in_clause(view, d), True
        nxt = [d for d in dates if view.clause[d.start] == view.clause[trigger] + 1]
        if nxt:
            return self._resolved_in_clause(view, nxt[0]), True
        # a report's date: the encounter is near it, but not said to be on it
        return None, said is not None and any(d.start < said for d in view.dates)

    @staticmethod
    def _resolved_in_clause(view: SentenceView, d: DateMention) -> Date | None:
        """'يوم الثلاثاء 14 يناير 2025': a weekday beside a full date takes the full date."""
        if d.date is None:
            other = next((x for x in view.dates if x.date and view.clause[x.start] == view.clause[d.start]), None)
            if other is not None:
                return other.date
        return d.date


def context_years(sentences: list[Sentence], raw_dates: dict[int, list[DateMention]]) -> dict[int, int | None]:
    """For each sentence, the last year named earlier in its paragraph (for 'وفي 21 فبراير')."""
    years: dict[int, int | None] = {}
    last: dict[int, int] = {}
    for s in sentences:
        years[s.index] = last.get(s.paragraph)
        for d in raw_dates[s.index]:
            if d.date:
                last[s.paragraph] = int(d.date.value[:4])
    return years
