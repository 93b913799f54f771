"""kg query: bundled queries, parameters, formats, read-only, errors, and both engines agreeing."""
import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query import QueryError, bundled, check_read_only, resolve, run

runner = CliRunner()


def _canonical(result):
    """Rows with multi-valued (GROUP_CONCAT) cells sorted: engines may concatenate in any order."""
    def cell(v):
        return " | ".join(sorted(re.split(r" \+ | / |، | ", v)))
    return sorted(tuple(cell(v) for v in row) for row in result.rows)


@pytest.mark.parametrize("name", sorted(bundled()))
def test_both_engines_give_the_same_rows(built, name):
    q = resolve(name, {"a": "بوتين", "b": "الأسد", "name": "لافروف"})
    a = run(built[0] / "graph.ttl", q, "rdflib")
    b = run(built[0] / "graph.ttl", q, "oxigraph")
    assert a.columns == b.columns
    assert _canonical(a) == _canonical(b)
    assert a.rows, f"{name} returned nothing on the corpus"


def test_meetings_between_matches_arabic_or_english_names(built):
    ar = run(built[0] / "graph.ttl", resolve("meetings-between", {"a": "بوتين", "b": "الأسد"}))
    en = run(built[0] / "graph.ttl", resolve("meetings-between", {"a": "Vladimir Putin", "b": "bashar al-assad"}))
    dates = {r[0] for r in ar.rows}
    assert "2017-12-11" in dates and "2020-01-07" in dates
    assert {r[0] for r in en.rows} == dates


def test_timeline_in_csv_and_json_through_the_cli(built):
    out = runner.invoke(app, ["query", str(built[0] / "graph.ttl"), "timeline", "--format", "json"])
    assert out.exit_code == 0
    rows = json.loads(out.output)
    assert {"date", "type", "participants", "place", "sources"} <= set(rows[0])
    assert any(r["date"] == "2017-12-11" and len(r["sources"].split()) == 2 for r in rows)
    out = runner.invoke(app, ["query", str(built[0] / "graph.ttl"), "bases", "--format", "csv"])
    assert out.output.splitlines()[0] == "base,kind,located_in,operated_by"


def test_update_is_refused_and_syntax_errors_have_a_position(built):
    with pytest.raises(QueryError, match="read-only"):
        check_read_only("INSERT DATA { <a:b> <a:c> <a:d> }")
    with pytest.raises(QueryError, match="line 1, column"):
        check_read_only("SELECT ?x WHERE { ?x ?y }")
    out = runner.invoke(app, ["query", str(built[0] / "graph.ttl"), "DELETE WHERE { ?s ?p ?o }"])
    assert out.exit_code == 2 and "read-only" in out.output and "Traceback" not in out.output


def test_missing_parameter_and_unknown_query_are_clear():
    with pytest.raises(QueryError, match="--param a="):
        resolve("meetings-between", {})
    with pytest.raises(QueryError, match="bundled"):
        resolve("no-such-query")


def test_stats_prints_counts_and_centrality(built):
    out = runner.invoke(app, ["stats", str(built[0] / "graph.ttl")])
    assert out.exit_code == 0
    assert re.search(r"Meeting\s+\d+", out.output)
    assert "betweenness" in out.output and "فلاديمير بوتين" in out.output
