"""`make bench`: throughput, memory, workers and incremental rebuilds of `kg build`.

Builds a synthetic corpus of real sentences (UD English-EWT, GUM and PUD text from the
shared corpora, plus paragraphs of the bundled articles so that relations occur), then
measures in one run on this machine:

- bare `nlp.pipe` throughput of the packaged spaCy pipeline against end-to-end `kg build`
  throughput (reading, actor ruler, linking, relations, claims and every export), in
  ``--rounds`` alternating rounds (default 2), best pass of each;
- peak RSS of `kg build` at 250k, 500k and 1M words;
- `--workers 2` against `--workers 1`;
- an incremental rebuild after adding one document (analysis cache), and that its outputs
  are byte-identical to a full rebuild;
- export times of claims.jsonl, Turtle and HTML.

Usage: python benchmarks/run.py [--corpora ../shared/corpora] [--docs 2000] [--words 1000000]
                               [--rounds 2] [--json FILE]
       python benchmarks/run.py --smoke     (a tiny run from sources/ only, used by the tests)
"""

from __future__ import annotations

import argparse
import filecmp
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUTPUTS = (
    "claims.jsonl",
    "actors.json",
    "documents.json",
    "graph.ttl",
    "graph.graphml",
    "graph.html",
)


def corpus_sentences(corpora: Path) -> list[str]:
    files = [
        corpora / "ud-english-ewt" / "en_ewt-ud-train.conllu",
        corpora / "ud-english-pud" / "en_pud-ud-test.conllu",
        *sorted((corpora / "gum" / "dep").glob("*.conllu")),
    ]
    sentences = []
    for file in files:
        if not file.exists():
            continue
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                text = line[9:].strip()
                if len(text.split()) >= 4:
                    sentences.append(text)
    if not sentences:
        raise SystemExit(f"no sentences found under {corpora}: pass --corpora")
    return sentences


def article_paragraphs() -> list[str]:
    from kg.documents import load_documents

    docs, _ = load_documents([REPO / "sources"])
    paragraphs = []
    for doc in docs:
        paragraphs += [p.strip() for p in doc.text.split("\n\n") if len(p.split()) > 12]
    return paragraphs


def make_corpus(
    folder: Path, sentences: list[str], paragraphs: list[str], docs: int, words: int
) -> list[Path]:
    """`docs` documents of about words/docs words each; every third one quotes an article."""
    rng = random.Random(20261122)
    per_doc = max(50, words // docs)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(docs):
        parts: list[str] = []
        count = 0
        if n % 3 == 0:
            para = rng.choice(paragraphs)
            parts.append(para)
            count += len(para.split())
        while count < per_doc:
            chunk = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
            parts.append(chunk)
            count += len(chunk.split())
        path = folder / f"doc{n:05d}.md"
        path.write_text(
            f"---\ntitle: Synthetic document {n}\n---\n" + "\n\n".join(parts) + "\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def corpus_words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def child(args: argparse.Namespace) -> None:
    """Run one build in this process and print its figures as JSON (peak RSS is this process')."""
    from kg.build import build_graph, write_outputs
    from kg.export.html import write_html
    from kg.export.jsonl import write_claims_jsonl
    from kg.export.rdf import write_rdf

    paths = [Path(line) for line in Path(args.list).read_text().split()]
    started = time.perf_counter()
    result = build_graph(paths, workers=args.workers, cache_dir=args.cache)
    analysed = time.perf_counter()
    out = Path(args.out)
    write_outputs(result.graph, out)
    total = time.perf_counter() - started
    timings = {}
    for name, fn, file in (
        ("claims.jsonl", write_claims_jsonl, "c.jsonl"),
        ("turtle", write_rdf, "g.ttl"),
        ("html", write_html, "g.html"),
    ):
        t = time.perf_counter()
        fn(result.graph, out / f".bench-{file}")
        timings[name] = round(time.perf_counter() - t, 2)
        (out / f".bench-{file}").unlink()
    print(
        json.dumps(
            {
                "words": result.words,
                "documents": result.documents,
                "claims": len(result.graph.claims),
                "seconds_total": round(total, 2),
                "seconds_analysis": round(analysed - started, 2),
                "words_per_second": round(result.words / total, 1),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "export_seconds": timings,
                "cache": {"hits": result.cache_hits, "misses": result.cache_misses},
            }
        )
    )


def run_child(
    paths: list[Path], out: Path, work: Path, *, workers: int = 1, cache: Path | None = None
) -> dict:
    listing = work / f"list-{len(paths)}-{workers}-{time.monotonic_ns()}.txt"
    listing.write_text("\n".join(str(p) for p in paths))
    cmd = [
        sys.executable,
        __file__,
        "--child",
        "--list",
        str(listing),
        "--out",
        str(out),
        "--workers",
        str(workers),
    ]
    if cache is not None:
        cmd += ["--cache", str(cache)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def bare_pipe(paths: list[Path]) -> dict:
    """Throughput of the packaged spaCy pipeline alone, on the same texts."""
    import spacy

    from kg.documents import load_documents
    from kg.nlp.pipeline import packaged_model_path  # also registers the tok2vec architecture

    nlp = spacy.load(packaged_model_path())
    docs, _ = load_documents(paths)
    texts = [d.text for d in docs]
    started = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=32):
        words += sum(1 for t in doc if not t.is_space and not t.is_punct)
    seconds = time.perf_counter() - started
    return {
        "words": words,
        "seconds": round(seconds, 2),
        "words_per_second": round(words / seconds, 1),
    }


def same_outputs(a: Path, b: Path) -> bool:
    return all(filecmp.cmp(a / name, b / name, shallow=False) for name in OUTPUTS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="alternating bare / kg build rounds; the best pass of each is compared",
    )
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--list", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--cache", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        paragraphs = article_paragraphs()
        if args.smoke:
            sentences = [
                s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if len(s.split()) > 3
            ]
            docs, words = 12, 3000
        else:
            sentences, docs, words = corpus_sentences(args.corpora), args.docs, args.words
        paths = make_corpus(work / "corpus", sentences, paragraphs, docs + 1, words + words // docs)
        extra, paths = paths[-1], paths[:-1]
        total = corpus_words(paths)
        print(f"corpus: {len(paths)} documents, {total:,} words (whitespace tokens)", flush=True)
        figures: dict[str, object] = {"documents": len(paths), "whitespace_words": total}

        # The machine's speed drifts by 10-15% over minutes (a shared VM) and the passes run
        # one after the other: alternate them for --rounds rounds and compare the best
        # (fastest) pass of each, the usual estimate of a program's speed under noise.
        # Each round's 2-worker build fills its own analysis cache (keys depend on content
        # and pipeline version, not on the number of workers); the incremental rebuild
        # reuses the last one.
        bares, fulls, twos = [], [], []
        for round_ in range(1, args.rounds + 1):
            bare = bare_pipe(paths)
            bares.append(bare)
            print(f"round {round_}: bare nlp.pipe: {bare}", flush=True)
            full = run_child(paths, work / "out-full", work, workers=1)
            fulls.append(full)
            print(f"round {round_}: kg build, 1 worker: {full}", flush=True)
            cache = work / f"cache-{round_}"
            two = run_child(paths, work / "out-w2", work, workers=2, cache=cache)
            twos.append(two)
            print(f"round {round_}: kg build, 2 workers: {two}", flush=True)
        bare = min(bares, key=lambda b: b["seconds"])
        full = min(fulls, key=lambda f: f["seconds_total"])
        two = min(twos, key=lambda f: f["seconds_total"])
        figures["rounds"] = args.rounds
        figures["bare_nlp_pipe"] = bare
        figures["kg_build_workers_1"] = full
        figures["ratio_end_to_end_to_bare"] = round(
            full["words_per_second"] / bare["words_per_second"], 3
        )
        figures["ratio_per_round"] = [
            round(f["words_per_second"] / b["words_per_second"], 3)
            for b, f in zip(bares, fulls, strict=True)
        ]
        print(
            f"ratio (best kg build / best bare pass): {figures['ratio_end_to_end_to_bare']}; "
            f"per round: {figures['ratio_per_round']}",
            flush=True,
        )
        figures["kg_build_workers_2"] = two
        figures["speedup_workers_2"] = round(full["seconds_total"] / two["seconds_total"], 3)
        figures["speedup_workers_2_per_round"] = [
            round(f["seconds_total"] / t["seconds_total"], 3)
            for f, t in zip(fulls, twos, strict=True)
        ]
        figures["workers_2_same_output"] = same_outputs(work / "out-full", work / "out-w2")
        print(
            f"--workers 2 speed-up (best / best): {figures['speedup_workers_2']}; "
            f"per round: {figures['speedup_workers_2_per_round']}",
            flush=True,
        )

        memory = {}
        for share, label in ((0.25, "250k"), (0.5, "500k")):
            subset = paths[: max(1, int(len(paths) * share))]
            memory[label] = run_child(subset, work / f"out-{label}", work)["peak_rss_mb"]
        memory["1M"] = full["peak_rss_mb"]
        figures["peak_rss_mb"] = memory
        figures["rss_1M_over_250k"] = round(memory["1M"] / memory["250k"], 3)
        print(f"peak RSS (MB): {memory}", flush=True)

        incremental = run_child([*paths, extra], work / "out-inc", work, workers=1, cache=cache)
        run_child([*paths, extra], work / "out-rebuilt", work, workers=2)
        figures["incremental"] = {
            "seconds": incremental["seconds_total"],
            "share_of_full_build": round(incremental["seconds_total"] / full["seconds_total"], 4),
            "cache": incremental["cache"],
            "identical_to_full_rebuild": same_outputs(work / "out-inc", work / "out-rebuilt"),
        }
        print(f"incremental rebuild: {figures['incremental']}", flush=True)
        figures["export_seconds_1M"] = full["export_seconds"]
        print(json.dumps(figures, indent=1))
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
