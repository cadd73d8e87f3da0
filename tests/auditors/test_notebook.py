"""notebooks/archive_overview.ipynb runs headless from top to bottom (so it never rots) and
draws its three plots, the agency names on them whole and inside the figure."""
from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "archive_overview.ipynb"


#: Run after the notebook, in its kernel: the agency labels of the requests plot are the full
#: names (wrapped, not cut) and lie inside the figure.
LABELS_WHOLE = """
import re
fig_requests.canvas.draw()
ticks = fig_requests.axes[0].get_yticklabels()
shown = [re.sub(r"\\s", "", t.get_text()) for t in ticks]
assert shown == [re.sub(r"\\s", "", name) for name in reports.index], (shown, list(reports.index))
box = fig_requests.bbox
for t in ticks:
    extent = t.get_window_extent()
    assert extent.x0 >= box.x0 - 1 and extent.x1 <= box.x1 + 1 and extent.y0 >= box.y0 - 1 and extent.y1 <= box.y1 + 1, t.get_text()
print(f"agency labels whole and inside the figure: {len(ticks)}")
"""


def test_archive_overview_runs_and_plots(model_path, monkeypatch):
    monkeypatch.setenv("NIANBAO_MODEL", str(model_path))  # the kernel inherits it
    monkeypatch.setenv("PYTHONPATH", str(NOTEBOOK.parents[1]))  # and imports this checkout's nlp
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(LABELS_WHOLE))
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=600,
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 3
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "12 reports annotated, 0 refused" in printed
    assert "Counter({'pass': 9})" in printed  # 洪泽区 2023 → 2024
    assert "agency labels whole and inside the figure: 12" in printed


def test_notebook_is_saved_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") and cell.get("execution_count") is None
               for cell in nb.cells if cell.cell_type == "code")
