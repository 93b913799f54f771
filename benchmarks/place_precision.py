"""Precision of the state and place names of the knowledge base on NER test splits.

python benchmarks/place_precision.py ../shared/data/*/test.txt

Every gazetteer match of a State or Place in the BIO files (token TAG [TAG…] lines, sentences
separated by blank lines) counts as right when some token of the match carries a GPE, LOC, ORG
(a capital or state standing for its government) or FAC tag in any column. The figure is a lower
bound: annotators leave some real places untagged (a city inside a team's name, for instance);
the wrong matches are listed for a look by hand."""
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.knowledge import ONTOLOGY_DIR, load_knowledge  # noqa: E402
from kg.text import normalize  # noqa: E402


def sentences(path: Path) -> list[list[tuple[str, str]]]:
    out, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if current:
                out.append(current)
            current = []
        else:
            current.append((parts[0], " ".join(parts[1:])))
    return out + ([current] if current else [])


def main() -> None:
    kb = load_knowledge()
    cities = {c["id"] for c in yaml.safe_load((ONTOLOGY_DIR / "cities.yaml").read_text(encoding="utf-8"))["cities"]}
    hand = {p["id"] for p in yaml.safe_load((ONTOLOGY_DIR / "gazetteer.yaml").read_text(encoding="utf-8"))["places"]}
    for path in map(Path, sys.argv[1:]):
        stats, wrong = Counter(), Counter()
        for sentence in sentences(path):
            for i, n, eid, _ in kb.names.find_all([normalize(w) for w, _ in sentence]):
                entry = kb.entries[eid]
                if entry.type not in ("Place", "State"):
                    continue
                kind = "state" if entry.type == "State" else "city" if eid in cities and eid not in hand else "hand place"
                tags = " ".join(tag for _, tag in sentence[i:i + n])
                right = any(t in tags for t in ("GPE", "LOC", "ORG", "FAC"))
                stats[kind, right] += 1
                if not right:
                    wrong[kind, sentence[i][0], eid] += 1
        print(path)
        for kind in ("state", "city", "hand place"):
            good, bad = stats[kind, True], stats[kind, False]
            print(f"  {kind}: {good + bad} matches, precision {good / max(1, good + bad):.3f}")
        print("  not tagged as a place:", ", ".join(f"{w} ({e}) x{c}" for (_, w, e), c in wrong.most_common()))


if __name__ == "__main__":
    main()
