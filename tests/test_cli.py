"""The kg command's exit codes and summary, run as a user runs it."""
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import CORPUS

runner = CliRunner()


def test_build_prints_summary_and_exits_0(tmp_path):
    result = runner.invoke(app, ["build", str(CORPUS), "--out", str(tmp_path), "--ner", "rules"])
    assert result.exit_code == 0, result.output
    assert "5 documents read" in result.output
    assert "meetings" in result.output and "triples" in result.output
    assert (tmp_path / "graph.ttl").stat().st_size > 1000
    assert (tmp_path / "graph.html").exists()


def test_no_readable_document_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "o"), "--ner", "rules"])
    assert result.exit_code == 1
    assert "no document could be read" in result.output
    assert "Traceback" not in result.output


def test_missing_corpus_exits_2(tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--ner", "rules"])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output


def test_bad_option_exits_2():
    assert runner.invoke(app, ["build", "--format", "xml"]).exit_code == 2


def test_help_documents_exit_codes():
    result = runner.invoke(app, ["build", "--help"])
    assert "Exit codes" in result.output


def test_version_and_an_example_in_every_help():
    from importlib.metadata import version

    out = runner.invoke(app, ["--version"])
    assert out.exit_code == 0 and out.stdout.strip() == f"kg {version('kg')}"
    commands = [[c] for c in ("build", "eval", "query", "push", "serve", "stats", "validate")]
    commands += [["ner", "train"], ["ner", "eval"], ["models", "download"], []]
    for command in commands:
        help_text = runner.invoke(app, [*command, "--help"], terminal_width=200).stdout
        assert "Example" in help_text and "kg " in help_text.split("Example", 1)[1], command


def test_choices_are_listed_in_the_help():
    text = " ".join(runner.invoke(app, ["query", "--help"], terminal_width=200).stdout.split())
    assert "rdflib|oxigraph" in text and "table|csv|tsv|json" in text and "ttl|nt|jsonld|trig" in text
    out = runner.invoke(app, ["query", str(CORPUS), "timeline", "--engine", "jena"])
    assert out.exit_code == 2 and "jena" in out.stderr and "rdflib" in out.stderr


def test_an_unusable_output_folder_is_one_line_and_exit_3(tmp_path):
    a_file = tmp_path / "README.md"
    a_file.write_text("x")
    for out, problem in [(a_file, "not a directory"), (a_file / "sub", "cannot be written"),
                         ("/proc/kg-out", "cannot be written")]:
        result = runner.invoke(app, ["build", str(CORPUS), "--out", str(out), "--ner", "rules"])
        assert result.exit_code == 3, result.output
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"kg: {out}: ") and problem in result.stderr
    assert "3 the output folder" in " ".join(runner.invoke(app, ["build", "--help"]).stdout.split())
