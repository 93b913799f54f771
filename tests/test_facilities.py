"""Buildings named by their owner's adjective (kg.facilities); sentences written for the tests."""
import pytest

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


@pytest.mark.parametrize("text", ["قال مصدر في الديوان الملكي إن الملك بخير.",
                                  "أكد مستشار بالقصر السلطاني أن الزيارة ألغيت.",
                                  "عُين سامي مستشارا في القصر الجمهوري العام الماضي.",
                                  "يعمل أحمد في المتحف الوطني منذ سنوات."])
def test_a_building_after_its_staff_or_a_verb_of_working_is_an_employer_no_place(text):
    assert not _places(text)


def test_the_sultan_s_palace_where_a_guest_is_received_is_a_place():
    assert _places("استقبل السلطان الوزير الهندي بالقصر السلطاني بمسقط.")["القصر السلطاني"] == "alqsr_alsltany_muscat"


@pytest.mark.parametrize("text, name", [
    ("وتجول الوفد في متحف بيتر كريستيانسن قبل أن يغادر المدينة.", "متحف بيتر كريستيانسن"),
    ("ألقى الأمين العام كلمته أمام الحضور في قاعة ابن خلدون بالعاصمة.", "قاعة ابن خلدون"),
    ("ونظم المعرض بمتحف خليفة الوطني حتى نهاية الشهر.", "متحف خليفة الوطني"),
    ("وزار الطلاب مرصد جانتار مانتار وتعرفوا إلى تاريخه.", "مرصد جانتار مانتار"),
])
def test_a_museum_hall_or_observatory_named_by_a_proper_name_is_a_place(text, name):
    assert name in _places(text)


@pytest.mark.parametrize("text", ["عقد المجلس جلسته في قاعة كبيرة بالفندق.",
                                  "انتقل النواب إلى قاعة الاجتماعات بعد الظهر.",
                                  "أغلقت الشرطة قاعة مؤتمرات الفندق أمس.",
                                  "وتحول القصر إلى متحف مفتوح أمام الزوار.",
                                  "وأقيمت الندوة في قاعة مغلقة بعيدا عن الصحفيين.",
                                  "ويوجد في المبنى متحف جميل يضم مخطوطات نادرة."])
def test_a_landmark_head_before_a_common_word_an_adjective_or_a_plural_names_no_place(text):
    assert not _places(text)


def test_a_landmark_s_name_stops_before_a_conjunction_and_a_definite_word():
    assert set(_places("شرح الدليل تاريخ متحف هانز كريستيان ودوره، ثم امتلأت قاعة روبرت شومان بالمدعوين.")) \
        == {"متحف هانز كريستيان", "قاعة روبرت شومان"}
