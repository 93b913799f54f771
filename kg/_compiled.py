"""Which kg modules load compiled (setup.py's Cython build) and which from their source.

A compiled module is used only while its source is the one it was compiled from (the build
records each source's sha256 in _compiled.json): an edited, merged or checked-out module loads
from its source until `make compiled` (or a fresh install) compiles it again, so a compiled copy
never hides a change. `KG_PURE=1` loads every module from source (cProfile and debuggers see
Python frames). setup.py loads this file by path: it imports nothing of kg.
"""
from __future__ import annotations

import hashlib
import importlib.abc
import importlib.util
import json
import os
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
MANIFEST = "_compiled.json"


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifest(package_dir: Path, digests: dict[str, str]) -> None:
    (package_dir / MANIFEST).write_text(json.dumps(digests, indent=0, sort_keys=True) + "\n")


def read_manifest(package_dir: Path) -> dict[str, str]:
    try:
        return json.loads((package_dir / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}


class SourceWhenStale(importlib.abc.MetaPathFinder):
    """Finds `kg.NAME` at kg/NAME.py when the compiled NAME is stale or pure Python is asked for;
    otherwise leaves it to the ordinary finders (which prefer the extension module). A compiled
    copy whose source is gone is not imported: the module is missing, as it would be on CI."""

    def __init__(self, package_dir: Path, pure: bool):
        self.package_dir = package_dir
        self.pure = pure
        self.recorded = read_manifest(package_dir)

    def compiled_is_current(self, name: str) -> bool:
        digest = self.recorded.get(name)
        return not self.pure and digest is not None and source_digest(self.package_dir / f"{name}.py") == digest

    def find_spec(self, fullname, path=None, target=None):
        package, _, name = fullname.rpartition(".")
        if package != "kg" or not name:
            return None
        source = self.package_dir / f"{name}.py"
        if not source.exists():
            if name in self.recorded or any(self.package_dir.glob(f"{name}.*.so")):
                raise ModuleNotFoundError(f"No module named {fullname!r} (only a compiled copy is left: "
                                          "run `make compiled`)", name=fullname)
            return None
        if self.compiled_is_current(name):
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def install(package_dir: Path = PACKAGE) -> SourceWhenStale | None:
    """Put the finder first on sys.meta_path (once) when a compiled module is beside the sources."""
    if not any(package_dir.glob("*.so")) and not any(package_dir.glob("*.pyd")):
        return None
    for finder in sys.meta_path:
        if type(finder).__name__ == "SourceWhenStale" and getattr(finder, "package_dir", None) == package_dir:
            return finder
    finder = SourceWhenStale(package_dir, pure=bool(os.environ.get("KG_PURE")))
    sys.meta_path.insert(0, finder)
    return finder


def compiled_modules() -> list[str]:
    """The kg modules this process loaded from compiled code (tests/test_compiled.py)."""
    return sorted(name for name, module in sys.modules.items()
                  if name.startswith("kg.") and str(getattr(module, "__file__", "")).endswith((".so", ".pyd")))
