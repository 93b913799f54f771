"""Past one machine: a real Dask LocalCluster, and the graph in a real Oxigraph server on loopback."""
import socket

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import build
from kg.query import bundled, resolve, run
from kg.remote import push, query, start_server
from tests.conftest import CORPUS
from tests.test_query import _canonical

runner = CliRunner()
PARAMS = {"a": "بوتين", "b": "الأسد", "name": "لافروف"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dask_executor_output_is_byte_identical(tmp_path, built):
    report = build(CORPUS, tmp_path, ner="rules", html=False, show_progress=False, executor="dask", jobs=2)
    assert report.documents == 5
    assert (tmp_path / "graph.ttl").read_bytes() == (built[0] / "graph.ttl").read_bytes()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    bind = f"127.0.0.1:{_free_port()}"
    proc = start_server(tmp_path_factory.mktemp("store"), bind)
    yield f"http://{bind}"
    proc.terminate()
    proc.wait(timeout=10)


def test_push_then_every_bundled_query_gives_the_local_rows(server, built):
    ttl = built[0] / "graph.ttl"
    out = runner.invoke(app, ["push", str(ttl), "--endpoint", f"{server}/store"])
    assert out.exit_code == 0, out.output
    for name in sorted(bundled()):
        sparql = resolve(name, PARAMS)
        assert _canonical(query(f"{server}/query", sparql)) == _canonical(run(ttl, sparql)), name
    cli = runner.invoke(app, ["query", "--endpoint", f"{server}/query", "bases", "--format", "csv"])
    assert cli.exit_code == 0 and "قاعدة حميميم الجوية" in cli.output


def test_named_graph_replace_and_merge(server, built, graph):
    ttl = built[0] / "graph.ttl"
    iri = "https://w3id.org/arabic-kg/graph/corpus"
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    push(ttl, f"{server}/store", iri)
    push(ttl, f"{server}/store", iri)  # replace: same size
    assert query(f"{server}/query", count).rows == [[str(len(graph))]]
    push(ttl, f"{server}/store", iri, replace=False)  # merge of the same triples: same size
    assert query(f"{server}/query", count).rows == [[str(len(graph))]]


def test_updates_are_refused_before_reaching_the_server(server):
    out = runner.invoke(app, ["query", "--endpoint", f"{server}/query", "CLEAR ALL"])
    assert out.exit_code == 2 and "read-only" in out.output


def test_unreachable_endpoint_is_one_line(built):
    out = runner.invoke(app, ["push", str(built[0] / "graph.ttl"), "--endpoint", f"http://127.0.0.1:{_free_port()}/store"])
    assert out.exit_code == 1 and "Traceback" not in out.output and out.output.startswith("kg: PUT")


def test_kg_serve_answers_sparql_on_the_build(built, tmp_path):
    import subprocess
    import sys
    import time

    from kg.remote import RemoteError

    bind = f"127.0.0.1:{_free_port()}"
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(built[0] / "graph.ttl"),
                             "--bind", bind, "--location", str(tmp_path / "store")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                rows = query(f"http://{bind}/query", resolve("treaties")).rows
                break
            except RemoteError:
                assert time.monotonic() < deadline, "kg serve did not answer"
                time.sleep(0.3)
        assert any(r[1] == "1980-10-08" for r in rows)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
