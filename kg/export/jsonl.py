"""claims.jsonl, actors.json and documents.json: the graph's own files."""

from __future__ import annotations

import json
from pathlib import Path

from kg.graph import KnowledgeGraph


def to_claims_jsonl(kg: KnowledgeGraph) -> str:
    """One claim per line, keys in the documented order."""
    return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in kg.claims)


def write_claims_jsonl(kg: KnowledgeGraph, path: Path) -> None:
    with Path(path).open("w", encoding="utf-8") as fh:
        for claim in kg.claims:
            fh.write(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n")


def to_actors_json(kg: KnowledgeGraph) -> str:
    return (
        json.dumps([r.to_dict() for r in kg.actors.values()], ensure_ascii=False, indent=1) + "\n"
    )


def write_actors_json(kg: KnowledgeGraph, path: Path) -> None:
    Path(path).write_text(to_actors_json(kg), encoding="utf-8")


def to_documents_json(kg: KnowledgeGraph) -> str:
    docs = [{k: v for k, v in d.items() if k != "text"} for d in kg.documents.values()]
    return json.dumps(docs, ensure_ascii=False, indent=1) + "\n"


def write_documents_json(kg: KnowledgeGraph, path: Path) -> None:
    Path(path).write_text(to_documents_json(kg), encoding="utf-8")
