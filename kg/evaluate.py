"""Scoring a graph against gold annotations (../shared/gold/SCHEMA.md), by the public contract.

Only the contract's vocabulary is read, so any graph that follows it can be scored.
Entities are scored per article (an entity matches a gold entity of the same class whose
names share a normalized form); meetings, treaties and bases once for the corpus, since the
graph holds one node per real-world event.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV, SKOS

from kg.graph import KG
from kg.vocab import ACTOR_CLASSES, ENTITY_CLASSES
from kg.text import normalize

CLASSES = ENTITY_CLASSES
ACTORS = ACTOR_CLASSES


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    date_mismatches: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "missed": sorted(self.missed), "spurious": sorted(self.spurious),
                **({"date_mismatches": sorted(self.date_mismatches)} if self.date_mismatches else {})}


def _norm_names(names) -> set[str]:
    return {normalize(str(n)).strip() for n in names if str(n).strip()}


def load_gold(gold_dir: Path) -> list[dict]:
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise FileNotFoundError(f"{gold_dir}: no gold .json files")
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


class GraphView:
    """What the contract lets a reader know about a graph."""

    def __init__(self, graph: Graph):
        self.g = graph
        self.doc_of_file = {str(f): d for d, f in graph.subject_objects(KG.sourceFile)}
        self.type_of: dict[URIRef, str] = {}
        for cls in CLASSES:
            for s in graph.subjects(RDF.type, KG[cls]):
                self.type_of.setdefault(s, cls)

    def names(self, node) -> set[str]:
        labels = [o for o in self.g.objects(node, RDFS.label) if getattr(o, "language", None) == "ar"]
        labels += [o for o in self.g.objects(node, SKOS.altLabel)]
        return _norm_names(labels)

    def label(self, node) -> str:
        return next((str(o) for o in self.g.objects(node, RDFS.label) if o.language == "ar"), str(node))

    def entities_in(self, doc) -> list[URIRef]:
        return sorted(s for s in self.g.subjects(KG.mentionedIn, doc) if s in self.type_of)

    def date(self, node) -> str | None:
        return next((str(o) for o in self.g.objects(node, KG.date)), None)


def _match(gold_items: list[tuple[str, set[str]]], pred_items: list[tuple[object, set[str]]]):
    """Greedy one-to-one matching by shared names: yields (gold id, pred) pairs."""
    pairs = []
    used = set()
    for gid, gnames in gold_items:
        best = max((p for p in pred_items if p[0] not in used and gnames & p[1]),
                   key=lambda p: len(gnames & p[1]), default=None)
        if best is not None:
            used.add(best[0])
            pairs.append((gid, best[0]))
    return pairs


def evaluate(graph: Graph, gold_dir: Path) -> dict:
    gold = load_gold(gold_dir)
    view = GraphView(graph)
    scores = {c: Score() for c in CLASSES}
    node_to_gold: dict[URIRef, str] = {}
    gold_to_nodes: dict[str, set[URIRef]] = defaultdict(set)
    for gdoc in gold:
        doc = view.doc_of_file.get(gdoc["doc"])
        preds = view.entities_in(doc) if doc is not None else []
        for cls in CLASSES:
            g_items = [(e["id"], _norm_names(e["names"])) for e in gdoc["entities"] if e["type"] == cls]
            p_items = [(n, view.names(n)) for n in preds if view.type_of[n] == cls]
            pairs = _match(g_items, p_items)
            s = scores[cls]
            s.tp += len(pairs)
            matched_g = {g for g, _ in pairs}
            matched_p = {p for _, p in pairs}
            s.missed += [f"{gdoc['doc'][:3]}:{g}" for g, _ in g_items if g not in matched_g]
            s.spurious += [f"{gdoc['doc'][:3]}:{view.label(p)}" for p, _ in p_items if p not in matched_p]
            s.fn += len(g_items) - len(pairs)
            s.fp += len(p_items) - len(pairs)
            for g, p in pairs:
                node_to_gold[p] = g
                gold_to_nodes[g].add(p)
    actors = Score()
    for c in ACTORS:
        for attr in ("tp", "fp", "fn"):
            setattr(actors, attr, getattr(actors, attr) + getattr(scores[c], attr))
        actors.missed += scores[c].missed
        actors.spurious += scores[c].spurious
    duplicated = {g: sorted(view.label(n) for n in nodes) for g, nodes in gold_to_nodes.items() if len(nodes) > 1}

    meetings, date_exact, matched_meetings = _score_meetings(view, gold, node_to_gold)
    lacking = [str(m) for m in view.g.subjects(RDF.type, KG.Meeting)
               if not (set(view.g.objects(m, PROV.wasDerivedFrom)) and set(view.g.objects(m, KG.evidence)))]
    treaties = _score_treaties(view, gold, node_to_gold)
    bases = _score_bases(view, gold, node_to_gold)
    result = {
        **{c: scores[c].as_dict() for c in CLASSES},
        "actors": actors.as_dict(),
        "meetings": {**meetings.as_dict(), "matched": matched_meetings,
                     "date_exact": round(date_exact / matched_meetings, 3) if matched_meetings else 0.0},
        "treaties": treaties.as_dict(),
        "bases": bases,
        "duplicated_nodes": duplicated,
        "meetings_lacking_provenance": lacking,
    }
    return result


def _gold_events(gold: list[dict], key: str) -> dict[str, dict]:
    """Events by id across articles: participants united, the most precise date kept."""
    out: dict[str, dict] = {}
    for gdoc in gold:
        for ev in gdoc.get(key, []):
            have = out.setdefault(ev["id"], {**ev, "docs": set()})
            have["docs"].add(gdoc["doc"])
            for k in ("participants", "parties"):
                if k in ev:
                    have[k] = list(dict.fromkeys(have[k] + ev[k]))
            if ev.get("date") and (not have.get("date") or len(ev["date"]) > len(have["date"])):
                have["date"] = ev["date"]
    return out


def _dates_compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _score_meetings(view: GraphView, gold: list[dict], node_to_gold) -> tuple[Score, int, int]:
    golds = _gold_events(gold, "meetings")
    by_id = {p for ev in golds.values() for p in ev["participants"]}
    preds = []
    for m in sorted(view.g.subjects(RDF.type, KG.Meeting)):
        # a participant no article names (a delegation's state): its IRI's last segment when gold uses that id
        parts = {node_to_gold.get(p) or _local_id(view, p, by_id) for p in view.g.objects(m, KG.participant)}
        preds.append((m, parts, view.date(m)))
    candidates = []
    for gid, ev in golds.items():
        gp = set(ev["participants"])
        for m, pp, date in preds:
            jaccard = len(gp & pp) / len(gp | pp) if gp | pp else 0
            if jaccard >= 0.5 and _dates_compatible(ev.get("date"), date):
                exact = (ev.get("date") or None) == (date or None)
                candidates.append((jaccard + exact, gid, m, exact))
    s = Score()
    used_g, used_p, exact_count = set(), set(), 0
    dates = {m: d for m, _, d in preds}
    for _, gid, m, exact in sorted(candidates, key=lambda c: (-c[0], c[1], str(c[2]))):
        if gid in used_g or m in used_p:
            continue
        used_g.add(gid)
        used_p.add(m)
        exact_count += exact
        if not exact:
            s.date_mismatches.append(f"{gid}: graph says {dates[m] or 'undated'}")
    s.tp = len(used_g)
    s.fn = len(golds) - len(used_g)
    s.fp = len(preds) - len(used_p)
    s.missed = [g for g in golds if g not in used_g]
    s.spurious = [f"{d or 'undated'} {sorted(view.label(p) for p in view.g.objects(m, KG.participant))}"
                  for m, _, d in preds if m not in used_p]
    return s, exact_count, len(used_g)


def _score_treaties(view: GraphView, gold: list[dict], node_to_gold) -> Score:
    golds = _gold_events(gold, "treaties")
    preds = sorted(view.g.subjects(RDF.type, KG.Treaty))
    s = Score()
    used = set()
    for gid, t in golds.items():
        gnames = _norm_names(t["names"])
        hit = next((p for p in preds if p not in used and any(
            a in b or b in a for a in gnames for b in view.names(p))), None)
        if hit is None:
            s.fn += 1
            s.missed.append(gid)
            continue
        used.add(hit)
        s.tp += 1
    s.fp = len(preds) - len(used)
    s.spurious = [view.label(p) for p in preds if p not in used]
    return s


def _score_bases(view: GraphView, gold: list[dict], node_to_gold) -> dict:
    golds = _gold_events(gold, "bases")
    out = {}
    names_by_id = defaultdict(set)
    for gdoc in gold:
        for e in gdoc["entities"]:
            names_by_id[e["id"]] |= _norm_names(e["names"])
    located: dict[str, set] = defaultdict(set)
    operated: dict[str, set] = defaultdict(set)
    for gdoc in gold:
        for b in gdoc.get("bases", []):
            if b.get("located_in"):
                located[b["id"]].add(b["located_in"])
            if b.get("operated_by"):
                operated[b["id"]].add(b["operated_by"])
    gold_ids = set(names_by_id) | {x for ids in (*located.values(), *operated.values()) for x in ids}
    for gid in golds:
        node = next((n for n, t in view.type_of.items() if t == "MilitaryBase" and view.names(n) & names_by_id[gid]), None)
        if node is None:
            out[gid] = {"found": False}
            continue
        locs = {node_to_gold.get(x, _gold_id_by_name(view, x, names_by_id, gold_ids)) for x in view.g.objects(node, KG.locatedIn)}
        ops = {node_to_gold.get(x, _gold_id_by_name(view, x, names_by_id, gold_ids)) for x in view.g.objects(node, KG.operatedBy)}
        out[gid] = {"found": True, "location_right": bool(locs & located[gid]) if located[gid] else None,
                    "operator_right": bool(ops & operated[gid]) if operated[gid] else None,
                    "located_in": sorted(map(str, locs)), "operated_by": sorted(map(str, ops))}
    return out


def _local_id(view: GraphView, node, gold_ids: set) -> str:
    """A participating state's gold id by its IRI (a delegation's state the article names only by
    adjective); any other unmatched participant stays unmatched."""
    local = str(node).rstrip("/").rsplit("/", 1)[-1]
    return local if local in gold_ids and (node, RDF.type, KG.State) in view.g else str(node)


def _gold_id_by_name(view: GraphView, node, names_by_id, gold_ids: set) -> str:
    """The gold id of a node no gold entity of its article matched: its IRI's last segment when
    gold uses that id (a state gold references by id only: 'القاعدة الروسية'; the IRI writes its
    underscores as hyphens: state/united-states is united_states), else by a shared name."""
    local = str(node).rstrip("/").rsplit("/", 1)[-1]
    for candidate in (local, local.replace("-", "_")):
        if candidate in gold_ids:
            return candidate
    names = view.names(node)
    return next((g for g, ns in names_by_id.items() if ns & names), str(node))


def evaluate_file(path: Path, gold_dir: Path) -> dict:
    from kg.output import read_graph  # any format kg writes

    return evaluate(read_graph(path), gold_dir)

