"""Compiles kg's per-article modules with Cython when it and a C compiler are at hand.

The sources stay plain Python and are the reference: a compiled module computes the same bytes
(tests/test_compiled.py builds with and without), only faster (README "Speed"). Without Cython or
a compiler the install goes on in pure Python; `KG_NO_COMPILE=1` asks for that.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

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

# plain Python semantics: annotations are not type declarations; locals' C types are inferred only
# where Cython proves them; functions without Python-level introspection (none reads it)
DIRECTIVES = {"language_level": 3, "annotation_typing": False, "infer_types": True, "binding": False}

MANIFEST = "_compiled.json"  # module -> sha256 of the source it was compiled from (kg/_compiled.py)


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class BuildCompiled(build_ext):
    """Builds the extensions in parallel, and records which source each one was compiled from,
    so that kg loads a module from its source once that source has changed (kg/_compiled.py)."""

    def finalize_options(self):
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self):
        super().run()
        built = {}
        for ext in self.extensions:
            name = ext.name.split(".")[-1]
            if Path(self.get_ext_fullpath(ext.name)).exists():
                built[name] = source_digest(HERE / "kg" / f"{name}.py")
        target = Path(self.get_ext_fullpath("kg.x")).parent / MANIFEST
        target.write_text(json.dumps(built, indent=0, sort_keys=True) + "\n")


def extensions() -> list:
    if os.environ.get("KG_NO_COMPILE"):
        return []
    try:
        from Cython.Build import cythonize
        from setuptools import Extension
    except ImportError:
        print("note: Cython is not installed; kg stays pure Python")
        return []
    modules = [Extension(f"kg.{m}", [f"kg/{m}.py"], optional=True) for m in COMPILED]
    return cythonize(modules, compiler_directives=DIRECTIVES, quiet=True,
                     nthreads=os.cpu_count() or 1, build_dir="build/cython")


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildCompiled})
