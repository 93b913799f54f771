"""The fifth speed pass's gates give what the plain reading gives: each rule is run on real
articles with its gate and with the gate opened wide (every position let through), and the two
readings must agree."""
from pathlib import Path

import pytest

from kg import dates, extract, homonyms
from kg.dates import parse_dates
from kg.knowledge import load_knowledge
from kg.sentence_view import make_view
from kg.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent
KB = load_knowledge()
TEXTS = [p.read_text(encoding="utf-8") for folder in ("corpus", "benchmarks/sets/other/dev/corpus")
         for p in sorted((ROOT / folder).glob("*.txt"))]
SENTENCES = [(s, text) for text in TEXTS for s in split_sentences(text)]


@pytest.mark.parametrize("published, year", [(None, None), ("2023-06-15", None), (None, 2019)])
def test_dates_read_near_month_names_only_are_all_the_dates(monkeypatch, published, year):
    gated = [parse_dates(s.tokens, KB, published, year, s.norms) for s, _ in SENTENCES]
    monkeypatch.setattr(dates, "_month_openings", lambda norms, kb: set(range(len(norms))))
    plain = [parse_dates(s.tokens, KB, published, year, s.norms) for s, _ in SENTENCES]
    assert gated == plain
    assert sum(bool(d.month or d.date and len(d.date.value) >= 7) for found in plain for d in found) > 30


def test_month_openings_hold_every_date_with_a_month():
    text = "وصل الوزير في 19 مايو، وغادر من 3 إلى 5 يونيو 2021، وعاد في 7 - 9 تموز."
    s = split_sentences(text)[0]
    found = parse_dates(s.tokens, KB, norms=s.norms)
    assert [d.start for d in found] and all(d.start in dates._month_openings(s.norms, KB) for d in found)
    assert [(d.month, d.day) for d in found][:1] == [(5, 19)]


def test_local_ruler_gate_answers_as_every_title_compared(monkeypatch):
    # the corpus's sentences, and each local ruler's title with a clitic or none before a city
    titled = [split_sentences(f"قال {clitic}{title} القاهرة إن")[0] for title in KB.words("local_ruler_titles")
              for clitic in ("", "و", "ب")]
    positions = [(s.norms, p) for s in [s for s, _ in SENTENCES] + titled for p in range(len(s.norms))]
    gated = [homonyms._after_local_ruler(norms, p, KB) for norms, p in positions]
    monkeypatch.setitem(KB._cache, "local_ruler_title_last_words", _Everything())
    plain = [homonyms._after_local_ruler(norms, p, KB) for norms, p in positions]
    assert gated == plain and any(plain)


class _Everything(frozenset):
    """A word set every word meets: the gate opened wide."""

    def isdisjoint(self, other) -> bool:
        return False


def reference_tickers(sentences, min_tokens=60, prose_mean=30):
    """Every paragraph's size, commas and full stops counted, then the long comma-less ones kept."""
    sizes, with_comma, closed, count = {}, set(), {}, {}
    for s in sentences:
        sizes[s.paragraph] = sizes.get(s.paragraph, 0) + len(s.tokens)
        count[s.paragraph] = count.get(s.paragraph, 0) + 1
        if any(t.norm in ("،", ",") for t in s.tokens):
            with_comma.add(s.paragraph)
        closed[s.paragraph] = closed.get(s.paragraph, 0) + extract._full_stop(s)
    return {p for p, n in sizes.items() if n >= min_tokens and p not in with_comma
            and (2 * closed[p] < count[p] or n > prose_mean * count[p])}


def test_ticker_paragraphs_counted_only_where_long_are_those_of_every_paragraph():
    ticker = " ".join(f"عاجل الوزير يصل إلى العاصمة {k} .." for k in range(12))
    prose = " ".join(f"وصل الوزير إلى العاصمة اليوم في زيارة رسمية رقم {k} ." for k in range(8))
    texts = TEXTS + [f"{ticker}\n{prose}\nقال الوزير، في بيان، إن الزيارة ناجحة."]
    found = [extract._ticker_paragraphs(split_sentences(text)) for text in texts]
    assert found == [reference_tickers(split_sentences(text)) for text in texts]
    assert found[-1] == {0}


def test_a_sentences_forms_hold_its_norms_and_no_mark_its_norms_lack():
    """The word gates test a small lexicon set against a sentence's forms (a set against a set)
    before its norms: sound because the forms hold every norm, and a stem without clitics has
    two letters or more, so a one-character mark such as '(' is among the forms only as a token."""
    for s, _ in SENTENCES:
        assert set(s.norms) <= s.forms
        assert {f for f in s.forms if len(f) == 1} == {n for n in s.norms if len(n) == 1}
    for key in ("signing_verbs", "presence_markers", "counterpart_words", "pair_anaphors", "capital_words"):
        words = KB.words(key)
        assert [words.isdisjoint(s.forms) or words.isdisjoint(s.norms) for s, _ in SENTENCES] == \
            [words.isdisjoint(s.norms) for s, _ in SENTENCES]


def test_a_clause_ends_where_the_scan_of_every_position_finds_its_last():
    views = [make_view(s, KB, [], []) for s, _ in SENTENCES]
    assert any(len(set(v.clause)) > 2 for v in views)
    for v in views:
        assert list(range(v.clause[-1] + 1 if v.clause else 0)) == sorted(set(v.clause))  # none skipped
        for k in set(v.clause):
            assert v.clause_end(k) == max(p for p, cl in enumerate(v.clause) if cl == k)


def test_mentions_sorted_twice_by_attribute_come_in_the_order_of_the_key_tuple():
    from operator import attrgetter

    from kg.sentence_names import named_in_sentence

    for text in TEXTS[:40]:
        ms = [m for s in split_sentences(text) for m in named_in_sentence(s, KB, text)]
        ms += ms[::3]  # ties: the same span twice keeps its order
        twice = sorted(sorted(ms, key=attrgetter("end"), reverse=True), key=attrgetter("start"))  # as link_named
        assert [id(m) for m in twice] == [id(m) for m in sorted(ms, key=lambda m: (m.start, -m.end))]


def test_the_complementizer_before_a_trigger_is_the_one_a_scan_of_its_clause_finds():
    from kg.events import MeetingExtractor

    extractor, words = MeetingExtractor(KB, {}), KB.words("complementizers")
    seen = 0
    for s, _ in SENTENCES:
        view = make_view(s, KB, [], [])
        for t in range(len(s.norms)):
            scan = [p for p in range(t) if s.norms[p] in words and view.clause[p] == view.clause[t]]
            assert extractor._complementizer_before(view, t) == (scan[-1] if scan else None)
            seen += bool(scan)
    assert seen > 100
