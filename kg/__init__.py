"""kg: a cited geopolitical knowledge graph from news articles.

>>> import kg
>>> kg.__version__
'0.1.0'
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "build", "load", "__version__"]

if TYPE_CHECKING:
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
    if name == "KnowledgeGraph":
        from kg.graph import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(name)
