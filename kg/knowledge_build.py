"""Parse and index the knowledge files of ontologies/ into a KnowledgeBase (kg.knowledge_cache
keeps the result on disk; kg.knowledge.load_knowledge is the entry point)."""
from __future__ import annotations

import hashlib
from dataclasses import fields
from pathlib import Path

import yaml

from kg.knowledge import (SOURCES, TYPE_OF_SECTION, GazetteerEntry, KnowledgeBase, Office, PhraseIndex,
                          _role_key, norm_tokens)
from kg.lexicon_schema import validate_lexicon
from kg.text import normalize


def _entry(section: str, raw: dict) -> GazetteerEntry:
    offices = [Office(o["role"], o["of"], str(o["from"]), str(o["to"]) if o.get("to") else None)
               for o in raw.get("offices", [])]
    return GazetteerEntry(
        id=raw["id"], type=TYPE_OF_SECTION[section], ar=raw["ar"], en=raw.get("en"),
        aliases=list(raw.get("aliases", [])), wikidata=raw.get("wikidata"),
        affiliation=raw.get("affiliation"), offices=offices, roles=list(raw.get("roles", [])),
        capital_of=raw.get("capital_of"), located_in=raw.get("located_in"),
        operated_by=raw.get("operated_by"), kind=raw.get("kind"), subtype=raw.get("subtype"),
        lat=raw.get("lat"), long=raw.get("long"),
        context_names=frozenset(normalize(n) for n in raw.get("context_names", ())),
        noun_names=frozenset(normalize(n) for n in raw.get("noun_names", ())),
        qualified_names=frozenset(normalize(n) for n in raw.get("qualified_names", ())))


def build_knowledge(d: Path, texts: dict[str, str]) -> KnowledgeBase:
    """Parse the YAML sources and index them. `texts`: file name -> its text (those present)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 10x faster
    data = {name: yaml.load(text, Loader=loader) or {} for name, text in texts.items()}
    lexicon = validate_lexicon(data["lexicon.yaml"], d / "lexicon.yaml")
    entries: dict[str, GazetteerEntry] = {}
    names, towns = PhraseIndex(), PhraseIndex()
    heads = frozenset(normalize(h) for h in lexicon["joined_name_heads"])
    nationality: dict[str, str] = {}
    nationality_phrases = PhraseIndex()
    # priority when two entries share a name: the hand gazetteer, curated lists, states, cities
    for name in SOURCES:
        for section, items in _sections(data.get(name, {})):
            for raw in items:
                _merge(entries, _entry(section, raw))
                for adjective in raw.get("nationality", []):
                    _add_nationality(adjective, raw["id"], nationality, nationality_phrases)
    for name in SOURCES:
        for _, items in _sections(data.get(name, {})):
            for raw in items:
                e = entries[raw["id"]]
                for label in [e.ar, *e.aliases]:
                    index = towns if normalize(label) in e.qualified_names else names  # read apart
                    for spelling in compound_spellings(norm_tokens(label), heads):
                        index.add(spelling, e.id)
    titles = PhraseIndex()
    for t in lexicon["titles"]:
        titles.add(t, t)
    triggers = PhraseIndex()
    for kind, words in lexicon["meeting_triggers"].items():
        for w in words:
            triggers.add(w, kind)
    months = PhraseIndex()
    for number, words in lexicon["months"].items():
        for w in words:
            months.add(w, int(number))
    weekdays = {normalize(w): int(k) for k, ws in lexicon["weekdays"].items() for w in ws}
    version = hashlib.sha256("".join(texts[n] for n in sorted(texts)).encode()).hexdigest()[:16]
    synonyms = {_role_key(k): _role_key(v) for k, v in (data.get("offices.yaml", {}).get("role_synonyms") or {}).items()}
    return KnowledgeBase(entries, lexicon, names, titles, nationality, triggers, months,
                         weekdays, version, nationality_phrases, synonyms, towns)


def compound_spellings(tokens: tuple[str, ...], heads: frozenset[str]) -> list[tuple[str, ...]]:
    """A name's normalized tokens and, when it has a compound given name, the other spelling of
    it: 'عبد العزيز بوتفليقة' and 'عبدالعزيز بوتفليقة' (the news writes both)."""
    out = [tokens]
    for k, tok in enumerate(tokens):
        if tok in heads and k + 1 < len(tokens) and tokens[k + 1].startswith("ال"):
            out.append((*tokens[:k], tok + tokens[k + 1], *tokens[k + 2:]))
        head = next((h for h in heads if tok.startswith(h + "ال") and len(tok) > len(h) + 3), None)
        if head:
            out.append((*tokens[:k], head, tok[len(head):], *tokens[k + 1:]))
    return out


def _sections(data: dict):
    """(section, entries) of a knowledge file: the entity sections only (offices.yaml also has
    role_synonyms)."""
    return [(section, items or []) for section, items in data.items() if section in TYPE_OF_SECTION]


def _add_nationality(adjective: str, state: str, single: dict[str, str], phrases: PhraseIndex) -> None:
    """One-word adjectives go to the dict the recognizers read token by token; longer ones
    (الكوري الجنوبي) to a phrase index. The first state to claim a form keeps it."""
    toks = norm_tokens(adjective)
    if len(toks) == 1:
        single.setdefault(toks[0], state)
    elif toks and not phrases.match_at(list(toks), 0):
        phrases.add(toks, state)


def _merge(entries: dict[str, GazetteerEntry], new: GazetteerEntry) -> None:
    """Add an entry, or fold it into the one with its id loaded before (an earlier source wins
    for every field it sets; aliases, offices and roles are joined)."""
    old = entries.get(new.id)
    if old is None:
        entries[new.id] = new
        return
    for f in fields(GazetteerEntry):
        mine, theirs = getattr(old, f.name), getattr(new, f.name)
        if isinstance(mine, list):
            mine.extend(x for x in theirs if x not in mine and x != old.ar)
        elif isinstance(mine, frozenset):
            setattr(old, f.name, mine | theirs)
        elif mine is None and theirs is not None:
            setattr(old, f.name, theirs)
