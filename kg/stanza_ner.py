"""Stanza NER for Arabic: download the official models, or train a local one offline.

The official Arabic models come from Stanza's hub (`download_official_models`). Where the
hub is unreachable, `train_model` trains a Stanza NER model with Stanza's own trainer on
BIO files (e.g. the Wojood sample) and `load_pipeline` loads it, pre-tokenized, so the
rest of kg sees the same `Pipeline` either way.
"""
from __future__ import annotations

import os
from pathlib import Path

from kg.ner.data import TAG_MAP, entity_spans, read_bio, write_stanza_json  # noqa: F401 (public API)
from kg.ner.tagger import NerTagger
from kg.ner.train import (MODEL_NAME, PRETRAIN_NAME, TrainResult, train_model,  # noqa: F401
                          write_random_pretrain, write_resources)

#: Stanza's NER labels (official models and ours) mapped to ontology classes.
NER_LABEL_TO_CLASS = {
    "PER": "Person", "PERS": "Person", "PERSON": "Person",
    "GPE": "GPE", "ORG": "Organization", "LOC": "Place", "FAC": "Place",
}


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


def load_pipeline(model_dir: Path | None = None, threads: int | None = None, quantize: bool | None = None,
                  backend: str = "fast"):
    """The NER tagger: the local model (kg's fast backend, or Stanza's own Pipeline with
    backend="stanza"), else Stanza's official model through its Pipeline, pre-tokenized.

    threads defaults to $KG_NER_THREADS, else 1: on 2 shared cores a second torch thread made
    tagging 9 times slower (benchmarks/ner_speed.py, README); never more than the cores this
    process may use. quantize defaults to what the model card chose.
    """
    import torch

    wanted = threads or int(os.environ.get("KG_NER_THREADS", "1") or 1)
    torch.set_num_threads(max(1, min(wanted, available_cores())))
    local = Path(model_dir) if model_dir else local_model_dir()
    if local_model_available(local) and backend == "fast":
        if quantize is None:
            from kg.ner.card import read_card

            quantize = bool(read_card(local).get("quantize", False))
        return NerTagger(local / MODEL_NAME, local / PRETRAIN_NAME, quantize=quantize)
    import stanza

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


def available_cores() -> int:
    """The cores this process may run on (its affinity), not the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def tag_sentences(pipeline, sentences: list[list[str]]) -> list[list[tuple[int, int, str]]]:
    """Run NER on pre-tokenized sentences: per sentence, (first token, end token, label) spans."""
    if not sentences:
        return []
    if isinstance(pipeline, NerTagger):
        return [entity_spans(tags) for tags in pipeline.tag(sentences)]
    doc = pipeline(sentences)
    return [entity_spans([token.ner or "O" for token in sent.tokens]) for sent in doc.sentences]


def evaluate_model(test: Path, model_dir: Path | None = None, quantize: bool | None = None,
                   backend: str = "fast") -> dict[str, dict[str, float]]:
    """Entity-level precision/recall/F1 of the model on a BIO test file, per type and overall."""
    from kg.ner.scoring import evaluate_tagger

    return evaluate_tagger(load_pipeline(model_dir, quantize=quantize, backend=backend), test)
