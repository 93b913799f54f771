"""How Stanza's spans join the rules' mentions (gazetteer, title patterns, outlets, bodies).

The rules come first and Stanza never overrides them: a Stanza span that touches a token a
rule already covered is dropped, so a known actor keeps its gazetteer id, a titled person keeps
the role the pattern read, and a capital keeps the linker's state-or-place decision. What
Stanza may add alone is set by `UnionPolicy`, chosen by the ablation on unseen articles
(README, "NER model"): persons and places of two or more Arabic words (a GPE span the
gazetteer does not know becomes a place, never a state: a state the text names is in the
gazetteer's CLDR list). Organizations are not added: with today's organization rules, Stanza's
two-word organizations brought no new one on either gold set and one spurious. A Stanza person is linked like a pattern's
new name: its last names become short forms (`kg.link.DocumentLinker.short_forms`), and a
conjunction و the model kept on its first word is left out of its name. A person span holding a
nationality adjective ("عسكري روسي", "والرئيس السوري") is a description, not a name: dropped.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.model import Mention
from kg.text import Sentence, stems

#: Stanza's labels (ours and the official models') mapped to the classes kg builds.
LABEL_TO_CLASS = {"PER": "Person", "PERS": "Person", "PERSON": "Person",
                  "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


@dataclass(frozen=True)
class UnionPolicy:
    """Which Stanza spans no rule covers become mentions, and how long they must be."""

    classes: tuple[str, ...] = ("Person", "Place")
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
            if cls == "Person" and any(_is_nationality(t.norm) for t in toks[a:b]):
                continue  # "عسكري روسي", "والرئيس السوري": a description, not a name
            start = toks[a].start + _conjunction_length(toks[a].text)
            out.append(Mention(toks[a].index, toks[b - 1].index + 1, start, toks[b - 1].end,
                               text[start:toks[b - 1].end], cls, "stanza", sentence=sentence.index))
    return out


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
