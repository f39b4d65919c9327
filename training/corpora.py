"""Read the open corpora in ``../shared/corpora`` into spaCy ``Doc`` objects.

Each reader follows the folder's SOURCE.md:

* ``ewt-uner-merged``: UD English-EWT CoNLL-U with UNER tags in MISC as ``NE=B-PER`` etc.
  Full annotation (tags, morphology, lemmas, dependency parse, entities).
* ``gum``: GUM CoNLL-U with gold UD parse and an ``Entity=`` layer over *all* mentions.
  Only documents from genres with permissive text licences are used (all of GUM's own
  train/dev/test splits: kg does not evaluate on GUM), and named entities are derived
  from person / place / organization mentions whose syntactic head is a proper noun.
* ``crossner-politics``: ``token<TAB>IOB2`` NER only. Documents carry *no* parse, tags
  or morphology: those attributes are left unset, which spaCy treats as missing
  annotation (no loss for the tagger, morphologizer or parser).

Entity labels are mapped to the pipeline's label set (PERSON, ORG, LOC).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

# Labels of the statistical NER.
NER_LABELS = ("PERSON", "ORG", "LOC")

# UNER (ewt-uner-merged, uner-english-*) -> pipeline labels.
UNER_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}

# CrossNER politics -> pipeline labels for *training* (countries are LOC in UNER, so they
# are LOC here too; GPE for countries comes from the gazetteer ruler). election, event
# and misc have no counterpart in UNER (which maps its OTH class to O) and become O.
CROSSNER_TRAIN_MAP = {
    "politician": "PERSON",
    "person": "PERSON",
    "politicalparty": "ORG",
    "organisation": "ORG",
    "country": "LOC",
    "location": "LOC",
}

# GUM genres whose texts are openly licensed (gum/SOURCE.md, gum/LICENSE.txt):
# academic, court CC BY 4.0; bio, voyage CC BY-SA 3.0; interview, news CC BY 2.5.
GUM_PERMISSIVE_GENRES = ("academic", "bio", "court", "interview", "news", "voyage")
GUM_TYPE_MAP = {"person": "PERSON", "place": "LOC", "organization": "ORG"}
# Tokens that may join proper nouns inside one name ("Bank of America", "Trinidad and
# Tobago", "Rolls - Royce"), but never start or end one.
GUM_NAME_CONNECTORS = {"of", "and", "&", "-", "de", "du", "la", "le", "von", "van", "der", "the"}

# Titles stripped from the start of GUM person names (UNER/CoNLL leave them outside).
PERSON_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "empress",
    "pope",
    "saint",
    "st",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "admiral",
    "commander",
    "major",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "judge",
    "justice",
    "rev",
    "reverend",
    "father",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "sheikh",
    "ayatollah",
    "imam",
    "ambassador",
    "chairman",
    "ceo",
    "director",
    "chief",
    "deputy",
    "representative",
    "rep",
    "speaker",
    "former",
    "u.s",
    "us",
    "uk",
}

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "''", "'re"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0-based index within the sentence; == own index for the root
    deprel: str
    misc: str
    space_after: bool


@dataclass
class Sentence:
    comments: dict[str, str] = field(default_factory=dict)
    words: list[Word] = field(default_factory=list)
    doc_id: str = ""


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a CoNLL-U file (multi-word tokens split into their words)."""
    doc_id = ""
    sent = Sentence()
    mwt_end = -1
    mwt_space = True
    with open(path, encoding="utf8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                if sent.words:
                    sent.doc_id = doc_id
                    yield sent
                sent = Sentence()
                mwt_end = -1
                continue
            if line.startswith("#"):
                m = re.match(r"#\s*([^=]+?)\s*=\s*(.*)$", line)
                if m:
                    key, value = m.group(1), m.group(2)
                    sent.comments[key] = value
                    if key == "newdoc id":
                        doc_id = value
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"{path}: malformed CoNLL-U line: {line!r}")
            wid = cols[0]
            if "." in wid:  # empty nodes of the enhanced graph
                continue
            if "-" in wid:  # multi-word token: remember where it ends and its SpaceAfter
                mwt_end = int(wid.split("-")[1])
                mwt_space = "SpaceAfter=No" not in cols[9].split("|")
                continue
            idx = int(wid)
            misc = cols[9]
            if idx <= mwt_end:
                space = mwt_space if idx == mwt_end else False
            else:
                space = "SpaceAfter=No" not in misc.split("|")
            head = int(cols[6]) - 1 if cols[6] not in ("_", "0") else idx - 1
            sent.words.append(
                Word(
                    form=cols[1],
                    lemma=cols[2],
                    upos=cols[3] if cols[3] != "_" else "",
                    xpos=cols[4] if cols[4] != "_" else cols[3],
                    feats=cols[5] if cols[5] != "_" else "",
                    head=head,
                    deprel="ROOT" if cols[7] == "root" else cols[7],
                    misc=misc,
                    space_after=space,
                )
            )
    if sent.words:
        sent.doc_id = doc_id
        yield sent


def ne_iob(sent: Sentence, label_map: dict[str, str] = UNER_MAP) -> list[str]:
    """IOB tags from ``NE=B-PER`` style MISC entries (ewt-uner-merged)."""
    tags = []
    for w in sent.words:
        tag = "O"
        for part in w.misc.split("|"):
            m = re.match(r"NE=([BI])-(\w+)$", part)
            if m:
                label = label_map.get(m.group(2), "")
                tag = f"{m.group(1)}-{label}" if label else "O"
        tags.append(tag)
    return _repair_iob(tags)


def _repair_iob(tags: list[str]) -> list[str]:
    out = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def _gum_mentions(sent: Sentence) -> list[tuple[int, int, str]]:
    """(start, end_exclusive, etype) for every GUM entity mention in the sentence."""
    opened: dict[str, list[tuple[int, str]]] = {}
    mentions = []
    for i, w in enumerate(sent.words):
        ent = next((p[7:] for p in w.misc.split("|") if p.startswith("Entity=")), "")
        if not ent:
            continue
        # e.g. "(1-person-new-...-coref" "(3-substance-...-Iodine)" "7)6)"
        for m in re.finditer(r"\((\d+)-([a-z]+)-[^()]*(\))?|(\d+)\)", ent):
            if m.group(1):
                eid, etype, closes = m.group(1), m.group(2), m.group(3)
                if closes:
                    mentions.append((i, i + 1, etype))
                else:
                    opened.setdefault(eid, []).append((i, etype))
            else:
                eid = m.group(4)
                if opened.get(eid):
                    start, etype = opened[eid].pop()
                    mentions.append((start, i + 1, etype))
    return mentions


_NOT_NAME_UPOS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "PUNCT", "AUX", "PART"}


def _namey(w: Word) -> bool:
    """Capitalised (or numeric) content word: part of a multi-word name in GUM, where
    name words keep their own POS ("the United/VERB States/PROPN")."""
    return (w.form[:1].isupper() or w.form[:1].isdigit()) and w.upos not in _NOT_NAME_UPOS


def gum_iob(sent: Sentence) -> list[str]:
    """Named-entity IOB tags derived from GUM's mention layer.

    A person/place/organization mention counts as a name when its head (the token whose
    head lies outside the mention) is a PROPN. The name itself is the run of capitalised
    content words around that head, allowing connectors such as "of" between them, so
    "the University of Sydney" yields "University of Sydney" and determiners, lower-case
    titles, relative clauses and appositions stay outside. Nested names resolve to
    the longest span.
    """
    words = sent.words
    n = len(words)
    mentions = _gum_mentions(sent)
    spans = []
    for start, end, etype in mentions:
        label = GUM_TYPE_MAP.get(etype)
        if not label:
            continue
        heads = [i for i in range(start, end) if not (start <= words[i].head < end)]
        if len(heads) != 1 or words[heads[0]].upos != "PROPN" or not _namey(words[heads[0]]):
            continue
        h = heads[0]
        blocked: set[int] = set()
        if label == "PERSON":
            if words[h].xpos == "NNPS":
                continue  # groups ("Muslims", "the Rohingya"): not a person name in UNER
            # "U.S. President Donald Trump", "ambassador to the United States Hamdullah
            # Mohib": nested mentions and titles are not part of a person's name.
            for s2, e2, _ in mentions:
                if start <= s2 and e2 <= end and (s2, e2) != (start, end) and not s2 <= h < e2:
                    blocked.update(range(s2, e2))
        # "Elizabeth Quat of DAB": a person's name does not run on through "of"
        connectors = {"-"} if label == "PERSON" else GUM_NAME_CONNECTORS

        def ok(i: int) -> bool:
            return i not in blocked and _namey(words[i])  # noqa: B023

        left = h
        while left - 1 >= start and ok(left - 1):
            left -= 1
        right = h
        while True:
            if right + 1 < end and ok(right + 1):
                right += 1
                continue
            # connectors followed by a name word inside the mention
            j = right + 1
            while j < end and words[j].form.lower() in connectors and j not in blocked:
                j += 1
            if j > right + 1 and j < end and ok(j):
                right = j
                continue
            break
        if label == "PERSON":
            while left <= right and words[left].form.lower().rstrip(".") in PERSON_TITLES:
                left += 1
            if left > right:
                continue
        spans.append((left, right + 1, label))
    # longest spans first; drop overlaps
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken = [False] * n
    tags = ["O"] * n
    for s, e, label in spans:
        if any(taken[s:e]):
            continue
        for i in range(s, e):
            taken[i] = True
            tags[i] = ("B-" if i == s else "I-") + label
    return tags


def sentences_to_docs(
    vocab: Vocab,
    sentences: Iterable[Sentence],
    iob_fn: Callable[[Sentence], list[str]] | None,
    n_sents: int = 10,
    with_parse: bool = True,
) -> Iterator[Doc]:
    """Group sentences into docs of ``n_sents`` (never across source documents)."""
    batch: list[Sentence] = []
    for sent in sentences:
        if batch and (len(batch) >= n_sents or sent.doc_id != batch[-1].doc_id):
            yield _make_doc(vocab, batch, iob_fn, with_parse)
            batch = []
        batch.append(sent)
    if batch:
        yield _make_doc(vocab, batch, iob_fn, with_parse)


def _make_doc(vocab, sents, iob_fn, with_parse) -> Doc:
    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts, ents = ([] for _ in range(10))
    for sent in sents:
        offset = len(words)
        for i, w in enumerate(sent.words):
            words.append(w.form)
            spaces.append(w.space_after)
            tags.append(w.xpos)
            pos.append(w.upos)
            morphs.append(w.feats)
            lemmas.append(w.lemma)
            heads.append(w.head + offset)
            deps.append(w.deprel)
            starts.append(i == 0)
        if spaces:
            spaces[-1] = True
        ents.extend(iob_fn(sent) if iob_fn else ["O"] * len(sent.words))
    if spaces:
        spaces[-1] = False
    if with_parse:
        return Doc(
            vocab,
            words=words,
            spaces=spaces,
            tags=tags,
            pos=pos,
            morphs=morphs,
            lemmas=lemmas,
            heads=heads,
            deps=deps,
            sent_starts=starts,
            ents=ents,
        )
    return Doc(vocab, words=words, spaces=spaces, ents=ents)


def read_crossner(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Yield (tokens, IOB2 tags) per sentence of a CrossNER file."""
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                if toks:
                    yield toks, tags
                toks, tags = [], []
                continue
            tok, tag = line.rsplit("\t", 1)
            toks.append(tok)
            tags.append(tag)
    if toks:
        yield toks, tags


def detok_spaces(tokens: list[str]) -> list[bool]:
    """Plausible ``spaces`` for pre-tokenised text (no space before commas etc.)."""
    spaces = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        spaces.append(
            nxt is not None and tok not in NO_SPACE_AFTER and nxt.lower() not in NO_SPACE_BEFORE
        )
    return spaces


def map_iob(tags: list[str], label_map: dict[str, str]) -> list[str]:
    out = []
    for tag in tags:
        if tag == "O" or "-" not in tag:
            out.append("O")
            continue
        prefix, label = tag.split("-", 1)
        new = label_map.get(label)
        out.append(f"{prefix}-{new}" if new else "O")
    return _repair_iob(out)


def crossner_docs(
    vocab: Vocab, path: Path, label_map: dict[str, str], n_sents: int = 10
) -> list[Doc]:
    """CrossNER sentences as NER-only docs (no tags, morphology or parse: all missing)."""
    docs = []
    sents = list(read_crossner(path))
    for k in range(0, len(sents), n_sents):
        words, spaces, ents = [], [], []
        for toks, tags in sents[k : k + n_sents]:
            words.extend(toks)
            sp = detok_spaces(toks)
            sp[-1] = True
            spaces.extend(sp)
            ents.extend(map_iob(tags, label_map))
        spaces[-1] = False
        docs.append(Doc(vocab, words=words, spaces=spaces, ents=ents))
    return docs


def gum_split(gum_dir: Path) -> dict[str, str]:
    """Document name -> split (dev/test/test2) from gum/splits.md; others are train."""
    split = {}
    current = None
    for line in (gum_dir / "splits.md").read_text(encoding="utf8").splitlines():
        m = re.match(r"##\s+(\w+)", line)
        if m:
            current = m.group(1)
            continue
        m = re.match(r"\s*\*\s+(\S+)", line)
        if m and current:
            split[m.group(1)] = current
    return split


def gum_files(gum_dir: Path, split: str | None = "train") -> list[Path]:
    """GUM files from permissive genres in ``split`` (train/dev/test; None = all of them).

    GENTLE (``test2``) has no stated text licence and is never used.
    """
    splits = gum_split(gum_dir)
    out = []
    for path in sorted((gum_dir / "dep").glob("GUM_*.conllu")):
        genre = path.stem.split("_")[1]
        doc_split = splits.get(path.stem, "train")
        if genre in GUM_PERMISSIVE_GENRES and (split is None or doc_split == split):
            out.append(path)
    return out


def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    db = DocBin(store_user_data=False)
    n = 0
    for doc in docs:
        db.add(doc)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def label_ents(doc: Doc, label_map: dict[str, str]) -> Doc:
    """Relabel ``doc.ents`` in place, dropping labels that map to nothing."""
    ents = []
    for ent in doc.ents:
        label = label_map.get(ent.label_)
        if label:
            ents.append(Span(doc, ent.start, ent.end, label=label))
    doc.set_ents(ents, default="outside")
    return doc
