"""Recognizers: each turns a document's sentences into mentions with offsets and a type.

1. gazetteer: the labels and aliases of ontologies/gazetteer.yaml, clitic-aware;
2. patterns: a role title (and nationality), then a name the gazetteer may not know;
3. role descriptions: "الرئيس السوري", "نظيره الروسي", "الرئيسان الروسي والسوري";
4. Stanza NER spans (kg.stanza_ner), when a model is loaded.
"""
from __future__ import annotations

from kg.knowledge import KnowledgeBase
from kg.model import Mention
from kg.text import CLOSING_QUOTE, QUOTE_MARKS, Sentence, Token, normalize, positions



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


def _phrase_surface(tokens: list[Token], i: int, n: int, form: str, text: str) -> str:
    first = surface_without_clitic(tokens[i], form)
    if n == 1:
        return first
    return first + text[tokens[i].end:tokens[i + n - 1].end]


def gazetteer_mentions(sentence: Sentence, kb: KnowledgeBase, text: str) -> list[Mention]:
    tokens = sentence.tokens
    found: list[Mention] = []
    for i, n, entry_id, form in kb.names.find_in(sentence):
        entry = kb.entries[entry_id]
        found.append(Mention(
            tokens[i].index, tokens[i + n - 1].index + 1, tokens[i].start, tokens[i + n - 1].end,
            _phrase_surface(tokens, i, n, form, text), entry.type, "gazetteer", entry_id,
            sentence=sentence.index))
    return found


def _nationality_after(norms: list[str], j: int, kb: KnowledgeBase) -> tuple[str | None, int]:
    """A nationality adjective at j (and 'السابق'), as (state id, index after)."""
    if j < len(norms) and norms[j] in kb.nationality:
        state = kb.nationality[norms[j]]
        j += 1
        if j < len(norms) and norms[j] in ("السابق", "السابقه", "الراحل"):
            j += 1
        return state, j
    return None, j


def title_at(norms: list[str], i: int, kb: KnowledgeBase):
    """A role title at token i: (title, state or None, index after it, stem matched)."""
    forms = kb.titles.starts(norms[i])
    hit = kb.titles.match_at(norms, i, forms) if forms else None
    if not hit:
        return None
    n, title, form = hit
    j = i + n
    if normalize(title).endswith("باسم"):
        # "المتحدث باسم الوزارة المصرية،": the body spoken for is part of the title
        k = j
        while k < len(norms) and k - j < 5 and norms[k] not in ("،", ",", ":"):
            k += 1
        if k < len(norms) and norms[k] in ("،", ","):
            return title, kb.nationality.get(norms[k - 1]), k, form
    state, j = _nationality_after(norms, j, kb)
    # "المبعوث الأممي إلى سوريا غير بيدرسن": a qualifier and the country served
    qualifiers = kb.words("title_qualifiers")
    if j < len(norms) and norms[j] in qualifiers:
        j += 1
        if j + 1 < len(norms) and norms[j] in ("الي", "لدي"):
            j += 2
    return title, state, j, form


def _name_stops(kb: KnowledgeBase) -> frozenset[str]:
    """Words that end a name read after a title."""
    return kb.derived("name_stops", lambda: kb.words("name_stops") | set(kb.nationality)
                      | kb.words("counterpart_words"))


def _introducers(kb: KnowledgeBase) -> frozenset[str]:
    """Titles that introduce a name without being the person's role ('نظيره')."""
    return kb.derived("introducers", lambda: frozenset(kb.lexicon["name_introducers"])
                      | frozenset(kb.lexicon["counterpart_words"]))


def pattern_mentions(sentence: Sentence, kb: KnowledgeBase, text: str,
                     known: list[Mention]) -> list[Mention]:
    """Persons introduced by a title: 'وزير الدفاع السوري مرهف أبو قصرة'.

    Returns new Person mentions for unknown names and role-annotated copies of known ones.
    """
    if not kb.titles.can_match(sentence):
        return []
    tokens = sentence.tokens
    norms = sentence.norms
    by_start = {m.start: m for m in known}
    ends = {m.end: m for m in known if m.type == "Person"}
    stops, introducers = _name_stops(kb), _introducers(kb)
    particles = kb.words("name_particles")
    out: list[Mention] = []
    free = 0  # first token after the last title and name read
    for i in positions(kb.titles.forms_of(norms)):
        if i < free:
            continue
        found = title_at(norms, i, kb)
        if found is None:
            continue
        title, state, j, form = found
        # skip a comma or an opening quote between title and name
        while j < len(tokens) and (norms[j] in ("،", ",") or tokens[j].text in QUOTE_MARKS):
            j += 1
        if j < len(tokens) and tokens[j].index in by_start:
            m = by_start[tokens[j].index]
            if m.type == "Person" and title not in introducers:
                out.append(_with_role(m, _role_text(tokens, i, j, text, form), state))
            free = j
            continue
        comma = i >= 2 and norms[i - 1] in ("،", ",")
        before = i - 2 if comma else i - 1
        # without a comma only a title with no nationality is apposition: "يوحنا العاشر بطريرك
        # أنطاكية", but "التقى الشرع رئيس الوزراء الروسي ميخائيل ميشوستين" names someone new
        if before >= 0 and tokens[before].index + 1 in ends and title not in introducers \
                and (comma or state is None):
            # apposition "NAME، TITLE،" or "NAME TITLE": the title describes the name before it
            m = ends[tokens[before].index + 1]
            out.append(_with_role(m, _role_text(tokens, i, j, text, form), state))
            free = j
            continue
        name_end = j
        while (name_end < len(tokens) and name_end - j < 3 and tokens[name_end].norm.isalpha()
               and "\u064b" not in tokens[name_end].text
               and norms[name_end] not in stops and not kb.titles.match_at(norms, name_end)
               and tokens[name_end].index not in by_start
               and not kb.triggers.match_at(norms, name_end)):
            name_end += 1
        inner_articles = [k for k in range(j + 1, name_end) if norms[k].startswith("ال")
                          and norms[k - 1] not in particles and norms[k] not in particles]
        delimited = name_end == len(tokens) or norms[name_end] in ("،", ",", ".", ":") \
            or tokens[name_end].text in QUOTE_MARKS
        name_like = not inner_articles or (title not in introducers and (name_end - j == 2 or delimited))
        if name_end - j >= 2 and name_like and not norms[j].startswith("ال") and _is_arabic(tokens[j].text):
            surface = text[tokens[j].start:tokens[name_end - 1].end]
            role = None if title in introducers else _role_text(tokens, i, j, text, form)
            m = Mention(tokens[j].index, tokens[name_end - 1].index + 1, tokens[j].start,
                               tokens[name_end - 1].end, surface, "Person", "pattern",
                               role=role, affiliation=state, sentence=sentence.index)
            out.append(m)
            ends[m.end] = m
            free = name_end
        else:
            free = max(j, i + 1)
    return out


def outlet_mentions(sentence: Sentence, kb: KnowledgeBase, text: str, covered: set[int]) -> list[Mention]:
    """Outlets the gazetteer does not know, named in quotes after a media word: 'قناة "فوكس نيوز"'."""
    tokens = sentence.tokens
    heads = kb.stem_forms("media_heads")
    out: list[Mention] = []
    if heads.words.isdisjoint(sentence.forms):
        return out
    for i in positions(map(heads.__getitem__, sentence.norms[:-2])):
        j = i + 1
        close = CLOSING_QUOTE.get(tokens[j].text)
        if close is None:
            continue
        k = j + 1
        while k < len(tokens) and tokens[k].text != close and k - j <= 4:
            k += 1
        if k >= len(tokens) or tokens[k].text != close or k == j + 1:
            continue
        inner = tokens[j + 1:k]
        if any(t.index in covered for t in inner) or not all(t.norm.isalpha() for t in inner):
            continue
        out.append(Mention(inner[0].index, inner[-1].index + 1, inner[0].start, inner[-1].end,
                           text[inner[0].start:inner[-1].end], "Organization", "pattern",
                           sentence=sentence.index, subtype="media"))
    return out


def body_mentions(sentence: Sentence, kb: KnowledgeBase, text: str, covered: set[int]) -> list[Mention]:
    """Government bodies the gazetteer does not know: 'وزارة الدفاع التركية' (head, field, nationality)."""
    tokens = sentence.tokens
    norms = sentence.norms
    heads = kb.stem_forms("government_body_heads")
    out: list[Mention] = []
    if heads.words.isdisjoint(sentence.forms):
        return out
    for i in positions(map(heads.__getitem__, norms)):
        tok = tokens[i]
        if tok.index in covered:
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 3 and norms[j] not in kb.nationality and norms[j].startswith(("ال", "وال")):
            j += 1
        if j == i + 1 or j >= len(tokens) or norms[j] not in kb.nationality:
            continue
        if any(t.index in covered for t in tokens[i:j + 1]):
            continue
        form = heads[tok.norm][0]
        surface = surface_without_clitic(tok, form) + text[tok.end:tokens[j].end]
        out.append(Mention(tok.index, tokens[j].index + 1, tok.start, tokens[j].end, surface,
                           "Organization", "pattern", affiliation=kb.nationality[norms[j]],
                           sentence=sentence.index, subtype="government"))
    return out


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


def _role_text(tokens: list[Token], i: int, j: int, text: str, form: str) -> str:
    """The title as written (with its nationality), without clitics or trailing commas."""
    end = j
    while end > i + 1 and (tokens[end - 1].norm in ("،", ",") or tokens[end - 1].text in QUOTE_MARKS):
        end -= 1
    first = surface_without_clitic(tokens[i], form)
    return (first + text[tokens[i].end:tokens[end - 1].end]).strip()


def _with_role(m: Mention, role: str, state: str | None) -> Mention:
    return Mention(m.start, m.end, m.char_start, m.char_end, m.surface, m.type, m.source,
                   m.entity_id, role=role, affiliation=state,
                   sentence=m.sentence)


def role_descriptions(sentence: Sentence, kb: KnowledgeBase, covered: set[int],
                      persons: set[int] | None = None, text: str = "") -> list[Mention]:
    """Office descriptions without a name: 'الرئيس السوري', 'نظيره الروسي', 'الرئيسان الروسي والسوري'.

    They carry the title and state; linking resolves them to the office holder at the time.
    """
    counterpart = kb.phrases("counterpart_words")
    pairs = kb.words("pair_anaphors")
    out: list[Mention] = []
    if not (counterpart.can_match(sentence) or kb.titles.can_match(sentence)
            or not pairs.isdisjoint(sentence.norms)):
        return out
    tokens = sentence.tokens
    norms = sentence.norms
    may_start = [c or t or n in pairs for c, t, n in zip(counterpart.forms_of(norms), kb.titles.forms_of(norms), norms)]
    for i in positions(may_start):
        tok = tokens[i]
        if tok.index in covered:
            continue
        if counterpart.starts(norms[i]):
            state, j = _nationality_after(norms, i + 1, kb)
            if j < len(tokens) and tokens[j].index in (covered if persons is None else persons):
                continue  # "نظيره الروسي سيرغي لافروف": the name is linked already
            out.append(Mention(tok.index, tokens[j - 1].index + 1, tok.start, tokens[j - 1].end,
                               tok.text, "Person", "counterpart", affiliation=state,
                               sentence=sentence.index))
            continue
        if norms[i] in pairs:
            # "الرئيسان الروسي والسوري": two offices
            states, j = [], i + 1
            while j < len(norms):
                s, j2 = _nationality_after(norms, j, kb)
                if s is None and j < len(norms) and norms[j].startswith("و"):
                    s, j2 = _nationality_after([norms[j][1:]], 0, kb)
                    j2 = j + 1 if s else j
                if not s:
                    break
                states.append(s)
                j = j2
            role = "رئيس" if norms[i].startswith("الرئيس") or norms[i].startswith("الرؤساء") else None
            for s in states:
                out.append(Mention(tok.index, tokens[j - 1].index + 1, tok.start, tokens[j - 1].end,
                                   tok.text, "Person", "role", role=role, affiliation=s,
                                   sentence=sentence.index))
            if not states:
                out.append(Mention(tok.index, tok.index + 1, tok.start, tok.end, tok.text,
                                   "Person", "pair", sentence=sentence.index))
            continue
        found = title_at(norms, i, kb)
        if found and found[1]:
            title, state, j, form = found
            if j < len(tokens) and tokens[j].index in (covered if persons is None else persons):
                continue  # a title before a known name, handled by pattern_mentions
            described = _role_text(tokens, i, j, text, form) if text else tok.text
            out.append(Mention(tok.index, tokens[j - 1].index + 1, tok.start, tokens[j - 1].end,
                               described, "Person", "role", role=title, affiliation=state,
                               sentence=sentence.index))
    return out


def stanza_mentions(sentences: list[Sentence], spans: list[list[tuple[int, int, str]]],
                    text: str, covered: set[int]) -> list[Mention]:
    """Stanza's spans that no rule covers, as new-entity mentions: the policy is kg.ner.union's."""
    from kg.ner import union

    return union.stanza_mentions(sentences, spans, text, covered)
