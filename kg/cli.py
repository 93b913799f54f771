"""The `kg` command: parses options and calls library functions, nothing more."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Build a knowledge graph from Arabic news articles, query it and look at it.")
ner_app = typer.Typer(help="Train and evaluate the Stanza NER model.", no_args_is_help=True)
models_app = typer.Typer(help="Manage NER models.", no_args_is_help=True)
app.add_typer(ner_app, name="ner")
app.add_typer(models_app, name="models")


class Fmt(str, Enum):
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    trig = "trig"


class NerMode(str, Enum):
    auto = "auto"
    stanza = "stanza"
    rules = "rules"


def _fail(message: str, code: int) -> None:
    typer.echo(f"kg: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def build(
    corpus: Path = typer.Argument(Path("corpus"), help="Folder of articles (.txt, .html, .jsonl)."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder."),
    fmt: List[Fmt] = typer.Option([Fmt.ttl], "--format", "-f", help="ttl, nt, jsonld, trig (repeatable)."),
    ner: NerMode = typer.Option(NerMode.auto, help="auto: Stanza when a model is found, else rules."),
    html: bool = typer.Option(True, help="Also write graph.html (the actor network)."),
    strict: bool = typer.Option(False, help="Fail (exit 1) when any file is skipped."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Extract documents in N parallel processes."),
    cache: Optional[Path] = typer.Option(None, help="Cache folder for incremental builds (default: OUT/.kg-cache)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Extract every document anew."),
    executor: str = typer.Option("local", help="local (this machine) or dask (a Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address, tcp://HOST:8786 "
                                            "(default with --executor dask: a LocalCluster)."),
) -> None:
    """Read CORPUS and write graph.ttl (and graph.html) to --out.

    Exit codes: 0 success; 1 no document could be read (or a skip under --strict);
    2 bad usage (unknown option, missing or non-directory corpus path).
    """
    from kg.documents import CorpusError
    from kg.pipeline import NoDocuments, build as run_build

    if not fmt:
        fmt = [Fmt.ttl]
    try:
        if executor not in ("local", "dask"):
            _fail(f"--executor {executor}: local or dask", 2)
        report = run_build(corpus, out, [f.value for f in fmt], ner.value, html, jobs=jobs,
                           cache_dir=None if no_cache else (cache or out / ".kg-cache"),
                           executor=executor, scheduler=scheduler)
    except CorpusError as exc:
        _fail(str(exc), 2)
    except NoDocuments as exc:
        _fail(str(exc), 1)
    except FileNotFoundError as exc:
        _fail(str(exc), 1)
    except (OSError, TimeoutError) as exc:  # a Dask scheduler that cannot be reached
        _fail(f"executor {executor}: {exc.__class__.__name__}: {str(exc)[:200]}", 1)
    for line in report.skipped:
        typer.echo(f"skipped {line}", err=True)
    for line in report.notices:
        typer.echo(f"notice: {line}", err=True)
    ents = ", ".join(f"{k} {v}" for k, v in report.entities.items())
    typer.echo(f"{report.documents} documents read ({len(report.skipped)} skipped, "
               f"{report.documents - report.processed} from cache), NER: {report.ner}\n"
               f"entities: {ents}\nmeetings {report.meetings}, treaties {report.treaties}, "
               f"bases {report.bases}, triples {report.triples}, {report.seconds} s\n"
               f"wrote {', '.join(report.outputs)}")
    if strict and report.skipped:
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    graph: Path = typer.Argument(Path("outputs/graph.ttl"), help="A Turtle graph following the contract."),
    gold: Path = typer.Option(Path("tests/gold"), help="Folder of gold .json files."),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON."),
    details: bool = typer.Option(False, help="List missed and spurious items."),
) -> None:
    """Precision, recall and F1 of GRAPH against gold annotations."""
    import json

    from kg.evaluate import evaluate_file, summary_rows

    if not graph.is_file():
        _fail(f"{graph}: no such file", 2)
    try:
        result = evaluate_file(graph, gold)
    except FileNotFoundError as exc:
        _fail(str(exc), 2)
    except Exception as exc:  # a file that is no Turtle
        _fail(f"{graph}: cannot be read as Turtle ({exc.__class__.__name__}: {str(exc)[:200]})", 1)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("what", "precision", "recall", "F1")
    for row in summary_rows(result):
        table.add_row(*row)
    console = Console()
    console.print(table)
    m = result["meetings"]
    console.print(f"meetings: {m['matched']} matched, date exact {m['date_exact']:.0%}; "
                  f"lacking provenance: {len(result['meetings_lacking_provenance'])}; "
                  f"duplicated nodes: {len(result['duplicated_nodes'])}")
    for gid, b in result["bases"].items():
        console.print(f"base {gid}: " + (f"location right: {b['location_right']}, operator right: {b['operator_right']}"
                                          if b["found"] else "not found"))
    if details:
        for key in ("actors", "Place", "MilitaryBase", "meetings", "treaties"):
            if result[key]["missed"] or result[key]["spurious"]:
                console.print(f"[bold]{key}[/] missed: {result[key]['missed']}\n  spurious: {result[key]['spurious']}")
        if result["duplicated_nodes"]:
            console.print(f"duplicated: {result['duplicated_nodes']}")


@app.command()
def query(
    target: str = typer.Argument(..., help="A Turtle graph written by kg build (or the query, with --endpoint)."),
    sparql: Optional[str] = typer.Argument(None, help="A .rq file, a bundled query name or an inline query."),
    param: List[str] = typer.Option([], "--param", "-p", help="name=value for {{name}} in the query."),
    fmt: Optional[str] = typer.Option(None, "--format", help="csv, tsv or json (default: a table on a terminal, tsv in a pipe)."),
    engine: str = typer.Option("rdflib", help="rdflib or oxigraph (pyoxigraph, for large graphs)."),
    endpoint: Optional[str] = typer.Option(None, help="Query a SPARQL endpoint instead of a file "
                                           "(Oxigraph: http://HOST:7878/query)."),
) -> None:
    """Run a read-only SPARQL query: kg query GRAPH QUERY, or kg query --endpoint URL QUERY.
    Bundled: timeline, meetings-between, actor-profile, bases, treaties, most-connected."""
    import sys

    from kg.query import QueryError, render, resolve, run

    if endpoint:
        graph, sparql = None, sparql or target
    else:
        graph = Path(target)
        if sparql is None:
            _fail("a query is needed: kg query GRAPH QUERY", 2)
        if not graph.is_file():
            _fail(f"{graph}: no such file", 2)
    params = {}
    for p in param:
        if "=" not in p:
            _fail(f"--param {p}: expected name=value", 2)
        k, v = p.split("=", 1)
        params[k] = v
    from kg.remote import RemoteError, query as remote_query

    try:
        text = resolve(sparql, params)
        result = remote_query(endpoint, text) if endpoint else run(graph, text, engine)
    except QueryError as exc:
        _fail(str(exc), 2)
    except RemoteError as exc:
        _fail(str(exc), 1)
    except Exception as exc:  # an unreadable graph or an engine's own failure
        _fail(f"{graph}: {exc.__class__.__name__}: {str(exc)[:200]}", 1)
    fmt = fmt or ("table" if sys.stdout.isatty() else "tsv")
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(*result.columns)
        for row in result.rows:
            table.add_row(*row)
        Console().print(table)
        typer.echo(f"{len(result.rows)} rows")
        return
    try:
        typer.echo(render(result, fmt), nl=False)
    except QueryError as exc:
        _fail(str(exc), 2)


@app.command()
def push(
    graph: Path = typer.Argument(Path("outputs/graph.ttl")),
    endpoint: str = typer.Option(..., help="Graph Store Protocol URL (Oxigraph: http://HOST:7878/store; "
                                 "Fuseki: http://HOST:3030/DATASET/data)."),
    graph_iri: Optional[str] = typer.Option(None, "--graph", help="Named graph IRI (default graph if absent)."),
    merge: bool = typer.Option(False, help="Add to the graph instead of replacing it."),
) -> None:
    """Load GRAPH into a SPARQL server through the SPARQL 1.1 Graph Store Protocol."""
    from kg.remote import RemoteError, push as run_push

    if not graph.is_file():
        _fail(f"{graph}: no such file", 2)
    try:
        sent = run_push(graph, endpoint, graph_iri, replace=not merge)
    except RemoteError as exc:
        _fail(str(exc), 1)
    typer.echo(f"{'merged into' if merge else 'replaced'} {graph_iri or 'the default graph'} at {endpoint} "
               f"({sent} bytes)")


@app.command()
def serve(
    graph: Path = typer.Argument(Path("outputs/graph.ttl")),
    bind: str = typer.Option("127.0.0.1:7878", help="Host and port."),
    location: Optional[Path] = typer.Option(None, help="Store folder (default: a fresh temporary one)."),
) -> None:
    """Serve GRAPH read-only with Oxigraph: SPARQL at http://BIND/query and its web UI at http://BIND/."""
    import tempfile

    from kg.remote import RemoteError, load_store, oxigraph_binary

    if not graph.is_file():
        _fail(f"{graph}: no such file", 2)
    store = location or Path(tempfile.mkdtemp(prefix="kg-store-"))
    try:
        load_store(graph, store)
        binary = oxigraph_binary()
    except RemoteError as exc:
        _fail(str(exc), 1)
    typer.echo(f"serving {graph} at http://{bind}/ (SPARQL: http://{bind}/query); Ctrl-C stops")
    import subprocess

    try:
        subprocess.run([binary, "serve-read-only", "--location", str(store), "--bind", bind], check=False)
    except KeyboardInterrupt:
        pass


@app.command()
def stats(graph: Path = typer.Argument(Path("outputs/graph.ttl")), top: int = 10) -> None:
    """Counts by class and the top actors by degree and betweenness centrality."""
    from kg.stats import graph_stats

    if not graph.is_file():
        _fail(f"{graph}: no such file", 2)
    s = graph_stats(graph, top)
    for cls, n in s["classes"].items():
        typer.echo(f"{cls:14} {n}")
    typer.echo("\ntop by degree:")
    for label, v in s["degree"]:
        typer.echo(f"  {v:.3f}  {label}")
    typer.echo("top by betweenness:")
    for label, v in s["betweenness"]:
        typer.echo(f"  {v:.3f}  {label}")


@app.command()
def validate(graph: Path = typer.Argument(Path("outputs/graph.ttl"))) -> None:
    """Check GRAPH against the contract's SHACL shapes (ontologies/shapes.ttl). Exit 1 on violations."""
    from rdflib import Graph

    from kg.validate import validate as run_validate

    if not graph.is_file():
        _fail(f"{graph}: no such file", 2)
    try:
        g = Graph().parse(graph, format="turtle")
    except Exception as exc:
        _fail(f"{graph}: cannot be read as Turtle ({exc.__class__.__name__})", 1)
    violations = run_validate(g)
    for v in violations:
        typer.echo(str(v))
    typer.echo(f"{graph}: {'conforms' if not violations else f'{len(violations)} violations'}")
    if violations:
        raise typer.Exit(1)


@ner_app.command("train")
def ner_train(
    train: list[Path] = typer.Option(..., help="Training set: a corpus folder (train/val/test.txt) "
                                     "or a BIO file; repeat for several sets."),
    dev: Path = typer.Option(..., help="Dev split that chooses the checkpoint: a BIO file or a corpus folder (its val.txt)."),
    out: Optional[Path] = typer.Option(None, help="Model folder (default: the local model dir)."),
    steps: int = typer.Option(2500, help="Training steps."),
    test: list[Path] = typer.Option([], help="Extra BIO test files (each corpus folder's test.txt is scored anyway)."),
) -> None:
    """Train a Stanza NER model offline with Stanza's own trainer; writes its model card."""
    from kg import stanza_ner
    from kg.ner.workflow import train_and_document

    for p in [*train, dev, *test]:
        if not p.exists():
            _fail(f"{p}: no such file or folder", 2)
    target = out or stanza_ner.local_model_dir()
    with _progress(f"training Stanza NER, {steps} steps") as progress:
        try:
            card = train_and_document(train, dev, target, steps, test, progress=progress)
        except (FileNotFoundError, ValueError) as exc:
            _fail(str(exc), 2)
    typer.echo(f"model written to {target} ({card['seconds']} s, best dev F1 {card['dev_f1']} "
               f"at step {card['best_step']}, quantized: {card['quantize']})")
    from kg.ner.scoring import f1_line

    for name, scores in card["tests"].items():
        typer.echo(f"entity F1 on {name}: {f1_line(scores)}")


def _progress(label: str):
    """A progress callback (step, total) on a terminal; a no-op in pipes and CI."""
    import sys
    from contextlib import contextmanager, nullcontext

    if not sys.stderr.isatty():
        return nullcontext(None)

    @contextmanager
    def bar():
        from rich.progress import Progress

        with Progress(transient=True) as prog:
            task = prog.add_task(label, total=None)
            yield lambda step, total: prog.update(task, completed=step, total=total)

    return bar()


@ner_app.command("eval")
def ner_eval(test: Path, model: Optional[Path] = typer.Option(None)) -> None:
    """Entity precision/recall/F1 of the local model on a BIO test file (PER, ORG, GPE)."""
    from kg import stanza_ner

    if not test.is_file():
        _fail(f"{test}: no such file", 2)
    try:
        scores = stanza_ner.evaluate_model(test, model)
    except FileNotFoundError as exc:
        _fail(str(exc), 1)
    for label, s in scores.items():
        typer.echo(f"{label}\tP {s['precision']:.3f}\tR {s['recall']:.3f}\tF1 {s['f1']:.3f}\t(gold {s['gold']})")


@ner_app.command("info")
def ner_info(model: Optional[Path] = typer.Option(None, help="Model folder (default: the local model dir).")) -> None:
    """Print the model card of the local NER model: data, licences, training, scores."""
    from kg import stanza_ner
    from kg.ner.card import CARD_MD

    folder = model or stanza_ner.local_model_dir()
    card = folder / CARD_MD
    if not card.is_file():
        _fail(f"{folder}: no model card (train one with `make model` or `kg ner train`)", 1)
    typer.echo(card.read_text(encoding="utf-8"), nl=False)


@models_app.command("download")
def models_download() -> None:
    """Fetch Stanza's official Arabic models (needs network access to Stanza's model hub)."""
    from kg import stanza_ner

    try:
        path = stanza_ner.download_official_models()
    except Exception as exc:  # the hub is unreachable or refuses
        _fail(f"download failed: {exc.__class__.__name__}: {str(exc)[:200]}", 1)
    typer.echo(f"models in {path}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
