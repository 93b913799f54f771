"""Compiles kg's per-article modules with Cython when it and a C compiler are at hand.

The sources stay plain Python and are the reference: a compiled module computes the same bytes
(tests/test_compiled.py builds with and without), only faster (README "Speed"). Without Cython
or a working compiler the install goes on in pure Python; `KG_NO_COMPILE=1` asks for that.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent

# every top-level kg module a rules-only `kg build` imports (tests/test_compiled.py keeps this
# list equal to what a build imports); the CLI, the NER trainer and the world generator stay Python
COMPILED = tuple((
    "bare_titles base_operators bases bodies body_heads build_cache dates documents events events_dates "
    "events_marks events_places executors extract facilities facts geo graph homonyms identity knowledge "
    "knowledge_build knowledge_cache layout lexicon_schema link meeting_fold merge minister_lists model "
    "names ner_choice outlets output packed page_data phrase_index pipeline recognize runtime "
    "sentence_names sentence_view spill stages text title_names titles towns treaty_mentions trig visualize vocab"
).split())

# plain Python semantics: annotations are not type declarations and no local gets a C type
# (Cython's safe inference); functions carry no Python-level introspection (their docstrings are
# unchanged: `kg stages` prints them)
DIRECTIVES = {"language_level": 3, "annotation_typing": False, "binding": False}
# no debug symbols (a sixth of the size, half the compile time)
COMPILE_ARGS = ["-g0", "-O2"]


def _load_guard():
    """kg/_compiled.py by path (the package itself is not importable while it is being built)."""
    spec = importlib.util.spec_from_file_location("kg_compiled_guard", HERE / "kg" / "_compiled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildCompiled(build_ext):
    """Builds the extensions in parallel and records the source each one was compiled from, so
    that kg loads a module from its source once that source changes (kg/_compiled.py). A module
    is recorded only if its compiled file is at least as new as the C file Cython made from the
    current source: a compile that failed (optional) leaves an older file that is not used."""

    def finalize_options(self):
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self):
        guard = _load_guard()
        target_dir = Path(self.get_ext_fullpath("kg.x")).parent
        if self.inplace:  # compiled copies of modules no longer listed (or deleted) must not load
            for leftover in target_dir.glob("*.so"):
                if leftover.name.split(".")[0] not in COMPILED:
                    leftover.unlink()
        super().run()
        built = {}
        for ext in self.extensions:
            name, so, c_file = ext.name.split(".")[-1], Path(self.get_ext_fullpath(ext.name)), Path(ext.sources[0])
            if so.exists() and so.stat().st_mtime >= c_file.stat().st_mtime:
                built[name] = guard.source_digest(HERE / "kg" / f"{name}.py")
        guard.write_manifest(target_dir, built)


class BuildWithOntologies(build_py):
    """A wheel installs no folder beside kg/, so the ontologies/ kg reads (lexicons, gazetteer,
    ontology, shapes) go inside the package as kg/ontologies (kg.knowledge.ONTOLOGY_DIR)."""

    def run(self):
        super().run()
        if not self.editable_mode:
            target = Path(self.build_lib) / "kg" / "ontologies"
            target.mkdir(parents=True, exist_ok=True)
            for path in sorted((HERE / "ontologies").iterdir()):
                if path.is_file():
                    self.copy_file(str(path), str(target / path.name))


def extensions() -> list:
    if os.environ.get("KG_NO_COMPILE"):
        return []
    try:
        from Cython.Build import cythonize
        modules = cythonize([Extension(f"kg.{m}", [f"kg/{m}.py"], extra_compile_args=COMPILE_ARGS) for m in COMPILED],
                            compiler_directives=DIRECTIVES, quiet=True, nthreads=os.cpu_count() or 1,
                            build_dir="build/cython")
    except Exception as exc:  # no Cython, or a module Cython cannot translate: pure Python
        print(f"note: kg stays pure Python ({type(exc).__name__}: {exc})")
        return []
    for ext in modules:
        ext.optional = True  # cythonize() drops the flag: a failed compile leaves that module Python
    return modules


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildCompiled, "build_py": BuildWithOntologies})
