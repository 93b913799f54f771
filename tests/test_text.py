"""Normalization, tokens and sentences keep offsets into the original text."""
from kg.text import normalize, split_sentences, stems, tokenize


def test_normalize_folds_letters_digits_and_marks():
    assert normalize("إِســرائيل") == "اسرائيل"
    assert normalize("أحمد") == normalize("احمد")
    assert normalize("مُرهَف") == "مرهف"
    assert normalize("١٧") == "17"
    assert normalize("\u200fسوريا") == "سوريا"
    assert normalize("مصطفى") == "مصطفي"


def test_tokens_point_back_into_the_text():
    text = "وفي ١٧ نوفمبر، زار بوتين دمشق."
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text


def test_proclitics_are_stripped():
    assert "موسكو" in stems(normalize("وبموسكو"))
    assert "الرئيس" in stems(normalize("للرئيس"))
    assert "الاسد" in stems(normalize("والأسد"))


def test_a_period_inside_a_list_of_dates_does_not_split():
    text = "زار الأسد روسيا في أكتوبر عام 2015. ونوفمبر عام 2017 ومايو عام 2018.\nسطر آخر."
    sents = split_sentences(text)
    assert len(sents) == 2
    assert sents[1].paragraph == 1
