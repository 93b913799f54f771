"""One event-identity rule: the same predicates decide inside an article and across articles."""
from pathlib import Path

from kg import identity

from kg.model import Date, Meeting


def meeting(kind, people, date=None, place=None):
    return Meeting(kind, list(people), Date(date) if date else None, place, "…", ["d"], 0, 0)


def test_dated_reports_are_one_encounter_when_family_people_dates_and_places_agree():
    located_in = {"moscow": "russia"}
    a = meeting("Meeting", ["putin", "assad"], "2023-03-15", "moscow")
    assert identity.same_encounter(a, meeting("Visit", ["putin", "assad"], "2023-03", "russia"), located_in)
    assert identity.same_encounter(a, meeting("Meeting", ["assad"], "2023-03-15"), located_in)  # nested people
    assert not identity.same_encounter(a, meeting("PhoneCall", ["putin", "assad"], "2023-03-15"), located_in)
    assert not identity.same_encounter(a, meeting("Meeting", ["putin", "assad"], "2023-04-01"), located_in)
    assert not identity.same_encounter(a, meeting("Meeting", ["putin", "assad"], "2023-03-15", "damascus"), located_in)
    assert not identity.same_encounter(a, meeting("Meeting", ["putin", "erdogan"], "2023-03-15"), located_in)


def test_an_undated_report_joins_a_dated_encounter_at_a_compatible_place():
    dated = meeting("Meeting", ["putin", "assad", "lavrov"], "2023-03-15", "moscow")
    assert identity.undated_joins(meeting("Meeting", ["putin", "assad"]), dated, {})
    assert identity.undated_joins(meeting("Meeting", ["assad"], place="russia"), dated, {"moscow": "russia"})
    assert not identity.undated_joins(meeting("Meeting", ["assad"], place="russia"), dated, {})  # one article
    assert not identity.undated_joins(meeting("Meeting", ["assad", "erdogan"]), dated, {})
    assert not identity.undated_joins(meeting("Message", ["assad"]), dated, {})
    assert not identity.undated_joins(dated, meeting("Meeting", ["putin", "assad", "lavrov"]), {})  # no date


KG = Path(__file__).resolve().parent.parent / "kg"


def test_both_folds_use_the_rule_and_neither_has_its_own():
    for module in ("meeting_fold", "merge"):  # read as source: the modules may be loaded compiled
        src = (KG / f"{module}.py").read_text(encoding="utf-8")
        assert "undated_joins(" in src and "def places_compatible" not in src and "FAMILY" not in src
    assert "same_encounter(" in (KG / "merge.py").read_text(encoding="utf-8")
