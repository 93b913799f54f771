"""`kg ner ...` and `kg models ...`: the NER model's commands (options only; kg.ner does the work)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli_text import fail, progress

ner_app = typer.Typer(help="Train and evaluate the Stanza NER model.", no_args_is_help=True)
models_app = typer.Typer(help="Manage NER models.", no_args_is_help=True)


@ner_app.command("train", epilog="Example: kg ner train --train train.txt --dev val.txt --test test.txt")
def ner_train(
    train: list[Path] = typer.Option(..., help="Training set: a corpus folder (train/val/test.txt) "
                                     "or a BIO file; repeat for several sets."),
    dev: Path = typer.Option(..., help="Dev split that chooses the checkpoint: a BIO file or a corpus folder (its val.txt)."),
    out: Optional[Path] = typer.Option(None, help="Model folder (default: the local model dir)."),
    steps: int = typer.Option(1600, help="Training steps (README \"NER model\": the learning curve that chose 1,600)."),
    test: list[Path] = typer.Option([], help="Extra BIO test files (each corpus folder's test.txt is scored anyway)."),
) -> None:
    """Train a Stanza NER model offline with Stanza's own trainer; writes its model card."""
    from kg import stanza_ner
    from kg.ner.workflow import train_and_document

    for p in [*train, dev, *test]:
        if not p.exists():
            fail(f"{p}: no such file or folder", 2)
    target = out or stanza_ner.local_model_dir()
    with progress(f"training Stanza NER, {steps} steps") as bar:
        try:
            card = train_and_document(train, dev, target, steps, test, progress=bar)
        except (FileNotFoundError, ValueError) as exc:
            fail(str(exc), 2)
    typer.echo(f"model written to {target} ({card['seconds']} s, best dev F1 {card['dev_f1']} "
               f"at step {card['best_step']}, quantized: {card['quantize']})")
    from kg.ner.scoring import f1_line

    for name, scores in card["tests"].items():
        typer.echo(f"entity F1 on {name}: {f1_line(scores)}")


@ner_app.command("eval", epilog="Example: kg ner eval test.txt")
def ner_eval(test: Path, model: Optional[Path] = typer.Option(
        None, help="Model folder (default: the local model dir).")) -> None:
    """Entity precision/recall/F1 of the local model on a BIO test file (PER, ORG, GPE)."""
    from kg import stanza_ner

    if not test.is_file():
        fail(f"{test}: no such file", 2)
    try:
        scores = stanza_ner.evaluate_model(test, model)
    except FileNotFoundError as exc:
        fail(str(exc), 1)
    for label, s in scores.items():
        typer.echo(f"{label}\tP {s['precision']:.3f}\tR {s['recall']:.3f}\tF1 {s['f1']:.3f}\t(gold {s['gold']})")


@ner_app.command("info")
def ner_info(model: Optional[Path] = typer.Option(None, help="Model folder (default: the local model dir).")) -> None:
    """Print the model card of the local NER model: data, licences, training, scores."""
    from kg import stanza_ner
    from kg.ner.card import CARD_MD

    folder = model or stanza_ner.local_model_dir()
    card = folder / CARD_MD
    if not card.is_file():
        fail(f"{folder}: no model card (train one with `make model` or `kg ner train`)", 1)
    typer.echo(card.read_text(encoding="utf-8"), nl=False)


@models_app.command("download", epilog="Example: kg models download")
def models_download() -> None:
    """Fetch Stanza's official Arabic models (needs network access to Stanza's model hub)."""
    from kg import stanza_ner

    try:
        path = stanza_ner.download_official_models()
    except Exception as exc:  # the hub is unreachable or refuses
        fail(f"download failed: {exc.__class__.__name__}: {str(exc)[:200]}", 1)
    typer.echo(f"models in {path}")
