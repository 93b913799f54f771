"""Events and facts of one document: meetings, treaties and military bases.

Meetings are read clause by clause: a trigger word (lexicon) makes a candidate; its
participants are the persons of its clause (or the clause's subject before it), its date
the nearest date before it in the sentence, its place the nearest place after it. Plans,
interviews and undated repetitions are left out. Candidates of one sentence merge; a
meeting during a multi-day visit joins the visit; undated mentions of one encounter merge.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.events_dates import ClauseDates
from kg.events_marks import ClauseMarks, found_in
from kg.events_places import EventPlaces
from kg.identity import family
from kg.knowledge import KnowledgeBase
from kg.model import Date, Mention, MentionSource
from kg.sentence_view import (_CLAUSE_BREAKS, SentenceView, _clauses, elapsed_triggers,  # noqa: F401  (kg.events' names)
                              make_view, quoted_positions)
from kg.text import Sentence, stems

#: Longer "sentences" are tickers, menus or lists of headlines run together.
MAX_EVENT_SENTENCE = 90


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
    travel: bool = False            # its clause tells of travel ("زيارة", "وصل"), not only a reception
    clause: int = -1                # the trigger clause it was read from
    during: bool = False            # "زيارة … التقى خلالها …": a visit and an encounter during it, told as two
    another: bool = False           # "بعد شهر على الزيارة التي …": an earlier encounter, folded into no other


class MeetingExtractor(ClauseDates, EventPlaces, ClauseMarks):
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
        self.travel = kb.phrases("travel_triggers")
        self.signing = kb.words("signing_verbs")
        self.deceased = kb.words("deceased_heads")
        self.presence = kb.phrases("presence_markers")
        self.welcome = kb.phrases("welcome_phrases")
        self.airport = kb.phrases("airport_words")

    def _persons(self, view: SentenceView, clauses: set[int]) -> list[Mention]:
        toks = view.sentence.tokens
        first = toks[0].index if toks else 0  # view.pos without a call per mention
        deaths = not self.deceased.isdisjoint(view.sentence.forms)  # a set against a set; each word tested below
        out = []
        clause, excluded, heads, delegation = view.clause, view.excluded, self.heads, MentionSource.DELEGATION
        for m in view.mentions:
            p = m.start - first
            if clause[p] not in clauses or p in excluded or not m.entity_id:
                continue
            if self.types.get(m.entity_id) != "Person" and m.source is not delegation:
                continue
            # the word before, or the token's first clitic-less form, a head that is no participant
            if p and (toks[p - 1].norm in heads or (len(forms := stems(toks[p].norm)) > 1 and forms[1] in heads)):
                continue
            if self._represented(view, p):
                continue  # "موفد الملك …", "مبعوث صاحب السمو الأمير …": the envoy's sender is not there
            if deaths and any(toks[q].norm in self.deceased and view.clause[q] == view.clause[p]
                              for q in range(max(0, p - 4), p)):
                continue  # "بعد وفاة الرئيس …": the dead meet no one
            out.append(m)
        return out

    def candidates(self, view: SentenceView, text: str) -> list[Candidate]:
        sentence = view.sentence
        signings = self._signings(view)
        triggers = [(a, b, k) for a, b, k in self.kb.triggers.spans_in(sentence) + signings + self._letters(view)
                    if a not in view.excluded]
        if not triggers or len(sentence.tokens) > MAX_EVENT_SENTENCE:
            return []  # no trigger, so no larger event beside one (most sentences); a ticker is no narration
        triggers, beside = self._beside_sidelines(view, triggers)
        clause_kinds: dict[int, list[tuple[int, str]]] = {}
        for a, _, kind in triggers:
            clause_kinds.setdefault(view.clause[a], []).append((a, kind))
        repeated = bool(self.repetition.spans_in(sentence))
        interview = {view.clause[a] for a, _, _ in self.interview.spans_in(sentence)}
        # "حضر الاستقبال فلان وفلان": those present at an encounter told already
        interview |= {view.clause[a] for a, _, _ in self.attendance.spans_in(sentence)}
        interview |= self._told_already(view, clause_kinds)
        date_list = self._date_list(view)
        sideline = {view.clause[a] for a, _, _ in self.sideline.spans_in(sentence)}
        travel = {view.clause[a] for a, _, _ in found_in(view, self.travel)}
        clause = view.clause  # its elapsed triggers ('بعد شهر على الزيارة …') are read with the clauses
        elapsed = {clause[t] for _, t in view.found.get("elapsed") or elapsed_triggers(sentence, self.kb)}
        out = []
        trigger_clauses = sorted(clause_kinds)
        for c in trigger_clauses:
            if c in interview:
                continue
            first = min(a for a, _ in clause_kinds[c])
            kind = min((k for _, k in clause_kinds[c]), key=self.priority.index)
            at = next(a for a, k in clause_kinds[c] if k == kind)
            persons = self._participants(view, c, trigger_clauses, first, kind, present=kind != "Summit",
                                         apart=c in elapsed)
            if self._signed_at_home(signings, clause_kinds[c], persons):
                continue
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
            pronoun = pronoun and not self._person_before(view, first)
            counterpart = self._counterpart_alone(view, persons, first)
            welcome = self._airport_welcome(view, c)
            if welcome:  # the welcoming party is protocol: the guest alone is the visit's
                persons = [] if pronoun else persons[:1]
            relative = mentioned and date is None and self._relative_only(view, first)
            out.append(Candidate(kind, persons, date, mentioned, location, sentence, evidence,
                                 sideline=c in sideline, host_of_previous=pronoun or counterpart, relative_day=relative,
                                 travel=c in travel or pronoun or welcome, clause=c,  # a welcome is the arrival's
                                 another=c in elapsed))
        out = self._events_where(view, clause_kinds, self._visits_during(view, clause_kinds, out))
        return out + self._sideline_summits(view, beside, out, text[sentence.start:sentence.end])

    def _sideline_summits(self, view: SentenceView, beside: list, cands: list[Candidate],
                          evidence: str) -> list[Candidate]:
        """The summit on whose sidelines an encounter happened ('على هامش القمة العاشرة لمجموعة شرق
        أفريقيا'): an event of its own, of the organization whose summit it is, when the text names it; the
        encounters beside it stay apart from it."""
        out = []
        for a, _, kind in beside:
            bodies = self._summit_bodies(view, a) if kind == "Summit" else []
            if bodies:
                date, mentioned = self._date_for(view, a)
                out.append(Candidate("Summit", bodies, date, mentioned, self._location(view, a, "Summit"),
                                     view.sentence, evidence, during=True, clause=view.clause[a]))
        for c in cands if beside else []:
            c.sideline, c.during = True, c.during or bool(out)  # told beside a larger event: of its own
        return out

    def _participants(self, view: SentenceView, c: int, trigger_clauses: list[int], trigger: int,
                      kind: str = "Meeting", present: bool = False, apart: bool = False) -> list[str]:
        """Persons of the trigger clause and the trigger-less clauses after it; else the subject before.
        `present`: those 'بحضور …' (in the presence of) attend and are no participants (a summit's are).
        `apart`: an earlier encounter told inside another's clause ('بعد شهر على الزيارة التي قام بها …'):
        the subject before it and the clauses after it tell the other encounter."""
        clauses = {c}
        last = view.clause[-1] if view.clause else 0  # clause numbers rise along the sentence
        k = c + 1
        contrast = {view.clause[a] for a, _, _ in found_in(view, self.kb.phrases("contrast_words"))}
        while not apart and k <= last and k not in trigger_clauses and k not in contrast and (
                not self._clause_has_date(view, k) or self._only_date(view, k) or self._circumstance(view, k)):
            clauses.add(k)
            k += 1
        persons = self._reported(view, self._persons(view, clauses), trigger)
        if present:
            persons = self._not_present(view, persons)
        if kind != "Message":
            persons = self._not_senders(view, persons)
        after = trigger if kind == "Message" and (self._handed_over(view, trigger) or any(
            a == trigger for a, _, _ in self._letters(view))) else -1  # "سلم الوزير رسالة من … إلى …": who carries it
        persons = [m for m in persons if view.pos(m.start) > after]
        if not persons and not apart:
            for k in range(c - 1, -1, -1):
                end_of_clause = view.clause_end(k)
                persons = [m for m in self._reported(view, self._persons(view, {k}), end_of_clause)
                           if not self._speaker(view, m)]
                if persons:
                    break
        ids: list[str] = []
        for m in persons:
            if m.entity_id not in ids:
                ids.append(m.entity_id)
        with_them = trigger + 1 < len(view.sentence.norms) and all(view.pos(m.start) > trigger for m in persons) \
            and view.sentence.norms[trigger + 1] in self.kb.words("counterpart_prepositions")
        if (len(ids) == 1 or with_them) and min(clauses) > 0 and not apart \
                and self._complementizer_before(view, trigger) is None:
            # "تلقى الأمير سلطان، في مقر إقامته، اتصالا هاتفيا من الملك خوان كارلوس": the subject
            # of an earlier clause receives what the trigger's clause brings
            for k in range(min(clauses) - 1, -1, -1):
                end_of_clause = view.clause_end(k)
                subject = [m.entity_id for m in self._reported(view, self._persons(view, {k}), end_of_clause)
                           if m.entity_id not in ids and not (kind == "Visit" and self._speaker(view, m))]
                if subject:
                    ids.insert(0, subject[0])
                    break
        ids += [s for s in self._unnamed_heads(view, clauses, after) if s not in ids]
        ids = ids or self._hosted_between(view, clauses)
        if not ids and not self.lists.isdisjoint(view.sentence.forms) and any(
                view.sentence.tokens[p].norm in self.lists for p, cl in enumerate(view.clause) if cl in clauses):
            # talks between states: "مباحثات بين روسيا وتركيا", "اجتماع نيروبي، وهي كينيا وأوغندا وتنزانيا"
            states = [m.entity_id for m in view.mentions if view.clause[view.pos(m.start)] in clauses
                      and self.types.get(m.entity_id) == "State" and not self._topic(view, view.pos(m.start), trigger)]
            if len(set(states)) >= 2:
                ids = list(dict.fromkeys(states))
        return ids

    def _complementizer_before(self, view: SentenceView, trigger: int) -> int | None:
        """'أوضح بيسكوف أن الأسد قام بزيارة': the last 'أن/إن' of the trigger's clause before it."""
        clause = view.clause
        found = [p for p in view.said_at if p < trigger and clause[p] == clause[trigger]]
        return found[-1] if found else None

    def _reported(self, view: SentenceView, persons: list[Mention], trigger: int) -> list[Mention]:
        """Who speaks ('أوضح المتحدث بيسكوف أن …') is not who met, when the report names others."""
        c = self._complementizer_before(view, trigger)
        if c is None:
            return persons
        inside = [m for m in persons if view.pos(m.start) > c]
        return inside or [m for m in persons if not self._speaker(view, m)]  # "قال عنان إن الوفد الذي زار …"

    def _speaker(self, view: SentenceView, m: Mention) -> bool:
        """'قال المتحدث باسم الوزارة ناصر كنعاني، … حول زيارة …': the subject of a verb of saying."""
        p, norms = view.pos(m.start), view.sentence.norms  # a sentence with no verb of saying: no pass
        return not self.speech.isdisjoint(view.sentence.forms) and any(
            not self.speech.isdisjoint(stems(norms[k])) for k in range(p) if view.clause[k] == view.clause[p])

    def _summit_bodies(self, view: SentenceView, trigger: int) -> list[str]:
        """'القمة الـ46 لمجلس التعاون': the organization whose summit it is takes part in it; so does
        the state that hosts it ('القمة …، التي تستضيفها تركيا')."""
        norms, hosts = view.sentence.norms, self.kb.words("host_verbs")
        return [m.entity_id for m in view.mentions if (p := view.pos(m.start)) > trigger and (
            (self.types.get(m.entity_id) == "Organization" and p - trigger <= 4 and view.clause[p] == view.clause[trigger])
            or (self.types.get(m.entity_id) == "State" and norms[p - 1] in hosts
                and view.clause[p] - view.clause[trigger] <= 1))]  # "القمة …، التي تستضيفها تركيا"

    def _signed_at_home(self, signings: list, kinds: list[tuple[int, str]], ids: list[str]) -> bool:
        """'وشهد وزير المالية الكيني … ومحافظ البنك المركزي الكيني … مراسم التوقيع على الاتفاقيات مع البنوك
        المحلية': a clause told only by signing words whose participants are of one state signs at home, no
        meeting; signers meet when they are of two states or more (or a body and a state)."""
        if not signings or not {a for a, _ in kinds} <= {a for a, _, _ in signings}:
            return False
        sides = {(self.affiliations.get(i) or i) if self.types.get(i) == "Person" else i for i in ids}
        return len(ids) >= 2 and len(sides) < 2

    def without_represented(self, ids: list[str]) -> list[str]:
        """A delegation's state ('وفد روسي') stands for it only while no person of that state is named."""
        named = {self.affiliations.get(i) for i in ids if self.types.get(i) == "Person"}
        if None in named:
            named |= set(ids)  # "الوفد السوري، برئاسة اللواء علي النعسان": a person of no stated state leads it
        return [i for i in ids if self.types.get(i) == "Person" or i not in named]

    def _circumstance(self, view: SentenceView, k: int) -> bool:
        """'، في مقر الرئاسة بنيروبي أمس،': where and when, naming no actor, interrupts nothing."""
        return not any(view.clause[view.pos(m.start)] == k and self.types.get(m.entity_id) in
                       ("Person", "State", "Organization") for m in view.mentions)
