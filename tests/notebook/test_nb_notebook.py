"""The example notebook runs clean, top to bottom, so that it never rots."""

from __future__ import annotations

import json
import sys
import time

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")

from nbhelpers import NOTEBOOK  # noqa: E402


def test_notebook_is_stored_without_outputs():
    """Outputs are made by running it; the stored file stays small and diffable."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("corpus", ["dev", "sample"])
def test_notebook_runs_clean(tmp_path, monkeypatch, corpus):
    """On the dev corpus (when this checkout has ../shared), and on the
    small sample shipped in examples/ (what a fresh clone has)."""
    if corpus == "sample":
        monkeypatch.setenv("TALLYSTICK_CORPUS", str(NOTEBOOK.parent / "sample"))
    else:
        monkeypatch.delenv("TALLYSTICK_CORPUS", raising=False)
    # A kernel spec of our own, so the kernel is this interpreter (with this
    # tallystick), whatever other "python3" kernels the machine has.
    spec = tmp_path / "jupyter" / "kernels" / "tallystick-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "tallystick tests", "language": "python",
    }), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("TALLYSTICK_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="tallystick-test", resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    start = time.monotonic()
    client.execute()  # raises CellExecutionError on the first failing cell
    elapsed = time.monotonic() - start

    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = "".join(o.text for o in outputs if o.output_type == "stream" and o.name == "stderr")
    assert "Traceback" not in stderr and "Warning" not in stderr, stderr
    html = [o.data["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="tallystick-view"' in h for h in html), "the highlighted view is shown"
    assert any("lower_bound" in h and "governorate" in h for h in html), "the summary table is shown"
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 1, "one plot"
    assert list((tmp_path / "out").glob("*.html")), "the view was saved to a file"
    assert elapsed < 300, f"the notebook took {elapsed:.0f}s"
