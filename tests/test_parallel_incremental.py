"""--jobs gives the same bytes as one process; the cache re-processes only what changed."""
import shutil

from kg.pipeline import NER_BATCH_DOCS, build
from tests.conftest import CORPUS

ARTICLES = sorted(CORPUS.glob("*.txt"))


def test_parallel_build_is_byte_identical(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    n = 0
    while n <= 2 * NER_BATCH_DOCS:  # enough documents for several batches and workers
        for p in ARTICLES:
            shutil.copy(p, corpus / f"{n:03d}_{p.name}")
            n += 1
    one = build(corpus, tmp_path / "one", ner="rules", html=False, show_progress=False, jobs=1)
    two = build(corpus, tmp_path / "two", ner="rules", html=False, show_progress=False, jobs=2)
    assert one.documents == two.documents == n
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == (tmp_path / "two" / "graph.ttl").read_bytes()


def test_incremental_build_processes_only_the_new_article(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for p in ARTICLES[:4]:
        shutil.copy(p, corpus / p.name)
    cache = tmp_path / "cache"
    first = build(corpus, tmp_path / "out", ner="rules", html=False, show_progress=False, cache_dir=cache)
    assert first.processed == 4
    shutil.copy(ARTICLES[4], corpus / ARTICLES[4].name)
    second = build(corpus, tmp_path / "out", ner="rules", html=False, show_progress=False, cache_dir=cache)
    assert second.processed == 1 and second.documents == 5
    build(corpus, tmp_path / "clean", ner="rules", html=False, show_progress=False)
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()
    # an edited article is extracted again
    (corpus / ARTICLES[0].name).write_text(ARTICLES[0].read_text(encoding="utf-8") + "\nسطر جديد.", encoding="utf-8")
    third = build(corpus, tmp_path / "out", ner="rules", html=False, show_progress=False, cache_dir=cache)
    assert third.processed == 1
