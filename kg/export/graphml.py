"""GraphML export: the networkx view with list-valued attributes as JSON strings."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.graph import KnowledgeGraph


def to_graphml_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """A copy of ``kg.to_networkx()`` whose attributes GraphML can hold (no None, no lists)."""
    graph = kg.to_networkx()
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **_scalars(data))
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **_scalars(data))
    return out


def _scalars(data: dict) -> dict:
    clean = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, list | dict):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        clean[key] = value
    return clean


def write_graphml(kg: KnowledgeGraph, path: Path) -> None:
    nx.write_graphml(to_graphml_graph(kg), str(path), encoding="utf-8")
