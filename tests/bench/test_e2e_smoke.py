"""Smoke run of the end-to-end benchmark on a tiny corpus (the full run is not a test)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT.parent / "shared" / "corpus" / "dev" / "docs.jsonl"


def test_e2e_benchmark_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    if not DOCS.exists():
        pytest.skip(f"no source documents at {DOCS}")
    out = tmp_path / "results.md"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "e2e.py"), "--size-mb", "0.1", "--out", str(out),
         "--tools", "tallystick-1t,tallystick-all,tallystick-cli"],
        capture_output=True, text=True, check=True,
    )
    table = out.read_text(encoding="utf-8")
    for tool in ("tallystick-1t", "tallystick-all", "tallystick-cli"):
        assert f"| {tool} |" in table, proc.stderr
