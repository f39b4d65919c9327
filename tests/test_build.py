"""End-to-end build of the bundled corpus with the packaged pipeline."""

from __future__ import annotations

import filecmp

import pytest
from helpers import GOLD, SOURCES, read_jsonl

from kg.build import OUTPUT_FILES, build_corpus
from kg.claims import CLAIM_KEYS, PREDICATES, STATUSES
from kg.documents import load_documents
from kg.evaluate import evaluate

pytestmark = pytest.mark.model


def test_every_output_is_written(built_corpus):
    out, result = built_corpus
    for name in OUTPUT_FILES:
        assert (out / name).stat().st_size > 0, name
    assert result.documents == 5 and result.skipped == []


def test_claims_have_exactly_the_documented_keys_and_values(built_corpus):
    out, _ = built_corpus
    claims = read_jsonl(out / "claims.jsonl")
    assert claims, "the bundled corpus yields claims"
    for claim in claims:
        assert tuple(claim) == CLAIM_KEYS
        assert claim["predicate"] in PREDICATES
        assert claim["status"] in (None, *STATUSES)
        assert set(claim["subject"]) == {"id", "label", "type"}
        assert claim["object"] is None or set(claim["object"]) == {"id", "label", "type"}
        assert set(claim["source"]) == {"path", "title", "publisher", "url", "date"}
        assert 0 < claim["confidence"] <= 1


def test_every_sentence_is_the_stored_text_at_its_offsets(built_corpus):
    out, _ = built_corpus
    docs, _ = load_documents([SOURCES])
    text = {d.id: d.text for d in docs}
    claims = read_jsonl(out / "claims.jsonl")
    for claim in claims:
        assert text[claim["doc"]][claim["start"] : claim["end"]] == claim["sentence"]


def test_quality_floor_against_the_gold_file(built_corpus):
    out, _ = built_corpus
    report = evaluate(GOLD, out / "claims.jsonl")
    assert report.core.f1 >= 0.5, report.core.to_dict()
    assert report.core.precision >= 0.8, report.core.to_dict()
    assert report.negated_as_positive == []
    cited, found = report.cited
    assert cited >= 0.8 * found


def test_negated_statements_are_kept_but_not_drawn(built_corpus):
    out, result = built_corpus
    graph = result.graph
    negated = [c for c in graph.claims if c.negated]
    # the bundled corpus has negated statements ("Russia does not accuse Turks ...")
    assert negated
    drawn = {(e.subject, e.predicate, e.object) for e in graph.edges()}
    for claim in negated:
        only_negated = all(
            c.negated
            for c in graph.claims
            if (c.subject.id, c.predicate, c.object and c.object.id)
            == (claim.subject.id, claim.predicate, claim.object and claim.object.id)
        )
        if only_negated and claim.object is not None:
            assert (claim.subject.id, claim.predicate, claim.object.id) not in drawn


def test_building_twice_gives_byte_identical_outputs(built_corpus, tmp_path):
    out, _ = built_corpus
    again = tmp_path / "again"
    build_corpus([SOURCES], again)
    for name in OUTPUT_FILES:
        assert filecmp.cmp(out / name, again / name, shallow=False), name
