"""Meetings, treaties and bases read from real sentences, and merged across articles."""
from kg.merge import merge_results

from tests.articles import KB, doc as result


def meetings(text, published=None):
    return [(m.kind, sorted(m.participants), m.date.value if m.date else None, m.location)
            for m in result(text, published).meetings]


def test_meeting_with_date_and_base():
    assert meetings("وفي 11 ديسمبر / كانون الأول 2017، التقى بوتين والأسد، في قاعدة حميميم الجوية، بعناصر الجيشين.") == [
        ("Meeting", ["bashar_al_assad", "vladimir_putin"], "2017-12-11", "hmeimim_air_base")]


def test_phone_call_and_message():
    assert meetings("وفي 12 شباط 2025 أجرى الرئيس الروسي فلاديمير بوتين اتصالاً هاتفياً مع الرئيس أحمد الشرع، هنأه فيه.") == [
        ("PhoneCall", ["ahmed_al_sharaa", "vladimir_putin"], "2025-02-12", None)]
    assert meetings("وفي 20 آذار 2025 بعث بوتين رسالة رسمية إلى الرئيس الشرع.")[0][:3] == (
        "Message", ["ahmed_al_sharaa", "vladimir_putin"], "2025-03-20")


def test_list_of_dates_gives_one_visit_per_date():
    found = meetings("وعلى مدى السنوات الماضية، زار الأسد روسيا مرارا في زيارات عمل، في أكتوبر / تشرين الأول عام 2015. "
                     "ونوفمبر/ تشرين الثاني عام 2017 ومايو / أيار عام 2018 وسبتمبر / أيلول عام 2021.")
    assert [d for _, _, d, _ in found] == ["2015-10", "2017-11", "2018-05", "2021-09"]
    assert all(k == "Visit" and p == ["bashar_al_assad"] and loc == "russia" for k, p, _, loc in found)


def test_undated_repetition_is_no_meeting():
    assert meetings("ومنذ بداية الأزمة، زار وزير الخارجية السوري السابق، وليد المعلم، روسيا عدة مرات.") == []


def test_plans_and_invitations_are_not_meetings():
    assert meetings("وقال الرئيس التركي رجب طيب أردوغان إنه وجه دعوة للأسد لعقد قمة ثلاثية مع بوتين.") == []
    assert meetings("ومن المقرر أن يلتقي بوتين والأسد في موسكو الشهر المقبل.") == []


def test_interview_with_media_is_no_meeting():
    assert meetings('أكد الرئيس السوري بشار الأسد خلال لقاء حصري مع وكالة "سبوتنيك" أن البلدين يخططان لمشاريع.') == []


def test_relative_dates_resolve_against_publication():
    text = "بحث وزير الدفاع السوري مرهف أبو قصرة، يوم الأحد، مع وفد عسكري روسي رفيع برئاسة يونس بك يفكيروف، سبل التعاون، في زيارة وصفت بالأضخم."
    found = meetings(text, "2025-11-17")
    assert found[0][2] == "2025-11-16" and len(found[0][1]) == 2
    assert meetings(text)[0][2] is None  # no publication date: left unresolved, never guessed


def test_meeting_inside_a_visit_range_joins_the_visit():
    found = meetings("في الفترة من 19 إلى 22 فبراير/ شباط عام 2022، زار المقداد روسيا مرة أخرى. "
                     "وفي 21 فبراير/شباط، أجرى لافروف والمقداد محادثات مكثفة حول القضايا الدولية.")
    assert found == [("Visit", ["faisal_mekdad", "sergey_lavrov"], "2022-02-21", "russia")]


def test_pair_anaphor_is_the_two_leaders_named_before():
    found = meetings("وقال بوتين إن العلاقات جيدة، وأشار الأسد إلى الثقة.\nالتقى الزعيمان آخر مرة في آذار 2023، خلال زيارة الأسد لموسكو.")
    assert found == [("Visit", ["bashar_al_assad", "vladimir_putin"], "2023-03", "moscow")]


def test_same_event_in_two_articles_is_one_meeting_with_two_sources():
    a = result("وفي 11 ديسمبر / كانون الأول 2017، التقى بوتين والأسد، في قاعدة حميميم الجوية.", name="a")
    b = result("في ديسمبر 2017، التقى الرئيسان بوتين والأسد، بقاعدة حميم الجوية الروسية في سوريا.", name="b")
    corpus = merge_results([a, b], KB)
    assert len(corpus.meetings) == 1
    m = corpus.meetings[0]
    assert m.date.value == "2017-12-11" and sorted(m.documents) == ["a", "b"]


def test_treaty_name_date_and_parties():
    r = result("وتستند إلى معاهدة الصداقة والتعاون السوفيتية السورية الأساسية المؤرخة في 8 أكتوبر / تشرين الأول 1980، واتخذت العلاقات الشكل الودي.")
    t = r.treaties[0]
    assert (t.label, t.parties, t.date.value) == (
        "معاهدة الصداقة والتعاون السوفيتية السورية الأساسية", ["soviet_union", "syria"], "1980-10-08")
    r = result("وهي علاقات ترتكن لمعاهدة الصداقة والتعاون بين الاتحاد السوفيتي والنظام السوري في أكتوبر1980.")
    t = r.treaties[0]
    assert (t.label, sorted(t.parties), t.date.value) == ("معاهدة الصداقة والتعاون", ["soviet_union", "syria"], "1980-10")


def test_bases_with_location_and_operator_from_the_text():
    r = result("وتمتلك روسيا عدة قواعد في سوريا، بما في ذلك قاعدة حميميم الجوية في محافظة اللاذقية ومنشأة بحرية في ميناء طرطوس البحري.")
    facts = {b.base: (b.kind, b.located_in, b.operated_by) for b in r.bases}
    assert facts["hmeimim_air_base"] == ("AirBase", ["latakia"], ["russia"])
    assert facts["tartus_naval_base"] == ("NavalBase", ["tartus"], ["russia"])


def test_visit_to_a_capital_named_with_its_nationality_keeps_the_city():
    found = meetings("وصل وزير الخارجية الروسي سيرغي لافروف، اليوم الأربعاء، إلى العاصمة السورية دمشق "
                     "في زيارة رسمية، حيث التقى الرئيس أحمد الشرع.", "2025-12-03")
    assert found == [("Visit", ["ahmed_al_sharaa", "sergey_lavrov"], "2025-12-03", "damascus")]


def test_weekday_beside_a_full_date_and_a_guest_after_the_date_clause():
    found = meetings("استقبل الرئيس التركي رجب طيب أردوغان في أنقرة، يوم الثلاثاء 14 يناير/ كانون الثاني 2025، "
                     "وزير الدفاع الروسي أندريه بيلوسوف، وبحثا الوضع في شمال سوريا.")
    assert len(found) == 1
    kind, people, date, place = found[0]
    assert (kind, date, place) == ("Visit", "2025-01-14", "ankara") and len(people) == 2


def test_treaty_parties_after_a_participle():
    r = result("وناقش الجانبان اتفاق سوتشي الموقع بين تركيا وروسيا في 22 أكتوبر 2019.")
    t = r.treaties[0]
    assert (t.label, sorted(t.parties), t.date.value) == ("اتفاق سوتشي", ["russia", "turkey"], "2019-10-22")


def test_envoy_title_with_qualifier_and_country_served():
    found = meetings("وفي سياق متصل، التقى المبعوث الأممي إلى سوريا غير بيدرسن بوزير الخارجية السوري "
                     "أسعد الشيباني في دمشق يوم الأحد.", "2025-01-14")
    assert len(found) == 1 and len(found[0][1]) == 2 and found[0][2] == "2025-01-12"


def test_a_titled_guest_right_after_the_host_is_a_new_participant():
    found = meetings("كما التقى الشرع رئيس الوزراء الروسي ميخائيل ميشوستين، وبحث معه سبل تعزيز التبادل التجاري.")
    assert len(found) == 1 and "ahmed_al_sharaa" in found[0][1] and len(found[0][1]) == 2


def test_a_meeting_inside_a_long_quote_is_reported_speech_not_narration():
    said = 'وقال المتحدث: "إن بوتين التقى الأسد في موسكو أمس بحسب ما نقل الإعلام"، دون تفاصيل.'
    told = "وفي 12 شباط 2025 التقى بوتين الأسد في موسكو."
    assert meetings(said, "2025-02-13") == []
    assert [m[0] for m in meetings(told)] == ["Meeting"]


def test_quoted_positions_cover_long_quotes_only_and_an_unclosed_one_to_the_end():
    from kg.events import quoted_positions
    from kg.text import split_sentences

    def quoted(text):
        s = split_sentences(text)[0]
        return [s.tokens[p].text for p in sorted(quoted_positions(s))]

    assert quoted('قال «هذا كلام طويل من خمس كلمات» ثم مضى') == ["«", "هذا", "كلام", "طويل", "من", "خمس", "كلمات", "»"]
    assert quoted('قال «كلام قصير» ثم "هذا كلام طويل بلا نهاية هنا') == ['"', "هذا", "كلام", "طويل", "بلا", "نهاية", "هنا"]


def test_since_date_and_report_date_are_not_the_encounter_date():
    ms = meetings("في أول زيارة له منذ 2019، وصل الرئيس السوري بشار الأسد إلى القاهرة حيث التقى الرئيس "
                  "المصري عبد الفتاح السيسي.\nوقال بيان رسمي، الخميس 3 أبريل 2025، إن الأسد غادر عقب لقائه "
                  "فلاديمير بوتين.")
    assert ms and all(date is None for _, _, date, _ in ms)


def test_the_speaker_of_a_report_is_no_participant():
    ms = meetings("وأوضح المتحدث باسم الكرملين دميتري بيسكوف أن الأسد قام في 2 مايو 2019 بزيارة عمل إلى سوتشي.")
    assert [parts for _, parts, _, _ in ms] == [["bashar_al_assad"]]


def test_a_meeting_on_the_sidelines_is_an_encounter_of_its_own():
    ms = meetings("واجتمع وزراء خارجية روسيا وتركيا وإيران: سيرغي لافروف وهاكان فيدان وعباس عراقجي.\n"
                  "وعلى هامش الاجتماع، عقد هاكان فيدان لقاء ثنائيا مع سيرغي لافروف.")
    assert len(ms) == 2


def test_states_listed_as_parties_of_talks_without_persons():
    ms = meetings("واختتمت جولة مفاوضات جنيف، وهي روسيا وتركيا وإيران، دون اتفاق.")
    assert [parts for _, parts, _, _ in ms] == [["iran", "russia", "turkey"]]


def test_signed_agreement_in_the_accusative_and_an_anaphoric_one():
    r = result("وقعت مصر والأردن اتفاقاً يقضي بتوسيع التعاون في مجال الطاقة.\n"
               "وشملت الاتفاقية إنشاء خط للغاز.")
    assert [t.label for t in r.treaties] == ["اتفاقاً يقضي بتوسيع التعاون في مجال الطاقة"]  # its field named


def test_the_speaker_before_a_mentioned_visit_is_no_participant():
    ms = meetings("وقال المتحدث باسم الكرملين دميتري بيسكوف، اليوم، حول زيارة الرئيس السوري إلى موسكو، "
                  "إنها ناجحة.", "2020-03-02")
    assert [parts for _, parts, _, _ in ms] == [["bashar_al_assad"]]


def test_a_headline_in_the_present_tense_tells_an_encounter():
    ms = meetings("وزير الزراعة الأردني خالد الحنيفات يستقبل وزير الزراعة العراقي كريم الزبيدي في عمان\n"
                  "وزيرا الزراعة يبحثان التعاون")
    assert len(ms) == 1 and len(ms[0][1]) == 2


def test_a_visit_dated_only_by_an_unresolved_today_joins_the_dated_talks_at_that_place():
    ms = meetings("أجرى الرئيس فلاديمير بوتين الخميس (2 مايو 2019) محادثات مع الرئيس بشار الأسد في سوتشي.\n"
                  "وأوضح المتحدث أن الأسد قام اليوم بزيارة عمل إلى سوتشي.")
    assert [(parts, date) for _, parts, date, _ in ms] == [(["bashar_al_assad", "vladimir_putin"], "2019-05-02")]


def test_a_visit_over_a_range_of_days_keeps_the_range():
    found = result("في الفترة من 19 إلى 22 فبراير/ شباط عام 2022، زار المقداد روسيا مرة أخرى.").meetings
    assert [(m.kind, m.date.value, m.date.end) for m in found] == [("Visit", "2022-02-19", "2022-02-22")]
