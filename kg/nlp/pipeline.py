"""load_nlp(): the spaCy pipeline of kg.

By default kg loads the pipeline it ships (``kg/models/en_kg_news``, trained by
``make model``); ``model="blank"`` gives a blank English pipeline with a sentence splitter,
and any installed spaCy pipeline name or path can be given instead (``en_core_web_trf``).
kg then adds its own components: paragraph breaks, the actor ruler before the NER, the
linker and the relation extractor.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.actors import load_gazetteer, ontology_dir
from kg.errors import ModelError
from kg.nlp import actors as _actors  # noqa: F401  (registers the linker factory)
from kg.nlp import embed as _embed  # noqa: F401  (registers the shipped tok2vec architecture)
from kg.nlp import relations as _relations  # noqa: F401  (registers the relation factory)
from kg.nlp.actors import LINKER_NAME, add_actor_ruler

DEFAULT_MODEL = "en_kg_news"
PARAGRAPHS_NAME = "kg_paragraphs"
RELATIONS_NAME = "kg_relations"


def packaged_model_path() -> Path:
    return Path(__file__).resolve().parent.parent / "models" / DEFAULT_MODEL


SENTENCE_END = frozenset({".", "!", "?", "…", '"', "”", "’", "'", ")", ":", ";", "»"})


@Language.component(PARAGRAPHS_NAME, assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Sentence boundaries the parser must respect.

    A line break ends a sentence (headlines and datelines do not run into the next line),
    and no sentence starts right after a word or a comma ("ISIS-K, an offshoot of ...").
    Works on the token arrays: no Token objects are made.
    """
    n = len(doc)
    if n < 2:
        return doc
    strings = doc.vocab.strings
    orth = doc.to_array("ORTH").tolist()
    space = doc.to_array("IS_SPACE").tolist()
    starts = [0] * n
    for i in range(1, n):
        before = orth[i - 1]
        if space[i - 1] and "\n" in strings[before]:
            starts[i] = 1
        elif not space[i] and not space[i - 1] and strings[before][-1:] not in SENTENCE_END:
            starts[i] = -1
    doc.from_array(["SENT_START"], numpy.array(starts, dtype="int64").astype("uint64"))
    return doc


def load_nlp(model: str | Path | None = None, *, gazetteer_path: str | None = None) -> Language:
    """The kg pipeline on top of ``model`` (default: the packaged pipeline)."""
    nlp = _base_pipeline(model)
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe(PARAGRAPHS_NAME, first=True)
    add_actor_ruler(nlp, load_gazetteer(gazetteer_path), gazetteer_path)
    nlp.add_pipe(LINKER_NAME, config={"gazetteer_path": gazetteer_path})
    nlp.add_pipe(RELATIONS_NAME)
    return nlp


def _base_pipeline(model: str | Path | None) -> Language:
    if model is None:
        path = packaged_model_path()
        if (path / "config.cfg").exists():
            return spacy.load(path)
        raise ModelError(
            f"the packaged pipeline {path} is missing: run 'make model', or pass --model blank"
        )
    if str(model) == "blank":
        return spacy.blank("en")
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {model!r}: install it (pip install ...) or give a path "
            f"to a pipeline folder; {exc}"
        ) from None


def pipeline_version(model: str | Path | None) -> str:
    """A fingerprint of the pipeline and kg's rules and data: part of the analysis cache key."""
    from kg import __version__

    parts = [__version__, str(model or DEFAULT_MODEL)]
    path = packaged_model_path() if model is None else Path(str(model))
    if (path / "meta.json").exists():
        parts.append(hashlib.sha1((path / "meta.json").read_bytes()).hexdigest())
    here = Path(__file__).resolve().parent
    files = [ontology_dir() / "actors.yaml", *sorted(here.parent.joinpath("data").glob("*"))]
    files += sorted(here.glob("*.py")) + [here.parent / "text.py", here.parent / "claims.py"]
    for file in files:
        if file.is_file():
            parts.append(hashlib.sha1(file.read_bytes()).hexdigest())
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]
