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


def test_sentence_forms_hold_words_with_and_without_clitics():
    s = split_sentences("وصل الرئيس وبموسكو عقد لقاء.")[0]
    assert s.norms == tuple(t.norm for t in s.tokens)
    assert {"وبموسكو", "موسكو", "الرئيس"} <= s.forms


def test_a_phrase_index_skips_only_sentences_it_cannot_match():
    from kg.knowledge import PhraseIndex

    index = PhraseIndex()
    index.add("موسكو", "moscow")
    index.add("البيت الأبيض", "white_house")
    hit, miss = split_sentences("وصل الوفد وبموسكو ثم البيت الأبيض.\nوصل الوفد إلى دمشق.")
    assert index.can_match(hit) and not index.can_match(miss)
    assert [(i, n, v) for i, n, v, _ in index.find_in(hit)] == [(2, 1, "moscow"), (4, 2, "white_house")]
    assert index.find_in(hit) == index.find_all([t.norm for t in hit.tokens])
    assert index.find_in(miss) == []
