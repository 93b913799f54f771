"""The Cython build (setup.py) compiles what a build runs, computes the same bytes as the sources,
and never hides an edited source (kg/_compiled.py)."""
import ast
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

from kg._compiled import MANIFEST, SourceWhenStale, read_manifest, source_digest
from tests.conftest import CORPUS, ROOT

KG = ROOT / "kg"

BUILD_AND_REPORT = """
import json, sys
from pathlib import Path
from kg.pipeline import build
from kg._compiled import compiled_modules
from types import SimpleNamespace
from kg.merge import document_key
build(Path(sys.argv[1]), Path(sys.argv[2]), ["ttl", "nt"], ner="rules", html=True, show_progress=False, jobs=1)
key = document_key(SimpleNamespace(source_file="a.txt", sha256="00ff", published="2020-01-02"))
print(json.dumps({"document_key": key.hex(), "imported": sorted(m[3:] for m in sys.modules if m.startswith("kg.") and m.count(".") == 1),
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
    return {m for m, digest in read_manifest(KG).items() if source_digest(KG / f"{m}.py") == digest}


def build_record(out: Path) -> dict:
    """build.json without the files' times."""
    record = json.loads((out / "build.json").read_text())
    record["files"] = {name: info["bytes"] for name, info in record["files"].items()}
    return record


@pytest.mark.skipif(bool(os.environ.get("KG_NO_COMPILE")), reason="KG_NO_COMPILE: installed as pure Python")
def test_the_compiled_modules_are_the_ones_a_build_imports_and_give_the_same_bytes(tmp_path):
    # `make install` compiled every listed module (CI has Cython and gcc); one edited since loads from source
    assert read_manifest(KG), "no compiled modules: run `make install` (needs Cython and a C compiler)"
    compiled = build_in_fresh_process(tmp_path / "compiled")
    pure = build_in_fresh_process(tmp_path / "pure", KG_PURE="1")
    top_level = {m for m in compiled["imported"] if m != "_compiled" and (KG / f"{m}.py").exists()}
    assert top_level == compiled_list()
    assert pure["compiled"] == []
    assert set(compiled["compiled"]) == unchanged_since_compiled() & compiled_list()
    assert compiled["document_key"] == pure["document_key"]  # the incremental merge's keys
    for name in ("graph.ttl", "graph.nt", "graph.html"):
        assert (tmp_path / "compiled" / name).read_bytes() == (tmp_path / "pure" / name).read_bytes()
    assert build_record(tmp_path / "compiled") == build_record(tmp_path / "pure")  # corpus digest, counts


#: A backslash and an octal digit inside an f-string: Cython 3.1 keeps it as two characters
#: (f"{a}\0{b}" gives 'a\\0b' compiled, 'a\x00b' in Python); write \x00 instead.
OCTAL_ESCAPE = re.compile(r"(?<!\\)\\[0-7]")


@pytest.mark.parametrize("module", sorted(compiled_list()))
def test_no_compiled_module_has_an_octal_escape_in_an_f_string(module):
    source = (KG / f"{module}.py").read_text(encoding="utf-8")
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        prefix = re.match(r"[A-Za-z]*", tok.string).group().lower() if tok.type == tokenize.STRING else ""
        assert not ("f" in prefix and "r" not in prefix and OCTAL_ESCAPE.search(tok.string)), \
            f"kg/{module}.py:{tok.start[0]}: octal escape in an f-string"


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
    (tmp_path / "stage.py").unlink()  # a compiled copy whose source is gone is not imported
    with pytest.raises(ModuleNotFoundError, match="make compiled"):
        finder.find_spec("kg.stage")
