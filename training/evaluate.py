"""All quality figures of a pipeline directory, on held-out test data.

    python training/evaluate.py kg/models/en_kg_news [--corpora ../shared/corpora]
        [--json training/work/eval.json] [--no-speed] [--no-kg]

Figures (see docs/model-quality.md):

* UD English-EWT test: UAS, LAS (spaCy scorer: punctuation excluded; also reported with
  punctuation), tag/POS/morph/lemma accuracy, sentence F1, tokenisation accuracy. Run on
  the raw text (spaCy's tokenizer) and, separately, on the gold tokens.
* NER F1 (statistical model alone) on UNER English-EWT test and UNER English-PUD, labels
  PER/LOC/ORG (predicted PERSON->PER, GPE/LOC/FAC->LOC, ORG->ORG; others ignored), exact
  character-offset match.
* PUD UAS/LAS (out of domain: news + Wikipedia).
* CrossNER politics test (training/eval_crossner.py).
* Speed in words/s (training/bench_speed.py) and directory size in MiB.

Each component is scored only on data that carries its annotation (all EWT/PUD test
documents have a parse, so spaCy's ``Scorer.score_deps`` missing-token bookkeeping, which
is not reset between documents, cannot leak across parse-less documents here).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpora as C  # noqa: E402

# predicted label -> UNER label
PRED_TO_UNER = {
    "PERSON": "PER",
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
}
GOLD_TO_UNER = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC"}

TARGETS = {
    "ewt_las": 0.80,
    "ewt_uas": 0.84,
    "uner_ewt_ner_f": 0.65,
    "pud_ner_f": 0.60,
    "crossner_kg_actors_f": 0.70,
    "words_per_second": 8000,
    "size_mb": 15.0,
}


def resolve(path: str | Path) -> Path:
    p = Path(path).expanduser()
    if p.is_absolute() or p.exists():
        return p.resolve()
    return (REPO / p).resolve()


def gold_docs(path: Path, vocab) -> list:
    return list(C.sentences_to_docs(vocab, C.read_conllu(path), C.ne_iob))


def predict(nlp, golds: list, tokenization: str = "raw") -> list:
    """Examples pairing each gold doc with the pipeline's prediction."""
    from spacy.tokens import Doc
    from spacy.training import Example

    if tokenization == "raw":
        inputs = [g.text for g in golds]
    else:
        inputs = [
            Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
            for g in golds
        ]
    preds = list(nlp.pipe(inputs, batch_size=64))
    return [Example(p, g) for p, g in zip(preds, golds, strict=True)]


def _dep_getter(token, attr):
    return getattr(token, attr + "_").lower()


def parse_scores(examples, pipe_names) -> dict:
    from spacy.scorer import Scorer

    out = {}
    out["token_acc"] = Scorer.score_tokenization(examples)["token_acc"]
    if "parser" in pipe_names:
        no_punct = Scorer.score_deps(
            examples, "dep", getter=_dep_getter, ignore_labels=("p", "punct")
        )
        with_punct = Scorer.score_deps(examples, "dep", getter=_dep_getter)
        out["uas"] = no_punct["dep_uas"]
        out["las"] = no_punct["dep_las"]
        out["uas_with_punct"] = with_punct["dep_uas"]
        out["las_with_punct"] = with_punct["dep_las"]
        out["sents_f"] = Scorer.score_spans(examples, "sents")["sents_f"]
    for attr, pipe in (("tag", "tagger"), ("pos", "morphologizer"), ("morph", "morphologizer")):
        if pipe in pipe_names:
            out[f"{attr}_acc"] = Scorer.score_token_attr(examples, attr)[f"{attr}_acc"]
    if "lemmatizer" in pipe_names:
        out["lemma_acc"] = Scorer.score_token_attr(examples, "lemma")["lemma_acc"]
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}


def ner_scores(examples, gold_map=GOLD_TO_UNER, pred_map=PRED_TO_UNER) -> dict:
    """Exact-match entity P/R/F on character offsets after mapping labels."""
    gold, pred = set(), set()
    for k, eg in enumerate(examples):
        for ent in eg.reference.ents:
            if ent.label_ in gold_map:
                gold.add((k, ent.start_char, ent.end_char, gold_map[ent.label_]))
        for ent in eg.predicted.ents:
            if ent.label_ in pred_map:
                pred.add((k, ent.start_char, ent.end_char, pred_map[ent.label_]))

    def prf(p, g):
        tp = len(p & g)
        pr = tp / len(p) if p else 0.0
        rc = tp / len(g) if g else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return {"p": round(pr, 4), "r": round(rc, 4), "f": round(f, 4), "n_gold": len(g)}

    out = prf(pred, gold)
    out["per_type"] = {
        lab: prf({x for x in pred if x[3] == lab}, {x for x in gold if x[3] == lab})
        for lab in sorted({x[3] for x in gold})
    }
    return out


def evaluate_all(
    model: Path, corpora: Path, speed: bool = True, kg: bool = True, crossner: bool = True
) -> dict:
    import bench_speed
    import spacy

    import kg.nlp.embed  # noqa: F401  (registers the Brown-cluster tok2vec)

    t0 = time.time()
    nlp = spacy.load(model)
    merged = corpora / "ewt-uner-merged"
    fig: dict = {
        "pipeline": nlp.pipe_names,
        "ner_labels": list(nlp.get_pipe("ner").labels) if "ner" in nlp.pipe_names else [],
    }

    ewt = gold_docs(merged / "test.conllu", nlp.vocab)
    raw = predict(nlp, ewt, "raw")
    fig["ewt_test_raw"] = parse_scores(raw, nlp.pipe_names)
    fig["uner_ewt_test_ner"] = ner_scores(raw)
    gold_tok = predict(nlp, ewt, "gold")
    fig["ewt_test_gold_tokens"] = parse_scores(gold_tok, nlp.pipe_names)
    fig["uner_ewt_test_ner_gold_tokens"] = ner_scores(gold_tok)

    pud = gold_docs(merged / "pud_test.conllu", nlp.vocab)
    pud_raw = predict(nlp, pud, "raw")
    fig["pud_test_raw"] = parse_scores(pud_raw, nlp.pipe_names)
    fig["uner_pud_test_ner"] = ner_scores(pud_raw)

    if crossner and (corpora / "crossner-politics" / "test.txt").exists():
        import eval_crossner

        fig["crossner_politics_test"] = eval_crossner.evaluate_crossner(model, corpora, kg=kg)

    if speed:
        fig["speed"] = bench_speed.measure(nlp, bench_speed.bench_texts(corpora))
    fig["size_mb"] = bench_speed.dir_size_mb(model)
    fig["summary"] = summary(fig)
    fig["eval_seconds"] = round(time.time() - t0, 1)
    return fig


def summary(fig: dict) -> dict:
    s = {
        "ewt_las": fig["ewt_test_raw"].get("las"),
        "ewt_uas": fig["ewt_test_raw"].get("uas"),
        "uner_ewt_ner_f": fig["uner_ewt_test_ner"]["f"],
        "pud_ner_f": fig["uner_pud_test_ner"]["f"],
        "size_mb": fig["size_mb"],
    }
    cr = fig.get("crossner_politics_test")
    if cr:
        s["crossner_statistical_collapsed_f"] = cr["statistical"]["collapsed"]["f"]
        kgp = cr.get("kg_pipeline", {})
        if "actors" in kgp:
            s["crossner_kg_actors_f"] = kgp["actors"]["f"]
    if "speed" in fig:
        s["words_per_second"] = fig["speed"]["words_per_second_median"]
    return s


def format_report(fig: dict) -> str:
    lines = ["| figure | value | target |", "|---|---|---|"]
    for key, value in fig["summary"].items():
        target = TARGETS.get(key)
        if target is None:
            mark = ""
        elif key == "size_mb":
            mark = f"<= {target} " + ("ok" if value <= target else "MISS")
        else:
            mark = f">= {target} " + ("ok" if value is not None and value >= target else "MISS")
        lines.append(f"| {key} | {value} | {mark} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("model", nargs="?", default="kg/models/en_kg_news")
    ap.add_argument("--corpora", default="../shared/corpora")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-kg", action="store_true", help="skip the kg pipeline CrossNER run")
    ap.add_argument("--no-crossner", action="store_true")
    args = ap.parse_args(argv)
    fig = evaluate_all(
        resolve(args.model),
        resolve(args.corpora),
        speed=not args.no_speed,
        kg=not args.no_kg,
        crossner=not args.no_crossner,
    )
    text = json.dumps(fig, indent=2)
    if args.json:
        Path(args.json).write_text(text + "\n")
    print(text)
    print(format_report(fig))
    return 0


if __name__ == "__main__":
    sys.exit(main())
