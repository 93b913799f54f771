"""NER backends behind one small protocol, found by name.

The rest of kg needs one thing from a named-entity recognizer: for pre-tokenized sentences, the
(first token, end token, label) spans of each. A backend is a module `kg/ner/backends/NAME.py`
with a class `Backend` that has `available()` (is a model there, without loading it) and, once
made, `tag(sentences)`. Stanza is one (`kg/ner/backends/stanza.py`); a transformer or CAMeL
tagger would be one more file, picked with its name.
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import Protocol, runtime_checkable

Span = tuple[int, int, str]  # first token, end token (exclusive), label (PER, ORG, GPE, LOC …)


@runtime_checkable
class NerBackend(Protocol):
    """What the extraction asks of a named-entity recognizer."""
    name: str

    def tag(self, sentences: list[list[str]]) -> list[list[Span]]:
        """Per sentence (a list of tokens), its entity spans, in the order given."""
        ...


class UnknownBackend(ValueError):
    """No module kg/ner/backends/NAME.py."""


def backend_names() -> list[str]:
    """The backends kg has, by module name."""
    from kg.ner import backends

    return sorted(m.name for m in pkgutil.iter_modules(backends.__path__) if not m.name.startswith("_"))


def backend_class(name: str):
    """The Backend class of kg/ner/backends/NAME.py."""
    if name not in backend_names():
        raise UnknownBackend(f"unknown NER backend {name!r} (known: {', '.join(backend_names())})")
    return importlib.import_module(f"kg.ner.backends.{name}").Backend


def load_backend(name: str, **options) -> NerBackend:
    """The backend NAME, its model loaded (options go to its constructor)."""
    return backend_class(name)(**options)
