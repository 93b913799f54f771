"""Past one machine: a real Dask LocalCluster, and the graph in a real Oxigraph server on loopback."""
import socket

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import build
from kg.query import Engine, answer, bundled, resolve
from kg.remote import Endpoint, push, query, start_server
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
    local = Engine(ttl)
    for name in sorted(bundled()):
        remote = answer(Endpoint(f"{server}/query").select, name, PARAMS)
        assert _canonical(remote) == _canonical(answer(local.select, name, PARAMS)), name
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
    bind = f"127.0.0.1:{_free_port()}"
    proc = _serve(built[0] / "graph.ttl", bind, tmp_path, "--location", str(tmp_path / "store"))
    try:
        assert any(r[1] == "1980-10-08" for r in _treaties_once_up(bind, proc))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _serve(graph, bind, tmp_path, *extra):
    import os
    import subprocess
    import sys

    env = {**os.environ, "TMPDIR": str(tmp_path)}  # where kg serve makes its temporary store
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(graph), "--bind", bind, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)


def _treaties_once_up(bind: str, proc, seconds: float = 60) -> list:
    """The bundled treaties query's rows from kg serve at `bind`, once it answers."""
    import time

    from kg.remote import RemoteError

    deadline = time.monotonic() + seconds
    while True:
        try:
            return query(f"http://{bind}/query", resolve("treaties")).rows
        except RemoteError:
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
            time.sleep(0.2)


def _listening(bind: str) -> bool:
    host, port = bind.rsplit(":", 1)
    with socket.socket() as s:
        return s.connect_ex((host, int(port))) == 0


def test_kg_serve_stopped_by_sigterm_leaves_no_server_and_no_store(built, tmp_path):
    """kg owns the oxigraph child: SIGTERM to kg stops it and removes the temporary store."""
    import signal

    bind = f"127.0.0.1:{_free_port()}"
    proc = _serve(built[0] / "graph.ttl", bind, tmp_path)
    try:
        assert any(r[1] == "1980-10-08" for r in _treaties_once_up(bind, proc))
        assert len(list(tmp_path.glob("kg-store-*"))) == 1
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert not _listening(bind)
    assert list(tmp_path.glob("kg-store-*")) == []


def test_kg_serve_on_a_taken_port_is_one_line_and_fails(built, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        bind = f"127.0.0.1:{taken.getsockname()[1]}"
        proc = _serve(built[0] / "graph.ttl", bind, tmp_path)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert err.strip().splitlines() == [f"kg: {bind}: cannot listen there (Address already in use)"]
    assert "serving" not in out and list(tmp_path.glob("kg-store-*")) == []
