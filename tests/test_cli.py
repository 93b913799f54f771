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
