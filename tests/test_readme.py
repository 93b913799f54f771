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


# --- the docs say every option and every lexicon key; the README's cheap commands run -----------
DOCS = ROOT / "docs"


def _cli_commands():
    import typer.main

    from kg.cli import app
    from kg.cli_text import commands_of

    return list(commands_of(typer.main.get_command(app)))


def test_every_option_of_every_command_is_in_the_command_reference_with_its_help():
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## kg (.+?)\n(.*?)(?=^## |\Z)", reference, re.S | re.M))
    assert sections, "docs/cli.md has no command sections"
    for path, cmd in _cli_commands():
        name = " ".join(path)
        assert name in sections, f"docs/cli.md lacks a section for kg {name}"
        for p in cmd.params:
            if p.param_type_name == "option":
                long = max(p.opts, key=len)
                assert p.help, f"kg {name} {long} has no help text"
                assert f"`{long}`" in sections[name], f"docs/cli.md: kg {name} does not document {long}"


def test_the_readme_points_to_the_command_reference_and_the_lexicon():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/cli.md" in readme and "docs/lexicon.md" in readme


def test_every_lexicon_key_is_documented_with_its_kind():
    from kg.lexicon_schema import LEXICON_SCHEMA

    rows = dict(re.findall(r"^\| `(\w+)` \| ([^|]+) \| [^|]*\w[^|]* \|$", (DOCS / "lexicon.md").read_text(encoding="utf-8"), re.M))
    missing = [k for k in LEXICON_SCHEMA if k not in rows]
    assert not missing, f"docs/lexicon.md does not document {missing}"
    assert {k: rows[k].strip() for k in LEXICON_SCHEMA} == LEXICON_SCHEMA
    assert set(rows) <= set(LEXICON_SCHEMA), "docs/lexicon.md documents keys the lexicon no longer has"


#: Subcommands whose README examples are cheap: they read outputs/graph.ttl and tests/gold only.
CHEAP = ("query", "stats", "validate", "eval", "--version")


def _readme_commands() -> list[str]:
    blocks = re.findall(r"```\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    lines = [ln.split("  #")[0].strip() for b in blocks for ln in b.splitlines()]
    return [ln for ln in lines if ln.startswith("kg ") and ln.split()[1] in CHEAP
            and "--endpoint" not in ln and "--set" not in ln]


def test_the_readmes_cheap_commands_run(built, tmp_path, monkeypatch):
    """Each `kg query|stats|validate|eval|--version` line of the README, run as written in a
    folder whose outputs/ is the corpus build: exit 0 and some output."""
    import shutil

    from typer.testing import CliRunner

    from kg.cli import app

    commands = _readme_commands()
    assert len(commands) >= 5
    shutil.copytree(built[0], tmp_path / "outputs")
    shutil.copytree(ROOT / "tests" / "gold", tmp_path / "tests" / "gold")
    monkeypatch.chdir(tmp_path)
    for line in commands:
        result = CliRunner().invoke(app, line.split()[1:])
        assert result.exit_code == 0, f"{line}: {result.output}"
        assert result.output.strip(), line
