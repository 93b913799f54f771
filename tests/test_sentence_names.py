"""One sentence's names (kg.sentence_names): the gazetteer's, then the rules around them, each
rule on a sentence written for its test, not taken from any benchmark article."""

from tests.articles import doc, of_type


def test_a_known_person_named_by_a_shorter_alias_takes_the_family_name_the_text_adds():
    r = doc("وشارك في الاجتماع صباح الأحمد الصباح إلى جانب عدد من المسؤولين.", "2018-03-01")
    persons = of_type(r, "Person")
    assert len(persons) == 1
    person = next(iter(persons.values()))
    assert person.id == "sabah_al_ahmad"
    assert "صباح الأحمد الصباح" in person.alt_labels



def test_a_state_s_name_before_the_word_capital_is_its_capital_city():
    places = of_type(doc("وصل وزير الخارجية الإسباني إلى تونس العاصمة مساء الأحد في جولة تشمل الجزائر.", "2020-03-01"), "Place")
    assert {e.id for e in places.values()} == {"tunis"}
    assert next(iter(places.values())).label_ar == "تونس"  # the news' name, not a GeoNames typo


def test_a_state_s_name_before_the_capital_an_adjective_qualifies_stays_the_state():
    r = doc("ونقلت مصر العاصمة الإدارية الجديدة مقار الوزارات خلال العام.", "2022-03-01")
    assert not of_type(r, "Place") and "egypt" in {e.id for e in of_type(r, "State").values()}
