"""Train, score and document a model in one call: what `kg ner train` and `make model` run.

After training, the model is scored on every test split it can find (the test.txt of each
corpus folder given, plus any --test file), once in float and once with int8 dynamic
quantization; quantization is kept only when it costs less than `MAX_QUANTIZATION_LOSS` of
overall F1 on every split, and the card records the decision and both sets of scores.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from kg.ner.card import attribution, write_card
from kg.ner.train import TrainResult, dev_file, train_model

#: Quantization is kept while it costs less than this much overall F1 (0.5 point).
MAX_QUANTIZATION_LOSS = 0.005


def test_splits(train: list[Path], extra: list[Path]) -> dict[str, Path]:
    """name -> test file: each corpus folder's test.txt, then the extra files by name."""
    tests = {Path(t).name: Path(t) / "test.txt" for t in train
             if Path(t).is_dir() and (Path(t) / "test.txt").is_file()}
    for t in map(Path, extra):  # aqmar/test.txt is "aqmar"; other files go by their own name
        tests.setdefault(t.parent.name if t.stem in ("train", "val", "test") else t.stem, t)
    return tests


def score_splits(model_dir: Path, tests: dict[str, Path], quantize: bool) -> dict[str, dict]:
    from kg.ner.scoring import evaluate_tagger
    from kg.stanza_ner import load_pipeline

    tagger = load_pipeline(model_dir, quantize=quantize)
    return {name: evaluate_tagger(tagger, path) for name, path in tests.items()}


def keep_quantization(plain: dict[str, dict], quantized: dict[str, dict]) -> bool:
    return all(plain[n]["ALL"]["f1"] - quantized[n]["ALL"]["f1"] < MAX_QUANTIZATION_LOSS for n in plain)


def train_and_document(train: list[Path], dev: Path, out_dir: Path, steps: int, extra_tests: list[Path],
                       progress: Callable[[int, int], None] | None = None, **options) -> dict:
    """Train on the given sets, score every test split, decide on quantization, write the card."""
    result: TrainResult = train_model(train, dev, out_dir, max_steps=steps, progress=progress, **options)
    return document_model(out_dir, train, dev, extra_tests, result)


def document_model(out_dir: Path, train: list[Path], dev: Path, extra_tests: list[Path],
                   result: TrainResult) -> dict:
    """Score a trained model on every test split, decide on quantization, write its card."""
    import stanza
    import torch

    tests = test_splits(train, extra_tests)
    plain = score_splits(out_dir, tests, quantize=False)
    quantized = score_splits(out_dir, tests, quantize=True)
    best_step = max(result.curve, key=lambda c: c[1])[0] if result.curve else None
    for record in result.data:
        folder = Path(record["file"]).parent
        record["attribution"] = attribution(folder) if (folder / "README.md").is_file() else ""
    card = {
        "name": "kg Arabic NER (Stanza BiLSTM-CRF, trained offline)",
        "summary": "Stanza's NER tagger trained by `kg ner train` on the sets below, "
                   "tags PER, ORG and GPE; used by `kg build --ner stanza`.",
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "data": result.data, "dev": str(dev_file(dev)),
        "best_step": best_step,
        "dev_f1": result.dev_f1, "curve": result.curve, "seconds": round(result.seconds),
        "stanza": stanza.__version__, "torch": torch.__version__,
        "quantize": keep_quantization(plain, quantized),
        "tests": plain, "tests_quantized": quantized,
    } | result.settings
    write_card(out_dir, card)
    return card
