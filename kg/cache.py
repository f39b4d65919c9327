"""Analysis cache: one JSON file per document, keyed by document content and pipeline version.

An incremental rebuild reads unchanged documents from here instead of running spaCy again.
Entries are plain JSON (claims, mentions, actors), so a cache is safe to share and inspect.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kg.actors import Actor
from kg.claims import claim_from_dict

if TYPE_CHECKING:
    from kg.build import DocumentResult
    from kg.documents import Document


class AnalysisCache:
    def __init__(self, root: str | Path, pipeline_version: str):
        self.dir = Path(root) / pipeline_version
        self.dir.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.misses = 0

    def _path(self, document: Document) -> Path:
        digest = document.checksum
        return self.dir / digest[:2] / f"{digest}.json"

    def get(self, document: Document) -> DocumentResult | None:
        from kg.build import DocumentResult

        path = self._path(document)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            self.misses += 1
            return None
        self.hits += 1
        claims = [claim_from_dict(c) for c in data["claims"]]
        actors = {a["id"]: Actor(**a) for a in data["actors"]}
        mentions = [tuple(m) for m in data["mentions"]]
        return DocumentResult(
            document, claims, mentions, actors, data["words"], data.get("contexts", {})
        )

    def put(self, result: DocumentResult) -> None:
        path = self._path(result.document)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "claims": [dict(c.to_dict(), rule=c.rule) for c in result.claims],
            "actors": [
                {
                    "id": a.id,
                    "label": a.label,
                    "type": a.type,
                    "wikidata": a.wikidata,
                    "iso3": a.iso3,
                    "country": a.country,
                }
                for a in sorted(result.actors.values(), key=lambda a: a.id)
            ],
            "mentions": [list(m) for m in result.mentions],
            "words": result.words,
            "contexts": result.contexts,
        }
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
