"""The model card that travels with a trained model: data, licences, training, scores.

Training writes `card.json` (read back by kg: e.g. whether to quantize) and `MODEL_CARD.md`
(for people, printed by `kg ner info`). The card carries each training set's own licence and
attribution section, copied from the set's README, because the CC BY-SA sets require credit
wherever a model trained on them goes.
"""
from __future__ import annotations

import json
from pathlib import Path

from kg.output import atomic_write

CARD_JSON = "card.json"
CARD_MD = "MODEL_CARD.md"


def read_card(model_dir: Path) -> dict:
    """The card's data, or {} for a model trained before cards existed."""
    path = Path(model_dir) / CARD_JSON
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def attribution(folder: Path) -> str:
    """The "Licence and attribution" section of a training set's README, if it has one."""
    readme = Path(folder) / "README.md"
    if not readme.is_file():
        return ""
    lines, keep = [], False
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            keep = "licen" in line.lower()
            continue
        if keep:
            lines.append(line)
    return "\n".join(lines).strip()


def write_card(model_dir: Path, card: dict) -> None:
    """card.json and MODEL_CARD.md in the model folder (both written atomically)."""
    model_dir = Path(model_dir)
    atomic_write(model_dir / CARD_JSON, json.dumps(card, ensure_ascii=False, indent=1))
    atomic_write(model_dir / CARD_MD, render(card))


def _scores_table(tests: dict) -> list[str]:
    rows = ["| test split | PER P/R/F1 | ORG P/R/F1 | GPE P/R/F1 | all F1 |", "|---|---|---|---|---|"]
    for name, scores in tests.items():
        cells = [f"{scores[t]['precision']:.3f} / {scores[t]['recall']:.3f} / **{scores[t]['f1']:.3f}**"
                 f" ({scores[t]['gold']})" for t in ("PER", "ORG", "GPE")]
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {scores['ALL']['f1']:.3f} |")
    return rows


def render(card: dict) -> str:
    """The human-readable card (Markdown)."""
    out = [f"# {card.get('name', 'kg Arabic NER model')}", "",
           card.get("summary", ""), "",
           "## Training data", "",
           "| set | licence | sentences | tokens | PER | ORG | GPE |", "|---|---|---|---|---|---|---|"]
    for d in card.get("data", []):
        out.append(f"| {d['name']} | {d['licence']} | {d['sentences']} | {d['tokens']} | "
                   f"{d['PER']} | {d['ORG']} | {d['GPE']} |")
    out += ["", "Tags: PERS/PER → PER, ORG → ORG, GPE and LOC → GPE, every other type → O.", "",
            "## Training", ""]
    for key in ("dev", "steps", "eval_interval", "optimizer", "learning_rate", "hidden_dim", "seed",
                "threads", "seconds", "best_step", "dev_f1", "stanza", "torch", "quantize"):
        if key in card:
            out.append(f"- {key}: {card[key]}")
    if card.get("curve"):
        out += ["", "Learning curve (dev entity F1 by step): "
                + ", ".join(f"{s}: {f:.2f}" for s, f in card["curve"])]
    if card.get("tests"):
        out += ["", "## Scores (entity precision / recall / F1, gold count)", ""]
        out += _scores_table(card["tests"])
    if card.get("tests_quantized"):
        out += ["", "With int8 dynamic quantization of the LSTM and linear layers:", ""]
        out += _scores_table(card["tests_quantized"])
    for d in card.get("data", []):
        if d.get("attribution"):
            out += ["", f"## Licence and attribution: {d['name']}", "", d["attribution"]]
    return "\n".join(out) + "\n"
