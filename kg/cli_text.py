"""What the `kg` commands print and how a failure becomes one line and an exit code.

Kept out of kg/cli.py so that module only declares options; everything here is a plain function
a test can call (the summary of a build, the tables of `kg eval` and `kg query`, `kg stats`).
"""
from __future__ import annotations

import sys
from contextlib import contextmanager, nullcontext
from pathlib import Path

import typer

#: Exit codes (README "Exit codes"): 0 success, 1 the work failed (no document read, a skip under
#: --strict, an unreadable graph, a server error), 2 bad usage, 3 the output folder is unusable.
EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT = 1, 2, 3


def fail(message: str, code: int) -> None:
    """One line `kg: MESSAGE` on stderr, then exit with `code`."""
    typer.echo(f"kg: {message}", err=True)
    raise typer.Exit(code)


def inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def read_graph(path: Path, input_format):
    """The graph file as rdflib reads it; one line and exit 2 (missing) or 1 (unreadable) otherwise;
    a warning when the output folder's last build did not write it."""
    from kg.output import GraphReadError, read_graph as parse_graph

    check_graph_file(path, input_format)
    try:
        return parse_graph(path, input_format.value if input_format else None)
    except GraphReadError as exc:
        fail(str(exc), EXIT_FAILED)


def check_graph_file(path: Path, input_format) -> None:
    """A missing file or an unknown format is exit 2; a stale output folder a warning."""
    from kg.output import GraphReadError, format_of, stale_warning

    if not path.is_file():
        fail(f"{path}: no such file", EXIT_USAGE)
    try:
        format_of(path, input_format.value if input_format else None)
    except GraphReadError as exc:
        fail(str(exc), EXIT_USAGE)
    warning = stale_warning(path)
    if warning:
        typer.echo(f"kg: warning: {warning}", err=True)


def build_os_error(exc: OSError, out: Path, executor: str) -> tuple[str, int]:
    """An OSError of a build as (message, exit code): the output folder failing mid-build is
    exit 3, another file exit 1, an executor's connection exit 1."""
    if exc.filename and inside(Path(exc.filename), out):
        return f"{out}: cannot write {exc.filename} ({exc.strerror or exc})", EXIT_OUTPUT
    if exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}", EXIT_FAILED
    return executor_error(exc, executor), EXIT_FAILED


def executor_error(exc: BaseException, executor: str) -> str:
    return f"executor {executor}: {exc.__class__.__name__}: {str(exc)[:200]}"


def build_summary(report) -> str:
    """The lines `kg build` prints on stdout after a build (BuildReport)."""
    ents = ", ".join(f"{k} {v}" for k, v in report.entities.items())
    return (f"{report.documents} documents read ({len(report.skipped)} skipped, "
            f"{report.documents - report.processed} from cache), NER: {report.ner}, "
            f"{report.jobs} process{'es' if report.jobs > 1 else ''}\n"
            f"entities: {ents}\nmeetings {report.meetings}, treaties {report.treaties}, "
            f"bases {report.bases}, triples {report.triples}, {report.seconds} s\n"
            f"wrote {', '.join(report.outputs)}")


def strict_failure(skipped: list[str]) -> str:
    """The --strict message: how many were skipped and the first five names."""
    names = ", ".join(line.split(": ", 1)[0] for line in skipped[:5])
    more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
    return f"--strict: {len(skipped)} skipped: {names}{more}"


def parse_params(params: list[str]) -> dict[str, str]:
    """`--param name=value` pairs; a pair without '=' is a ValueError naming it."""
    out = {}
    for p in params:
        if "=" not in p:
            raise ValueError(f"--param {p}: expected name=value")
        k, v = p.split("=", 1)
        out[k] = v
    return out


def print_table(columns: list[str], rows: list) -> None:
    """A rich table of a query's rows, then their count."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns)
    for row in rows:
        table.add_row(*row)
    Console().print(table)
    typer.echo(f"{len(rows)} rows")


def print_sets(results: dict, details: bool) -> None:
    """`kg eval`'s output: one table per set, its meeting line, and with `details` the misses."""
    from rich.console import Console
    from rich.table import Table

    from kg import evalsets

    console = Console()
    for name, result in results.items():
        table = Table("what", "precision", "recall", "F1", title=f"set {name}", title_justify="left")
        for row in evalsets.table_rows(result):
            table.add_row(*row)
        console.print(table)
        m = result["meetings"]
        console.print(f"meetings: {m['matched']} matched, date exact {m['date_exact']:.0%}, "
                      f"lacking provenance {len(result['meetings_lacking_provenance'])}; "
                      f"duplicated nodes: {len(result['duplicated_nodes'])}\n{evalsets.base_line(result)}")
        if details:
            _print_details(console, result)


def _print_details(console, result: dict) -> None:
    from kg.vocab import SCORED_KINDS

    for key in SCORED_KINDS:
        r = result[key]
        console.print(f"[bold]{key}[/] P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}"
                      f"\n  missed: {r['missed']}\n  spurious: {r['spurious']}")
    if result["duplicated_nodes"]:
        console.print(f"duplicated: {result['duplicated_nodes']}")


def stats_text(s: dict) -> str:
    """`kg stats`'s output: counts by class, then the top actors by degree and betweenness."""
    lines = [f"{cls:14} {n}" for cls, n in s["classes"].items()]
    lines.append("\ntop by degree:")
    lines += [f"  {v:.3f}  {label}" for label, v in s["degree"]]
    lines.append("top by betweenness:")
    lines += [f"  {v:.3f}  {label}" for label, v in s["betweenness"]]
    return "\n".join(lines)


def progress(label: str):
    """A progress callback (step, total) on a terminal; a no-op in pipes and CI."""
    if not sys.stderr.isatty():
        return nullcontext(None)

    @contextmanager
    def bar():
        from rich.progress import Progress

        with Progress(transient=True) as prog:
            task = prog.add_task(label, total=None)
            yield lambda step, total: prog.update(task, completed=step, total=total)

    return bar()


def commands_of(root, path: tuple[str, ...] = ()):
    """(`kg SUB …` words, click command) of every command of a click group, depth first."""
    if hasattr(root, "commands"):
        for name, sub in root.commands.items():
            yield from commands_of(sub, (*path, name))
    else:
        yield path, root


def cli_reference(app) -> str:
    """docs/cli.md: a section per command with each option and its help (regenerate with
    `python -c "from kg.cli import app; from kg.cli_text import cli_reference; print(cli_reference(app))"`)."""
    import typer.main

    out = ["# Command reference", "", "Every option of every `kg` command (`kg COMMAND --help` says the same).", ""]
    for path, cmd in commands_of(typer.main.get_command(app)):
        out += [f"## kg {' '.join(path)}", "", (cmd.help or "").strip().split("\n\n")[0].replace("\n", " "), ""]
        for p in cmd.params:
            if p.param_type_name == "option":
                names = ", ".join(f"`{o}`" for o in (*p.opts, *p.secondary_opts))
                out.append(f"- {names}: {(p.help or '').strip()}".rstrip(": "))
        out.append("")
    return "\n".join(out)
