"""The cross-article merge holds distinct entities and events in memory, not the corpus."""
from pathlib import Path

from kg.extract import process_document
from kg.knowledge import load_knowledge
from kg.merge import CorpusMerger
from kg.model import Document
from tests.conftest import CORPUS

KB = load_knowledge()
RESULTS = [process_document(Document(p.stem, p.name, p.read_text(encoding="utf-8"), str(i) * 64), KB)
           for i, p in enumerate(sorted(CORPUS.glob("*.txt")))]


def fold(copies: int, spill: Path) -> CorpusMerger:
    """The corpus repeated `copies` times under other names: the same facts reported again."""
    from dataclasses import replace

    merger = CorpusMerger(KB, spill)
    for c in range(copies):
        for r in RESULTS:
            doc_id = f"{c:03d}-{r.document.doc_id}"
            merger.add(replace(
                r, document=replace(r.document, doc_id=doc_id, source_file=f"{doc_id}.txt"),
                entities={k: replace(e, documents={doc_id}) for k, e in r.entities.items()},
                meetings=[replace(m, documents=[doc_id], participants=list(m.participants)) for m in r.meetings],
                treaties=[replace(t, documents=[doc_id]) for t in r.treaties],
                bases=[replace(b, documents=[doc_id]) for b in r.bases]))
    return merger


def test_repeated_reports_grow_sources_not_nodes(tmp_path):
    once, many = fold(1, tmp_path / "a"), fold(8, tmp_path / "b")
    assert len(many.state.hosts) == len(once.state.hosts) > 0
    assert len(many.state.entities) == len(once.state.entities)
    assert len(many.state.treaties) == len(once.state.treaties)
    assert many.state.documents.count == 8 * len(RESULTS)
    a, b = once.finish(), many.finish()
    hmeimim = [m for m in b.dated if m.date.value == "2017-12-11"]
    assert len(hmeimim) == 1 and len(hmeimim[0].documents) == 2 * 8
    putin = list(b.documents_of("vladimir_putin"))
    assert len(putin) == 8 * len(list(a.documents_of("vladimir_putin")))
    assert all(d.text == "" for d in b.documents())  # texts are not kept


def test_state_saved_and_resumed_folds_like_one_pass(tmp_path):
    import pickle

    whole = fold(2, tmp_path / "a")
    half = CorpusMerger(KB, tmp_path / "b")
    for r in RESULTS[:2]:
        half.add(r)
    resumed = CorpusMerger(KB, tmp_path / "b", pickle.loads(pickle.dumps(half.state)))
    for r in RESULTS[2:]:
        resumed.add(r)
    one = CorpusMerger(KB, tmp_path / "c")
    for r in RESULTS:
        one.add(r)
    got, want = resumed.finish(), one.finish()
    assert [(m.kind, m.participants, m.date, list(m.documents)) for m in got.meetings()] == \
        [(m.kind, m.participants, m.date, list(m.documents)) for m in want.meetings()]
    assert whole.state.documents.count == 2 * len(RESULTS)
