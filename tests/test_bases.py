"""Military bases read by a base word (kg.bases): named, quoted or described; sentences written
for the tests."""
import pytest

from tests.articles import doc, of_type


def _bases(text):
    return of_type(doc(text), "MilitaryBase")


def test_a_quoted_base_name_of_three_words_is_the_base():
    r = doc("وتسلمت القوات الكينية قاعدة “صلاح الدين الأيوبي” الجوية من الحلفاء بعد تجديدها.")
    (base,) = of_type(r, "MilitaryBase").values()
    assert base.label_ar == "قاعدة “صلاح الدين الأيوبي” الجوية" and base.alt_labels == {"قاعدة “صلاح الدين الأيوبي”", "صلاح الدين الأيوبي"}
    assert r.bases[0].kind == "AirBase"


def test_a_base_word_before_an_indefinite_feminine_adjective_names_no_base():
    assert not _bases("وتضم المنطقة الصناعية 300 منشأة حيوية، و40 مخزنا للوقود.")
    assert not _bases("ويرى الخبراء أن الميناء منشأة استراتيجية للبلاد.")
    assert _bases("وهبطت الطائرة في قاعدة النخيل الجوية في كينيا.")


def test_a_base_named_by_a_word_ending_in_ha_is_named():
    assert _bases("وأعلن الرئيسان تجديد إيجار قاعدة ماريونييه، وتعهدا بتعزيز التعاون.")


def _facts(text):
    r = doc(text)
    return [(b.located_in, b.operated_by) for b in r.bases]


def test_a_base_named_after_a_known_city_lies_in_it_and_its_builder_operates_it():
    assert _facts("وتعتزم الهند تشييد قاعدة مومباسا البحرية خلال عامين.") == [(["mombasa"], ["india"])]
    assert _facts("وقررت كندا البدء في إنشاء قاعدة جوية في لاتفيا.") == [(["latvia"], ["canada"])]


@pytest.mark.parametrize("text", ["وانتقدت الصين إنشاء قاعدة مومباسا البحرية قرب حدودها البحرية.",
                                  "رفضت تركيا بناء قاعدة عسكرية في قبرص.",
                                  "ترفض موسكو إقامة قاعدة عسكرية في بولندا."])
def test_a_state_that_criticizes_or_refuses_the_building_of_a_base_does_not_operate_it(text):
    assert [operated for _, operated in _facts(text)] == [[]]


def test_a_place_after_a_base_with_the_clitic_bi_is_where_it_lies():
    (located, _), = _facts("والتقى القائد بنظيره في قاعدة “الشهيد” البحرية بنيروبي أمس.")
    assert located == ["nairobi"]


def test_a_building_read_as_a_meeting_venue_is_no_base_location_and_stationed_troops_name_the_operator():
    (located, _), = _facts("وأعلن الرئيسان خلال لقاء في قصر الإليزيه تجديد إيجار قاعدة ماريونييه، وتعهدا بالتعاون.")
    assert located == []



@pytest.mark.parametrize("text, state", [
    ("وعاد الجنود الإيطاليون الشباب المرابطون في قاعدة “النخيل” قرب نيروبي إلى بلادهم.", "italy"),
    ("وتتولى القوات الكندية المنتشرة في قاعدة “الشهيد” حماية المطار.", "canada"),
])
def test_the_nationality_of_troops_stationed_in_a_base_names_its_operator(text, state):
    assert [operated for _, operated in _facts(text)] == [[state]]
    assert [operated for _, operated in _facts("وقال شهود إن الجنود المرابطين في قاعدة “الشهيد” غادروها.")] == [[]]


def test_a_place_read_by_its_head_inside_a_base_s_quoted_name_is_the_base_s_name():
    r = doc('وانطلقت الدورية من قاعدة "ميناء النخيل" الواقعة في نيروبي فجر اليوم.')
    assert set(of_type(r, "Place")) == {"نيروبي"}
    assert set(of_type(r, "MilitaryBase")) == {'قاعدة "ميناء النخيل"'}


def test_a_base_named_again_with_its_kind_is_one_base():
    r = doc("وصل الوزير إلى قاعدة الشهيد في كينيا. وتفقد الوزير قاعدة الشهيد الجوية مع القادة.")
    (base,) = of_type(r, "MilitaryBase").values()
    assert base.label_ar == "قاعدة الشهيد الجوية" and "قاعدة الشهيد" in base.alt_labels
    assert {b.base for b in r.bases} == {base.id}


def test_an_owning_verb_with_a_clitic_names_the_operator():
    assert _facts("وتستخدم الهند قاعدة النخيل الجوية في كينيا منذ سنوات.") == [(["kenya"], ["india"])]


def test_a_base_s_place_after_its_adjectives_is_where_it_lies():
    (located, _), = _facts("وستفتتح الدولتان قاعدة “النخيل” العسكرية الجديدة في نيروبي العام المقبل.")
    assert located == ["nairobi"]


def test_a_description_takes_its_agreeing_adjectives_and_a_definite_one_its_town():
    assert "قاعدة جوية حديثة" in _bases("وشيد الجيش قاعدة جوية حديثة في كينيا العام الماضي.")
    assert "معسكر فرنسي" in _bases("وتجول الصحفيون داخل معسكر فرنسي قرب الحدود.")
    r = doc("وتدربت الوحدات بالقاعدة البحرية الشمالية بمومباسا طوال الشهر.")
    assert "القاعدة البحرية الشمالية" in of_type(r, "MilitaryBase")
    assert [b.located_in for b in r.bases] == [["mombasa"]]
