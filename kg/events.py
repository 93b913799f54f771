"""Events and facts of one document: meetings, treaties and military bases.

Meetings are read clause by clause: a trigger word (lexicon) makes a candidate; its
participants are the persons of its clause (or the clause's subject before it), its date
the nearest date before it in the sentence, its place the nearest place after it. Plans,
interviews and undated repetitions are left out. Candidates of one sentence merge; a
meeting during a multi-day visit joins the visit; undated mentions of one encounter merge.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from kg.dates import DateMention
from kg.identity import family
from kg.knowledge import KnowledgeBase
from kg.model import Date, Mention, MentionSource
from kg.text import CLOSING_QUOTE, OPENING_QUOTES, TEXT, Sentence, positions, stems

#: Longer "sentences" are tickers, menus or lists of headlines run together.
MAX_EVENT_SENTENCE = 90
_CLAUSE_BREAKS = frozenset({"،", ",", "؛", ";", ":"})


@dataclass
class SentenceView:
    """A sentence cut into clauses, with quoted speech and planned clauses marked."""
    sentence: Sentence
    clause: list[int]               # clause number per token position
    excluded: set[int]              # token positions in long quotes or planned clauses
    dates: list[DateMention]        # positions relative to the sentence's tokens
    mentions: list[Mention]         # linked mentions in the sentence

    def pos(self, token_index: int) -> int:
        return self.sentence.position(token_index)


def _clauses(sentence: Sentence) -> list[int]:
    """Each token's clause: the number of clause breaks before it."""
    norms = sentence.norms
    if _CLAUSE_BREAKS.isdisjoint(sentence.forms):  # a set against a set: no pass over the tokens
        return [0] * len(norms)
    return list(accumulate(map(_CLAUSE_BREAKS.__contains__, norms[:-1]), initial=0))


def _quoted(sentence: Sentence, min_tokens: int = 5) -> set[int]:
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


def _find_phrases(sentence: Sentence, index) -> list[tuple[int, int, object]]:
    return [(i, i + n, value) for i, n, value, _ in index.find_in(sentence)]


def make_view(sentence: Sentence, kb: KnowledgeBase, mentions: list[Mention],
              dates: list[DateMention], ticker: bool = False) -> SentenceView:
    clause = _clauses(sentence)
    excluded = set(range(len(sentence.tokens))) if ticker else _quoted(sentence)
    for a, _, _ in _find_phrases(sentence, kb.phrases("planned_markers")):
        excluded.update(p for p, c in enumerate(clause) if c == clause[a])
    # "حيث يرافقه وفد من وزير …، ووزير …": a guest's companions are no principals (to the next trigger)
    for a, _, _ in _find_phrases(sentence, kb.phrases("accompaniment_markers")):
        after = [t for t, _, _ in _find_phrases(sentence, kb.triggers) if t > a]
        excluded.update(range(a, min(after, default=len(clause))))
    return SentenceView(sentence, clause, excluded, dates, mentions)


@dataclass
class Candidate:
    kind: str
    participants: list[str]
    date: Date | None
    has_date_mention: bool
    location: str | None
    sentence: Sentence
    evidence: str
    dated_list: bool = False
    sideline: bool = False          # "على هامش …": an encounter of its own beside a larger one
    host_of_previous: bool = False  # "وكان في استقباله …": the guest is the previous sentence's subject
    relative_day: bool = False      # dated only by a day word left unresolved ("قام اليوم بزيارة")


class MeetingExtractor:
    """Candidate meetings of one sentence, from its trigger clauses."""

    def __init__(self, kb: KnowledgeBase, entity_types: dict[str, str],
                 affiliations: dict[str, str | None] | None = None):
        self.kb = kb
        self.types = entity_types
        self.affiliations = affiliations or {}
        self.attendance = kb.phrases("attendance_markers")
        self.sideline = kb.phrases("sideline_markers")
        self.complementizers = kb.words("complementizers")
        self.since = kb.words("since_words")
        self.lists = kb.words("participant_list_markers")
        self.pronoun_triggers = kb.words("pronoun_triggers")
        self.pronoun_honorifics = kb.words("pronoun_honorifics")
        self.speech = kb.words("speech_verbs")
        self.priority = kb.lexicon["kind_priority"]
        self.interview = kb.phrases("interview_markers")
        self.repetition = kb.phrases("repetition_markers")
        self.heads = kb.words("non_participant_heads")

    def _persons(self, view: SentenceView, clauses: set[int]) -> list[Mention]:
        toks = view.sentence.tokens
        first = toks[0].index if toks else 0  # view.pos without a call per mention
        out = []
        for m in view.mentions:
            p = m.start - first
            if view.clause[p] not in clauses or p in view.excluded or not m.entity_id:
                continue
            if self.types.get(m.entity_id) != "Person" and m.source != MentionSource.DELEGATION:
                continue
            if p and (toks[p - 1].norm in self.heads or any(f in self.heads for f in stems(toks[p].norm)[1:2])):
                continue
            out.append(m)
        return out

    def candidates(self, view: SentenceView, text: str) -> list[Candidate]:
        sentence = view.sentence
        triggers = [(a, b, k) for a, b, k in _find_phrases(sentence, self.kb.triggers)
                    if a not in view.excluded]
        if not triggers or len(sentence.tokens) > MAX_EVENT_SENTENCE:
            return []  # a ticker or list of headlines is no narration
        clause_kinds: dict[int, list[tuple[int, str]]] = {}
        for a, _, kind in triggers:
            clause_kinds.setdefault(view.clause[a], []).append((a, kind))
        repeated = bool(_find_phrases(sentence, self.repetition))
        interview = {view.clause[a] for a, _, _ in _find_phrases(sentence, self.interview)}
        # "حضر الاستقبال فلان وفلان": those present at an encounter told already
        interview |= {view.clause[a] for a, _, _ in _find_phrases(sentence, self.attendance)}
        date_list = self._date_list(view)
        sideline = {view.clause[a] for a, _, _ in _find_phrases(sentence, self.sideline)}
        out = []
        trigger_clauses = sorted(clause_kinds)
        for c in trigger_clauses:
            if c in interview:
                continue
            first = min(a for a, _ in clause_kinds[c])
            kind = min((k for _, k in clause_kinds[c]), key=self.priority.index)
            at = next(a for a, k in clause_kinds[c] if k == kind)
            persons = self._participants(view, c, trigger_clauses, first, kind)
            if kind == "Summit":
                persons = self._summit_bodies(view, at) + [p for p in persons if p not in self._summit_bodies(view, at)]
            location = None if family(kind) != "in-person" else self._location(view, at, kind)
            evidence = text[sentence.start:sentence.end]
            if date_list and first < date_list[0].start:
                for d in date_list:
                    out.append(Candidate(kind, persons, d.date, True, location, sentence, evidence,
                                         dated_list=True))
                continue
            if repeated:
                continue
            date, mentioned = self._date_for(view, first)
            pronoun = any(sentence.norms[a] in self.pronoun_triggers or (  # "خلال استقبال فخامته …"
                a + 1 < len(sentence.norms) and sentence.norms[a + 1] in self.pronoun_honorifics)
                for a, _ in clause_kinds[c])
            relative = mentioned and date is None and self._relative_only(view, first)
            out.append(Candidate(kind, persons, date, mentioned, location, sentence, evidence,
                                 sideline=c in sideline, host_of_previous=pronoun, relative_day=relative))
        return out

    def _participants(self, view: SentenceView, c: int, trigger_clauses: list[int], trigger: int,
                      kind: str = "Meeting") -> list[str]:
        """Persons of the trigger clause and the trigger-less clauses after it; else the subject before."""
        clauses = {c}
        last = max(view.clause) if view.clause else 0
        k = c + 1
        while k <= last and k not in trigger_clauses and (
                not self._clause_has_date(view, k) or self._only_date(view, k) or self._circumstance(view, k)):
            clauses.add(k)
            k += 1
        persons = self._reported(view, self._persons(view, clauses), trigger)
        if not persons:
            for k in range(c - 1, -1, -1):
                end_of_clause = max(p for p, cl in enumerate(view.clause) if cl == k)
                persons = [m for m in self._reported(view, self._persons(view, {k}), end_of_clause)
                           if not self._speaker(view, m)]
                if persons:
                    break
        ids: list[str] = []
        for m in persons:
            if m.entity_id not in ids:
                ids.append(m.entity_id)
        if len(ids) == 1 and min(clauses) > 0 and self._complementizer_before(view, trigger) is None:
            # "تلقى الأمير سلطان، في مقر إقامته، اتصالا هاتفيا من الملك خوان كارلوس": the subject
            # of an earlier clause receives what the trigger's clause brings
            for k in range(min(clauses) - 1, -1, -1):
                end_of_clause = max(p for p, cl in enumerate(view.clause) if cl == k)
                subject = [m.entity_id for m in self._reported(view, self._persons(view, {k}), end_of_clause)
                           if m.entity_id not in ids and not (kind == "Visit" and self._speaker(view, m))]
                if subject:
                    ids.insert(0, subject[0])
                    break
        if not ids and any(view.sentence.tokens[p].norm in self.lists
                           for p, cl in enumerate(view.clause) if cl in clauses):
            # talks between states: "مباحثات بين روسيا وتركيا", "اجتماع أستانا، وهي روسيا وإيران وتركيا"
            states = [m.entity_id for m in view.mentions
                      if view.clause[view.pos(m.start)] in clauses and self.types.get(m.entity_id) == "State"]
            if len(set(states)) >= 2:
                ids = list(dict.fromkeys(states))
        return ids

    def _complementizer_before(self, view: SentenceView, trigger: int) -> int | None:
        """'أوضح بيسكوف أن الأسد قام بزيارة': the last 'أن/إن' of the trigger's clause before it."""
        norms, words = view.sentence.norms, self.complementizers
        found = [] if words.isdisjoint(view.sentence.forms) else [  # most sentences: none, and no pass
            p for p in range(trigger) if norms[p] in words and view.clause[p] == view.clause[trigger]]
        return found[-1] if found else None

    def _reported(self, view: SentenceView, persons: list[Mention], trigger: int) -> list[Mention]:
        """Who speaks ('أوضح المتحدث بيسكوف أن …') is not who met, when the report names others."""
        c = self._complementizer_before(view, trigger)
        if c is None:
            return persons
        inside = [m for m in persons if view.pos(m.start) > c]
        return inside or persons

    def _speaker(self, view: SentenceView, m: Mention) -> bool:
        """'قال المتحدث باسم الوزارة ناصر كنعاني، … حول زيارة …': the subject of a verb of saying."""
        p, norms = view.pos(m.start), view.sentence.norms  # a sentence with no verb of saying: no pass
        return not self.speech.isdisjoint(view.sentence.forms) and any(
            not self.speech.isdisjoint(stems(norms[k])) for k in range(p) if view.clause[k] == view.clause[p])

    def _summit_bodies(self, view: SentenceView, trigger: int) -> list[str]:
        """'القمة الـ46 لمجلس التعاون': the organization whose summit it is takes part in it."""
        return [m.entity_id for m in view.mentions if self.types.get(m.entity_id) == "Organization"
                and 0 < view.pos(m.start) - trigger <= 4 and view.clause[view.pos(m.start)] == view.clause[trigger]]

    def without_represented(self, ids: list[str]) -> list[str]:
        """A delegation's state ('وفد روسي') stands for it only while no person of that state is named."""
        named = {self.affiliations.get(i) for i in ids if self.types.get(i) == "Person"}
        if None in named:
            named |= set(ids)  # "الوفد السوري، برئاسة اللواء علي النعسان": a person of no stated state leads it
        return [i for i in ids if self.types.get(i) == "Person" or i not in named]

    def _relative_only(self, view: SentenceView, trigger: int) -> bool:
        """The sentence dates the trigger only by a relative day ('اليوم') the article cannot
        resolve, not by a report's date."""
        said = self._complementizer_before(view, trigger)
        own = [d for d in view.dates if said is None or d.start > said]
        return bool(own) and len(own) == len(view.dates) and all(d.date is None and d.month is None for d in own)

    def _circumstance(self, view: SentenceView, k: int) -> bool:
        """'، في مقر الوزارة بالرياض اليوم،': where and when, naming no actor, interrupts nothing."""
        return not any(view.clause[view.pos(m.start)] == k and self.types.get(m.entity_id) in
                       ("Person", "State", "Organization") for m in view.mentions)

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

    def _location(self, view: SentenceView, trigger: int, kind: str) -> str | None:
        places = [m for m in view.mentions if view.pos(m.start) not in view.excluded and m.entity_id
                  and self.types.get(m.entity_id) in ("Place", "MilitaryBase")]
        toks = view.sentence.tokens
        if kind == "Visit":
            to, visited = self.kb.words("visit_destination_links"), tuple(self.kb.words("visit_verb_stems"))
            for m in view.mentions:
                p = view.pos(m.start)
                if p > trigger and self.types.get(m.entity_id) == "State" and p not in view.excluded and (
                        toks[p - 1].norm in to or toks[p - 1].norm.startswith(visited)
                        or (p > 1 and toks[p - 2].norm.startswith(visited))):
                    places.append(m)
        if not places:
            return None
        after = sorted((m for m in places if view.pos(m.start) > trigger), key=lambda m: m.start)
        chosen = after[0] if after else sorted(places, key=lambda m: -m.start)[0]
        return chosen.entity_id


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

