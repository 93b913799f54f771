"""What the words around a trigger say about who takes part: a treaty signed together, a welcome
at the airport, a pronoun's antecedent, a head of state left unnamed, a letter handed on, those
merely present; a visit and the encounter during it, the larger event beside which one happened. A mixin of kg.events.MeetingExtractor."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.model import Mention
from kg.phrase_index import PhraseIndex
from kg.text import normalize, stems

if TYPE_CHECKING:
    from kg.events import Candidate, SentenceView


def found_in(view: SentenceView, index) -> list[tuple[int, int, object]]:
    """The phrases of `index` in the view's sentence, once per sentence and word list (several rules ask)."""
    hit = view.found.get(id(index))
    if hit is None:
        hit = view.found[id(index)] = index.spans_in(view.sentence)
    return hit


class ClauseMarks:
    """Participant rules of MeetingExtractor (it provides kb, types, signing, presence, welcome, airport)."""

    def _signings(self, view: SentenceView, window: int = 20) -> list[tuple[int, int, str]]:
        """'وقع الوزير ونظيره …، اتفاقية تعاون', 'وقّع الرئيس مع ولي العهد 5 اتفاقيات': those who
        sign a treaty together meet; a signing verb with a treaty word after it is a meeting trigger."""
        norms = view.sentence.norms
        if view.sentence.has_none_of(self.signing):
            return []  # most sentences
        refused = self.kb.words("refusal_words")  # "رفض التوقيع على الاتفاقيات": no one signed
        verbs = [p for p, n in enumerate(norms) if n in self.signing and not any(
            norms[q] in refused and view.clause[q] == view.clause[p] for q in range(max(0, p - 8), p))]
        batch = self.kb.words("treaty_batch_words")  # "مراسم التوقيع على الاتفاقيات الأربع": plurals with the article too
        treaties = [a for a, _, _ in found_in(view, self.kb.phrases("treaty_words"))] + [
            k for k, n in enumerate(norms) if n.removeprefix("ال") in batch]
        said = [k for k, n in enumerate(norms) if n in self.complementizers]  # "وقع انفجار بعد أن رفض … اتفاقية"
        clause = view.clause
        return [(p, p + 1, "Meeting") for p in verbs
                if any(0 < a - p <= window and not any(p < k < a for k in said)
                       # in the verb's clause, or right after one break ("ونظيره …، اتفاقية", "…، 5 اتفاقيات"):
                       # not "وقع بايدن على قانون …، ورفض بوتين اتفاقية"
                       and (clause[a] == clause[p] or clause[a] == clause[p] + 1 and clause[max(a - 2, p)] == clause[p])
                       for a in treaties)]

    def _airport_welcome(self, view: SentenceView, c: int) -> bool:
        """'وكان في استقبال الوزير بمطار نيروبي …': a welcome at the airport is part of the
        visit, and those waiting there are protocol, not participants."""
        return bool(found_in(view, self.airport)) and any(view.clause[a] == c for a, _, _ in found_in(view, self.welcome))

    def _person_before(self, view: SentenceView, trigger: int) -> bool:
        """'أكد الوزير خلال زيارته …': a person named before the trigger in its own
        sentence is whom the pronoun holds, not the previous sentence's subject."""
        return any(view.pos(m.start) < trigger and view.pos(m.start) not in view.excluded
                   and self.types.get(m.entity_id) == "Person" for m in view.mentions)

    def _unnamed_heads(self, view: SentenceView, clauses: set[int], after: int) -> list[str]:
        """'رسالة خطية من رئيس جمهورية غانا': a head of state the text does not name takes part as
        his state (not when his name follows: 'رئيس دولة الإمارات الشيخ محمد بن زايد')."""
        norms = view.sentence.norms
        heads = self.kb.derived("unnamed_head_words", lambda: self.kb.words("head_of_state_roles")
                                | self.kb.words("title_words_in_names"))
        if view.sentence.has_none_of(heads):
            return []  # most clauses: no head's title (tested before the mentions are read)
        states = [m for m in view.mentions if self.types.get(m.entity_id) == "State"]
        if not states:
            return []
        named = {view.pos(m.start) for m in view.mentions if self.types.get(m.entity_id) == "Person"}
        out = []
        for m in states:
            p, q = view.pos(m.start), view.pos(m.end)
            if view.clause[p] not in clauses or p <= after or p < 1:
                continue
            head = p - 2 if p > 1 and norms[p - 1] in self.kb.words("state_forms") else p - 1
            if head >= 0 and norms[head] in heads and not named & {q, q + 1}:
                out.append(m.entity_id)
        return out

    def _hosted_between(self, view: SentenceView, clauses: set[int]) -> list[str]:
        """'أن قطر استضافت مباحثات بين الجانبين': talks 'between the two sides' are between the two
        states named last before them in the sentence, and the state hosting them takes part."""
        norms = view.sentence.norms
        pair = self.kb.words("pair_state_words")
        if view.sentence.has_none_of(pair):
            return []
        starts = {a for a, _, _ in found_in(view, self.kb.triggers)}
        at = next((p for p in range(2, len(norms)) if view.clause[p] in clauses and norms[p] in pair
                   and norms[p - 1] in self.lists and p - 2 in starts), None)
        if at is None or at + 1 < len(norms) and norms[at + 1] in self.kb.nationality:
            return []  # "بين الجانبين الإسرائيلي والفلسطيني": the sides are named, not the states before
        hosts = self.kb.words("host_verbs")
        states = [(view.pos(m.start), m.entity_id) for m in view.mentions if self.types.get(m.entity_id) == "State"]
        host = [s for p, s in states if view.clause[p] in clauses and (
            (p + 1 < len(norms) and norms[p + 1] in hosts) or (p > 0 and norms[p - 1] in hosts))]
        sides: list[str] = []
        for _, s in sorted((x for x in states if x[0] < at), reverse=True):
            if s not in host and s not in sides and len(sides) < 2:
                sides.append(s)
        return host + sides[::-1] if len(sides) == 2 else []

    def _handed_over(self, view: SentenceView, trigger: int) -> bool:
        """'تسلم وزير الخارجية رسالة خطية من رئيس غانا إلى الأمير …': who receives a letter
        addressed to another hands it on and is no party to it."""
        norms = view.sentence.norms
        same = [p for p, cl in enumerate(view.clause) if cl == view.clause[trigger]]
        received = any(norms[p] in self.kb.words("receive_verbs") for p in same if p < trigger)
        return received and any(norms[p] in self.kb.words("addressee_links") for p in same if p > trigger)

    def _not_present(self, view: SentenceView, persons: list[Mention]) -> list[Mention]:
        """'وقع الوزيران اتفاقية، وذلك بحضور الرئيس …', 'وتم الاستقبال بحضور وزير الخارجية الكيني،
        موساليا مودافادي، ووزير …': who is named after a presence marker, up to the
        next trigger, attends the encounter and is no participant of it."""
        markers = self.kb.words("presence_markers")
        if view.sentence.has_none_of(markers):
            return persons
        marks = [a for a, _, _ in found_in(view, self.presence)]
        triggers = [a for a, _, _ in found_in(view, self.kb.triggers)]
        return [m for m in persons if not any(
            a < (p := view.pos(m.start)) and not any(a < t < p for t in triggers) for a in marks)]

    def _counterpart_alone(self, view: SentenceView, ids: list[str], trigger: int) -> bool:
        """'وأكد مودافادي، عقب مباحثات مع نظيره الأوغندي جيجي أودونغو': a lone participant introduced
        as someone's counterpart ('نظيره') meets the person the pronoun holds; when its sentence names
        no person before the trigger, that is the subject of the sentence before (as for 'زيارته')."""
        norms, words = view.sentence.norms, self.kb.words("counterpart_words")
        if len(ids) != 1 or view.sentence.has_none_of(words):
            return False
        at = [view.pos(m.start) for m in view.mentions if m.entity_id == ids[0]]
        return self.types.get(ids[0]) == "Person" and not self._person_before(view, trigger) and any(
            norms[q] in words for p in at if p > trigger for q in range(max(trigger, p - 3), p))

    def _told_already(self, view: SentenceView, clause_kinds: dict[int, list[tuple[int, str]]]) -> set[int]:
        """'وتم خلال اللقاء استعراض مشروعات الطاقة …، كما نقل تحياته للسلطان …': clauses whose first trigger is
        the encounter told already ('خلال اللقاء'), holding only talks or meeting words and naming no
        person before it: what was said there, whose persons (those greeted, the states discussed)
        are no new encounter's."""
        found = found_in(view, self._anaphoric())
        if not found:
            return set()  # most sentences: no encounter told already, and no person to place
        containers = self.kb.words("anaphoric_containers")
        persons = [view.pos(m.start) for m in view.mentions if self.types.get(m.entity_id) == "Person"]
        out = set()
        for a, b, noun in found:
            c = view.clause[a]
            if c not in clause_kinds and b + 1 < len(view.clause) and view.clause[b + 1] == c + 1:
                c = c + 1  # "وخلال الاتصال، بحث الجانبان …": the phrase opens the clause after its comma
            kinds = clause_kinds.get(c, [])
            told = [k for t, k in kinds if not a <= t < b]  # not the noun of the phrase ('الزيارة' is a trigger)
            named_before = any(p < a and view.clause[p] == c for p in persons)
            # "وخلال الزيارة، التقى الوزير بالرئيس …": a visit or summit holds new encounters of those it names
            named_after = noun in containers and any(p > a and view.clause[p] == c for p in persons)
            if kinds and a <= min(t for t, _ in kinds) and not named_before and not named_after \
                    and all(k in ("Talks", "Meeting") for k in told):
                out.add(c)  # not "وتبادل الوزير ونظيره … خلال اجتماعهما": its persons are named before
        return out

    def _anaphoric(self):
        """'خلال/أثناء' + an encounter noun ('اللقاء', 'الاستقبال', 'الزيارة' …): one matcher of every pair."""
        def build():
            index = PhraseIndex()
            for opener in self.kb.word_list("anaphoric_openers"):
                for noun in [*self.kb.word_list("anaphoric_encounters"), *self.kb.word_list("anaphoric_containers")]:
                    index.add(f"{opener} {noun}", normalize(noun))
            return index
        return self.kb.derived("anaphoric_phrases", build)

    def _represented(self, view: SentenceView, p: int) -> bool:
        """'وصل الوزير … موفد الملك …', 'ممثل الأمين العام …', 'نيابة عن الرئيس …': who sends an envoy (a
        person's title, honorific or name right after the envoy word, in the person's clause: 'مبعوث الرئيس
        الأوغندي، فلان' names the envoy after a comma) or is stood in for is not there."""
        norms = view.sentence.norms
        sent = self.kb.words("envoy_of_words")
        behalf_heads = self.kb.derived("on_behalf_first_words", lambda: frozenset(
            w.split()[0] for w in self.kb.words("on_behalf_words")))
        if view.sentence.has_none_of(sent) and view.sentence.has_none_of(behalf_heads):
            return False  # most sentences: neither word
        behalf = [a for a, _, _ in found_in(view, self.kb.phrases("on_behalf_words"))]
        if any(0 < p - a <= 4 for a in behalf):
            return True
        honorifics = self.kb.phrases("honorifics")
        return any(norms[e] in sent and view.clause[e] == view.clause[p] and (
            e + 1 == p or self.kb.titles.starts(norms[e + 1]) or honorifics.starts(norms[e + 1]))
            for e in range(max(0, p - 5), p))

    def _letters(self, view: SentenceView) -> list[tuple[int, int, str]]:
        """'رسالة الرئيس الكيني وليام روتو لنظيره الأوغندي …', 'رسالة من الملك … إلى الرئيس …': a
        letter noun with its sender (in construct, or after 'من') and a person it is addressed to
        ('ل…', 'إلى' up to five words before his name: 'إلى العاهل الأردني الملك …', a title of three
        words) is a letter between them, whatever verb tells of it ('تضمنت', 'حمل')."""
        sentence, kb = view.sentence, self.kb
        norms = sentence.norms
        nouns = kb.words("letter_nouns")
        if nouns.isdisjoint(sentence.forms):
            return []  # most sentences: no letter
        first = sentence.tokens[0].index if sentence.tokens else 0
        persons = sorted(m.start - first for m in view.mentions if m.type == "Person" and m.entity_id)
        to, since = kb.words("addressee_links"), kb.words("sender_links")
        out = []
        for p, noun in self._letter_nouns(view):
            # the sender: a person within six words, the noun indefinite (construct) or "من" before him;
            # eight after a sending verb ("الرسالة التي بعثها في 3 مايو الرئيس …")
            sender = next((q for q in persons if 0 < q - p <= 8 and (
                (q - p <= 6 and not noun.startswith("ال")) or any(norms[k] in since for k in range(p + 1, q)))), None)
            if sender is None:
                continue
            if any(q > sender and any(norms[k] in to for k in range(max(sender + 1, q - 5), q)) for q in persons):
                out.append((p, p + 1, "Message"))
        return out

    def _letter_nouns(self, view: SentenceView) -> list[tuple[int, str]]:
        """(position, form) of each letter noun, through its clitics ('ورسالة', 'بالرسالة', 'برقيته'):
        the form tells whether it is definite (no sender in construct)."""
        nouns = self.kb.words("letter_nouns")
        if nouns.isdisjoint(view.sentence.forms):
            return []
        found = ((q, next((f for f in stems(n) if f in nouns), None)) for q, n in enumerate(view.sentence.norms))
        return [(q, f) for q, f in found if f]

    def _topic(self, view: SentenceView, p: int, trigger: int) -> bool:
        """'…، إضافة إلى الأوضاع في السودان، فضلا عن أزمة الحدود المتنازع عليها بين كينيا
        والصومال': a state named after a topic noun (a crisis, a file, an issue) between the trigger and
        it is what was discussed, not a side; so, before a trigger, is one after a topic noun in its clause
        ('أشاد الوزير بالعلاقات بين الأردن والعراق خلال زيارته')."""
        heads = self.kb.words("topic_heads")
        start = trigger + 1 if trigger < p else view.clause.index(view.clause[p])
        return any(not heads.isdisjoint(stems(view.sentence.norms[q])) for q in range(start, p))

    def _not_senders(self, view: SentenceView, persons: list[Mention]) -> list[Mention]:
        """'وصل المبعوث … حاملا رسالة من الرئيس …', 'حاملا رسالة السيسي للسلطان …': who sent the letter a
        traveller or guest carries is not at the visit or the meeting: the first person up to eight words
        after a letter noun, after 'من' or in construct with it."""
        norms = view.sentence.norms
        since = self.kb.words("sender_links")
        if self.kb.words("letter_nouns").isdisjoint(view.sentence.forms):
            return persons
        starts = sorted(view.pos(m.start) for m in view.mentions if self.types.get(m.entity_id) == "Person")
        letters = self._letter_nouns(view)

        def sent(p: int) -> bool:
            return any(p - 8 <= q < p and not any(q < r < p for r in starts) and (
                any(norms[k] in since for k in range(q + 1, p)) or (p - q <= 3 and not noun.startswith("ال")))
                for q, noun in letters)
        return [m for m in persons if not sent(view.pos(m.start))]

    def _visits_during(self, view: SentenceView, clause_kinds: dict[int, list[tuple[int, str]]],
                       cands: list[Candidate]) -> list[Candidate]:
        """'اختتم رئيس الوزراء زيارة إلى كينيا أجرى خلالها مباحثات مع الرئيس …': the
        traveller's visit is a fact of its own beside the encounter during it (one clause, two facts)."""
        during_at = [a for a, _, _ in found_in(view, self.kb.phrases("during_words"))]
        if not during_at:
            return cands
        travel_at = [a for a, _, _ in found_in(view, self.travel)]
        extra = []
        for cand in cands:
            c = cand.clause
            # the travel word nearest before the encounter ('وصل ماكرون إلى أبوظبي في زيارة التقى خلالها …')
            encounters = [a for a, k in clause_kinds.get(c, []) if k != "Visit"]
            t = max((a for a in travel_at if view.clause[a] == c and encounters and a < max(encounters)), default=None)
            met = [k for a, k in clause_kinds.get(c, []) if t is not None and a > t and k != "Visit"]
            if not met or cand.dated_list or not any(view.clause[d] == c and d > t for d in during_at):
                continue
            travellers = list(dict.fromkeys(m.entity_id for m in view.mentions  # named before the visit word
                                            if m.entity_id in cand.participants and view.pos(m.start) < t))
            if not travellers or set(travellers) == set(cand.participants):
                continue
            # 'وصل روتو، إلى كمبالا في زيارة اجتمع خلالها …': the arrival told in a clause before is that visit
            arrival = next((o for o in cands if o.clause < c and o.kind == "Visit" and not o.during
                            and o.participants and set(o.participants) <= set(travellers)), None)
            if arrival:
                arrival.during = True
            else:
                extra.append(replace(cand, kind="Visit", participants=travellers, travel=True, during=True,
                                     location=self._location(view, t, "Visit")))
            cand.kind, cand.travel, cand.during = min(met, key=self.priority.index), False, True
        return cands + extra

    def _events_where(self, view: SentenceView, clause_kinds: dict[int, list[tuple[int, str]]],
                      cands: list[Candidate]) -> list[Candidate]:
        """An event after 'حيث' in the clause of a visit, beside the visit: a body's summit ('وصل الرئيس إلى
        نيروبي قادما من أديس أبابا حيث شارك في قمة الاتحاد الأفريقي': the traveller and the body), or any
        encounter at the place the traveller came from ('وصل الوزير إلى عمان قادما من دمشق حيث عقد اجتماعا
        مع …': the traveller and those named after 'حيث'), held at the place right before 'حيث'."""
        words = self.kb.words("where_words")
        if words.isdisjoint(view.sentence.forms):  # most sentences: no pass
            return cands
        norms, extra, origin = view.sentence.norms, [], self.kb.words("origin_words")
        for cand in cands:
            kinds = clause_kinds.get(cand.clause, [])
            if cand.kind != "Visit" or cand.dated_list or not cand.participants:
                continue
            w = next((w for w in range(len(norms)) if norms[w] in words and view.clause[w] == cand.clause
                      and any(a < w and k == "Visit" for a, k in kinds)), None)
            after = [(a, k) for a, k in kinds if w is not None and a > w and k != "Visit"]
            summit = next((a for a, k in after if k == "Summit"), None)
            bodies = self._summit_bodies(view, summit) if summit is not None else []
            came = after and not origin.isdisjoint(norms[max(0, w - 5):w])  # 'قادما من دمشق حيث …'
            if not (bodies or came):
                continue
            there = [m.entity_id for m in view.mentions if view.pos(m.end - 1) == w - 1]  # 'من بيروت حيث'
            at = next((i for i in there if self.types.get(i) in ("Place", "State")), None)
            before = [p for p in cand.participants if any(m.entity_id == p and view.pos(m.start) < w for m in view.mentions)]
            kind = "Summit" if bodies else min((k for _, k in after), key=self.priority.index)
            extra.append(replace(cand, kind=kind, participants=bodies + cand.participants, travel=False,
                                 during=True, location=at))
            cand.during, cand.participants = True, before or cand.participants
            cand.location = None if cand.location in there else cand.location  # the place left is no visit's
        return cands + extra

    def _beside_sidelines(self, view: SentenceView, triggers: list) -> tuple[list, list]:
        """'التقى الوزير نظيره على هامش القمة …', 'على هامش أعمال القمة، عقد الوزير اجتماعا مع …': a trigger
        after 'على هامش' in its clause names the larger event beside which the encounter happened, not
        the encounter; so does one right after 'قبيل (عقد)' ('… قبيل عقد القمة'): the triggers kept, and
        those of the larger events."""
        marks = [a for a, _, _ in self.sideline.spans_in(view.sentence)]
        before = {b for _, b, _ in self.kb.phrases("before_event_phrases").spans_in(view.sentence)}
        if not marks and not before:
            return triggers, []
        larger = [t for t in triggers if t[0] in before
                  or any(m < t[0] and view.clause[m] == view.clause[t[0]] for m in marks)]
        return [t for t in triggers if t not in larger], larger + self._body_gatherings(view, larger)

    def _body_gatherings(self, view: SentenceView, larger: list) -> list[tuple[int, int, str]]:
        """'على هامش منتدى التعاون الروسي العربي', 'على هامش أعمال الدورة العادية لمجلس …': a gathering word
        right after the sideline marker (no trigger word) with an organization named within four words of
        the marker: the organization's summit, as a trigger at the marker's last word. Only the sentence's
        first marker: an encounter is told beside one larger event, a later one is something else's
        ('التقى …، على هامش الاجتماع الوزاري، …، والتحضير للحدث … على هامش أعمال الجمعية العامة')."""
        norms, words = view.sentence.norms, self.kb.words("sideline_gatherings")
        out = []
        for _, b, _ in self.sideline.spans_in(view.sentence)[:1]:
            if b < len(norms) and norms[b] in words and not any(t[0] >= b - 1 and view.clause[t[0]] == view.clause[b]
                                                                 for t in larger) \
                    and self._summit_bodies(view, b - 1):
                out.append((b - 1, b, "Summit"))
        return out
