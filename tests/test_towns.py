"""Far towns read by their state's adjective (kg.towns); sentences written for the tests."""
import pytest

from kg.knowledge import load_knowledge
from tests.articles import doc, of_type

KB = load_knowledge()


def _places(text):
    return {e.id: e for e in of_type(doc(text, "2021-05-01"), "Place").values()}


def test_a_far_town_before_its_state_s_feminine_adjective_is_the_town_with_its_coordinates():
    places = _places("تستضيف مدينة بازل السويسرية جولة جديدة من المحادثات، بعد جولة أولى بجنيف السويسرية.")
    assert {"basel", "geneva"} <= set(places)
    assert places["geneva"].located_in == "switzerland" and places["geneva"].lat == pytest.approx(46.2, abs=0.1)


@pytest.mark.parametrize("text", [
    "وقال ليون إن الفريق سيعود إلى التدريبات الأسبوع المقبل.",  # Lyon's name, a person's here
    "أكد الرئيس النيجيري محمد بخاري دعم بلاده للاتفاق.",  # Bukhara's name in a person's
    "وصل الوفد إلى جنيف الأسبوع الماضي.",  # a far town's name alone: not read
    "التقى الوزير نظيره في ليون الألمانية.",  # an adjective of another state: no agreement
])
def test_a_far_town_s_name_without_its_own_state_s_adjective_is_no_place(text):
    assert not {"lyon", "bukhara", "geneva"} & set(_places(text))


def test_far_town_names_stay_out_of_the_name_index():
    assert KB.entries["geneva"].qualified_names and KB.names.match_at(["جنيف"], 0) is None
    assert KB.towns.match_at(["جنيف"], 0)[1] == "geneva"


def test_a_city_word_before_a_far_town_links_it_only_with_its_state_s_adjective():
    places = _places("ولد الكاتب في مدينة أولم الألمانية، ويعيش اليوم في مدينة كامبريدج منذ سنوات.")
    assert "ulm" in places and "cambridge" not in places  # two Cambridges: the adjective decides
