"""Names one sentence gives, read by the gazetteer and the rules around it (a stage of kg.extract)."""
from __future__ import annotations

from kg.bases import base_mentions, described_base_mentions
from kg.bodies import (acronym_mentions, formal_state_mentions, organization_mentions, outlet_mentions,
                       place_mentions)
from kg.knowledge import KnowledgeBase
from kg.link import slug
from kg.model import Mention, MentionSource, evolve
from kg.recognize import gazetteer_mentions, pattern_mentions
from kg.text import Sentence
from kg.titles import title_spans


def covered_tokens(mentions: list[Mention]) -> set[int]:
    """Token indexes inside any of the mentions."""
    return {i for m in mentions for i in range(m.start, m.end)}


#: The word lists that open the recognizers of bodies, outlets, bases, places and formal state
#: names (each returns nothing without one of its words): a sentence with none of them skips all.
HEAD_WORD_LISTS = ("organization_heads", "state_body_heads", "media_heads", "base_words",
                   "described_base_heads", "place_heads", "state_forms")


def head_words(kb: KnowledgeBase) -> frozenset[str]:
    return kb.derived("head_words", lambda: frozenset().union(*map(kb.words, HEAD_WORD_LISTS)))


def named_in_sentence(s: Sentence, kb: KnowledgeBase, text: str) -> list[Mention]:
    """Gazetteer names, then what the rules read around them: titled persons, outlets, bases,
    organizations and their acronyms. An outlet or base named after a known place or state
    ('موقع "روسيا اليوم"', 'قاعدة طرطوس') replaces the gazetteer's reading of that word."""
    found = _as_written(gazetteer_mentions(s, kb, text), s, kb, text)
    covered = {i: m.type for m in found for i in range(m.start, m.end)}
    heads = not head_words(kb).isdisjoint(s.forms)  # most sentences: no body, outlet, base or place
    wider, places = ([], {}) if not heads else _named_by_heads(s, kb, text, found, covered)
    if wider:
        inside = covered_tokens(wider)
        found = [m for m in found if not inside.intersection(range(m.start, m.end))]
    out, persons = _with_titled_persons(s, kb, text, found)
    covered.update({i: m.type for m in wider + persons for i in range(m.start, m.end)})
    orgs = organization_mentions(s, kb, text, covered, places) if heads else []
    if any(not m.affiliation for m in orgs):
        in_titles = {s.tokens[p].index for p in title_spans(s, kb, found)}
        orgs = [m for m in orgs if m.affiliation or m.start not in in_titles]
    named = [evolve(m, entity_id=m.entity_id or slug(m.surface)) if m.type != "Person" else m
             for m in wider + orgs]
    out.extend(named)
    if "(" in s.norms:  # an acronym is in parentheses
        acronyms = acronym_mentions(s, [m for m in found if m.type == "Organization"] + named, text)
        out.extend(a for a in acronyms if a.start not in covered)  # "(واس)" the gazetteer knows: one mention
    return out


def _named_by_heads(s: Sentence, kb: KnowledgeBase, text: str, found: list[Mention],
                    covered: dict[int, str]) -> tuple[list[Mention], dict[int, str]]:
    """States by their formal name (added to `found` and `covered`), then outlets, bases and
    places read by their head words; and the known places by token."""
    formal = formal_state_mentions(s, kb, text, covered)
    if formal:  # they never overlap a name read before
        found += formal
        covered.update({i: m.type for m in formal for i in range(m.start, m.end)})
    places = {i: m.entity_id for m in found if m.type == "Place" for i in range(m.start, m.end)}
    wider = outlet_mentions(s, kb, text, covered) + base_mentions(s, kb, text, covered, places)
    named_base = any(m.type == "MilitaryBase" for m in found + wider)
    wider += described_base_mentions(s, kb, text, covered, named_base, places)
    inside = covered_tokens(wider)
    wider += place_mentions(s, kb, text, {i: t for i, t in covered.items() if i not in inside} if inside else covered)
    return wider, places


def _as_written(found: list[Mention], s: Sentence, kb: KnowledgeBase, text: str) -> list[Mention]:
    """Known states with the form the text gives them, known persons without a title the gazetteer
    wrote and with the lineage the text adds; each only where the next or previous word can."""
    norms, n = s.norms, len(s.norms)
    forms, particles = kb.words("state_forms"), kb.words("patronymic_particles")
    first = s.tokens[0].index if s.tokens else 0  # s.position without a call per name
    out = []
    for m in found:
        if m.type == "State":
            p = m.start - first
            m = _with_state_form(m, s, kb, text) if p and norms[p - 1] in forms else m
        elif m.type == "Person":
            p, q = m.start - first, m.end - first
            if kb.titles.starts(norms[p]) or (q + 1 < n and norms[q] in particles):
                m = _whole_name(m, s, kb, text)
        out.append(m)
    return out


def _with_titled_persons(s: Sentence, kb: KnowledgeBase, text: str,
                         found: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The names found with the roles their titles give, and the new persons titles introduce
    (a place's name read as a person's drops: "الأمير نايف بن أحمد")."""
    with_roles = pattern_mentions(s, kb, text, found)
    if not with_roles:  # most sentences: no title before a name
        return list(found), []
    role_by_start = {m.start: m for m in with_roles if m.source == MentionSource.GAZETTEER}
    out = [role_by_start.get(m.start, m) for m in found]
    persons = [m for m in with_roles if m.source == MentionSource.PATTERN]
    if persons:
        taken = covered_tokens(persons)
        out = [m for m in out if taken.isdisjoint(range(m.start, m.end))]
        out.extend(persons)
    return out, persons


def _whole_name(m: Mention, s: Sentence, kb: KnowledgeBase, text: str) -> Mention:
    """A known person as the text names them: without a title the gazetteer wrote with the name
    ('الأمير فيصل بن فرحان' -> 'فيصل بن فرحان', so the title is read as one), and with the
    lineage the text adds ('فيصل بن فرحان بن عبدالله')."""
    p, q = s.position(m.start), s.position(m.end)
    hit = kb.titles.match_at(s.norms, p, kb.titles.starts(s.norms[p]) or None)
    if hit and p + hit[0] < q - 1:
        p += hit[0]
    particles = kb.words("patronymic_particles")
    while q + 1 < len(s.tokens) and s.norms[q] in particles and s.norms[q + 1].isalpha():
        q += 2
    if (p, q) == (s.position(m.start), s.position(m.end)):
        return m
    a, b = s.tokens[p], s.tokens[q - 1]
    return evolve(m, start=a.index, end=b.index + 1, char_start=a.start, char_end=b.end, surface=text[a.start:b.end])


def _with_state_form(m: Mention, s: Sentence, kb: KnowledgeBase, text: str) -> Mention:
    """'دولة الإمارات', 'جمهورية مصر العربية': the state named with its form and qualifiers."""
    p, q = s.position(m.start), s.position(m.end)
    forms = kb.words("state_forms")
    if p and s.norms[p - 1] in forms and not s.norms[p - 1].startswith("ال") and m.surface == s.tokens[p].text:
        p -= 1
        while q < len(s.tokens) and s.norms[q] in kb.words("state_qualifiers"):
            q += 1
    if (p, q) == (s.position(m.start), s.position(m.end)):
        return m
    a, b = s.tokens[p], s.tokens[q - 1]
    return evolve(m, start=a.index, end=b.index + 1, char_start=a.start, char_end=b.end, surface=text[a.start:b.end])
