"""Buildings named by their owner's adjective (kg.facilities); sentences written for the tests."""
from tests.articles import doc, of_type


def _places(text, name="t"):
    return {label: e.id for label, e in of_type(doc(text, name=name), "Place").items()}


def test_a_building_named_by_its_owner_s_adjective_where_something_happens_is_a_place_of_its_city():
    places = _places("واستقبل الملك ضيفه بالقصر الملكي بعمان أمس، وأقام له مأدبة عشاء.")
    assert places["القصر الملكي"] == "alqsr_almlky_amman"
    assert _places("وجرت المحادثات في القصر الرئاسي بالعاصمة نيروبي.")["القصر الرئاسي"] == "alqsr_alryasy_nairobi"


def test_without_a_city_it_is_the_article_s_building_and_a_speaking_palace_is_no_place():
    assert _places("وعقد الجانبان جلسة مباحثات بالديوان الأميري مساء أمس.", name="a7") == {"الديوان الأميري": "aldywan_alamyry_a7"}
    assert not _places("وأعلن القصر الرئاسي أن الزيارة ستتم الشهر المقبل.")
