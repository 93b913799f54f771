"""Recognizers and linking on Arabic sentences, and an unseen article through kg build."""
from rdflib import Graph

from kg.pipeline import build

from tests.articles import KB, doc, of_type


def test_clitics_are_found_and_stripped():
    r = doc("وقال مسؤولون إن بوتين اتصل والأسد تحدث عن العلاقات بين لروسيا وبموسكو.")
    assert {"vladimir_putin", "bashar_al_assad", "russia"} <= set(r.entities)
    assert "والأسد" not in r.entities["bashar_al_assad"].alt_labels


def test_title_pattern_discovers_new_persons_with_affiliation_and_role():
    r = doc("بحث وزير الدفاع السوري مرهف أبو قصرة، يوم الأحد، مع وفد عسكري روسي رفيع برئاسة "
            "يونس بك يفكيروف، نائب وزير الدفاع الروسي، سبل تعزيز التعاون العسكري.")
    persons = {e.label_ar: e for e in r.entities.values() if e.type == "Person"}
    assert set(persons) == {"مرهف أبو قصرة", "يونس بك يفكيروف"}
    assert persons["مرهف أبو قصرة"].affiliation == "syria"
    assert "وزير الدفاع السوري" in persons["مرهف أبو قصرة"].roles
    assert persons["يونس بك يفكيروف"].affiliation == "russia"
    assert "نائب وزير الدفاع الروسي" in persons["يونس بك يفكيروف"].roles


def test_short_form_joins_the_full_name():
    r = doc("أكد المتحدث باسم الوزارة المصرية، كمال الدين حسان، أن اللقاء مهم.\nوقال حسان إن الجانبين اتفقا.")
    persons = [e for e in r.entities.values() if e.type == "Person"]
    assert len(persons) == 1
    assert persons[0].mentions == 2


def test_role_description_resolves_to_office_holder_at_the_time():
    r2020 = doc("وفي 7 يناير 2020، استقبل الرئيس السوري في دمشق وفدا روسيا.")
    r2025 = doc("وفي 7 يناير 2026، استقبل الرئيس السوري في دمشق وفدا روسيا.")
    assert "bashar_al_assad" in r2020.entities and "ahmed_al_sharaa" not in r2020.entities
    assert "ahmed_al_sharaa" in r2025.entities and "bashar_al_assad" not in r2025.entities


def test_counterpart_is_the_same_office_of_the_other_state():
    r = doc("وفي 12 شباط 2025 أجرى الرئيس أحمد الشرع اتصالاً هاتفياً مع نظيره الروسي.")
    assert r.meetings and set(r.meetings[0].participants) == {"ahmed_al_sharaa", "vladimir_putin"}


def test_capital_for_government_is_the_state_but_a_visit_keeps_the_city():
    r = doc("تتطلع دمشق إلى تعاون روسي. وفي 3 مايو 2024 زار الوزير فيصل المقداد موسكو.")
    assert "دمشق" in r.entities["syria"].alt_labels
    assert "moscow" in r.entities and r.entities["moscow"].type == "Place"


def test_a_city_an_agreement_is_named_after_is_neither_place_nor_government():
    r = doc("وأكدت الخارجية التزامها باتفاقية أوسلو، وقالت إن اتفاقيات فيينا تكفل حرمة السفارات.")
    assert not {"oslo", "norway", "vienna", "austria"} & set(r.entities)
    assert "vienna" in doc("ووصل الوزير إلى فيينا أمس.").entities

UNSEEN = """القاهرة وموسكو تبحثان التعاون
وفي 3 مارس 2026، استقبل وزير الخارجية المصري بدر عبد العاطي في القاهرة نظيره الروسي سيرغي لافروف، وبحث الجانبان العلاقات الثنائية.
وقال عبد العاطي إن المباحثات كانت مثمرة.
"""


def test_unseen_article_yields_new_minister_with_affiliation(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "unseen.txt").write_text(UNSEEN, encoding="utf-8")
    build(corpus, tmp_path / "out", ner="rules", html=False, show_progress=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    q = """PREFIX kg: <https://w3id.org/arabic-kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?p ?state ?m WHERE { ?p a kg:Person ; rdfs:label "بدر عبد العاطي"@ar ; kg:affiliation ?state .
    ?state rdfs:label "مصر"@ar . OPTIONAL { ?m kg:participant ?p } }"""
    found = list(g.query(q))
    assert len(found) == 1
    assert found[0][2] is not None  # and he takes part in the meeting with Lavrov


def test_title_after_a_name_describes_it_and_is_no_new_person():
    r = doc("وزار الوفد الكنيسة، حيث تحدث مع البطريرك أفرام الثاني بطريرك أنطاكية وسائر المشرق.")
    persons = {e.label_ar for e in r.entities.values() if e.type == "Person"}
    assert persons == {"أفرام الثاني"}


def test_counterpart_after_a_name_introduces_the_other_minister():
    r = doc("إذ التقى وزير الرياضة السوري محمد سامح حامض نظيره الروسي ميخائيل ديجتياريف، لبحث التعاون.")
    persons = {e.label_ar: e.affiliation for e in r.entities.values() if e.type == "Person"}
    assert persons == {"محمد سامح حامض": "syria", "ميخائيل ديجتياريف": "russia"}


def test_outlet_in_quotes_after_a_media_word_is_a_new_media_organization():
    r = doc('وقال الوزير لقناة "الميادين" إن المباحثات مستمرة، بحسب وكالة "سبوتنيك".')
    orgs = {e.label_ar: e.subtype for e in r.entities.values() if e.type == "Organization"}
    assert orgs == {"الميادين": "media", "سبوتنيك": "media"}


def test_government_body_with_a_nationality_is_a_new_organization():
    r = doc("وقالت وزارة الدفاع التركية في بيان إن الجانبين ناقشا الوضع، وأكدت وزارة الخارجية الروسية ذلك.")
    orgs = {e.label_ar: (e.subtype, e.affiliation) for e in r.entities.values() if e.type == "Organization"}
    assert orgs["وزارة الدفاع التركية"] == ("government", "turkey")
    assert "وزارة الخارجية الروسية" in orgs and len(orgs) == 2


def test_an_unknown_city_read_by_the_word_city_is_named_without_it():
    from tests.articles import doc, of_type
    r = doc("وصل الوفد إلى مدينة تيرمز الحدودية، ثم زار الوزير مدينة تيرمز القديمة.")
    assert "تيرمز" in of_type(r, "Place")
    assert "مدينة السلام" in of_type(doc("وتلقب بغداد مدينة السلام منذ قرون."), "Place")


def test_a_name_particle_or_the_word_after_one_gives_no_short_form():
    r = doc("وقال الدكتور محمود محيي الدين وزير الاستثمار إن الاقتصاد ينمو. وأكد أن رجال الدين يدعمون الخطة. "
            "وقال الوزير سامي عبد الله إن الوباء انحسر، وأضاف أن الفرج قريب بإذن الله. وقال عبد الله إن الخطة جاهزة. "
            "وقال الشيخ كريم بن أبي شاكر إن المسجد افتتح، ثم شاكر الحضور.")
    persons = of_type(r, "Person")
    assert set(persons) == {"محمود محيي الدين", "سامي عبد الله", "كريم بن أبي شاكر"}
    assert "الدين" not in persons["محمود محيي الدين"].alt_labels


# A bare title ("وأكد الملك", "وبحث الرئيس مع") names the one person the article named with it
# before; sentences written for these tests.

def test_a_bare_title_names_the_one_person_named_with_it_before():
    r = doc("استقبل الرئيس الغاني جون دراماني ماهاما في أكرا وزير الخارجية المغربي ناصر بوريطة. "
            "وبحث الرئيس مع وزير الدفاع الموريتاني حننه ولد سيدي تعزيز التعاون.", "2025-05-03")
    ghanaian = of_type(r, "Person")["جون دراماني ماهاما"].id
    assert [ghanaian, "hanena_ould_sidi"] in [m.participants for m in r.meetings]


def test_a_bare_title_before_anyone_is_named_with_it_names_no_one():
    r = doc("وبحث الملك مع وزير الدفاع الموريتاني حننه ولد سيدي تعزيز التعاون. "
            "واستقبل الملك محمد السادس في الرباط وزير الخارجية الموريتاني محمد سالم ولد مرزوك.", "2020-05-03")
    assert not any("hanena_ould_sidi" in m.participants for m in r.meetings)
    assert ["mohammed_vi", "mohamed_salem_ould_merzoug"] in [m.participants for m in r.meetings]


def test_a_bare_title_after_two_persons_so_titled_names_neither():
    r = doc("التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس المصري عبد الفتاح السيسي في باريس. "
            "وبحث الرئيس مع وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني العلاقات.", "2021-05-03")
    assert not any("mohammed_bin_abdulrahman" in m.participants for m in r.meetings)


def test_another_states_title_or_a_name_after_the_title_is_not_the_person_named_before():
    other_state = doc("التقى الرئيس الموريتاني محمد ولد الغزواني وزير الدفاع التركي خلوصي أكار في نواكشوط. "
                      "وبحث الرئيس الجزائري مع وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني العلاقات.", "2021-05-03")
    assert ["abdelmadjid_tebboune", "mohammed_bin_abdulrahman"] in [m.participants for m in other_state.meetings]
    named = doc("التقى الرئيس الموريتاني محمد ولد الغزواني وزير الدفاع التركي خلوصي أكار في نواكشوط. "
                "وبحث الرئيس حسان مع وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني العلاقات.", "2021-05-03")
    assert not any("mohammed_bin_abdulrahman" in m.participants for m in named.meetings)


def test_a_title_that_is_also_a_common_word_names_no_one_alone():
    r = doc("وقال الفريق الركن خالد العتيبي إن التدريبات انتهت. وبحث الفريق مع وزير الخارجية القطري "
            "محمد بن عبدالرحمن آل ثاني العلاقات.", "2021-05-03")
    assert not any("mohammed_bin_abdulrahman" in m.participants for m in r.meetings)


_WITH_LAVROV = "وبحث {} مع وزير الخارجية الروسي سيرغي لافروف العلاقات."


def _met_lavrov(text):
    return [m.participants for m in doc(text, "2021-05-03").meetings if "sergey_lavrov" in m.participants]


def test_a_title_qualified_by_a_word_with_the_article_is_another_office_not_the_president_named_before():
    egypt = "استقبل الرئيس المصري عبد الفتاح السيسي وفدا. "
    assert _met_lavrov(egypt + _WITH_LAVROV.format("الرئيس")) == [["abdel_fattah_el_sisi", "sergey_lavrov"]]
    for other in ("الرئيس التنفيذي للشركة رولاند بوش", "الرئيس العام للاتحاد", "الرئيس المالي عاصمي غويتا"):
        assert not any("abdel_fattah_el_sisi" in p for p in _met_lavrov(egypt + _WITH_LAVROV.format(other))), other


def test_two_persons_titled_with_one_office_in_other_words_leave_a_bare_title_unresolved():
    saudi = "استقبل خادم الحرمين الشريفين الملك سلمان بن عبد العزيز في الرياض "
    assert _met_lavrov(saudi + "وفدا. " + _WITH_LAVROV.format("الملك")) == [["king_salman", "sergey_lavrov"]]
    assert _met_lavrov(saudi + "ملك الأردن عبد الله الثاني. " + _WITH_LAVROV.format("الملك")) == []
    # a company's chairman is a second "رئيس", though kg names no person from his title
    assert _met_lavrov("التقى الرئيس التونسي قيس سعيد بوفد من شركة أرامكو. وقال رئيس مجلس إدارة الشركة "
                       "أمين الناصر إن الاستثمار سيزيد. " + _WITH_LAVROV.format("الرئيس")) == []
    # the same president titled twice is one candidate
    assert _met_lavrov("استقبل الرئيس المصري عبد الفتاح السيسي وفدا. وقال الرئيس المصري إن مصر تدعم الحل. "
                       + _WITH_LAVROV.format("الرئيس")) == [["abdel_fattah_el_sisi", "sergey_lavrov"]]


def test_a_title_the_article_gives_only_later_or_a_title_inside_quotes_names_no_one():
    assert _met_lavrov("التقى ماكرون في باريس محمد السادس. " + _WITH_LAVROV.format("الرئيس")
                       + " واستقبل الرئيس الفرنسي ماكرون بعدها وفدا.") == []
    from kg.recognize import role_descriptions
    from kg.text import split_sentences
    quoted = 'قال الرئيس الفرنسي إيمانويل ماكرون إن "الرئيس يجب أن يحترم الدستور" في إشارة إلى نظيره.'
    plain = quoted.replace('"', "")
    roles = [[m.surface for m in role_descriptions(s, KB, set(), set(), t, [])]
             for t in (quoted, plain) for s in split_sentences(t)]
    assert "الرئيس" not in roles[0] and "الرئيس" in roles[1]


def test_a_bare_title_said_twice_is_no_rival_of_itself():
    assert _met_lavrov("استقبل الملك محمد السادس وفدا. وأكد الملك أن المغرب يدعم الحل. وقال الملك إن البلدين "
                       "شريكان. " + _WITH_LAVROV.format("الملك")) == [["mohammed_vi", "sergey_lavrov"]]


def test_an_epithet_with_the_article_keeps_the_bare_title_on_the_person_named_before():
    egypt = "استقبل الرئيس المصري عبد الفتاح السيسي وفدا. "
    assert _met_lavrov(egypt + _WITH_LAVROV.format("الرئيس الحالي")) == [["abdel_fattah_el_sisi", "sergey_lavrov"]]
    assert not any("abdel_fattah_el_sisi" in p for p in _met_lavrov(egypt + _WITH_LAVROV.format("الرئيس الحالي حسان")))
