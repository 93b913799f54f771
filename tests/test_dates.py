"""The date grammar on sentences of the kinds Arabic news uses."""
import pytest

from kg.dates import find_published, parse_dates
from kg.knowledge import load_knowledge
from kg.text import tokenize

KB = load_knowledge()


def dates(text, published=None, year=None):
    return [(m.date.value if m.date else None) for m in parse_dates(tokenize(text), KB, published, year)]


@pytest.mark.parametrize("text,expected", [
    ("وبدأت العلاقات في يوليو/ تموز عام 1944", ["1944-07"]),
    ("المؤرخة في 8 أكتوبر / تشرين الأول 1980", ["1980-10-08"]),
    ("وفي 12 شباط 2025 أجرى الرئيس", ["2025-02-12"]),
    ("في أكتوبر1980.", ["1980-10"]),
    ("أخبار سورية ١٧ نوفمبر ٢٠٢٥", ["2025-11-17"]),
    ("التقى الزعيمان في آذار 2023", ["2023-03"]),
    ("في 2015، و 2017 و 2018 وسبتمبر عام 2021", ["2015", "2017", "2018", "2021-09"]),
])
def test_absolute_dates(text, expected):
    assert dates(text) == expected


def test_ranges_keep_both_ends():
    m = parse_dates(tokenize("في الفترة من 19 إلى 22 فبراير/ شباط عام 2022"), KB)[0]
    assert (m.date.value, m.date.end) == ("2022-02-19", "2022-02-22")
    m = parse_dates(tokenize("بتاريخ 10-11 مايو / أيار عام 2010"), KB)[0]
    assert (m.date.value, m.date.end) == ("2010-05-10", "2010-05-11")


def test_relative_dates_need_a_publication_date():
    assert dates("في تموز الماضي") == [None]
    assert dates("في 28 أكتوبر/تشرين الأول الماضي", "2025-11-17") == ["2025-10-28"]
    assert dates("في تشرين الأول الجاري", "2025-10-20") == ["2025-10"]
    assert dates("بحث الوزير، يوم الأحد، مع وفد", "2025-11-17") == ["2025-11-16"]
    assert dates("كشفت وسائل الإعلام، اليوم، أن") == [None]


def test_day_and_month_take_the_paragraph_year():
    assert dates("وفي 21 فبراير/شباط، أجرى لافروف", year=2022) == ["2022-02-21"]


def test_dateline_is_the_publication_date():
    assert find_published("عنوان\n● أخبار سورية ١٧ نوفمبر ٢٠٢٥\n\nنص", KB) == "2025-11-17"
    assert find_published("وفي 11 ديسمبر 2017، التقى بوتين والأسد في قاعدة حميميم الجوية وتحدثا طويلا عن الوضع في سوريا والمنطقة", KB) is None
