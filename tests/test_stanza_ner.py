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


def _corpus(path, n, seed):
    rng = random.Random(seed)
    lines = []
    for _ in range(n):
        name, place = rng.choice(NAMES), rng.choice(PLACES)
        for word in rng.choice(TEMPLATES):
            if word == "{P}":
                lines += [f"{name[0]} B-PERS", f"{name[1]} I-PERS"]
            elif word == "{G}":
                lines.append(f"{place} B-GPE")
            else:
                lines.append(f"{word} O")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    d = tmp_path_factory.mktemp("ner")
    train = _corpus(d / "train.txt", 120, 1)
    dev = _corpus(d / "dev.txt", 20, 2)
    stanza_ner.train_model(train, dev, d / "model", max_steps=150, eval_interval=50, hidden_dim=32)
    return d / "model"


def test_wojood_tags_are_mapped_and_bio_repaired(tmp_path):
    f = tmp_path / "w.txt"
    f.write_text("مجلس B-ORG\nالأمن I-ORG\nالأسد I-ORG B-PERS\n$#$ O\nفي O\nنابلس B-GPE\nسكرتير B-OCC\n\n",
                 encoding="utf-8")
    assert stanza_ner.read_bio(f) == [[("مجلس", "B-ORG"), ("الأمن", "I-ORG"), ("الأسد", "I-ORG"),
                                       ("في", "O"), ("نابلس", "B-GPE"), ("سكرتير", "O")]]


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
