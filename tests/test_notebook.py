"""The walkthrough notebook runs top to bottom (so it cannot rot)."""
from __future__ import annotations

import pytest

from .conftest import ROOT


def test_walkthrough_notebook_executes():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(ROOT / "notebooks" / "walkthrough.ipynb", as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}})
    client.execute()
    outputs = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "conflicts among the seeds: 0" in outputs
    assert "HTML report:" in outputs
