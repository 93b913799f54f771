"""The rules that generate the world lists, on small inputs of their own (no CLDR, no GeoNames)."""
import pytest

from kg.knowledge import ONTOLOGY_DIR
from kg.world import read_yaml
from kg.world.cities import _adjective, _clitic_collision, _common_word, _noun_like, label_first, similarity
from kg.world.nationality import forms_of, stem
from kg.world.states import clean_ar, slug


@pytest.mark.parametrize("name,masc", [("موريتانيا", "موريتاني"), ("السعودية", "سعودي"), ("إيران", "إيراني"),
                                       ("كندا", "كندي"), ("الأردن", "أردني"), ("جيبوتي", "جيبوتي")])
def test_nisba_rule(name, masc):
    assert stem(name) + "ي" == masc
    forms = forms_of(name)
    assert forms[:4] == [masc, "ال" + masc, masc[:-1] + "ية", "ال" + masc[:-1] + "ية"]
    assert masc[:-1] + "يين" in forms and "ال" + masc[:-1] + "يون" in forms


def test_two_word_names_agree_and_compounds_take_one_article():
    assert forms_of("كوريا الجنوبية")[:2] == ["كوري جنوبي", "الكوري الجنوبي"]
    assert forms_of("x", ["جنوب سوداني"])[:4] == ["جنوب سوداني", "الجنوب سوداني", "جنوب سودانية", "الجنوب سودانية"]
    assert forms_of("جزر سليمان")[0] == "سليماني"
    assert forms_of("ترينيداد وتوباغو")[0] == "ترينيدادي"


def test_cldr_names_and_slugs():
    assert clean_ar("ميانمار (بورما)") == ("ميانمار", ["بورما"])
    assert clean_ar("عُمان") == ("عمان", [])
    assert slug("Bosnia and Herzegovina") == "bosnia_and_herzegovina" and slug("Côte d’Ivoire") == "cote_divoire"


def test_label_is_the_most_frequent_name_and_unlike_names_are_dropped():
    freq = {"درعا": 4.3, "أذرعات": 1.0, "القدس": 5.0}
    zipf = lambda w: freq.get(w, 0.0)  # noqa: E731
    assert label_first(["أذرعات", "درعا"], zipf)[0] == "درعا"
    assert label_first(["القدس", "صهيون", "القدس الشريف"], zipf) == ["القدس", "القدس الشريف"]
    assert similarity("طرابلس", "ترابلس") > 0.5 > similarity("القدس", "صهيون")


def test_clitic_collisions_and_adjectives_by_frequency():
    freq = {"فريدة": 4.4, "ريدة": 2.7, "وان": 5.0, "أن": 7.0, "سلمي": 3.7, "سلمية": 4.0,
            "بحرية": 4.5, "دبي": 4.5, "منبج": 3.6}
    zipf = lambda w: freq.get(w, 0.0)  # noqa: E731
    assert _clitic_collision("ريدة", zipf, 0.5) and _clitic_collision("وان", zipf, 0.5)
    assert not _clitic_collision("منبج", zipf, 0.5)
    assert _adjective("سلمية", zipf, 3.6) and _adjective("بحري", zipf, 3.6)
    assert not _adjective("دبي", zipf, 3.6)


def test_common_words_name_no_city_by_a_general_rule_not_a_hand_list():
    """A verb (أدري), a noun as frequent with the article as without (خالص, الحمام) and a rarer
    spelling that is a word (قوم for قم) name no city; a city's own frequent name (درعا, مأرب)
    and a noun the NER corpora read as a place (الخليل) do. Real frequencies (wordfreq)."""
    from functools import partial

    from wordfreq import zipf_frequency

    zipf = partial(zipf_frequency, lang="ar")
    rules = read_yaml(ONTOLOGY_DIR / "place_stopwords.yaml")["rules"]

    def common(name, population, others=(), placed=False):
        city = {"population": population, "arabic": [name, *others]}
        return _common_word(name, city, rules, zipf, placed)
    assert common("أدري", 21950) and common("خالص", 70046) and common("الحمام", 18407)
    assert common("قوم", 900000, others=["قم"])
    assert not common("درعا", 97969) and not common("مأرب", 16794) and not common("تدمر", 51015)
    assert not common("الخليل", 160470, placed=True)
    stop = read_yaml(ONTOLOGY_DIR / "place_stopwords.yaml")
    assert "خالص" not in stop["common_words"]  # the rule, not a hand entry, keeps it out
    cities = {c["id"] for c in read_yaml(ONTOLOGY_DIR / "cities.yaml")["cities"]}
    assert {"dara", "ma_rib", "hebron"} <= cities and not {"adre", "al_hammam", "khalis"} & cities
    # a large city keeps its word-like names for context only (tests/test_homonyms.py)
    qom = next(c for c in read_yaml(ONTOLOGY_DIR / "cities.yaml")["cities"] if c["id"] == "qom")
    assert "قوم" not in qom.get("aliases", []) + [qom["ar"]] or "قوم" in qom["context_names"]


def test_a_broken_source_file_is_one_line_naming_it(tmp_path):
    bad = tmp_path / "state_overrides.yaml"
    bad.write_text("by_code: [unclosed\n", encoding="utf-8")
    with pytest.raises(SystemExit) as e:
        read_yaml(bad)
    assert str(bad) in str(e.value) and "\n" not in str(e.value)


def test_a_foreign_g_is_spelt_both_ways_when_the_news_does_and_an_arabic_one_is_not():
    """أنغولا is also أنجولا (in use), with its adjectives; المغرب (an Arab state) gets no
    المجرب, and a spelling the news hardly writes (جامبيا) is no alias. Real frequencies."""
    from functools import partial

    from wordfreq import zipf_frequency

    from kg.world.states import g_spellings

    states = [{"id": "angola", "iso": "AO", "ar": "أنغولا", "aliases": [], "nationality": []},
              {"id": "gambia", "iso": "GM", "ar": "غامبيا", "aliases": [], "nationality": []},
              {"id": "morocco", "iso": "MA", "ar": "المغرب", "aliases": [], "nationality": []}]
    g_spellings(states, {"AO", "GM"}, partial(zipf_frequency, lang="ar"), 2.5, 1.0)
    assert states[0]["aliases"] == ["أنجولا"] and "الأنجولي" in states[0]["nationality"]
    assert states[1]["aliases"] == [] and states[2]["aliases"] == []
    angola = next(e for e in read_yaml(ONTOLOGY_DIR / "states.yaml")["states"] if e["id"] == "angola")
    assert "أنجولا" in angola["aliases"]


def test_a_name_kept_for_a_large_city_or_one_tagged_a_place_is_marked_a_noun_when_it_is_one():
    """مشهد (scene), بورصة (stock exchange) and الخليل (the friend) name their cities, but are nouns
    as frequent with the article as without: marked, so a noun in construct is not read as the city."""
    from functools import partial

    from wordfreq import zipf_frequency

    zipf = partial(zipf_frequency, lang="ar")
    rules = read_yaml(ONTOLOGY_DIR / "place_stopwords.yaml")["rules"]
    assert _noun_like("مشهد", rules, zipf) and _noun_like("بورصة", rules, zipf) and _noun_like("الخليل", rules, zipf)
    assert not _noun_like("حلب", rules, zipf) and not _noun_like("مكة", rules, zipf) and not _noun_like("درعا", rules, zipf)
    cities = {c["id"]: c for c in read_yaml(ONTOLOGY_DIR / "cities.yaml")["cities"]}
    assert cities["mashhad"]["noun_names"] == ["مشهد"] and "noun_names" not in cities["aleppo"]


def test_a_geonames_name_opening_with_a_run_of_alefs_has_one():
    from kg.world.cities import arabic_names
    assert arabic_names(["Foo", "اااللاذقية", "مدينة ااالسويس", "اللاذقية"]) == ["اللاذقية", "مدينة السويس"]


def test_a_city_gets_the_alef_spelling_in_use_but_not_a_word_with_a_hamza():
    from kg.world.cities import alef_spellings
    freq = {"نواكشوط": 3.8, "انواكشوط": 2.7, "أنواكشوط": 1.6, "رملة": 2.8, "ارملة": 2.9, "أرملة": 3.9,
            "بنها": 3.2, "ابنها": 4.3, "دبي": 4.5, "ادبي": 2.5, "أدبي": 4.2}
    rules = {"alef_spelling_min_zipf": 2.0, "alef_spelling_max_drop": 1.5}
    zipf = lambda w: freq.get(w, 0.0)  # noqa: E731
    assert alef_spellings(["نواكشوط", "رمله", "بنها", "دبي"], zipf, rules, set()) == ["انواكشوط"]
    assert alef_spellings(["نواكشوط"], zipf, rules, {"انواكشوط"}) == []
