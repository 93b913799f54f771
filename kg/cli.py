"""The `kg` command: parses options and calls library functions, nothing more."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from kg.cli_ner import models_app, ner_app
from kg.cli_text import (EXIT_FAILED, EXIT_OUTPUT, EXIT_USAGE, build_os_error, build_summary,
                         executor_error, fail as _fail, parse_params, print_sets, print_table,
                         stats_text, strict_failure)
from kg.cli_text import check_graph_file as _check_graph_file, read_graph as _read_graph
from kg.lexicon_schema import LexiconError
from kg.output import FORMATS

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Build a knowledge graph from Arabic news articles, query it and look at it.",
                  epilog="Example: kg build corpus --out outputs && kg query outputs/graph.ttl timeline")
app.add_typer(ner_app, name="ner")
app.add_typer(models_app, name="models")


#: --format and --input-format choices come from kg.output's registry: a format added there is a choice here
Fmt = Enum("Fmt", {name: name for name in FORMATS}, type=str)
InputFormat = Enum("InputFormat", {name: name for name, f in FORMATS.items() if f.read}, type=str)
ExportFmt = Enum("ExportFmt", {name: name for name, f in FORMATS.items() if not f.read}, type=str)


class Engine(str, Enum):
    rdflib = "rdflib"
    oxigraph = "oxigraph"


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    ttl = "ttl"    # CONSTRUCT and DESCRIBE answers as Turtle


class Executor(str, Enum):
    local = "local"
    dask = "dask"


class NerMode(str, Enum):
    auto = "auto"
    stanza = "stanza"
    rules = "rules"


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"kg {version('kg')}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print kg's version and exit.")) -> None:
    """Build a knowledge graph from Arabic news articles, query it and look at it."""


INPUT_FORMAT_HELP = "Format of GRAPH (default: by its extension)."


@app.command(epilog="Examples: kg build corpus --out outputs --format jsonld --format trig\n\n"
                     "kg build /data/articles --out /data/kg --jobs 2 --strict")
def build(
    corpus: Path = typer.Argument(Path("corpus"), help="Folder of articles (.txt, .html, .jsonl)."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder."),
    fmt: List[Fmt] = typer.Option([Fmt.ttl], "--format", "-f",
                                  help="Also write this format (repeatable); graph.ttl is always written. "
                                  "graphml, gexf: the actor network for Gephi; csv: meetings.csv (see kg export)."),
    ner: NerMode = typer.Option(NerMode.auto, help="auto: Stanza when a model is found, else rules."),
    html: bool = typer.Option(True, help="Also write graph.html (the actor network)."),
    strict: bool = typer.Option(False, help="Fail (exit 1) when any file or record is skipped."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Extract documents in N parallel processes "
                             "(0: one per core when a rules-only corpus is over 1 MB, else one)."),
    cache: Optional[Path] = typer.Option(None, help="Cache folder for incremental builds (default: OUT/.kg-cache)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Extract every document anew."),
    executor: Executor = typer.Option(Executor.local, help="local (this machine) or dask (a Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address, tcp://HOST:8786 "
                                            "(default with --executor dask: a LocalCluster)."),
) -> None:
    """Read CORPUS and write graph.ttl (and graph.html, other formats, build.json) to --out.

    Exit codes: 0 success; 1 no document could be read (or a skip under --strict);
    2 bad usage (unknown option, missing or non-directory corpus path); 3 the output folder
    cannot be written.
    """
    from kg.documents import CorpusError, corpus_files
    from kg.output import OutputError, check_output_folder
    from kg.pipeline import NoDocuments, build as run_build

    try:
        corpus_files(corpus)  # a bad corpus path is said before the output folder is made
        check_output_folder(out)
        report = run_build(corpus, out, [f.value for f in fmt], ner.value, html, jobs=jobs,
                           cache_dir=None if no_cache else (cache or out / ".kg-cache"),
                           executor=executor.value, scheduler=scheduler)
    except CorpusError as exc:
        _fail(str(exc), EXIT_USAGE)
    except OutputError as exc:
        _fail(str(exc), EXIT_OUTPUT)
    except (NoDocuments, LexiconError) as exc:
        _fail(str(exc), EXIT_FAILED)
    except OSError as exc:
        _fail(*build_os_error(exc, out, executor.value))
    except TimeoutError as exc:  # a Dask scheduler that cannot be reached
        _fail(executor_error(exc, executor.value), EXIT_FAILED)
    for line in report.skipped:
        typer.echo(f"skipped {line}", err=True)
    for line in report.notices:
        typer.echo(f"notice: {line}", err=True)
    typer.echo(build_summary(report))
    if strict and report.skipped:
        _fail(strict_failure(report.skipped), EXIT_FAILED)


@app.command("export")
def export(
    out: Path = typer.Argument(..., help="File to write: .csv, .graphml or .gexf."),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", help="Folder of articles the graph is built from."),
    fmt: Optional[ExportFmt] = typer.Option(None, "--format", "-f", help="csv, graphml, gexf (default: OUT's extension)."),
    bom: bool = typer.Option(False, "--bom", help="Start the CSV with a UTF-8 byte-order mark (for Excel)."),
    ner: NerMode = typer.Option(NerMode.auto, help="auto: Stanza when a model is found, else rules."),
    cache: Path = typer.Option(Path("outputs/.kg-cache"), help="The build's cache: an unchanged corpus is not read again."),
) -> None:
    """Write the actor network for Gephi (GraphML, GEXF with start/end dates) or the meetings as a
    spreadsheet table (CSV: one row per meeting and participant)."""
    from kg.documents import CorpusError
    from kg.exports import ExportError, export as run_export
    from kg.pipeline import NoDocuments

    try:
        report = run_export(corpus, out, fmt.value if fmt else None, bom, ner.value, cache)
    except (ExportError, CorpusError) as exc:
        _fail(str(exc), EXIT_USAGE)
    except (NoDocuments, LexiconError) as exc:
        _fail(str(exc), EXIT_FAILED)
    except OSError as exc:
        _fail(f"{exc.filename or out}: {exc.strerror or exc}", EXIT_FAILED)
    for line in report.skipped:
        typer.echo(f"skipped {line}", err=True)
    typer.echo(f"wrote {out}")


@app.command("eval", epilog="Example: kg eval outputs/graph.ttl --gold tests/gold --details")
def eval_(
    graph: Optional[Path] = typer.Argument(None, help="A graph following the contract, any format kg writes "
                                           "(default outputs/graph.ttl; sets with a corpus need none)."),
    gold: Optional[Path] = typer.Option(None, help="Folder of gold .json files for GRAPH (default tests/gold)."),
    sets: List[str] = typer.Option([], "--set", help="NAME=GOLD[@GRAPH_OR_CORPUS], repeatable: GOLD is a gold "
                                   "folder or a set folder with gold/ and corpus/ (its corpus is built)."),
    ner: NerMode = typer.Option(NerMode.rules, help="Recognizers for the corpora eval builds."),
    skip_missing: bool = typer.Option(False, help="Skip a set whose folder is absent, with a notice."),
    check: Optional[Path] = typer.Option(None, help="Quality record (benchmarks/quality.json): exit 1 when "
                                         "an F1 falls more than 0.02 below it."),
    record: Optional[Path] = typer.Option(None, help="Write the sets' F1s into this quality record."),
    keep: Optional[Path] = typer.Option(None, help="Keep each built graph in KEEP/NAME/graph.ttl."),
    as_json: bool = typer.Option(False, "--json", help="Print the full results as JSON, by set."),
    details: bool = typer.Option(False, help="List missed and spurious items."),
) -> None:
    """Precision, recall and F1 against gold annotations: one table per set."""
    import json

    from kg import evalsets
    from kg.output import GraphReadError

    try:
        specs = [evalsets.parse_set(spec, graph) for spec in sets] or [
            evalsets.EvalSet("gold", gold or Path("tests/gold"), graph=graph or Path("outputs/graph.ttl"))]
        recorded = evalsets.load_record(check) if check else None
        results, notices = evalsets.score_sets(specs, ner.value, keep, skip_missing)
    except evalsets.SetError as exc:
        _fail(str(exc), 2)
    except GraphReadError as exc:
        _fail(str(exc), EXIT_FAILED)
    except FileNotFoundError as exc:
        _fail(str(exc), 2)
    except Exception as exc:  # a graph that is no Turtle
        _fail(f"cannot be scored ({exc.__class__.__name__}: {str(exc)[:200]})", 1)
    for line in notices:
        typer.echo(f"notice: {line}", err=True)
    if record:
        from kg.output import atomic_write

        previous = evalsets.load_record(record) if record.is_file() else None
        atomic_write(record, evalsets.record_json(results, previous, evalsets.record_note(record)))
    if as_json:
        typer.echo(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print_sets(results, details)
    if recorded is not None:
        problems = evalsets.regressions(evalsets.f1_record(results), recorded)
        for line in problems:
            typer.echo(f"regression: {line}", err=True)
        if problems:
            raise typer.Exit(1)


@app.command(epilog="Examples: kg query outputs/graph.ttl meetings-between -p a=Putin -p b=Assad\n\n"
                     "kg query outputs/graph.jsonld timeline --engine oxigraph --format csv\n\n"
                     "kg query --endpoint http://127.0.0.1:7878/query actor-profile -p name=Lavrov")
def query(
    target: str = typer.Argument(..., help="A graph written by kg build (or the query, with --endpoint)."),
    sparql: Optional[str] = typer.Argument(None, help="A .rq file, a bundled query name or an inline query."),
    param: List[str] = typer.Option([], "--param", "-p", help="name=value for {{name}} in the query."),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format",
                                               help="Default: a table on a terminal, tsv in a pipe."),
    engine: Engine = typer.Option(Engine.rdflib, help="oxigraph (pyoxigraph) is the fast one for large graphs."),
    input_format: Optional[InputFormat] = typer.Option(None, help=INPUT_FORMAT_HELP),
    endpoint: Optional[str] = typer.Option(None, help="Query a SPARQL endpoint instead of a file "
                                           "(Oxigraph: http://HOST:7878/query)."),
) -> None:
    """Run a read-only SPARQL query: kg query GRAPH QUERY, or kg query --endpoint URL QUERY.
    Bundled: timeline, meetings-between, actor-profile, bases, treaties, most-connected.
    Exit codes: 0 success; 1 the graph or the server failed; 2 bad usage or a bad query."""
    import sys

    from kg.output import GraphReadError
    from kg.query import Engine as LocalEngine, QueryError, answer, render
    from kg.remote import Endpoint, RemoteError

    try:
        params = parse_params(param)
    except ValueError as exc:
        _fail(str(exc), EXIT_USAGE)
    if not endpoint:
        if sparql is None:
            _fail("a query is needed: kg query GRAPH QUERY", EXIT_USAGE)
        _check_graph_file(Path(target), input_format)
    try:
        if endpoint:
            source = Endpoint(endpoint).select
            sparql = sparql or target
        else:
            source = LocalEngine(Path(target), engine.value, input_format.value if input_format else None).select
        result = answer(source, sparql, params)
    except QueryError as exc:
        _fail(str(exc), EXIT_USAGE)
    except (RemoteError, GraphReadError) as exc:
        _fail(str(exc), EXIT_FAILED)
    for note in result.notes:
        typer.echo(f"kg: {note}", err=True)
    fmt_name = fmt.value if fmt else ("table" if sys.stdout.isatty() else "tsv")
    if fmt_name == "table":
        print_table(result.columns, result.rows)
        return
    try:
        typer.echo(render(result, fmt_name), nl=False)
    except QueryError as exc:
        _fail(str(exc), EXIT_USAGE)


@app.command(epilog="Example: kg push outputs/graph.ttl --endpoint http://127.0.0.1:7878/store")
def push(
    graph: Path = typer.Argument(Path("outputs/graph.ttl")),
    endpoint: str = typer.Option(..., help="Graph Store Protocol URL (Oxigraph: http://HOST:7878/store; "
                                 "Fuseki: http://HOST:3030/DATASET/data)."),
    graph_iri: Optional[str] = typer.Option(None, "--graph", help="Named graph IRI (default graph if absent)."),
    merge: bool = typer.Option(False, help="Add to the graph instead of replacing it."),
) -> None:
    """Load GRAPH (any format kg writes) into a SPARQL server through the SPARQL 1.1 Graph Store Protocol."""
    from kg.output import GraphReadError
    from kg.remote import RemoteError, push as run_push

    _check_graph_file(graph, None)
    try:
        sent = run_push(graph, endpoint, graph_iri, replace=not merge)
    except (RemoteError, GraphReadError) as exc:
        _fail(str(exc), EXIT_FAILED)
    typer.echo(f"{'merged into' if merge else 'replaced'} {graph_iri or 'the default graph'} at {endpoint} "
               f"({sent} bytes)")


@app.command(epilog="Example: kg serve outputs/graph.ttl --bind 127.0.0.1:7878")
def serve(
    graph: Path = typer.Argument(Path("outputs/graph.ttl")),
    bind: str = typer.Option("127.0.0.1:7878", help="Host and port."),
    location: Optional[Path] = typer.Option(None, help="Store folder, kept (default: a temporary one, removed "
                                            "when kg serve stops)."),
    input_format: Optional[InputFormat] = typer.Option(None, help=INPUT_FORMAT_HELP),
) -> None:
    """Serve GRAPH read-only with Oxigraph: SPARQL at http://BIND/query and its web UI at http://BIND/.

    Ctrl-C or SIGTERM stops the server and removes the temporary store. Exit codes: 0 stopped;
    1 the server could not start (the port is taken, the graph cannot be loaded); 2 bad usage."""
    from kg.output import GraphReadError
    from kg.remote import RemoteError, serve as run_serve

    _check_graph_file(graph, input_format)
    try:
        run_serve(graph, bind, location, input_format.value if input_format else None,
                  ready=lambda url: typer.echo(f"serving {graph} at {url}/ (SPARQL: {url}/query); "
                                               "Ctrl-C stops", err=False))
    except (RemoteError, GraphReadError) as exc:
        _fail(str(exc), EXIT_FAILED)


@app.command(epilog="Example: kg stats outputs/graph.ttl --top 5")
def stats(graph: Path = typer.Argument(Path("outputs/graph.ttl")), top: int = typer.Option(10, min=1, help="How many actors each ranking lists."),
          input_format: Optional[InputFormat] = typer.Option(None, help=INPUT_FORMAT_HELP)) -> None:
    """Counts by class and the top actors by degree and betweenness centrality (any format kg writes)."""
    from kg.stats import stats_of

    typer.echo(stats_text(stats_of(_read_graph(graph, input_format), top)))


@app.command(epilog="Example: kg validate outputs/graph.trig")
def validate(graph: Path = typer.Argument(Path("outputs/graph.ttl")),
             input_format: Optional[InputFormat] = typer.Option(None, help=INPUT_FORMAT_HELP)) -> None:
    """Check GRAPH against the contract's SHACL shapes (ontologies/shapes.ttl). Exit 1 on violations."""
    from kg.validate import validate as run_validate

    violations = run_validate(_read_graph(graph, input_format))
    for v in violations:
        typer.echo(str(v))
    typer.echo(f"{graph}: {'conforms' if not violations else f'{len(violations)} violations'}")
    if violations:
        raise typer.Exit(EXIT_FAILED)


@app.command(epilog="Example: kg stages")
def stages() -> None:
    """Print the extraction stages in order, with the items each requires and provides."""
    from kg.extract import STAGES
    from kg.stages import describe

    typer.echo(describe(STAGES))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
