"""Node-link JSON: the networkx view as networkx's ``node_link_data`` writes it.

The document has ``directed``, ``multigraph``, ``graph``, ``nodes`` (each with ``id`` and
the node attributes) and ``edges`` (each with ``source``, ``target``, ``key`` = predicate and
the edge attributes; see docs/api.md). Attributes keep their JSON types (lists of claim
dicts, null), so ``networkx.node_link_graph(data, edges="edges")`` or
:func:`read_node_link` gives back the graph of ``KnowledgeGraph.to_networkx()``. The
document is built here rather than by ``nx.node_link_data`` so that it is the same
whatever the installed networkx's defaults.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from kg.graph import KnowledgeGraph

NODES = "nodes"
EDGES = "edges"


def to_node_link(kg: KnowledgeGraph) -> dict[str, Any]:
    """The node-link document of ``kg.to_networkx()`` (JSON-serialisable)."""
    graph = kg.to_networkx()
    nodes = [{**data, "id": node} for node, data in graph.nodes(data=True)]
    edges = [
        {**data, "source": u, "target": v, "key": key}
        for u, v, key, data in graph.edges(keys=True, data=True)
    ]
    return {
        "directed": True,
        "multigraph": True,
        "graph": dict(graph.graph),
        NODES: nodes,
        EDGES: edges,
    }


def write_node_link(kg: KnowledgeGraph, path: str | Path) -> None:
    """Write :func:`to_node_link` to ``path`` as UTF-8 JSON."""
    text = json.dumps(to_node_link(kg), ensure_ascii=False, indent=1)
    Path(path).write_text(text + "\n", encoding="utf-8")


def read_node_link(path: str | Path) -> nx.MultiDiGraph:
    """Read a file written by :func:`write_node_link` back into a MultiDiGraph."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    try:
        return nx.node_link_graph(data, directed=True, multigraph=True, edges=EDGES)
    except TypeError:  # networkx < 3.4 calls the argument "link"
        return nx.node_link_graph(data, directed=True, multigraph=True, link=EDGES)
