"""Shared paths and small helpers of the tests (importable as `helpers`)."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "sources"
GOLD = Path(__file__).resolve().parent / "fixtures" / "gold" / "articles_gold.jsonl"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
