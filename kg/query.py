"""Read-only SPARQL over a built graph, with bundled queries and three engines (rdflib, Oxigraph
in process, a SPARQL endpoint).

A bundled query's name parameters (`{{entity:a}}`) are resolved to IRIs in Python before the
query runs: names are matched on every label and alias of the graph, normalized as the
pipeline normalizes Arabic (hamza forms, ta marbuta, diacritics, the article ال) and case-folded,
and a single word of a name (`Putin`, `بوتين`) is enough. The query then receives the IRIs in a
VALUES block, which every engine answers from its index instead of scanning labels.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable

QUERY_DIR = resources.files("kg") / "queries"
_PARAM = re.compile(r"\{\{(?:(entity):)?(\w+)\}\}")
from kg.vocab import ENTITY_CLASSES  # noqa: E402
ENGINES = ("rdflib", "oxigraph")
NO_MATCH = "https://w3id.org/arabic-kg/resource/no-such-entity"
OUTPUT_FORMATS = ("table", "csv", "tsv", "json", "ttl")


class QueryError(Exception):
    """A query that cannot run: syntax error, update, missing parameter, unknown engine."""


@dataclass
class Result:
    columns: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)   # how name parameters were resolved
    graph: object = None   # CONSTRUCT and DESCRIBE: the answer as an rdflib Graph (for --format ttl)


def bundled() -> dict[str, str]:
    """Bundled query names -> their first comment line."""
    out = {}
    for f in sorted(QUERY_DIR.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".rq"):
            first = f.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
            out[f.name[:-3]] = first
    return out


def query_text(query: str) -> str:
    """A .rq path, a bundled query name or an inline query -> its SPARQL text, parameters unfilled."""
    path = Path(query)
    if query.endswith(".rq") and path.is_file():
        return path.read_text(encoding="utf-8")
    if re.fullmatch(r"[\w-]+", query) and (QUERY_DIR / f"{query}.rq").is_file():
        return (QUERY_DIR / f"{query}.rq").read_text(encoding="utf-8")
    if re.fullmatch(r"[\w.-]+", query) and not re.search(r"\s", query):
        raise QueryError(f"{query}: neither a .rq file nor a bundled query ({', '.join(bundled())})")
    return query


def resolve(query: str, params: dict[str, str] | None = None,
            select: Callable[[str], "Result"] | None = None, notes: list[str] | None = None) -> str:
    """SPARQL text with parameters filled: `{{x}}` by the value as a string literal's content,
    `{{entity:x}}` by the IRIs of the entities the name matches (looked up with `select`)."""
    text = query_text(query)
    params = params or {}
    missing = sorted({m.group(2) for m in _PARAM.finditer(text)} - set(params))
    if missing:
        raise QueryError("missing parameter(s): " + ", ".join(f"--param {m}=…" for m in missing))
    names = NameIndex(select) if select and any(m.group(1) for m in _PARAM.finditer(text)) else None
    resolved: dict[str, str] = {}

    def fill(m: re.Match) -> str:
        value = params[m.group(2)]
        if not m.group(1):
            return _escape(value)
        if names is None:
            raise QueryError(f"--param {m.group(2)}: a name needs the graph to look it up")
        if m.group(2) not in resolved:
            found = names.match(value)
            if notes is not None and len(found) != 1:  # say so when the name is ambiguous or unknown
                notes.append(names.describe(m.group(2), value, found))
            # an empty VALUES block breaks rdflib: no match is an IRI that names nothing
            resolved[m.group(2)] = " ".join(f"<{iri}>" for iri in found) or f"<{NO_MATCH}>"
        return resolved[m.group(2)]

    return _PARAM.sub(fill, text)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def name_words(name: str) -> tuple[str, ...]:
    """A name as words to compare: Arabic folded (kg.text.normalize), case and Latin accents
    folded, the article (ال, al-, el-) dropped."""
    from kg.text import normalize

    text = unicodedata.normalize("NFKD", normalize(name).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = []
    for w in re.findall(r"\w+", text):
        if w in ("al", "el", "ال"):
            continue
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        words.append(w)
    return tuple(words)


LABELS = """PREFIX kg: <https://w3id.org/arabic-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?x ?label ?alt WHERE {
  VALUES ?class { %s }
  ?x a ?class .
  { ?x rdfs:label ?label } UNION { ?x skos:altLabel ?alt }
}""" % " ".join(f"kg:{c}" for c in ENTITY_CLASSES)


class NameIndex:
    """The graph's entities by the words of their labels and aliases."""

    def __init__(self, select: Callable[[str], "Result"]) -> None:
        self.words: dict[str, set[tuple[str, ...]]] = {}
        self.shown: dict[str, str] = {}
        for x, label, alt in select(LABELS).rows:
            name = label or alt
            self.words.setdefault(x, set()).add(name_words(name))
            if label and (x not in self.shown or re.search("[\u0600-\u06ff]", label)):
                self.shown[x] = label

    def match(self, name: str) -> list[str]:
        """IRIs whose label or alias is the name; else those with the name's words in a row in one."""
        want = name_words(name)
        if not want:
            return []
        exact = [x for x, names in self.words.items() if want in names]
        if exact:
            return sorted(exact)
        n = len(want)
        return sorted(x for x, names in self.words.items()
                      if any(words[i:i + n] == want for words in names for i in range(len(words) - n + 1)))

    def describe(self, param: str, value: str, found: list[str]) -> str:
        if not found:
            return f"{param}={value} matches no label or alias in the graph"
        shown = ", ".join(self.shown.get(x, x) for x in found)
        return f"{param}={value} matched {len(found)} {'entities' if len(found) > 1 else 'entity'}: {shown}"


def check_read_only(sparql: str) -> str:
    """Parse the query; refuse SPARQL Update; report syntax errors with their position.
    Returns the query's form: SelectQuery, AskQuery, ConstructQuery or DescribeQuery."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        return parseQuery(sparql)[1].name
    except ParseException as exc:
        error = exc
    try:
        parseUpdate(sparql)
    except ParseException:
        raise QueryError(f"syntax error at line {error.lineno}, column {error.col}: {error.msg}") from None
    raise QueryError("SPARQL Update is refused: kg query is read-only")


class Engine:
    """A graph file loaded once into rdflib or pyoxigraph, answering read-only queries."""

    def __init__(self, graph_path: Path, engine: str = "rdflib", input_format: str | None = None) -> None:
        from kg.output import FORMATS, format_of, read_graph

        if engine not in ENGINES:
            raise QueryError(f"unknown engine {engine!r} ({' or '.join(ENGINES)})")
        self.engine = engine
        if engine == "rdflib":
            self.graph = read_graph(graph_path, input_format)
            return
        import pyoxigraph as ox

        from kg.output import GraphReadError

        fmt = format_of(graph_path, input_format)
        self.store = ox.Store()
        try:
            if fmt == "trig":  # a triple held by several documents' graphs must count once
                data = read_graph(graph_path, fmt).serialize(format="nt", encoding="utf-8")
                self.store.load(data, format=ox.RdfFormat.N_TRIPLES)
            else:
                self.store.load(path=str(graph_path), format=ox.RdfFormat.from_media_type(FORMATS[fmt].oxigraph))
        except (SyntaxError, OSError, ValueError) as exc:
            first = (str(exc).strip().splitlines() or [""])[0][:200]
            raise GraphReadError(f"{graph_path}: cannot be read as {fmt} ({first})") from None

    def select(self, sparql: str) -> Result:
        check_read_only(sparql)
        return self._rdflib(sparql) if self.engine == "rdflib" else self._oxigraph(sparql)

    def _rdflib(self, sparql: str) -> Result:
        res = self.graph.query(sparql)
        if res.type == "ASK":
            return Result(["ask"], [[str(bool(res.askAnswer)).lower()]])
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            return _triples_result(res.graph)
        cols = [str(v) for v in res.vars]
        return Result(cols, [[("" if v is None else str(v)) for v in row] for row in res])

    def _oxigraph(self, sparql: str) -> Result:
        import pyoxigraph as ox

        res = self.store.query(sparql, use_default_graph_as_union=True)
        if isinstance(res, ox.QueryBoolean):
            return Result(["ask"], [[str(bool(res)).lower()]])
        if isinstance(res, ox.QueryTriples):
            return _triples_result(_rdflib_graph(res))
        cols = [v.value for v in res.variables]
        return Result(cols, [["" if v is None else v.value for v in row] for row in res])  # by position: fastest


def _rdflib_graph(triples) -> "Graph":
    """Oxigraph's triples as an rdflib Graph, language tags and datatypes kept."""
    import pyoxigraph as ox
    from rdflib import BNode, Graph, Literal, URIRef

    def term(t):
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        return Literal(t.value, lang=t.language, datatype=None if t.language else URIRef(t.datatype.value))
    g = Graph()
    for t in triples:
        g.add((term(t.subject), term(t.predicate), term(t.object)))
    return g


def _triples_result(graph) -> Result:
    """A CONSTRUCT or DESCRIBE answer: s/p/o rows for tables, the graph itself for --format ttl."""
    from kg.graph import bind_prefixes

    rows = sorted([str(x) for x in triple] for triple in graph)
    return Result(["s", "p", "o"], rows, graph=bind_prefixes(graph))


def answer(select: Callable[[str], Result], query: str, params: dict[str, str] | None = None) -> Result:
    """Resolve a query's parameters against the same source, run it; notes say how names matched."""
    notes: list[str] = []
    result = select(resolve(query, params, select, notes))
    result.notes = notes
    return result


def run(graph_path: Path, sparql: str, engine: str = "rdflib", input_format: str | None = None) -> Result:
    """One query (parameters already filled) on a graph file."""
    return Engine(graph_path, engine, input_format).select(sparql)


def render(result: Result, fmt: str) -> str:
    if fmt == "ttl":
        if result.graph is None:
            raise QueryError("--format ttl is for CONSTRUCT and DESCRIBE queries (a SELECT gives rows: csv, tsv, json)")
        return result.graph.serialize(format="turtle")
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, r)) for r in result.rows], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        return buf.getvalue()
    raise QueryError(f"unknown format {fmt!r} ({', '.join(OUTPUT_FORMATS)})")
