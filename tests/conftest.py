from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real corpus built once with the rules recognizers: (output folder, report)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("out")
    report = build(CORPUS, out, ["ttl"], ner="rules", html=True, show_progress=False)
    return out, report


@pytest.fixture(scope="session")
def graph(built):
    g = Graph()
    g.parse(built[0] / "graph.ttl", format="turtle")
    return g
