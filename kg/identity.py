"""Is this the same meeting? One rule, used inside an article (kg.meeting_fold) and across
articles (kg.merge), on anything with kind, participants, date and location (a candidate or a
Meeting).

Two reports are one encounter when they are of one family (in person, by phone, by letter),
the people of one are among the other's, their dates agree and their places agree (the same
place, or one inside the other). A report without a date joins the one dated encounter it can
only be. Inside one article a place is written one way, so `located_in` is empty there; across
articles a city and its state agree.
"""
from __future__ import annotations

FAMILY = {"PhoneCall": "phone", "Message": "message"}


def family(kind: str) -> str:
    """The channel of a meeting kind: a call and a visit are never the same encounter."""
    return FAMILY.get(kind, "in-person")


def places_compatible(a: str | None, b: str | None, located_in: dict[str, str]) -> bool:
    """No place, the same place, or one located in the other."""
    if a is None or b is None or a == b:
        return True
    return located_in.get(a) == b or located_in.get(b) == a


def same_encounter(a, b, located_in: dict[str, str]) -> bool:
    """Two dated reports of one encounter: same family, compatible dates, nested participants
    and compatible places (the cheap tests first: the merge asks it of every dated meeting so far,
    and most differ in their dates)."""
    if family(a.kind) != family(b.kind) or a.date is None or b.date is None or not a.date.compatible(b.date):
        return False
    pa, pb = set(a.participants), set(b.participants)
    return (pa <= pb or pb <= pa) and places_compatible(a.location, b.location, located_in)


def undated_joins(undated, dated, located_in: dict[str, str]) -> bool:
    """An undated report can be the dated encounter `dated`: same family, its people among
    the encounter's, and, when it names a place, the encounter is at a compatible one."""
    return (dated.date is not None and family(dated.kind) == family(undated.kind)
            and set(undated.participants) <= set(dated.participants)
            and (undated.location is None
                 or bool(dated.location) and places_compatible(dated.location, undated.location, located_in)))
