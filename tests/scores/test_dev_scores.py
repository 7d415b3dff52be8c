"""The dev-corpus scores, asserted as floors.

Runs the installed CLI on ../shared/corpus/dev/docs.jsonl, scores the output
with ../shared/eval/score.py, prints the table and checks every floor the
issues set. Skipped when ../shared is not beside the repository.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DOCS = SHARED / "corpus" / "dev" / "docs.jsonl"
GOLD = SHARED / "corpus" / "dev" / "gold.jsonl"
SCORER = SHARED / "eval" / "score.py"

# (kind, metric) -> floor. Metrics: f1, f1_full, exact_span, or an attribute.
FLOORS = {
    ("quantity", "f1"): 0.95,
    ("quantity", "value"): 0.98,
    ("quantity", "unit"): 0.95,
    ("quantity", "approx"): 0.97,
    ("quantity", "per"): 0.98,
    ("quantity", "item"): 0.85,
    ("quantity", "exact_span"): 0.85,
    ("quantity", "where"): 0.80,
    ("quantity", "f1_full"): 0.80,
    ("place", "f1"): 0.90,
    ("place", "name"): 0.95,
    ("camp", "f1"): 0.90,
    ("camp", "name"): 0.95,
    ("actor", "f1"): 0.90,
    ("actor", "name"): 0.95,
    ("date", "f1"): 0.90,
    ("date", "value"): 0.90,
}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    if not DOCS.exists():
        pytest.skip(f"the dev corpus is not at {DOCS}")
    pred = tmp_path_factory.mktemp("dev") / "pred.jsonl"
    subprocess.run(
        [sys.executable, "-m", "tallystick", "extract", str(DOCS), "-o", str(pred), "--quiet"],
        check=True,
    )
    table = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(pred)], check=True, capture_output=True, text=True)
    print("\n" + table.stdout)
    out = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(pred), "--json"], check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout)


def metric(report: dict, kind: str, name: str) -> float:
    k = report["kinds"][kind]
    return k[name] if name in k else k["attributes"].get(name, 0.0)


@pytest.mark.parametrize(("kind", "name"), sorted(FLOORS))
def test_dev_score_floor(report: dict, kind: str, name: str) -> None:
    got = metric(report, kind, name)
    assert got >= FLOORS[kind, name], f"{kind} {name} = {got:.3f}, floor {FLOORS[kind, name]}"


def test_every_document_has_a_prediction(report: dict) -> None:
    assert report["missing_documents"] == []
