"""The curated organizations (ontologies/organizations.yaml): the list's schema, its blocks
complete for the class each one names, and each block found in sentences written for the test
(not from any benchmark), with the bare common words that must name no organization."""
import re
from collections import Counter

import pytest
import yaml

from kg.knowledge import ONTOLOGY_DIR
from kg.text import normalize
from tests.articles import KB, doc

ENTRIES = yaml.safe_load((ONTOLOGY_DIR / "organizations.yaml").read_text(encoding="utf-8"))["organizations"]
LINES = (ONTOLOGY_DIR / "organizations.yaml").read_text(encoding="utf-8").splitlines()


def organization_ids(text: str) -> set[str]:
    """The ids of the organizations kg finds in one written article."""
    r = doc(text)
    return {key for key, e in r.entities.items() if e.type == "Organization"}


def test_every_entry_has_the_fields_and_one_id_and_no_name_of_two_entries():
    for e in ENTRIES:
        assert {"id", "ar", "en", "subtype"} <= set(e), e
        assert e.get("wikidata") is None or re.fullmatch(r"Q\d+", e["wikidata"]), e
    assert [i for i, n in Counter(e["id"] for e in ENTRIES).items() if n > 1] == []
    owners: dict[str, set[str]] = {}
    for e in ENTRIES:
        for name in (e["ar"], *e.get("aliases", [])):
            owners.setdefault(normalize(name), set()).add(e["id"])
    assert {n: ids for n, ids in owners.items() if len(ids) > 1} == {}


def test_every_block_says_its_class_and_where_it_stops_or_its_source():
    blocks, current = [], None
    for line in LINES:
        if line.startswith("  # ---"):
            current = [line]
            blocks.append(current)
        elif current is not None and line.startswith("  #"):
            current.append(line)
        else:
            current = None
    assert len(blocks) >= 12
    for block in blocks:
        text = " ".join(block)
        assert re.search(r"\b(Source|stops|not listed|every|all)\b", text), block[0]


def test_the_aus_eight_regional_economic_communities_and_the_current_peacekeeping_operations():
    ids = {e["id"] for e in ENTRIES}
    assert {"arab_maghreb_union", "cen_sad", "comesa", "eac", "eccas", "ecowas", "igad", "sadc"} <= ids
    assert {"minurso", "minusca", "monusco", "undof", "unficyp", "unifil", "unisfa", "unmik",
            "unmiss", "unmogip", "untso"} <= ids


def test_arab_bodies_and_the_leagues_own_councils():
    found = organization_ids(
        "وأقر مجلس الجامعة العربية على المستوى الوزاري توصيات مجلس الوحدة الاقتصادية العربية، "
        "وأحالها إلى المجلس الاقتصادي والاجتماعي العربي، فيما رحب البرلمان العربي بالقرار.")
    assert {"arab_league_ministerial_council", "council_of_arab_economic_unity",
            "arab_economic_social_council", "arab_parliament"} <= found
    assert "arab_league" not in found  # the council is not the League it belongs to


def test_the_leagues_cooperation_forums_but_no_summit_as_an_organization():
    found = organization_ids("وتستضيف الرياض الدورة المقبلة لمنتدى التعاون العربي الهندي، "
                             "بعد أسابيع من انعقاد القمة العربية الصينية.")
    assert "arab_india_forum" in found
    assert not any("summit" in i for i in found)


def test_african_communities_by_name_and_by_the_acronyms_the_press_writes():
    found = organization_ids("وفرضت إيكواس عقوبات جديدة على المجلس العسكري، ودعت الإيقاد ومجموعة "
                             "التنمية لأفريقيا الجنوبية إلى الحوار، وأيدت لجنة حوض بحيرة تشاد ذلك.")
    assert {"ecowas", "igad", "sadc", "lake_chad_basin_commission"} <= found


def test_a_bare_region_or_union_names_no_organization():
    assert organization_ids("وتشهد منطقة الساحل موجة جفاف، وقال الاتحاد في بيان إن الأسعار ارتفعت.") == set()


def test_asian_european_and_american_blocs_each_their_own():
    found = organization_ids("وناقش المجلس الأوروبي ومجلس أوروبا الملف، كما دعت منظمة الدول الأميركية "
                             "ورابطة جنوب آسيا للتعاون الإقليمي إلى ضبط النفس.")
    assert {"european_council", "council_of_europe", "oas", "saarc"} <= found


def test_opec_and_opec_plus_are_two_bodies():
    assert {"opec", "opec_plus"} <= organization_ids("وقررت أوبك بلس خفض الإنتاج، وقالت أوبك إن السوق متوازنة.")


def test_un_missions_by_their_names_and_arabic_acronyms():
    found = organization_ids("وقالت قوات اليونيفيل إن دورية تعرضت لإطلاق نار، فيما مددت الأمم المتحدة "
                             "ولاية بعثة المينورسو وأنهت عمل يونيتامس.")
    assert {"unifil", "minurso", "unitams"} <= found


@pytest.mark.parametrize("word", ["الساحل", "الاتحاد", "القمة", "المجلس", "الفرنكوفونية", "التحالف"])
def test_common_words_are_no_organizations_name(word):
    assert [v for _, _, v, _ in KB.names.find_all([normalize(word)])
            if KB.entries[v].type == "Organization"] == []


def test_a_longer_name_beginning_with_a_blocs_name_is_its_own_body():
    found = organization_ids("وتوقعت منظمة التعاون الاقتصادي والتنمية تباطؤ النمو، بينما اجتمعت منظمة "
                             "التعاون الاقتصادي في طهران.")
    assert {"oecd", "eco"} <= found


def test_the_uns_six_principal_organs():
    ids = {e["id"] for e in ENTRIES}
    assert {"un_general_assembly", "un_security_council", "un_ecosoc", "un_trusteeship_council", "icj",
            "un_secretariat"} <= ids
    found = organization_ids("وناقش المجلس الاقتصادي والاجتماعي التابع للأمم المتحدة تقرير منظمة الوحدة الأفريقية.")
    assert {"un_ecosoc", "oau"} <= found and "arab_economic_social_council" not in found
