"""Train kg's Stanza NER model offline, with Stanza's own trainer, on several BIO corpora.

Stanza's model hub is out of reach, so the model is trained here: the training files of every
set given are mapped to PER/ORG/GPE (`kg.ner.data`) and concatenated; a news dev split chooses
the checkpoint; the word vectors are random over the training vocabulary (Stanza fine-tunes
them) and the character LSTM carries what the vectors cannot (unseen names).
The trainer runs in a child process so its threads, memory and logging stay out of kg's.
"""
from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from kg.ner.data import counts, read_bio, resolve_training_input, write_stanza_json

PRETRAIN_NAME = "pretrain.pt"
MODEL_NAME = "ner.pt"
STEP_LINE = re.compile(r"step (\d+)/(\d+), loss")
DEV_LINE = re.compile(r"step (\d+): train_loss = [0-9.naninf]+, dev_score = ([0-9.]+)")


@dataclass
class TrainResult:
    model_path: Path
    pretrain_path: Path
    dev_f1: float | None
    curve: list[tuple[int, float]] = field(default_factory=list)
    seconds: float = 0.0
    data: list[dict] = field(default_factory=list)
    settings: dict = field(default_factory=dict)


def write_random_pretrain(words: list[str], path: Path, dim: int = 100, seed: int = 7) -> None:
    """A Stanza pretrain file of random vectors over the training vocabulary (no hub needed)."""
    import logging

    from stanza.models.common.pretrain import Pretrain

    logging.getLogger("stanza").setLevel(logging.WARNING)
    rng = random.Random(seed)
    vocab = sorted({w for w in words if not re.search(r"\s", w)})
    text_path = Path(path).with_suffix(".txt")
    with open(text_path, "w", encoding="utf-8") as out:
        out.write(f"{len(vocab)} {dim}\n")
        for w in vocab:
            out.write(w + " " + " ".join(f"{rng.gauss(0, 0.3):.4f}" for _ in range(dim)) + "\n")
    Pretrain(str(path), str(text_path), save_to_file=True).load()
    text_path.unlink()


def _training_data(train: list[Path]) -> tuple[list, list[dict]]:
    """All training sentences, and per input a record (name, file, licence, counts) for the card."""
    sentences, records = [], []
    for item in train:
        path, corpus = resolve_training_input(item)
        sents = read_bio(path)
        sentences += sents
        record = {"name": corpus.name if corpus else Path(path).stem, "file": str(path),
                  "licence": corpus.licence_line() if corpus else "see the file's source"}
        records.append(record | counts(sents))
    return sentences, records


def dev_file(dev: Path) -> Path:
    """The dev split: a BIO file, or a corpus folder's val.txt."""
    path = Path(dev) / "val.txt" if Path(dev).is_dir() else Path(dev)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such dev file")
    return path


@dataclass(frozen=True)
class TrainingSettings:
    """How Stanza's trainer runs; the defaults are what a learning curve chose (README "NER model").

    Adam at 0.002 reaches in 800 steps the dev F1 that Stanza's default (SGD at 0.1) reached in
    3,000 (Stanza halves the rate only after more than 3 evaluations without a better dev score,
    which did not happen within 3,000 steps). One torch thread:
    on a shared 2-core machine a second thread makes each step slower, not faster.
    """

    steps: int = 1600
    eval_interval: int = 200
    hidden_dim: int = 256
    optimizer: str = "adam"
    learning_rate: float = 0.002
    seed: int = 1234
    threads: int = 1

    def trainer_command(self, out_dir: Path) -> list[str]:
        """Stanza's NER trainer on out_dir's train.json/dev.json, saving out_dir/ner.pt."""
        return [
            sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
            "--shorthand", "ar_local", "--cpu",
            "--train_file", str(out_dir / "train.json"), "--eval_file", str(out_dir / "dev.json"),
            "--wordvec_pretrain_file", str(out_dir / PRETRAIN_NAME),
            "--save_dir", str(out_dir), "--save_name", MODEL_NAME,
            "--max_steps", str(self.steps), "--eval_interval", str(self.eval_interval),
            "--hidden_dim", str(self.hidden_dim), "--optim", self.optimizer,
            "--lr", str(self.learning_rate), "--seed", str(self.seed),
        ]


def run_trainer(cmd: list[str], threads: int, progress: Callable[[int, int], None] | None) -> str:
    """Run the trainer, reporting (step, max steps) as it logs them; returns its log."""
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    lines = []
    for line in proc.stderr:
        lines.append(line)
        step = STEP_LINE.search(line)
        if step and progress:
            progress(int(step.group(1)), int(step.group(2)))
    log = "".join(lines)
    if proc.wait() != 0:
        raise RuntimeError("Stanza training failed:\n" + log[-3000:])
    return log


def train_model(train: Path | list[Path], dev: Path, out_dir: Path, max_steps: int = 1600,
                progress: Callable[[int, int], None] | None = None, **settings) -> TrainResult:
    """Train a Stanza NER model on one or more BIO files or corpus folders, on the CPU.

    `settings` are fields of TrainingSettings (eval_interval, hidden_dim, optimizer, ...).
    """
    started = time.perf_counter()
    chosen = TrainingSettings(steps=max_steps, **settings)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    train_sents, records = _training_data(train if isinstance(train, list) else [train])
    dev_sents = read_bio(dev_file(dev))
    write_stanza_json(train_sents, out_dir / "train.json")
    write_stanza_json(dev_sents, out_dir / "dev.json")
    write_random_pretrain([t for s in train_sents + dev_sents for t, _ in s], out_dir / PRETRAIN_NAME)
    try:
        log = run_trainer(chosen.trainer_command(out_dir), chosen.threads, progress)
    finally:
        for name in ("train.json", "dev.json"):
            (out_dir / name).unlink(missing_ok=True)
    write_resources(out_dir)
    curve = [(int(s), float(f)) for s, f in DEV_LINE.findall(log)]
    dev_f1 = max(f for _, f in curve) if curve else None
    return TrainResult(out_dir / MODEL_NAME, out_dir / PRETRAIN_NAME, dev_f1, curve,
                       time.perf_counter() - started, records, asdict(chosen))


def write_resources(model_dir: Path) -> None:
    """The minimal resources.json a `Pipeline(dir=…, download_method=None)` needs."""
    resources = {"ar": {"lang_name": "Arabic", "default_processors": {}}}
    (Path(model_dir) / "resources.json").write_text(json.dumps(resources), encoding="utf-8")

