"""Property-based tests: arbitrary Unicode never crashes the text layer or the date parser."""
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.dates import parse_dates
from kg.knowledge import load_knowledge
from kg.text import normalize, split_sentences, tokenize

KB = load_knowledge()
ARABICISH = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), st.sampled_from(list(" \n\t.،/-0123456789")),
    st.characters()), max_size=300)


@given(ARABICISH)
@settings(max_examples=300, deadline=None)
def test_tokens_and_sentences_point_back_into_the_text(text):
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
    for s in split_sentences(text):
        assert 0 <= s.start <= s.end <= len(text)
        for tok in s.tokens:
            assert s.start <= tok.start and tok.end <= s.end and text[tok.start:tok.end] == tok.text


@given(ARABICISH, st.data())
@settings(max_examples=300, deadline=None)
def test_a_span_tokenized_in_place_gives_the_tokens_of_its_copy(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    in_place = [(t.text, t.norm, t.start - a, t.end - a, t.index) for t in tokenize(text, a, b)]
    assert in_place == [tuple(t) for t in tokenize(text[a:b])]


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


@given(ARABICISH, st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
@settings(max_examples=300, deadline=None)
def test_date_parser_never_crashes_and_dates_are_valid(text, published):
    import datetime as dt

    toks = tokenize(text)
    for m in parse_dates(toks, KB, published):
        assert 0 <= m.start < m.end <= len(toks)
        if m.date:
            v = m.date.value
            assert len(v) in (4, 7, 10)
            if len(v) == 10:
                dt.date.fromisoformat(v)


DATE_WORDS = ["في", "من", "إلى", "12", "2015", "19", "-", "/", "عام", "يناير", "كانون", "الثاني", "تموز",
              "أكتوبر", "الماضي", "الجاري", "الأحد", "أمس", "اليوم", "مؤخرا", "زار", "بوتين", "،"]


@given(st.lists(st.sampled_from(DATE_WORDS), max_size=25),
       st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())), st.one_of(st.none(), st.integers(1990, 2030)))
@settings(max_examples=300, deadline=None)
def test_date_spans_do_not_depend_on_the_reference_date(words, published, context_year):
    """Extraction parses a sentence without a reference date first and again with one only
    where dates were found: that relies on the spans being the same either way."""
    toks = tokenize(" ".join(words))
    spans = lambda found: [(m.start, m.end) for m in found]  # noqa: E731
    assert spans(parse_dates(toks, KB)) == spans(parse_dates(toks, KB, published, context_year))


@given(st.lists(st.sampled_from(DATE_WORDS), max_size=25),
       st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())), st.one_of(st.none(), st.integers(1990, 2030)))
@settings(max_examples=300, deadline=None)
def test_dates_resolved_without_a_reference_stay_the_same_with_one(words, published, context_year):
    """Extraction parses a sentence again with the reference date only when some date in it was
    left unresolved: one resolved without a reference is the same with any."""
    toks = tokenize(" ".join(words))
    alone = parse_dates(toks, KB)
    if all(m.date for m in alone):
        assert alone == parse_dates(toks, KB, published, context_year)
