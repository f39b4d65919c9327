"""The benchmark smoke run: the figures `make bench` reports are computed and consistent."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_benchmark_smoke(tmp_path):
    figures_path = tmp_path / "figures.json"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "run.py"),
            "--smoke",
            "--json",
            str(figures_path),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(figures_path.read_text(encoding="utf-8"))
    documents = figures["documents"]
    assert figures["workers_2_same_output"] is True
    incremental = figures["incremental"]
    assert incremental["identical_to_full_rebuild"] is True
    # only the added document is analysed again
    assert incremental["cache"] == {"hits": documents, "misses": 1}
    assert figures["kg_build_workers_1"]["words"] > 0
    assert figures["bare_nlp_pipe"]["words_per_second"] > 0
    # two alternating rounds; the reported ratio compares the fastest pass of each
    assert figures["rounds"] == 2 and len(figures["ratio_per_round"]) == 2
    assert figures["ratio_end_to_end_to_bare"] >= min(figures["ratio_per_round"])
    assert len(figures["speedup_workers_2_per_round"]) == 2
    assert set(figures["peak_rss_mb"]) == {"250k", "500k", "1M"}
