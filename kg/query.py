"""Read-only SPARQL over a built graph, with bundled queries and two engines (rdflib, Oxigraph)."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

QUERY_DIR = resources.files("kg") / "queries"
_PARAM = re.compile(r"\{\{(\w+)\}\}")


class QueryError(Exception):
    """A query that cannot run: syntax error, update, missing parameter, unknown engine."""


@dataclass
class Result:
    columns: list[str]
    rows: list[list[str]]


def bundled() -> dict[str, str]:
    """Bundled query names -> their first comment line."""
    out = {}
    for f in sorted(QUERY_DIR.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".rq"):
            first = f.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
            out[f.name[:-3]] = first
    return out


def resolve(query: str, params: dict[str, str] | None = None) -> str:
    """A .rq path, a bundled query name or an inline query -> SPARQL text with parameters filled."""
    path = Path(query)
    if query.endswith(".rq") and path.is_file():
        text = path.read_text(encoding="utf-8")
    elif re.fullmatch(r"[\w-]+", query) and (QUERY_DIR / f"{query}.rq").is_file():
        text = (QUERY_DIR / f"{query}.rq").read_text(encoding="utf-8")
    elif re.fullmatch(r"[\w.-]+", query) and not re.search(r"\s", query):
        raise QueryError(f"{query}: neither a .rq file nor a bundled query ({', '.join(bundled())})")
    else:
        text = query
    params = params or {}
    missing = sorted(set(_PARAM.findall(text)) - set(params))
    if missing:
        raise QueryError("missing parameter(s): " + ", ".join(f"--param {m}=…" for m in missing))
    return _PARAM.sub(lambda m: _escape(params[m.group(1)]), text)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def check_read_only(sparql: str) -> None:
    """Parse the query; refuse SPARQL Update; report syntax errors with their position."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parseQuery(sparql)
        return
    except ParseException as exc:
        error = exc
    try:
        parseUpdate(sparql)
    except ParseException:
        raise QueryError(f"syntax error at line {error.lineno}, column {error.col}: {error.msg}") from None
    raise QueryError("SPARQL Update is refused: kg query is read-only")


def _term(value) -> str:
    return "" if value is None else str(value.value if hasattr(value, "value") and not isinstance(value, str) else value)


def run(graph_path: Path, sparql: str, engine: str = "rdflib") -> Result:
    check_read_only(sparql)
    if engine == "rdflib":
        from rdflib import Graph

        g = Graph()
        g.parse(graph_path, format="turtle")
        res = g.query(sparql)
        if res.type == "ASK":
            return Result(["ask"], [[str(bool(res.askAnswer)).lower()]])
        if res.type == "CONSTRUCT" or res.type == "DESCRIBE":
            return Result(["s", "p", "o"], [[str(t) for t in triple] for triple in res.graph])
        cols = [str(v) for v in res.vars]
        return Result(cols, [[("" if v is None else str(v)) for v in row] for row in res])
    if engine == "oxigraph":
        import pyoxigraph as ox

        store = ox.Store()
        store.load(path=str(graph_path), format=ox.RdfFormat.TURTLE)
        res = store.query(sparql)
        if isinstance(res, ox.QueryBoolean):
            return Result(["ask"], [[str(bool(res)).lower()]])
        if isinstance(res, ox.QueryTriples):
            return Result(["s", "p", "o"], [[t.subject.value, t.predicate.value, t.object.value] for t in res])
        cols = [v.value for v in res.variables]
        return Result(cols, [[("" if row[c] is None else row[c].value) for c in cols] for row in res])
    raise QueryError(f"unknown engine {engine!r} (rdflib or oxigraph)")


def render(result: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, r)) for r in result.rows], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        return buf.getvalue()
    raise QueryError(f"unknown format {fmt!r}")
