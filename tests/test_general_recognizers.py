"""General recognizers (issue 15), each on a sentence written for the test, not from any benchmark."""

from tests.articles import doc, of_type


def persons(r):
    return of_type(r, "Person")


def test_royal_title_introduces_a_person_of_unknown_nationality():
    r = doc("وصل الأمير تركي بن سعود إلى القاهرة مساء أمس في زيارة قصيرة.")
    assert "تركي بن سعود" in persons(r)
    assert "الأمير" in persons(r)["تركي بن سعود"].roles


def test_military_rank_introduces_a_person():
    r = doc("وقال اللواء سمير الحسيني إن الوحدات انسحبت من المنطقة.")
    assert set(persons(r)) == {"سمير الحسيني"}


def test_any_minister_with_portfolio_and_nationality():
    r = doc("التقى وزير الزراعة الأردني خالد الحنيفات نظراءه في المؤتمر.")
    p = persons(r)["خالد الحنيفات"]
    assert p.affiliation == "jordan" and "وزير الزراعة الأردني" in p.roles


def test_minister_of_a_named_state_takes_its_affiliation():
    r = doc("ووصل معالي وزير خارجية جمهورية العراق فؤاد الساعدي إلى باريس.")
    assert persons(r)["فؤاد الساعدي"].affiliation == "iraq"


def test_chain_of_titles_before_one_name():
    r = doc("واستقبل رئيس الوزراء وزير الدفاع العراقي الفريق سالم الكعبي وفدا من رجال الأعمال.")
    p = persons(r)["سالم الكعبي"]
    assert p.affiliation == "iraq"
    assert {"رئيس الوزراء", "وزير الدفاع العراقي", "الفريق"} <= p.roles


def test_envoy_with_the_country_served_keeps_his_own_state():
    r = doc("وأكد السفير الصيني في لبنان تشيان مينغ أن التعاون مستمر.")
    assert persons(r)["تشيان مينغ"].affiliation == "china"


def test_a_conjoined_title_is_a_second_person_not_apposition():
    r = doc("وحضر اللقاء نائب الوزير سعيد الحربي، وسفير فرنسا لدى مصر جان لوران.")
    assert {"سعيد الحربي", "جان لوران"} <= set(persons(r))
    assert persons(r)["جان لوران"].affiliation == "france"


def test_name_before_the_title_of_a_state():
    r = doc("وأفاد البيان أن كريم الزبيدي نائب وزير الداخلية العراقي زار المعبر.")
    assert persons(r)["كريم الزبيدي"].affiliation == "iraq"


def test_words_after_a_title_that_are_no_name():
    r = doc("وأقام وزير خارجية العراق مأدبة غداء تكريما للضيوف. وقدم للوزير، وقام بجولة في المدينة.")
    assert persons(r) == {}


def test_organizations_by_their_head_nouns():
    r = doc("ودعا مجلس الأمن الدولي وحزب العدالة والتنمية إلى التهدئة، وأصدرت هيئة الأركان العامة "
            "التركية بيانا، فيما قال الجيش الروسي إنه لم يتدخل.")
    orgs = of_type(r, "Organization")
    assert {"مجلس الأمن الدولي", "حزب العدالة والتنمية", "هيئة الأركان العامة التركية"} <= set(orgs)
    assert orgs["هيئة الأركان العامة التركية"].affiliation == "turkey"
    assert "الجيش الروسي" not in orgs  # the army named by its state stands for the state


def test_body_inside_a_title_is_no_organization():
    r = doc("وقال رئيس مجلس الوزراء إن الخطة جاهزة.")
    assert of_type(r, "Organization") == {}


def test_agency_without_quotes_and_its_acronym():
    r = doc("ونقلت وكالة رويترز ووكالة الأنباء الكازاخستانية الرسمية (كازنا) الخبر.\nوأضافت كازنا أن الاجتماع انتهى.")
    orgs = of_type(r, "Organization")
    reuters = next(e for e in orgs.values() if "رويترز" in {e.label_ar, *e.alt_labels})
    assert reuters.subtype == "media" and "وكالة رويترز" in {reuters.label_ar, *reuters.alt_labels}
    agency = orgs["وكالة الأنباء الكازاخستانية"]  # its status word is no part of the name
    assert "كازنا" in agency.alt_labels and agency.mentions == 3 and agency.affiliation == "kazakhstan"


def test_outlet_named_after_a_state_in_quotes_is_no_state():
    r = doc('وقال موقع "روسيا اليوم" إن الطائرة هبطت.')
    assert "روسيا اليوم" in of_type(r, "Organization") and "russia" not in r.entities


def test_named_base_with_kind_operator_and_location():
    r = doc("وهبطت الطائرات في قاعدة النصر الجوية الفرنسية في الأردن أمس.")
    base = next(b for b in r.bases)
    assert r.entities[base.base].label_ar.startswith("قاعدة النصر الجوية")
    assert base.kind == "AirBase" and base.operated_by == ["france"] and base.located_in == ["jordan"]


def test_a_known_base_named_in_quotes_is_that_base():
    for quoted in ("“حميميم”", '"حميميم"', "«حميميم»"):
        r = doc(f"وهبطت طائرة الوزير في قاعدة {quoted} الجوية مساء أمس.")
        assert list(of_type(r, "MilitaryBase")) == ["قاعدة حميميم الجوية"], quoted
        assert r.entities["hmeimim_air_base"].type == "MilitaryBase"

def test_base_named_after_a_place_is_the_known_base_there():
    r = doc("ورست سفينتان في قاعدة طرطوس يوم الاثنين.")
    assert [b.base for b in r.bases] == ["tartus_naval_base"]
    assert "tartus" not in r.entities


def test_summit_of_an_organization_has_it_as_participant():
    r = doc("انعقدت في 3 مارس 2024 القمة الطارئة لجامعة الدول العربية في الرياض.\n"
            "وشارك في القمة الرئيس العراقي سالم الكعبي وأمير دولة قطر الشيخ ناصر بن علي.")
    summits = [m for m in r.meetings if m.kind == "Summit"]
    assert len(summits) == 1
    assert summits[0].participants[0] == "arab_league" and len(summits[0].participants) == 3
    assert str(summits[0].date.value) == "2024-03-03"


def test_delegation_stands_for_its_state_until_a_person_is_named():
    alone = doc("وصل وفد تركي رفيع إلى دمشق في 5 يناير 2024 في زيارة رسمية.")
    assert [m.participants for m in alone.meetings] == [["turkey"]]
    led = doc("وفي 5 يناير 2024 استقبل الرئيس السوري وفدا تركيا برئاسة اللواء كمال أوزتورك.")
    assert "turkey" not in led.meetings[0].participants
    assert any(r.entities[p].label_ar == "كمال أوزتورك" for r in [led] for p in led.meetings[0].participants)


def test_attendance_is_no_new_meeting():
    r = doc("وفي 2 مايو 2024 استقبل الرئيس السوري وزير الزراعة الأردني خالد الحنيفات. "
            "وحضر اللقاء وزير الدفاع العراقي سالم الكعبي والسفير الصيني تشيان مينغ.")
    assert len(r.meetings) == 1


def test_shorter_name_of_an_organization_is_the_same_one():
    r = doc("وأصدر مجلس التعاون لدول الخليج العربية بيانا.\nوقال مجلس التعاون إن القمة ناجحة.")
    assert len(of_type(r, "Organization")) == 1


def test_call_received_by_the_subject_of_an_earlier_clause_and_the_given_name_after():
    r = doc("وتلقى الأمير نايف بن أحمد، في مقر إقامته بالرياض، اتصالا هاتفيا من الرئيس اليمني "
            "سالم الحداد. كما تلقى الأمير نايف اتصالا هاتفيا من الرئيس العراقي كريم الزبيدي.")
    assert len(r.meetings) == 2
    naif = next(e.id for e in r.entities.values() if e.label_ar == "نايف بن أحمد")
    assert all(m.kind == "PhoneCall" and m.participants[0] == naif for m in r.meetings)


def test_places_by_their_head_nouns():
    r = doc("واستقبل الرئيس ضيفه في قصر الاتحادية، وبحثا الوضع في منطقة القوقاز والبحر الأحمر "
            "ومدينة زرقاوان، فيما أعلن الكرملين دعمه. ثم زار قصر الكرملين.")
    places = of_type(r, "Place")
    assert {"قصر الاتحادية", "منطقة القوقاز", "البحر الأحمر", "زرقاوان", "قصر الكرملين"} <= set(places)
    assert "kremlin" in r.entities  # the body itself stays an organization where it acts


def test_no_place_from_a_head_and_a_common_word():
    r = doc("وأقيمت منطقة عازلة قرب مدينة كبيرة.")
    assert of_type(r, "Place") == {}


def test_written_message_in_a_sentence_the_excerpt_quotes_whole():
    r = doc('تسلم" الرئيس العراقي كريم الزبيدي رسالة خطية من الرئيس اليمني سالم الحداد تتعلق بالتعاون بين البلدين".')
    assert [m.kind for m in r.meetings] == ["Message"]


def test_a_hypothetical_encounter_is_no_meeting():
    r = doc("وربما يكون لقاء وزير الزراعة الأردني خالد الحنيفات مع الرئيس العراقي كريم الزبيدي مفيدا.")
    assert r.meetings == []


def test_air_force_navy_and_an_agency_named_with_a_state_adjective():
    r = doc("ويريد سلاح الجو الأردني شراء طائرات تستقبلها البحرية الفرنسية، بحسب وكالة الأنباء السعودية.")
    orgs = of_type(r, "Organization")
    assert {"سلاح الجو الأردني", "البحرية الفرنسية", "وكالة الأنباء السعودية"} <= set(orgs)
    assert "saudi_arabia" not in r.entities


def test_a_capital_after_a_visit_verb_is_the_city():
    r = doc("وقال الوزير الذي يزور القاهرة حاليا إن المحادثات بناءة.")
    assert "cairo" in r.entities and "egypt" not in r.entities


def test_the_same_new_person_named_twice_in_one_article_is_one():
    r = doc("واستقبل وزير الزراعة الأردني خالد الحنيفات ضيوفه.\n"
            "وقال وزير الزراعة الأردني خالد بن محمد الحنيفات إن الموسم جيد.")
    assert [e.label_ar for e in persons(r).values()] == ["خالد بن محمد الحنيفات"]


def test_a_state_named_with_its_form_keeps_that_name():
    r = doc("وشارك في المؤتمر وفد من دولة الإمارات ووزير خارجية جمهورية مصر العربية فؤاد عادل.")
    assert "دولة الإمارات" in r.entities["uae"].alt_labels
    assert persons(r)["فؤاد عادل"].affiliation == "egypt"


def test_a_base_takes_the_operator_of_its_description_nearby():
    r = doc("وهبطت الطائرات في أكبر قاعدة جوية روسية في المنطقة، وهي قاعدة النسر.")
    assert [(r.entities[b.base].label_ar, b.operated_by) for b in r.bases] == [("قاعدة النسر", ["russia"])]


def test_the_presidency_of_the_republic_is_an_organization():
    r = doc("وذكر بيان رئاسة الجمهورية أن الاتصال تناول العلاقات.")
    assert "رئاسة الجمهورية" in of_type(r, "Organization")


def test_arrival_and_a_reception_whose_guest_is_the_sentence_before():
    r = doc("وصل الرئيس العراقي كريم الزبيدي إلى عمان مساء الاثنين.\n"
            "وكان في استقباله وزير الزراعة الأردني خالد الحنيفات واللواء سمير الحسيني.")
    assert len(r.meetings) == 1
    assert len(r.meetings[0].participants) == 3


def test_a_title_after_a_preposition_is_another_person():
    r = doc("ونقل الوزير تحيات الرئيس العراقي للملك سعد الرابع بن فهد.")
    assert "سعد الرابع بن فهد" in persons(r)
    assert persons(r)["سعد الرابع بن فهد"].affiliation is None


def test_a_letter_handed_over_during_a_reception_is_two_encounters():
    r = doc("تسلم الرئيس العراقي كريم الزبيدي رسالة خطية من الرئيس اليمني سالم الحداد، خلال استقباله "
            "اليوم وزير الزراعة الأردني خالد الحنيفات.")
    assert sorted(m.kind for m in r.meetings) == ["Message", "Visit"]


def test_a_base_described_not_named_and_its_second_description():
    r = doc("وأعلن الوزير أن بلاده ستنشئ قاعدة عسكرية في الأردن قريبا. "
            "وستكون القاعدة، وهي أول منشأة عسكرية روسية في المنطقة، مقرا للتدريب.")
    assert len(r.bases) >= 1 and len({b.base for b in r.bases}) == 1
    base = r.entities[r.bases[0].base]
    assert base.type == "MilitaryBase" and base.label_ar == "قاعدة عسكرية"
    assert {x for b in r.bases for x in b.located_in} == {"jordan"}
    assert {x for b in r.bases for x in b.operated_by} == {"russia"}


def test_a_description_beside_a_named_base_is_that_base():
    r = doc("وهبطت الطائرات في قاعدة جوية روسية، وهي قاعدة النسر.")
    assert [r.entities[b.base].label_ar for b in r.bases] == ["قاعدة النسر"]


def test_monarch_title_and_a_title_word_inside_a_name_after_a_particle():
    r = doc("واستقبل العاهل الأردني الملك سعد الرابع الرئيس محمد ولد الشيخ الحسين.")
    assert {"سعد الرابع", "محمد ولد الشيخ الحسين"} <= set(persons(r))
    assert persons(r)["سعد الرابع"].affiliation == "jordan"


def test_a_known_person_named_with_more_lineage_and_a_guest_after_a_place_and_date_clause():
    r = doc("استقبل الرئيس بشار حافظ الأسد، في قصر الشعب بدمشق اليوم، وزير الزراعة الأردني خالد الحنيفات.",
            "2010-05-04")
    assert len(r.meetings) == 1 and len(r.meetings[0].participants) == 2


def test_a_known_person_keeps_the_lineage_the_text_adds_and_not_the_gazetteer_title():
    r = doc("واستقبل ولي العهد الأمير محمد بن سلمان بن عبدالعزيز وزير الزراعة الأردني خالد الحنيفات.")
    mbs = r.entities["mohammed_bin_salman"]
    assert "محمد بن سلمان بن عبدالعزيز" in {mbs.label_ar, *mbs.alt_labels}
    assert "ولي العهد" in mbs.roles


def test_a_state_by_its_formal_name():
    r = doc("وقال سفير المملكة الأردنية الهاشمية في بغداد إن العلاقات جيدة.")
    assert "المملكة الأردنية الهاشمية" in {r.entities["jordan"].label_ar, *r.entities["jordan"].alt_labels}


def test_a_short_name_after_a_title_does_not_swallow_the_next_word():
    r = doc("وتلقى الرئيس العراقي كريم الزبيدي رسالة. وتمنى الوزير للرئيس الزبيدي بموفور الصحة.")
    assert set(persons(r)) == {"كريم الزبيدي"}


def test_a_definite_description_joins_the_known_base_of_its_operator():
    r = doc("وأكد المسؤول أن القاعدة الروسية البحرية في محافظة طرطوس ستتوسع. وقال إن قاعدة حميميم الجوية باقية.")
    assert {b.base for b in r.bases} == {"tartus_naval_base", "hmeimim_air_base"}
    assert "القاعدة الروسية البحرية" in r.entities["tartus_naval_base"].alt_labels


def test_the_author_of_a_byline_is_a_person():
    r = doc("الأحد 05-05-2024 10:12 | كتب: جمعة عبد الحميد |\nوصل الرئيس العراقي كريم الزبيدي إلى عمان.")
    assert "جمعة عبد الحميد" in persons(r)
    assert persons(r)["جمعة عبد الحميد"].roles == set()


def test_a_ministry_in_a_capital_is_that_state_s_and_its_own_node():
    r = doc("والتقى الوزيران في مبنى وزارة الخارجية بطهران.\nثم زار الوفد وزارة الخارجية في القاهرة.")
    orgs = [e for e in r.entities.values() if e.type == "Organization"]
    assert sorted(e.affiliation for e in orgs) == ["egypt", "iran"]


def test_a_new_base_without_a_place_of_its_own_lies_where_the_sentence_is():
    r = doc("ووصل الرئيس العراقي كريم الزبيدي إلى القاهرة حيث سيفتتح قاعدة النسر الجوية.")
    assert [b.located_in for b in r.bases] == [["cairo"]]
