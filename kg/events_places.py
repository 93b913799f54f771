"""Where an encounter took place: the nearest place after its trigger (else before it), a state
a visit went to, never a place someone returned to or from. A mixin of kg.events.MeetingExtractor."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.events_marks import found_in

if TYPE_CHECKING:
    from kg.events import SentenceView


#: the types an encounter's place may have
_PLACES = ("Place", "MilitaryBase")


class EventPlaces:
    """Place rules of MeetingExtractor (it provides kb and types)."""

    def _returned_to(self, view: SentenceView, p: int) -> bool:
        """'وعاد الرئيس … إلى نيروبي بعد لقاء …', 'خلال عودته من الصين': where one returns to or from is not where one met (the verb of return before it
        in its clause, no trigger between)."""
        toks, back = view.sentence.tokens, self.kb.words("return_words")
        if p < 1 or view.sentence.has_none_of(back):
            return False
        if toks[p - 1].norm in back:
            return True
        if toks[p - 1].norm not in self.kb.words("return_links"):
            return False
        triggers = {a for a, _, _ in found_in(view, self.kb.triggers)}
        for q in range(p - 2, -1, -1):
            if view.clause[q] != view.clause[p] or q in triggers:
                return False
            if toks[q].norm in back:
                return True
        return False

    def _describes(self, toks, p: int) -> bool:
        """'إلى منتجع … الواقع على البحر الأحمر': a place after 'الواقع على' tells where the place
        before it lies, not where they met."""
        located = self.kb.words("location_descriptors")
        return (p >= 1 and toks[p - 1].norm in located) or (p >= 2 and toks[p - 2].norm in located)

    def _region(self, entity_id: str) -> bool:
        """'بحث الزعيمان … الإرهاب في الشرق الأوسط': a region of the knowledge base (no coordinates,
        in no state) is what talks are about, not where they took place; a visit may go to one."""
        e = self.kb.entries.get(entity_id)
        return e is not None and e.type == "Place" and not (e.located_in or e.capital_of or e.lat is not None)

    def _location(self, view: SentenceView, trigger: int, kind: str) -> str | None:
        """The nearest place after the trigger, else the nearest before; a visit also goes to a state
        ('إلى سوريا', 'زار روسيا') or to a capital named by its state ('إلى العاصمة التركية')."""
        toks, types = view.sentence.tokens, self.types
        first = toks[0].index if toks else 0  # view.pos without a call per mention
        # the type first: most mentions are persons and states, no place
        places = [(p, m.entity_id) for m in view.mentions if types.get(m.entity_id) in _PLACES
                  and (p := m.start - first) not in view.excluded
                  and not self._returned_to(view, p) and not self._describes(toks, p)
                  and (kind == "Visit" or not self._region(m.entity_id))]
        if kind == "Visit":
            places += self._visited_states(view, trigger)
        if not places:
            return None
        after = sorted(p for p in places if p[0] > trigger)
        return (after[0] if after else max(places))[1]

    def _visited_states(self, view: SentenceView, trigger: int) -> list[tuple[int, str]]:
        toks = view.sentence.tokens
        to, visited = self.kb.words("visit_destination_links"), tuple(self.kb.words("visit_verb_stems"))
        capital = self.kb.words("capital_words")
        out = [(p, m.entity_id) for m in view.mentions if (p := view.pos(m.start)) > trigger
               and self.types.get(m.entity_id) == "State" and p not in view.excluded and (
                   toks[p - 1].norm in to or toks[p - 1].norm.startswith(visited)
                   or (p > 1 and toks[p - 2].norm.startswith(visited)))]
        for q in range(trigger + 2, len(toks) - 1) if not view.sentence.has_none_of(capital) else ():
            # "وصل … إلى العاصمة التركية"
            state = self.kb.nationality.get(toks[q + 1].norm)
            if toks[q].norm in capital and toks[q - 1].norm in to and state in self.types and q not in view.excluded:
                out.append((q, state))
        return out
