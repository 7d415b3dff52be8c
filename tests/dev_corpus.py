"""Where the shared dev corpus is (beside the project, in ../shared) and how
the test folders read it. On the pytest path (``pythonpath`` in
pyproject.toml), so that each folder's conftest can import it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_DOCS = SHARED / "corpus" / "dev" / "docs.jsonl"
DEV_GOLD = SHARED / "corpus" / "dev" / "gold.jsonl"
SCORER = SHARED / "eval" / "score.py"


def load_dev_docs() -> list[dict[str, Any]]:
    """The dev documents; skips the calling test when the corpus is absent."""
    if not DEV_DOCS.exists():
        pytest.skip(f"the dev corpus is not at {DEV_DOCS}")
    with DEV_DOCS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_dev_gold() -> dict[str, list[dict[str, Any]]]:
    """The gold mentions of each dev document, by id; skips when absent."""
    if not DEV_GOLD.exists():
        pytest.skip(f"the dev gold is not at {DEV_GOLD}")
    with DEV_GOLD.open(encoding="utf-8") as f:
        return {d["id"]: d["mentions"] for d in map(json.loads, f) if d}
