"""The spaCy pipeline: corpus conversion, a training smoke run, and the committed model.

The training smoke test and the converters use only the tiny CC BY-SA slices bundled in
tests/fixtures/model/ (CI never reads ../shared). Tests marked ``model`` load the
committed pipeline kg/models/en_kg_news.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TRAINING = REPO / "training"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "model"
MINI = FIXTURES / "corpora"
MODEL = REPO / "kg" / "models" / "en_kg_news"
EXPECTED_PIPES = ["tok2vec", "ner", "tagger", "morphologizer", "parser", "lemmatizer"]

sys.path.insert(0, str(TRAINING))

import corpora as C  # noqa: E402
import eval_crossner as X  # noqa: E402
import evaluate as E  # noqa: E402

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402


# --------------------------------------------------------------------------- converters
def test_conllu_reader_maps_uner_labels_and_keeps_parse():
    vocab = Vocab()
    docs = list(
        C.sentences_to_docs(
            vocab, C.read_conllu(MINI / "ewt-uner-merged" / "train.conllu"), C.ne_iob
        )
    )
    doc = docs[0]
    # Al-Zaman : American forces killed Shaikh Abdullah al-Ani, ... the town of Qaim
    assert [(e.text, e.label_) for e in doc.ents][:3] == [
        ("Al-Zaman", "ORG"),
        ("Shaikh Abdullah al-Ani", "PERSON"),
        ("Qaim", "LOC"),
    ]
    assert {e.label_ for d in docs for e in d.ents} <= set(C.NER_LABELS)
    assert all(d.has_annotation("DEP") and d.has_annotation("TAG") for d in docs)
    assert doc[0].dep_ == "ROOT"
    assert doc.text.startswith("Al-Zaman : American forces killed")
    # ten sentences per document at most
    assert all(len(list(d.sents)) <= 10 for d in docs)


def test_multiword_tokens_are_split_without_inner_space(tmp_path):
    path = tmp_path / "mwt.conllu"
    path.write_text(
        "# text = I don't know.\n"
        "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
        "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
    )
    (doc,) = C.sentences_to_docs(Vocab(), C.read_conllu(path), C.ne_iob)
    assert doc.text == "I don't know."
    assert [t.text for t in doc] == ["I", "do", "n't", "know", "."]
    assert doc[1].head.text == "know"


def test_gum_names_strip_determiners_titles_and_nested_places():
    sents = list(C.read_conllu(MINI / "gum" / "dep" / "GUM_news_afghan.conllu"))

    def ents(sent):
        tags = C.gum_iob(sent)
        out, i = [], 0
        while i < len(tags):
            if tags[i].startswith("B-"):
                j = i + 1
                while j < len(tags) and tags[j].startswith("I-"):
                    j += 1
                out.append((" ".join(w.form for w in sent.words[i:j]), tags[i][2:]))
                i = j
            else:
                i += 1
        return out

    found = [e for s in sents for e in ents(s)]
    assert ("United States", "LOC") in found  # "the United States": no determiner
    assert ("Donald Trump", "PERSON") in found  # "U.S. President Donald Trump"
    assert ("Hamdullah Mohib", "PERSON") in found  # nested "United States" stays LOC
    assert ("Daughters of the American Revolution", "ORG") in found
    assert not any(label == "PERSON" and "President" in text for text, label in found)
    # pronouns and common nouns with the same referent are not names
    assert not any(text.lower() in {"the team", "it", "they"} for text, _ in found)


def test_crossner_docs_are_ner_only_with_missing_parse():
    docs = C.crossner_docs(Vocab(), MINI / "crossner-politics" / "train.txt", C.CROSSNER_TRAIN_MAP)
    assert docs
    doc = docs[0]
    assert ("United Russia", "ORG") in [(e.text, e.label_) for e in doc.ents]
    # parse, tags and morphology are *missing*, not "no arcs": the parser gets no signal
    assert not doc.has_annotation("DEP")
    assert not doc.has_annotation("HEAD")
    assert not doc.has_annotation("TAG")
    assert all(t.dep_ == "" for t in doc)
    # entity annotation is complete (O, not missing) and has only pipeline labels
    assert all(t.ent_iob_ in {"B", "I", "O"} for t in doc)
    assert {e.label_ for d in docs for e in d.ents} <= set(C.NER_LABELS)


def test_gum_files_keep_only_permissive_train_documents():
    files = C.gum_files(MINI / "gum", "train")
    assert [f.stem for f in files] == ["GUM_news_afghan"]
    splits = C.gum_split(MINI / "gum")
    assert splits["GUM_news_iodine"] == "dev"
    assert splits["GUM_news_nasa"] == "test"


def test_ner_scores_map_labels_and_match_exact_offsets():
    from spacy.tokens import Doc, Span
    from spacy.training import Example

    vocab = Vocab()
    words = ["Putin", "visited", "New", "York", "and", "Paris", "."]
    gold = Doc(vocab, words=words, ents=["B-PERSON", "O", "B-LOC", "I-LOC", "O", "B-LOC", "O"])
    pred = Doc(vocab, words=words)
    pred.set_ents([Span(pred, 0, 1, "PERSON"), Span(pred, 3, 4, "GPE"), Span(pred, 5, 6, "GPE")])
    scores = E.ner_scores([Example(pred, gold)])
    # Putin ok; "York" boundary error; Paris GPE counts as LOC
    assert scores["p"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores["r"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores["per_type"]["LOC"]["r"] == 0.5


def test_crossner_scoring_maps_labels_and_ignores_unscored_classes():
    from spacy.tokens import Doc, Span

    sentences = X.load_sentences(MINI / "crossner-politics" / "test.txt")
    text, spans = sentences[0]
    assert all(text[s:e].strip() == text[s:e] for s, e, _ in spans)
    vocab = Vocab()
    words = [
        "In",
        "the",
        "2004",
        "United",
        "States",
        "election",
        ",",
        "Bush",
        "beat",
        "Kerry",
        "and",
        "Russia",
        "watched",
        ".",
    ]
    doc = Doc(vocab, words=words)
    gold_text = doc.text

    def char(i, j):
        return doc[i:j].start_char, doc[i:j].end_char

    gold = [
        (*char(2, 6), "election"),
        (*char(6, 7), "politician"),
        (*char(8, 9), "politician"),
        (*char(10, 11), "country"),
    ]
    doc.set_ents(
        [
            Span(doc, 3, 5, "GPE"),  # inside the (unscored) election: ignored
            Span(doc, 6, 7, "PERSON"),
            Span(doc, 8, 9, "ORG"),  # wrong label
            Span(doc, 10, 11, "GPE"),
        ]
    )
    actors = X.score([doc], [(gold_text, gold)], X.GOLD_ACTORS, X.PRED_ACTORS)
    assert actors["ignored_predictions"] == 1
    assert actors["p"] == pytest.approx(2 / 3, abs=1e-3)
    assert actors["r"] == pytest.approx(2 / 3, abs=1e-3)
    collapsed = X.score([doc], [(gold_text, gold)], X.GOLD_COLLAPSED, X.PRED_COLLAPSED)
    assert collapsed["per_type"]["LOC"]["f"] == 1.0  # GPE and country both count as LOC


# --------------------------------------------------------------------------- training smoke
@pytest.mark.slow
def test_make_model_trains_a_few_steps_on_fixtures(tmp_path):
    # training reads the lemmatizer and lexeme-norm tables from spacy-lookups-data
    pytest.importorskip("spacy_lookups_data")
    out = tmp_path / "model"
    cmd = [
        sys.executable,
        str(TRAINING / "make_model.py"),
        "--corpora",
        str(MINI),
        "--out",
        str(out),
        "--work",
        str(tmp_path / "work"),
        "--max-steps",
        "12",
        "--eval-frequency",
        "6",
        "--skip-eval",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]

    stats = json.loads((tmp_path / "work" / "corpus" / "stats.json").read_text())
    assert stats["gum_train_docs"] >= 1 and stats["crossner_train_docs"] >= 1
    train = list(DocBin().from_disk(tmp_path / "work" / "corpus" / "train.spacy").get_docs(Vocab()))
    with_parse = [d for d in train if d.has_annotation("DEP")]
    without_parse = [d for d in train if not d.has_annotation("DEP")]
    assert with_parse and without_parse  # CrossNER docs carry NER only

    nlp = spacy.load(out)
    assert nlp.pipe_names == EXPECTED_PIPES
    assert set(C.NER_LABELS) <= set(nlp.get_pipe("ner").labels)
    meta = json.loads((out / "meta.json").read_text())
    assert meta["license"] == "CC BY-SA 4.0"
    assert any("EWT" in s["name"] for s in meta["sources"])
    doc = nlp("Russia accused Ukraine of shelling the plant.")
    assert len(doc) == 8 and doc.has_annotation("DEP")


# --------------------------------------------------------------------------- committed model
@pytest.fixture(scope="module")
def nlp():
    if not (MODEL / "meta.json").exists():
        pytest.fail(f"committed pipeline missing: {MODEL}")
    return spacy.load(MODEL)


@pytest.mark.model
def test_committed_pipeline_components_and_labels(nlp):
    assert nlp.pipe_names == EXPECTED_PIPES
    # NER before the parser: it never inherits the parser's sentence breaks
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index("parser")
    assert set(nlp.get_pipe("ner").labels) >= {"PERSON", "ORG", "LOC"}
    assert "nsubj" in nlp.get_pipe("parser").labels
    meta = json.loads((MODEL / "meta.json").read_text())
    assert meta["license"] == "CC BY-SA 4.0"
    assert meta["accuracy"]["summary"]["ewt_las"] > 0.6
    size = sum(f.stat().st_size for f in MODEL.rglob("*") if f.is_file())
    assert size <= 15 * 2**20


@pytest.mark.model
def test_committed_pipeline_lemmas_and_entities(nlp):
    doc = nlp("Russia accused Ukraine of attacking the bridge on Monday.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["accused"] == "accuse"
    assert lemmas["attacking"] == "attack"
    assert doc[1].pos_ == "VERB" and doc[1].dep_ == "ROOT"
    assert doc[0].dep_ == "nsubj" and doc[0].head == doc[1]
    lemmas = {t.text: t.lemma_ for t in nlp("Officials said the talks had failed.")}
    assert (lemmas["Officials"], lemmas["said"], lemmas["talks"]) == ("official", "say", "talk")
    ents = {(e.text, e.label_) for e in nlp("Angela Merkel met Emmanuel Macron in Paris.").ents}
    assert ("Angela Merkel", "PERSON") in ents
    assert ("Emmanuel Macron", "PERSON") in ents


@pytest.mark.model
def test_committed_pipeline_respects_preset_entities(nlp):
    """A gazetteer ruler placed before the NER keeps its GPE spans."""
    from spacy.tokens import Span

    doc = nlp.make_doc("France and Germany signed the treaty in Berlin.")
    doc.set_ents([Span(doc, 0, 1, "GPE"), Span(doc, 2, 3, "GPE")], default="missing")
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["France"] == "GPE" and labels["Germany"] == "GPE"


@pytest.mark.model
def test_committed_pipeline_quality_floor_on_fixture_slices(nlp):
    vocab = nlp.vocab
    ewt = E.gold_docs(FIXTURES / "ewt_test_slice.conllu", vocab)
    examples = E.predict(nlp, ewt, "raw")
    parse = E.parse_scores(examples, nlp.pipe_names)
    assert parse["uas"] > 0.7
    assert parse["las"] > 0.65
    assert parse["pos_acc"] > 0.85
    assert E.ner_scores(examples)["f"] > 0.5

    pud = E.gold_docs(FIXTURES / "pud_test_slice.conllu", vocab)
    pud_examples = E.predict(nlp, pud, "raw")
    assert E.ner_scores(pud_examples)["f"] > 0.45
    assert E.parse_scores(pud_examples, nlp.pipe_names)["uas"] > 0.7
