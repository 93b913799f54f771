"""Organizations, outlets and places read by their head nouns (kg.bodies), each rule on a
sentence written for its test, not taken from any benchmark article."""

from tests.articles import doc, of_type


def test_a_place_s_name_stops_before_a_relative_pronoun():
    r = doc("وانتقلت الكتيبة إلى منطقة الوادي التي شهدت معارك عنيفة العام الماضي.")
    assert set(of_type(r, "Place")) == {"منطقة الوادي"}


def test_an_outlet_s_quoted_name_may_begin_with_a_city_s_name():
    r = doc("ونقلت صحيفة “لندن ريفيو” البريطانية عن مصادر حكومية أن المفاوضات ستستأنف.")
    assert set(of_type(r, "Organization")) == {"لندن ريفيو"}
    assert not of_type(r, "Place") and not of_type(r, "State")


def test_a_facility_named_after_its_city_takes_the_adjective_of_its_kind():
    r = doc("وهبطت طائرة الوفد في مطار نيروبي الدولي مساء الأحد.")
    assert "مطار نيروبي الدولي" in of_type(r, "Place")


def test_a_definite_body_head_with_an_adjective_and_a_nationality_is_a_body():
    r = doc("وأعلن الصندوق السيادي الكيني أنه سيستثمر في المجلس البلدي، بينما رفض المجلس الكيني ذلك.")
    assert set(of_type(r, "Organization")) == {"الصندوق السيادي الكيني"}


def test_two_coordinated_nouns_before_a_nationality_name_no_body():
    r = doc("وطالب النواب بمحاسبة قادة في الجيش والحكومة الأردنية بعد الحادث، وأعلن الصندوق السيادي الكيني استثمارا.")
    assert set(of_type(r, "Organization")) == {"الصندوق السيادي الكيني"}
