"""The public API: lazy imports, analysis helpers, doctests, GraphML and node-link round trips."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
from dataclasses import replace

import networkx as nx
import pytest
from helpers import REPO

import kg
import kg.analysis
from kg.analysis import (
    accusations,
    allies,
    claims_over_time,
    denials,
    ego_network,
    graph_from_triples,
    members,
    shortest_path,
    top_accusers,
)
from kg.export.graphml import write_graphml
from kg.export.nodelink import read_node_link, to_node_link, write_node_link
from kg.graph import ActorRecord, KnowledgeGraph

DOCS = REPO / "docs"

TRIPLES = [
    ("Russia", "accuses", "Ukraine", {"doc": "a", "date": "2024-03-23"}),
    ("Russia", "accuses", "Ukraine", {"doc": "b", "date": "2024-03-27", "hedged": True}),
    ("Ukraine", "denies", None, {"doc": "b", "about": "Crocus City Hall attack"}),
    ("Russia", "accuses", "Tajikistan", {"doc": "c"}),
    ("Tajikistan", "denies", None, {"doc": "c"}),
    ("Ukraine", "accuses", "Russia", {"doc": "a", "negated": True}),
    ("United States", "accuses", "ISIS-K", {"doc": "a"}),
    ("United States", "denies", "Russia", {"doc": "b"}),
    ("Russia", "member_of", "CSTO", {"doc": "a", "status": "active"}),
    ("Russia", "member_of", "CSTO", {"doc": "c", "status": "active"}),
    ("Tajikistan", "member_of", "CSTO", {"doc": "c", "status": "active"}),
    ("Armenia", "member_of", "CSTO", {"doc": "a", "status": "left"}),
    ("Armenia", "member_of", "CSTO", {"doc": "c", "status": "suspended"}),
    ("Belarus", "member_of", "CSTO", {"doc": "c", "hedged": True}),
    ("Russia", "allied_with", "Tajikistan", {"doc": "a"}),
    ("Tajikistan", "allied_with", "Russia", {"doc": "c"}),
    ("Kyrgyzstan", "conflict_with", "Tajikistan", {"doc": "c"}),
    ("Emomali Rahmon", "leader_of", "Tajikistan", {"doc": "c"}),
    ("Emomali Rahmon", "criticizes", "Vladimir Putin", {"doc": "c", "hedged": True}),
    ("ISIS-K", "claims_responsibility", None, {"doc": "b"}),
    ("Syria", "criticizes", "Iraq", {"doc": "a"}),
]
TYPES = {
    "CSTO": "IGO",
    "ISIS-K": "ArmedGroup",
    "Emomali Rahmon": "Person",
    "Vladimir Putin": "Person",
}


@pytest.fixture()
def graph() -> KnowledgeGraph:
    return graph_from_triples(TRIPLES, types=TYPES)


def labels(actors) -> list[str]:
    return [a.label for a in actors]


# -- package ---------------------------------------------------------------------------------


@pytest.mark.parametrize("module", [kg, kg.analysis], ids=lambda m: m.__name__)
def test_doctests_pass(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_docs_api_examples_pass():
    result = doctest.testfile(str(DOCS / "api.md"), module_relative=False)
    assert result.attempted > 0
    assert result.failed == 0


def test_import_kg_loads_neither_spacy_nor_networkx():
    code = (
        "import sys, kg; "
        "heavy = sorted(m for m in ('spacy', 'networkx', 'kg.graph', 'kg.analysis') "
        "if m in sys.modules); "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("name", [n for n in kg.__all__ if n not in ("build", "load")])
def test_public_names_resolve_lazily(name):
    assert name in dir(kg)
    value = getattr(kg, name)
    if name == "__version__":
        assert value == "0.1.0"
    elif name == "KnowledgeGraph":
        assert value is KnowledgeGraph
    else:
        assert value is getattr(kg.analysis, name)


def test_all_lists_exactly_the_public_names():
    assert set(kg.__all__) == {"__version__", "build", "load", *kg._LAZY}


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_helper"):
        kg.no_such_helper  # noqa: B018


# -- graph_from_triples -----------------------------------------------------------------------


def test_graph_from_triples_builds_cited_claims(graph):
    assert len(graph.claims) == len(TRIPLES)
    assert set(graph.documents) == {"a", "b", "c"}
    assert graph.documents["a"]["date"] == "2024-03-23"
    assert graph.documents["c"]["date"] is None
    for claim in graph.claims:
        assert claim.sentence and claim.end - claim.start == len(claim.sentence)
        assert claim.source["date"] == graph.documents[claim.doc]["date"]
    assert graph.find("CSTO").id == "igo:csto"
    assert len({c.id for c in graph.claims}) == len(graph.claims)


def test_graph_from_triples_links_denials_to_the_accuser(graph):
    ukraine = [c for c in graph.claims if c.predicate == "denies" and c.subject.label == "Ukraine"]
    assert [c.object.label for c in ukraine] == ["Russia"]
    isis = [c for c in graph.claims if c.predicate == "claims_responsibility"]
    assert [c.object for c in isis] == [None]


@pytest.mark.parametrize(
    "triple, message",
    [
        (("Russia", "accuses"), "expected"),
        (("Russia", "accuses", "Ukraine", {"colour": "red"}), "unknown claim fields"),
    ],
)
def test_graph_from_triples_rejects_bad_input(triple, message):
    with pytest.raises(ValueError, match=message):
        graph_from_triples([triple])


def test_graph_from_triples_rejects_two_dates_for_one_document():
    with pytest.raises(ValueError, match="two dates"):
        graph_from_triples(
            [
                ("Russia", "accuses", "Ukraine", {"doc": "a", "date": "2024-03-23"}),
                ("Russia", "accuses", "Ukraine", {"doc": "a", "date": "2024-03-24"}),
            ]
        )


# -- helpers ---------------------------------------------------------------------------------


def test_accusations_are_weighted_by_sources_and_ignore_negations(graph):
    acc = accusations(graph)
    russia, ukraine = graph.find("Russia").id, graph.find("Ukraine").id
    assert acc[russia][ukraine]["weight"] == 2
    assert acc[russia][ukraine]["hedged"] is False
    assert not acc.has_edge(ukraine, russia), "a negated accusation is no edge"
    assert acc.nodes[russia] == {"label": "Russia", "type": "State"}
    strict = accusations(graph, hedged=False)
    assert strict[russia][ukraine]["weight"] == 1


def test_top_accusers_rank_by_weight_then_label(graph):
    assert [(a.label, w) for a, w in top_accusers(graph)] == [
        ("Russia", 3),
        ("United States", 1),
    ]
    assert labels(a for a, _ in top_accusers(graph, 1)) == ["Russia"]


def test_denials_come_with_the_accusation_they_answer(graph):
    (denial,) = denials(graph, "Ukraine")
    assert denial.claim.about == "Crocus City Hall attack"
    assert denial.accusation is not None
    assert (denial.accusation.subject.label, denial.accusation.object.label) == (
        "Russia",
        "Ukraine",
    )
    assert denial.accusation.doc == "b", "the accusation of the denial's own document"
    (us,) = denials(graph, "United States")
    assert us.accusation is None, "nobody accuses the United States"
    assert denials(graph, "Armenia") == []


def test_members_have_one_row_per_status_and_skip_hedged_claims(graph):
    rows = [(m.actor.label, m.status, m.sources) for m in members(graph, "CSTO")]
    assert rows == [
        ("Armenia", "left", 1),
        ("Armenia", "suspended", 1),
        ("Russia", "active", 2),
        ("Tajikistan", "active", 1),
    ]
    with_hedged = members(graph, "igo:csto", hedged=True)
    assert ("Belarus", None) in [(m.actor.label, m.status) for m in with_hedged]
    assert next(m for m in with_hedged if m.actor.label == "Belarus").hedged


def test_allies_are_symmetric(graph):
    assert [(a.actor.label, a.sources) for a in allies(graph, "Russia")] == [("Tajikistan", 2)]
    assert [(a.actor.label, a.sources) for a in allies(graph, "Tajikistan")] == [("Russia", 2)]
    assert allies(graph, "Ukraine") == []


def test_shortest_path_follows_edges_either_way(graph):
    path = shortest_path(graph, "Russia", "ISIS-K")
    assert [str(s) for s in path] == [
        "United States -denies-> Russia",
        "United States -accuses-> ISIS-K",
    ]
    assert all(step.claims and step.sources >= 1 for step in path)
    assert shortest_path(graph, "Russia", "ISIS-K", predicates={"accuses"}) is None
    assert shortest_path(graph, "Russia", "Syria") is None
    assert shortest_path(graph, "Russia", "Russia") == []


def test_ego_network_is_the_neighbourhood_in_any_direction(graph):
    ego = ego_network(graph, "Tajikistan")
    assert sorted(label for _, label in ego.nodes(data="label")) == [
        "CSTO",
        "Emomali Rahmon",
        "Kyrgyzstan",
        "Russia",
        "Tajikistan",
    ]
    assert ego.has_edge(graph.find("Russia").id, graph.find("Tajikistan").id, key="accuses")
    assert isinstance(ego, nx.MultiDiGraph)
    assert graph.find("Ukraine").id in ego_network(graph, "Tajikistan", radius=2)


def test_ego_network_of_an_actor_without_edges_is_that_actor():
    g = graph_from_triples([("ISIS-K", "claims_responsibility", None)])
    ego = ego_network(g, "ISIS-K")
    assert list(ego.nodes(data="label")) == [("state:isis-k", "ISIS-K")]


def test_unknown_actor_is_a_key_error(graph):
    with pytest.raises(KeyError, match="Atlantis"):
        members(graph, "Atlantis")


def test_claims_over_time_by_document_date(graph):
    by_day = claims_over_time(graph)
    assert list(by_day) == ["2024-03-23", "2024-03-27"]
    assert by_day["2024-03-27"]["accuses"] == 1
    assert by_day["2024-03-27"]["denies"] == 2
    by_month = claims_over_time(graph, period="month", predicate="accuses", undated=True)
    assert {k: v.total() for k, v in by_month.items()} == {"2024-03": 4, None: 1}
    assert list(by_month)[-1] is None
    with pytest.raises(ValueError, match="period"):
        claims_over_time(graph, period="week")


# -- to_networkx attributes (docs/api.md) -----------------------------------------------------


def with_identifiers(graph: KnowledgeGraph) -> KnowledgeGraph:
    """The graph with Wikidata ids and ISO codes on two actors, as the gazetteer gives them."""
    ids = {"Russia": ("Q159", "RUS"), "Ukraine": ("Q212", "UKR")}
    records = {}
    for actor_id, record in graph.actors.items():
        wikidata, iso3 = ids.get(record.actor.label, (None, None))
        actor = replace(record.actor, wikidata=wikidata, iso3=iso3)
        records[actor_id] = ActorRecord(actor, record.mentions, record.forms, record.documents)
    return KnowledgeGraph(graph.claims, records, graph.documents)


def test_to_networkx_has_the_documented_attributes(graph):
    g = with_identifiers(graph).to_networkx()
    russia, ukraine = graph.find("Russia").id, graph.find("Ukraine").id
    node = g.nodes[russia]
    assert {"label", "type", "wikidata", "iso3", "mentions", "claims", "own_claims"} <= set(node)
    assert (node["label"], node["type"], node["wikidata"], node["iso3"]) == (
        "Russia",
        "State",
        "Q159",
        "RUS",
    )
    edge = g.edges[russia, ukraine, "accuses"]
    assert edge["predicate"] == "accuses" and edge["sources"] == 2 and edge["hedged"] is False
    assert [c["source"]["date"] for c in edge["claims"]] == ["2024-03-23", "2024-03-27"]
    assert all(c["sentence"] for c in edge["claims"])
    assert g.edges[ukraine, russia, "denies"]["negated_claims"] == 0
    isis = g.nodes[graph.find("ISIS-K").id]
    assert [c["predicate"] for c in isis["own_claims"]] == ["claims_responsibility"]


def test_docs_api_describes_every_networkx_attribute(graph):
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    g = graph.to_networkx()
    attributes = {k for _, data in g.nodes(data=True) for k in data}
    attributes |= {k for *_, data in g.edges(data=True) for k in data}
    assert {"label", "iso3", "claims", "sources", "hedged"} <= attributes
    missing = sorted(a for a in attributes if f"| `{a}` |" not in text)
    assert missing == []


# -- round trips ------------------------------------------------------------------------------


def assert_same_graph(read: nx.MultiDiGraph, expected: nx.MultiDiGraph) -> None:
    assert read.is_directed() and read.is_multigraph()
    assert dict(read.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(read.edges(keys=True)) == sorted(expected.edges(keys=True))
    for u, v, key, data in expected.edges(keys=True, data=True):
        assert read.edges[u, v, key] == data, (u, v, key)


def test_node_link_round_trips_through_networkx(graph, tmp_path):
    kg_graph = with_identifiers(graph)
    path = tmp_path / "graph.json"
    write_node_link(kg_graph, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == to_node_link(kg_graph)
    assert {"directed", "multigraph", "nodes", "edges"} <= set(data)
    expected = kg_graph.to_networkx()
    assert_same_graph(nx.node_link_graph(data, edges="edges"), expected)
    assert_same_graph(read_node_link(path), expected)


def graphml_values(data: dict) -> dict:
    """Attributes as write_graphml stores them: lists JSON-encoded, None left out."""
    return {
        k: json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, list | dict) else v
        for k, v in data.items()
        if v is not None
    }


def test_graphml_round_trips_through_networkx(graph, tmp_path):
    kg_graph = with_identifiers(graph)
    path = tmp_path / "graph.graphml"
    write_graphml(kg_graph, path)
    read = nx.read_graphml(path, force_multigraph=True)
    expected = kg_graph.to_networkx()
    assert sorted(read.edges(keys=True)) == sorted(expected.edges(keys=True))
    for node, data in expected.nodes(data=True):
        assert read.nodes[node] == graphml_values(data), node
    for u, v, key, data in expected.edges(keys=True, data=True):
        stored = read.edges[u, v, key]
        assert stored == graphml_values(data), (u, v, key)
        assert json.loads(stored["claims"]) == data["claims"]


# -- the bundled corpus -----------------------------------------------------------------------


@pytest.mark.model
def test_bundled_graph_round_trips_and_answers_the_notebook_questions(built_corpus, tmp_path):
    out, _ = built_corpus
    graph = kg.load(out)
    expected = graph.to_networkx()
    write_node_link(graph, tmp_path / "graph.json")
    assert_same_graph(read_node_link(tmp_path / "graph.json"), expected)

    assert top_accusers(graph, 1)[0][0].label == "Russia"
    statuses = {m.status for m in members(graph, "CSTO") if m.actor.label == "Armenia"}
    assert statuses and statuses <= {"suspended", "left"}
    ego = {label for _, label in ego_network(graph, "Tajikistan").nodes(data="label")}
    assert {"Russia", "Emomali Rahmon", "Collective Security Treaty Organization"} <= ego


@pytest.mark.model
def test_bundled_graphml_reads_back_into_networkx(built_corpus):
    out, _ = built_corpus
    read = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    expected = kg.load(out).to_networkx()
    assert sorted(read.edges(keys=True)) == sorted(expected.edges(keys=True))
    for u, v, key, data in expected.edges(keys=True, data=True):
        assert json.loads(read.edges[u, v, key]["claims"]) == data["claims"]
