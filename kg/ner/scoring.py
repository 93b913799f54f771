"""Entity-level scores of an NER tagger on BIO test files: precision, recall and F1 per type.

An entity counts as found only when its first token, end token and type all match (the
CoNLL convention Stanza's own scorer and the papers on these corpora use).
"""
from __future__ import annotations

from pathlib import Path

from kg.ner.data import LABELS, entity_spans, read_bio


def score_spans(gold: list[list[tuple]], predicted: list[list[tuple]],
                labels: tuple[str, ...] = LABELS) -> dict[str, dict[str, float]]:
    """Per label and over all labels ("ALL"): precision, recall, F1 and the gold count."""
    scores: dict[str, dict[str, float]] = {}
    for label in labels + ("ALL",):
        wanted = set(labels) if label == "ALL" else {label}
        tp = fp = fn = 0
        for g, p in zip(gold, predicted):
            gs = {x for x in g if x[2] in wanted}
            ps = {x for x in p if x[2] in wanted}
            tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
        scores[label] = {
            "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
            "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0,
            "gold": tp + fn,
        }
    return scores


def evaluate_tagger(tagger, test: Path, labels: tuple[str, ...] = LABELS) -> dict[str, dict[str, float]]:
    """Scores of a loaded tagger (see kg.stanza_ner.load_pipeline) on one BIO test file."""
    from kg.stanza_ner import tag_sentences

    sentences = read_bio(test)
    predicted = tag_sentences(tagger, [[t for t, _ in s] for s in sentences])
    gold = [entity_spans([tag for _, tag in s]) for s in sentences]
    return score_spans(gold, predicted, labels)


def f1_line(scores: dict[str, dict[str, float]]) -> str:
    """One line: F1 per type and over all types, e.g. `PER 0.712, ORG 0.540, GPE 0.801, ALL 0.704`."""
    return ", ".join(f"{label} {s['f1']:.3f}" for label, s in scores.items())
