"""Stanza as an NER backend: kg's local model (through the fast batching tagger) or Stanza's
official Arabic model, whichever kg.stanza_ner finds."""
from __future__ import annotations

from pathlib import Path

from kg.ner.backend import Span


class Backend:
    """Stanza's NER on pre-tokenized sentences."""
    name = "stanza"

    def __init__(self, model_dir: Path | None = None, pipeline=None, **options) -> None:
        from kg import stanza_ner

        self.pipeline = pipeline if pipeline is not None else stanza_ner.load_pipeline(model_dir, **options)

    @staticmethod
    def available() -> bool:
        """A local or official model is there (nothing is loaded)."""
        from kg import stanza_ner

        return stanza_ner.local_model_available() or stanza_ner.official_model_available()

    def tag(self, sentences: list[list[str]]) -> list[list[Span]]:
        from kg.stanza_ner import tag_sentences

        return tag_sentences(self.pipeline, sentences)
