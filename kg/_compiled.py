"""Which kg modules load compiled (setup.py's Cython build) and which from their source.

A compiled module is used only while its source is the one it was compiled from (the build
records each source's sha256 in _compiled.json): an edited, merged or checked-out module loads
from its source until the next `make install`, so a compiled copy never hides a change.
`KG_PURE=1` loads every module from source (cProfile and debuggers see Python frames).
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


class SourceWhenStale(importlib.abc.MetaPathFinder):
    """Finds `kg.NAME` at kg/NAME.py when the compiled NAME is stale or pure Python is asked for;
    otherwise leaves it to the ordinary finders (which prefer the extension module)."""

    def __init__(self, package_dir: Path, pure: bool):
        self.package_dir = package_dir
        self.pure = pure
        try:
            self.recorded = json.loads((package_dir / MANIFEST).read_text())
        except (OSError, ValueError):
            self.recorded = {}

    def compiled_is_current(self, name: str) -> bool:
        source = self.package_dir / f"{name}.py"
        digest = self.recorded.get(name)
        return (not self.pure and digest is not None and source.exists()
                and hashlib.sha256(source.read_bytes()).hexdigest() == digest)

    def find_spec(self, fullname, path=None, target=None):
        package, _, name = fullname.rpartition(".")
        if package != "kg" or not name:
            return None
        source = self.package_dir / f"{name}.py"
        if not source.exists() or self.compiled_is_current(name):
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def install(package_dir: Path = PACKAGE) -> SourceWhenStale | None:
    """Put the finder first on sys.meta_path when any compiled module is beside the sources."""
    if not any(package_dir.glob("*.so")) and not any(package_dir.glob("*.pyd")):
        return None
    finder = SourceWhenStale(package_dir, pure=bool(os.environ.get("KG_PURE")))
    sys.meta_path.insert(0, finder)
    return finder


def compiled_modules() -> list[str]:
    """The kg modules loaded from compiled code in this process (for `kg --version`-like reports
    and tests)."""
    return sorted(name for name, module in sys.modules.items()
                  if name.startswith("kg.") and str(getattr(module, "__file__", "")).endswith((".so", ".pyd")))
