"""kg query: bundled queries, parameters, formats, read-only, errors, and both engines agreeing."""
import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query import Engine, NameIndex, QueryError, answer, bundled, check_read_only, name_words, resolve, run

runner = CliRunner()


def _canonical(result):
    """Rows with multi-valued (GROUP_CONCAT) cells sorted: engines may concatenate in any order."""
    def cell(v):
        return " | ".join(sorted(re.split(r" \+ | / |، | ", v)))
    return sorted(tuple(cell(v) for v in row) for row in result.rows)


PARAMS = {"a": "بوتين", "b": "الأسد", "name": "لافروف"}


@pytest.fixture(scope="module")
def engines(built):
    return {e: Engine(built[0] / "graph.ttl", e) for e in ("rdflib", "oxigraph")}


@pytest.mark.parametrize("name", sorted(bundled()))
def test_both_engines_give_the_same_rows(engines, name):
    a = answer(engines["rdflib"].select, name, PARAMS)
    b = answer(engines["oxigraph"].select, name, PARAMS)
    assert a.columns == b.columns
    assert _canonical(a) == _canonical(b)
    assert a.rows, f"{name} returned nothing on the corpus"


def test_meetings_between_matches_arabic_or_english_names(engines):
    select = engines["rdflib"].select
    ar = answer(select, "meetings-between", {"a": "فلاديمير بوتين", "b": "بشار الأسد"})
    dates = {r[0] for r in ar.rows}
    assert "2017-12-11" in dates and "2020-01-07" in dates
    for a, b in [("Vladimir Putin", "bashar al-assad"), ("Putin", "Assad"), ("بوتين", "الأسد"),
                 ("PUTIN", "الاسد"), ("بوتين", "أسد"), ("فلاديميرْ بوتين", "Bashar Assad")]:
        other = answer(select, "meetings-between", {"a": a, "b": b})
        assert other.rows == ar.rows, (a, b)
        assert other.notes == []  # each name matched one actor


def test_meetings_between_putin_assad_on_the_command_line(built, graph):
    """-p a=Putin -p b=Assad gives the same rows as the Arabic names, on both engines: one a meeting."""
    path = str(built[0] / "graph.ttl")
    both = """PREFIX kg: <https://w3id.org/arabic-kg/ontology#>
        SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a kg:Meeting ;
        kg:participant <https://w3id.org/arabic-kg/resource/person/vladimir-putin>,
                       <https://w3id.org/arabic-kg/resource/person/bashar-al-assad> }"""
    met = int(next(iter(graph.query(both)))[0])
    rows = {}
    for names in (["a=Putin", "b=Assad"], ["a=بوتين", "b=الأسد"]):
        for engine in ("rdflib", "oxigraph"):
            out = runner.invoke(app, ["query", path, "meetings-between", "-p", names[0], "-p", names[1],
                                      "--format", "json", "--engine", engine])
            assert out.exit_code == 0, out.output
            rows[names[0], engine] = json.loads(out.stdout)
    for engine in ("rdflib", "oxigraph"):
        assert rows["a=Putin", engine] == rows["a=بوتين", engine]
        assert len(rows["a=Putin", engine]) == met > 0


def test_name_words_fold_hamza_ta_marbuta_diacritics_case_and_the_article():
    assert name_words("الأسد") == name_words("اسد") == ("اسد",)
    assert name_words("al-Assad") == name_words("ASSAD") == ("assad",)
    assert name_words("مدرسةُ") == name_words("مدرسه")
    assert name_words("Sergueï LAVROV") == ("sergue" + "i", "lavrov")
    assert name_words("El-Sisi") == ("sisi",)


def test_an_ambiguous_name_says_which_actors_it_matched(tmp_path):
    ttl = tmp_path / "g.ttl"
    ttl.write_text("""@prefix kg: <https://w3id.org/arabic-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix kgr: <https://w3id.org/arabic-kg/resource/> .
kgr:bashar a kg:Person ; rdfs:label "بشار الأسد"@ar .
kgr:hafez a kg:Person ; rdfs:label "حافظ الأسد"@ar .
kgr:putin a kg:Person ; rdfs:label "فلاديمير بوتين"@ar .
kgr:m1 a kg:Meeting ; kg:participant kgr:putin, kgr:bashar .
kgr:m2 a kg:Meeting ; kg:participant kgr:putin, kgr:hafez .
""", encoding="utf-8")
    index = NameIndex(Engine(ttl).select)
    assert len(index.match("الأسد")) == 2 and len(index.match("حافظ الأسد")) == 1
    out = runner.invoke(app, ["query", str(ttl), "actor-profile", "-p", "name=الأسد", "--format", "tsv"])
    assert out.exit_code == 0
    assert "name=الأسد matched 2 entities: بشار الأسد, حافظ الأسد" in out.stderr
    assert len(out.stdout.splitlines()) == 3  # header and both actors
    out = runner.invoke(app, ["query", str(ttl), "actor-profile", "-p", "name=Nobody", "--format", "tsv"])
    assert out.exit_code == 0 and "name=Nobody matches no label or alias" in out.stderr


def test_year_of_the_start_date_finds_every_2023_meeting_whatever_its_precision(engines, graph):
    """kg:startDate is an xsd:date on every dated meeting: YEAR() and ORDER BY work across precisions."""
    q = """PREFIX kg: <https://w3id.org/arabic-kg/ontology#>
SELECT ?m ?date WHERE { ?m a kg:Meeting ; kg:date ?date ; kg:startDate ?start . FILTER(YEAR(?start) = 2023) }"""
    expected = {(str(m), str(d)) for m, d in graph.query(
        "PREFIX kg: <https://w3id.org/arabic-kg/ontology#> "
        "SELECT ?m ?d WHERE { ?m a kg:Meeting ; kg:date ?d . FILTER(STRSTARTS(STR(?d), '2023')) }")}
    assert {len(d) for _, d in expected} >= {7, 10}  # the corpus has day and month precision in 2023
    for engine in engines.values():
        assert {tuple(r) for r in engine.select(q).rows} == expected


def test_the_hmeimim_meeting_says_which_sentence_each_article_gave(engines):
    q = """PREFIX kg: <https://w3id.org/arabic-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?file ?sentence WHERE {
  ?m a kg:Meeting ; kg:date "2017-12-11"^^<http://www.w3.org/2001/XMLSchema#date> ;
     kg:location/rdfs:label "قاعدة حميميم الجوية"@ar ; prov:qualifiedDerivation ?d .
  ?d prov:entity ?doc ; kg:evidence ?sentence . ?doc kg:sourceFile ?file } ORDER BY ?file"""
    for engine in engines.values():
        rows = engine.select(q).rows
        assert [r[0][:3] for r in rows] == ["000", "002"]
        from kg.documents import read_file
        from tests.conftest import CORPUS

        for file, sentence in rows:  # each sentence is read from its own article, not the other one
            text = read_file(CORPUS / file)[0][0].text
            assert sentence in text
            other = next(f for f, _ in rows if f != file)
            assert sentence not in read_file(CORPUS / other)[0][0].text


def test_timeline_in_csv_and_json_through_the_cli(built):
    out = runner.invoke(app, ["query", str(built[0] / "graph.ttl"), "timeline", "--format", "json"])
    assert out.exit_code == 0
    rows = json.loads(out.stdout)
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


@pytest.mark.parametrize("name, column", [("treaties", 1), ("timeline", 0), ("meetings-between", 0)])
def test_bundled_queries_come_out_dated_first_in_date_order(engines, name, column):
    for engine in engines.values():
        dates = [row[column] for row in answer(engine.select, name, PARAMS).rows]
        dated = [d for d in dates if d]
        assert dated and dates[:len(dated)] == dated, (engine.engine, dates)  # undated ones last
        firsts = [d + "-01-01"[len(d) - 4:] if len(d) < 10 else d for d in dated]  # 2023-03 -> 2023-03-01
        assert firsts == sorted(firsts), (engine.engine, dates)


CONSTRUCT_ROLES = ("PREFIX kg: <https://w3id.org/arabic-kg/ontology#> "
                   "CONSTRUCT { ?p kg:role ?r ; kg:affiliation ?s } WHERE { ?p a kg:Person ; kg:role ?r ; kg:affiliation ?s }")


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_construct_answers_as_turtle_keep_language_tags(built, graph, engine):
    from rdflib import Graph, Literal
    from rdflib.compare import isomorphic

    out = runner.invoke(app, ["query", str(built[0] / "graph.ttl"), CONSTRUCT_ROLES, "--format", "ttl",
                              "--engine", engine])
    assert out.exit_code == 0, out.output
    answer_graph = Graph().parse(data=out.stdout, format="turtle")
    expected = graph.query(CONSTRUCT_ROLES).graph
    assert len(answer_graph) == len(expected) > 10 and isomorphic(answer_graph, expected)
    roles = [o for o in answer_graph.objects() if isinstance(o, Literal)]
    assert roles and all(r.language == "ar" for r in roles)


def test_turtle_output_of_a_select_is_a_usage_error(built):
    out = runner.invoke(app, ["query", str(built[0] / "graph.ttl"), "timeline", "--format", "ttl"])
    assert out.exit_code == 2 and "CONSTRUCT" in out.output and "Traceback" not in out.output
