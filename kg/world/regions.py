"""World regions from CLDR (babel): the UN M49 regions with their Arabic names ('غرب أفريقيا',
'أمريكا الجنوبية', 'جنوب شرق آسيا'), so a region is a place of its own and not the state or the
continent its name begins with ('أمريكا الجنوبية' is not the United States)."""
from __future__ import annotations

from kg.text import normalize
from kg.world.words import lexicon_words, world_words

#: CLDR's numeric region codes that name no place a news story locates anything in: the world.
_NOT_A_PLACE = {"001"}


def _ascii_id(english: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in english.lower()).strip("_").replace("__", "_")


def _spellings(name: str) -> list[str]:
    """Other ways the news writes a region's name: the last of its leading direction words with
    its ي ('شرقي أفريقيا', 'جنوب شرقي آسيا'; lexicon direction_words: a direction whose ي form the
    list lacks, 'وسط', has none) and the spellings of a continent in world_words.yaml ('أميركا')."""
    words, directions = name.split(), set(lexicon_words("direction_words"))
    out = []
    lead = next((i for i, w in enumerate(words) if w not in directions), len(words))
    if 0 < lead < len(words) and words[lead - 1] + "ي" in directions:
        out.append(" ".join([*words[:lead - 1], words[lead - 1] + "ي", *words[lead:]]))
    for pair in world_words("continent_spellings"):
        a, b = pair.split("|")
        out += [n.replace(a, b) for n in [name, *out] if a in n]
    return [n for n in dict.fromkeys(out) if n != name]


def cldr_regions(known_names: set[str], known_ids: set[str]) -> list[dict]:
    """Place entries for the CLDR regions no hand-kept entry has (by `known_ids`, or a name in
    `known_names`, normalized): id, Arabic and English names, M49 code, other spellings."""
    from babel import Locale

    arabic, english = Locale("ar").territories, Locale("en").territories
    out = []
    for code in sorted(c for c in arabic if c.isdigit() and c not in _NOT_A_PLACE):
        name = arabic[code]
        if normalize(name) in known_names or _ascii_id(english[code]) in known_ids:
            continue  # the gazetteer's Africa, North Africa, Central Asia, Latin America
        aliases = [a for a in _spellings(name) if normalize(a) not in known_names]
        out.append({"id": _ascii_id(english[code]), "ar": name, "en": english[code], "m49": code,
                    "aliases": aliases})
    return out
