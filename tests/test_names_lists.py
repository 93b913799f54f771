"""Persons in lists and apposition (kg.names, kg.titles, kg.minister_lists, kg.sentence_names):
the cases an independent review found broken by list rules, on sentences written for the test."""
import pytest

from tests.articles import doc, of_type


def _persons(text):
    return {label: sorted(e.roles) for label, e in of_type(doc(text), "Person").items()}


def test_one_name_after_the_prime_ministers_title_is_no_list_of_ministers():
    persons = _persons("قال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن الحكومة ستجتمع غدا.")
    assert persons == {"بنيامين نتنياهو": ["رئيس الوزراء الإسرائيلي"]}


@pytest.mark.parametrize("text, name, role", [
    ("قال المتحدث باسم الحكومة، وليد عبد الحي، إن الاجتماع سيعقد غدا.", "وليد عبد الحي", "المتحدث باسم الحكومة"),
    ("أكد وزير الصحة اللبناني، وائل أبو فاعور، أن الوزارة ستتابع الملف.", "وائل أبو فاعور", "وزير الصحة اللبناني"),
])
def test_a_given_name_that_begins_with_waw_after_a_comma_is_the_titles_holder(text, name, role):
    assert role in _persons(text).get(name, [])


def test_and_a_known_given_name_after_a_comma_opens_the_next_item():
    persons = _persons("حضر اللقاء مستشار الوزير، وسالم الحربي، مدير المكتب.")
    assert "مستشار الوزير" not in persons.get("سالم الحربي", [])


@pytest.mark.parametrize("text", ["زار الرئيس الأمريكي السعودية الشهر الماضي.",
                                  "تزور رئيسة الوزراء البريطانية السعودية الأسبوع المقبل."])
def test_a_state_named_like_its_adjective_after_a_nationality_is_the_state(text):
    assert "السعودية" in of_type(doc(text), "State")


def test_the_same_word_after_a_definite_feminine_noun_is_the_adjective():
    assert "السعودية" not in of_type(doc("أعلنت السفارة السعودية في لندن أن القنصلية ستغلق."), "State")


def test_a_variant_spelling_makes_no_adjective_that_is_another_word():
    persons = of_type(doc("قال رئيس الاتحاد الدولي لكرة القدم جياني إنفانتينو إن البطولة ستقام في موعدها."), "Person")
    assert "جياني إنفانتينو" in persons and persons["جياني إنفانتينو"].affiliation is None


def test_a_family_name_in_ta_marbuta_ends_a_titled_name_and_a_common_noun_in_it_does_not():
    assert "حسن الطراونة" in _persons("قال نائب مدير المخابرات العامة اللواء حسن الطراونة إن التعاون مستمر.")
    assert _persons("وصل وزير الخارجية سامح شكري الزيارة الأولى.") == {"سامح شكري": ["وزير الخارجية"]}
