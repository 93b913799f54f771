"""Far towns read by their state's adjective ('ببازل السويسرية', 'في ليون الفرنسية').

GeoNames' Arabic names of towns far from the region kg reads most (cities.yaml's
`qualified_names`: outside the Arab states and their neighbours, under a million people) are
transliterations that often spell a word or a person's name (ليون, بخاري, سالفادور), so they are
kept out of the knowledge base's name index (kb.towns holds them) and read only where the text
ties the name to the state the town lies in: right before that state's feminine nisba adjective,
the agreement of a city and its state's adjective."""
from __future__ import annotations

from kg.body_heads import name_span
from kg.homonyms import town_adjectives
from kg.knowledge import KnowledgeBase
from kg.model import Mention, MentionSource
from kg.text import Sentence, positions


def town_mentions(sentence: Sentence, kb: KnowledgeBase, text: str, named: list[Mention]) -> list[Mention]:
    """Places: a far town's name (one or two words, a clitic allowed) right before the definite
    feminine adjective of its own state, outside every name read before (`named`)."""
    tokens, norms, adjectives = sentence.tokens, sentence.norms, town_adjectives(kb)
    out: list[Mention] = []
    for pos in positions(map(adjectives.__contains__, norms)):
        for k in (pos - 2, pos - 1):
            forms = kb.towns.starts(norms[k]) if k >= 0 else ()
            hit = next((h for f in forms if (h := kb.towns.match_at(norms, k, [f]))), None)
            if not hit or k + hit[0] != pos or kb.entries[hit[1]].located_in != kb.nationality[norms[pos]] \
                    or any(m.start < tokens[pos].index and m.end > tokens[k].index for m in named):
                continue
            start, stop, cs, ce, surface = name_span(sentence, k, pos, text, hit[2])
            out.append(Mention(start, stop, cs, ce, surface, "Place", MentionSource.GAZETTEER,
                               entity_id=hit[1], sentence=sentence.index))
            break
    return out

