from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from helpers import GOLD, read_jsonl

from kg import __version__
from kg.cli import main


@pytest.fixture
def runner():
    return CliRunner()


def test_help_lists_every_command(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "eval", "actors"):
        assert command in result.output
    for command in main.commands.values():
        assert command.help, f"{command.name} has no help"


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_unknown_option_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["build", str(tmp_path), "--frobnicate"])
    assert result.exit_code == 2
    assert "No such option" in result.output


def test_build_reports_skipped_files_and_still_writes_the_rest(runner, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text(
        "---\ntitle: Good\n---\nRussia accused Ukraine.\n", encoding="utf-8"
    )
    (corpus / "empty.md").write_text("", encoding="utf-8")
    (corpus / "bin.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "out"
    result = runner.invoke(
        main,
        ["build", str(corpus), str(tmp_path / "missing.md"), "-o", str(out), "--model", "blank"],
    )
    assert result.exit_code == 3, result.output
    assert "Read 1 documents" in result.output
    assert "empty document" in result.output and "binary file" in result.output
    assert "no such file" in result.output
    for name in ("claims.jsonl", "actors.json", "graph.ttl", "graph.graphml", "graph.html"):
        assert (out / name).exists()
    actors = json.loads((out / "actors.json").read_text(encoding="utf-8"))
    assert {"state:RUS", "state:UKR"} <= {a["id"] for a in actors}


def test_build_with_nothing_readable_fails_and_writes_nothing(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(
        main, ["build", str(tmp_path / "nope"), "-o", str(out), "--model", "blank"]
    )
    assert result.exit_code == 1
    assert "no document could be read" in result.output
    assert not out.exists()


def test_unknown_model_is_a_clear_error(runner, tmp_path):
    (tmp_path / "a.md").write_text("Text.", encoding="utf-8")
    result = runner.invoke(main, ["build", str(tmp_path), "--model", "en_no_such_model"])
    assert result.exit_code == 1 and "cannot load spaCy pipeline" in result.output


def test_eval_prints_scores_per_predicate(runner, tmp_path):
    gold = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    rel = next(r for r in gold["relations"] if r["predicate"] == "accuses" and not r["negated"])
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        json.dumps(
            {
                "predicate": "accuses",
                "doc": gold["doc"],
                "negated": False,
                "hedged": False,
                "subject": {"id": "a", "label": rel["subject"], "type": "State"},
                "object": {"id": "b", "label": rel["object"], "type": "State"},
                "sentence": rel["evidence"],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["eval", str(GOLD), str(claims), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["per_predicate"]["accuses"]["tp"] == 1
    assert report["per_predicate"]["accuses"]["precision"] == 1.0
    assert report["cites_evidence"] == {"cited": 1, "of": 1}


def test_eval_rejects_a_malformed_gold_file(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "x"}\n', encoding="utf-8")
    claims = tmp_path / "claims.jsonl"
    claims.write_text("", encoding="utf-8")
    result = runner.invoke(main, ["eval", str(gold), str(claims)])
    assert result.exit_code == 1 and "not a gold record" in result.output


def test_actors_lists_types_and_forms(runner, tmp_path):
    corpus = tmp_path / "c.md"
    corpus.write_text(
        "Moscow said Russia and Tajikistan disagree. Tajikistan stays calm.\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert (
        runner.invoke(main, ["build", str(corpus), "-o", str(out), "--model", "blank"]).exit_code
        == 0
    )
    result = runner.invoke(main, ["actors", str(out), "--json"])
    actors = {a["id"]: a for a in json.loads(result.output)}
    assert actors["state:TJK"]["mentions"] == 2 and actors["state:TJK"]["type"] == "State"
    assert actors["state:RUS"]["wikidata"] == "Q159"
    assert {"Moscow", "Russia"} <= set(actors["state:RUS"]["forms"])


def test_actors_on_a_missing_graph_says_what_to_do(runner, tmp_path):
    result = runner.invoke(main, ["actors", str(tmp_path)])
    assert result.exit_code == 1 and "run 'kg build" in result.output


def test_claims_jsonl_is_empty_without_a_parser(runner, tmp_path):
    (tmp_path / "a.md").write_text("Russia accused Ukraine.\n", encoding="utf-8")
    out = tmp_path / "out"
    runner.invoke(main, ["build", str(tmp_path), "-o", str(out), "--model", "blank"])
    assert read_jsonl(out / "claims.jsonl") == []
