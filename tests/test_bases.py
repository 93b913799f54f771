"""Military bases read by a base word (kg.bases): named, quoted or described; sentences written
for the tests."""
from tests.articles import doc, of_type


def _bases(text):
    return of_type(doc(text), "MilitaryBase")


def test_a_quoted_base_name_of_three_words_is_the_base():
    r = doc("وستفتتح الدولتان قاعدة “صلاح الدين الأيوبي” الجوية في الدوحة العام المقبل.")
    (base,) = of_type(r, "MilitaryBase").values()
    assert base.label_ar == "قاعدة “صلاح الدين الأيوبي” الجوية" and base.alt_labels == {"قاعدة “صلاح الدين الأيوبي”", "صلاح الدين الأيوبي"}
    assert r.bases[0].kind == "AirBase"


def test_a_base_word_before_an_indefinite_feminine_adjective_names_no_base():
    assert not _bases("وتضم المنطقة الصناعية 300 منشأة حيوية، و40 مخزنا للوقود.")
    assert not _bases("وقال المتحدث إن هذه منشأة مهمة لنا في كينيا، وإننا ممتنون لذلك.")
    assert _bases("وهبطت الطائرة في قاعدة العديد الجوية في قطر.")


def test_a_base_named_by_a_word_ending_in_ha_is_named():
    assert _bases("وأعلن الرئيسان تجديد إيجار قاعدة ماريونييه، وتعهدا بتعزيز التعاون.")


def _facts(text):
    r = doc(text)
    return [(b.located_in, b.operated_by) for b in r.bases]


def test_a_base_named_after_a_known_city_lies_in_it_and_its_builder_operates_it():
    assert _facts("وبدأت الهند تنفيذ أولى خطوات إنشاء قاعدة مومباسا البحرية رغم الاعتراضات.") == [(["mombasa"], ["india"])]


def test_a_place_after_a_base_with_the_clitic_bi_is_where_it_lies():
    (located, _), = _facts("والتقى القائد بنظيره في قاعدة “الشهيد” البحرية بنيروبي أمس.")
    assert located == ["nairobi"]


def test_a_building_read_as_a_meeting_venue_is_no_base_location_and_stationed_troops_name_the_operator():
    (located, _), = _facts("وأعلن الرئيسان خلال لقاء في قصر الإليزيه تجديد إيجار قاعدة ماريونييه، وتعهدا بالتعاون.")
    assert located == []
    assert _facts("وقضى الوزير يومين مع الجنود الإيطاليين المتمركزين في قاعدة “النخيل” في نيروبي.") == [(["nairobi"], ["italy"])]


def test_a_place_read_by_its_head_inside_a_base_s_quoted_name_is_the_base_s_name():
    r = doc('وقضى الوزير يومين مع الجنود المتمركزين في قاعدة "ميناء النخيل" في نيروبي.')
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
    assert "قاعدة عسكرية ضخمة" in _bases("وافتتح الرئيس قاعدة عسكرية ضخمة في كينيا أمس.")
    assert "معسكر أمريكي" in _bases("ويعد المعسكر أكبر معسكر أمريكي بالقارة الإفريقية منذ عقود.")
    r = doc("وأشرف الوزير على موكب بالقاعدة البحرية الرئيسية بمومباسا صباح اليوم.")
    assert "القاعدة البحرية الرئيسية" in of_type(r, "MilitaryBase")
    assert [b.located_in for b in r.bases] == [["mombasa"]]
