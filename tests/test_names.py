"""Persons' names read around a title (kg.names), each rule on a sentence written for its test,
not taken from any benchmark article."""

from tests.articles import doc, of_type


def test_a_compound_given_name_with_the_article_goes_on_to_the_family_name():
    r = doc("واستقبل وزير الداخلية الموريتاني عبد الرحيم سالم داود، وفد المنظمة في نواكشوط.")
    assert "عبد الرحيم سالم داود" in of_type(r, "Person")


def test_a_preposition_s_object_after_a_compound_given_name_is_no_part_of_the_name():
    r = doc("وتوجه الأمير عبد الكريم لحضور الاجتماع في الرباط.")
    assert set(of_type(r, "Person")) == {"عبد الكريم"}


def test_a_common_word_with_wa_or_a_word_in_another_script_ends_a_name():
    r = doc("وترأس الاجتماع الجنرال ليونيل ماركوس Lionel Marcus، وقال الوزير محمد وهو يبتسم إن الاتفاق قريب.")
    assert set(of_type(r, "Person")) == {"ليونيل ماركوس"}


def test_an_indefinite_object_after_a_compound_given_name_is_no_part_of_the_name():
    r = doc("واستقبل الوزير عبد الرحمن وفدا من رجال الأعمال في مكتبه.")
    assert set(of_type(r, "Person")) == {"عبد الرحمن"}


def test_a_family_name_beginning_with_lam_stays_after_a_compound_given_name():
    r = doc("واستقبل وزير الخارجية عبد اللطيف لحسن نظيره في الرباط.")
    assert "عبد اللطيف لحسن" in of_type(r, "Person")


def test_a_president_elect_and_a_name_after_a_state_s_title_a_comma_and_closed_by_a_preposition():
    r = doc("وتلقى الرئيس اتصالا من الرئيس الكيني المنتخب جون موغاي. ووقع رئيس وزراء كينيا، بيتر أوتينو على الاتفاقية. "
            "ووقع رئيس الوزراء، سامي علي على الاتفاقية.")
    assert set(of_type(r, "Person")) == {"جون موغاي", "بيتر أوتينو"}


def test_a_name_between_commas_after_a_complement_longer_than_the_title_reader_takes():
    r = doc("والتقى الوزير رئيس الأركان المشتركة للجيوش التابعة للمجلس الانتقالي، جون موغاي، في نيروبي. "
            "ونقلت الوكالة عن مجلس الأمن فرض عقوبات، ف ـ \"من دون شك\" سيتغير الوضع.")
    assert set(of_type(r, "Person")) == {"جون موغاي"}


def test_a_title_s_complement_may_be_a_noun_with_a_pronoun():
    r = doc("واستقبله الرئيس الكيني ورئيس حكومته جون موغاي. وأيد وزير خارجيتها وتجارتها السابق بيتر أوتينو القرار.")
    assert set(of_type(r, "Person")) == {"جون موغاي", "بيتر أوتينو"}


def test_a_quoted_name_after_a_title_may_begin_with_a_city_s_name():
    r = doc('وحضر القمة نائب الرئيس الكيني "سالفادور أوتينو موغاي". وزار الوزير "سالفادور" أمس.')
    assert set(of_type(r, "Person")) == {"سالفادور أوتينو موغاي"}


def test_a_formal_state_name_s_adjective_and_a_short_name_in_parentheses_inside_a_title():
    r = doc("واستقبل الرئيس رئيس جمهورية الأوروغواي الشرقية خوان بابلو أورتيز الذي يقوم بزيارة. "
            "والتقى الوزير الأمين العام لمنظمة الدول المصدرة للنفط (أوبك)، بيتر سامي، في فيينا.")
    assert set(of_type(r, "Person")) == {"خوان بابلو أورتيز", "بيتر سامي"}


def test_a_noun_and_a_definite_common_word_after_a_title_are_its_object_not_a_name():
    r = doc("وفي كلمته، ثمن الوزير عمق العلاقات بين البلدين، وقال الوزير خالد الحنيفات إن الوضع جيد.")
    assert set(of_type(r, "Person")) == {"خالد الحنيفات"}


def test_a_name_between_commas_right_before_a_state_s_title():
    r = doc("واستقبل الرئيس الكيني، في وقت سابق اليوم، جواو ماركيش، وزير الخارجية البرتغالي. "
            "وقال، يوم الأربعاء، وزير الخارجية الإسباني إن الوضع جيد.")
    assert set(of_type(r, "Person")) == {"جواو ماركيش"}


def test_a_text_ending_right_after_a_title_and_a_comma_reads_without_error():
    r = doc("، وخالد الزهراني، مستشار الوزير، ")
    assert set(of_type(r, "Person")) == {"خالد الزهراني"}


def test_an_honorific_opens_a_name_before_a_title_of_no_state():
    r = doc("ووقعها عن الجانب الكيني الدكتور جون موغاي وزير البترول. وقال سامي علي مستشار الوزير إن الوضع جيد.")
    assert set(of_type(r, "Person")) == {"جون موغاي"}


def test_a_list_opener_or_a_detached_wa_opens_a_name_before_a_state_s_title():
    r = doc("وحضر التوقيع كل من جون موغاي وزير الخارجية الكيني، و بيتر أوتينو وزير الدفاع الأوغندي.")
    assert set(of_type(r, "Person")) == {"جون موغاي", "بيتر أوتينو"}


def test_a_li_word_after_a_compound_given_name_is_a_preposition_unless_the_name_closes_on_it():
    r = doc("والتقى الوزير عبد الحفيظ لشرح موقف الحكومة. وحضر الأمير عبد الله لتقديم التعازي. "
            "وقاد الفريق عبد الكريم لحسن وزير الرياضة المغربي الوفد. وبنى السلطان نور الدين لطفي سنة 1150 قلعة.")
    assert set(of_type(r, "Person")) == {"عبد الحفيظ", "عبد الله", "عبد الكريم لحسن", "نور الدين لطفي"}


def test_the_second_holder_of_a_list_of_names_before_titles_loses_its_waw():
    r = doc("ووقع المذكرة كل من بيتر أوتينو وزير المالية الكيني ومحمد حسن وزير التجارة الأوغندي في كمبالا. "
            "وقال وزير الزراعة الكيني ومحمد حسن إن المحصول وفير.")
    persons = of_type(r, "Person")
    assert set(persons) == {"بيتر أوتينو", "محمد حسن"}
    assert persons["محمد حسن"].affiliation == "uganda"
