"""Stanza NER for Arabic: download the official models, or train a local one offline.

The official Arabic models come from Stanza's hub (`download_official_models`). Where the
hub is unreachable, `train_model` trains a Stanza NER model with Stanza's own trainer on
BIO files (e.g. the Wojood sample) and `load_pipeline` loads it, pre-tokenized, so the
rest of kg sees the same `Pipeline` either way.
"""
from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: Wojood's first-level tags mapped onto the four types kg's recognizer emits.
WOJOOD_TAG_MAP = {"PERS": "PER", "GPE": "GPE", "ORG": "ORG", "LOC": "LOC"}
#: Stanza's NER labels (official models and ours) mapped to ontology classes.
NER_LABEL_TO_CLASS = {
    "PER": "Person", "PERS": "Person", "PERSON": "Person",
    "GPE": "GPE", "ORG": "Organization", "LOC": "Place", "FAC": "Place",
}
PRETRAIN_NAME = "pretrain.pt"
MODEL_NAME = "ner.pt"
PARAGRAPH_MARK = "$#$"


#: The git-ignored models/ folder of a source checkout, where `make model` trains.
PROJECT_MODELS = Path(__file__).resolve().parent.parent / "models"


def models_dir() -> Path:
    """Where models live: $KG_MODELS_DIR, else a checkout's models/ folder, else the user data dir."""
    env = os.environ.get("KG_MODELS_DIR")
    if env:
        return Path(env)
    if PROJECT_MODELS.is_dir():
        return PROJECT_MODELS
    import platformdirs

    return Path(platformdirs.user_data_dir("kg")) / "models"


def local_model_dir(base: Path | None = None) -> Path:
    return (base or models_dir()) / "ar-ner-local"


def read_bio(path: Path, tag_map: dict[str, str] | None = None) -> list[list[tuple[str, str]]]:
    """Read a token-per-line BIO file (first tag = outermost), mapping tags; others become O."""
    tag_map = WOJOOD_TAG_MAP if tag_map is None else tag_map
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
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
            tag = f"{prefix}-{mapped}" if mapped else "O"
        current.append((token, tag))
    if current:
        sentences.append(current)
    return [_repair_bio(s) for s in sentences]


def _repair_bio(sentence: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """An I- tag whose entity was mapped away (or starts a sentence) becomes B-."""
    fixed, previous = [], "O"
    for token, tag in sentence:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append((token, tag))
        previous = tag
    return fixed


def write_stanza_json(sentences: list[list[tuple[str, str]]], path: Path) -> None:
    """Stanza's NER trainer reads a JSON list of sentences of {text, ner} tokens."""
    doc = [[{"text": t, "ner": tag} for t, tag in s] for s in sentences]
    Path(path).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def write_random_pretrain(words: list[str], path: Path, dim: int = 100, seed: int = 7) -> None:
    """A Stanza pretrain file of random vectors over the training vocabulary (no hub needed)."""
    import logging

    from stanza.models.common.pretrain import Pretrain

    logging.getLogger("stanza").setLevel(logging.WARNING)
    rng = random.Random(seed)
    vocab = sorted(set(words))
    text_path = Path(path).with_suffix(".txt")
    with open(text_path, "w", encoding="utf-8") as out:
        out.write(f"{len(vocab)} {dim}\n")
        for w in vocab:
            if re.search(r"\s", w):
                continue
            out.write(w + " " + " ".join(f"{rng.gauss(0, 0.3):.4f}" for _ in range(dim)) + "\n")
    Pretrain(str(path), str(text_path), save_to_file=True).load()
    text_path.unlink()


@dataclass
class TrainResult:
    model_path: Path
    pretrain_path: Path
    dev_f1: float | None


def train_model(train: Path, dev: Path, out_dir: Path, max_steps: int = 2500,
                eval_interval: int = 500, hidden_dim: int = 256, seed: int = 1234,
                quiet: bool = False) -> TrainResult:
    """Train a Stanza NER model from BIO files with Stanza's own trainer, on the CPU."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    train_sents, dev_sents = read_bio(train), read_bio(dev)
    write_stanza_json(train_sents, out_dir / "train.json")
    write_stanza_json(dev_sents, out_dir / "dev.json")
    words = [t for s in train_sents + dev_sents for t, _ in s]
    write_random_pretrain(words, out_dir / PRETRAIN_NAME)
    cmd = [
        sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
        "--shorthand", "ar_local", "--cpu",
        "--train_file", str(out_dir / "train.json"), "--eval_file", str(out_dir / "dev.json"),
        "--wordvec_pretrain_file", str(out_dir / PRETRAIN_NAME),
        "--save_dir", str(out_dir), "--save_name", MODEL_NAME,
        "--max_steps", str(max_steps), "--eval_interval", str(eval_interval),
        "--hidden_dim", str(hidden_dim), "--seed", str(seed),
    ]
    env = dict(os.environ, OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "2"))
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError("Stanza training failed:\n" + proc.stderr[-3000:])
    scores = re.findall(r"dev_score = ([0-9.]+)", proc.stderr)
    write_resources(out_dir)
    for name in ("train.json", "dev.json"):
        (out_dir / name).unlink()
    dev_f1 = max(map(float, scores)) if scores else None
    return TrainResult(out_dir / MODEL_NAME, out_dir / PRETRAIN_NAME, dev_f1)


def write_resources(model_dir: Path) -> None:
    """The minimal resources.json a `Pipeline(dir=…, download_method=None)` needs."""
    resources = {"ar": {"lang_name": "Arabic", "default_processors": {}}}
    (Path(model_dir) / "resources.json").write_text(json.dumps(resources), encoding="utf-8")


def local_model_available(model_dir: Path | None = None) -> bool:
    d = model_dir or local_model_dir()
    return (d / MODEL_NAME).exists() and (d / PRETRAIN_NAME).exists()


def official_model_available(base: Path | None = None) -> bool:
    return (Path(base or models_dir()) / "stanza" / "ar" / "ner").is_dir()


def download_official_models(base: Path | None = None) -> Path:
    """Fetch Stanza's official Arabic tokenize+ner models (needs the network)."""
    import stanza

    target = Path(base or models_dir()) / "stanza"
    stanza.download("ar", model_dir=str(target), processors="tokenize,mwt,ner")
    return target


def load_pipeline(model_dir: Path | None = None, threads: int = 1):
    """A Stanza Pipeline on pre-tokenized text: the local model, else the official one."""
    import stanza
    import torch

    torch.set_num_threads(threads)
    local = Path(model_dir) if model_dir else local_model_dir()
    if local_model_available(local):
        return stanza.Pipeline(
            "ar", dir=str(local), processors="tokenize,ner", tokenize_pretokenized=True,
            ner_model_path=str(local / MODEL_NAME), ner_pretrain_path=str(local / PRETRAIN_NAME),
            download_method=None, use_gpu=False, logging_level="WARN",
        )
    official = models_dir() / "stanza"
    if official_model_available():
        return stanza.Pipeline("ar", dir=str(official), processors="tokenize,ner",
                               tokenize_pretokenized=True, download_method=None,
                               use_gpu=False, logging_level="WARN")
    raise FileNotFoundError(f"no Stanza NER model in {local} or {official}")


def tag_sentences(pipeline, sentences: list[list[str]]) -> list[list[tuple[int, int, str]]]:
    """Run NER on pre-tokenized sentences: per sentence, (first token, end token, label) spans."""
    if not sentences:
        return []
    doc = pipeline(sentences)
    result = []
    for sent in doc.sentences:
        spans, start, label = [], None, None
        for i, token in enumerate(sent.tokens):
            tag = token.ner or "O"
            kind, _, name = tag.partition("-")
            if kind in ("B", "S") or kind == "O" or (kind in ("I", "E") and name != label):
                if start is not None:
                    spans.append((start, i, label))
                start, label = (i, name) if kind != "O" else (None, None)
            if kind in ("S", "E") and start is not None:
                spans.append((start, i + 1, label))
                start, label = None, None
        if start is not None:
            spans.append((start, len(sent.tokens), label))
        result.append(spans)
    return result


def evaluate_model(test: Path, model_dir: Path | None = None,
                   labels: tuple[str, ...] = ("PER", "GPE", "ORG")) -> dict[str, float]:
    """Entity-level precision/recall/F1 of the model on a BIO test file, per label and overall."""
    sentences = read_bio(test)
    pipeline = load_pipeline(model_dir)
    predicted = tag_sentences(pipeline, [[t for t, _ in s] for s in sentences])
    gold = [_bio_spans([tag for _, tag in s]) for s in sentences]
    scores: dict[str, float] = {}
    totals = [0, 0, 0]
    for label in labels + ("ALL",):
        tp = fp = fn = 0
        for g, p in zip(gold, predicted):
            gs = {x for x in g if label == "ALL" and x[2] in labels or x[2] == label}
            ps = {x for x in p if label == "ALL" and x[2] in labels or x[2] == label}
            tp += len(gs & ps)
            fp += len(ps - gs)
            fn += len(gs - ps)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        scores[label] = round(f1, 4)
        if label == "ALL":
            totals = [tp, fp, fn]
    scores["tp_fp_fn"] = totals  # type: ignore[assignment]
    return scores


def _bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        kind, _, name = tag.partition("-")
        if kind != "I" or name != label:
            if start is not None:
                spans.append((start, i, label))
            start, label = (i, name) if kind == "B" else (None, None)
    return spans
