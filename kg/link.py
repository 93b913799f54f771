"""Linking: mentions become entities, one per real-world thing within a document.

Gazetteer mentions take the gazetteer's id; a capital used for its government becomes the
state; new names get an id derived from their normalized form, and a later short form
(`بيسكوف`) joins the full name (`دميتري بيسكوف`). Role descriptions resolve to the office
holder at the time the sentence speaks of.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import attrgetter

from kg.bare_titles import carry_titles, note_office_spoken_of, note_titles, one_so_titled_before
from kg.homonyms import (before_its_state_adjective, facility_of, noun_in_construct, homonym_states, is_locative,
                         names_an_agreement, reads_as_place, name_without_city_word, seat_as_venue, spoken_of,
                         written_as_adverb)
from kg.knowledge import KnowledgeBase, PhraseIndex, norm_tokens
from kg.model import Entity, Mention, MentionSource, evolve
from kg.text import Sentence, normalize, quoted_names

_TRANSLIT = str.maketrans({
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ء": "", "ئ": "y", "ؤ": "w", " ": "-",
})


def slug(name: str) -> str:
    """A stable, readable id for a name the gazetteer does not know."""
    s = normalize(name).translate(_TRANSLIT)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_") or "entity"


@lru_cache(maxsize=4096)
def _normalized_role(role: str) -> str:
    return normalize(role)


class DocumentLinker:
    """Links the mentions of one document; holds the document's entities as it goes."""

    def __init__(self, kb: KnowledgeBase, doc_id: str):
        self.kb = kb
        self.doc_id = doc_id
        self.entities: dict[str, Entity] = {}
        self.titled_at: dict[tuple[str, str], int] = {}  # (entity id, title) -> where first so titled

    def entity(self, entity_id: str, type_: str, label: str) -> Entity:
        e = self.entities.get(entity_id)
        if e is None:
            entry = self.kb.entries.get(entity_id)
            e = Entity(entity_id, type_, entry.ar if entry else label,
                       label_en=entry.en if entry else None,
                       wikidata=entry.wikidata if entry else None,
                       subtype=entry.subtype if entry else None,
                       affiliation=entry.affiliation if entry else None,
                       documents={self.doc_id},
                       located_in=entry.located_in if entry else None,
                       lat=entry.lat if entry else None, long=entry.long if entry else None)
            self.entities[entity_id] = e
        return e

    def add_surface(self, e: Entity, surface: str) -> None:
        surface = surface.strip()
        e.mentions += 1
        if surface and surface != e.label_ar and normalize(surface) != normalize(e.label_ar):
            e.alt_labels.add(surface)

    def link_named(self, mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
        """Gazetteer, pattern and Stanza mentions -> mentions carrying entity ids."""
        by_index = {s.index: s for s in sentences}
        linked: list[Mention] = []
        homonyms = homonym_states(self.kb)
        in_bases = {i for m in mentions if m.type == "MilitaryBase" for i in range(m.start, m.end)}
        for m in sorted(sorted(mentions, key=attrgetter("end"), reverse=True), key=attrgetter("start")):  # in C
            if m.type == "Place" and m.start in in_bases:
                continue  # 'قاعدة "ميناء زايد"': the base's name, as a known place inside it is
            entry = self.kb.entries.get(m.entity_id) if m.entity_id else None
            other = homonyms.get(entry.id) if entry else None
            if other:
                # "عمان": Oman, or Amman for Jordan, by the state the article speaks of more; named
                # as an actor it is the state itself unless the article is about Jordan
                said = spoken_of(self.kb, sentences, mentions, {other, entry.capital_of})
                locative = is_locative(m, by_index[m.sentence], self.kb)
                if said[other] > said[entry.capital_of] or (not locative and said[other] == said[entry.capital_of]):
                    entry = self.kb.entries[other]
                    m = evolve(m, entity_id=other, type="State")
            if entry is None and m.type == "Place" and m.source == MentionSource.PATTERN:
                m = self._city_by_its_name(m, by_index[m.sentence])
            if entry and entry.type in ("Place", "State") and written_as_adverb(m, by_index[m.sentence]):
                continue  # "رئيسا إفريقياً": an adjective, no place
            if entry and entry.type == "Place" and (
                    names_an_agreement(m, by_index[m.sentence], self.kb)
                    or normalize(m.surface) in entry.context_names and not reads_as_place(m, by_index[m.sentence], self.kb)
                    or normalize(m.surface) in entry.noun_names and noun_in_construct(m, by_index[m.sentence], self.kb)):
                continue  # "اتفاق أوسلو"; "اللون الرمادي" (Ramadi's name read as the word "grey"); "مشهد الاحتفال"
            if entry and entry.subtype == "government" and seat_as_venue(m, by_index[m.sentence], self.kb):
                building = facility_of(sentences, entry.ar, self.kb)  # the building
                m, entry = evolve(m, entity_id=slug(building) if building else f"{entry.id}_seat", type="Place"), None
            if entry and entry.capital_of and not is_locative(m, by_index[m.sentence], self.kb):
                state = self.kb.entries[entry.capital_of]
                e = self.entity(state.id, state.type, state.ar)
                self.add_surface(e, m.surface)
                linked.append(evolve(m, entity_id=state.id, type="State"))
                continue
            if entry:  # most mentions: an entity of the document already (a look-up, not a call)
                e = self.entities.get(entry.id) or self.entity(entry.id, entry.type, entry.ar)
            elif m.entity_id in self.entities:
                e = self.entities[m.entity_id]
            else:
                e = self.entity(m.entity_id or slug(m.surface), m.type, m.surface)
            self.add_surface(e, m.surface)
            if e.type == "MilitaryBase":
                e.alt_labels.update(quoted_names(m.surface))  # 'قاعدة “بو ستة” البحرية': 'بو ستة' too
            if m.role:
                e.roles.update(m.role.split("\n"))  # a chain of titles: one role each
                note_titles(self, e.id, m.role.split("\n"), m.start)
            if m.affiliation and e.type in ("Person", "Organization"):
                e.affiliation = e.affiliation or m.affiliation
            if e.type != "MilitaryBase":  # a base's kind is its class, not a subtype
                e.subtype = e.subtype or m.subtype
            # a known name already carries its id: the mention itself (frozen) serves, not a copy
            linked.append(m if m.entity_id == e.id else evolve(m, entity_id=e.id))
        return linked

    def _city_by_its_name(self, m: Mention, sentence: Sentence) -> Mention:
        """'مدينة سمرقند' is سمرقند (kg.homonyms.name_without_city_word); before its state's
        adjective, the far town of that name ('مدينة بازل السويسرية', kg.towns)."""
        name = name_without_city_word(m.surface, self.kb)
        town = self.kb.towns.match_at(list(norm_tokens(name)), 0) if name else None
        town_id = town[1] if town and town[0] == len(name.split()) and before_its_state_adjective(
            sentence, sentence.position(m.end), self.kb.entries[town[1]].located_in, self.kb) else None
        return evolve(m, surface=name, entity_id=town_id or slug(name)) if name else m

    def fold_same_persons(self, linked: list[Mention]) -> list[Mention]:
        """'بدر البوسعيدي' and 'بدر بن حمد البوسعيدي', 'حسين أمير عبد اللهيان' and '… عبداللهيان' in
        one article: new persons with the same first and last name (or the same letters) are one."""
        new = [e for e in self.entities.values() if e.type == "Person" and e.id not in self.kb.entries]
        if len(new) < 2:
            return linked
        def keys(e):
            words = normalize(e.label_ar).split()
            return {"".join(words), (words[0], words[-1]) if len(words) > 1 else None} - {None}
        into: dict[str, str] = {}
        for e in sorted(new, key=lambda e: -len(e.label_ar)):
            host = next((o for o in new if o.id != e.id and o.id not in into and len(o.label_ar) > len(e.label_ar)
                         and keys(o) & keys(e)), None)
            if host is not None:
                into[e.id] = host.id
        return self._fold(linked, into)

    def fold_overread_names(self, linked: list[Mention]) -> list[Mention]:
        """'للرئيس رئيسي بموفور الصحة' after 'إبراهيم رئيسي': a two-word name read after a title whose
        first word is another person's short name (family name, or given name before بن) is that
        person, and the word after it no name; so is a name read once that is another person's
        whole name and one word more ('السفير لي مينغ أكد بلاده' after 'السيد لي مينغ')."""
        if not any(m.source == MentionSource.PATTERN and m.type == "Person" for m in linked):
            return linked  # most articles: every person known
        persons = [e for e in self.entities.values() if e.type == "Person"]
        short: dict[tuple[str, ...], set[str]] = {}
        for e in persons:
            words = normalize(e.label_ar).split()
            if len(words) > 1:
                short.setdefault((words[-1],), set()).add(e.id)
                if words[1] in self.kb.words("patronymic_particles"):
                    short.setdefault((words[0],), set()).add(e.id)
                for name in {e.label_ar, *e.alt_labels}:
                    short.setdefault(tuple(normalize(name).split()), set()).add(e.id)
        into: dict[str, tuple[str, int]] = {}
        for m in linked:
            if m.source != MentionSource.PATTERN:
                continue  # only a title pattern reads a name past its end
            words = normalize(m.surface).split()
            e = self.entities.get(m.entity_id or "")
            if len(words) >= 2 and e and e.mentions == 1 and m.entity_id not in into:
                owners = short.get(tuple(words[:-1]), set()) - {m.entity_id}
                if len(owners) == 1 and (len(words) == 2 or owners <= {e.id for e in persons if len(
                        normalize(e.label_ar).split()) == len(words) - 1}):
                    into[m.entity_id] = (owners.pop(), len(words) - 1)
        if not into:
            return linked
        for short_id in into:
            self.entities.pop(short_id)
        out = []
        for m in linked:
            if m.entity_id in into:
                host, keep = into[m.entity_id]
                surface = " ".join(m.surface.split()[:keep])
                m = evolve(m, entity_id=host, end=m.start + keep, surface=surface, char_end=m.char_start + len(surface))
            out.append(m)
        return out

    def drop_retitled(self, linked: list[Mention]) -> list[Mention]:
        """'الرئيس الكيني يبحث مع نظيره الأوغندي أمن الحدود', 'ومعالي رئيس وزراء الهند الصديقة
        احتفل البلدان': a title another person of the article holds, for the same state, names
        that person again (one the gazetteer knows or one named before); the words read after it
        once are no new person. Only a title naming a state counts: "الوزير" may be anyone."""
        candidates = [m for m in linked if m.source == MentionSource.PATTERN and m.role and m.affiliation
                      and self._names_a_state(m.role.split("\n")[-1])]  # the title before the name: not "نظيره الأوغندي الرئيس X"
        if not candidates:
            return linked
        first: dict[str, int] = {}
        for m in linked:
            first[m.entity_id or ""] = min(m.start, first.get(m.entity_id or "", m.start))
        holders: dict[str, set[str]] = {}
        for e in self.entities.values():
            if e.type == "Person":
                for r in e.roles:
                    holders.setdefault(r, set()).add(e.id)
        drop = set()
        for m in candidates:
            e = self.entities.get(m.entity_id or "")
            if not e or e.mentions != 1 or e.id in self.kb.entries:
                continue
            if all(any(o in self.kb.entries or first.get(o, m.start) < m.start for o in holders.get(r, set()) - {e.id})
                   for r in m.role.split("\n")):
                drop.add(e.id)
        for entity_id in drop:
            self.entities.pop(entity_id)
        return [m for m in linked if m.entity_id not in drop]

    def _fold(self, linked: list[Mention], into: dict[str, str]) -> list[Mention]:
        """Entities in `into` join their host: mentions, names, roles, affiliation."""
        for short, long in into.items():
            e, host = self.entities.pop(short), self.entities[long]
            host.mentions += e.mentions
            host.alt_labels |= {e.label_ar} | e.alt_labels
            host.roles |= e.roles
            carry_titles(self, short, long)
            host.affiliation = host.affiliation or e.affiliation
        return [evolve(m, entity_id=into[m.entity_id]) if m.entity_id in into else m for m in linked]

    def fold_short_organizations(self, linked: list[Mention]) -> list[Mention]:
        """'مجلس التعاون' after 'مجلس التعاون لدول الخليج العربية' in one article: the shorter
        name of an organization the rules found is the organization (found or known) it begins."""
        orgs = [e for e in self.entities.values() if e.type == "Organization"]
        new = [e for e in orgs if e.id not in self.kb.entries]
        if not new or len(orgs) < 2:
            return linked
        names = {e.id: [normalize(n).split() for n in {e.label_ar, *e.alt_labels}] for e in orgs}
        into: dict[str, str] = {}
        for e in new:
            short = normalize(e.label_ar).split()
            longer = {o.id for o in orgs if o.id != e.id and o.id not in into and any(
                len(n) > len(short) and n[:len(short)] == short for n in names[o.id])}
            if len(longer) == 1:
                into[e.id] = longer.pop()
        return self._fold(linked, into)

    def short_forms(self, linked: list[Mention]) -> PhraseIndex:
        """Last names of persons new to the gazetteer, and the acronyms organizations were given
        ('(واس)'), to find their later short mentions. Only a title pattern's names give short
        forms: a name only the NER model read is not evidence enough to link a later bare word
        ('كورونا' after a model's 'بفيروس كورونا' made a meeting participant)."""
        index = PhraseIndex()
        for m in linked:
            if m.source == MentionSource.ACRONYM:
                index.add(tuple(normalize(m.surface).split()), m.entity_id)
                continue
            if m.type == "Person" and m.source in (MentionSource.PATTERN, MentionSource.GAZETTEER):
                words = normalize(m.surface).split()
                if len(words) > 2 and words[1] in self.kb.words("patronymic_particles") and len(words[0]) >= 3:
                    index.add((words[0],), m.entity_id)  # "الأمير سلطان" after "الأمير سلطان بن عبدالعزيز"
                if m.source != MentionSource.PATTERN:
                    continue  # a known person's other names are the gazetteer's
                particles = self.kb.words("name_particles")
                for k in range(1, len(words)):
                    tail = tuple(words[k:])
                    # "الدين" of "محمود محيي الدين", "الله" of "أحمد عبد الله": a particle alone or
                    # the word a compound's first part opens is a common word ("رجال الدين", "بإذن
                    # الله"), no short form (but "حسان" after "كمال الدين" is a family name)
                    opened = words[k - 1] in particles and not words[k - 1].startswith("ال") \
                        or words[k - 1] in self.kb.words("kunya_particles")
                    if opened or len(tail) == 1 and words[k] in particles:
                        continue
                    if len("".join(tail)) >= 4:
                        index.add(tail, m.entity_id)
        return index

    def resolve_role(self, m: Mention, date: str | None, context: list[Mention]) -> Mention | None:
        """A description ('الرئيس السوري', 'نظيره الروسي') -> the person holding that office."""
        role, state = m.role, m.affiliation
        if m.source == MentionSource.COUNTERPART:
            previous = [c for c in context if c.type == "Person" and c.entity_id and c.start < m.start]
            if not previous or not state:
                return None
            prev = previous[-1]
            role = self._office_of(prev, date)
            if role is None:
                return None
        if role and not state and m.source == MentionSource.ROLE:
            note_office_spoken_of(self, m, role)
            # "ولي العهد" after "ولي العهد … الأمير سلمان": the one person of the article so titled
            if m.end - m.start == 1:
                return one_so_titled_before(self, m, role)
            said = {e.id for e in self.entities.values() if e.type == "Person" and e.roles
                    and role in {_normalized_role(r) for r in e.roles}}
            return evolve(m, entity_id=said.pop()) if len(said) == 1 else None
        if not role or not state:
            return None
        base = self.role_core(role)
        # someone in this document already introduced with that title
        for e in self.entities.values():
            if e.type == "Person" and e.affiliation == state and any(
                    self.role_core(r) == base for r in e.roles):
                note_titles(self, e.id, [m.role], m.start)
                return evolve(m, entity_id=e.id)
        holders = self.kb.holders(base, state, date) if date else []
        if len(holders) != 1:
            return None
        entry = self.kb.entries[holders[0]]
        e = self.entity(entry.id, entry.type, entry.ar)
        e.mentions += 1
        if m.source == MentionSource.ROLE and m.role and m.surface != m.role:
            e.roles.add(m.surface)  # the description as written: "الرئيس السوري"
            note_titles(self, entry.id, [m.surface], m.start)
        return evolve(m, entity_id=entry.id)

    def _names_a_state(self, role: str) -> bool:
        """'الرئيس الأوغندي', 'وزير خارجية الأرجنتين' name a state; 'الرئيس', 'رئيس الوزراء' do not."""
        words = normalize(role).split()
        state_words = self.kb.derived("state_name_words", lambda: frozenset(
            ws[0] for e in self.kb.entries.values() if e.type == "State" for n in (e.ar, *e.aliases)
            for ws in [normalize(n).split()] if len(ws) == 1))  # one-word names: "المملكة" alone names no state
        return any(w in self.kb.nationality or w in state_words for w in words)

    def role_core(self, role: str) -> str:
        """'الرئيس الروسي' -> 'رئيس': the office without nationality or article."""
        words = [w for w in normalize(role).split()
                 if w not in self.kb.nationality and w not in self.kb.words("former_markers")]
        return " ".join(words).removeprefix("ال")

    def _office_of(self, m: Mention, date: str | None) -> str | None:
        if m.role:
            return m.role
        e = self.entities.get(m.entity_id or "")
        if e and e.roles:
            return sorted(e.roles, key=len)[0]
        entry = self.kb.entries.get(m.entity_id or "")
        if entry and entry.offices:
            if date:
                for o in entry.offices:
                    if o.covers(date):
                        return o.role
            return entry.offices[-1].role
        return None
