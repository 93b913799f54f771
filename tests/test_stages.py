"""The extraction's stages: order checked at start-up, listed by `kg stages`, shown in the README."""
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.extract import STAGES, process_document
from kg.knowledge import load_knowledge
from kg.model import Document, MentionSource
from kg.stages import DocState, StageOrderError, check_order, describe, run_stages, stage
from tests.conftest import ROOT


def test_the_registered_order_meets_every_requirement():
    check_order(STAGES)  # also run at import; here so a failure names the test
    assert [s.name for s in STAGES][:2] == ["sentences", "names"]


def test_a_stage_before_what_it_needs_is_refused_naming_stage_and_item():
    dates_first = [s for s in STAGES if s.name == "roles"] + [s for s in STAGES if s.name != "roles"]
    with pytest.raises(StageOrderError, match=r"stage 'roles' requires sentences, linker, linked, dates"):
        check_order(dates_first)


def test_an_unknown_item_or_a_stage_twice_is_refused():
    @stage("guess", requires=("sentences",), provides=("moods",))
    def guess(st):
        """Guess moods."""
    with pytest.raises(StageOrderError, match="stage 'guess': unknown item 'moods'"):
        check_order([*STAGES, guess])
    with pytest.raises(StageOrderError, match="registered twice"):
        check_order([*STAGES, STAGES[0]])


def test_a_new_recognizer_is_one_function_and_one_list_entry():
    """A stage added after the names sees them and can add its own; the result carries them on."""
    kb = load_knowledge()
    seen = []

    @stage("spy", requires=("named",), provides=("named",))
    def spy(st):
        """Record what the recognizers read."""
        seen.extend(m.source for m in st.named)
    stages = STAGES[:2] + [spy] + STAGES[2:]
    check_order(stages)
    doc = Document("t", "t.txt", "استقبل الرئيس الروسي فلاديمير بوتين نظيره السوري بشار الأسد في موسكو.", "0" * 64)
    st = run_stages(stages, DocState(doc, kb))
    assert MentionSource.GAZETTEER in seen
    plain = process_document(doc, kb)
    assert sorted(st.linker.entities) == sorted(plain.entities) and len(st.meetings) == len(plain.meetings) == 1


def test_kg_stages_prints_the_registry_and_the_readme_shows_the_same_list():
    out = CliRunner().invoke(app, ["stages"])
    assert out.exit_code == 0 and out.stdout == describe(STAGES) + "\n"
    for s in STAGES:
        assert f"requires: {', '.join(s.requires) or '-'}; provides: {', '.join(s.provides) or '-'}" in out.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"`kg stages` prints the list:\n\n```text\n(.*?)```", readme, re.S)
    assert shown and shown.group(1) == describe(STAGES) + "\n"
