"""The notebooks run headless from top to bottom; their cells assert what they show."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ["01_explore.ipynb", "02_sparql.ipynb"]


def test_every_notebook_is_tested():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_without_outputs(name):
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code, "the notebook has code"
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert sum("assert " in cell.source for cell in code) >= len(code) // 2


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs(name):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on failure
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert all(cell.execution_count is not None for cell in code)
    errors = [o for cell in code for o in cell.outputs if o.output_type == "error"]
    assert errors == []
    printed = "".join(
        o.get("text", "") for cell in code for o in cell.outputs if o.output_type == "stream"
    )
    assert "Russia" in printed and "Tajikistan" in printed
    if name == "01_explore.ipynb":
        shown = [o.get("data", {}).get("text/html", "") for cell in code for o in cell.outputs]
        assert any(html.startswith("<iframe srcdoc=") for html in shown), "the inline graph view"
