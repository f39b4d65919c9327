"""Cut the small CI fixtures in tests/fixtures/model/ from the shared corpora.

    python training/make_fixtures.py [--corpora ../shared/corpora]

CI must not read ../shared, so tests/test_model.py trains and evaluates on these slices:

* ``corpora/``: a miniature copy of the corpora layout (EWT+UNER, one GUM news document,
  CrossNER politics) for the training smoke test;
* ``ewt_test_slice.conllu`` / ``pud_test_slice.conllu``: evaluation slices for the
  committed pipeline.

MISC is reduced to the fields the readers use (SpaceAfter, NE, Entity) and the enhanced
dependency column is dropped, to keep the files small.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FIXTURES = REPO / "tests" / "fixtures" / "model"
KEEP_MISC = ("SpaceAfter=", "NE=", "Entity=")
GUM_DOC = "GUM_news_afghan"


def conllu_sentences(path: Path) -> list[str]:
    return [s for s in path.read_text(encoding="utf8").split("\n\n") if s.strip()]


def slim(sentence: str) -> str:
    out = []
    for line in sentence.splitlines():
        if line.startswith("#"):
            if line.startswith(("# sent_id", "# text", "# newdoc id")):
                out.append(line)
            continue
        cols = line.split("\t")
        cols[8] = "_"
        misc = [p for p in cols[9].split("|") if p.startswith(KEEP_MISC)]
        cols[9] = "|".join(misc) or "_"
        out.append("\t".join(cols))
    return "\n".join(out)


def write(path: Path, sentences: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(slim(s) for s in sentences) + "\n\n", encoding="utf8")


def crossner_head(src: Path, dst: Path, n: int) -> None:
    sents = [s for s in src.read_text(encoding="utf8").split("\n\n") if s.strip()][:n]
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text("\n\n".join(s.strip("\n") for s in sents) + "\n", encoding="utf8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpora", default="../shared/corpora")
    args = ap.parse_args(argv)
    corpora = Path(args.corpora)
    if not corpora.is_absolute():
        corpora = (REPO / corpora).resolve()
    merged = corpora / "ewt-uner-merged"
    mini = FIXTURES / "corpora"
    if mini.exists():
        shutil.rmtree(mini)

    write(mini / "ewt-uner-merged" / "train.conllu", conllu_sentences(merged / "train.conllu")[:40])
    write(mini / "ewt-uner-merged" / "dev.conllu", conllu_sentences(merged / "dev.conllu")[:20])
    write(mini / "ewt-uner-merged" / "test.conllu", conllu_sentences(merged / "test.conllu")[:20])
    write(
        mini / "ewt-uner-merged" / "pud_test.conllu",
        conllu_sentences(merged / "pud_test.conllu")[:20],
    )
    gum = corpora / "gum"
    write(
        mini / "gum" / "dep" / f"{GUM_DOC}.conllu",
        conllu_sentences(gum / "dep" / f"{GUM_DOC}.conllu")[:15],
    )
    shutil.copy(gum / "splits.md", mini / "gum" / "splits.md")
    for split in ("train", "test"):
        crossner_head(
            corpora / "crossner-politics" / f"{split}.txt",
            mini / "crossner-politics" / f"{split}.txt",
            20,
        )

    write(FIXTURES / "ewt_test_slice.conllu", conllu_sentences(merged / "test.conllu")[:200])
    write(FIXTURES / "pud_test_slice.conllu", conllu_sentences(merged / "pud_test.conllu")[:120])
    print(f"fixtures written to {FIXTURES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
