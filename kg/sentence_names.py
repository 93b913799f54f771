"""Names one sentence gives, read by the gazetteer and the rules around it (a stage of kg.extract)."""
from __future__ import annotations

from kg.bases import base_mentions, described_base_mentions
from kg.bodies import definite_heads, formal_state_mentions, organization_mentions, place_mentions
from kg.homonyms import capital_word_follows
from kg.knowledge import KnowledgeBase
from kg.link import slug
from kg.minister_lists import listed_ministers
from kg.model import Mention, MentionSource, evolve
from kg.outlets import acronym_mentions, media_heads, outlet_mentions
from kg.recognize import gazetteer_mentions, pattern_mentions
from kg.text import Sentence, normalize, stems
from kg.titles import title_spans
from kg.world.cities import similarity


def covered_tokens(mentions: list[Mention]) -> set[int]:
    """Token indexes inside any of the mentions."""
    return {i for m in mentions for i in range(m.start, m.end)}


#: The word lists that open the recognizers of bodies, outlets, bases, places and formal state
#: names (each returns nothing without one of its words): a sentence with none of them skips all.
HEAD_WORD_LISTS = ("organization_heads", "state_body_heads", "portfolio_heads", "media_heads", "base_words",
                   "described_base_heads", "place_heads", "state_forms", "place_named_heads")


def head_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every head noun of a body, an outlet, a base or a place: a sentence holding none of them
    skips the head-word readers (most sentences)."""
    return kb.derived("head_words", lambda: frozenset().union(*map(kb.words, HEAD_WORD_LISTS), definite_heads(kb),
                                                                media_heads(kb)))


def named_in_sentence(s: Sentence, kb: KnowledgeBase, text: str) -> list[Mention]:
    """Gazetteer names, then what the rules read around them: titled persons, outlets, bases,
    organizations and their acronyms. An outlet or base named after a known place or state
    ('موقع "روسيا اليوم"', 'قاعدة طرطوس') replaces the gazetteer's reading of that word."""
    # each test is asked only of the names it can drop: one word (a hamza, a state's own adjective), a body
    found = _as_written([m for m in gazetteer_mentions(s, kb, text)
                         if (m.end - m.start != 1 or not (_hamza_inside(m, kb) or _state_adjective(m, s, kb)))
                         and (m.type != "Organization" or not _another_body(m, s, kb))], s, kb, text)
    heads = not head_words(kb).isdisjoint(s.forms)  # most sentences: no body, outlet, base or place
    read = heads or "(" in s.forms  # only the head-word and acronym readers look at what is covered
    covered = {i: m.type for m in found for i in range(m.start, m.end)} if read else {}
    wider, places = ([], {}) if not heads else _named_by_heads(s, kb, text, found, covered)
    inside = covered_tokens(wider) if wider else set()
    if inside:
        found = [m for m in found if not inside.intersection(range(m.start, m.end))]
    out, persons = _with_titled_persons(s, kb, text, found, inside)
    if read:
        covered.update({i: m.type for m in wider + persons for i in range(m.start, m.end)})
    orgs = organization_mentions(s, kb, text, covered, places) if heads else []
    if any(not m.affiliation for m in orgs):
        in_titles = {s.tokens[p].index for p in title_spans(s, kb, found)}
        orgs = [m for m in orgs if m.affiliation or m.start not in in_titles]
    named = [evolve(m, entity_id=m.entity_id or slug(m.surface)) if m.type != "Person" else m
             for m in wider + orgs]
    out.extend(named)
    if "(" in s.forms:  # an acronym is in parentheses (a set: a stem has two letters or more)
        acronyms = acronym_mentions(s, [m for m in found if m.type == "Organization"] + named, text, kb)
        out.extend(a for a in acronyms if a.start not in covered)  # "(واس)" the gazetteer knows: one mention
        out = _known_by_acronym(out, named, acronyms, found)
    return out


def _known_by_acronym(out: list[Mention], named: list[Mention], acronyms: list[Mention],
                      found: list[Mention]) -> list[Mention]:
    """'وكالة «أنباء الصين الجديدة» (شينخوا)': a body read by the rules whose short name in
    parentheses the gazetteer knows is that known body, not a second one."""
    known = {m.start: m.entity_id for m in found if m.type == "Organization"}
    relink = {a.entity_id: known[a.start] for a in acronyms if a.start in known and a.entity_id != known[a.start]}
    if not relink:
        return out
    rule_read = {id(m) for m in named}
    return [evolve(m, entity_id=relink[m.entity_id]) if id(m) in rule_read and m.entity_id in relink else m
            for m in out]


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
        if m.type == "Person" and m.end - m.start == 1 and _another_of_the_family(m, s, kb):
            a = s.tokens[s.position(m.start) - 1]
            m = evolve(m, start=a.index, char_start=a.start, surface=text[a.start:m.char_end], entity_id=None,
                       source=MentionSource.PATTERN)
        if m.type == "Place" and m.end - m.start > 1:
            m = _after_another_direction(m, s, kb, text)
        if m.type == "State":
            p = m.start - first
            m = _with_state_form(m, s, kb, text) if p and norms[p - 1] in forms else m
            m = _capital_named_as_state(m, s, kb, p)
        elif m.type == "Person":
            m = _with_known_family_name(m, s, kb, text)
            p, q = m.start - first, m.end - first
            if kb.titles.starts(norms[p]) or (q + 1 < n and norms[q] in particles) \
                    or (q - p == 1 and p and len(norms[p - 1]) > 2 and norms[p - 1].isalpha()):
                m = _whole_name(m, s, kb, text)
        out.append(m)
    return out


def _after_another_direction(m: Mention, s: Sentence, kb: KnowledgeBase, text: str) -> Mention:
    """'جنوب شرق أفريقيا': a region named with a direction right after another direction is a
    compound direction no list names ('جنوب شرق آسيا' is matched whole): the continent after it."""
    p, q = s.position(m.start), s.position(m.end)
    directions = kb.words("direction_words")
    if not p or s.norms[p] not in directions or directions.isdisjoint(stems(s.norms[p - 1])):
        return m
    rest = next(((n, e) for i, n, e, _ in kb.names.find_all(list(s.norms[p + 1:q])) if i == 0), None)
    if rest is None or rest[0] != q - p - 1:
        return m
    a = s.tokens[p + 1]
    return evolve(m, start=a.index, char_start=a.start, surface=text[a.start:m.char_end], entity_id=rest[1])


def _with_known_family_name(m: Mention, s: Sentence, kb: KnowledgeBase, text: str) -> Mention:
    """'صباح الأحمد الصباح' for a known person named by a shorter alias: the family name the
    text adds after it, the last word of the known full name, is part of the name."""
    if m.entity_id is None:
        return m  # "عقيلته أمينة أردوغان": someone of the family the gazetteer does not know
    q, label = s.position(m.end), normalize(kb.entries[m.entity_id].ar).split()
    if q >= len(s.tokens) or len(label) < 2 or s.norms[q] != label[-1] or label[-1] in normalize(m.surface).split():
        return m
    b = s.tokens[q]
    return evolve(m, end=b.index + 1, char_end=b.end, surface=text[m.char_start:b.end])


def _with_titled_persons(s: Sentence, kb: KnowledgeBase, text: str, found: list[Mention],
                         inside: set[int]) -> tuple[list[Mention], list[Mention]]:
    """The names found with the roles their titles give, and the new persons titles introduce
    (a place's name read as a person's drops: "الأمير نايف بن أحمد"; a name inside a facility's
    or a base's is no person: "مطار الملكة علياء", "قاعدة الأمير سلطان الجوية")."""
    with_roles = pattern_mentions(s, kb, text, found)
    listed = listed_ministers(s, kb, text, found)
    if listed:
        taken = covered_tokens(with_roles)
        with_roles += [m for m in listed if taken.isdisjoint(range(m.start, m.end)) or m.source == MentionSource.GAZETTEER]
    if not with_roles:  # most sentences: no title before a name
        return list(found), []
    role_by_start = {m.start: m for m in with_roles if m.source == MentionSource.GAZETTEER}
    out = [role_by_start.get(m.start, m) for m in found]
    persons = [m for m in with_roles if m.source == MentionSource.PATTERN and inside.isdisjoint(range(m.start, m.end))]
    if persons:
        taken = covered_tokens(persons)
        out = [m for m in out if taken.isdisjoint(range(m.start, m.end))]
        out.extend(persons)
    return out, persons


HAMZAS = {"\u0623", "\u0625", "\u0622", "\u0624", "\u0626"}  # hamza on alef (above, below, madda), waw, ya


TA_MARBUTA, HA = "\u0629", "\u0647"


def _hamza_inside(m: Mention, kb: KnowledgeBase) -> bool:
    """'ترأس' (chaired) is not 'تراس' (Truss): a one-word name the text writes with a hamza inside
    that the known name has not is another word (normalization folds the two together); nor is
    'وجده' (found it) or 'جدّه' (his grandfather) 'جدة' (Jeddah): a place whose name ends in ة
    written with ه is a word with a pronoun."""
    if m.end - m.start != 1:
        return False
    place = m.type in ("Place", "State") and m.surface.endswith(HA)
    if not place and (m.type != "Person" or HAMZAS.isdisjoint(m.surface[1:])):
        return False
    entry = kb.entries[m.entity_id]
    names = [n for n in (entry.ar, *entry.aliases) if " " not in n]
    if place:
        return any(n.endswith(TA_MARBUTA) for n in names)  # its ه spelling too is a word
    return not any(not HAMZAS.isdisjoint(n[1:]) for n in names)


# the letters Arabic writes a foreign g or k with (ق غ ج ك), folded to one to compare spellings
_G_K = str.maketrans({"\u0642": "\u0643", "\u063a": "\u0643", "\u062c": "\u0643"})


def _spelt_alike(a: str, b: str) -> bool:
    """'هاقان' and 'هاكان' (Hakan): one foreign name in two transliterations."""
    return a != b and len(a) > 2 and a.translate(_G_K) == b.translate(_G_K)


#: endings of a feminine or plural noun (normalized: ة is ه) that an adjective like السعودية agrees with
_FEMININE_ENDS = ("ه", "ات")


def _state_adjective(m: Mention, s: Sentence, kb: KnowledgeBase) -> bool:
    """'السفارة السعودية', 'القيادة السعودية': a state's name that is also its own adjective
    (السعودية, Saudi Arabia and "Saudi") after a definite feminine noun is the adjective, not the
    state; after a verb's subject ('زار الرئيس الأمريكي السعودية') it is the state."""
    if m.type != "State" or m.end - m.start != 1:
        return False
    p = s.position(m.start)
    before = s.norms[p - 1] if p > 0 else ""
    return p > 0 and kb.nationality.get(s.norms[p]) == m.entity_id and before not in kb.words("name_stops") \
        and before not in kb.nationality \
        and any(f.startswith("ال") and f.endswith(_FEMININE_ENDS) for f in stems(before))  # "والقيادة" too


def _another_body(m: Mention, s: Sentence, kb: KnowledgeBase) -> bool:
    """'مجلس التعاون الاستراتيجي الكيني الأوغندي' is not the GCC: a body's short name followed by a
    state's adjective or a qualifier of its own names another body."""
    if m.type != "Organization" or normalize(m.surface) == normalize(kb.entries[m.entity_id].ar):
        return False
    q = s.position(m.end)
    return q < len(s.tokens) and (s.norms[q] in kb.nationality or s.norms[q] in kb.words("other_body_qualifiers"))


def _whole_name(m: Mention, s: Sentence, kb: KnowledgeBase, text: str) -> Mention:
    """A known person as the text names them: without a title the gazetteer wrote with the name
    ('الأمير فيصل بن فرحان' -> 'فيصل بن فرحان', so the title is read as one), and with the
    lineage the text adds ('فيصل بن فرحان بن عبدالله')."""
    p, q = s.position(m.start), s.position(m.end)
    hit = kb.titles.match_at(s.norms, p, kb.titles.starts(s.norms[p]) or None)
    particles = kb.words("patronymic_particles")
    if hit and p + hit[0] < q - 1 and s.norms[p + hit[0]] not in particles:
        p += hit[0]  # but "سلطان بن عبدالعزيز" is a name: none begins with "بن"
    matched = q
    while q + 1 < len(s.tokens) and s.norms[q] in particles and s.norms[q + 1].isalpha():
        q += 2
    if q > matched and _other_lineage(s.norms[p:matched], s.norms[matched:q], kb.entries[m.entity_id].ar):
        a, b = s.tokens[p], s.tokens[q - 1]  # "محمد بن عبدالرحمن بن عبدالعزيز" is not "… آل ثاني"
        return evolve(m, start=a.index, end=b.index + 1, char_start=a.start, char_end=b.end,
                      surface=text[a.start:b.end], entity_id=None, source=MentionSource.PATTERN)
    label = normalize(kb.entries[m.entity_id].ar).split() if q - p == 1 and p else None
    label = label if label and list(s.norms[p:q]) == label[-1:] else None
    if label and len(label) == 2 and _spelt_alike(s.norms[p - 1], label[0]):
        p -= 1  # "هاقان فيدان" for the known "هاكان فيدان": the given name spelt another way
    elif label and len(label) == 2:
        p = _given_name_before(s, p, label[0], particles)
    if (p, q) == (s.position(m.start), s.position(m.end)):
        return m
    a, b = s.tokens[p], s.tokens[q - 1]
    return evolve(m, start=a.index, end=b.index + 1, char_start=a.start, char_end=b.end, surface=text[a.start:b.end])


def _other_lineage(matched, added, label: str) -> bool:
    """The lineage the text adds to a known person's short name goes another way than the known
    full name: 'محمد بن عبدالرحمن' + 'بن عبدالعزيز' against 'محمد بن عبد الرحمن آل ثاني'."""
    full, said = normalize(label).replace(" ", ""), "".join(matched)
    rest = full[len(said):] if full.startswith(said) else ""
    return bool(rest) and not rest.startswith("".join(added)) and not "".join(added).startswith(rest)


def _given_name_before(s: Sentence, p: int, given: str, particles) -> int:
    """Where a known person's name begins when the text puts their given name and a lineage
    before the family name the gazetteer knows ('عادل بن أحمد الجبير' for 'عادل الجبير'): at
    the given name, else at p."""
    k = p
    while k >= 3 and s.norms[k - 2] in particles and s.norms[k - 1].isalpha():
        k -= 2
    return k - 1 if k < p and s.norms[k - 1] == given else p


def _another_of_the_family(m: Mention, s: Sentence, kb: KnowledgeBase) -> bool:
    """'عقيلته أمينة أردوغان', 'والسيدة الأولى جيل بايدن': a known person's family name after a
    title and another given name is someone else of that family."""
    p = s.position(m.start)
    if m.end - m.start != 1 or p < 2 or not kb.titles.can_match(s):  # no title in the sentence: none before
        return False
    label, given = normalize(kb.entries[m.entity_id].ar).split(), s.norms[p - 1]
    if len(label) < 2 or s.norms[p] != label[-1] or given in label or not given.isalpha() or given.startswith("ال") \
            or given in kb.words("name_stops") or given in kb.words("name_first_word_stops") \
            or _spelt_alike(given, label[0]) or similarity(given, label[0]) >= 0.5:  # the letter pairs last
        return False
    for k in range(max(0, p - 4), p - 1):
        hit = kb.titles.match_at(s.norms, k, kb.titles.starts(s.norms[k]) or None)
        if hit and k + hit[0] == p - 1:
            return True
    return False


def _capital_named_as_state(m: Mention, s: Sentence, kb: KnowledgeBase, p: int) -> Mention:
    """'بالعاصمة الجزائر', 'في العاصمة الكويت': a state's name after the word "capital", or in a
    dateline, is its capital city (named like the state), a place; and so is one the word follows
    as its apposition ('تونس العاصمة', 'إلى الكويت العاصمة'), not as a noun an adjective
    qualifies ('مصر العاصمة الإدارية': another city)."""
    if not capital_word_follows(s, p + m.end - m.start, kb) and not s.dateline_at(p, kb.words("dateline_header_links")) \
            and (not p or kb.words("capital_words").isdisjoint(stems(s.norms[p - 1]))):
        return m
    capital = kb.derived("capital_of_state", lambda: {e.capital_of: e.id for e in kb.entries.values()
                                                        if e.capital_of and e.type == "Place"}).get(m.entity_id)
    return evolve(m, entity_id=capital, type="Place") if capital else m


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
