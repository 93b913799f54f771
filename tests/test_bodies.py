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


def test_chairing_by_a_title_holder_names_no_presidency():
    r = doc("وافتتحت القمة برئاسة الرئيس الغاني في أكرا، وقال بيان صادر عن رئاسة الجمهورية إنها نجحت.")
    assert set(of_type(r, "Organization")) == {"رئاسة الجمهورية"}


def test_a_service_head_after_another_definite_word_is_an_adjective():
    r = doc("وتراقب الزوارق طول الحدود البحرية المغربية، ويمول البرنامج تدريب القوات الجوية والبحرية الكينية. "
            "واشترت القوات البحرية الملكية الأردنية زوارق، وقال الزعيم الروحي للجماعة الإسلامية الليبية إن الوضع هادئ.")
    assert set(of_type(r, "Organization")) == {"البحرية الملكية الأردنية", "الجماعة الإسلامية الليبية"}


def test_a_short_name_in_parentheses_after_a_quoted_outlet_names_it_too():
    r = doc("ونقلت وكالة «أنباء المغرب العربي» (لاماب) أن الوزير وصل إلى الرباط.")
    orgs = of_type(r, "Organization")
    assert set(orgs) == {"أنباء المغرب العربي"} and "لاماب" in orgs["أنباء المغرب العربي"].alt_labels


def test_a_body_whose_short_name_the_gazetteer_knows_is_that_known_body():
    r = doc("وذكرت وكالة «الصين الجديدة» (شينخوا) أن الوفد وصل إلى بكين.")
    orgs = of_type(r, "Organization")
    assert set(orgs) == {"شينخوا"} and "الصين الجديدة" in orgs["شينخوا"].alt_labels


def test_an_agency_s_status_word_is_no_part_of_its_name_but_names_it_after_a_state():
    r = doc("وفق ما نقلت وكالة الأنباء الكينية الرسمية عن الوزير. وبحسب وكالة تونس الرسمية، استقبل الرئيس ضيفه.")
    assert set(of_type(r, "Organization")) == {"وكالة الأنباء الكينية", "وكالة تونس الرسمية"}


def test_a_quoted_outlet_after_a_definite_described_media_word_even_holding_a_known_short_name():
    r = doc('ونقل الموقع الإخباري الرسمي الكيني "آر تي نيوز كينيا" الخبر، وتنشر الصحيفة "تقارير" كل يوم.')
    assert set(of_type(r, "Organization")) == {"آر تي نيوز كينيا"}


def test_a_head_then_a_quoted_name_names_a_body_by_the_quoted_words():
    r = doc('وفاز حزب «الأمل الجديد» في الانتخابات، وقالت حركة "حماس" إن الهدنة صامدة.')
    orgs = of_type(r, "Organization")
    assert set(orgs) == {"الأمل الجديد", "حماس"} and orgs["حماس"].id == "hamas"


def test_institute_forum_bank_and_centre_heads_but_no_indefinite_description():
    r = doc("وقال معهد البحوث الزراعية إن المحصول وفير، وعقد منتدى التعاون الأفريقي الهندي دورته. "
            "وأعلن البنك المركزي الكيني خفض الفائدة، وساهم في إنشاء بنك للعيون، وهو منتدى ألماني، وافتتحت شركة صينية مصنعا.")
    assert set(of_type(r, "Organization")) == {"معهد البحوث الزراعية", "منتدى التعاون الأفريقي الهندي",
                                               "البنك المركزي الكيني"}


def test_a_council_or_authority_in_construct_through_nouns_without_the_article():
    r = doc("وقعت الشركة مذكرة مع هيئة تشجيع الصادرات الزراعية الكينية، واجتمع اتحاد منتجي الألبان في نيروبي. "
            "ووافق مجلس إدارة الشركة على الخطة، وأدانت وزارة الخارجية الهجوم الإسرائيلي.")
    orgs = of_type(r, "Organization")
    assert set(orgs) == {"هيئة تشجيع الصادرات الزراعية الكينية", "اتحاد منتجي الألبان"}
    assert orgs["هيئة تشجيع الصادرات الزراعية الكينية"].affiliation == "kenya"


def test_a_portfolio_and_a_feminine_nationality_name_the_ministry_but_not_after_a_title_or_a_noun():
    r = doc("وكانت وزارة الخارجية الكينية قد أعلنت الزيارة. وتوجه الوزير نحو مقر الخارجية الكينية. "
            "وصرح مستشار وزير الداخلية الكينية بأن الوفد وصل، وانتقد السياسة الخارجية الأمريكية، وتألق الدفاع التشيكي.")
    orgs = of_type(r, "Organization")
    assert set(orgs) == {"وزارة الخارجية الكينية"} and "الخارجية الكينية" in orgs["وزارة الخارجية الكينية"].alt_labels


def test_a_chain_of_constructs_may_hold_a_word_in_waw_and_end_on_a_state_s_name():
    r = doc("ودعا الوزيران إلى إحياء مجلس وزراء خارجية القرن الأفريقي المتوقف منذ سنوات، واجتمع مجلس وزراء داخلية كينيا في نيروبي.")
    assert set(of_type(r, "Organization")) == {"مجلس وزراء خارجية القرن الأفريقي", "مجلس وزراء داخلية كينيا"}


def test_a_command_a_court_or_a_corps_with_an_adjective_and_a_nationality():
    r = doc("وأعلنت القيادة الجنوبية الأمريكية انتهاء المناورة، وقال الديوان الأميري الكويتي إن الأمير وصل، "
            "بينما ترغب القيادة السورية الجديدة في الحوار.")
    assert set(of_type(r, "Organization")) == {"القيادة الجنوبية الأمريكية", "الديوان الأميري الكويتي"}


def test_a_present_verb_after_an_indefinite_head_opens_a_clause_not_a_chain_of_constructs():
    r = doc("وقال إن مجلس يضم الخبراء سيجتمع غدا، وأعلنت الحكومة تشكيل هيئة تتولى الإشراف على الانتخابات. "
            "وطالب بإنشاء مجلس يمثل الشعب الليبي، ورحب الوزير بقيام هيئة تنمية الصادرات الوطنية.")
    assert set(of_type(r, "Organization")) == {"هيئة تنمية الصادرات الوطنية"}


def test_a_state_s_leadership_or_merchant_fleet_is_no_body_but_a_listed_command_or_fleet_is():
    r = doc("وعبرت القيادة السياسية الفلسطينية عن رفضها، وقالت القيادة الأمنية الإسرائيلية إن التهديد قائم. "
            "وارتفعت حمولة الأسطول التجاري اليوناني، بينما أبحر الأسطول السابع الأمريكي نحو بحر الصين. "
            "وأعلنت القيادة الأمريكية في أفريقيا تنفيذ غارة، ونفت القيادة العامة للقوات المسلحة الكينية وقوع إصابات.")
    orgs = of_type(r, "Organization")
    assert set(orgs) == {"الأسطول السابع الأمريكي", "القيادة الأمريكية في أفريقيا",
                         "القيادة العامة للقوات المسلحة الكينية"}
    assert orgs["القيادة الأمريكية في أفريقيا"].affiliation == "united_states"


def test_the_treasury_and_justice_portfolios_name_their_ministry_with_a_feminine_nationality():
    r = doc("وأكد مسؤول في الخزانة الأمريكية أن العقوبات ستفرض. وقال متحدث باسم العدل الكينية إن التحقيق مستمر، "
            "بينما تراجعت الأوراق المالية الكينية وقال وزير العدل الكيني إن القانون عادل.")
    assert {e.affiliation for e in of_type(r, "Organization").values()} == {"united_states", "kenya"}
    assert len(of_type(r, "Organization")) == 2


def test_a_definite_head_its_adjectives_and_what_it_is_for_name_a_body():
    r = doc("وطعن المحامون أمام المجلس الأعلى للقضاء، بينما دعت الهيئة الأردنية لمكافحة الفساد إلى التحقيق. "
            "وأعلن الاتحاد العام الأردني للمقاولين إضرابا، ووقعت المنظمة الإقليمية للتربية والثقافة والعلوم اتفاقا.")
    orgs = set(of_type(r, "Organization"))
    assert {"المجلس الأعلى للقضاء", "الهيئة الأردنية لمكافحة الفساد",
            "المنظمة الإقليمية للتربية والثقافة والعلوم"} <= orgs
    assert any(o.startswith("الاتحاد العام الأردني للمقاولين") for o in orgs)
    assert r.entities[next(e for e in r.entities if "للمقاولين" in r.entities[e].label_ar)].affiliation == "jordan"


def test_a_body_s_owner_or_an_adjective_of_another_noun_after_the_head_names_no_body():
    r = doc("وانتقد المعارضون المجلس العسكري للبلاد، وواصلت عمليات التحالف الجوية لضرب المواقع الليلة، "
            "ويسعى البنك الزراعي لتمويل المشاريع الصغيرة.")
    assert not of_type(r, "Organization")


def test_a_body_s_state_is_the_state_it_sits_in_but_for_embassies_and_movements():
    r = doc("ووقعت وزارة الزراعة والتنمية الريفية بكينيا مذكرة تفاهم، وقال أعضاء سفارة الدولة بالمغرب إن "
            "الزيارة ناجحة، وشن الجيش غارات على حركة الشباب بالصومال.")
    ministry = next(e for e in r.entities.values() if e.label_ar.startswith("وزارة الزراعة"))
    assert ministry.affiliation == "kenya"
    assert not any(e.affiliation in ("morocco", "somalia") for e in r.entities.values() if e.type == "Organization")


def test_a_head_a_name_of_its_own_and_an_agreeing_adjective_name_a_body():
    r = doc("وتبرعت مؤسسة نوران الخيرية بالأجهزة، وقدم باحثون من جامعة فلوريتا الأمريكية دراسة، "
            "وعقد منتدى بلومار الاقتصادي جلسته الأولى.")
    assert {"مؤسسة نوران الخيرية", "جامعة فلوريتا الأمريكية", "منتدى بلومار الاقتصادي"} <= set(of_type(r, "Organization"))


def test_an_adjective_agreeing_with_no_head_or_a_common_word_after_the_head_names_no_body():
    r = doc("وشهدت الأسواق حركة نشطة الأسبوع الماضي، وقال إن حزب يقود الائتلاف الحاكم، وإن هيئة وطنية "
            "ستتشكل.")
    assert not of_type(r, "Organization")


def test_a_body_named_after_its_city_is_a_body_of_the_city_s_state():
    r = doc("وحاضر أستاذ من جامعة بغداد في المؤتمر، وقدم صندوق أبوظبي للتنمية قرضا، "
            "وقال مجلس محافظة البصرة إن المشروع تأخر.")
    orgs = of_type(r, "Organization")
    assert {"جامعة بغداد", "صندوق أبوظبي للتنمية", "مجلس محافظة البصرة"} <= set(orgs)
    assert orgs["جامعة بغداد"].affiliation == "iraq"
    assert orgs["صندوق أبوظبي للتنمية"].affiliation == "uae"


def test_a_body_named_after_a_state_takes_no_affiliation_from_it_and_two_places_name_none():
    r = doc("ودرس في جامعة كولومبيا في نيويورك، وعقد مجلس دمشق وبيروت للأعمال اجتماعا، "
            "وقدمت جامعة الموصل لتشجيع البحث منحا.")
    orgs = of_type(r, "Organization")
    assert orgs["جامعة كولومبيا"].affiliation is None
    assert not any("دمشق" in o for o in orgs)
    assert "جامعة الموصل" in orgs  # a purpose clause after ل + a noun in construct is the sentence's


def test_a_body_named_after_a_titled_person_takes_the_name_not_the_title_alone():
    r = doc("وتخرج في جامعة الأمير نايف للعلوم الأمنية، ومنحه صندوق الملك سلمان جائزة العام.")
    orgs = set(of_type(r, "Organization"))
    assert "جامعة الأمير نايف للعلوم الأمنية" in orgs
    assert "صندوق الملك سلمان" in orgs and not any(o.endswith("الأمير") or "جائزة" in o for o in orgs)


def test_a_newspaper_is_an_outlet_by_either_word_for_it():
    r = doc("وذكرت جريدة الشروق أن الوفد وصل، ونقلت جريدة دمشق عن مصادر أن الاجتماع انتهى.")
    orgs = set(of_type(r, "Organization"))
    assert {"جريدة الشروق", "جريدة دمشق"} <= orgs
    assert not of_type(r, "Place") and not of_type(r, "State")


def test_a_municipality_is_a_body_only_when_its_town_is_named():
    r = doc("وقال رئيس بلدية الخليل إن المياه عادت، وأعلنت بلدية مدينة طولكرم إغلاق السوق، "
            "وجرت انتخابات بلدية الأسبوع الماضي.")
    orgs = set(of_type(r, "Organization"))
    assert {"بلدية الخليل", "بلدية مدينة طولكرم"} <= orgs
    assert not any("الأسبوع" in o for o in orgs)
