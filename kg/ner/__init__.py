"""kg's Stanza NER: training data, training, model card, tagging backend and the union policy."""
