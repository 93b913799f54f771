"""A date grammar for Arabic news: absolute, partial, ranged and relative dates.

The words (months in both naming systems, weekdays, "الماضي", "مؤخرا", …) come from the
lexicon; this module only knows the shapes dates take. Relative dates are resolved against
the article's publication date and left unresolved without one (never against the clock).
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from kg.knowledge import KnowledgeBase
from kg.model import Date
from kg.text import NORM, Token, positions, stems


@dataclass(frozen=True)
class DateMention:
    start: int            # index into the token list given
    end: int
    date: Date | None     # None: relative or partial date that could not be resolved
    month: int | None = None
    day: int | None = None

    @property
    def needs_year(self) -> bool:
        return self.date is None and self.month is not None


def _int(tok: Token) -> int | None:
    return int(tok.norm) if tok.norm.isascii() and tok.norm.isdigit() else None


def _is_year(tok: Token) -> bool:
    n = _int(tok)
    return n is not None and len(tok.norm) == 4 and 1800 <= n <= 2100


def _is_day(tok: Token | None) -> bool:
    n = _int(tok) if tok else None
    return n is not None and 1 <= n <= 31 and len(tok.norm) <= 2


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if day:
            return dt.date(year, month, day).isoformat()
    except (ValueError, TypeError):
        return None
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def parse_dates(tokens: list[Token], kb: KnowledgeBase, published: str | None = None,
                context_year: int | None = None, norms: tuple[str, ...] | None = None) -> list[DateMention]:
    """All dates in a token sequence, left to right (`norms`: the tokens' normalized forms, when
    the caller has them: a sentence's)."""
    if norms is None:
        norms = tuple(map(NORM, tokens))
    # most tokens are neither a number nor a date word: find the few that are in one pass
    starts = positions(map(kb.date_starts().__getitem__, norms))
    if not starts:
        return []  # no number, no date word: a fifth of the sentences of news
    pub = dt.date.fromisoformat(published) if published else None
    words = kb.date_word_lists()
    found: list[DateMention] = []
    relative_words = kb.relative_date_words()
    openers = kb.words("day_range_openers")
    # most sentences with a number name no month (any() stops at the first that does), and
    # most numbers of those that do are far from it
    month_near = _month_openings(norms, kb) if kb.months.any_start(norms) else ()
    free = 0  # first token after the last date found
    for i in starts:
        if i < free or (norms[i] in openers and not _is_day(_get(tokens, i + 1))):
            continue  # "من", one of the commonest words, begins a date only as "من 19 إلى 22 …"
        mention = _numeric_date(tokens, norms, i) or (
            _month_date(tokens, norms, i, kb, words, pub, context_year) if i in month_near else None)
        if mention:
            found.append(mention)
            free = mention.end
            continue
        tok = tokens[i]
        if _is_year(tok):
            found.append(DateMention(i, i + 1, Date(tok.norm)))
        elif relative := relative_words[tok.norm]:
            found.append(DateMention(i, i + 1, _relative_date(*relative, pub) if pub else None))
    return found


def _month_openings(norms, kb: KnowledgeBase) -> set[int]:
    """Where a date with a month's name may start: at the month, or up to four tokens before it
    ('19 مايو', '19 - 22 مايو', 'من 19 إلى 22 مايو'); _month_date reads no month anywhere else."""
    return {p - d for p in positions(kb.months.forms_of(norms)) for d in range(5)}


def _numeric_date(tokens, norms, i) -> DateMention | None:
    """'06-09-2014', '25/7/2023': day, month and year in figures (a dateline's form)."""
    if i + 4 >= len(tokens) or norms[i + 1] not in ("-", "/", ".") or norms[i + 3] != norms[i + 1] \
            or not (_is_day(tokens[i]) and _is_day(tokens[i + 2]) and _is_year(tokens[i + 4])):
        return None
    try:
        day = dt.date(_int(tokens[i + 4]), _int(tokens[i + 2]), _int(tokens[i]))
    except ValueError:
        return None
    return DateMention(i, i + 5, Date(day.isoformat()), day.month, day.day)


def _relative_date(kind: str, weekday: int | None, pub: dt.date) -> Date:
    """The date a relative word names, seen from the publication date."""
    if kind == "weekday":
        return Date((pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)).isoformat())
    if kind == "today":
        return Date(pub.isoformat())
    if kind == "yesterday":
        return Date((pub - dt.timedelta(days=1)).isoformat())
    return Date(str(pub.year))  # recent


def _month_at(tokens, norms, i, kb):
    """(month number, index after the month name and any doubled '/ other name')."""
    if i >= len(tokens):
        return None
    hit = kb.months.match_at(norms, i, stems(norms[i]))
    if not hit:
        return None
    n, month, _ = hit
    j = i + n
    # the doubled form: "أكتوبر / تشرين الأول", "يوليو/ تموز"
    if j < len(tokens) and norms[j] in ("/", "-", "(", "،"):
        again = kb.months.match_at(norms, j + 1, stems(norms[j + 1])) if j + 1 < len(tokens) else None
        if again and again[1] == month:
            j = j + 1 + again[0]
            if j < len(tokens) and norms[j] == ")":
                j += 1
    return month, j


def _month_date(tokens, norms, i, kb, words, pub, context_year) -> DateMention | None:
    """day? (range)? month (/month)? (عام)? year? (الماضي|الجاري)?"""
    start, day, day_end = i, None, None
    j = i
    if norms[j] in kb.words("day_range_openers") and _is_day(_get(tokens, j + 1)) and _get(norms, j + 2) in kb.words("day_range_links") \
            and _is_day(_get(tokens, j + 3)):
        day, day_end, j = _int(tokens[j + 1]), _int(tokens[j + 3]), j + 4
    elif _is_day(tokens[j]) and _get(norms, j + 1) == "-" and _is_day(_get(tokens, j + 2)):
        day, day_end, j = _int(tokens[j]), _int(tokens[j + 2]), j + 3
    elif _is_day(tokens[j]):
        day, j = _int(tokens[j]), j + 1
    month_hit = _month_at(tokens, norms, j, kb)
    if not month_hit:
        return None
    month, j = month_hit
    k = j
    if k < len(tokens) and norms[k] in words["year_words"]:
        k += 1
    if k < len(tokens) and _is_year(tokens[k]):
        year = _int(tokens[k])
        return _make(start, k + 1, year, month, day, day_end)
    # relative month: "تموز الماضي", "تشرين الأول الجاري"
    if j < len(tokens) and norms[j] in words["month_past"]:
        if not pub:
            return DateMention(start, j + 1, None)
        year = pub.year if month < pub.month else pub.year - 1
        return _make(start, j + 1, year, month, day, day_end)
    if j < len(tokens) and norms[j] in words["month_current"]:
        if not pub:
            return DateMention(start, j + 1, None)
        return _make(start, j + 1, pub.year, month, day, day_end)
    year = context_year
    if year is None and pub is not None:
        year = pub.year if (month, day or 1) <= (pub.month, pub.day) else pub.year - 1
    if year is None:
        return DateMention(start, j, None, month=month, day=day)
    return _make(start, j, year, month, day, day_end)


def _make(start, end, year, month, day, day_end) -> DateMention | None:
    value = _iso(year, month, day)
    if value is None:
        return DateMention(start, end, None)
    last = _iso(year, month, day_end) if day_end else None
    return DateMention(start, end, Date(value, last))


def _get(seq, i):
    return seq[i] if 0 <= i < len(seq) else None


def find_published(text: str, kb: KnowledgeBase) -> str | None:
    """A full date on a short line near the top (a dateline) is the publication date."""
    from kg.text import tokenize

    lines = (m.group() for m in re.finditer(r"[^\n]*\S[^\n]*", text))  # lazily: only the top is read
    for line in itertools.islice(lines, 5):
        if len(line.split()) > 12:  # at least as many tokens as words: no dateline
            continue
        toks = tokenize(line)
        if sum(t.norm.isalnum() for t in toks) > 12:  # words and figures; marks do not count
            continue
        for m in parse_dates(toks, kb):
            if m.date and m.date.precision == "day":
                return m.date.value
    return None
