"""The knowledge base: gazetteer and lexicons from ontologies/, indexed for matching."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.phrase_index import PhraseIndex, StemForms, norm_tokens  # noqa: F401  (kg.knowledge's names)
from kg.text import normalize, stems

#: The checkout's ontologies/ (editable installs, `make build`); an installed wheel carries a copy
#: inside the package (setup.py's build step), since a wheel installs no folder beside kg/.
_CHECKOUT_ONTOLOGIES = Path(__file__).resolve().parent.parent / "ontologies"
ONTOLOGY_DIR = _CHECKOUT_ONTOLOGIES if _CHECKOUT_ONTOLOGIES.is_dir() else Path(__file__).resolve().parent / "ontologies"
TYPE_OF_SECTION = {"states": "State", "persons": "Person", "organizations": "Organization",
                   "places": "Place", "bases": "MilitaryBase", "cities": "Place", "regions": "Place"}
#: The knowledge files, by priority (the earlier file's entry wins a shared name; entries of one id
#: merge, the earlier file's fields first): gazetteer.yaml by hand, organizations.yaml and
#: offices.yaml curated, the others generated from CLDR and GeoNames by `python -m kg.world`.
SOURCES = ("gazetteer.yaml", "organizations.yaml", "offices.yaml", "states.yaml", "regions.yaml", "cities.yaml")
#: Every file whose text the knowledge base is built from (its version and cache key).
KNOWLEDGE_FILES = ("lexicon.yaml", *SOURCES)


@dataclass
class Office:
    role: str
    of: str
    start: str
    end: str | None

    def covers(self, date: str) -> bool:
        """Was the office held on `date` (ISO, any precision: '2020', '2020-01', '2020-01-07')?"""
        return self.start[:len(date)] <= date and (self.end is None or date <= self.end[:len(date)])


@dataclass
class GazetteerEntry:
    id: str
    type: str
    ar: str
    en: str | None = None
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    affiliation: str | None = None
    offices: list[Office] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    capital_of: str | None = None
    located_in: str | None = None
    operated_by: str | None = None
    kind: str | None = None
    subtype: str | None = None
    lat: float | None = None        # WGS84, places and bases
    long: float | None = None
    context_names: frozenset[str] = frozenset()  # normalized names read as this place only in context
    noun_names: frozenset[str] = frozenset()  # normalized names that are nouns too: no place in construct
    qualified_names: frozenset[str] = frozenset()  # normalized names read only before the state's adjective


class _Memo(dict):
    """A dict that computes and keeps the value of a key it does not have yet."""

    def __init__(self, compute) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key):
        value = self[key] = self.compute(key)
        return value


@dataclass
class KnowledgeBase:
    entries: dict[str, GazetteerEntry]
    lexicon: dict
    names: PhraseIndex                 # gazetteer labels/aliases -> entry id
    titles: PhraseIndex                # role titles -> canonical title
    nationality: dict[str, str]        # normalized adjective -> state id
    triggers: PhraseIndex              # meeting trigger -> kind
    months: PhraseIndex                # month name -> number
    weekdays: dict[str, int]
    version: str
    nationality_phrases: PhraseIndex = field(default_factory=PhraseIndex)  # الكوري الجنوبي -> state id
    role_synonyms: dict[str, str] = field(default_factory=dict)  # رئيس الحكومة -> رئيس الوزراء (normalized)
    towns: PhraseIndex = field(default_factory=PhraseIndex)  # far towns' qualified names -> entry id
    _cache: dict = field(default_factory=dict, repr=False, compare=False)
    _words: dict = field(default_factory=dict, repr=False, compare=False)

    def derived(self, key, compute):
        """Something computed from the knowledge base once, then kept with it (word sets, memos)."""
        try:
            return self._cache[key]  # no exception is the common case, and costs nothing to try
        except KeyError:
            cached = self._cache[key] = compute()
        return cached

    def word_list(self, key: str) -> list[str]:
        """A lexicon word list as written; a key the schema lacks is an error, never an empty list
        (a misspelt key would switch a rule off without a word)."""
        from kg.lexicon_schema import LEXICON_SCHEMA, WORDS, LexiconError

        if LEXICON_SCHEMA.get(key) != WORDS:
            raise LexiconError(f"kg reads lexicon key {key!r}, which kg/lexicon_schema.py has no word list for")
        return self.lexicon[key]

    def words(self, key: str) -> frozenset[str]:
        """A lexicon word list, normalized (kept in a dict of its own: the rules ask for word lists
        half a million times a thousand articles, in their innermost loops)."""
        try:
            return self._words[key]
        except KeyError:
            found = self._words[key] = frozenset(normalize(w) for w in self.word_list(key))
        return found

    def stem_forms(self, key: str) -> StemForms:
        """token -> its forms in a lexicon word list, memoized."""
        found = self._cache.get(("stem_forms", key))
        if found is None:
            found = self._cache["stem_forms", key] = StemForms(self.words(key))
        return found

    def date_words(self) -> frozenset[str]:
        """Every word that can start a date: month names (first word), weekdays, relative words."""
        def compute() -> frozenset[str]:
            words = {norm_tokens(w)[0] for ws in self.lexicon["months"].values() for w in ws}
            words |= set(self.weekdays) | self.words("day_range_openers")
            for key in ("today_words", "yesterday_words", "recent_words"):
                words |= {norm_tokens(w)[0] for w in self.word_list(key)}
            return frozenset(words)

        return self.derived("date_words", compute)

    def located_in(self) -> dict[str, str]:
        """place or base id -> the place or state it lies in (a capital: its state)."""
        return self.derived("located_in", lambda: {e.id: e.located_in or e.capital_of for e in self.entries.values()
                                                   if e.located_in or e.capital_of})

    def date_starts(self) -> dict[str, bool]:
        """token -> whether a date can start there (a number or a date word), memoized."""
        def compute() -> _Memo:
            relevant = self.date_words()
            return _Memo(lambda norm: norm[:1].isdigit() or any(f in relevant for f in stems(norm)))

        return self.derived("date_starts", compute)

    def relative_date_words(self) -> dict[str, tuple[str, int | None] | None]:
        """token -> the relative date it names, memoized: ("weekday", its number), ("today", None),
        ("yesterday", None), ("recent", None), or None for any other word."""
        def compute() -> _Memo:
            lists = [(kind, self.words(f"{kind}_words")) for kind in ("today", "yesterday", "recent")]

            def named(norm: str) -> tuple[str, int | None] | None:
                forms = stems(norm)
                weekday = next((self.weekdays[f] for f in forms if f in self.weekdays), None)
                if weekday is not None:
                    return "weekday", weekday
                return next(((kind, None) for kind, words in lists if any(f in words for f in forms)), None)

            return _Memo(named)

        return self.derived("relative_date_words", compute)

    def date_word_lists(self) -> dict[str, frozenset[str]]:
        """The words the date grammar reads after a month name, by lexicon key (relative words that
        stand alone are in relative_date_words)."""
        return self.derived("date_word_lists", lambda: {k: self.words(k) for k in (
            "month_past", "month_current", "year_words")})

    def phrases(self, key: str) -> PhraseIndex:
        """A lexicon phrase list as a matcher."""
        found = self._cache.get(("phrases", key))
        if found is None:
            found = PhraseIndex()
            for w in self.word_list(key):
                found.add(w, w)
            self._cache["phrases", key] = found
        return found

    def holders(self, role: str, state: str, date: str) -> list[str]:
        """Who held `role` for `state` on `date` (ISO, any precision)."""
        offices = self.derived("offices", self._offices_by_role)
        role_n = _role_key(role)
        words = role_n.split()
        keys = [role_n]
        if len(words) == 2 and not words[1].startswith("\u0627\u0644"):
            # "وزير خارجية المغرب", "رئيس وزراء بريطانيا": the construct names the office "وزير الخارجية"
            keys.append(words[0] + " \u0627\u0644" + words[1])
        for key in keys:
            key = self.role_synonyms.get(key, key)
            found = sorted({holder for holder, o in offices.get((key, state), ()) if o.covers(date)})
            if found:
                return found
        return []

    def _offices_by_role(self) -> dict[tuple[str, str], list[tuple[str, Office]]]:
        """(normalized role without ال, state id) -> (holder id, office): the few thousand
        entries with offices, not every city, are looked at per question."""
        index: dict[tuple[str, str], list[tuple[str, Office]]] = {}
        for e in self.entries.values():
            for o in e.offices:
                role = _role_key(o.role)
                index.setdefault((self.role_synonyms.get(role, role), o.of), []).append((e.id, o))
        return index


def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """The knowledge base of an ontologies folder: from the compiled cache when its sources are
    unchanged (see kg.knowledge_cache), else parsed and indexed, then cached."""
    return _load(str(Path(directory or ONTOLOGY_DIR).resolve()))


@lru_cache(maxsize=4)
def _load(directory: str) -> KnowledgeBase:
    from kg.knowledge_build import build_knowledge
    from kg.knowledge_cache import cached

    return cached(Path(directory), build_knowledge)


def _role_key(role: str) -> str:
    """How offices are compared: normalized, without the article (الرئيس = رئيس)."""
    return normalize(role).removeprefix("ال")
