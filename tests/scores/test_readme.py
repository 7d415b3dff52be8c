"""The README's Python quick start and its first command run as written."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_quick_start_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks, "the README has no Python example"
    for code in blocks:
        if "tallystick.spark" in code or "tallystick.dask" in code:
            continue  # the cluster recipes: tests/scale/test_readme_recipes.py runs them
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})


def test_the_sample_command_extracts_every_sample_document() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tallystick", "extract", str(ROOT / "examples" / "sample"), "--quiet"],
        check=True, capture_output=True, text=True, cwd=ROOT,
    ).stdout
    docs = [json.loads(line) for line in out.splitlines() if line.strip()]
    ids = {d["id"] for d in docs}
    assert {"bulletin-1.txt", "bulletin-2.txt", "sample-3", "sample-4"} <= ids, ids
    kinds = {m["kind"] for d in docs for m in d["mentions"]}
    assert kinds == {"place", "camp", "actor", "quantity", "date"}
