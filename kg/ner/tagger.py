"""A fast tagging backend for kg's local Stanza NER model: same model, same decoder, less waste.

Stanza's Pipeline wraps every call in Documents and cuts sentences into batches in the order it
gets them, so one long sentence pads a whole batch. `NerTagger` loads the same Trainer, sorts the
sentences by length so each batch holds sentences of about one length, bounds a batch by tokens,
keeps torch to the cores it is given, and can quantize the LSTM and linear layers to int8
(`torch.ao.quantization.quantize_dynamic`). Predictions go through Stanza's own `Trainer.predict`
(CRF Viterbi decoding), so only the batching and the arithmetic differ from the Pipeline's.
"""
from __future__ import annotations

import logging
from pathlib import Path

#: Sentences per batch and tokens per batch: a batch stops at whichever comes first.
BATCH_SENTENCES = 128
BATCH_TOKENS = 4000

Span = tuple[int, int, str]


class NerTagger:
    """Stanza's NER Trainer on the CPU, fed length-sorted batches of pre-tokenized sentences."""

    def __init__(self, model_path: Path, pretrain_path: Path, quantize: bool = False):
        from stanza.models.common.pretrain import Pretrain
        from stanza.models.ner.trainer import Trainer

        logging.getLogger("stanza").setLevel(logging.WARNING)
        pretrain = Pretrain(str(pretrain_path))
        self.trainer = Trainer(model_file=str(model_path), pretrain=pretrain, device="cpu")
        self.trainer.model.eval()
        self.quantized = False
        if quantize:
            self.quantize()

    def quantize(self) -> None:
        """int8 weights for the LSTMs and linear layers; activations stay float (dynamic)."""
        import warnings

        import torch

        with warnings.catch_warnings():  # torch announces a move of this API to torchao
            warnings.simplefilter("ignore")
            from torch.ao.quantization import quantize_dynamic

            self.trainer.model = quantize_dynamic(self.trainer.model, {torch.nn.LSTM, torch.nn.Linear},
                                                  dtype=torch.qint8)
        self.quantized = True

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIOES tags per token of each sentence, in the order given."""
        import torch

        import warnings

        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        tags: list[list[str] | None] = [None] * len(sentences)
        with torch.inference_mode(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # quantized LSTMs warn on every call
            for batch in _length_batches(order, sentences):
                predicted = self.trainer.predict(self._batch([sentences[i] for i in batch]))
                for i, seq in zip(batch, predicted):
                    tags[i] = list(seq)
        return [t or [] for t in tags]

    def _batch(self, sentences: list[list[str]]):
        """One batch in the form Stanza's NER DataLoader yields, built without a Document."""
        from stanza.models.ner.data import DataLoader

        loader = DataLoader.__new__(DataLoader)
        loader.vocab, loader.args, loader.eval = self.trainer.vocab, self.trainer.args, True
        data = [[[w, ("O",)] for w in s] for s in sentences]
        loader.data = [loader.preprocess(data, loader.vocab, loader.args)]
        return loader[0]


def _length_batches(order: list[int], sentences: list[list[str]]):
    """Consecutive runs of the length-sorted indices, at most BATCH_SENTENCES / BATCH_TOKENS."""
    batch: list[int] = []
    longest = 0
    for i in order:
        longest = max(longest, len(sentences[i]))
        if batch and (len(batch) >= BATCH_SENTENCES or longest * (len(batch) + 1) > BATCH_TOKENS):
            yield batch
            batch, longest = [], len(sentences[i])
        batch.append(i)
    if batch:
        yield batch


def spans_from_tags(tags: list[str]) -> list[Span]:
    """(first token, end token, label) spans of a BIOES (or BIO) tag sequence."""
    spans: list[Span] = []
    start, label = None, None
    for i, tag in enumerate(tags):
        kind, _, name = (tag or "O").partition("-")
        if kind in ("B", "S") or kind == "O" or (kind in ("I", "E") and name != label):
            if start is not None:
                spans.append((start, i, label))
            start, label = (i, name) if kind != "O" else (None, None)
        if kind in ("S", "E") and start is not None:
            spans.append((start, i + 1, label))
            start, label = None, None
    if start is not None:
        spans.append((start, len(tags), label))
    return spans
