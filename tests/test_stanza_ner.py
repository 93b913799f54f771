"""The real Stanza Pipeline on a tiny NER model trained offline in a fixture (no mocks)."""
import random

import pytest

from kg import stanza_ner

NAMES = [["سامي", "الخطيب"], ["ليلى", "حداد"], ["كريم", "منصور"], ["نادر", "سلوم"], ["هالة", "يوسف"],
         ["فادي", "عيسى"], ["رنا", "الحلبي"], ["وسيم", "داود"]]
PLACES = ["عمان", "بيروت", "القاهرة", "بغداد", "الرباط", "تونس"]
TEMPLATES = [
    ["قال", "{P}", "إن", "الوفد", "وصل", "إلى", "{G}", "."],
    ["التقى", "{P}", "في", "{G}", "مع", "المسؤولين", "."],
    ["وصل", "{P}", "إلى", "{G}", "صباح", "اليوم", "."],
]


def _corpus(path, n, seed, place_tag="GPE"):
    rng = random.Random(seed)
    lines = []
    for _ in range(n):
        name, place = rng.choice(NAMES), rng.choice(PLACES)
        for word in rng.choice(TEMPLATES):
            if word == "{P}":
                lines += [f"{name[0]} B-PERS", f"{name[1]} I-PERS"]
            elif word == "{G}":
                lines.append(f"{place} B-{place_tag}")
            else:
                lines.append(f"{word} O")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _corpus_folder(folder, seed, place_tag):
    """A training set as kg ner train takes it: train/val/test splits, README and LICENSE."""
    folder.mkdir()
    for name, n, k in (("train", 60, 0), ("val", 15, 1), ("test", 20, 2)):
        _corpus(folder / f"{name}.txt", n, seed + k, place_tag)
    (folder / "LICENSE").write_text("MIT License\n\nCopyright (c) the tests\n", encoding="utf-8")
    (folder / "README.md").write_text(f"# {folder.name}\n\n## Licence and attribution\n\nCredit: set {seed}.\n",
                                      encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """Two sets (one tags places LOC, mapped to GPE) trained together, scored and carded."""
    from kg.ner.workflow import train_and_document

    d = tmp_path_factory.mktemp("ner")
    sets = [_corpus_folder(d / "set-a", 1, "GPE"), _corpus_folder(d / "set-b", 11, "LOC")]
    train_and_document(sets, sets[0], d / "model", 150, [], eval_interval=50, hidden_dim=32)
    return d / "model"


def test_model_card_names_each_set_with_its_licence_and_scores(tiny_model):
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.ner.card import read_card

    card = read_card(tiny_model)
    assert [d["name"] for d in card["data"]] == ["set-a", "set-b"]
    assert card["data"][1]["GPE"] == 60  # set-b's LOC places were trained as GPE
    assert set(card["tests"]) == {"set-a", "set-b"}
    assert card["tests"]["set-b"]["PER"]["f1"] > 0.8
    assert card["curve"] and card["curve"][-1][0] == 150
    assert (card["steps"], card["eval_interval"], card["hidden_dim"]) == (150, 50, 32)  # what ran, not defaults
    for name in ("card.json", "MODEL_CARD.md"):  # shared with the model: readable by others, as the umask allows
        assert (tiny_model / name).stat().st_mode & 0o044 == 0o644 & ~_umask() & 0o044, name
    info = CliRunner().invoke(app, ["ner", "info", "--model", str(tiny_model)])
    assert info.exit_code == 0
    assert "| set-b | MIT |" in info.stdout and "Credit: set 11." in info.stdout
    assert "| set-b |" in info.stdout


def test_ner_info_without_a_card_is_one_line(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["ner", "info", "--model", str(tmp_path)])
    assert result.exit_code == 1
    assert "no model card" in result.output and "Traceback" not in result.output


def test_fast_backend_tags_as_stanzas_own_pipeline(tiny_model):
    """Length-sorted batches give the same tags as Stanza's Pipeline on the same sentences."""
    from kg.ner.data import read_bio

    sentences = [[t for t, _ in s] for s in read_bio(tiny_model.parent / "set-a" / "test.txt")]
    sentences.append(sentences[0] * 6)  # one long sentence among short ones
    fast = stanza_ner.load_pipeline(tiny_model, quantize=False)
    own = stanza_ner.load_pipeline(tiny_model, backend="stanza")
    assert isinstance(fast, stanza_ner.NerTagger)
    assert stanza_ner.tag_sentences(fast, sentences) == stanza_ner.tag_sentences(own, sentences)


def test_quantized_model_keeps_its_scores(tiny_model):
    plain = stanza_ner.evaluate_model(tiny_model / ".." / "set-a" / "test.txt", tiny_model, quantize=False)
    quantized = stanza_ner.evaluate_model(tiny_model / ".." / "set-a" / "test.txt", tiny_model, quantize=True)
    assert quantized["ALL"]["f1"] >= plain["ALL"]["f1"] - 0.05
    assert quantized["PER"]["gold"] == plain["PER"]["gold"] > 0


def test_wojood_tags_are_mapped_and_bio_repaired(tmp_path):
    f = tmp_path / "w.txt"
    f.write_text("مجلس B-ORG\nالأمن I-ORG\nالأسد I-ORG B-PERS\n$#$ O\nفي O\nنابلس B-GPE\nسكرتير B-OCC\n"
                 "الجليل B-LOC\nالأعلى I-LOC\nفي O\nكانون B-DATE\nالثاني I-DATE\nقال O\nرامي I-PERS\n\n",
                 encoding="utf-8")
    assert stanza_ner.read_bio(f) == [[("مجلس", "B-ORG"), ("الأمن", "I-ORG"), ("الأسد", "I-ORG"),
                                       ("في", "O"), ("نابلس", "B-GPE"), ("سكرتير", "O"),
                                       ("الجليل", "B-GPE"), ("الأعلى", "I-GPE"), ("في", "O"),
                                       ("كانون", "O"), ("الثاني", "O"), ("قال", "O"), ("رامي", "B-PER")]]


def test_trained_model_loads_in_a_real_pipeline_and_tags_names(tiny_model):
    assert stanza_ner.local_model_available(tiny_model)
    pipeline = stanza_ner.load_pipeline(tiny_model)
    spans = stanza_ner.tag_sentences(pipeline, [["قال", "كريم", "منصور", "إن", "الوفد", "وصل", "إلى", "بيروت", "."]])
    assert (1, 3, "PER") in spans[0]
    assert (7, 8, "GPE") in spans[0]


def test_build_with_stanza_uses_the_model(tiny_model, tmp_path, monkeypatch):
    from kg.pipeline import build

    monkeypatch.setenv("KG_MODELS_DIR", str(tiny_model.parent))
    (tiny_model.parent / "ar-ner-local").symlink_to(tiny_model)
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("التقى هالة يوسف في عمان مع المسؤولين .\nوقال الرئيس الروسي فلاديمير بوتين إن العلاقات جيدة.",
                                  encoding="utf-8")
    report = build(corpus, tmp_path / "out", ner="stanza", html=False, show_progress=False)
    assert report.ner == "stanza"
    text = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"هالة يوسف"@ar' in text  # found by Stanza only: no gazetteer entry, no title
    assert '"فلاديمير بوتين"@ar' in text


def test_auto_without_model_falls_back_with_one_notice(tmp_path, monkeypatch):
    from kg.pipeline import choose_ner

    monkeypatch.setenv("KG_MODELS_DIR", str(tmp_path))
    notices = []
    assert choose_ner("auto", notices) is None
    assert len(notices) == 1 and "no Stanza NER model" in notices[0]
    with pytest.raises(FileNotFoundError):
        choose_ner("stanza", [])


def test_models_dir_prefers_the_environment_then_the_checkout(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MODELS_DIR", str(tmp_path / "env"))
    assert stanza_ner.models_dir() == tmp_path / "env"
    monkeypatch.delenv("KG_MODELS_DIR")
    monkeypatch.setattr(stanza_ner, "PROJECT_MODELS", tmp_path)
    assert stanza_ner.models_dir() == tmp_path  # `make model` trains into the checkout's models/
    monkeypatch.setattr(stanza_ner, "PROJECT_MODELS", tmp_path / "missing")
    assert stanza_ner.models_dir() != tmp_path / "missing"


def test_union_policy_admits_long_persons_and_asked_for_places_not_covered_spans():
    from kg.ner import union
    from kg.text import split_sentences

    text = "قال سامي الخطيب إن منظمة الصحة العالمية وبيروت وجبل لبنان و UN Office رحبت بزيارة كريم ."
    sentence = split_sentences(text)[0]
    words = [t.text for t in sentence.tokens]
    at = words.index
    spans = [(at("سامي"), at("سامي") + 2, "PER"), (at("منظمة"), at("منظمة") + 3, "ORG"),
             (at("وبيروت"), at("وبيروت") + 1, "GPE"), (at("وجبل"), at("وجبل") + 2, "GPE"),
             (at("UN"), at("UN") + 2, "ORG"),
             (at("كريم"), at("كريم") + 1, "PER")]
    assert [m.surface for m in union.stanza_mentions([sentence], [spans], text, set())] == ["سامي الخطيب"]
    with_places = union.UnionPolicy(classes=("Person", "Place"))
    found = union.stanza_mentions([sentence], [spans], text, set(), with_places)
    assert [(m.surface, m.type) for m in found] == [("سامي الخطيب", "Person"),
                                                    ("وجبل لبنان", "Place")]  # a GPE: a place, never a state
    covered = {sentence.tokens[at("الخطيب")].index}
    assert [m.surface for m in union.stanza_mentions([sentence], [spans], text, covered, with_places)] == [
        "وجبل لبنان"]
    with_organizations = union.UnionPolicy(classes=("Person", "Organization", "Place"))
    assert [m.type for m in union.stanza_mentions([sentence], [spans], text, set(), with_organizations)] == [
        "Person", "Organization", "Place"]
    persons_only = union.UnionPolicy(classes=("Person",))
    text = "التقى الوزير وألكسندر نوفاك ووليد المعلم ."
    sentence = split_sentences(text)[0]
    found = union.stanza_mentions([sentence], [[(2, 4, "PER"), (4, 6, "PER")]], text, set())
    assert [m.surface for m in found] == ["ألكسندر نوفاك", "ووليد المعلم"]  # و+hamza is the conjunction
    text = "وقال مصدر عسكري روسي إن الرئيس السوري وصل ."
    sentence = split_sentences(text)[0]
    assert union.stanza_mentions([sentence], [[(2, 4, "PER"), (6, 8, "PER")]], text, set()) == []
    assert [m.type for m in union.stanza_mentions([sentence], [spans], text, set(), persons_only)] == ["Person"]


def _spans_of(sentence, *phrases, label="PER"):
    """Spans (token start, end, label) of phrases written in the sentence."""
    words = [t.text for t in sentence.tokens]
    out = []
    for phrase in phrases:
        parts = phrase.split()
        start = next(i for i in range(len(words)) if words[i:i + len(parts)] == parts)
        out.append((start, start + len(parts), label))
    return out


def test_union_leaves_a_rules_name_repeated_to_the_linker():
    from kg.ner import union
    from kg.text import split_sentences

    text = "استقبل الوزير نادر عيسى سلوم الوفد. وقال عيسى سلوم إن رنا داود ستزور بغداد."
    first, second = split_sentences(text)
    covered = {t.index for t in first.tokens if t.text in ("نادر", "عيسى", "سلوم")}  # the rules' name
    found = union.stanza_mentions([first, second], [[], _spans_of(second, "عيسى سلوم", "رنا داود")],
                                  text, covered)
    assert [m.surface for m in found] == ["رنا داود"]  # the short form is the linker's; the new name is Stanza's


def test_union_drops_person_spans_that_name_things_or_are_phrases():
    from kg.ner import union
    from kg.text import split_sentences

    text = ("رست حاملة الطائرات فادي منصور في الميناء وافتتح وسيم يوسف شارع هالة الحلبي "
            "ثم التقى بانتظام عبر الهاتف والحكومة السورية كريم داود .")
    sentence = split_sentences(text)[0]
    spans = _spans_of(sentence, "فادي منصور", "وسيم يوسف", "هالة الحلبي", "بانتظام عبر الهاتف",
                      "والحكومة السورية", "كريم داود")
    found = union.stanza_mentions([sentence], [spans], text, covered=set())
    assert [m.surface for m in found] == ["وسيم يوسف", "كريم داود"]


def test_union_drops_acronyms_spelt_out_in_arabic_letters():
    from kg.ner import union
    from kg.text import split_sentences

    text = "وقال مكتب إف بي آي إن عناصر بي كي كي ووحدات واي بي جي التقوا سامر إيلي في أربيل ."
    sentence = split_sentences(text)[0]
    spans = _spans_of(sentence, "إف بي آي", "بي كي كي", "واي بي جي", "سامر إيلي")
    found = union.stanza_mentions([sentence], [spans], text, covered=set())
    assert [m.surface for m in found] == ["سامر إيلي"]

def test_a_stanza_person_takes_part_only_where_it_is_named_in_full(tiny_model, tmp_path, monkeypatch):
    """The tiny model reads "هالة يوسف"; a later bare "يوسف" is not linked to a model-only name,
    so it makes no meeting with the president it meets in that sentence."""
    from kg.pipeline import build

    monkeypatch.setenv("KG_MODELS_DIR", str(tiny_model.parent))
    if not (tiny_model.parent / "ar-ner-local").exists():
        (tiny_model.parent / "ar-ner-local").symlink_to(tiny_model)
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("وصل هالة يوسف إلى عمان صباح اليوم .\n"
                                  "والتقى الرئيس الروسي فلاديمير بوتين يوسف في موسكو.", encoding="utf-8")
    build(corpus, tmp_path / "out", ner="stanza", html=False, show_progress=False)
    from rdflib import Graph, RDFS

    from kg.graph import KG

    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    names = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "هالة يوسف" in names and "فلاديمير بوتين" in names
    putin = next(s for s, o in graph.subject_objects(RDFS.label) if str(o) == "فلاديمير بوتين")
    assert list(graph.subjects(KG.participant, putin)) == []  # no meeting from a bare last name


def test_stanza_is_a_backend_found_by_name_behind_the_one_protocol(tiny_model):
    from kg.ner.backend import NerBackend, UnknownBackend, backend_class, backend_names, load_backend

    assert "stanza" in backend_names()
    backend = load_backend("stanza", model_dir=tiny_model, quantize=False)
    assert isinstance(backend, NerBackend) and backend.name == "stanza"
    sentences = [["قال", "كريم", "منصور", "إن", "الوفد", "وصل", "إلى", "بيروت", "."], ["قال"]]
    assert backend.tag(sentences) == stanza_ner.tag_sentences(stanza_ner.load_pipeline(tiny_model), sentences)
    assert (1, 3, "PER") in backend.tag(sentences)[0]
    assert backend_class("stanza").available() == (stanza_ner.local_model_available()
                                                   or stanza_ner.official_model_available())
    with pytest.raises(UnknownBackend, match="unknown NER backend 'camel' \\(known: .*stanza"):
        load_backend("camel")


class _SilentBackend:
    """A second backend: has a model, tags nothing, counts what it was asked."""
    name = "silent"
    calls: list[int] = []

    @staticmethod
    def available() -> bool:
        return True

    def tag(self, sentences):
        _SilentBackend.calls.append(len(sentences))
        return [[] for _ in sentences]


def test_build_tags_through_the_backend_chosen_by_name(tiny_model, tmp_path, monkeypatch):
    from kg.ner.backend import UnknownBackend, register_backend, unregister_backend
    from kg.pipeline import build

    monkeypatch.setenv("KG_MODELS_DIR", str(tiny_model.parent))
    if not (tiny_model.parent / "ar-ner-local").exists():
        (tiny_model.parent / "ar-ner-local").symlink_to(tiny_model)
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("التقى هالة يوسف في عمان مع المسؤولين .\nوقال الرئيس الروسي فلاديمير بوتين إن العلاقات جيدة.",
                                  encoding="utf-8")
    register_backend("silent", _SilentBackend)
    try:
        _SilentBackend.calls.clear()
        report = build(corpus, tmp_path / "silent", ner="silent", html=False, show_progress=False)
    finally:
        unregister_backend("silent")
    assert report.ner == "silent" and _SilentBackend.calls and sum(_SilentBackend.calls) >= 2
    silent = (tmp_path / "silent" / "graph.ttl").read_text(encoding="utf-8")
    assert '"هالة يوسف"@ar' not in silent  # only Stanza finds her; the silent backend ran instead
    assert '"فلاديمير بوتين"@ar' in silent  # the rules still run beside any backend
    report = build(corpus, tmp_path / "stanza", ner="stanza", html=False, show_progress=False)
    assert report.ner == "stanza"
    assert '"هالة يوسف"@ar' in (tmp_path / "stanza" / "graph.ttl").read_text(encoding="utf-8")
    with pytest.raises(UnknownBackend, match="silent"):  # unregistered: no longer found by name
        build(corpus, tmp_path / "none", ner="silent", html=False, show_progress=False)


def test_gold_and_predicted_tags_decode_by_one_rule(tmp_path):
    """A gold BIO file and the model's BIOES tags give the same spans for the same entities."""
    from kg.ner.data import entity_spans, read_bio

    bio = ["B-PER", "I-PER", "O", "B-GPE", "B-GPE", "I-ORG", "I-ORG", "O", "I-PER"]
    bioes = ["B-PER", "E-PER", "O", "S-GPE", "S-GPE", "B-ORG", "E-ORG", "O", "S-PER"]
    expected = [(0, 2, "PER"), (3, 4, "GPE"), (4, 5, "GPE"), (5, 7, "ORG"), (8, 9, "PER")]
    assert entity_spans(bio) == entity_spans(bioes) == expected
    assert entity_spans(["B-PER", "I-ORG", "E-ORG", "I-PER"]) == [(0, 1, "PER"), (1, 3, "ORG"), (3, 4, "PER")]
    f = tmp_path / "bioes.txt"
    words = ["ماهر", "الأسد", "في", "دمشق", "حمص", "مجلس", "الشعب", "قال", "سامي"]
    f.write_text("\n".join(f"{w} {t}" for w, t in zip(words, bioes)) + "\n", encoding="utf-8")
    [sentence] = read_bio(f)
    assert entity_spans([t for _, t in sentence]) == expected


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
