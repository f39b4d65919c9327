"""Measure the pipeline's throughput in words per second (single process, ``nlp.pipe``).

    python training/bench_speed.py kg/models/en_kg_news [--corpora ../shared/corpora]

Texts: the raw text of UD English-EWT test and PUD (news/wiki), in 10-sentence documents
(about 46k words). One warm-up pass over the first 50 documents, then ``--repeats`` timed
passes; words = non-whitespace tokens produced by the tokenizer. Reports the median and
best pass. Other processes on the machine slow this down: run it on an idle machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpora as C  # noqa: E402


def resolve(path: str | Path) -> Path:
    p = Path(path).expanduser()
    if p.is_absolute() or p.exists():
        return p.resolve()
    return (REPO / p).resolve()


def bench_texts(corpora: Path) -> list[str]:
    from spacy.vocab import Vocab

    vocab = Vocab()
    texts = []
    for name in ("test.conllu", "pud_test.conllu"):
        path = corpora / "ewt-uner-merged" / name
        texts.extend(d.text for d in C.sentences_to_docs(vocab, C.read_conllu(path), None))
    return texts


def measure(nlp, texts: list[str], repeats: int = 3, batch_size: int = 64) -> dict:
    for _ in nlp.pipe(texts[:50], batch_size=batch_size):
        pass
    rates = []
    n_words = 0
    for _ in range(repeats):
        n_words = 0
        start = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=batch_size):
            n_words += sum(1 for t in doc if not t.is_space)
        rates.append(n_words / (time.perf_counter() - start))
    return {
        "words": n_words,
        "docs": len(texts),
        "batch_size": batch_size,
        "repeats": repeats,
        "words_per_second_median": round(statistics.median(rates)),
        "words_per_second_best": round(max(rates)),
    }


def dir_size_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("model", nargs="?", default="kg/models/en_kg_news")
    ap.add_argument("--corpora", default="../shared/corpora")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args(argv)

    import spacy

    import kg.nlp.embed  # noqa: F401  (registers the Brown-cluster tok2vec)

    model = resolve(args.model)
    nlp = spacy.load(model)
    result = measure(nlp, bench_texts(resolve(args.corpora)), args.repeats, args.batch_size)
    result["pipeline"] = nlp.pipe_names
    result["size_mb"] = dir_size_mb(model)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
