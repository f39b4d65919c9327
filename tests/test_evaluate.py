from __future__ import annotations

import json

import pytest

from kg.evaluate import evaluate, format_report


def actor(label, type_="State", id_=None):
    return {"id": id_ or f"x:{label.lower()}", "label": label, "type": type_}


def claim(pred, subj, obj=None, *, doc="d1", negated=False, hedged=False, sentence="S."):
    return {
        "id": f"{pred}-{subj['id']}",
        "predicate": pred,
        "subject": subj,
        "object": obj,
        "negated": negated,
        "hedged": hedged,
        "doc": doc,
        "sentence": sentence,
    }


GOLD = {
    "doc": "d1",
    "actors": [
        {"name": "Russia", "type": "State", "aliases": ["Russia", "Moscow", "the Kremlin"]},
        {"name": "Ukraine", "type": "State", "aliases": ["Ukraine", "Kyiv"]},
        {"name": "Turkey", "type": "State", "aliases": ["Turkey", "Türkiye"]},
        {"name": "Kyrgyzstan", "type": "State", "aliases": ["Kyrgyzstan"]},
        {"name": "Tajikistan", "type": "State", "aliases": ["Tajikistan"]},
    ],
    "relations": [
        {
            "subject": "Russia",
            "predicate": "accuses",
            "object": "Ukraine",
            "hedged": False,
            "negated": False,
            "evidence": "Moscow blamed Kyiv for the attack.",
        },
        {
            "subject": "Ukraine",
            "predicate": "denies",
            "object": "Russia",
            "hedged": False,
            "negated": False,
            "evidence": "Kyiv denied it.",
        },
        {
            "subject": "Kyrgyzstan",
            "predicate": "conflict_with",
            "object": "Tajikistan",
            "hedged": False,
            "negated": False,
            "evidence": "Border clashes.",
        },
        {
            "subject": "Russia",
            "predicate": "accuses",
            "object": "Turkey",
            "hedged": False,
            "negated": True,
            "evidence": "Russia does not accuse Turks.",
        },
    ],
}


@pytest.fixture
def files(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")

    def write_claims(claims):
        path = tmp_path / "claims.jsonl"
        path.write_text("".join(json.dumps(c) + "\n" for c in claims), encoding="utf-8")
        return gold, path

    return write_claims


def test_aliases_objectless_denial_and_symmetry(files):
    moscow = actor("Moscow")  # an alias of the gold actor Russia
    claims = [
        claim("accuses", moscow, actor("Ukraine"), sentence="Moscow blamed Kyiv for the attack."),
        claim("denies", actor("Ukraine"), None),  # object ignored for denials
        claim("conflict_with", actor("Tajikistan"), actor("Kyrgyzstan")),  # order ignored
    ]
    report = evaluate(*files(claims))
    assert report.core.tp == 2 and report.core.fp == 0 and report.core.fn == 0
    assert report.extended.tp == 1 and report.extended.f1 == 1.0
    assert report.cited == (1, 3)
    assert report.negated_as_positive == []


def test_positive_claim_matching_a_negated_gold_relation_is_a_false_positive(files):
    claims = [claim("accuses", actor("Russia"), actor("Türkiye"))]
    report = evaluate(*files(claims))
    assert report.per_predicate["accuses"].fp == 1
    assert len(report.negated_as_positive) == 1


def test_negated_claims_are_left_out(files):
    claims = [claim("accuses", actor("Russia"), actor("Turkey"), negated=True)]
    report = evaluate(*files(claims))
    assert report.per_predicate["accuses"].fp == 0
    assert report.negated_as_positive == []


def test_duplicate_claims_count_once_and_misses_are_listed(files):
    claims = [claim("accuses", actor("Russia"), actor("Ukraine"))] * 3
    report = evaluate(*files(claims))
    assert report.per_predicate["accuses"].tp == 1
    assert report.per_predicate["denies"].fn == 1
    text = format_report(report, show_errors=True)
    assert "Ukraine denies None" in text
    assert report.per_predicate["accuses"].precision == 1.0


def test_hedge_agreement(files):
    claims = [claim("accuses", actor("Russia"), actor("Ukraine"), hedged=True)]
    report = evaluate(*files(claims))
    assert report.hedge_agreement == (0, 1)
