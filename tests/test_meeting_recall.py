"""Meetings on articles of other diplomacy: general rules found on the studied halves, each on a
sentence written for it (not from a benchmark)."""
from tests.articles import doc


def meetings(text, published=None):
    return sorted((m.kind, sorted(m.participants), m.date.value if m.date else None, m.location)
                  for m in doc(text, published).meetings)


def test_a_pronoun_trigger_holds_the_person_named_before_it_in_its_own_sentence():
    found = meetings("استقبل وزير الخارجية الأردني أيمن الصفدي، في عمّان، نظيره الصيني وانغ يي. "
                     "وأكد الصفدي أهمية العلاقات. "
                     "وأكد وزير الخارجية الصيني وانغ يي خلال زيارته للأردن أن بلاده تدعم الحل.")
    assert ("Visit", ["wang_yi"], None, "jordan") in found  # not with Safadi, the sentence before's subject


def test_a_travellers_visit_and_the_reception_by_the_host_are_two_facts():
    found = meetings("استقبل وزير الخارجية الأردني أيمن الصفدي، في عمّان، نظيره الصيني وانغ يي. "
                     "وجاءت زيارة وانغ يي للأردن بعد أشهر من التوتر في المنطقة.")
    assert [p for _, p, _, _ in found] == [["ayman_safadi", "wang_yi"], ["wang_yi"]]


def test_a_visit_told_with_the_talks_it_held_is_one_fact():
    found = meetings("وصل وزير الخارجية الصيني وانغ يي إلى عمّان. "
                     "وجاءت زيارة وانغ يي إلى الأردن ولقاؤه بنظيره الأردني أيمن الصفدي بعد أسابيع من التوتر.")
    assert [p for _, p, _, _ in found] == [["ayman_safadi", "wang_yi"]]


def test_a_welcome_at_the_airport_is_the_visit_and_the_welcoming_party_is_protocol():
    arrival = "وصل الرئيس الإندونيسي جوكو ويدودو إلى الرياض مساء الأحد. "
    at_airport = meetings(arrival + "وكان في استقباله بمطار الملك خالد الدولي وزير الخارجية "
                          "السعودي فيصل بن فرحان وسفير إندونيسيا لدى المملكة عبد العزيز أحمد.")
    assert len(at_airport) == 1 and len(at_airport[0][1]) == 1 and at_airport[0][3] == "riyadh"
    at_palace = meetings(arrival + "وكان في استقباله في قصر اليمامة ولي العهد السعودي الأمير محمد بن سلمان.")
    assert len(at_palace) == 1 and "mohammed_bin_salman" in at_palace[0][1]


def test_undated_visits_to_two_cities_are_two_visits():
    found = meetings("وصل رئيس الوزراء الباكستاني شهباز شريف إلى أبوظبي في زيارة رسمية. "
                     "وكان شهباز شريف قد وصل إلى مسقط في مستهل جولة خليجية.")
    assert sorted(loc for _, _, _, loc in found) == ["abu_dhabi", "muscat"]


def test_undated_mentions_at_a_city_and_in_a_region_may_be_one_encounter():
    found = meetings("التقى الرئيس الكيني وليام روتو الرئيس الصيني شي جين بينغ في بكين. "
                     "وبحث الرئيسان وليام روتو وشي جين بينغ الأوضاع في الشرق الأوسط.")
    assert len(found) == 1


def test_the_place_one_returns_to_is_not_where_one_met():
    found = meetings("وعاد الرئيس الكيني وليام روتو إلى نيروبي بعد لقاء جمعه بالرئيس الصيني شي جين بينغ.")
    assert [(len(p), loc) for _, p, _, loc in found] == [(2, None)]


def treaties(text):
    return [(t.label, sorted(t.parties)) for t in doc(text).treaties]


def test_signing_a_treaty_together_is_a_meeting_and_those_present_are_no_participants():
    text = ("ووقّع وزيرا خارجية الأردن والعراق أيمن الصفدي وفؤاد حسين مذكرة تفاهم للتدريب الدبلوماسي "
            "بحضور رئيس الوزراء العراقي محمد شياع السوداني.")
    assert meetings(text) == [("Meeting", ["ayman_safadi", "fuad_hussein"], None, None)]
    assert treaties(text) == [("مذكرة تفاهم للتدريب الدبلوماسي", ["iraq", "jordan"])]  # the name ends at بحضور


def test_a_batch_of_treaties_is_named_by_its_count_with_the_signers_states():
    text = "وقّع رئيس الوزراء الهندي ناريندرا مودي مع الرئيس الإماراتي محمد بن زايد 5 اتفاقيات تشمل التعاون في الطاقة."
    assert treaties(text) == [("5 اتفاقيات", ["india", "uae"])]
    assert len(meetings(text)) == 1


def test_a_batch_is_left_out_when_the_article_names_one_of_its_treaties():
    found = treaties("وشهد الرئيسان توقيع ست اتفاقيات للتعاون. "
                     "ومن بينها اتفاقية تعاون بين الأردن والعراق في مجال النقل البري.")
    assert found == [("اتفاقية تعاون بين الأردن والعراق في مجال النقل البري", ["iraq", "jordan"])]


def test_a_plural_treaty_word_describes_several_treaties_not_one():
    assert treaties("وبحث الوزيران تفعيل اتفاقيات الشراكة الاقتصادية بين كينيا وأوغندا.") == []
    assert treaties("وتراجع الاهتمام بالاتفاقيات التجارية القديمة في المنطقة.") == []
    # a plural that someone signs is an agreement made
    signed = treaties("ووقعت كينيا وأوغندا اتفاقيات للتعاون في مجالي الطاقة والنقل.")
    assert len(signed) == 1 and sorted(signed[0][1]) == ["kenya", "uganda"]
    # a set named after the city of its conference is one treaty
    assert treaties("وأكد الوزير التزام بلاده اتفاقيات أوسلو الموقعة مع إسرائيل.") == [("اتفاقيات أوسلو", [])]


def test_an_ordinal_treaty_phrase_is_a_name():
    alone = treaties("وتتعلق الاتفاقية الثانية بين مصر وكينيا بالتعاون في مجال الري.")
    assert alone == [("الاتفاقية الثانية", ["egypt", "kenya"])]


def test_a_treaty_name_in_quotes_is_its_whole_name():
    assert treaties('ووقعت كينيا وأوغندا اتفاقية "الممر الأخضر للتجارة" في نيروبي.') == [
        ('اتفاقية "الممر الأخضر للتجارة"', ["kenya", "uganda"])]
    assert [t for t, _ in treaties('وانضمت كينيا إلى اتفاق "أوبك+" العام الماضي.')] == ['اتفاق "أوبك+"']
    # a quoted judgement is no name
    assert [t for t, _ in treaties('وقعت كينيا وأوغندا اليوم اتفاقا "تاريخيا" لترسيم الحدود.')] != ['اتفاقا "تاريخيا"']
    # words quoted about a treaty named before are no name
    assert treaties('وقال الوزير إن الاتفاق "لم يعد قائما".') == []


def test_a_headlines_short_treaty_name_is_the_longer_one_of_the_article():
    found = treaties("اتفاقية تعاون بين الأردن والعراق\n\n"
                     "ووقع وزير الخارجية الأردني أيمن الصفدي ونظيره العراقي فؤاد حسين في عمّان اتفاقية تعاون "
                     "في مختلف المجالات الثقافية.")
    assert found == [("اتفاقية تعاون في مختلف المجالات الثقافية", ["iraq", "jordan"])]


def test_one_generic_treaty_name_signed_by_other_states_in_two_articles_is_two_treaties():
    from kg.merge import merge_results
    from tests.articles import KB
    a = doc("وتم توقيع اتفاقية تعاون بين الأردن والعراق.", name="a")
    b = doc("وتم توقيع اتفاقية تعاون بين مصر وأوغندا.", name="b")
    c = doc("ووقعت مصر وأوغندا اتفاقية تعاون بين البلدين.", name="c")
    assert sorted(sorted(t.parties) for t in merge_results([a, b, c], KB).treaties) == [
        ["egypt", "uganda"], ["iraq", "jordan"]]


def test_an_encounter_during_a_visit_told_in_one_clause_leaves_the_visit_a_fact_of_its_own():
    found = meetings("واختتم رئيس الوزراء الإثيوبي آبي أحمد زيارة إلى كينيا أجرى خلالها مباحثات مع الرئيس "
                     "الكيني وليام روتو.")
    assert [(k, len(p), loc) for k, p, _, loc in found] == [("Talks", 2, "kenya"), ("Visit", 1, "kenya")]


def test_a_ceremony_is_no_meeting_trigger_of_its_own():
    """Ceremonies (حفل، مراسم) are left out as triggers: one that some officials missed, or joined
    by a recorded message, would read as their meeting (tests/test_meeting_silence.py)."""
    found = meetings("شارك الرئيس الفرنسي إيمانويل ماكرون في مراسم تنصيب رئيس الوزراء البريطاني كير ستارمر "
                     "عبر رسالة مسجلة.")
    assert found == []


def test_a_person_whose_death_is_told_takes_part_in_nothing():
    found = meetings("وهذه هي الزيارة الأولى لوزير الخارجية العماني بدر البوسعيدي إلى إيران بعد وفاة الرئيس "
                     "الإيراني إبراهيم رئيسي.")
    assert found == [("Visit", ["badr_albusaidi"], None, "iran")]


def test_a_head_of_state_the_text_does_not_name_takes_part_as_his_state():
    assert meetings("تلقى الرئيس الجزائري عبد المجيد تبون رسالة خطية من رئيس جمهورية غانا.") == [
        ("Message", ["abdelmadjid_tebboune", "ghana"], None, None)]


def test_who_receives_a_letter_addressed_to_another_hands_it_on():
    found = meetings("تسلم وزير الخارجية الكويتي عبدالله اليحيا رسالة خطية من رئيس جمهورية غانا إلى أمير "
                     "الكويت الشيخ مشعل الأحمد الجابر الصباح.")
    assert [(k, sorted(p)) for k, p, _, _ in found] == [("Message", ["ghana", "mishal_al_ahmad"])]


def test_a_place_that_locates_another_and_a_region_talked_about_are_no_meeting_places():
    assert meetings("وصل الرئيس الكيني وليام روتو إلى منتجع ريكسوس الواقع على البحر الأحمر.")[0][3] is None
    assert meetings("وصل الرئيس الكيني وليام روتو إلى البحر الأحمر.")[0][3] == "red_sea"
    assert meetings("وبحث الرئيس الكيني وليام روتو والرئيس الصيني شي جين بينغ الأوضاع في الشرق الأوسط.")[0][3] is None
    assert meetings("زار الرئيس الكيني وليام روتو الشرق الأوسط.")[0][3] == "middle_east"  # a visit may go to one


def test_arrivals_at_the_place_of_an_articles_summit_are_taking_part_in_it():
    found = meetings("وافتتحت في إسطنبول أعمال القمة الأفريقية التركية التي تستضيفها تركيا على مدى يومين. "
                     "ووصل الرئيس الكيني وليام روتو إلى إسطنبول. "
                     "كما وصل الرئيس الغاني نانا أكوفو أدو إلى مدينة إزمير حيث يزور مصنعا للسفن.")
    summit = [p for k, p, _, loc in found if k == "Summit" and loc == "istanbul"]
    assert len(summit) == 1 and "turkey" in summit[0] and len(summit[0]) == 2  # the host and the arrival
    assert [loc for k, _, _, loc in found if k == "Visit"] == ["izmir"]  # elsewhere: a visit of its own


def test_a_visit_to_a_capital_named_by_its_state_goes_to_that_state():
    found = meetings("وصل الرئيس الكيني وليام روتو إلى العاصمة التركية، في أول زيارة رسمية منذ سنوات. "
                     "ويأتي ذلك بعد أسابيع من اتصال مع تركيا.")
    assert found[0][3] == "turkey"


def test_expectations_wishes_invitations_and_the_future_tense_are_plans():
    for text in ("ومن المتوقع أن يلتقي الرئيس الكيني وليام روتو الرئيس الصيني شي جين بينغ في بكين.",
                 "ومن المنتظر أن يستقبل الرئيس الصيني شي جين بينغ الرئيس الكيني وليام روتو في بكين.",
                 "وأعرب الرئيس الكيني وليام روتو عن أمله في لقاء الرئيس الصيني شي جين بينغ قريبا.",
                 "ودعا الرئيس الكيني وليام روتو الرئيس الصيني شي جين بينغ إلى زيارة نيروبي.",
                 "وسيجري الرئيس الكيني وليام روتو محادثات مع الرئيس الصيني شي جين بينغ.",
                 "ويرتقب أن يجتمع الرئيس الكيني وليام روتو بالرئيس الصيني شي جين بينغ."):
        assert meetings(text) == [], text
    assert len(meetings("والتقى الرئيس الكيني وليام روتو الرئيس الصيني شي جين بينغ في بكين.")) == 1


def test_more_ways_to_tell_a_call_and_a_meeting_of_two():
    said = {"هاتف وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي لبحث التطورات.": "PhoneCall",
            "تلقى وزير الخارجية المصري سامح شكري اتصالا من نظيره الأردني أيمن الصفدي.": "PhoneCall",
            "وتبادل وزير الخارجية المصري سامح شكري ونظيره الأردني أيمن الصفدي وجهات النظر خلال اجتماعهما "
            "في عمان.": "Meeting",
            "تحادث الرئيس الجزائري عبد المجيد تبون مع نظيره التونسي قيس سعيد حول العلاقات الثنائية.": "Talks",
            "عقد وزير الخارجية المغربي ناصر بوريطة جلسة عمل مع نظيره الموريتاني محمد سالم ولد مرزوك بالرباط.": "Talks"}
    for text, kind in said.items():
        found = meetings(text)
        assert [(k, len(p)) for k, p, _, _ in found] == [(kind, 2)], text


def test_a_batch_by_a_count_in_digits_joins_the_treaty_words_after_it_and_takes_the_witnesses_states():
    assert treaties("ووقعت الحكومتان المصرية والأردنية 12 اتفاقية ومذكرة تفاهم في مجالات مختلفة.") == [
        ("12 اتفاقية ومذكرة تفاهم", ["egypt", "jordan"])]
    assert treaties("وشهد الرئيسان عبد الفتاح السيسي والملك عبد الله الثاني توقيع 15 اتفاقية للتعاون.") == [
        ("15 اتفاقية", ["egypt", "jordan"])]
    assert treaties("ووقعت بريطانيا والبحرين في ديسمبر 2014 اتفاقية شراكة دفاعية.")[0][0] == "اتفاقية شراكة دفاعية"


def test_a_plane_landing_with_a_leader_is_his_arrival():
    found = meetings("وحطت طائرة الرئيس الكيني وليام روتو في مطار القاهرة الدولي مساء الأحد.")
    assert [(k, len(p)) for k, p, _, _ in found] == [("Visit", 1)]


def test_who_speaks_of_a_visit_by_others_is_not_the_visitor():
    assert meetings("وقال الرئيس الكيني وليام روتو إن الخطة التي قدمها الوفد الذي زار المنطقة تستحق الدعم.") == []


def test_a_short_name_joins_a_longer_one_only_when_it_goes_on_with_its_field_or_parties():
    found = treaties("وقال إن اتفاق الطائف باق. وأشار إلى اتفاق الطائف، مؤكدا أهميته.")
    assert sorted(label for label, _ in found) == ["اتفاق الطائف", "اتفاق الطائف باق"]


def test_talks_between_the_two_sides_hosted_by_a_state():
    found = meetings("وبعد أشهر من التوتر بين إثيوبيا والصومال، أعلنت الحكومة القطرية أن قطر استضافت مباحثات "
                     "بين الجانبين.")
    assert [(k, p) for k, p, _, _ in found] == [("Talks", ["ethiopia", "qatar", "somalia"])]


def test_those_present_are_listed_up_to_the_next_trigger():
    found = meetings("استقبل الرئيس الجزائري عبد المجيد تبون وزير الخارجية الروسي سيرغي لافروف. "
                     "وجرى اللقاء بحضور وزير الدولة، وزير الشؤون الخارجية، أحمد عطاف، ووزير الداخلية إبراهيم مراد.")
    assert [sorted(p) for _, p, _, _ in found] == [["abdelmadjid_tebboune", "sergey_lavrov"]]
