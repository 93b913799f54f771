"""Phrase matching over a sentence's normalized tokens, clitic-aware: the index every word list,
title list and the gazetteer's names are read with (kg.knowledge builds them; they are pickled
with the compiled knowledge base)."""
from __future__ import annotations

from collections.abc import Sequence

from kg.text import Sentence, positions, stems, tokenize


def norm_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(phrase))


class StemForms(dict):
    """token -> its forms (itself or without clitics) found in `words`; filled on first look-up.

    Most tokens match nothing, so matchers look every token up here once instead of
    stripping clitics again for each word list."""

    def __init__(self, words) -> None:
        super().__init__()
        self.words = words

    def __missing__(self, norm: str) -> tuple[str, ...]:
        found = self[norm] = tuple(f for f in stems(norm) if f in self.words)
        return found


class PhraseIndex:
    """Many-phrase matcher over normalized tokens: first token -> phrases, longest first."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        self._starts = StemForms(self._by_first)
        #: the same phrases by their first two words, longest first, and the one-word phrases: a
        #: token's next word rules out the phrases of a common first word (عبد، محمد) in one look-up
        self._by_pair: dict[tuple[str, str], list[tuple[tuple[str, ...], object]]] = {}
        self._single: dict[str, object] = {}
        self._firsts: frozenset[str] | None = None  # the first words, as a set (made at first use)
        self._gate: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None  # see may_occur

    def starts(self, norm: str) -> tuple[str, ...]:
        """The forms of a token (itself or without clitics) that begin some phrase; memoized."""
        return self._starts[norm]

    def forms_of(self, norms: list[str]) -> list[tuple[str, ...]]:
        """starts() of every token: an empty tuple where no phrase can begin."""
        return list(map(self._starts.__getitem__, norms))

    def any_start(self, norms: Sequence[str]) -> bool:
        """Whether some token can begin a phrase (stops at the first that can; no list is built)."""
        return any(map(self._starts.__getitem__, norms))

    def add(self, phrase: str | tuple[str, ...], value: object) -> None:
        toks = phrase if isinstance(phrase, tuple) else norm_tokens(phrase)
        if not toks:
            return
        bucket = self._by_first.setdefault(toks[0], [])
        if (toks, value) not in bucket:
            bucket.append((toks, value))
            bucket.sort(key=lambda x: -len(x[0]))
            self._starts.clear()
            self._firsts = self._gate = None
            if len(toks) == 1:
                self._single.setdefault(toks[0], value)  # the first added wins, as in the bucket
            else:
                pair = self._by_pair.setdefault(toks[:2], [])
                pair.append((toks, value))
                pair.sort(key=lambda x: -len(x[0]))

    def match_at(self, norms: list[str], i: int, first_forms: list[str] | None = None):
        """Longest phrase starting at token i: (length, value, first form used) or None."""
        second = norms[i + 1] if i + 1 < len(norms) else None
        by_pair, single = self._by_pair, self._single
        for form in first_forms or [norms[i]]:
            for toks, value in by_pair.get((form, second), ()):
                n = len(toks)
                if n == 2 or tuple(norms[i + 2:i + n]) == toks[2:]:
                    return n, value, form
            if form in single:
                return 1, single[form], form
        return None

    def first_words(self) -> frozenset[str]:
        """The words a phrase begins with (a token begins one when one of its forms is among them)."""
        firsts = self._firsts
        if firsts is None:
            firsts = self._firsts = frozenset(self._by_first)
        return firsts

    def can_match(self, sentence: Sentence) -> bool:
        """Whether some token of the sentence can begin a phrase (most sentences: no)."""
        return not (self._firsts or self.first_words()).isdisjoint(sentence.forms)  # set against set

    def _gate_sets(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """The one-word phrases, and the longer phrases' first and second words (made at first use)."""
        pairs = self._by_pair
        gate = self._gate = (frozenset(self._single), frozenset(a for a, _ in pairs), frozenset(b for _, b in pairs))
        return gate

    def may_occur(self, sentence: Sentence) -> bool:
        """Whether some phrase may be in the sentence: a one-word phrase's word, or a longer phrase's
        first and second words, among its forms (tighter than can_match where first words are common:
        'من المقرر', 'في حديثه', 'على هامش'): three set tests in C instead of a pass over the tokens."""
        singles, firsts, seconds = self._gate or self._gate_sets()
        forms = sentence.forms
        return not singles.isdisjoint(forms) or (not seconds.isdisjoint(forms) and not firsts.isdisjoint(forms))

    def find_in(self, sentence: Sentence) -> list[tuple[int, int, object, str]]:
        """find_all() over a sentence's tokens, skipped when no phrase may be there (may_occur's
        test written out here: most sentences and lists stop at it, and a call costs as much)."""
        singles, firsts, seconds = self._gate or self._gate_sets()
        forms = sentence.forms
        if singles.isdisjoint(forms) and (seconds.isdisjoint(forms) or firsts.isdisjoint(forms)):
            return []
        return self.find_all(sentence.norms)

    def spans_in(self, sentence: Sentence) -> list[tuple[int, int, object]]:
        """(start, end, value) of each phrase in the sentence, positions in the sentence: find_in's
        matches as the event rules read them, in one call where most sentences have none."""
        singles, firsts, seconds = self._gate or self._gate_sets()
        forms = sentence.forms
        if singles.isdisjoint(forms) and (seconds.isdisjoint(forms) or firsts.isdisjoint(forms)):
            return []
        return [(i, i + n, value) for i, n, value, _ in self.find_all(sentence.norms)]

    def find_all(self, norms: Sequence[str]) -> list[tuple[int, int, object, str]]:
        """Greedy longest matches left to right, clitic-aware: (start, length, value, form)."""
        out: list[tuple[int, int, object, str]] = []
        if not self._by_first:
            return out
        free = 0  # first token not inside an earlier match
        # most tokens start no phrase: find the few that may in one pass over the memo (in C, no
        # list of every token's forms: those of the few are looked up again)
        starts = self._starts
        by_pair, single, last = self._by_pair, self._single, len(norms) - 1
        for i in positions(map(starts.__getitem__, norms)):
            if i < free:
                continue
            # match_at() inlined: a method call and a tuple per candidate start were a third of this loop
            second = norms[i + 1] if i < last else None
            for form in starts[norms[i]]:
                n = 0
                for toks, value in by_pair.get((form, second), ()):
                    if len(toks) == 2 or tuple(norms[i + 2:i + len(toks)]) == toks[2:]:
                        n = len(toks)
                        break
                else:
                    if form in single:
                        n, value = 1, single[form]
                if n:
                    out.append((i, n, value, form))
                    free = i + n
                    break
        return out

    def __contains__(self, word: str) -> bool:
        return word in self._single

    def is_empty(self) -> bool:
        return not self._by_first
