"""Stanza NER speed on the same sentences: Stanza's own Pipeline against kg's backend.

    python benchmarks/ner_speed.py --articles 200            # the local model (models/ar-ner-local)
    python benchmarks/ner_speed.py --model DIR --threads 1 2

The sentences are those of the bench corpus (benchmarks/bench.py's make_corpus: real corpus
sentences recombined into N articles). For each thread count it times Stanza's Pipeline
(pre-tokenized, its default batch size), kg's length-sorted batches in float, and the same
with int8 dynamic quantization; and it reports how many sentences' tags differ from Stanza's.
Prints a Markdown table; nothing is written.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def bench_sentences(n: int) -> list[list[str]]:
    from bench import make_corpus

    from kg.documents import read_corpus
    from kg.text import split_sentences

    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp), n)
        docs, _, _ = read_corpus(Path(tmp))
    return [[t.text for t in s.tokens] for d in docs for s in split_sentences(d.text) if s.tokens]


def timed(tagger, sentences) -> tuple[float, list]:
    from kg.stanza_ner import tag_sentences

    start = time.perf_counter()
    spans = [x for i in range(0, len(sentences), 2000) for x in tag_sentences(tagger, sentences[i:i + 2000])]
    return time.perf_counter() - start, spans


def main() -> None:
    from kg import stanza_ner

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    sentences = bench_sentences(args.articles)
    tokens = sum(map(len, sentences))
    print(f"{args.articles} articles, {len(sentences)} sentences, {tokens} tokens\n")
    print("| threads | backend | seconds | articles/s | speed-up | sentences tagged differently |")
    print("|---|---|---|---|---|---|")
    for threads in args.threads:
        own = stanza_ner.load_pipeline(args.model, threads=threads, backend="stanza")
        base, reference = timed(own, sentences)
        print(f"| {threads} | Stanza Pipeline | {base:.1f} | {args.articles / base:.1f} | 1.00 | - |", flush=True)
        for name, quantize in (("kg, length-sorted", False), ("kg, length-sorted, int8", True)):
            tagger = stanza_ner.load_pipeline(args.model, threads=threads, quantize=quantize)
            seconds, spans = timed(tagger, sentences)
            differ = sum(a != b for a, b in zip(spans, reference))
            print(f"| {threads} | {name} | {seconds:.1f} | {args.articles / seconds:.1f} | "
                  f"{base / seconds:.2f} | {differ} of {len(sentences)} |", flush=True)


if __name__ == "__main__":
    main()
