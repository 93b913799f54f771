"""Exports where people use the graph: GraphML and GEXF for Gephi (networkx's writers), and a
CSV table for spreadsheets.

- GraphML / GEXF: the actor network of graph.html (persons, states, organizations, bases);
  nodes carry class, Arabic and English labels, degree, Wikidata id and meeting count; edges
  the kinds of tie, weight (meetings, or 1 for a tie without meetings), meeting count and the
  first and last meeting dates. In GEXF, `start`/`end` (first day of the first meeting, last
  day of the last) make the graph dynamic, so Gephi's timeline filters it.
- CSV: one row per meeting × participant, UTF-8, optionally with a byte-order mark so that
  Excel reads the Arabic correctly.

Every writer takes what the build already has (the merged corpus) and writes atomically.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import quote

import networkx as nx

from kg.merge import MergedCorpus
from kg.model import Meeting

#: Columns of the meetings CSV, in order (README documents each).
CSV_COLUMNS = ("meeting", "date", "start_date", "end_date", "kind", "participant", "participant_ar",
               "participant_en", "participant_class", "place", "place_ar", "source_count", "sources")
#: Excel refuses cells longer than this; a meeting's source list is cut there, with a count.
CELL_LIMIT = 32_000
def export_network(corpus: MergedCorpus) -> nx.Graph:
    """The actor network with plain (string and number) attributes, as GraphML and GEXF need."""
    from kg.visualize import build_network

    network = build_network(corpus)
    meetings = network.meetings
    g = nx.Graph(name="kg actor network")
    ents = corpus.entities
    counts = {n: 0 for n in network.graph}
    for m in meetings:
        for p in dict.fromkeys(m.participants):
            if p in counts:
                counts[p] += 1
    for n in network.graph:
        e = ents[n]
        attrs = {"label": e.label_ar, "class": e.type, "label_ar": e.label_ar, "label_en": e.label_en or "",
                 "degree": network.graph.degree(n), "meetings": counts[n], "wikidata": e.wikidata or ""}
        g.add_node(n, **attrs)
    for a, b, data in network.graph.edges(data=True):
        ours = [meetings[i] for i in data["meetings"]]
        spans = [m.date.days() for m in ours if m.date]
        attrs = {"kinds": ",".join(sorted(data["kinds"])), "weight": len(ours) or 1, "meetings": len(ours),
                 "first_date": min((s for s, _ in spans), default=""), "last_date": max((e for _, e in spans), default="")}
        g.add_edge(a, b, **attrs)
    return g


def write_graphml(corpus: MergedCorpus, path: Path) -> None:
    from kg.output import atomic_file

    with atomic_file(path) as f:
        nx.write_graphml(export_network(corpus), f, encoding="utf-8")


def write_gexf(corpus: MergedCorpus, path: Path) -> None:
    """GEXF 1.2 with start/end on the edges (and on actors, their first and last meeting)."""
    from kg.output import atomic_file

    g = export_network(corpus)
    for _, _, data in g.edges(data=True):
        if data["first_date"]:
            data["start"], data["end"] = data["first_date"], data["last_date"]
    for n in g:
        dates = [(d["start"], d["end"]) for _, _, d in g.edges(n, data=True) if "start" in d]
        if dates and len(dates) == g.degree(n):  # an actor with undated or other ties is always there
            g.nodes[n]["start"] = min(s for s, _ in dates)
            g.nodes[n]["end"] = max(e for _, e in dates)
    with atomic_file(path) as f:
        nx.write_gexf(g, f, encoding="utf-8", version="1.2draft")


def meeting_iris(meetings: list[Meeting]) -> list[str]:
    """The IRI kg.graph gives each meeting (same key and the same counter over the same order),
    so a row of the CSV joins its node in graph.ttl (a test checks they agree)."""
    from kg.graph import KGR

    seen: dict[str, int] = {}
    out = []
    for m in meetings:
        key = f"{m.date.value if m.date else 'undated'}_" + "_".join(m.participants[:3])
        seen[key] = seen.get(key, 0) + 1
        suffix = f"-{seen[key]}" if seen[key] > 1 else ""
        out.append(quote(f"{KGR}meeting/{key.replace('_', '-')}{suffix}", safe="/:#-_.~%?=&+@!$'()*,;"))
    return out


def csv_rows(corpus: MergedCorpus):
    """One row per meeting × participant, in timeline order (undated meetings last)."""
    from kg.graph import entity_iri

    ents = corpus.entities
    node = {k: entity_iri(k, e.type)[1:-1] for k, e in ents.items()}
    meetings = list(corpus.meetings())
    files = {d.doc_id: d.source_file for d in corpus.documents()}
    for m, iri in zip(meetings, meeting_iris(meetings)):
        start, end = m.date.days() if m.date else ("", "")
        place = ents.get(m.location) if m.location else None
        sources = _cell(files.get(d, d) for d in m.documents)
        for p in m.participants:
            if p not in ents:
                continue
            e = ents[p]
            yield [iri, m.date.value if m.date else "", start, end, m.kind, node[p], e.label_ar, e.label_en or "",
                   e.type, node.get(m.location, "") if place else "", place.label_ar if place else "",
                   len(m.documents), sources]


def _cell(names) -> str:
    """Source file names joined by '; ', cut before Excel's cell limit with the rest counted."""
    out, size, names = [], 0, list(names)
    for i, name in enumerate(names):
        if size + len(name) + 2 > CELL_LIMIT:
            out.append(f"(+{len(names) - i})")
            break
        out.append(name)
        size += len(name) + 2
    return "; ".join(out)


def write_csv(corpus: MergedCorpus, path: Path, bom: bool = False) -> None:
    """The meetings × participants table; `bom` starts the file with U+FEFF for Excel."""
    from kg.output import atomic_file

    with atomic_file(path) as f:
        text = io.TextIOWrapper(f, encoding="utf-8-sig" if bom else "utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(csv_rows(corpus))
        text.flush()
        text.detach()


EXPORTERS = {"graphml": write_graphml, "gexf": write_gexf, "csv": write_csv}


class ExportError(ValueError):
    """A request `kg export` cannot serve (unknown format), said in one line."""


def export_format(out: Path, fmt: str | None) -> str:
    """The format asked for, or the one the output file's extension names."""
    fmt = fmt or Path(out).suffix.lstrip(".").lower()
    if fmt not in EXPORTERS:
        raise ExportError(f"{out}: cannot tell the format; give --format {'|'.join(EXPORTERS)}")
    return fmt


def export(corpus_dir: Path, out: Path, fmt: str | None = None, bom: bool = False, ner: str = "auto",
           cache_dir: Path | None = None, show_progress: bool | None = None):
    """Build CORPUS (from the build's cache when it is unchanged, so nothing is read again) and
    write one export to `out`. Returns the build's report."""
    import shutil
    import tempfile

    from kg.output import FORMATS, atomic_file
    from kg.pipeline import build

    fmt = export_format(out, fmt)
    with tempfile.TemporaryDirectory(prefix="kg-export-") as tmp:
        report = build(corpus_dir, Path(tmp), [fmt], ner=ner, html=False, cache_dir=cache_dir,
                       show_progress=show_progress)
        with open(Path(tmp) / FORMATS[fmt].file, "rb") as src, atomic_file(out) as dst:
            if bom and fmt == "csv":
                dst.write("\ufeff".encode("utf-8"))
            shutil.copyfileobj(src, dst)
    return report
