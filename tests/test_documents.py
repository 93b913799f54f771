"""Hostile corpora: every bad file gets one line, the good articles all make it into the graph."""
import codecs
import os
import subprocess
import sys
import time

from typer.testing import CliRunner

from kg.cli import app
from kg.documents import read_corpus
from tests.conftest import CORPUS

runner = CliRunner()
ORIGINALS = sorted(CORPUS.glob("*.txt"))


def _good_variants(folder):
    """The five real articles, each in another encoding or line-end convention."""
    texts = [p.read_text(encoding="utf-8") for p in ORIGINALS]
    (folder / ORIGINALS[0].name).write_bytes(codecs.BOM_UTF8 + texts[0].encode("utf-8"))
    (folder / ORIGINALS[1].name).write_bytes(texts[1].replace("\n", "\r\n").encode("utf-8"))
    (folder / ORIGINALS[2].name).write_bytes(texts[2].encode("cp1256", errors="strict"))
    (folder / ORIGINALS[3].name).write_bytes(texts[3].encode("utf-16"))
    (folder / ORIGINALS[4].name).write_text(texts[4], encoding="utf-8")


def _bad_files(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (folder / "latin1.txt").write_bytes("Caf\xe9 na\xefve r\xe9sum\xe9 \xa9 \xae".encode("latin-1") + bytes(range(0x80, 0xa0)))
    with open(folder / "huge.txt", "wb") as f:
        f.write(b"\xd8\xa7" * (20 * 1024 * 1024 // 2))  # 20 MB, one line
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "image.png").write_bytes(b"\x89PNG")
    return {"empty.txt", "blank.txt", "binary.txt", "latin1.txt", "huge.txt", "dangling.txt",
            "pipe.txt", "image.png"}


def test_every_bad_file_gets_one_line_and_the_graph_equals_the_good_one(tmp_path):
    mixed, good = tmp_path / "mixed", tmp_path / "good"
    mixed.mkdir()
    good.mkdir()
    _good_variants(mixed)
    bad = _bad_files(mixed)
    result = runner.invoke(app, ["build", str(mixed), "--out", str(tmp_path / "m"), "--ner", "rules", "--no-html"])
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped ")]
    assert sorted(line.split()[1].rstrip(":") for line in skipped) == sorted(bad)
    assert "Traceback" not in result.output
    assert "decoded as Windows-1256" in result.output
    assert "larger than the" in result.output
    runner.invoke(app, ["build", str(CORPUS), "--out", str(tmp_path / "g"), "--ner", "rules", "--no-html"])
    assert (tmp_path / "m" / "graph.ttl").read_bytes() == (tmp_path / "g" / "graph.ttl").read_bytes()
    strict = runner.invoke(app, ["build", str(mixed), "--out", str(tmp_path / "s"), "--ner", "rules",
                                 "--no-html", "--strict"])
    assert strict.exit_code == 1


def test_unreadable_file_is_skipped_or_read(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("زار بوتين دمشق.", encoding="utf-8")
    p.chmod(0)
    docs, skipped, _ = read_corpus(tmp_path)
    if os.geteuid() == 0:  # root reads it anyway
        assert len(docs) == 1
    else:
        assert [s.reason for s in skipped] == ["permission denied"]


def test_english_html_and_jsonl(tmp_path):
    (tmp_path / "en.txt").write_text("Putin met Assad in Moscow on Wednesday, the Kremlin said.")
    (tmp_path / "page.html").write_text(
        "<html><head><title>خبر</title><script>var x='بوتين';</script></head>"
        "<body><p>وفي 7 يناير 2020، زار بوتين دمشق لأول مرة.</p></body></html>", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "a1", "text": "التقى لافروف والمقداد في موسكو.", "published": "2022-08-23"}\n'
        'not json\n{"id": "a2"}\n', encoding="utf-8")
    docs, skipped, notices = read_corpus(tmp_path)
    assert sorted(d.source_file for d in docs) == ["a1", "en.txt", "page.html"]
    assert "var x" not in next(d.text for d in docs if d.source_file == "page.html")
    assert next(d for d in docs if d.source_file == "a1").published == "2022-08-23"
    assert sorted(s.path for s in skipped) == ["feed.jsonl:2", "feed.jsonl:3"]  # bad records are skips
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(out), "--ner", "rules", "--no-html"])
    assert result.exit_code == 0
    assert "(2 skipped" in result.output
    strict = runner.invoke(app, ["build", str(tmp_path), "--out", str(out), "--ner", "rules", "--no-html",
                                 "--strict"])
    assert strict.exit_code == 1 and "feed.jsonl:2" in strict.output
    assert "entities: " in result.output
    from rdflib import Graph

    g = Graph().parse(out / "graph.ttl")
    persons = list(g.query("PREFIX kg: <https://w3id.org/arabic-kg/ontology#> SELECT ?p WHERE { ?p a kg:Person ; kg:mentionedIn ?d . ?d kg:sourceFile 'en.txt' }"))
    assert persons == []  # a Latin-only article yields no junk entities


def test_not_a_directory_and_missing_path_exit_2(tmp_path):
    f = tmp_path / "f.txt"
    f.write_text("x")
    assert runner.invoke(app, ["build", str(f)]).exit_code == 2
    assert runner.invoke(app, ["build", str(tmp_path / "missing")]).exit_code == 2


def test_killing_a_build_never_leaves_a_half_written_graph(tmp_path):
    out = tmp_path / "out"
    big = tmp_path / "big"
    big.mkdir()
    for i in range(40):
        for p in ORIGINALS:
            (big / f"{i:02d}_{p.name}").write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    kg = [sys.executable, "-m", "kg.cli", "build"]
    subprocess.run(kg + [str(CORPUS), "--out", str(out), "--ner", "rules"], check=True, capture_output=True)
    before = (out / "graph.ttl").read_bytes(), (out / "graph.html").read_bytes()
    for delay in (0.5, 1.5, 2.5, 3.5):
        proc = subprocess.Popen(kg + [str(big), "--out", str(out), "--ner", "rules"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.kill()
        proc.wait()
        ttl = (out / "graph.ttl").read_bytes()
        from rdflib import Graph

        Graph().parse(data=ttl.decode("utf-8"), format="turtle")  # whole: old or new, never half
        assert ttl == before[0] or b"00-000-b2e2f448fcc49fe2" in ttl
        html = (out / "graph.html").read_bytes()
        assert html == before[1] or html.rstrip().endswith(b"</html>")


def test_headline_and_url_of_html_jsonl_and_plain_text(tmp_path):
    """kg:title is the headline and kg:url the page's canonical link or the record's url."""
    (tmp_path / "page.html").write_text(
        '<html><head><title>خبر | موقع</title><link rel="canonical" href="https://example.org/news/1">'
        "</head><body><h1>بوتين في دمشق</h1><p>وفي 7 يناير 2020، زار بوتين دمشق لأول مرة.</p></body></html>",
        encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "a1", "text": "التقى لافروف والمقداد في موسكو.", "url": "https://example.org/a1", '
        '"title": "لافروف يلتقي المقداد"}\n', encoding="utf-8")
    (tmp_path / "plain.txt").write_text("عنوان الخبر\n\nالتقى لافروف والمقداد في موسكو.", encoding="utf-8")
    (tmp_path / "sentence.txt").write_text("التقى لافروف والمقداد في موسكو.\nوقال إن…", encoding="utf-8")
    docs = {d.source_file: d for d in read_corpus(tmp_path)[0]}
    assert (docs["page.html"].title, docs["page.html"].url) == ("بوتين في دمشق", "https://example.org/news/1")
    assert (docs["a1"].title, docs["a1"].url) == ("لافروف يلتقي المقداد", "https://example.org/a1")
    assert docs["plain.txt"].title == "عنوان الخبر"
    assert docs["sentence.txt"].title is None  # a first line that ends as a sentence is no headline
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(tmp_path), "--out", str(out), "--ner", "rules", "--no-html"]).exit_code == 0
    from rdflib import Graph, Literal, URIRef

    g = Graph().parse(out / "graph.ttl")
    kg = "https://w3id.org/arabic-kg/ontology#"
    page = next(g.subjects(URIRef(kg + "sourceFile"), Literal("page.html")))
    assert g.value(page, URIRef(kg + "url")) == URIRef("https://example.org/news/1")
    assert g.value(page, URIRef(kg + "title")) == Literal("بوتين في دمشق", lang="ar")
