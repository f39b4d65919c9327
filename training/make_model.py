"""Build kg's English news pipeline (en_kg_news) from the open corpora: one entry point.

    python training/make_model.py --corpora ../shared/corpora --out kg/models/en_kg_news

Stages (all on by default):

1. convert  the corpora (see each folder's SOURCE.md) to .spacy files in training/work/corpus
2. train    with training/config.cfg (spaCy CLI trainer, CPU; Brown-cluster features) into training/work/output
3. package  model-best -> --out, with meta.json (licence, sources, accuracy)
4. evaluate on the held-out test sets (training/evaluate.py) and record the figures

Relative ``--corpora``/``--out``/``--work`` paths resolve against the repository root, not
the current directory.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import callbacks  # noqa: E402  (registers kg.time_limit.v1)
import corpora as C  # noqa: E402

PIPELINE_NAME = "kg_news"
PIPELINE_VERSION = "0.1.0"
LICENSE = "CC BY-SA 4.0"

SOURCES = [
    {
        "name": "UD English-EWT (Universal Dependencies English Web Treebank)",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Silveira et al. 2014; UD English-EWT contributors",
        "use": "train (tags, morphology, dependency parse); dev; test",
    },
    {
        "name": "Universal NER English-EWT",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Mayhew et al. 2024 (NAACL)",
        "use": "train NER (PER/LOC/ORG, 2022-12-02 train file); dev; test",
    },
    {
        "name": "GUM (Georgetown University Multilayer corpus), genres academic, bio, court, "
        "interview, news, voyage (GUM train/dev/test; GENTLE excluded)",
        "url": "https://github.com/amir-zeldes/gum",
        "license": "annotations CC BY 4.0; texts CC BY 4.0 (academic, court), "
        "CC BY-SA 3.0 (bio, voyage), CC BY 2.5 (news, interview)",
        "author": "Zeldes 2017 and GUM annotators",
        "use": "train (parse; named entities derived from person/place/organization mentions)",
    },
    {
        "name": "CrossNER politics (train split)",
        "url": "https://github.com/zliucr/CrossNER",
        "license": "MIT (repository); Wikipedia text CC BY-SA",
        "author": "Liu et al. 2021 (AAAI)",
        "use": "train NER only (no parse); the test split is evaluation only",
    },
    {
        "name": "UD English-PUD + UNER English-PUD",
        "url": "https://github.com/UniversalDependencies/UD_English-PUD",
        "license": "CC BY-SA 3.0 / CC BY-SA 4.0",
        "author": "CoNLL 2017 shared task; Mayhew et al. 2024",
        "use": "test only",
    },
    {
        "name": "spacy-lookups-data (English lemma rules, index, exceptions; lexeme norms; "
        "Brown clusters)",
        "url": "https://github.com/explosion/spacy-lookups-data",
        "license": "MIT",
        "author": "Explosion",
        "use": "rule lemmatizer tables; Brown cluster ids of the most probable English words "
        "(en_lexeme_cluster) as tok2vec features (vocab/lookups.bin)",
    },
]


def resolve(path: str | Path) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else (REPO / p).resolve()


def log(msg: str) -> None:
    print(f"[make_model {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --------------------------------------------------------------------------- convert
def convert(corpora: Path, out_dir: Path, crossner_repeat: int = 3) -> dict:
    """Write train.spacy / dev.spacy; return counts."""
    from spacy.vocab import Vocab

    vocab = Vocab()
    merged = corpora / "ewt-uner-merged"
    stats: dict = {}

    train_docs = list(C.sentences_to_docs(vocab, C.read_conllu(merged / "train.conllu"), C.ne_iob))
    stats["ewt_train_docs"] = len(train_docs)

    gum_dir = corpora / "gum"
    gum_docs = []
    if gum_dir.exists():
        for path in C.gum_files(gum_dir, split=None):
            gum_docs.extend(C.sentences_to_docs(vocab, C.read_conllu(path), C.gum_iob))
    stats["gum_train_docs"] = len(gum_docs)

    cross_docs = []
    cross_train = corpora / "crossner-politics" / "train.txt"
    if cross_train.exists():
        cross_docs = C.crossner_docs(vocab, cross_train, C.CROSSNER_TRAIN_MAP)
    stats["crossner_train_docs"] = len(cross_docs)
    stats["crossner_repeat"] = crossner_repeat

    all_train = train_docs + gum_docs + cross_docs * crossner_repeat
    stats["train_words"] = sum(len(d) for d in all_train)
    stats["train_ents"] = {}
    for d in all_train:
        for e in d.ents:
            stats["train_ents"][e.label_] = stats["train_ents"].get(e.label_, 0) + 1
    C.write_docbin(all_train, out_dir / "train.spacy")

    dev_docs = list(C.sentences_to_docs(vocab, C.read_conllu(merged / "dev.conllu"), C.ne_iob))
    stats["dev_docs"] = C.write_docbin(dev_docs, out_dir / "dev.spacy")
    (out_dir / "stats.json").write_text(json.dumps(stats, indent=2))
    return stats


# --------------------------------------------------------------------------- train
def train(config: Path, corpus_dir: Path, output: Path, overrides: dict) -> Path:
    from spacy.cli.train import train as spacy_train

    if output.exists():
        shutil.rmtree(output)
    all_overrides = {
        "paths.train": str(corpus_dir / "train.spacy"),
        "paths.dev": str(corpus_dir / "dev.spacy"),
        **overrides,
    }
    try:
        spacy_train(config, output, use_gpu=-1, overrides=all_overrides)
    except callbacks.TimeLimitReached as exc:
        log(f"stopped by the time limit: {exc}")
    best = output / "model-best"
    if not best.exists():
        best = output / "model-last"
    return best


def finetune(
    config: Path, base: Path, corpus_dir: Path, output: Path, steps: int, lr: float, overrides: dict
) -> Path:
    """Second stage: continue training every component of ``base`` at a lower learning rate.

    The config is ``config`` with each component replaced by ``source = base`` (spaCy then
    resumes training the sourced components instead of initialising them) and a constant
    batch size.
    """
    from spacy.util import load_config

    cfg = load_config(config, interpolate=False)
    for name in list(cfg["components"].keys()):
        cfg["components"][name] = {"source": str(base)}
    cfg["training"]["optimizer"]["learn_rate"] = lr
    cfg["training"]["batcher"]["size"]["start"] = cfg["training"]["batcher"]["size"]["stop"]
    cfg["training"]["max_steps"] = steps
    output.mkdir(parents=True, exist_ok=True)
    ft_config = output.parent / "finetune.cfg"
    cfg.to_disk(ft_config)
    return train(ft_config, corpus_dir, output, overrides)


# --------------------------------------------------------------------------- package
def package(model_dir: Path, out: Path, stats: dict, train_info: dict) -> None:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(model_dir, out)
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        {
            "name": PIPELINE_NAME,
            "version": PIPELINE_VERSION,
            "description": (
                "Compact English pipeline for kg (news, geopolitics): tok2vec, ner "
                "(PERSON/ORG/LOC), tagger (PTB), morphologizer (UPOS+feats), parser (UD), "
                "rule lemmatizer. Trained on UD English-EWT + UNER, GUM (permissive genres) "
                "and CrossNER politics train; Brown-cluster features (spacy-lookups-data), "
                "no static vectors. Load after importing kg.nlp.embed (kg does this)."
            ),
            "author": "kg project",
            "license": LICENSE,
            # trained with 3.8.x; any 3.8 release reads it (kg pins spacy>=3.8,<3.9)
            "spacy_version": ">=3.8.0,<3.9.0",
            "sources": SOURCES,
            "training": {**train_info, "data": stats},
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")


def write_accuracy(out: Path, figures: dict) -> None:
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["accuracy"] = figures
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpora", default="../shared/corpora", help="corpora root (repo-relative)")
    ap.add_argument("--out", default="kg/models/en_kg_news", help="pipeline output directory")
    ap.add_argument("--work", default="training/work", help="work directory (git-ignored)")
    ap.add_argument("--config", default=str(HERE / "config.cfg"))
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--eval-frequency", type=int, default=None)
    ap.add_argument(
        "--max-minutes", type=float, default=None, help="stop training after this many minutes"
    )
    ap.add_argument(
        "--finetune-steps",
        type=int,
        default=0,
        help="after training, continue from model-best for N steps at --finetune-lr (0 = off)",
    )
    ap.add_argument("--finetune-lr", type=float, default=0.0003)
    ap.add_argument("--finetune-minutes", type=float, default=None)
    ap.add_argument("--crossner-repeat", type=int, default=3, help="upsample CrossNER train")
    ap.add_argument(
        "--override",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra spaCy config override, e.g. components.tok2vec.model.encode.width=128",
    )
    ap.add_argument("--skip-convert", action="store_true", help="reuse work/corpus/*.spacy")
    ap.add_argument("--skip-train", action="store_true", help="package work/output as is")
    ap.add_argument("--skip-eval", action="store_true")
    ap.add_argument("--no-speed", action="store_true", help="evaluate without the speed run")
    args = ap.parse_args(argv)

    corpora = resolve(args.corpora)
    out = resolve(args.out)
    work = resolve(args.work)
    corpus_dir = work / "corpus"
    output = work / "output"
    if not (corpora / "ewt-uner-merged" / "train.conllu").exists():
        ap.error(f"no ewt-uner-merged/train.conllu under {corpora}")

    t0 = time.time()
    if args.skip_convert and (corpus_dir / "train.spacy").exists():
        stats = json.loads((corpus_dir / "stats.json").read_text())
    else:
        log(f"converting corpora from {corpora}")
        stats = convert(corpora, corpus_dir, crossner_repeat=args.crossner_repeat)
    log(f"data: {json.dumps(stats)}")

    overrides: dict = {}
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    if args.max_minutes is not None:
        overrides["training.before_update.max_minutes"] = args.max_minutes
    if args.eval_frequency is not None:
        overrides["training.eval_frequency"] = args.eval_frequency
    for item in args.override:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value

    t1 = time.time()
    if args.skip_train:
        best = output / "model-best"
        if args.finetune_steps and (work / "output_ft" / "model-best").exists():
            best = work / "output_ft" / "model-best"
    else:
        log(f"training with {args.config} overrides={overrides}")
        best = train(Path(args.config), corpus_dir, output, overrides)
    if args.finetune_steps and not args.skip_train:
        ft_overrides = {}
        if args.eval_frequency is not None:
            ft_overrides["training.eval_frequency"] = args.eval_frequency
        if args.finetune_minutes is not None:
            ft_overrides["training.before_update.max_minutes"] = args.finetune_minutes
        log(f"fine-tuning {best} for {args.finetune_steps} steps at lr {args.finetune_lr}")
        best = finetune(
            Path(args.config),
            best,
            corpus_dir,
            work / "output_ft",
            args.finetune_steps,
            args.finetune_lr,
            ft_overrides,
        )
    train_info = {
        "config": str(Path(args.config).resolve().relative_to(REPO))
        if Path(args.config).resolve().is_relative_to(REPO)
        else args.config,
        "overrides": overrides,
        "finetune": {"steps": args.finetune_steps, "lr": args.finetune_lr}
        if args.finetune_steps
        else None,
        "train_minutes": round((time.time() - t1) / 60, 1),
        "last_step": callbacks.STATE["step"],
        "stopped_by_time_limit": callbacks.STATE["stopped_by_time_limit"],
    }
    log(f"packaging {best} -> {out}")
    package(best, out, stats, train_info)

    if not args.skip_eval:
        import evaluate

        log("evaluating")
        figures = evaluate.evaluate_all(out, corpora, speed=not args.no_speed, kg=False)
        write_accuracy(out, figures)
        (work / "eval.json").write_text(json.dumps(figures, indent=2))
        print(evaluate.format_report(figures), flush=True)
    log(f"done in {(time.time() - t0) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
