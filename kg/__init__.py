"""kg: a cited geopolitical knowledge graph from news articles.

``build`` reads documents into a :class:`KnowledgeGraph` (and writes its files), ``load``
reads the files back; the analysis helpers of :mod:`kg.analysis` answer one question each.
Nothing heavy is imported until it is used:

>>> import kg
>>> kg.__version__
'0.1.0'
>>> g = kg.graph_from_triples([
...     ("Russia", "accuses", "Ukraine", {"doc": "a"}),
...     ("Ukraine", "denies", None, {"doc": "a"}),
... ])
>>> [(actor.label, weight) for actor, weight in kg.top_accusers(g)]
[('Russia', 1)]
>>> [d.accusation.subject.label for d in kg.denials(g, "Ukraine")]
['Russia']
>>> sorted(g.to_networkx().edges(keys=True))
[('state:russia', 'state:ukraine', 'accuses'), ('state:ukraine', 'state:russia', 'denies')]
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# Public names served lazily from their modules (see __getattr__).
_LAZY = {
    "KnowledgeGraph": "kg.graph",
    "accusations": "kg.analysis",
    "allies": "kg.analysis",
    "claims_over_time": "kg.analysis",
    "denials": "kg.analysis",
    "ego_network": "kg.analysis",
    "graph_from_triples": "kg.analysis",
    "members": "kg.analysis",
    "shortest_path": "kg.analysis",
    "top_accusers": "kg.analysis",
}

__all__ = [
    "KnowledgeGraph",
    "__version__",
    "accusations",
    "allies",
    "build",
    "claims_over_time",
    "denials",
    "ego_network",
    "graph_from_triples",
    "load",
    "members",
    "shortest_path",
    "top_accusers",
]

if TYPE_CHECKING:
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
    from kg.graph import KnowledgeGraph


def build(paths, out_dir: str | Path | None = None, *, model: str | Path | None = None):
    """Build the graph of the documents under ``paths`` (and write it if ``out_dir`` is given)."""
    from kg.build import build_graph, write_outputs

    if isinstance(paths, str | Path):
        paths = [paths]
    result = build_graph(paths, model=model)
    if out_dir is not None:
        write_outputs(result.graph, out_dir)
    return result.graph


def load(out_dir: str | Path):
    """Load a graph written by ``kg build``."""
    from kg.graph import KnowledgeGraph

    return KnowledgeGraph.load(out_dir)


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
