"""One written article through kg's per-article stages, for the tests of recognizers and events."""
from kg.extract import process_document
from kg.knowledge import load_knowledge
from kg.model import Document

KB = load_knowledge()


def doc(text, published=None, name="t"):
    """The DocResult of `text` as an article named `name` (published on `published`, if given)."""
    return process_document(Document(name, f"{name}.txt", text, "0" * 64, published), KB)


def of_type(r, type_):
    """The article's entities of one class, by Arabic label."""
    return {e.label_ar: e for e in r.entities.values() if e.type == type_}
