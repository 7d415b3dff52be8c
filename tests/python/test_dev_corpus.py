"""The CLI on the dev corpus writes what score.py reads, with exact offsets."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import tallystick

from conftest import DEV_DOCS, DEV_GOLD, ROOT, SCORER, check_mentions


def test_cli_on_dev_docs_is_scored(tmp_path, dev_docs):
    pred = tmp_path / "pred.jsonl"
    # The path as the README gives it: relative to the repository.
    rel = "../shared/corpus/dev/docs.jsonl"
    p = subprocess.run([sys.executable, "-m", "tallystick", "extract", rel, "-o", str(pred)],
                       cwd=ROOT, capture_output=True, timeout=300)
    assert p.returncode == 0, p.stderr.decode()
    records = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [d["id"] for d in dev_docs]
    for doc, rec in zip(dev_docs, records):
        assert set(rec) == {"id", "mentions"}
        text = doc["text"]
        for m in rec["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], m
        # The same mentions as the Python API.
        assert rec["mentions"] == [m.to_dict() for m in tallystick.extract(text)]
        check_mentions(text, tallystick.extract(text))
    if not SCORER.exists() or not DEV_GOLD.exists():
        pytest.skip("score.py or the gold file is missing")
    s = subprocess.run([sys.executable, str(SCORER), str(DEV_GOLD), str(pred)], capture_output=True, timeout=300)
    assert s.returncode == 0, s.stderr.decode()
    table = s.stdout.decode()
    for kind in ("place", "camp", "actor", "quantity", "date"):
        assert kind in table


def test_batch_on_dev_docs_matches_single(dev_docs):
    e = tallystick.Extractor()
    texts = [d["text"] for d in dev_docs]
    assert e.extract_batch(texts) == [e.extract(t) for t in texts]
    assert DEV_DOCS.exists()


def test_readme_table_example_runs(dev_docs):
    # The README's "Tables" example, run as written from the repository root;
    # its output is not compared (it follows the extraction), only its shape.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Tables: tons by governorate and month", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=300)
    assert p.returncode == 0, p.stderr.decode()
    out = p.stdout.decode()
    assert "document_date" in out and "governorate" in out and "2017-09" in out
    frame = tallystick.Extractor().extract_frame([d["text"] for d in dev_docs], ids=[d["id"] for d in dev_docs])
    assert frame[frame.doc_id == "seed-002"]["document_date"].eq("2017-09-11").all()
