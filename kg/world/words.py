"""The Arabic words kg.world's generators need, from ontologies/world_words.yaml (knowledge as
data: an expert edits the file, not the code)."""
from __future__ import annotations

from functools import lru_cache

from kg.knowledge import ONTOLOGY_DIR

WORDS_FILE = ONTOLOGY_DIR / "world_words.yaml"


@lru_cache(maxsize=1)
def _all_words() -> dict[str, list[str]]:
    import yaml

    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")) or {}


def world_words(key: str) -> tuple[str, ...]:
    """The word list KEY of world_words.yaml; a key the file lacks is an error naming both."""
    words = _all_words()
    if key not in words:
        raise KeyError(f"{WORDS_FILE}: no key {key!r}")
    return tuple(words[key])


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    import yaml

    return yaml.safe_load((WORDS_FILE.parent / "lexicon.yaml").read_text(encoding="utf-8")) or {}


def lexicon_words(key: str) -> tuple[str, ...]:
    """The word list KEY of lexicon.yaml, for a generator that needs the words the pipeline
    reads with (one list for both: the directions of region names)."""
    words = _lexicon()
    if key not in words:
        raise KeyError(f"{WORDS_FILE.parent / 'lexicon.yaml'}: no key {key!r}")
    return tuple(words[key])
