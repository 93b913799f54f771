"""The lexicon is checked on load against kg.lexicon_schema, and every key is read by kg."""
import re
import shutil
from pathlib import Path

import pytest
import yaml

from kg.knowledge import ONTOLOGY_DIR, load_knowledge
from kg.lexicon_schema import LEXICON_SCHEMA, LexiconError, validate_lexicon

KG_DIR = Path(__file__).resolve().parent.parent / "kg"


def _ontologies_with(tmp_path: Path, edit) -> Path:
    """A copy of ontologies/ whose lexicon.yaml went through `edit` (a function of its text)."""
    folder = tmp_path / "ontologies"
    shutil.copytree(ONTOLOGY_DIR, folder)
    lexicon = folder / "lexicon.yaml"
    lexicon.write_text(edit(lexicon.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def test_the_lexicon_follows_its_schema():
    lexicon = yaml.safe_load((ONTOLOGY_DIR / "lexicon.yaml").read_text(encoding="utf-8"))
    assert validate_lexicon(lexicon, "lexicon.yaml") is lexicon
    assert set(lexicon) == set(LEXICON_SCHEMA)


def test_a_misspelt_key_is_an_error_naming_the_key_and_the_file(tmp_path):
    folder = _ontologies_with(tmp_path, lambda t: t.replace("\nspeech_verbs:", "\nspeach_verbs:", 1))
    with pytest.raises(LexiconError, match=r"lexicon\.yaml: unknown lexicon key 'speach_verbs'") as err:
        load_knowledge(folder)
    assert str(folder) in str(err.value)


def test_a_missing_key_is_an_error_naming_it(tmp_path):
    folder = _ontologies_with(tmp_path, lambda t: re.sub(r"\nsince_words:[^\n]*", "", t, count=1))
    with pytest.raises(LexiconError, match="lexicon key 'since_words' is missing"):
        load_knowledge(folder)


def test_a_value_of_the_wrong_kind_is_an_error_naming_its_key(tmp_path):
    folder = _ontologies_with(tmp_path, lambda t: t.replace("\n  Summit: [", "\n  Sumit: [", 1))
    with pytest.raises(LexiconError, match="'meeting_triggers': 'Sumit' is not one of"):
        load_knowledge(folder)
    with pytest.raises(LexiconError, match="'since_words': expected a non-empty list"):
        validate_lexicon({**yaml.safe_load((ONTOLOGY_DIR / "lexicon.yaml").read_text(encoding="utf-8")),
                          "since_words": "منذ"}, "lexicon.yaml")


def test_a_word_list_kg_reads_must_be_in_the_schema():
    kb = load_knowledge()
    assert kb.words("since_words")
    with pytest.raises(LexiconError, match="'sinse_words'"):
        kb.words("sinse_words")


def test_every_lexicon_key_is_read_somewhere_in_kg():
    """A key no code reads is a word list an expert edits for nothing."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in KG_DIR.rglob("*.py") if p.name != "lexicon_schema.py")
    unread = [k for k in LEXICON_SCHEMA if not re.search(rf"[\"']{k}[\"']", code)]
    assert not unread


def test_kg_build_says_a_lexicon_error_in_one_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import kg.knowledge
    from kg.cli import app

    folder = _ontologies_with(tmp_path, lambda t: t.replace("\nspeech_verbs:", "\nspeach_verbs:", 1))
    monkeypatch.setattr(kg.knowledge, "ONTOLOGY_DIR", folder)
    result = CliRunner().invoke(app, ["build", str(Path(__file__).resolve().parent.parent / "corpus"),
                                      "--out", str(tmp_path / "out"), "--ner", "rules", "--no-cache"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"kg: {folder / 'lexicon.yaml'}: unknown lexicon key 'speach_verbs' (the keys are listed in "
        "kg/lexicon_schema.py and docs/lexicon.md)"]
