"""A bare title named again ('وأكد الملك', 'وقال الرئيس'): the one person the article titled so before.

The guard compares offices by their head word, not by their wording: 'ملك الأردن', 'العاهل' and
'الملك' are all kings, 'رئيس مجلس إدارة الشركة' and 'الرئيس التونسي' both presidents of something,
so any second person so titled before makes 'الرئيس' ambiguous and it stays unresolved. Only the
titles given before the bare one count: a title the article gives a person later is no antecedent.
An office in construct form that names no one kg reads ('رئيس مجلس إدارة الشركة', 'ملك الأردن')
is still a rival; a definite one ('الملك لأديس أبابا') is the bare title itself, read on.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.model import Mention, evolve
from kg.text import normalize

if TYPE_CHECKING:
    from kg.link import DocumentLinker as Linker


def note_titles(linker: Linker, entity_id: str, titles: list[str], at: int) -> None:
    """Where the article first gave `entity_id` each of `titles`: the antecedents of a bare title."""
    for title in titles:
        linker.titled_at.setdefault((entity_id, title), at)


def carry_titles(linker: Linker, short: str, long: str) -> None:
    """An entity folded into another: its titles, at their first position, are the host's."""
    for (entity_id, title), at in list(linker.titled_at.items()):
        if entity_id == short:
            linker.titled_at[(long, title)] = min(at, linker.titled_at.get((long, title), at))


def note_office_spoken_of(linker: Linker, m: Mention, role: str) -> None:
    """'رئيس مجلس إدارة الشركة': an office in construct form without a state, resolved or not, is a
    rival to a later bare 'الرئيس'; a definite one ('الملك لأديس أبابا', the bare title itself) is not."""
    if not normalize(role).startswith("ال"):
        linker.titled_at.setdefault((f"@{m.start}", role), m.start)


def office_head(linker: Linker, role: str) -> str:
    """'ملك الأردن', 'العاهل السعودي' -> 'ملك'; 'رئيس مجلس إدارة الشركة' -> 'رئيس': the office's
    first word without article, words of one office ('same_office_heads') as one."""
    words = linker.role_core(role).split()
    head = words[0].removeprefix("ال") if words else ""
    for group in linker.kb.lexicon.get("same_office_heads", []):
        members = [normalize(w).removeprefix("ال") for w in group.split()]
        if head in members:
            return members[0]
    return head


def one_so_titled_before(linker: Linker, m: Mention, role: str) -> Mention | None:
    """'وقال الرئيس' after 'الرئيس الموريتاني محمد ولد الغزواني': the one person titled before with
    that office, of any state; none when another person was titled before with an office of the
    same head ('الرئيس الفرنسي … الرئيس المصري …', 'الملك سلمان … ملك الأردن …')."""
    core, head = linker.role_core(role), office_head(linker, role)
    said: dict[str, list[str]] = {}
    resolved = {at for (entity_id, _), at in linker.titled_at.items() if entity_id in linker.entities}
    for (entity_id, r), at in linker.titled_at.items():
        e = linker.entities.get(entity_id)
        if e is None and at in resolved:
            continue  # an office spoken of that names a person already counted
        if (e is None or e.type == "Person") and at < m.start and office_head(linker, r) == head:
            said.setdefault(entity_id, []).append(r)  # no entity: an office the article spoke of
    if len(said) != 1:
        return None
    (entity_id, roles), = said.items()
    if entity_id not in linker.entities:
        return None
    if not any(linker.role_core(r) == core for r in roles):
        return None  # 'رئيس الوزراء' before: no president named
    # a name the knowledge base knows, or one a title gave with its state: a name the title
    # pattern overread ("الملك ساكنا أمام") is no one to name again
    known = entity_id in linker.kb.entries or linker.entities[entity_id].affiliation
    return evolve(m, entity_id=entity_id) if known else None
