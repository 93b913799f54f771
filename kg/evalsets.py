"""Scoring kg on several gold sets at once, and keeping a record of the figures.

Why: quality on the articles kg was built on says little about articles it has never seen.
`kg eval` therefore scores any number of named sets (the corpus, the Syria–Russia unseen set,
the other-topic benchmark …), builds each set's corpus itself when asked, and compares the
figures with a committed record (benchmarks/quality.json) so that a change that costs one set
cannot pass unnoticed.

A set is given as ``NAME=GOLD[@SOURCE]``:
- GOLD is a folder of gold ``.json`` files, or a set folder holding ``gold/`` (and ``corpus/``);
- SOURCE is a Turtle graph to score, or a corpus folder to build; without it a set folder's
  ``corpus/`` is built, else the graph given to ``kg eval`` is scored.
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.evaluate import evaluate_file

#: The figures a set is judged by: table row name -> key of evaluate()'s result.
HEADLINE = {"actors": "actors", "places": "Place", "bases": "MilitaryBase",
            "meetings": "meetings", "treaties": "treaties"}
#: How far below its record a set's F1 may fall before the quality check fails.
TOLERANCE = 0.02


class SetError(ValueError):
    """A set specification that cannot be used (one line, names the set and the problem)."""


@dataclass(frozen=True)
class EvalSet:
    name: str
    gold: Path
    corpus: Path | None = None   # built by kg when given
    graph: Path | None = None    # scored as it is when given


def parse_set(spec: str, default_graph: Path | None = None) -> EvalSet:
    """EvalSet of ``NAME=GOLD[@SOURCE]`` (see the module docstring)."""
    name, eq, rest = spec.partition("=")
    if not eq or not name.strip() or not rest:
        raise SetError(f"--set {spec!r}: expected NAME=GOLD_DIR[@GRAPH_OR_CORPUS]")
    gold_part, _, source = rest.partition("@")
    gold, corpus, graph = Path(gold_part), None, None
    if (gold / "gold").is_dir():
        corpus = gold / "corpus" if (gold / "corpus").is_dir() else None
        gold = gold / "gold"
    if source:
        src = Path(source)
        corpus, graph = (src, None) if src.is_dir() else (None, src)
    if corpus is None and graph is None:
        graph = default_graph
    if corpus is None and graph is None:
        raise SetError(f"set {name}: no corpus/ beside {gold_part} and no graph to score")
    return EvalSet(name.strip(), gold, corpus, graph)


def missing_part(s: EvalSet) -> str | None:
    """The first path of a set that does not exist, or None."""
    for path in (s.gold, s.corpus, s.graph):
        if path is not None and not path.exists():
            return str(path)
    return None


def score_set(s: EvalSet, ner: str = "rules", keep: Path | None = None) -> dict:
    """evaluate()'s result for one set, building its corpus first when it has one (with a
    progress bar on a terminal only, as `kg build`)."""
    if s.corpus is None:
        return evaluate_file(s.graph, s.gold)
    from kg.pipeline import build

    with tempfile.TemporaryDirectory(prefix=f"kg-eval-{s.name}-") as tmp:
        out = keep / s.name if keep else Path(tmp)
        build(s.corpus, out, ["ttl"], ner=ner, html=False, show_progress=None)
        return evaluate_file(out / "graph.ttl", s.gold)


def score_sets(sets: list[EvalSet], ner: str = "rules", keep: Path | None = None,
               skip_missing: bool = False) -> tuple[dict[str, dict], list[str]]:
    """({set name: evaluate() result}, notices). A set with a missing folder is skipped with a
    notice under `skip_missing` (a checkout without ../shared), else it raises SetError."""
    results, notices = {}, []
    names = [s.name for s in sets]
    if len(set(names)) < len(names):
        raise SetError(f"set names must differ: {', '.join(sorted(n for n in set(names) if names.count(n) > 1))} repeated")
    for s in sets:
        absent = missing_part(s)
        if absent:
            if not skip_missing:
                raise SetError(f"set {s.name}: {absent} not found")
            notices.append(f"set {s.name} skipped: {absent} not found")
            continue
        results[s.name] = score_set(s, ner, keep)
    return results, notices


def _empty(r: dict) -> bool:
    return r["tp"] + r["fp"] + r["fn"] == 0


def headline(result: dict) -> dict[str, dict]:
    """The five figures of a set: {row: {precision, recall, f1}}; None where the set has
    nothing of that kind in gold or graph (an F1 of 0 there would be a false alarm)."""
    out = {}
    for row, key in HEADLINE.items():
        r = result[key]
        out[row] = None if _empty(r) else {k: r[k] for k in ("precision", "recall", "f1")}
    return out


def f1_record(results: dict[str, dict]) -> dict[str, dict[str, float | None]]:
    """{set: {row: F1 or None}} of evaluate() results by set name: what quality.json keeps."""
    return {name: {row: (v["f1"] if v else None) for row, v in headline(r).items()}
            for name, r in results.items()}


def regressions(current: dict[str, dict], recorded: dict[str, dict], tolerance: float = TOLERANCE) -> list[str]:
    """One line per F1 of a set in both records that fell more than `tolerance` below the
    record (or vanished)."""
    out = []
    for name, rows in current.items():
        for row, before in recorded.get(name, {}).items():
            now = rows.get(row)
            if before is None:
                continue
            if now is None or now < before - tolerance:
                out.append(f"{name} {row}: F1 {now if now is not None else 'none'} "
                           f"< recorded {before:.3f} - {tolerance}")
    return out


def load_record(path: Path) -> dict[str, dict]:
    """The sets of a quality record ({"sets": {...}} or a bare {set: {row: f1}})."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SetError(f"{path}: cannot be read as a quality record ({exc.__class__.__name__})") from None
    return data.get("sets", data)


def record_note(path: Path) -> str:
    """The note of an existing quality record ("" if none), kept when the record is rewritten."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return ""
    return data.get("note", "") if isinstance(data, dict) else ""


def record_json(results: dict[str, dict], previous: dict | None = None, note: str = "") -> str:
    """A quality record: the previous record's sets kept, the scored ones replaced."""
    sets = dict(previous or {})
    sets.update(f1_record(results))
    body = {"note": note or ("F1 of `kg eval` per set, kg built rules-only (--ner rules); "
                             "tests/test_quality.py fails when a visible set falls more than "
                             f"{TOLERANCE} below these. Update with `make record`."),
            "sets": {k: sets[k] for k in sorted(sets)}}
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def table_rows(result: dict) -> list[tuple[str, str, str, str]]:
    """(row, precision, recall, F1) strings of a set's headline figures."""
    rows = []
    for row, v in headline(result).items():
        rows.append((row, *(("-",) * 3 if v is None else
                            (f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}"))))
    return rows


def base_line(result: dict) -> str:
    """How many gold bases were found, and with the right location and operator."""
    bases = result["bases"].values()
    found = [b for b in bases if b["found"]]
    return (f"bases found {len(found)}/{len(bases)}, location right "
            f"{sum(b['location_right'] is True for b in found)}, operator right "
            f"{sum(b['operator_right'] is True for b in found)}")
