from __future__ import annotations

import pytest
from helpers import SOURCES


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory):
    """The bundled corpus built once with the packaged pipeline: (out dir, BuildResult)."""
    from kg.build import build_corpus

    out = tmp_path_factory.mktemp("out")
    result = build_corpus([SOURCES], out)
    return out, result
