"""A fast tagging backend for kg's local Stanza NER model: same model, same decoder, less waste.

Stanza's Pipeline wraps every call in Documents and cuts sentences into batches in the order it
gets them, so one long sentence pads a whole batch. `NerTagger` loads the same Trainer, sorts the
sentences by length so each batch holds sentences of about one length, bounds a batch by tokens,
keeps torch to the cores it is given, and can quantize the LSTM and linear layers to int8
(`torch.ao.quantization.quantize_dynamic`). Predictions go through Stanza's own `Trainer.predict`
(CRF Viterbi decoding), so only the batching and the arithmetic differ from the Pipeline's.
"""
from __future__ import annotations

import functools
import logging
from pathlib import Path

#: Sentences per batch and tokens per batch: a batch stops at whichever comes first.
BATCH_SENTENCES = 256
BATCH_TOKENS = 8000


class NerTagger:
    """Stanza's NER Trainer on the CPU, fed length-sorted batches of pre-tokenized sentences."""

    def __init__(self, model_path: Path, pretrain_path: Path, quantize: bool = False):
        from stanza.models.common.pretrain import Pretrain
        from stanza.models.ner.trainer import Trainer

        logging.getLogger("stanza").setLevel(logging.WARNING)
        pretrain = Pretrain(str(pretrain_path))
        self.trainer = Trainer(model_file=str(model_path), pretrain=pretrain, device="cpu")
        self.trainer.model.eval()
        if getattr(self.trainer.model, "charmodel", None) is not None and not self.trainer.model.charmodel.attn:
            self.trainer.model.charmodel = _distinct_word_chars_class()(self.trainer.model.charmodel)
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

        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        tags: list[list[str] | None] = [None] * len(sentences)
        with torch.inference_mode(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # quantized LSTMs warn on every call
            for batch in _length_batches(order, sentences):
                predicted = self._predict(self._batch([sentences[i] for i in batch]))
                for i, seq in zip(batch, predicted):
                    tags[i] = list(seq)
        return [t or [] for t in tags]

    def _predict(self, batch) -> list[list[str]]:
        """Trainer.predict's work, with the CRF's Viterbi run on the whole batch at once."""
        from stanza.models.common import utils
        from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
        from stanza.models.ner.trainer import fix_singleton_tags, unpack_batch

        inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = \
            unpack_batch(batch, "cpu")
        word, wordchars, wordchars_mask, chars, tags = inputs
        _, logits, trans = self.trainer.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens,
                                              wordlens, chars, charoffsets, charlens, char_orig_idx)
        paths = batched_viterbi(logits[0], trans[0], sentlens).clamp(min=VOCAB_PREFIX_SIZE).tolist()
        names = self._tag_names(logits[0].shape[-1])
        seqs = [fix_singleton_tags([names[t] for t in path[:n]]) for path, n in zip(paths, sentlens)]
        return utils.unsort(seqs, orig_idx)

    def _tag_names(self, count: int) -> list[str]:
        """Tag id -> tag, unmapped once through Stanza's vocab (as Trainer.predict does per token)."""
        if getattr(self, "_names", None) is None:
            vocab, column = self.trainer.vocab["tag"], self.trainer.args.get("predict_tagset") or 0
            unmapped = [vocab.unmap([(i,)])[0] for i in range(count)]  # prefix ids (pad, unk) unmap to []
            self._names = [(x[column] if x else "O") if isinstance(x, (list, tuple)) else x for x in unmapped]
        return self._names

    def _batch(self, sentences: list[list[str]]):
        """One batch in the form Stanza's NER DataLoader yields, built without a Document.

        With the distinct-word character model, the words' character rows stay in sentence
        order (no per-batch sort of every token, the loader's costliest step) and each word's
        character ids are looked up once per tagger.
        """
        import torch

        if not isinstance(getattr(self.trainer.model, "charmodel", None), _distinct_word_chars_class()):
            return self._stanza_batch(sentences)
        order = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
        words = [sentences[i] for i in order]
        sentlens = [len(w) for w in words]
        flat = [w for sent in words for w in sent]
        rows: dict[str, int] = {}
        inverse = torch.tensor([rows.setdefault(w, len(rows)) for w in flat])
        ids = [self._char_ids(w) for w in rows]
        distinct = torch.zeros(len(ids), max(map(len, ids)), dtype=torch.long)
        for r, row in enumerate(ids):
            distinct[r, :len(row)] = torch.tensor(row)
        wordchars = distinct[inverse]
        tags = torch.full((len(words), sentlens[0], 1), self._o_id, dtype=torch.long)
        for r, n in enumerate(sentlens):
            tags[r, n:] = 0  # padding
        return (words, wordchars, wordchars.eq(0), None, tags, order, None, None, sentlens,
                [len(w) for w in flat], None, None)

    def _char_ids(self, word: str) -> list[int]:
        ids = self._chars.get(word)
        if ids is None:
            chars = word.lower() if self.trainer.args.get("char_lowercase") else word
            ids = self._chars[word] = self.trainer.vocab["char"].map(list(chars))
        return ids

    @functools.cached_property
    def _chars(self) -> dict[str, list[int]]:
        return {}

    @functools.cached_property
    def _o_id(self) -> int:
        return self.trainer.vocab["tag"].map([("O",)])[0][0]

    def _stanza_batch(self, sentences: list[list[str]]):
        """The batch as Stanza's own DataLoader builds it (for character models kg does not wrap)."""
        from stanza.models.ner.data import DataLoader

        loader = DataLoader.__new__(DataLoader)
        loader.vocab, loader.args, loader.eval = self.trainer.vocab, self.trainer.args, True
        data = [[[w, ("O",)] for w in s] for s in sentences]
        loader.data = [loader.preprocess(data, loader.vocab, loader.args)]
        return loader[0]


@functools.lru_cache(maxsize=1)
def _distinct_word_chars_class():
    """The class below, defined on first use: kg imports torch only when it tags."""
    import torch
    from stanza.models.common.utils import tensor_unsort
    from torch.nn.utils.rnn import pack_padded_sequence, pack_sequence, pad_packed_sequence

    class DistinctWordChars(torch.nn.Module):
        """Stanza's character model run once per distinct word of a batch, not once per token.

        A word's character representation does not depend on its context, and news repeats
        its words: a batch of 128 sentences holds about half as many distinct words as tokens.
        Same computation as CharacterModel.forward (without attention), on the distinct rows.
        """

        def __init__(self, inner):
            super().__init__()
            self.inner = inner
            self.attn = False

        def forward(self, chars, chars_mask, word_orig_idx, sentlens, wordlens):
            inner = self.inner
            distinct, inverse = torch.unique(chars, dim=0, return_inverse=True)
            lengths, order = (distinct != 0).sum(1).sort(descending=True)  # 0: the padding id
            rows = distinct[order]
            n, size = rows.size(0), inner.args["char_hidden_dim"]
            layers = inner.num_dir * inner.args["char_num_layers"]
            embs = pack_padded_sequence(inner.char_emb(rows), lengths.tolist(), batch_first=True)
            _, (h, _) = inner.charlstm(embs, lengths.tolist(), hx=(
                inner.charlstm_h_init.expand(layers, n, size).contiguous(),
                inner.charlstm_c_init.expand(layers, n, size).contiguous()))
            per_row = h[-2:].transpose(0, 1).contiguous().view(n, -1)
            rank = torch.empty_like(order)
            rank[order] = torch.arange(n)
            res = per_row[rank[inverse]]
            if word_orig_idx is not None:  # Stanza's loader sorted the words by length
                res = tensor_unsort(res, word_orig_idx)
            res = pack_sequence(res.split(sentlens))
            return pad_packed_sequence(res, batch_first=True)[0] if inner.pad else res

    return DistinctWordChars


def batched_viterbi(scores, transitions, lengths: list[int]):
    """Best tag path of every sentence of a padded batch (B x T x C scores, C x C transitions):
    stanza.models.common.crf.viterbi_decode, one time step for all sentences at once."""
    import torch

    lengths_t = torch.tensor(lengths)
    trellis = scores[:, 0]
    backpointers = []
    for t in range(1, scores.shape[1]):
        best, pointer = (trellis.unsqueeze(2) + transitions).max(1)
        trellis = torch.where((lengths_t > t).unsqueeze(1), scores[:, t] + best, trellis)
        backpointers.append(pointer)
    current = trellis.argmax(1)
    path = torch.zeros(scores.shape[:2], dtype=torch.long)
    for t in range(scores.shape[1] - 1, -1, -1):
        started = lengths_t > t
        path[:, t] = torch.where(started, current, 0)
        if t > 0:
            previous = backpointers[t - 1].gather(1, current.unsqueeze(1)).squeeze(1)
            current = torch.where(started, previous, current)
    return path


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
