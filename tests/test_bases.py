"""Military bases read by a base word (kg.bases): named, quoted or described; sentences written
for the tests."""
from tests.articles import doc, of_type


def _bases(text):
    return of_type(doc(text), "MilitaryBase")


def test_a_quoted_base_name_of_three_words_is_the_base():
    r = doc("وستفتتح الدولتان قاعدة “صلاح الدين الأيوبي” الجوية في الدوحة العام المقبل.")
    (base,) = of_type(r, "MilitaryBase").values()
    assert base.label_ar == "قاعدة “صلاح الدين الأيوبي” الجوية" and base.alt_labels == {"قاعدة “صلاح الدين الأيوبي”"}
    assert r.bases[0].kind == "AirBase"


def test_a_base_word_before_an_indefinite_feminine_adjective_names_no_base():
    assert not _bases("وتضم المنطقة الصناعية 300 منشأة حيوية، و40 مخزنا للوقود.")
    assert not _bases("وقال المتحدث إن هذه منشأة مهمة لنا في كينيا، وإننا ممتنون لذلك.")
    assert _bases("وهبطت الطائرة في قاعدة العديد الجوية في قطر.")


def test_a_base_named_by_a_word_ending_in_ha_is_named():
    assert _bases("وأعلن الرئيسان تجديد إيجار قاعدة ماريونييه، وتعهدا بتعزيز التعاون.")
