"""Entity F1 on the CrossNER politics test split (evaluation only, never trained on).

    python training/eval_crossner.py kg/models/en_kg_news [--corpora ../shared/corpora]

Two set-ups:

* ``statistical``: the trained pipeline alone (``spacy.load``). It has no GPE label, so
  places are collapsed: gold country/location -> LOC, predicted GPE/LOC/FAC -> LOC;
  politician/person -> PERSON; politicalparty/organisation -> ORG.
* ``kg_pipeline``: ``kg.nlp.pipeline.load_nlp(model)`` (the same statistical model + the
  actor / gazetteer entity ruler), if that function is importable. Scored with the actor mapping
  (country -> GPE, politician/person -> PERSON, politicalparty/organisation -> ORG; other
  gold classes and predicted labels outside these three are ignored), and also collapsed
  as above.

Matching is exact on character offsets and label. Gold classes outside a scheme
(election/event/misc, and location in the actor scheme) are not scored, and predictions
that fall on such a span only are ignored (see ``score``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
if str(REPO) not in sys.path:
    sys.path.insert(1, str(REPO))

import corpora as C  # noqa: E402

GOLD_COLLAPSED = {
    "politician": "PERSON",
    "person": "PERSON",
    "politicalparty": "ORG",
    "organisation": "ORG",
    "country": "LOC",
    "location": "LOC",
}
PRED_COLLAPSED = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}

GOLD_ACTORS = {
    "politician": "PERSON",
    "person": "PERSON",
    "politicalparty": "ORG",
    "organisation": "ORG",
    "country": "GPE",
}
PRED_ACTORS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE"}


def resolve(path: str | Path) -> Path:
    p = Path(path).expanduser()
    if p.is_absolute() or p.exists():
        return p.resolve()
    return (REPO / p).resolve()


def load_sentences(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, gold spans as (start_char, end_char, crossner_label)) per sentence."""
    out = []
    for toks, tags in C.read_crossner(path):
        spaces = C.detok_spaces(toks)
        starts = []
        pos = 0
        for tok, sp in zip(toks, spaces, strict=True):
            starts.append(pos)
            pos += len(tok) + (1 if sp else 0)
        text = "".join(t + (" " if s else "") for t, s in zip(toks, spaces, strict=True))
        spans = []
        i = 0
        while i < len(tags):
            if tags[i] == "O":
                i += 1
                continue
            label = tags[i][2:]
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + label:
                j += 1
            spans.append((starts[i], starts[j - 1] + len(toks[j - 1]), label))
            i = j
        out.append((text, spans))
    return out


def prf(pred: set, gold: set) -> dict:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "n_gold": len(gold)}


def score(pred_docs, sentences, gold_map: dict, pred_map: dict) -> dict:
    """P/R/F over the mapped labels.

    Gold spans of classes outside ``gold_map`` (election, event, misc; location in the
    actor scheme) are not scored, and a prediction that overlaps such a span and no scored
    gold span is ignored rather than counted as a false positive ("United States" inside
    the election "2004 United States presidential election").
    """
    gold, pred = set(), set()
    ignored = 0
    for k, (doc, (_text, spans)) in enumerate(zip(pred_docs, sentences, strict=True)):
        scored = [(s, e) for s, e, label in spans if label in gold_map]
        unscored = [(s, e) for s, e, label in spans if label not in gold_map]
        for s, e, label in spans:
            if label in gold_map:
                gold.add((k, s, e, gold_map[label]))
        for ent in doc.ents:
            if ent.label_ not in pred_map:
                continue
            s, e = ent.start_char, ent.end_char
            if any(s < ue and us < e for us, ue in unscored) and not any(
                s < ge and gs < e for gs, ge in scored
            ):
                ignored += 1
                continue
            pred.add((k, s, e, pred_map[ent.label_]))
    result = prf(pred, gold)
    result["ignored_predictions"] = ignored
    labels = sorted({x[3] for x in gold})
    result["per_type"] = {
        lab: prf({x for x in pred if x[3] == lab}, {x for x in gold if x[3] == lab})
        for lab in labels
    }
    return result


def evaluate_nlp(nlp, sentences, schemes) -> dict:
    docs = list(nlp.pipe([t for t, _ in sentences], batch_size=64))
    return {name: score(docs, sentences, g, p) for name, (g, p) in schemes.items()}


def load_kg_pipeline(model: Path | None = None):
    """kg's production pipeline (statistical ``model`` + entity rulers), or (None, reason)."""
    try:
        from kg.nlp.pipeline import load_nlp
    except Exception as exc:  # any import problem means "not available"
        return None, f"kg.nlp.pipeline.load_nlp not importable: {exc!r}"
    try:
        try:
            return load_nlp(model), None
        except TypeError:  # an older signature without the model argument
            return load_nlp(), None
    except Exception as exc:
        return None, f"load_nlp() failed: {exc!r}"


def evaluate_crossner(model: Path, corpora: Path, split: str = "test", kg: bool = True) -> dict:
    import spacy

    import kg.nlp.embed  # noqa: F401  (registers the Brown-cluster tok2vec)

    sentences = load_sentences(corpora / "crossner-politics" / f"{split}.txt")
    result: dict = {"split": split, "sentences": len(sentences)}
    nlp = spacy.load(model)
    result["statistical"] = evaluate_nlp(
        nlp, sentences, {"collapsed": (GOLD_COLLAPSED, PRED_COLLAPSED)}
    )
    if kg:
        kg_nlp, err = load_kg_pipeline(model)
        if kg_nlp is None:
            result["kg_pipeline"] = {"error": err}
        else:
            result["kg_pipeline"] = evaluate_nlp(
                kg_nlp,
                sentences,
                {
                    "actors": (GOLD_ACTORS, PRED_ACTORS),
                    "collapsed": (GOLD_COLLAPSED, PRED_COLLAPSED),
                },
            )
            result["kg_pipeline"]["pipe_names"] = kg_nlp.pipe_names
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("model", nargs="?", default="kg/models/en_kg_news")
    ap.add_argument("--corpora", default="../shared/corpora")
    ap.add_argument("--split", default="test", choices=["test", "dev", "train"])
    ap.add_argument("--no-kg", action="store_true", help="skip kg.nlp.pipeline.load_nlp()")
    args = ap.parse_args(argv)
    result = evaluate_crossner(
        resolve(args.model), resolve(args.corpora), args.split, kg=not args.no_kg
    )
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
