"""One module per NER backend; each defines `Backend` (see kg.ner.backend)."""
