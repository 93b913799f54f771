"""Names read around a title chain beyond the plain case of kg.titles: the person a title right
after describes ('وليد المعلم، وزير الخارجية'), and a name after a complement longer than the
title reader takes ('رئيس هيئة الأركان للقوات الموالية للحكومة، جون موغاي،')."""
from __future__ import annotations

from kg.knowledge import KnowledgeBase
from kg.model import Mention
from kg.names import COMMAS as _COMMAS, name_after, name_end, name_like
from kg.text import Sentence


def name_after_long_complement(sentence: Sentence, j: int, kb: KnowledgeBase, by_start: dict, known, stops):
    """'رئيس هيئة الأركان للقوات الموالية للحكومة، جون موغاي،': a complement longer than the title
    reader takes, a comma, and a name the next comma closes. (Where the name starts, its end or None.)"""
    norms, tokens = sentence.norms, sentence.tokens
    c = j
    while c < len(norms) and c - j < 7 and norms[c] not in _COMMAS:
        w = norms[c]
        if w == "(" and c + 2 < len(norms) and norms[c + 1].isalpha() and norms[c + 2] == ")":
            c += 3  # "لمنظمة حلف شمال الأطلسي (الناتو)، …": a short name in parentheses
            continue
        if not w.isalpha() or w in stops or kb.titles.starts(w) or kb.triggers.starts(w) \
                or (c in known and known[c][0] == "Person"):
            return j, None
        c += 1
    if c == j or c + 1 >= len(norms) or norms[c] not in _COMMAS:
        return j, None
    end = name_after(sentence, c + 1, kb, by_start, False)
    if end is None or any(len(norms[k].strip("\u0640")) < 2 for k in range(c + 1, end)):
        return j, None  # "، ف ـ \"…": a clitic and a tatweel, no name
    return c + 1, end


def described_before(sentence: Sentence, i: int, j: int, roles, state, introduced: bool,
                      kb: KnowledgeBase, by_start: dict, ends: dict) -> Mention | None:
    """The person a title right after describes ('وليد المعلم، وزير الخارجية'), if any.

    Without a comma only a title with no nationality is apposition: "يوحنا العاشر بطريرك
    أنطاكية", but "التقى الشرع رئيس الوزراء الروسي ميخائيل ميشوستين" names someone new; so does a
    conjoined title ("، وسفير …") and one with a name of its own ("استقبل الملك عبدالله الثاني
    الرئيس محمد …")."""
    tokens, norms = sentence.tokens, sentence.norms
    comma = i >= 2 and norms[i - 1] in _COMMAS
    before = i - 2 if comma else i - 1
    if before < 0 or tokens[before].index + 1 not in ends or introduced or not (comma or state is None):
        return None
    if tokens[i].text[:1] == "و" and not roles[0][0].startswith(tokens[i].text):
        return None
    if not comma and name_like(sentence, j, name_end(sentence, j, kb, by_start), kb, introduced):
        return None  # "التقى فيدان رئيس إقليم كردستان نيجيرفان بارزاني": a title with a name of its own
    return ends[tokens[before].index + 1]
