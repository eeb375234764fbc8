"""notebooks/explore.ipynb runs top to bottom on the tables of data/raw/ and draws its figures.

The kernel is this interpreter (a kernel spec written to a temporary JUPYTER_PATH pointing at
sys.executable), so the test does not depend on a user-installed `python3` kernel.
"""
from __future__ import annotations

import json
import sys

import pytest

from conftest import REPO

NOTEBOOK = REPO / "notebooks" / "explore.ipynb"
FIGURE_TAGS = ("figure-timeline", "figure-map", "figure-organisations", "figure-network")
KERNEL = "pipeline-test-kernel"


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def test_notebook_committed_without_outputs():
    import nbformat
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    assert {t for c in code for t in _tags(c)} >= set(FIGURE_TAGS)


@pytest.fixture()
def kernel_path(tmp_path, monkeypatch):
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "pipeline test kernel", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    return tmp_path


def test_notebook_executes_and_draws(sample_out, kernel_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    monkeypatch.setenv("PIPELINE_OUT", str(sample_out))
    monkeypatch.setenv("PIPELINE_INPUT", str(REPO / "data" / "raw"))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=KERNEL, timeout=300,
                                     resources={"metadata": {"path": str(REPO / "notebooks")}})
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    for tag in FIGURE_TAGS:
        cell = next(c for c in nb.cells if tag in _tags(c))
        images = [o for o in cell.outputs if o.output_type == "display_data" and "image/png" in o.get("data", {})]
        assert images, f"cell {tag} drew no figure"
        assert len(images[0]["data"]["image/png"]) > 2000  # a real picture, not an empty canvas stub
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.outputs if o.output_type == "stream")
    assert str(sample_out) in text
    assert "evidence [" in text or "no event with an evidence span" in text
