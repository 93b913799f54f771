"""Check gold annotation folders against ../shared/gold/SCHEMA.md before they are used.

Why: a benchmark is only as good as its gold. Every name and every evidence must be an exact
substring of its article (so a scorer can trust them), and every id a meeting, treaty or base
refers to must be defined, so a typo cannot silently turn into a miss.

Usage: python benchmarks/check_gold.py SET [SET ...]
where SET is a folder holding corpus/*.txt and gold/*.json, or GOLD_DIR@CORPUS_DIR.
Prints one line per problem; exit status 1 if any.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

TYPES = {"Person", "State", "Organization", "Place", "MilitaryBase"}
KINDS = {"meeting", "visit", "phone_call", "talks_round", "message", "summit"}
BASE_KINDS = {"AirBase", "NavalBase", "MilitaryBase"}
SLUG = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _pairs(spec: str) -> list[tuple[Path, Path]]:
    """(gold json, article) pairs of a set: SET_DIR (with gold/ and corpus/) or GOLD_DIR@CORPUS_DIR."""
    gold_dir, _, corpus_dir = str(spec).partition("@")
    gold_dir = Path(gold_dir)
    corpus = Path(corpus_dir) if corpus_dir else gold_dir / "corpus"
    if not corpus_dir and (gold_dir / "gold").is_dir():
        gold_dir = gold_dir / "gold"
    out = []
    for g in sorted(gold_dir.glob("*.json")):
        doc = json.loads(g.read_text(encoding="utf-8")).get("doc", g.stem + ".txt")
        out.append((g, corpus / doc))
    return out


def known_states(pairs, notes: list[Path]) -> set[str]:
    """State ids any checked file defines, plus those listed on a "- States" line of SCHEMA.md
    or of a set's notes (a state an article names only by an adjective still has an id)."""
    ids = set()
    for g, _ in pairs:
        ids |= {e["id"] for e in json.loads(g.read_text(encoding="utf-8"))["entities"] if e["type"] == "State"}
    for note in notes:
        if note.is_file():
            for line in note.read_text(encoding="utf-8").splitlines():
                if line.startswith("- States"):
                    ids |= set(re.findall(r"`([a-z_]+)`", line))
    return ids


def written_in(name: str, text: str) -> bool:
    """As written, clitics aside: a name starting with the article ال also counts when the text
    has it after the preposition لـ, which swallows the alif (للقاهرة for ل + القاهرة)."""
    return name in text or (name.startswith("ال") and "لل" + name[2:] in text)


def check_file(gold_path: Path, text_path: Path, states: set[str]) -> list[str]:
    where = gold_path.name
    if not text_path.is_file():
        return [f"{where}: article {text_path} not found"]
    text = text_path.read_text(encoding="utf-8")
    g = json.loads(gold_path.read_text(encoding="utf-8"))
    problems: list[str] = []
    bad = problems.append
    if g.get("doc") != text_path.name:
        bad(f"{where}: doc is {g.get('doc')!r}, expected {text_path.name!r}")
    if g.get("published") is not None and not DATE.match(str(g["published"])):
        bad(f"{where}: published {g['published']!r} is not an ISO date")
    types: dict[str, set[str]] = {}
    for e in g["entities"]:
        types.setdefault(e["id"], set()).add(e["type"])
        if e["type"] not in TYPES:
            bad(f"{where}: {e['id']}: unknown type {e['type']}")
        if not SLUG.match(e["id"]):
            bad(f"{where}: id {e['id']!r} is not a lower-case slug")
        for n in e["names"]:
            if not written_in(n, text):
                bad(f"{where}: {e['id']}: name {n!r} not in the article")
        aff = e.get("affiliation")
        if aff and aff not in types and aff not in states:
            bad(f"{where}: {e['id']}: affiliation {aff!r} is not a known state id")
    dup = [i for i, t in types.items() if len(t) > 1]
    if dup:
        bad(f"{where}: ids with two types: {dup}")
    defined = set(types)

    def need(ref, what, allowed=None):
        if ref is None:
            return
        if ref not in defined and not (allowed and ref in allowed):
            bad(f"{where}: {what} refers to undefined id {ref!r}")

    for m in g.get("meetings", []):
        if m["kind"] not in KINDS:
            bad(f"{where}: meeting {m['id']}: unknown kind {m['kind']}")
        for p in m["participants"]:
            need(p, f"meeting {m['id']} participant")
        need(m.get("place"), f"meeting {m['id']} place")
        if m.get("date") and not DATE.match(m["date"]):
            bad(f"{where}: meeting {m['id']}: date {m['date']!r} not ISO")
        if m["evidence"] not in text:
            bad(f"{where}: meeting {m['id']}: evidence not in the article")
    for t in g.get("treaties", []):
        for p in t["parties"]:
            need(p, f"treaty {t['id']} party", states)
        for n in t["names"]:
            if not written_in(n, text):
                bad(f"{where}: treaty {t['id']}: name {n!r} not in the article")
        if t["evidence"] not in text:
            bad(f"{where}: treaty {t['id']}: evidence not in the article")
    for b in g.get("bases", []):
        if "MilitaryBase" not in types.get(b["id"], set()):
            bad(f"{where}: base {b['id']} is not a MilitaryBase entity of the article")
        if b["kind"] not in BASE_KINDS:
            bad(f"{where}: base {b['id']}: unknown kind {b['kind']}")
        need(b.get("located_in"), f"base {b['id']} located_in", states)
        need(b.get("operated_by"), f"base {b['id']} operated_by", states)
        if b["evidence"] not in text:
            bad(f"{where}: base {b['id']}: evidence not in the article")
    return problems


def check_sets(specs: list[str], notes: list[Path] = ()) -> list[str]:
    """Problems of every gold file of the given sets (empty list: all good)."""
    pairs = [p for spec in specs for p in _pairs(spec)]
    notes = list(notes) + [Path(str(s).partition("@")[0]).parent / "README.md" for s in specs]
    states = known_states(pairs, notes)
    return [msg for g, t in pairs for msg in check_file(g, t, states)]


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: check_gold.py SET_DIR|GOLD_DIR@CORPUS_DIR ...", file=sys.stderr)
        return 2
    shared = Path(os.environ.get("KG_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
    problems = check_sets(argv, [shared / "gold" / "SCHEMA.md"])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
