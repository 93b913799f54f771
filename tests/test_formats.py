"""Every format kg writes, kg reads: query, stats, eval and validate give the same answers on each."""
import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.output import FORMATS
from tests.conftest import CORPUS, GOLD

runner = CliRunner()
RDF_FORMATS = {name: f for name, f in FORMATS.items() if f.read}  # the graph formats kg reads back


@pytest.fixture(scope="module")
def every_format(tmp_path_factory):
    out = tmp_path_factory.mktemp("formats")
    args = ["build", str(CORPUS), "--out", str(out), "--ner", "rules", "--no-html", "--no-cache"]
    for fmt in FORMATS:
        args += ["--format", fmt]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return out


def _answers(path, engine="rdflib"):
    """What each command says of one graph file (stdout only: a stale-file warning goes to stderr)."""
    said = {}
    for name, args in {"timeline": ["query", str(path), "timeline", "--format", "json", "--engine", engine],
                       "between": ["query", str(path), "meetings-between", "-p", "a=Putin", "-p", "b=Assad",
                                   "--format", "json", "--engine", engine],
                       "stats": ["stats", str(path)],
                       "eval": ["eval", str(path), "--gold", str(GOLD), "--json"],
                       "validate": ["validate", str(path)]}.items():
        out = runner.invoke(app, args)
        assert out.exit_code == 0, (path.name, name, out.output)
        assert out.stderr == "", (path.name, name, out.stderr)
        said[name] = out.stdout.replace(str(path), "GRAPH")
    for name in ("timeline", "between"):  # the same rows; engines concatenate values and order ties their way
        said[name] = sorted(tuple(" | ".join(sorted(re.split(r" \+ | ", v))) for v in row.values())
                            for row in json.loads(said[name]))
    return said


def test_every_format_gives_the_same_answers(every_format):
    assert {p.name for p in every_format.iterdir()} >= {f.file for f in FORMATS.values()}
    turtle = _answers(every_format / "graph.ttl")
    assert json.loads(turtle["eval"])["gold"]["meetings"]["matched"] >= 20 and "conforms" in turtle["validate"]
    for fmt in RDF_FORMATS:
        for engine in ("rdflib", "oxigraph"):
            said = _answers(every_format / RDF_FORMATS[fmt].file, engine)
            assert said == turtle, (fmt, engine)


def test_the_build_record_says_what_was_written(every_format):
    record = json.loads((every_format / "build.json").read_text(encoding="utf-8"))
    assert record["formats"] == list(FORMATS)
    assert set(record["files"]) == {f.file for f in FORMATS.values()}
    from rdflib import RDF, Graph

    from kg.vocab import KG

    graph = Graph().parse(every_format / "graph.ttl")
    for cls in ("Meeting", "Treaty", "Person", "State"):  # the record counts what the graph holds
        assert record["counts"][cls] == len(set(graph.subjects(RDF.type, KG[cls]))) > 0, cls
    assert record["documents"] == 5 and len(record["corpus_sha256"]) == 64 and record["kg_version"]


def test_a_file_the_last_build_did_not_write_is_flagged(tmp_path):
    """graph.ttl is always written; an older graph.nt left in the folder is named as stale."""
    base = ["build", str(CORPUS), "--out", str(tmp_path), "--ner", "rules", "--no-html", "--no-cache"]
    assert runner.invoke(app, base + ["--format", "nt"]).exit_code == 0
    assert runner.invoke(app, base + ["--format", "jsonld"]).exit_code == 0
    assert (tmp_path / "graph.ttl").is_file()
    out = runner.invoke(app, ["stats", str(tmp_path / "graph.nt")])
    assert out.exit_code == 0
    assert "graph.nt is older than the last build" in out.stderr
    assert runner.invoke(app, ["stats", str(tmp_path / "graph.jsonld")]).stderr == ""


def test_an_unreadable_graph_or_unknown_extension_is_one_line(tmp_path):
    bad = tmp_path / "graph.jsonld"
    bad.write_text("{not json", encoding="utf-8")
    for command in (["query", str(bad), "timeline"], ["stats", str(bad)], ["validate", str(bad)],
                    ["eval", str(bad), "--gold", str(GOLD)]):
        out = runner.invoke(app, command)
        assert out.exit_code == 1, command
        assert out.stderr.count("\n") == 1 and out.stderr.startswith(f"kg: {bad}: cannot be read as jsonld")
    odd = tmp_path / "graph.xyz"
    odd.write_text("", encoding="utf-8")
    out = runner.invoke(app, ["stats", str(odd)])
    assert out.exit_code == 2 and "unknown graph format '.xyz'" in out.stderr
    ttl_inside = tmp_path / "graph.data"
    ttl_inside.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    assert runner.invoke(app, ["stats", str(ttl_inside), "--input-format", "nt"]).exit_code == 0
