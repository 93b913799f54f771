"""How Stanza's spans join the rules' mentions (gazetteer, title patterns, outlets, bodies).

The rules come first and Stanza never overrides them: a Stanza span that touches a token a
rule already covered is dropped, so a known actor keeps its gazetteer id, a titled person keeps
the role the pattern read, and a capital keeps the linker's state-or-place decision. What
Stanza may add alone is set by `UnionPolicy`, chosen by the ablation on unseen articles
(README, "NER model"): persons of two or more Arabic words. Places are not added by default:
on the unseen, other-topic and corpus gold sets Stanza's places found no place the rules miss
and added a spurious one ("هجمات شبه يومية"); a policy that admits them makes a GPE span the
gazetteer does not know a place, never a state (a state the text names is in the gazetteer's
CLDR list). Organizations are not added: with today's organization rules, Stanza's
two-word organizations brought no new one on either gold set and one spurious. A conjunction و
the model kept on a hamza-initial first word is left out of the name. Dropped, each a general
rule measured by benchmarks/ner_ablation.py:
- a span whose every word is a word of a rules name in the same document ("تشاوش أوغلو" after
  "مولود تشاوش أوغلو"): the linker's short forms link it to that entity; a Stanza mention
  would shadow the short form and split the meeting it belongs to;
- a person span holding a nationality adjective ("عسكري روسي", "والرئيس السوري"): a description;
- a person span made of Latin letters spelt out (lexicon `latin_letter_names`: "بي كي كي" for
  PKK, "إف بي آي"): an acronym;
- a person span one or two words after a head of a thing named after a person (lexicon
  `named_after_heads`: "حاملة الطائرات شارل ديغول", "شارع ..."): the ship, not the person;
- a span holding a word of the lexicon's `name_stops` ("بانتظام عبر الهاتف") or opening with a
  clitic on the article ("والحكومة السورية"): a phrase, not a name.
A Stanza person gets no short forms (`kg.link.DocumentLinker.short_forms`): it takes part in a
meeting only where it is named in full.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.model import Mention, MentionSource
from kg.text import Sentence, stems

#: Stanza's labels (ours and the official models') mapped to the classes kg builds.
LABEL_TO_CLASS = {"PER": "Person", "PERS": "Person", "PERSON": "Person",
                  "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


@dataclass(frozen=True)
class UnionPolicy:
    """Which Stanza spans no rule covers become mentions, and how long they must be."""

    classes: tuple[str, ...] = ("Person",)
    min_tokens: int = 2


DEFAULT_POLICY = UnionPolicy()
#: The policy builds use; benchmarks/ner_ablation.py swaps it to measure the alternatives.
policy = DEFAULT_POLICY


def _is_arabic_word(text: str, norm: str) -> bool:
    return norm.isalpha() and any("\u0600" <= ch <= "\u06ff" for ch in text)


def stanza_mentions(sentences: list[Sentence], spans: list[list[tuple[int, int, str]]],
                    text: str, covered: set[int], rules: UnionPolicy | None = None) -> list[Mention]:
    """Stanza's spans that no rule covers and the policy admits, as new-entity mentions."""
    rules = rules or policy
    out: list[Mention] = []
    named_words = {t.norm for s in sentences for t in s.tokens if t.index in covered}
    for sentence, sent_spans in zip(sentences, spans):
        toks = sentence.tokens
        for a, b, label in sent_spans:
            cls = LABEL_TO_CLASS.get(label)
            if cls not in rules.classes or b - a < rules.min_tokens:
                continue
            if any(toks[k].index in covered for k in range(a, b)):
                continue
            if not all(_is_arabic_word(t.text, t.norm) for t in toks[a:b]):
                continue
            if _not_a_name(toks[a:b]):
                continue  # "بانتظام عبر الهاتف", "والحكومة السورية": a phrase, not a name
            if all(t.norm in named_words for t in toks[a:b]):
                continue  # "تشاوش أوغلو" after "مولود تشاوش أوغلو": the linker's short form
            if cls == "Person" and (any(_is_nationality(t.norm) for t in toks[a:b])
                                    or _after_thing_head(toks, a) or _spelt_out_acronym(toks[a:b])):
                continue  # "عسكري روسي": a description; "حاملة الطائرات شارل ديغول": a ship; "بي كي كي"
            start = toks[a].start + _conjunction_length(toks[a].text)
            out.append(Mention(toks[a].index, toks[b - 1].index + 1, start, toks[b - 1].end,
                               text[start:toks[b - 1].end], cls, MentionSource.STANZA, sentence=sentence.index))
    return out


def _not_a_name(span) -> bool:
    """A span holding a word no name holds (the lexicon's name_stops: prepositions, verbs, time
    words), or opening with a clitic on the article ("والحكومة", "بالعاصمة"): names the rules
    do not know start with a proper noun, which takes no article after و/ب/ل/ك/ف."""
    from kg.knowledge import load_knowledge

    stops = load_knowledge().words("name_stops")
    if any(t.norm in stops for t in span):
        return True
    return span[0].text.startswith(_CLITIC_ARTICLE)  # as written: وألكسندر is و + ألكسندر


_CLITIC_ARTICLE = ("وال", "بال", "فال", "كال", "لل", "وبال", "فبال", "ولل", "فلل")


def _after_thing_head(toks, a: int) -> bool:
    """A head noun one or two words before the span ("حاملة الطائرات", "شارع", "جامعة"): the name
    is a ship's, a street's or a body's, named after a person, not the person."""
    from kg.knowledge import load_knowledge

    heads = load_knowledge().words("named_after_heads")
    return any(form in heads for t in toks[max(0, a - 2):a] for form in stems(t.norm))


def _spelt_out_acronym(span) -> bool:
    """Every word a Latin letter's Arabic name (lexicon `latin_letter_names`), a conjunction
    aside: "بي كي كي" (PKK), "وواي بي جي" (YPG) are acronyms, not persons."""
    from kg.knowledge import load_knowledge

    letters = load_knowledge().words("latin_letter_names")
    return all(any(form in letters for form in stems(t.norm)) for t in span)


def _is_nationality(norm: str) -> bool:
    """A nationality adjective (the knowledge base's CLDR-derived forms), clitics aside."""
    from kg.knowledge import load_knowledge

    adjectives = load_knowledge().nationality
    return any(form in adjectives for form in stems(norm))


def _conjunction_length(word: str) -> int:
    """1 when the word is the conjunction و attached to a hamza-initial word ("وألكسندر").

    ANERcorp's tokens keep their clitics, so the model tags "وألكسندر نوفاك" whole. Arabic
    writes almost no word that starts with و followed by a hamza on alif, so there the و is
    the conjunction; before other letters it may begin the name itself (وليد, وائل, ويليام).
    """
    return 1 if len(word) > 3 and word[0] == "و" and word[1] in "أإآ" else 0
