"""Which recognizers a build runs: Stanza when a model is found (or demanded), else the rules.

Deciding needs no model load (`ner_available`), so `--jobs` workers load their own; the
version string (`model_version`) keys the result cache, so a retrained model is a cache miss.
"""
from __future__ import annotations


def choose_ner(mode: str, notices: list[str]):
    """'auto': Stanza when a model is found, else rules with one notice; 'stanza' requires one."""
    if ner_available(mode, notices) == "rules":
        return None
    from kg import stanza_ner

    return stanza_ner.load_pipeline()


def ner_available(mode: str, notices: list[str]) -> str:
    """The NER mode a build will run ('stanza' or 'rules') without loading the model."""
    if mode == "rules":
        return "rules"
    from kg import stanza_ner

    if stanza_ner.local_model_available() or stanza_ner.official_model_available():
        return "stanza"
    if mode == "stanza":
        raise FileNotFoundError(f"no Stanza NER model in {stanza_ner.models_dir()}")
    notices.append("no Stanza NER model; using gazetteer and patterns only "
                   "(run `make model` or `kg models download`)")
    return "rules"


def model_version(ner_mode: str) -> str:
    """What identifies the NER model a result came from: size and time of the local model file."""
    if ner_mode == "rules":
        return "rules"
    from kg import stanza_ner

    d = stanza_ner.local_model_dir()
    model = d / stanza_ner.MODEL_NAME
    if model.exists():
        st = model.stat()
        return f"local-{st.st_size}-{int(st.st_mtime)}"
    return "official" if stanza_ner.official_model_available() else "rules"
