"""The README's example queries run on the corpus graph and say what the README says they say."""
import re
from datetime import date

import pytest

from kg.query import Engine
from tests.conftest import ROOT

QUERIES = re.findall(r"```sparql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def engine(request, built):
    return Engine(built[0] / "graph.ttl", request.param)


def test_the_readme_has_its_three_examples():
    assert len(QUERIES) == 3


def test_who_met_putin_comes_out_in_date_order(engine, graph):
    rows = engine.select(QUERIES[0]).rows
    assert len(rows) >= 8
    starts = [_start(value) for value, _ in rows]
    assert starts == sorted(starts)  # 2017-12-11, 2020-01-07, 2023-02-06, 2023-03 …: mixed precisions in order
    assert {len(value) for value, _ in rows} >= {7, 10}


def test_every_2023_meeting_whatever_its_precision(engine, graph):
    rows = engine.select(QUERIES[1]).rows
    expected = {str(m) for m, d in graph.query(
        "PREFIX kg: <https://w3id.org/arabic-kg/ontology#> "
        "SELECT ?m ?d WHERE { ?m a kg:Meeting ; kg:date ?d . FILTER(STRSTARTS(STR(?d), '2023')) }")}
    assert {m for m, _ in rows} == expected
    assert {len(d) for _, d in rows} == {7, 10}  # 2023-02-06 and 2023-03
    assert [_start(d) for _, d in rows] == sorted(_start(d) for _, d in rows)


def test_which_article_gave_which_sentence_at_hmeimim(engine):
    rows = engine.select(QUERIES[2]).rows
    assert [file[:3] for file, _, _ in rows] == ["000", "002"]
    assert rows[0][1] == "موسكو ودمشق... علاقات قديمة وتعاون جديد"  # 000's headline; 002 has none
    assert "قاعدة حميميم الجوية" in rows[0][2] and "قاعدة حميم الجوية" in rows[1][2]


def _start(value: str) -> date:
    parts = [int(x) for x in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])
