from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "sources"
GOLD = Path(__file__).resolve().parent / "fixtures" / "gold" / "articles_gold.jsonl"


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory):
    """The bundled corpus built once with the packaged pipeline: (out dir, BuildResult)."""
    from kg.build import build_corpus

    out = tmp_path_factory.mktemp("out")
    result = build_corpus([SOURCES], out)
    return out, result


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
