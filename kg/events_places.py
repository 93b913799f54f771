"""Where an encounter took place: the nearest place after its trigger (else before it), a state
a visit went to, never a place someone returned to or from. A mixin of kg.events.MeetingExtractor."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.events import SentenceView


class EventPlaces:
    """Place rules of MeetingExtractor (it provides kb and types)."""

    def _returned_to(self, toks, p: int) -> bool:
        """'عاد إلى دمشق عقب لقائه بوتين', 'خلال عودته من البرازيل': where one returns to or from
        is not where one met."""
        back = self.kb.words("return_words")
        return (p >= 1 and toks[p - 1].norm in back) or (
            p >= 2 and toks[p - 1].norm in self.kb.words("return_links") and toks[p - 2].norm in back)

    def _location(self, view: SentenceView, trigger: int, kind: str) -> str | None:
        toks = view.sentence.tokens
        places = [m for m in view.mentions if view.pos(m.start) not in view.excluded and m.entity_id
                  and self.types.get(m.entity_id) in ("Place", "MilitaryBase")
                  and not self._returned_to(toks, view.pos(m.start))]
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
