"""Nationality adjectives (الموريتاني، الموريتانية، الموريتانيون…) made by rule from a state's
Arabic name, with a small table of exceptions kept in ontologies/nationality_exceptions.yaml.

The nisba rule: drop the article and a final ا / يا / ة / ية / ي, add ي (masculine), ية
(feminine), يون / يين (plural); each form with and without ال. Names of several words adjectivize
each word (كوريا الجنوبية -> الكوري الجنوبي) unless the exceptions say otherwise."""
from __future__ import annotations

from kg.world.words import world_words

ARTICLE = "ال"
#: words of a multi-word name that carry no adjective of their own (جزر سليمان -> السليماني)
GENERIC_HEADS = world_words("generic_heads")
#: words that end the part of a name its adjective is made from (a preposition, a dash)
HEAD_WORD_STOPS = world_words("head_word_stops")


def stem(word: str) -> str:
    """The nisba stem of one word: روسيا -> روس, السعودية -> سعود, إيران -> إيران, مالي -> مال."""
    word = word.removeprefix(ARTICLE) if len(word) > 4 else word
    for ending in ("ية", "يا", "ة", "ا", "ي"):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


def _inflect(stem_: str) -> dict[str, str]:
    return {"masc": stem_ + "ي", "fem": stem_ + "ية", "pl_nom": stem_ + "يون", "pl_obl": stem_ + "يين"}


def _modifier(word: str) -> dict[str, str]:
    """A name's own adjective (الجنوبية, الوسطى) in the four forms, without its article."""
    bare = word.removeprefix(ARTICLE)
    if bare.endswith("ية"):
        return _inflect(bare[:-2])
    if bare.endswith("ة"):  # الجديدة -> الجديد
        base = bare[:-1]
        return {"masc": base, "fem": bare, "pl_nom": base + "ون", "pl_obl": base + "ين"}
    if bare.endswith("ى"):  # الوسطى -> الأوسط (masc. of the elative): keep as written
        return {"masc": bare, "fem": bare, "pl_nom": bare, "pl_obl": bare}
    return _inflect(stem(bare))


def forms_of(name: str, masc_stems: list[str] | None = None) -> list[str]:
    """Every adjective form of a state name (or of the given masculine stems), definite and not."""
    if masc_stems:
        per_stem = [_given(s.split()) for s in masc_stems]
    else:
        words = head_words(name)
        per_stem = [(_phrase(words) if len(words) > 1 else _inflect(stem(words[0])), True)]
    out: list[str] = []
    for forms, agree in per_stem:
        for form in forms.values():
            words = form.split()
            definite = [ARTICLE + w if agree or not i else w for i, w in enumerate(words)]
            for f in (form, " ".join(definite)):
                if f not in out:
                    out.append(f)
    return out


def head_words(name: str) -> list[str]:
    """The words of a name that make its adjective: no generic head (جزر، سلطنة), nothing from
    a conjoined second part or a preposition on (ترينيداد وتوباغو -> ترينيداد)."""
    words = name.split()
    while len(words) > 1 and words[0] in GENERIC_HEADS:
        words = words[1:]
    for i, w in enumerate(words[1:], 1):
        if w.startswith("و") or w in HEAD_WORD_STOPS:
            return words[:i]
    return words


def _given(words: list[str]) -> tuple[dict[str, str], bool]:
    """An exception's masculine adjective: words that all end in ي agree (ألماني شرقي), else a
    compound inflects its last word only and takes one article (جنوب سوداني -> الجنوب سودانية)."""
    if all(w.endswith("ي") for w in words):
        return {k: " ".join(_inflect(w[:-1])[k] for w in words) for k in ("masc", "fem", "pl_nom", "pl_obl")}, True
    last = _inflect(words[-1][:-1])
    return {k: " ".join([*words[:-1], v]) for k, v in last.items()}, False


def _phrase(words: list[str]) -> dict[str, str]:
    """كوريا الجنوبية -> {masc: كوري جنوبي, fem: كورية جنوبية, ...}; plural modifiers agree."""
    head = _inflect(stem(words[0]))
    mods = [_modifier(w) for w in words[1:]]
    return {k: " ".join([head[k], *(m[k] for m in mods)]) for k in head}
