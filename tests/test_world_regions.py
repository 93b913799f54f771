"""World regions from CLDR (kg.world.regions, ontologies/regions.yaml): a region is a place of
its own, not the state or the continent its name begins with; sentences written for the test."""
import pytest

from kg.knowledge import ONTOLOGY_DIR
from kg.text import normalize
from kg.world import read_yaml
from kg.world.regions import cldr_regions
from tests.articles import doc, of_type


def test_every_cldr_region_but_the_world_is_generated_or_kept_by_hand():
    pytest.importorskip("babel")
    from babel import Locale

    codes = {c for c in Locale("ar").territories if c.isdigit()} - {"001"}
    hand = read_yaml(ONTOLOGY_DIR / "gazetteer.yaml")["places"]
    generated = cldr_regions({normalize("غرب أفريقيا")}, {"asia"})
    assert "western_africa" not in {r["id"] for r in generated} and "asia" not in {r["id"] for r in generated}
    committed = read_yaml(ONTOLOGY_DIR / "regions.yaml")["regions"]
    assert {r["m49"] for r in committed} | {"002", "015", "142", "143", "150", "419"} == codes
    assert not {r["id"] for r in committed} & {p["id"] for p in hand}


def test_a_region_named_with_a_state_s_or_a_continent_s_name_is_the_region():
    r = doc("وتوسعت الشركة في أميركا الجنوبية وشرقي أفريقيا، ثم افتتحت مكتبا في شرق آسيا.")
    assert {e.id for e in of_type(r, "Place").values()} == {"south_america", "eastern_africa", "eastern_asia"}
    assert not of_type(r, "State")


def test_a_region_after_another_direction_is_a_compound_direction_and_the_continent_is_read():
    r = doc("وتنتشر هذه الطيور في جنوب غرب أفريقيا وفي جنوب شرق آسيا.")
    assert {e.id for e in of_type(r, "Place").values()} == {"africa", "southeast_asia"}


def test_a_compound_direction_takes_its_ya_on_the_last_direction_word():
    r = doc("وتزداد صادرات البلاد إلى جنوب شرقي آسيا منذ عامين.")
    assert {e.id for e in of_type(r, "Place").values()} == {"southeast_asia"}


def test_the_centre_is_a_direction_too():
    r = doc("وتمتد الطرق التجارية عبر جنوب وسط آسيا منذ قرون.")
    assert "central_asia" not in {e.id for e in of_type(r, "Place").values()}
    assert "asia" in {e.id for e in of_type(r, "Place").values()}
