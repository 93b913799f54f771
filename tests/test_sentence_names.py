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

