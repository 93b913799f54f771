"""The Cython build (setup.py) compiles what a build runs, computes the same bytes as the sources,
and never hides an edited source (kg/_compiled.py)."""
import ast
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from kg._compiled import MANIFEST, SourceWhenStale
from tests.conftest import CORPUS, ROOT

KG = ROOT / "kg"

BUILD_AND_REPORT = """
import json, sys
from pathlib import Path
from kg.pipeline import build
from kg._compiled import compiled_modules
build(Path(sys.argv[1]), Path(sys.argv[2]), ner="rules", html=True, show_progress=False, jobs=1)
print(json.dumps({"imported": sorted(m[3:] for m in sys.modules if m.startswith("kg.") and m.count(".") == 1),
                  "compiled": [m[3:] for m in compiled_modules()]}))
"""


def compiled_list() -> set[str]:
    """setup.py's COMPILED, read without running setup()."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    node = next(n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "COMPILED")
    return set(eval(compile(ast.Expression(node.value), "setup.py", "eval")))


def build_in_fresh_process(out: Path, **env) -> dict:
    proc = subprocess.run([sys.executable, "-c", BUILD_AND_REPORT, str(CORPUS), str(out)], capture_output=True,
                          text=True, cwd=ROOT, env=dict(os.environ, **env), check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def unchanged_since_compiled() -> set[str]:
    recorded = json.loads((KG / MANIFEST).read_text())
    return {m for m, digest in recorded.items() if hashlib.sha256((KG / f"{m}.py").read_bytes()).hexdigest() == digest}


def test_the_compiled_modules_are_the_ones_a_build_imports_and_give_the_same_bytes(tmp_path):
    compiled = build_in_fresh_process(tmp_path / "compiled")
    pure = build_in_fresh_process(tmp_path / "pure", KG_PURE="1")
    top_level = {m for m in compiled["imported"] if m != "_compiled" and (KG / f"{m}.py").exists()}
    assert top_level - {"ner", "world"} == compiled_list()
    assert pure["compiled"] == []
    # `make install` compiled every listed module; one edited since then loads from its source
    assert (KG / MANIFEST).exists(), "no compiled modules: run `make install` (needs Cython and a C compiler)"
    assert set(compiled["compiled"]) == unchanged_since_compiled() & compiled_list()
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "compiled" / name).read_bytes() == (tmp_path / "pure" / name).read_bytes()


def test_an_edited_source_is_loaded_instead_of_its_compiled_copy(tmp_path):
    (tmp_path / "stage.py").write_text("VALUE = 1\n")
    (tmp_path / MANIFEST).write_text(json.dumps({"stage": hashlib.sha256(b"VALUE = 1\n").hexdigest()}))
    finder = SourceWhenStale(tmp_path, pure=False)
    assert finder.find_spec("kg.stage") is None  # as compiled: the ordinary finders take the extension
    assert finder.find_spec("kg.other") is None and finder.find_spec("rdflib.stage") is None
    (tmp_path / "stage.py").write_text("VALUE = 2\n")
    assert finder.find_spec("kg.stage").origin == str(tmp_path / "stage.py")
    (tmp_path / "stage.py").write_text("VALUE = 1\n")
    assert SourceWhenStale(tmp_path, pure=True).find_spec("kg.stage").origin == str(tmp_path / "stage.py")
