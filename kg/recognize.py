"""Recognizers: each turns a document's sentences into mentions with offsets and a type.

1. gazetteer: the labels and aliases of ontologies/gazetteer.yaml, clitic-aware;
2. patterns: a role title (and nationality), then a name the gazetteer may not know;
3. role descriptions: "الرئيس السوري", "نظيره الروسي", "الرئيسان الروسي والسوري";
4. Stanza NER spans (kg.stanza_ner), when a model is loaded.
"""
from __future__ import annotations

from kg.knowledge import KnowledgeBase, PhraseIndex
from kg.model import Mention, MentionSource
from kg.sentence_view import quoted_positions
from kg.text import Sentence, Token, positions, surface_without_clitic
from kg.titles import _skip_honorifics, known_positions, pattern_mentions, role_text, title_at, title_chain

__all__ = ["gazetteer_mentions", "may_describe_roles", "pattern_mentions", "role_descriptions", "stanza_mentions",
           "surface_without_clitic"]



def _phrase_surface(tokens: list[Token], i: int, n: int, form: str, text: str) -> str:
    first = surface_without_clitic(tokens[i], form)
    if n == 1:
        return first
    return first + text[tokens[i].end:tokens[i + n - 1].end]


def gazetteer_mentions(sentence: Sentence, kb: KnowledgeBase, text: str) -> list[Mention]:
    """The knowledge base's names in the sentence (a clitic on the first word left out of the surface)."""
    tokens, entries, index = sentence.tokens, kb.entries, sentence.index
    found: list[Mention] = []
    for i, n, entry_id, form in kb.names.find_in(sentence):
        first, last = tokens[i], tokens[i + n - 1]
        surface = first.text if form == first.norm else surface_without_clitic(first, form)
        if n > 1:
            surface += text[first.end:last.end]
        found.append(Mention(first.index, last.index + 1, first.start, last.end, surface, entries[entry_id].type,
                             MentionSource.GAZETTEER, entry_id, sentence=index))
    return found


def _nationality_after(norms: list[str], j: int, kb: KnowledgeBase) -> tuple[str | None, int]:
    """A nationality adjective at j (and 'السابق'), as (state id, index after)."""
    if j < len(norms) and norms[j] in kb.nationality:
        state = kb.nationality[norms[j]]
        j += 1
        if j < len(norms) and norms[j] in kb.words("former_markers"):
            j += 1
        return state, j
    return None, j


def may_describe_roles(sentence: Sentence, kb: KnowledgeBase) -> bool:
    """Whether a title, a counterpart word or a pair word is in the sentence (most have none): the
    first words of titles and counterpart words as one set, tested against the sentence's forms."""
    firsts = kb.derived("title_or_counterpart_firsts", lambda: kb.titles.first_words()
                        | kb.phrases("counterpart_words").first_words())
    return not firsts.isdisjoint(sentence.forms) or not sentence.has_none_of(kb.words("pair_anaphors"))


def role_descriptions(sentence: Sentence, kb: KnowledgeBase, covered: set[int],
                      persons: set[int] | None = None, text: str = "",
                      known: list[Mention] | None = None) -> list[Mention]:
    """Office descriptions without a name: 'الرئيس السوري', 'نظيره الروسي', 'الرئيسان الروسي والسوري'.

    They carry the title and state; linking resolves them to the office holder at the time.
    """
    counterpart = kb.phrases("counterpart_words")
    pairs = kb.words("pair_anaphors")
    out: list[Mention] = []
    if not may_describe_roles(sentence, kb):
        return out
    tokens = sentence.tokens
    norms = sentence.norms
    at = known_positions(sentence, [m for m in known or [] if m.type != "Person"])
    may_start = [c or t or n in pairs for c, t, n in zip(counterpart.forms_of(norms), kb.titles.forms_of(norms), norms)]
    deputies = kb.words("deputy_titles")
    free = 0  # first position after the last title read: "نائب رئيس الدولة" holds no "رئيس الدولة"
    for i in positions(may_start):
        tok = tokens[i]
        if tok.index in covered or i < free or (i and norms[i - 1] in deputies) or (
                i > 1 and norms[i - 2] in deputies and norms[i - 1].startswith("ال") and norms[i - 1].endswith("ي")):
            continue  # "نائب وزير الدفاع الروسي", "المستشار الدبلوماسي لرئيس الدولة": the deputy, the adviser
        if counterpart.starts(norms[i]):
            state, j = _nationality_after(norms, i + 1, kb)
            # "نظيره البحريني الشيخ خالد …": a title between the description and the name
            named = j
            if j < len(tokens) and (kb.titles.starts(norms[j]) or kb.phrases("honorifics").starts(norms[j])):
                named = _skip_honorifics(norms, tokens, j, kb)
                named = title_chain(sentence, named, kb, at, text)[2] if named < len(tokens) else named
            if named > j or any(k < len(tokens) and tokens[k].index in (covered if persons is None else persons)
                                for k in (j, named)):
                continue  # "نظيره الروسي سيرغي لافروف": the name is linked already, or it follows
            out.append(Mention(tok.index, tokens[j - 1].index + 1, tok.start, tokens[j - 1].end,
                               tok.text, "Person", MentionSource.COUNTERPART, affiliation=state,
                               sentence=sentence.index))
            continue
        if norms[i] in pairs:
            out.extend(_pair_mentions(sentence, i, kb))
            continue
        found = title_at(norms, i, kb, at)
        free = found.end if found else free
        if found and (found.state or found.end - i > 1 or _bare_title_alone(sentence, i, found.end, kb, covered)):
            j = found.end
            taken = covered if persons is None else persons
            if j < len(tokens) and tokens[j].index in taken:
                continue  # a title before a known name, handled by pattern_mentions
            # "أمير دولة قطر الشيخ ناصر": more titles, then a name (read only when something may follow)
            more = j < len(tokens) and (kb.titles.starts(norms[j]) or kb.phrases("honorifics").starts(norms[j])
                                        or not norms[j].isalpha())
            named = title_chain(sentence, i, kb, at, text)[2] if more else j
            if named < len(tokens) and tokens[named].index in taken:
                continue
            described = role_text(tokens, i, j, text, found.form) if text else tok.text
            out.append(Mention(tok.index, tokens[j - 1].index + 1, tok.start, tokens[j - 1].end,
                               described, "Person", MentionSource.ROLE, role=found.core, affiliation=found.state,
                               sentence=sentence.index))
    return out


def _bare_title_alone(sentence: Sentence, i: int, end: int, kb: KnowledgeBase, covered: set[int]) -> bool:
    """'وأكد الملك أن', 'وبحث الرئيس مع', 'واستقبل الملك وزير …': a one-word title read as a person
    only where no name follows it: the sentence's end, a punctuation mark, another title or
    honorific, a name already read, or a verb or particle (a word the news uses outside names,
    without the article). 'الرئيس سلمان' with a name not read stays no description; a word with
    the article qualifies the title ('الرئيس التنفيذي', 'الرئيس العام', 'الرئيس المالي' of a
    nationality kg does not read): another office, no one named again. Nor does a title inside
    quotes ('إن "الرئيس يجب أن …"') speak of the article's person."""
    norms = sentence.norms
    if end - i != 1 or norms[i] not in kb.words("standalone_titles") or i in quoted_positions(sentence, 1):
        return False  # "الفريق" (the team), "رئيس" of "كرئيس مؤقت": no one named again
    while end < len(norms) and norms[end] in kb.words("title_epithets"):
        end += 1  # "السلطان المعظم" is read on: "الملك المعظم توران شاه" names someone else
    if end >= len(norms):
        return True
    after = norms[end]
    if not after.isalpha() or after in kb.words("complementizers") or sentence.tokens[end].index in covered:
        return True
    if kb.titles.starts(after) or kb.phrases("honorifics").starts(after):
        return True
    return not after.startswith("ال") and after in kb.words("name_first_word_stops")


def _pair_mentions(sentence: Sentence, i: int, kb: KnowledgeBase) -> list[Mention]:
    """'الرئيسان الروسي والسوري': one office per nationality after the pair word; without any,
    a pair ('الزعيمان') the two leaders named before will resolve."""
    tokens, norms, tok = sentence.tokens, sentence.norms, sentence.tokens[i]
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
    role = kb.lexicon["pair_title"][0] if norms[i].startswith(tuple(kb.lexicon["pair_title_words"])) else None
    if not states:
        return [Mention(tok.index, tok.index + 1, tok.start, tok.end, tok.text,
                        "Person", MentionSource.PAIR, sentence=sentence.index)]
    return [Mention(tok.index, tokens[j - 1].index + 1, tok.start, tokens[j - 1].end,
                    tok.text, "Person", MentionSource.ROLE, role=role, affiliation=s, sentence=sentence.index)
            for s in states]


def stanza_mentions(sentences: list[Sentence], spans: list[list[tuple[int, int, str]]],
                    text: str, covered: set[int]) -> list[Mention]:
    """Stanza's spans that no rule covers, as new-entity mentions: the policy is kg.ner.union's."""
    from kg.ner import union

    return union.stanza_mentions(sentences, spans, text, covered)


def find_short_forms(sentence: Sentence, index: PhraseIndex, covered: set[int],
                     text: str, types: dict[str, str] | None = None) -> list[Mention]:
    """Later short mentions ('بيسكوف', 'واس') of persons and organizations first named in full
    in the document."""
    toks = sentence.tokens
    types = types or {}
    return [Mention(toks[i].index, toks[i + n - 1].index + 1, toks[i].start, toks[i + n - 1].end,
                    _phrase_surface(toks, i, n, form, text), types.get(entity_id, "Person"), MentionSource.SHORT, entity_id,
                    sentence=sentence.index)
            for i, n, entity_id, form in index.find_in(sentence)
            if not any(toks[k].index in covered for k in range(i, i + n))]
