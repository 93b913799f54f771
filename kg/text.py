"""Text layer: normalization for matching, tokens and sentences with offsets into the original.

Normalization never replaces the text: every token keeps (start, end) into the article as
read, and carries its normalized form (`norm`) for lexicon and gazetteer look-ups.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, compress, count
from operator import attrgetter
from typing import Iterable, NamedTuple

#: Quotation marks, and the mark that closes each opening one (Arabic texts also open with ”).
QUOTE_MARKS = frozenset("\"“”«»'")
CLOSING_QUOTE = {'"': '"', "“": "”", "«": "»", "”": "”"}
OPENING_QUOTES = frozenset(CLOSING_QUOTE)
#: what follows the place of a dateline: "الرياض (واس) -", "القاهرة - ". Not a colon: "روسيا: …"
#: opens a headline quoting a government as often as a dateline
DATELINE_MARKS = frozenset("(-–")
#: the longest header line read as a dateline ("بغداد في 4 آذار /وكالة الأنباء الوطنية/": 8 words)
_HEADER_WORDS = 12

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b-\u200d\ufeff]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": None,
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Eastern (Persian) digits
})

#: Proclitic sequences stripped to find a word's stem, longest first.
_PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل",
               "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")

_TOKEN = re.compile(
    r"[A-Za-z]+(?:['’][A-Za-z]+)?"            # Latin words
    r"|[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,][0-9\u0660-\u0669\u06f0-\u06f9]+)?"  # numbers
    r"|[\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06ff\u0750-\u077f"
    r"\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe]+"  # Arabic letter runs
    r"|[^\s]"                                  # any other single visible character
)


def strip_diacritics(text: str) -> str:
    """The text without harakat, shadda, dagger alif or Quranic marks (what every name lookup drops)."""
    return _DIACRITICS.sub("", text)


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Fold an Arabic string for matching: NFC, no diacritics/tatweel/bidi marks, unified letters.
    Cached: every token of every article is folded, and news repeats its words."""
    text = unicodedata.normalize("NFC", text)
    text = _BIDI.sub("", text)
    text = strip_diacritics(text)
    return text.translate(_FOLD)


class Token(NamedTuple):
    """A word, number or punctuation mark (a NamedTuple: made by the million, so kept light)."""
    text: str   # as in the article
    norm: str   # normalized for matching
    start: int  # offset of the first character in the article
    end: int    # offset after the last character
    index: int  # position in the document's token list


def tokenize(text: str, start: int = 0, end: int | None = None, first_index: int = 0) -> list[Token]:
    """The words, numbers and punctuation marks of text[start:end], with offsets into `text`.

    No token holds a space, so the region is cut at its spaces (in C) and each piece read by the
    token pattern once per distinct piece (news repeats its words, and the pattern and folding
    cost more than the rest of tokenizing); a piece's offsets are its own plus where it lies."""
    tokens: list[Token] = []
    append = tokens.append
    make = tuple.__new__  # Token(...) without NamedTuple's Python-level __new__: tokens come by the million
    index = first_index
    at = start  # where the piece begins
    pieces = _PIECES
    for piece in text[start:len(text) if end is None else end].split(" "):
        for word, norm, begin, stop in pieces[piece]:
            append(make(Token, (word, norm, at + begin, at + stop, index)))
            index += 1
        at += len(piece) + 1
    return tokens


class _Kept(dict):
    """A pure function's values by argument, computed on first look-up; a plain dict subscript
    costs half an lru_cache call. Starts again past `limit` words (a bound on memory)."""

    def __init__(self, compute, limit: int = 200_000) -> None:
        super().__init__()
        self.compute, self.limit = compute, limit

    def __missing__(self, key):
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value


def _piece_tokens(piece: str) -> tuple[tuple[str, str, int, int], ...]:
    """(word, normalized form, start and end in the piece) of each token of a space-free piece of
    text (none for the empty piece two spaces make); a token of diacritics or bidi marks alone
    normalizes to nothing and keeps its text."""
    return tuple((m.group(), normalize(m.group()) or m.group(), m.start(), m.end()) for m in _TOKEN.finditer(piece))


_PIECES = _Kept(_piece_tokens)


def _stems(norm: str) -> tuple[str, ...]:
    """The word and its forms without proclitics: وبموسكو -> [وبموسكو, بموسكو?, موسكو, ...]."""
    forms = [norm]
    for clitic in _PROCLITICS:
        if norm.startswith(clitic) and len(norm) - len(clitic) >= 2:
            rest = norm[len(clitic):]
            if clitic.endswith("ال") or clitic.endswith("لل"):
                rest = "ال" + rest  # وال/بال/لل keep the article: للرئيس -> الرئيس
            if rest not in forms:
                forms.append(rest)
    return tuple(forms)


_STEMS = _Kept(_stems)
#: stems(norm): _stems kept per word, looked up in C (every token of every sentence asks)
stems = _STEMS.__getitem__


def definite(norm: str) -> bool:
    """'الخارجية', 'والدفاع', 'بالجمهورية', 'للأمم': the word, after its clitics, carries the article."""
    return any(f.startswith("ال") for f in stems(norm))


def surface_without_clitic(tok: Token, form: str) -> str:
    """The token's text without the proclitic that `form` (a stem of tok.norm) dropped."""
    if form == tok.norm:
        return tok.text
    letters = [i for i, ch in enumerate(tok.text) if ch.isalpha()]
    drop = len(tok.norm) - len(form)
    if form.startswith("ال") and not tok.norm[drop:].startswith("ال"):
        # للرئيس -> الرئيس: the article was contracted into the clitic
        return "ال" + tok.text[letters[drop + 2]:] if drop + 2 < len(letters) else tok.text
    return tok.text[letters[drop]:] if drop < len(letters) else tok.text


NORM = attrgetter("norm")
TEXT = attrgetter("text")


def positions(flags: Iterable[object]) -> list[int]:
    """Where the true items are. Most tokens start nothing a matcher looks for: this finds the
    few that may in one pass in C, instead of a Python loop over every token."""
    return list(compress(count(), flags))


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    index: int
    tokens: tuple[Token, ...]
    #: the tokens' normalized forms, for the dozen matchers that read them
    norms: tuple[str, ...] = field(compare=False, repr=False)
    #: every token's forms with and without clitics: a word list disjoint from this set has
    #: nothing to find in the sentence, which one set operation in C tells
    forms: frozenset[str] = field(compare=False, repr=False)

    @classmethod
    def of(cls, start: int, end: int, paragraph: int, index: int, tokens: tuple[Token, ...]) -> Sentence:
        """A sentence with its norms and forms, which every sentence needs (built here, not on first
        use: a cached property's first look-up costs more than the building). Its fields are set at
        once, as kg.model.evolve sets a mention's: a frozen dataclass's __init__ sets each through
        object.__setattr__."""
        norms = tuple(map(NORM, tokens))
        sentence = object.__new__(cls)
        sentence.__dict__.update(start=start, end=end, paragraph=paragraph, index=index, tokens=tokens, norms=norms,
                                 forms=frozenset(chain.from_iterable(map(stems, norms))))
        return sentence

    def text(self, article: str) -> str:
        return article[self.start:self.end]

    def has_none_of(self, words: frozenset[str]) -> bool:
        """Whether no token of the sentence, as normalized, is one of `words`: a set test against
        its forms first (they hold its norms; most sentences end there, in C), then its norms."""
        return words.isdisjoint(self.forms) or words.isdisjoint(self.norms)

    def position(self, token_index: int) -> int:
        """Where a document token index falls in this sentence (its tokens are numbered in a row)."""
        return token_index - self.tokens[0].index

    def dateline_at(self, pos: int, header_links: frozenset[str] = frozenset()) -> bool:
        """Whether the word at `pos` is a dateline's place, where the article was filed from: the
        first word of a sentence, before a parenthesis or a dash ('الرياض (واس) -', 'القاهرة –'); or
        the first word of the short header line that opens an article in the agencies' form
        "place في date" ('بغداد في 4 آذار /وكالة/'; header_links: the lexicon's dateline_header_links).
        A slash alone proves nothing: a headline opens with its subject government ('موسكو تحذر
        واشنطن / تقرير', 'طهران ترفض … 12/5/2023')."""
        if pos != 0 or len(self.tokens) < 2:
            return False
        if self.tokens[1].text in DATELINE_MARKS:
            return True
        return self.index == 0 and len(self.tokens) <= _HEADER_WORDS and self.tokens[1].norm in header_links \
            and any(ch.isdigit() for t in self.tokens[2:4] for ch in t.text)


_SENTENCE_END = re.compile(r"[.!?؟]+[\"”»)]*(?=\s)")
#: A period followed by a conjoined month name or year continues a list of dates
#: ("في أكتوبر 2015. ونوفمبر 2017 ومايو 2018"), so it does not end the sentence.
#: The prepositions that instead open a new sentence after و (lexicon `sentence_opening_prepositions`)
#: are put in the lookahead when the lexicon is first needed. A word is read whole (`++`, no
#: backtracking into it): cutting a word in two only spends one of the three words, so it finds
#: no list the whole words miss, and trying every cut made this test cost 4 µs a period.
_CONTINUES_LIST_PATTERN = r"\s*و\s?(?:\d{{4}}\b|(?!{opening})[\u0621-\u064a]++\s*/?\s*(?:[\u0621-\u064a]++\s*){{0,3}}\d{{4}})"


@lru_cache(maxsize=1)
def _continues_list() -> re.Pattern:
    """The date-list pattern, its exceptions read from ontologies/lexicon.yaml (the default
    folder: the words are grammar, not names, whatever knowledge base a build is given). Taken
    from the default knowledge base's lexicon, which a build or worker has loaded already (from
    its compiled cache): parsing the YAML file again cost 25 ms in every process."""
    from kg.knowledge import load_knowledge

    words = load_knowledge().lexicon["sentence_opening_prepositions"]
    opening = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(_CONTINUES_LIST_PATTERN.format(opening=f"(?:{opening})" if len(words) > 1 else opening))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets. Each line is a paragraph; within it, end punctuation splits."""
    sentences: list[Sentence] = []
    token_index = 0
    paragraph = -1
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        paragraph += 1
        start = line.start()
        continues_list = _continues_list()
        cuts = [m.end() for m in _SENTENCE_END.finditer(text, line.start(), line.end())
                if not continues_list.match(text, m.end())]
        for end in cuts + [line.end()]:
            chunk = text[start:end]
            stripped = chunk.strip()
            if stripped:
                s_start = start + len(chunk) - len(chunk.lstrip())
                s_end = s_start + len(stripped)
                toks = tokenize(text, s_start, s_end, token_index)
                token_index += len(toks)
                sentences.append(Sentence.of(s_start, s_end, paragraph, len(sentences), tuple(toks)))
            start = end
    return sentences


def quoted_names(surface: str) -> set[str]:
    """The shorter names the text gives a name with a quoted part ('قاعدة “الشهيد” البحرية'): the
    quoted part alone ('الشهيد') and, when more words follow it, the name up to its closing quote
    ('قاعدة “الشهيد”')."""
    marks = [k for k, c in enumerate(surface) if c in QUOTE_MARKS]
    if len(marks) != 2:
        return set()
    start, close = marks
    out = {surface[start + 1:close].strip()}
    if surface[close + 1:].strip():
        out.add(surface[:close + 1])
    return out - {""}
