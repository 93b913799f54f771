"""How well kg finds persons it was not told about: build with persons held out of the gazetteer.

    python benchmarks/heldout.py            # rules, and Stanza when a model exists

Removes every gazetteer person without an office (commentators, clergy, authors: the people
the next article is likely to bring) and scores persons against tests/gold with kg eval's scorer.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import evaluate_file  # noqa: E402
from kg.knowledge import ONTOLOGY_DIR, load_knowledge  # noqa: E402
from kg.pipeline import build  # noqa: E402


def main() -> None:
    from kg import stanza_ner

    with tempfile.TemporaryDirectory() as tmp:
        onto = Path(tmp) / "ontologies"
        shutil.copytree(ONTOLOGY_DIR, onto)
        gaz = yaml.safe_load((onto / "gazetteer.yaml").read_text(encoding="utf-8"))
        held = [p["id"] for p in gaz["persons"] if not p.get("offices")]
        gaz["persons"] = [p for p in gaz["persons"] if p.get("offices")]
        (onto / "gazetteer.yaml").write_text(yaml.safe_dump(gaz, allow_unicode=True), encoding="utf-8")
        kb = load_knowledge(onto)
        print(f"held out of the gazetteer: {', '.join(held)}")
        modes = ["rules"] + (["stanza"] if stanza_ner.local_model_available() else [])
        for mode in modes:
            out = Path(tmp) / mode
            build(ROOT / "corpus", out, ner=mode, html=False, kb=kb, show_progress=False)
            r = evaluate_file(out / "graph.ttl", ROOT / "tests" / "gold")["Person"]
            print(f"{mode}: Person P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}; "
                  f"missed {r['missed']}; spurious {r['spurious']}")


if __name__ == "__main__":
    main()
