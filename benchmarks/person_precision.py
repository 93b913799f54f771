"""Precision of kg's person mentions (rules only) on NER test splits.

python benchmarks/person_precision.py ../shared/data/*/test.txt

The BIO files' sentences are joined ten at a time into articles and read by kg's stages up to the
short forms; a Person mention counts as right when some token under it carries a PERS tag in any
column. Per recognizer (gazetteer, title pattern, short form); the wrong ones are listed for a
look by hand. A lower bound, as in place_precision.py: annotators leave some names untagged."""
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from place_precision import sentences  # noqa: E402

from kg.extract import STAGES  # noqa: E402
from kg.knowledge import load_knowledge  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.stages import DocState, run_stages  # noqa: E402

UP_TO_SHORT_FORMS = STAGES[:[s.name for s in STAGES].index("short-forms") + 1]


def article(chunk: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int, str]]]:
    """The sentences as one text, and each token's character span and tags."""
    text, spans = "", []
    for sentence in chunk:
        for word, tags in sentence:
            spans.append((len(text), len(text) + len(word), tags))
            text += word + " "
        text = text.rstrip() + " .\n"
    return text, spans


def main() -> None:
    kb = load_knowledge()
    for path in map(Path, sys.argv[1:]):
        stats, wrong = Counter(), Counter()
        sents = sentences(path)
        for b in range(0, len(sents), 10):
            text, spans = article(sents[b:b + 10])
            st = run_stages(UP_TO_SHORT_FORMS, DocState(Document("x", "x.txt", text, "0" * 64, None), kb, None, None))
            for m in st.linked:
                if m.type != "Person":
                    continue
                tags = " ".join(t for a, e, t in spans if a < m.char_end and e > m.char_start)
                right = "PER" in tags
                stats[m.source.name, right] += 1
                if not right:
                    wrong[m.source.name, m.surface] += 1
        print(path)
        for source in sorted({s for s, _ in stats}):
            good, bad = stats[source, True], stats[source, False]
            print(f"  {source}: {good + bad} mentions, precision {good / max(1, good + bad):.3f}")
        print("  not tagged as a person:", ", ".join(f"{w} ({s}) x{c}" for (s, w), c in wrong.most_common()))


if __name__ == "__main__":
    main()
