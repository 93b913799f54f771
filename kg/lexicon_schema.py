"""The lexicon's schema: every key of ontologies/lexicon.yaml and what kind of value it holds.

The knowledge base checks the lexicon against it when it loads (kg.knowledge_build), so a key
misspelt in the file, or one a rule reads that the file lacks, is one error naming the key and
the file instead of a rule silently switched off. A key added to the lexicon is added here too;
tests/test_lexicon_schema.py checks every key is read somewhere in kg/, and docs/lexicon.md
says what each one is for.
"""
from __future__ import annotations

from pathlib import Path

from kg.vocab import BASE_KINDS, MEETING_KINDS

#: A list of words or phrases (strings), matched after normalization.
WORDS = "words"
#: Meeting kinds, most decisive first.
MEETING_KIND_LIST = "meeting kinds"
#: Meeting kind -> the words that say it.
BY_MEETING_KIND = "meeting kind -> words"
#: Base kind (AirBase, NavalBase) -> the words that say it.
BY_BASE_KIND = "base kind -> words"
#: Month number 1-12 -> its names.
BY_MONTH = "month number -> names"
#: Weekday number 0-6 (Monday 0) -> its names.
BY_WEEKDAY = "weekday number -> names"

#: Meeting kinds a trigger may give: the subclasses of kg:Meeting and kg:Meeting itself.
TRIGGER_KINDS = (*MEETING_KINDS, "Meeting")
#: The keys a mapping of each kind may have.
MAPPING_KEYS = {BY_MEETING_KIND: TRIGGER_KINDS, BY_BASE_KIND: BASE_KINDS,
                BY_MONTH: tuple(range(1, 13)), BY_WEEKDAY: tuple(range(7))}

LEXICON_SCHEMA: dict[str, str] = {
    "titles": WORDS,
    "title_prefixes": WORDS,
    "spokesman_links": WORDS,
    "honorifics": WORDS,
    "title_words_in_names": WORDS,
    "single_name_titles": WORDS,
    "standalone_titles": WORDS,
    "same_office_heads": WORDS,
    "title_epithets": WORDS,
    "deputy_titles": WORDS,
    "former_markers": WORDS,
    "envoy_titles": WORDS,
    "envoy_prepositions": WORDS,
    "state_forms": WORDS,
    "state_qualifiers": WORDS,
    "title_qualifiers": WORDS,
    "head_of_state_roles": WORDS,
    "counterpart_words": WORDS,
    "pair_anaphors": WORDS,
    "pair_title": WORDS,
    "pair_title_words": WORDS,
    "name_introducers": WORDS,
    "meeting_triggers": BY_MEETING_KIND,
    "pronoun_triggers": WORDS,
    "pronoun_honorifics": WORDS,
    "accompaniment_markers": WORDS,
    "visit_destination_links": WORDS,
    "visit_verb_stems": WORDS,
    "travel_triggers": WORDS,
    "during_words": WORDS,
    "where_words": WORDS,
    "origin_words": WORDS,
    "counterpart_prepositions": WORDS,
    "anaphoric_encounters": WORDS,
    "anaphoric_openers": WORDS,
    "anaphoric_containers": WORDS,
    "welcome_phrases": WORDS,
    "airport_words": WORDS,
    "return_words": WORDS,
    "return_links": WORDS,
    "location_descriptors": WORDS,
    "host_verbs": WORDS,
    "pair_state_words": WORDS,
    "kind_priority": MEETING_KIND_LIST,
    "delegation_words": WORDS,
    "attendance_markers": WORDS,
    "sideline_markers": WORDS,
    "sideline_gatherings": WORDS,
    "before_event_phrases": WORDS,
    "elapsed_openers": WORDS,
    "elapsed_durations": WORDS,
    "elapsed_links": WORDS,
    "complementizers": WORDS,
    "speech_verbs": WORDS,
    "since_words": WORDS,
    "participant_list_markers": WORDS,
    "topic_heads": WORDS,
    "planned_markers": WORDS,
    "interview_markers": WORDS,
    "repetition_markers": WORDS,
    "non_participant_heads": WORDS,
    "organization_heads": WORDS,
    "state_body_heads": WORDS,
    "construct_chain_heads": WORDS,
    "construct_chain_board_words": WORDS,
    "definite_only_organization_heads": WORDS,
    "qualified_organization_heads": WORDS,
    "qualified_head_adjectives": WORDS,
    "state_body_heads_alone": WORDS,
    "office_held_heads": WORDS,
    "portfolio_heads": WORDS,
    "name_list_openers": WORDS,
    "portfolio_body_words": WORDS,
    "media_status_words": WORDS,
    "forces_nouns": WORDS,
    "organization_adjectives": WORDS,
    "generic_bodies": WORDS,
    "body_owner_words": WORDS,
    "place_named_heads": WORDS,
    "seatless_body_heads": WORDS,
    "seat_words": WORDS,
    "body_complement_stops": WORDS,
    "other_body_qualifiers": WORDS,
    "body_name_stops": WORDS,
    "media_heads": WORDS,
    "media_heads_bare": WORDS,
    "media_heads_named_after_places": WORDS,
    "media_descriptors": WORDS,
    "agency_name_ends": WORDS,
    "media_name_stops": WORDS,
    "place_heads": WORDS,
    "place_heads_bare": WORDS,
    "city_heads": WORDS,
    "city_part_words": WORDS,
    "facility_heads": WORDS,
    "facility_adjectives": WORDS,
    "landmark_heads": WORDS,
    "owned_facility_heads": WORDS,
    "facility_owner_adjectives": WORDS,
    "place_name_stops": WORDS,
    "named_after_heads": WORDS,
    "latin_letter_names": WORDS,
    "base_words": WORDS,
    "base_words_with_kind": WORDS,
    "military_adjectives": WORDS,
    "base_generic_words": WORDS,
    "described_base_heads": WORDS,
    "base_describers": WORDS,
    "base_kinds": BY_BASE_KIND,
    "base_location_links": WORDS,
    "ownership_verbs": WORDS,
    "treaty_words": WORDS,
    "treaty_topic_links": WORDS,
    "treaty_batch_words": WORDS,
    "count_words": WORDS,
    "signing_verbs": WORDS,
    "refusal_words": WORDS,
    "letter_nouns": WORDS,
    "sender_links": WORDS,
    "envoy_of_words": WORDS,
    "on_behalf_words": WORDS,
    "presence_markers": WORDS,
    "contrast_words": WORDS,
    "deceased_heads": WORDS,
    "receive_verbs": WORDS,
    "addressee_links": WORDS,
    "treaty_participles": WORDS,
    "treaty_party_links": WORDS,
    "treaty_name_stops": WORDS,
    "name_particles": WORDS,
    "kunya_particles": WORDS,
    "patronymic_particles": WORDS,
    "joined_name_heads": WORDS,
    "day_parts": WORDS,
    "family_particles": WORDS,
    "departure_verbs": WORDS,
    "pronoun_suffixes": WORDS,
    "capital_words": WORDS,
    "gathering_nouns": WORDS,
    "base_building_words": WORDS,
    "base_intent_verbs": WORDS,
    "city_epithets": WORDS,
    "dateline_header_links": WORDS,
    "facility_staff_words": WORDS,
    "base_announce_verbs": WORDS,
    "stationed_words": WORDS,
    "conversation_nouns": WORDS,
    "direction_words": WORDS,
    "local_ruler_titles": WORDS,
    "name_inner_stops": WORDS,
    "recipient_words": WORDS,
    "plural_titles": WORDS,
    "name_stops": WORDS,
    "name_first_word_stops": WORDS,
    "names_spelt_like_stops": WORDS,
    "locative_words": WORDS,
    "months": BY_MONTH,
    "weekdays": BY_WEEKDAY,
    "month_past": WORDS,
    "month_current": WORDS,
    "today_words": WORDS,
    "yesterday_words": WORDS,
    "recent_words": WORDS,
    "year_words": WORDS,
    "day_range_openers": WORDS,
    "day_range_links": WORDS,
    "date_clause_words": WORDS,
    "date_list_links": WORDS,
    "sentence_opening_prepositions": WORDS,}


class LexiconError(ValueError):
    """The lexicon does not follow LEXICON_SCHEMA; the message names the file and the key."""


def validate_lexicon(lexicon: object, path: Path | str) -> dict:
    """The lexicon, checked: every schema key present, no other key, each value of its kind."""
    if not isinstance(lexicon, dict):
        raise LexiconError(f"{path}: the lexicon is not a mapping of keys to word lists")
    unknown = [k for k in lexicon if k not in LEXICON_SCHEMA]
    if unknown:
        raise LexiconError(f"{path}: unknown lexicon key {unknown[0]!r} (the keys are listed in "
                           "kg/lexicon_schema.py and docs/lexicon.md)")
    missing = [k for k in LEXICON_SCHEMA if k not in lexicon]
    if missing:
        raise LexiconError(f"{path}: lexicon key {missing[0]!r} is missing")
    for key, kind in LEXICON_SCHEMA.items():
        problem = _problem(lexicon[key], kind)
        if problem:
            raise LexiconError(f"{path}: lexicon key {key!r}: {problem}")
    return lexicon


def _problem(value: object, kind: str) -> str | None:
    """What is wrong with a value of `kind`, or None."""
    if kind == WORDS:
        return _words_problem(value)
    if kind == MEETING_KIND_LIST:
        bad = _words_problem(value) or next((f"{k!r} is no meeting kind" for k in value if k not in TRIGGER_KINDS), None)
        return bad
    if not isinstance(value, dict) or not value:
        return f"expected a mapping ({kind})"
    allowed = MAPPING_KEYS[kind]
    for k, words in value.items():
        if k not in allowed:
            return f"{k!r} is not one of {', '.join(map(str, allowed))}"
        problem = _words_problem(words)
        if problem:
            return f"{k}: {problem}"
    return None


def _words_problem(value: object) -> str | None:
    if not isinstance(value, list) or not value:
        return "expected a non-empty list of words"
    bad = next((w for w in value if not isinstance(w, str) or not w.strip()), None)
    return None if bad is None else f"{bad!r} is not a word"
