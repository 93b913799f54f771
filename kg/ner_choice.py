"""Which recognizers a build runs: an NER backend found by name (Stanza when a model is found, or
whichever backend is demanded), else the rules.

Deciding needs no model load (`ner_available`), so `--jobs` workers load their own; the
version string (`model_version`) keys the result cache, so a retrained model is a cache miss.
"""
from __future__ import annotations

from kg.ner.backend import NerBackend, backend_class, load_backend

#: The backend 'auto' picks when its model is there.
DEFAULT_BACKEND = "stanza"


def choose_ner(mode: str, notices: list[str]) -> NerBackend | None:
    """'auto': Stanza when a model is found, else rules with one notice; a backend's name requires
    that backend. The backend comes through the one protocol (`kg.ner.backend`), loaded."""
    name = ner_available(mode, notices)
    return None if name == "rules" else load_backend(name)


def ner_available(mode: str, notices: list[str]) -> str:
    """The NER a build will run ('rules' or a backend's name) without loading the model."""
    if mode == "rules":
        return "rules"
    name = DEFAULT_BACKEND if mode == "auto" else mode
    if backend_class(name).available():
        return name
    if mode != "auto":
        raise FileNotFoundError(_missing_model(name))
    notices.append("no Stanza NER model; using gazetteer and patterns only "
                   "(run `make model` or `kg models download`)")
    return "rules"


def _missing_model(name: str) -> str:
    if name == "stanza":
        from kg import stanza_ner

        return f"no Stanza NER model in {stanza_ner.models_dir()}"
    return f"no model for NER backend {name!r}"


def model_version(ner_mode: str) -> str:
    """What identifies the NER model a result came from: size and time of the local model file."""
    if ner_mode == "rules":
        return "rules"
    if ner_mode != "stanza":
        return ner_mode
    from kg import stanza_ner

    d = stanza_ner.local_model_dir()
    model = d / stanza_ner.MODEL_NAME
    if model.exists():
        st = model.stat()
        return f"local-{st.st_size}-{int(st.st_mtime)}"
    return "official" if stanza_ner.official_model_available() else "rules"
