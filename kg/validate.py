"""SHACL validation of a graph against ontologies/shapes.ttl (the contract as shapes)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Namespace

from kg.knowledge import ONTOLOGY_DIR

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


def validate(graph: Graph, shapes: Path | None = None) -> list[Violation]:
    from pyshacl import validate as shacl

    shapes_graph = Graph().parse(shapes or ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    ontology = Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    conforms, report, _ = shacl(graph, shacl_graph=shapes_graph, ont_graph=ontology, inference="none")
    out = []
    for r in report.subjects(SH.resultSeverity, SH.Violation):
        out.append(Violation(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath) or ""),
                             str(report.value(r, SH.resultMessage) or "")))
    return sorted(out, key=str)
