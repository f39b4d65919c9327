"""SPARQL over exported graphs (kg.store) and the shipped queries of ontology/queries/.

Expected rows are written from the hand-built corpus of ``test_rdf.sample_graph`` (its
CLAIMS table), not from query output. ``test_stores_http.py`` reuses ``EXPECTED``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from test_rdf import CLAIMS, sample_graph

from kg.export.rdf import write_rdf
from kg.store import (
    QueryError,
    QueryResult,
    Term,
    format_result,
    read_query,
    run_query,
    shipped_queries,
)

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


def said(claim_id: str) -> str:
    """The sentence of a claim of the hand-built corpus."""
    return next(c[5] for c in CLAIMS if c[0] == claim_id)


CSTO = "Collective Security Treaty Organization"
# query name -> (columns compared, rows in the query's ORDER BY order)
EXPECTED: dict[str, tuple[tuple[str, ...], list[tuple[str | None, ...]]]] = {
    # Non-negated accusations: acc1 (d1), acc3, acc5, acc2 (d2); not accneg.
    "accusations": (
        ("accuserLabel", "accusedLabel", "quote", "title"),
        [
            ("Russia", "Ukraine", said("acc1"), "Moscow blames Kyiv"),
            ("Russia", "Ukraine", said("acc3"), "Denials fly"),
            ("Ukraine", "Russia", said("acc5"), "Denials fly"),
            ("Vladimir Putin", "Ukraine", said("acc2"), "Denials fly"),
        ],
    ),
    # den3 (d3, no date, no accuser named) answers Ukraine's acc5 from d2; den1 names Russia
    # and answers acc1 in d1; den2 names nobody and answers the last accusation before it in
    # d2 (Moscow's acc3).
    "denials": (
        ("denierLabel", "accuserNamedLabel", "quote", "accusationAccuserLabel", "accusationQuote"),
        [
            ("Russia", None, said("den3"), "Ukraine", said("acc5")),
            ("Ukraine", "Russia", said("den1"), "Russia", said("acc1")),
            ("Ukraine", None, said("den2"), "Russia", said("acc3")),
        ],
    ),
    # mem1, mem2, mem3; memneg (Armenia-NATO) is negated.
    "members": (
        ("organisationLabel", "memberLabel", "status", "sources"),
        [
            (CSTO, "Armenia", "suspended", "1"),
            (CSTO, "Tajikistan", "active", "1"),
            ("NATO", "Ukraine", "joining", "1"),
        ],
    ),
    "leaders": (
        ("ledLabel", "leaderLabel", "status", "sources"),
        [
            ("Russia", "Vladimir Putin", "current", "1"),
            ("Russia", "Dmitry Medvedev", "former", "1"),
            ("Tajikistan", "Emomali Rahmon", "current", "1"),
        ],
    ),
    # Russia accuses Ukraine in d1 and d2; Russia-Tajikistan alliance in d1 (ally1) and d3
    # (ally3, reversed order); ally2 is hedged and does not count.
    "corroborated": (
        ("subjectLabel", "relationName", "objectLabel", "sources"),
        [
            ("Russia", "accuses", "Ukraine", "2"),
            ("Russia", "alliedWith", "Tajikistan", "2"),
        ],
    ),
}


def project(result: QueryResult, columns: tuple[str, ...]) -> list[tuple[str | None, ...]]:
    rows = result.dicts()
    return [tuple(row.get(c) for c in columns) for row in rows]


@pytest.fixture(scope="module")
def turtle(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    write_rdf(sample_graph(), path)
    return path


def test_every_shipped_query_is_tested_and_says_its_question():
    queries = shipped_queries()
    assert set(queries) == set(EXPECTED)
    for name, path in queries.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        header = []
        for line in lines:
            if not line.startswith("#"):
                break
            header.append(line)
        text = " ".join(line.lstrip("# ") for line in header)
        assert re.match(r"Question: [A-Za-z][^?]+\? ", text + " "), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shipped_query_returns_the_expected_rows(turtle, name):
    columns, rows = EXPECTED[name]
    result = run_query(turtle, name)
    assert result.kind == "select"
    assert set(columns) <= set(result.variables)
    assert project(result, columns) == rows


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_trig_gives_the_same_rows(tmp_path, name):
    path = tmp_path / "graph.trig"
    write_rdf(sample_graph(), path, "trig")
    columns, rows = EXPECTED[name]
    assert project(run_query(path, name), columns) == rows


def test_accusations_cite_their_source(turtle):
    rows = run_query(turtle, "accusations").dicts()
    first = rows[0]
    assert first["publisher"] == "Example Times"
    assert first["date"] == "2024-03-25"
    assert first["url"] == "https://example.org/news/1"
    assert first["about"] == "Crocus City Hall attack"
    assert first["hedged"] == "false"
    assert first["claim"] == "https://w3id.org/kg-news/id/claim/acc1"


def test_query_forms(turtle, tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?c a kgo:Claim }", encoding="utf-8")
    # A .rq file, the same text inline, and default prefixes (kgo: not declared).
    assert run_query(turtle, path).values() == [(str(len(CLAIMS)),)]
    assert run_query(turtle, str(path)).values() == [(str(len(CLAIMS)),)]
    assert run_query(turtle, path.read_text()).values() == [(str(len(CLAIMS)),)]
    ask = run_query(turtle, "ASK { ?a kgo:accuses ?b . ?b kgo:accuses ?a }")
    assert ask.kind == "ask" and ask.boolean is True
    constructed = run_query(turtle, "CONSTRUCT { ?b kgo:supports ?a } WHERE { ?a kgo:leaderOf ?b }")
    assert constructed.kind == "graph"
    assert constructed.variables == ["subject", "predicate", "object"]
    assert len(constructed) == 3  # Putin, Rahmon, Medvedev


def test_several_files_are_queried_together(turtle):
    """The data plus the ontology: relation labels come from ontology/kg.ttl."""
    query = """SELECT DISTINCT ?label WHERE {
        ?claim kgo:predicate ?p . ?p rdfs:label ?label . FILTER(LANG(?label) = "en")
    } ORDER BY ?label"""
    assert run_query(turtle, query).values() == []
    labels = [v for (v,) in run_query([turtle, ONTOLOGY / "kg.ttl"], query).values()]
    predicates = {c[2] for c in CLAIMS}
    assert len(labels) == len(predicates)
    assert "accuses" in labels and "claims responsibility" in labels


def test_persistent_store_is_loaded_once_and_reloaded_when_the_file_changes(tmp_path):
    graph = tmp_path / "graph.nt"
    write_rdf(sample_graph(), graph, "nt")
    store = tmp_path / "store"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?c a kgo:Claim }"
    assert run_query(graph, count, store_dir=store).values() == [(str(len(CLAIMS)),)]
    manifest = store / "kg-store.json"
    loaded_at = manifest.stat().st_mtime_ns
    assert json.loads(manifest.read_text())["files"][0]["path"] == str(graph.resolve())
    assert run_query(graph, "members", store_dir=store).values()
    assert manifest.stat().st_mtime_ns == loaded_at, "the store was reused, not reloaded"
    # A smaller graph in the same file: the store notices and reloads.
    kg = sample_graph()
    kg.claims = kg.claims[:5]
    write_rdf(kg, graph, "nt")
    assert run_query(graph, count, store_dir=store).values() == [("5",)]


@pytest.mark.parametrize(
    "graph, query, message",
    [
        ("missing.ttl", "ASK {}", "not found"),
        ("graph.ttl", "SELEC nothing", "invalid SPARQL"),
        ("graph.ttl", "nothing-here.rq", "not found"),
        ("graph.unknown", "ASK {}", "cannot tell the RDF format"),
        ("graph.ttl", "   ", "empty"),
    ],
)
def test_user_errors_say_what_to_do(tmp_path, turtle, graph, query, message):
    (tmp_path / "graph.ttl").write_bytes(turtle.read_bytes())
    (tmp_path / "graph.unknown").write_text("x")
    with pytest.raises(QueryError, match=message):
        run_query(tmp_path / graph, query)


def test_invalid_rdf_is_reported(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(QueryError, match="not valid RDF"):
        run_query(bad, "ASK {}")


def test_read_query_finds_shipped_queries_by_name():
    assert read_query("members") == (ONTOLOGY / "queries" / "members.rq").read_text()
    assert read_query("SELECT * { ?s ?p ?o }") == "SELECT * { ?s ?p ?o }"
    long_line = "SELECT * WHERE { " + " ".join(f"?s kgo:about ?o{i} ." for i in range(40)) + " }"
    assert len(long_line) > 300
    assert read_query(long_line) == long_line


# -- formatting ---------------------------------------------------------------------------------


def test_json_is_sparql_results_json_and_round_trips(turtle):
    result = run_query(turtle, "accusations")
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == result.variables
    first = data["results"]["bindings"][0]
    assert first["accuser"] == {
        "type": "uri",
        "value": "https://w3id.org/kg-news/id/actor/state/RUS",
    }
    assert first["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert "about" not in data["results"]["bindings"][1]  # unbound variables are left out
    assert QueryResult.from_sparql_json(data) == result


def test_from_sparql_json_reads_other_stores_conventions():
    data = {
        "head": {"vars": ["n", "s"]},
        "results": {
            "bindings": [
                {
                    "n": {
                        "type": "typed-literal",
                        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                        "value": "2",
                    },
                    "s": {"type": "literal", "xml:lang": "en", "value": "x"},
                }
            ]
        },
    }
    result = QueryResult.from_sparql_json(data)
    assert result.rows == [
        (
            Term("literal", "2", "http://www.w3.org/2001/XMLSchema#integer"),
            Term("literal", "x", lang="en"),
        )
    ]
    assert QueryResult.from_sparql_json({"head": {}, "boolean": False}).boolean is False


def test_csv_has_a_header_and_one_line_per_row(turtle):
    result = run_query(turtle, "denials")
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows[0] == result.variables
    assert [tuple(r) for r in rows[1:]] == [
        tuple("" if v is None else v for v in row) for row in result.values()
    ]


def test_table_is_aligned_shortened_and_counted(turtle):
    result = run_query(turtle, "accusations")
    text = format_result(result, "table", max_width=30)
    lines = text.splitlines()
    assert lines[0].split() == result.variables
    assert set(lines[1]) == {"-", " "}
    assert lines[-1] == "(4 rows)"
    assert "actor:state/RUS" in lines[2]  # IRIs shortened with prefixes
    assert all(len(cell) <= 30 for line in lines[2:-1] for cell in re.split(r" {2,}", line))
    assert "Russia accused Ukraine of inv…" in lines[2]
    assert format_result(run_query(turtle, "ASK { ?s ?p ?o }"), "table") == "true\n"
    with pytest.raises(ValueError, match="table"):
        format_result(result, "xml")


# -- the bundled corpus -------------------------------------------------------------------------


@pytest.mark.model
def test_shipped_queries_agree_with_the_claims_of_the_bundled_corpus(built_corpus):
    out, result = built_corpus
    claims = result.graph.claims
    graph = out / "graph.ttl"
    accusations = run_query(graph, "accusations")
    expected = [c for c in claims if c.predicate == "accuses" and not c.negated and c.object]
    assert len(accusations) == len(expected)
    assert Counter(r["quote"] for r in accusations.dicts()) == Counter(c.sentence for c in expected)
    denials = run_query(graph, "denials")
    assert len(denials) == sum(1 for c in claims if c.predicate == "denies" and not c.negated)
    members = run_query(graph, "members").dicts()
    pairs = {
        (c.object.label, c.subject.label)
        for c in claims
        if c.predicate == "member_of" and not c.negated and not c.hedged and c.object
    }
    assert {(r["organisationLabel"], r["memberLabel"]) for r in members} == pairs
    for row in run_query(graph, "corroborated").dicts():
        assert int(row["sources"]) >= 2
