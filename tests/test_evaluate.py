"""The scorer on the built corpus (quality bars of the issues) and on graphs made worse on purpose;
several sets at once (`kg eval --set`), the quality record, and the gold checker."""
import json
import shutil
import sys

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from typer.testing import CliRunner

from kg import evalsets
from kg.cli import app
from kg.evaluate import evaluate
from kg.graph import KG
from tests.conftest import GOLD, ROOT


def test_corpus_meets_the_quality_bars(graph):
    r = evaluate(graph, GOLD)
    assert r["actors"]["f1"] >= 0.90
    assert r["Place"]["f1"] >= 0.85
    assert r["meetings"]["f1"] >= 0.80
    assert r["meetings"]["date_exact"] >= 0.90
    assert r["treaties"]["f1"] >= 0.90
    assert r["duplicated_nodes"] == {}
    assert r["meetings_lacking_provenance"] == []
    for base in r["bases"].values():
        assert base["found"] and base["location_right"] is not False and base["operator_right"] is not False


def _copy(graph):
    g = Graph()
    for t in graph:
        g.add(t)
    return g


def test_removing_a_meeting_lowers_recall(graph):
    g = _copy(graph)
    before = evaluate(g, GOLD)["meetings"]
    m = sorted(g.subjects(RDF.type, KG.Meeting))[0]
    g.remove((m, None, None))
    after = evaluate(g, GOLD)["meetings"]
    assert after["tp"] == before["tp"] - 1 and after["recall"] < before["recall"]


def test_a_split_actor_is_reported_as_duplicated(graph):
    g = _copy(graph)
    putin = next(g.subjects(RDFS.label, Literal("فلاديمير بوتين", lang="ar")))
    clone = URIRef(str(putin) + "-copy")
    docs = sorted(g.objects(putin, KG.mentionedIn))
    g.remove((putin, KG.mentionedIn, docs[0]))
    g.add((clone, RDF.type, KG.Person))
    g.add((clone, RDFS.label, Literal("بوتين", lang="ar")))
    g.add((clone, KG.mentionedIn, docs[0]))
    assert "vladimir_putin" in evaluate(g, GOLD)["duplicated_nodes"]


# --- several sets at once (kg.evalsets, `kg eval --set`) -------------------------------------
OTHER = ROOT / "benchmarks" / "sets" / "other"


def _one_article_set(tmp_path, stem="o01_saudi_egypt_fm_riyadh"):
    """A set folder holding one dev article of the other-topic benchmark and its gold."""
    for sub, ext in (("corpus", "txt"), ("gold", "json")):
        (tmp_path / "one" / sub).mkdir(parents=True)
        shutil.copy(OTHER / "dev" / sub / f"{stem}.{ext}", tmp_path / "one" / sub)
    return tmp_path / "one"


def test_a_set_is_a_set_folder_a_gold_folder_with_a_graph_or_a_corpus(tmp_path, built):
    folder = evalsets.parse_set(f"dev={OTHER / 'dev'}")
    assert (folder.gold, folder.corpus, folder.graph) == (OTHER / "dev" / "gold", OTHER / "dev" / "corpus", None)
    graph_file = built[0] / "graph.ttl"
    scored = evalsets.parse_set(f"c={GOLD}@{graph_file}")
    assert (scored.gold, scored.corpus, scored.graph) == (GOLD, None, graph_file)
    assert evalsets.parse_set(f"c={GOLD}@{ROOT / 'corpus'}").corpus == ROOT / "corpus"
    assert evalsets.parse_set(f"c={GOLD}", default_graph=graph_file).graph == graph_file
    for bad in ("nogold", f"={GOLD}", f"c={GOLD}"):
        with pytest.raises(evalsets.SetError):
            evalsets.parse_set(bad)


def test_a_figure_without_gold_or_graph_items_is_none_not_zero(tmp_path):
    one = _one_article_set(tmp_path)
    result = evalsets.score_set(evalsets.parse_set(f"one={one}"))
    rows = evalsets.headline(result)
    assert rows["bases"] is None and rows["treaties"] is None      # the article names no base, no treaty
    assert rows["places"] is not None and 0 <= rows["places"]["f1"] <= 1


def test_regressions_flag_a_set_that_got_worse_and_only_that(graph):
    record = evalsets.f1_record({"corpus": evaluate(graph, GOLD)})
    assert evalsets.regressions(record, record) == []
    g = _copy(graph)
    for m in list(g.subjects(RDF.type, KG.Meeting)):
        g.remove((m, None, None))
    worse = evalsets.f1_record({"corpus": evaluate(g, GOLD)})
    problems = evalsets.regressions(worse, record)
    assert len(problems) == 1 and problems[0].startswith("corpus meetings")
    assert evalsets.regressions(record, worse) == []              # an improvement passes


def test_kg_eval_prints_one_table_per_set_and_records_the_figures(tmp_path, built):
    one = _one_article_set(tmp_path)
    record = tmp_path / "quality.json"
    args = ["eval", "--set", f"corpus={GOLD}@{built[0] / 'graph.ttl'}", "--set", f"one={one}", "--record", str(record)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "set corpus" in result.output and "set one" in result.output
    assert result.output.count("meetings") >= 4           # a row and a summary line per set
    sets = json.loads(record.read_text(encoding="utf-8"))["sets"]
    assert set(sets) == {"corpus", "one"} and sets["one"]["bases"] is None
    assert sets["corpus"]["meetings"] >= 0.95
    data = json.loads(record.read_text(encoding="utf-8"))
    data["note"], data["sets"]["kept"] = "a note of our own", {"actors": 0.5}
    record.write_text(json.dumps(data), encoding="utf-8")
    assert CliRunner().invoke(app, args[:3] + ["--record", str(record)]).exit_code == 0
    again = json.loads(record.read_text(encoding="utf-8"))
    assert again["note"] == "a note of our own" and again["sets"]["kept"] == {"actors": 0.5}
    assert set(again["sets"]) == {"corpus", "one", "kept"}


def test_kg_eval_check_exits_1_below_the_record_and_skips_a_missing_set_on_request(tmp_path, built):
    graph_set = f"corpus={GOLD}@{built[0] / 'graph.ttl'}"
    record = tmp_path / "quality.json"
    record.write_text(json.dumps({"sets": {"corpus": {"actors": 1.0, "meetings": 1.0}}}), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--set", graph_set, "--check", str(record)])
    assert result.exit_code == 1 and "regression: corpus meetings" in result.output
    absent = f"gone={tmp_path / 'nowhere'}@{tmp_path / 'nowhere'}"
    result = CliRunner().invoke(app, ["eval", "--set", graph_set, "--set", absent])
    assert result.exit_code == 2 and "not found" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(app, ["eval", "--set", graph_set, "--set", absent, "--skip-missing"])
    assert result.exit_code == 0 and "notice: set gone skipped" in result.output
    result = CliRunner().invoke(app, ["eval", "--set", graph_set, "--set", graph_set])
    assert result.exit_code == 2 and "corpus repeated" in result.output


def test_the_other_topic_gold_is_consistent_with_its_articles(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from check_gold import check_sets

    assert check_sets([str(OTHER / "dev"), str(OTHER / "test")]) == []
    assert check_sets([str(ROOT / "benchmarks" / "sets" / "other2" / "dev"),
                       str(ROOT / "benchmarks" / "sets" / "other2" / "test")]) == []
    assert check_sets([str(ROOT / "benchmarks" / "sets" / "other3" / "test")]) == []
    assert check_sets([str(ROOT / "benchmarks" / "sets" / "other4" / "test")]) == []
    assert check_sets([str(ROOT / "benchmarks" / "sets" / "other5" / "dev")]) == []
    one = _one_article_set(tmp_path)
    gold = one / "gold" / "o01_saudi_egypt_fm_riyadh.json"
    data = json.loads(gold.read_text(encoding="utf-8"))
    data["meetings"][0]["evidence"] += " (not in the article)"
    data["meetings"][0]["participants"].append("nobody_defined")
    gold.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = check_sets([str(one)])
    assert any("evidence not in the article" in p for p in problems)
    assert any("undefined id 'nobody_defined'" in p for p in problems)


def test_a_base_operator_gold_names_by_id_only_is_matched_by_its_id(graph, tmp_path):
    """Gold may give a base's operator by id alone (the article says only 'الروسية'): the graph's
    node for that state is still the right operator, not a miss."""
    gold = tmp_path / "gold"
    shutil.copytree(GOLD, gold)
    docs = {path: json.loads(path.read_text(encoding="utf-8")) for path in gold.glob("*.json")}
    operators = {b["operated_by"] for doc in docs.values() for b in doc.get("bases", []) if b.get("operated_by")}
    for path, doc in docs.items():
        doc["entities"] = [e for e in doc["entities"] if e["id"] not in operators]
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    operators_left = {e["id"] for p in gold.glob("*.json") for e in json.loads(p.read_text("utf-8"))["entities"]}
    assert operators and not operators & operators_left
    bases = evaluate(graph, gold)["bases"]
    assert bases and all(b["operator_right"] for b in bases.values())


def _built_and_scored(tmp_path, text: str, gold: dict) -> dict:
    """`kg build` of one article holding `text`, scored against one gold file for it."""
    corpus, out, gold_dir = tmp_path / "c", tmp_path / "out", tmp_path / "gold"
    corpus.mkdir()
    gold_dir.mkdir()
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(corpus), "--out", str(out), "--ner", "rules"])
    assert result.exit_code == 0, result.output
    (gold_dir / "a.json").write_text(json.dumps({"doc": "a.txt", "published": None, **gold}, ensure_ascii=False),
                                     encoding="utf-8")
    return evaluate(Graph().parse(out / "graph.ttl"), gold_dir)


def test_a_delegation_s_state_the_article_does_not_name_is_a_participant_matched_by_its_id(tmp_path):
    """'وفد تركي' stands for Turkey in the meeting, but the article names no Turkey: the graph has
    the state's node without kg:mentionedIn, and the scorer matches the participant by its id."""
    text = "وصل وفد تركي رفيع إلى دمشق في 5 يناير 2024 في زيارة رسمية."
    scores = _built_and_scored(tmp_path, text, {
        "treaties": [], "bases": [],
        "entities": [{"id": "damascus", "type": "Place", "names": ["دمشق"]}],
        "meetings": [{"id": "v", "kind": "visit", "participants": ["turkey"], "date": "2024-01-05",
                      "place": "damascus", "evidence": text}]})
    assert scores["actors"]["fp"] == 0 and scores["meetings"]["tp"] == 1


def test_a_base_operator_whose_id_has_an_underscore_is_matched_by_its_iri(tmp_path):
    """Gold gives the operator as united_states only; the graph's IRI writes it state/united-states."""
    text = "وتستخدم الولايات المتحدة قاعدة النخيل الجوية في كينيا منذ سنوات."
    scores = _built_and_scored(tmp_path, text, {
        "treaties": [], "meetings": [],
        "entities": [{"id": "kenya", "type": "State", "names": ["كينيا"]},
                     {"id": "b", "type": "MilitaryBase", "names": ["قاعدة النخيل الجوية"]}],
        "bases": [{"id": "b", "kind": "AirBase", "located_in": "kenya", "operated_by": "united_states",
                   "evidence": text}]})
    assert scores["bases"]["b"]["operator_right"] is True
