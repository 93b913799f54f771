"""Training data for kg's Stanza NER model: BIO files of several corpora mapped to one tag set.

kg links three kinds of named actor (persons, organizations, states/places), so every corpus
is mapped to PER, ORG and GPE. ANERcorp and AQMAR have one location class, which their
READMEs map to GPE; Wojood separates LOC from GPE, and a model that must agree with the other
two sets learns nothing useful from that split, so LOC becomes GPE as well. Every other type
(dates, jobs, MISC, ...) becomes O: kg finds dates and titles with its own rules.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

#: First-level tags of Wojood, ANERcorp and AQMAR mapped onto the types the model emits.
TAG_MAP = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE"}
LABELS = ("PER", "ORG", "GPE")
PARAGRAPH_MARK = "$#$"
SPLITS = ("train", "val", "test")
#: A BIOES file is read as BIO: a single-token entity opens (B-), an entity's last token continues (I-).
BIOES_AS_BIO = {"S": "B", "E": "I"}

Sentence = list[tuple[str, str]]


def read_bio(path: Path, tag_map: dict[str, str] | None = None) -> list[Sentence]:
    """Read a token-per-line BIO (or BIOES) file (first tag = outermost), mapping tags; others become O."""
    tag_map = TAG_MAP if tag_map is None else tag_map
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
                current = []
            continue
        token, tag = parts[0], (parts[1] if len(parts) > 1 else "O")
        if token == PARAGRAPH_MARK:
            continue
        if tag != "O":
            prefix, _, label = tag.partition("-")
            mapped = tag_map.get(label)
            prefix = BIOES_AS_BIO.get(prefix, prefix)
            tag = f"{prefix}-{mapped}" if mapped and prefix in ("B", "I") else "O"
        current.append((token, tag))
    if current:
        sentences.append(current)
    return [repair_bio(s) for s in sentences]


def repair_bio(sentence: Sentence) -> Sentence:
    """An I- tag whose entity was mapped away (or starts a sentence) becomes B-."""
    fixed, previous = [], "O"
    for token, tag in sentence:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append((token, tag))
        previous = tag
    return fixed


def entity_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, label) of each entity of a BIO or BIOES tag sequence.

    The one decoding rule for gold files and the model's predictions alike, so a score never
    depends on which side a tag sequence came from: B- or S- opens an entity; I- or E- continues
    the open entity of its label and otherwise opens one (a stray I-, as conlleval reads it);
    E- and S- close it; O closes whatever is open.
    """
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags):
        kind, _, name = (tag or "O").partition("-")
        if kind in ("B", "S", "O") or name != label:
            if start is not None:
                spans.append((start, i, label))
            start, label = (i, name) if kind != "O" else (None, None)
        if kind in ("E", "S"):
            spans.append((start, i + 1, label))
            start, label = None, None
    if start is not None:
        spans.append((start, len(tags), label))
    return spans


@dataclass(frozen=True)
class Corpus:
    """One training set: a folder with train/val/test BIO files (README and LICENSE beside)."""

    folder: Path

    @property
    def name(self) -> str:
        return self.folder.name

    def split(self, name: str) -> Path:
        return self.folder / f"{name}.txt"

    def licence_line(self) -> str:
        """The licence's short name (CC BY-SA 4.0, MIT, ...) read from the folder's LICENSE."""
        licence = self.folder / "LICENSE"
        if not licence.is_file():
            return "unknown (no LICENSE file)"
        text = " ".join(licence.read_text(encoding="utf-8", errors="replace").split())
        for pattern, name in LICENCE_NAMES:
            if found := re.search(pattern, text):
                return name.format(*found.groups())
        return text[:80] or "unknown (empty LICENSE file)"


#: How a LICENSE file names its licence, and the short name the model card gives it.
LICENCE_NAMES = (
    (r"Attribution-ShareAlike (\d\.\d)", "CC BY-SA {0}"),
    (r"Attribution (\d\.\d)", "CC BY {0}"),
    (r"^MIT License", "MIT"),
    (r"Apache License,? Version (\d\.\d)", "Apache-{0}"),
)


def resolve_training_input(path: Path) -> tuple[Path | None, Corpus | None]:
    """A training argument is a BIO file or a corpus folder holding train.txt (and val/test)."""
    path = Path(path)
    if path.is_dir():
        if not (path / "train.txt").is_file():
            raise FileNotFoundError(f"{path}: a corpus folder needs a train.txt")
        return path / "train.txt", Corpus(path)
    if path.is_file():
        return path, None
    raise FileNotFoundError(f"{path}: no such file or folder")


def counts(sentences: list[Sentence]) -> dict[str, int]:
    """Tokens, sentences and entities per label: what the model card reports for the data."""
    result = {"tokens": sum(len(s) for s in sentences), "sentences": len(sentences)}
    for label in LABELS:
        result[label] = sum(1 for s in sentences for _, t in s if t == f"B-{label}")
    return result


def write_stanza_json(sentences: list[Sentence], path: Path) -> None:
    """Stanza's NER trainer reads a JSON list of sentences of {text, ner} tokens."""
    doc = [[{"text": t, "ner": tag} for t, tag in s] for s in sentences]
    Path(path).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
