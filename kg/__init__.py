"""kg: knowledge graphs from Arabic news (README.md)."""
from kg import _compiled

_compiled.install()
