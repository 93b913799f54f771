"""Ablation of kg's recognizers on gold sets: rules alone, Stanza alone, and unions of the two.

    python benchmarks/ner_ablation.py                         # ../shared/unseen and the other-topic dev set
    python benchmarks/ner_ablation.py --set name=CORPUS_PARENT --model DIR

A set is a folder with corpus/ and gold/ (kg eval's gold format). Each configuration builds
the corpus in this process (no cache) and scores it with kg eval; the table gives actor
precision and recall per type (Person, Organization, State, and Place, not an actor),
all actors' P / R / F1, and the F1 of places and of meetings (what the union must not lower).

- rules: gazetteer, title patterns, outlets, bodies, role descriptions; no Stanza.
- stanza alone: Stanza's spans are the only named mentions (every type, any length); a span
  the gazetteer also finds takes the gazetteer's id and class (so a capital can still become
  its state), any other GPE becomes a Place; no title patterns, no role descriptions.
- union (policy): the rules, then the Stanza spans that kg.ner.union's policy admits.
"""
from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import extract  # noqa: E402
from kg.evaluate import evaluate_file  # noqa: E402
from kg.model import Mention, MentionSource  # noqa: E402
from kg.ner import union  # noqa: E402

TYPES = ("Person", "Organization", "State", "Place")
UNIONS = {
    "union: persons (default)": union.DEFAULT_POLICY,
    "union: persons + places": union.UnionPolicy(classes=("Person", "Place")),
    "union: persons + organizations + places": union.UnionPolicy(classes=("Person", "Organization", "Place")),
    "union: persons + places, one word too": union.UnionPolicy(classes=("Person", "Place"), min_tokens=1),
}


def default_sets() -> dict[str, Path]:
    """../shared/unseen beside the checkout, and the other-topic dev set in benchmarks/sets."""
    candidates = {"unseen": ROOT.parent / "shared" / "unseen",
                  "other-topic dev": ROOT / "benchmarks" / "sets" / "other" / "dev",
                  "corpus": _corpus_set()}
    if not candidates["unseen"].is_dir():
        candidates["unseen"] = Path("/work/shared/unseen")  # a worktree two levels down
    return {k: v for k, v in candidates.items() if (v / "corpus").is_dir() and (v / "gold").is_dir()}


def _corpus_set() -> Path:
    """corpus/ with tests/gold, as a set folder (symlinks in a temporary folder)."""
    folder = Path(tempfile.mkdtemp(prefix="kg-corpus-set-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)  # the links only, not their targets
    (folder / "corpus").symlink_to(ROOT / "corpus")
    (folder / "gold").symlink_to(ROOT / "tests" / "gold")
    return folder


@contextmanager
def stanza_alone(kb):
    """Swap the rules out of kg.extract for the length of a build (this process only)."""
    rules = {"named_in_sentence": lambda *a: [], "role_descriptions": lambda *a: [],
             "delegation_mentions": lambda *a: []}
    saved = {name: getattr(extract, name) for name in [*rules, "stanza_mentions"] if hasattr(extract, name)}
    from kg.recognize import gazetteer_mentions as real_gazetteer

    def spans_only(sentences, spans, text, covered):
        out = []
        for sentence, sent_spans in zip(sentences, spans):
            known = real_gazetteer(sentence, kb, text)
            for a, b, label in sent_spans:
                first, end = sentence.tokens[a].index, sentence.tokens[b - 1].index + 1
                inside = [m for m in known if first <= m.start and m.end <= end]
                if inside:
                    out.extend(inside)
                    continue
                cls = union.LABEL_TO_CLASS.get(label)
                if cls:
                    toks = sentence.tokens
                    out.append(Mention(first, end, toks[a].start, toks[b - 1].end,
                                       text[toks[a].start:toks[b - 1].end], cls, MentionSource.STANZA,
                                       sentence=sentence.index))
        return out

    missing = [name for name in rules if name not in saved]
    if missing:  # the rules were renamed: "stanza alone" would silently be the union
        raise SystemExit(f"ner_ablation: kg.extract has no {', '.join(missing)}; update stanza_alone()")
    for name, fn in rules.items():
        setattr(extract, name, fn)
    extract.stanza_mentions = spans_only
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(extract, name, fn)


def run(corpus: Path, ner: str, kb) -> dict:
    from kg.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        build(corpus, Path(tmp) / "out", ner=ner, html=False, kb=kb, show_progress=False,
              cache_dir=Path(tmp) / "cache")
        return evaluate_file(Path(tmp) / "out" / "graph.ttl", corpus.parent / "gold")


def row(name: str, result: dict) -> str:
    cells = [f"{result[t]['precision']:.3f} / {result[t]['recall']:.3f}" for t in TYPES]
    a = result["actors"]
    return (f"| {name} | " + " | ".join(cells) + f" | {a['precision']:.3f} / {a['recall']:.3f} / {a['f1']:.3f}"
            f" | {result['Place']['f1']:.3f} | {result['meetings']['f1']:.3f} |")


def main() -> None:
    from kg.pipeline import load_knowledge

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", default=[], help="name=FOLDER with corpus/ and gold/")
    ap.add_argument("--model", type=Path, help="model folder (default: the local model)")
    ap.add_argument("--json", type=Path, help="also write every result here")
    args = ap.parse_args()
    if args.model:
        os.environ["KG_MODELS_DIR"] = str(args.model.resolve().parent)
    sets = dict(s.split("=", 1) for s in args.set) if args.set else default_sets()
    kb = load_knowledge()
    results: dict = {}
    for name, folder in sets.items():
        corpus = Path(folder) / "corpus"
        print(f"\n{name} ({len(list(corpus.iterdir()))} articles): actor precision / recall\n")
        print("| configuration | Person | Organization | State | Place | all actors P / R / F1 | places F1 | meetings F1 |")
        print("|---|---|---|---|---|---|---|---|")
        runs = {"rules alone": lambda: run(corpus, "rules", kb)}
        with stanza_alone(kb):
            runs["stanza alone"] = (lambda r: (lambda: r))(run(corpus, "stanza", kb))
        for label, policy in UNIONS.items():
            runs[label] = (lambda p: lambda: _with_policy(p, corpus, kb))(policy)
        results[name] = {}
        for label, fn in runs.items():
            results[name][label] = fn()
            print(row(label, results[name][label]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


def _with_policy(policy, corpus: Path, kb) -> dict:
    saved, union.policy = union.policy, policy
    try:
        return run(corpus, "stanza", kb)
    finally:
        union.policy = saved


if __name__ == "__main__":
    main()
