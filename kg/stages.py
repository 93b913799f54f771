"""Stages of one document's extraction that say what they need and what they give.

Like Stanza's processors (REQUIRES / PROVIDES) or spaCy's factories: each stage reads items of a
per-document `DocState` and fills others; `check_order` proves, once, when a pipeline is made,
that every item a stage requires is an input or was provided by a stage before it. The order a
recognizer needs is then written where it is registered, and a wrong order fails at start-up
with the stage and the missing item named, not as an AttributeError deep in one article.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Callable

from kg.knowledge import KnowledgeBase
from kg.model import Document

#: What a document's extraction starts from (the arguments of `process_document`).
INPUTS = ("doc", "kb", "ner_spans", "given_sentences")


@dataclass
class DocState:
    """Everything the stages of one document read and write; each field is an item a stage
    provides (or an input). Unset items are None until their stage runs."""
    doc: Document
    kb: KnowledgeBase
    ner_spans: list | None = None          # NER spans per sentence, None without a model
    given_sentences: list | None = None    # sentences already split by the caller (Stanza batching)
    sentences: list | None = None          # kg.text.Sentence per sentence of doc.text
    linker: Any = None                     # kg.link.DocumentLinker: the document's entities
    named: list | None = None              # mentions the recognizers read, not yet linked
    linked: list | None = None             # mentions linked to entities
    dates: dict | None = None              # sentence index -> dates read without a reference date
    years: list | None = None              # sentence index -> the year the context speaks of
    reference: str | None = None           # the date an undated sentence speaks of
    views: list | None = None              # per sentence: its mentions (roles resolved) and dates
    types: dict | None = None              # entity id -> class, as the events see them
    meetings: list | None = None
    treaties: list | None = None
    bases: list | None = None
    extra: dict = field(default_factory=dict)  # room for a new stage's items before a field is added


ITEMS = tuple(f.name for f in fields(DocState) if f.name != "extra")


@dataclass(frozen=True)
class Stage:
    """One step: a name, the items it reads and fills, and the function doing it."""
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    run: Callable[[DocState], None]

    @property
    def summary(self) -> str:
        """The first line of the function's docstring: what the stage does."""
        return (self.run.__doc__ or "").strip().split("\n")[0]


def stage(name: str, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()):
    """Decorator making a function of a DocState a Stage (the registration is listing it)."""
    def make(fn: Callable[[DocState], None]) -> Stage:
        return Stage(name, tuple(requires), tuple(provides), fn)
    return make


class StageOrderError(ValueError):
    """A stage needs an item no input or earlier stage provides."""


def check_order(stages: list[Stage], inputs: tuple[str, ...] = INPUTS) -> None:
    """Every stage's requirements met by the inputs or an earlier stage; every item known."""
    available = set(inputs)
    seen: set[str] = set()
    for s in stages:
        if s.name in seen:
            raise StageOrderError(f"stage {s.name!r} is registered twice")
        seen.add(s.name)
        for item in (*s.requires, *s.provides):
            if item not in ITEMS:
                raise StageOrderError(f"stage {s.name!r}: unknown item {item!r} (not a DocState field)")
        missing = [r for r in s.requires if r not in available]
        if missing:
            raise StageOrderError(f"stage {s.name!r} requires {', '.join(missing)}, "
                                  "which no input or earlier stage provides")
        available.update(s.provides)


def run_stages(stages: list[Stage], state: DocState) -> DocState:
    """Run checked stages in order on one document's state."""
    for s in stages:
        s.run(state)
    return state


def describe(stages: list[Stage]) -> str:
    """The stage list as `kg stages` prints it (and the README shows it)."""
    lines = [f"inputs: {', '.join(INPUTS)}"]
    for i, s in enumerate(stages, 1):
        lines.append(f"{i:2d}. {s.name}: {s.summary}")
        lines.append(f"    requires: {', '.join(s.requires) or '-'}; provides: {', '.join(s.provides) or '-'}")
    return "\n".join(lines)
