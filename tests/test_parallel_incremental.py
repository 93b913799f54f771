"""--jobs gives the same bytes as one process; the default picks the processes by corpus size;
the cache re-processes only what changed."""
import shutil

from kg.documents import corpus_files
from kg.executors import AUTO_MAX_JOBS, AUTO_PARALLEL_BYTES, auto_jobs, available_cores
from kg.pipeline import NER_BATCH_DOCS, build
from tests.conftest import CORPUS

ARTICLES = sorted(CORPUS.glob("*.txt"))


def _copies(folder, min_bytes: int) -> int:
    """Copies of the corpus articles in `folder` until they hold `min_bytes`; returns how many."""
    folder.mkdir()
    n = total = 0
    while total < min_bytes:
        for p in ARTICLES:
            shutil.copy(p, folder / f"{n:04d}_{p.name}")
            total += p.stat().st_size
            n += 1
    return n


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


def test_default_jobs_one_process_for_a_small_corpus_one_per_core_for_a_large_one(tmp_path):
    assert auto_jobs(corpus_files(CORPUS), "rules") == 1  # five articles: a pool would cost more than it saves
    large = tmp_path / "large"
    n = _copies(large, AUTO_PARALLEL_BYTES)
    cores = min(available_cores(), AUTO_MAX_JOBS)
    assert auto_jobs(corpus_files(large), "rules") == (cores if cores >= 2 else 1)
    assert auto_jobs(corpus_files(large), "stanza") == 1  # torch already uses the cores
    default = build(large, tmp_path / "default", ner="rules", html=False, show_progress=False)
    assert default.jobs == auto_jobs(corpus_files(large), "rules") and default.documents == n
    one = build(large, tmp_path / "one", ner="rules", html=False, show_progress=False, jobs=1)
    assert one.jobs == 1
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == (tmp_path / "default" / "graph.ttl").read_bytes()


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


def _corpus(folder, articles):
    folder.mkdir(exist_ok=True)
    for p in folder.iterdir():
        p.unlink()
    for p in articles:
        shutil.copy(p, folder / p.name)
    return folder


def _same_as_clean_build(tmp_path, corpus, out):
    build(corpus, tmp_path / "clean", ner="rules", html=False, show_progress=False)
    return (out / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()


def test_appended_article_resumes_the_saved_merge(tmp_path):
    corpus, out, cache = tmp_path / "c", tmp_path / "out", tmp_path / "cache"
    _corpus(corpus, ARTICLES[:3])
    build(corpus, out, ner="rules", html=False, show_progress=False, cache_dir=cache)
    _corpus(corpus, ARTICLES)  # two articles that sort after the others
    again = build(corpus, out, ner="rules", html=False, show_progress=False, cache_dir=cache)
    assert (again.reused, again.processed, again.documents) == (3, 2, 5)
    assert _same_as_clean_build(tmp_path, corpus, out)
    unchanged = build(corpus, out, ner="rules", html=False, show_progress=False, cache_dir=cache)
    assert (unchanged.reused, unchanged.processed) == (5, 0)
    assert _same_as_clean_build(tmp_path, corpus, out)


def test_article_inserted_removed_or_edited_in_the_middle_gives_the_clean_build(tmp_path):
    corpus, out, cache = tmp_path / "c", tmp_path / "out", tmp_path / "cache"
    _corpus(corpus, [ARTICLES[0], ARTICLES[2], ARTICLES[4]])
    build(corpus, out, ner="rules", html=False, show_progress=False, cache_dir=cache)
    _corpus(corpus, ARTICLES)  # 001 and 003 sort between the articles already folded
    inserted = build(corpus, out, ner="rules", html=False, show_progress=False, cache_dir=cache)
    assert (inserted.reused, inserted.processed) == (0, 2)
    assert _same_as_clean_build(tmp_path, corpus, out)
    (corpus / ARTICLES[1].name).unlink()
    removed = build(corpus, out, ner="rules", html=False, show_progress=False, cache_dir=cache)
    assert (removed.documents, removed.processed) == (4, 0)
    assert _same_as_clean_build(tmp_path, corpus, out)
    edited = corpus / ARTICLES[2].name
    edited.write_text(edited.read_text(encoding="utf-8").replace("بوتين", "فلاديمير بوتين", 1), encoding="utf-8")
    again = build(corpus, out, ner="rules", html=False, show_progress=False, cache_dir=cache)
    assert again.processed == 1
    assert _same_as_clean_build(tmp_path, corpus, out)


def test_a_corrupt_saved_state_is_ignored(tmp_path):
    corpus, out, cache = tmp_path / "c", tmp_path / "out", tmp_path / "cache"
    _corpus(corpus, ARTICLES)
    build(corpus, out, ner="rules", html=False, show_progress=False, cache_dir=cache)
    (cache / "merge" / "state.pkl").write_bytes(b"not a pickle")
    again = build(corpus, out, ner="rules", html=False, show_progress=False, cache_dir=cache)
    assert (again.reused, again.processed) == (0, 0)  # every article from the per-article cache
    assert _same_as_clean_build(tmp_path, corpus, out)
