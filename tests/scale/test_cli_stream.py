"""The streaming CLI at corpus scale: gzip and folder inputs, Parquet output,
``--resume`` after a kill, bad documents, and flat memory on 1 GB and on
100,000 files (issue 7)."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV_DOCS = ROOT.parent / "shared" / "corpus" / "dev" / "docs.jsonl"
SAMPLE = ROOT / "examples" / "sample"


def _bench_corpus() -> Any:
    spec = importlib.util.spec_from_file_location("tallystick_bench_e2e", ROOT / "bench" / "e2e.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_corpus


def make_corpus(size_mb: float, out: Path) -> Path:
    """A deterministic press-release-like JSONL corpus (bench/e2e.py's generator)."""
    if not DEV_DOCS.exists():
        pytest.skip(f"no source documents at {DEV_DOCS}")
    return _bench_corpus()(DEV_DOCS, size_mb, out)


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "tallystick", "extract", *args],
                          capture_output=True, text=True)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def cli_peak_rss_mb(*args: str) -> tuple[int, float]:
    """Runs the CLI in a fresh wrapper process; returns (exit status, peak RSS of the CLI in MB)."""
    wrapper = ("import resource, subprocess, sys\n"
               "rc = subprocess.run(sys.argv[1:]).returncode\n"
               "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    proc = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "tallystick", "extract", *args],
                          capture_output=True, text=True, check=True)
    rc, kb = proc.stdout.split()
    return int(rc), int(kb) / 1024


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def parquet_rows(path: Path) -> list[dict[str, Any]]:
    pq = pytest.importorskip("pyarrow.parquet")
    return pq.read_table(str(path)).to_pylist()


def kill_when_written(args: list[str], out: Path, min_bytes: int) -> None:
    """Starts the CLI and SIGKILLs it once ``out`` (a file or directory) holds ``min_bytes``."""
    proc = subprocess.Popen([sys.executable, "-m", "tallystick", "extract", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and proc.poll() is None:
            size = (sum(p.stat().st_size for p in out.iterdir() if p.name.startswith("part-"))
                    if out.is_dir() else out.stat().st_size if out.exists() else 0)
            if size >= min_bytes:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the run ended before it could be killed: make the corpus larger"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()


# ---------------------------------------------------------------- inputs
def test_gzip_jsonl_gives_the_same_output_as_plain_jsonl(tmp_path: Path) -> None:
    corpus = make_corpus(0.3, tmp_path / "c.jsonl")
    gz = tmp_path / "c.jsonl.gz"
    with corpus.open("rb") as src, gzip.open(gz, "wb") as dst:
        shutil.copyfileobj(src, dst)
    cli(str(corpus), "-o", str(tmp_path / "plain.jsonl"))
    cli(str(gz), "-o", str(tmp_path / "gz.jsonl"))
    plain = (tmp_path / "plain.jsonl").read_text(encoding="utf-8")
    assert plain.count("\n") > 50
    assert (tmp_path / "gz.jsonl").read_text(encoding="utf-8") == plain


def test_a_corrupt_gzip_file_gets_an_error_record(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"id": 1, "text": "Homs"}\n')[:-12])
    good = tmp_path / "good.txt"
    good.write_text("Citizens of Homs received 3 tons of flour.", encoding="utf-8")
    proc = cli(str(bad), str(good), "-o", str(tmp_path / "out.jsonl"), check=False)
    assert proc.returncode == 1
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any("gzip" in x.get("error", "") for x in lines)
    assert lines[-1]["id"] == str(good) and lines[-1]["mentions"]


def test_folders_are_read_in_sorted_path_order_with_gzipped_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    (folder / "a-b.txt").write_text("Aleppo", encoding="utf-8")
    (folder / "a" / "c.txt").write_text("Homs", encoding="utf-8")
    (folder / "a" / "d.txt.gz").write_bytes(gzip.compress("Idleb".encode()))
    (folder / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "j1", "text": "Hama"}\n'))
    (folder / "ignored.csv").write_text("Daraa", encoding="utf-8")
    cli(str(folder), "-o", str(tmp_path / "out.jsonl"))
    out = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in out] == ["a-b.txt", "a/c.txt", "a/d.txt.gz", "j1"]
    assert [d["mentions"][0]["name"] for d in out] == ["Aleppo", "Homs", "Idlib", "Hama"]


# ---------------------------------------------------------------- outputs
def test_parquet_has_the_csv_rows_and_columns(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    csv_mod = pytest.importorskip("csv")
    corpus = make_corpus(0.2, tmp_path / "c.jsonl")
    cli(str(corpus), "--format", "parquet", "-o", str(tmp_path / "out.parquet"))
    cli(str(corpus), "--format", "csv", "-o", str(tmp_path / "out.csv"))
    rows = parquet_rows(tmp_path / "out.parquet")
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as f:
        csv_rows = list(csv_mod.DictReader(f))
    import tallystick

    assert list(rows[0]) == list(tallystick.FRAME_COLUMNS) + ["error"]
    assert len(rows) == len(csv_rows) > 100

    def norm(v: Any) -> str:
        return "" if v is None else repr(float(v)) if isinstance(v, float) else str(v)

    for p, c in zip(rows, csv_rows):
        for k, v in p.items():
            expected = c[k]
            if isinstance(v, float) and expected:
                expected = repr(float(expected))
            assert norm(v) == expected, (k, p, c)


def test_parquet_needs_an_output_directory(tmp_path: Path) -> None:
    proc = cli(str(SAMPLE), "--format", "parquet", check=False)
    assert proc.returncode == 2 and "-o DIR" in proc.stderr
    (tmp_path / "mine.txt").write_text("not ours", encoding="utf-8")
    proc = cli(str(SAMPLE), "--format", "parquet", "-o", str(tmp_path), check=False)
    assert proc.returncode == 2 and "did not write" in proc.stderr


def test_resume_needs_an_output_file() -> None:
    proc = cli(str(SAMPLE), "--resume", check=False)
    assert proc.returncode == 2 and "--resume needs an output file" in proc.stderr


# ---------------------------------------------------------------- bad documents
def test_bad_documents_get_error_records_and_the_others_are_extracted(tmp_path: Path) -> None:
    big = "Homs " * 11_000_000  # 55 MB: over the default 10 MB limit
    lines = [
        {"id": "ok-1", "text": "Citizens of Homs received 3 tons of flour."},
        {"id": "null", "text": None},
        {"id": "number", "text": 42},
        {"id": "big", "text": big},
        {"id": "bad-date", "text": "On 3 May, 40 families arrived.", "date": "2017-13-45"},
        {"id": "ok-2", "text": "About 3,500 people left Aleppo."},
    ]
    corpus = tmp_path / "c.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for x in lines:
            f.write(json.dumps(x) + "\n")
        f.write("{not json\n")
    for fmt in ("jsonl", "parquet"):
        if fmt == "parquet":
            pytest.importorskip("pyarrow")
        out = tmp_path / f"out.{fmt}"
        proc = cli(str(corpus), "--format", fmt, "-o", str(out), check=False)
        assert proc.returncode == 1, proc.stderr
        if fmt == "jsonl":
            docs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
            errors = {d["id"]: d["error"] for d in docs if "error" in d}
            ok = {d["id"] for d in docs if "mentions" in d and d["mentions"]}
        else:
            rows = parquet_rows(out)
            errors = {r["doc_id"]: r["error"] for r in rows if r["error"]}
            ok = {r["doc_id"] for r in rows if not r["error"]}
        assert ok == {"ok-1", "ok-2"}
        assert set(errors) == {"null", "number", "big", "bad-date", f"{corpus}:7"}
        assert "over the limit" in errors["big"]
        assert "text" in errors["null"] and "text" in errors["number"]
        assert "date" in errors["bad-date"].lower()


def test_max_doc_mb_zero_lifts_the_limit(tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text("Homs. " * 10, encoding="utf-8")
    proc = cli(str(doc), "--max-doc-mb", "0.00001", check=False)
    assert proc.returncode == 1 and "over the limit" in proc.stdout
    assert cli(str(doc), "--max-doc-mb", "0").returncode == 0
    assert cli(str(doc), "--max-doc-mb", "-1", check=False).returncode == 2


# ---------------------------------------------------------------- resume
def _truncate(path: Path, keep: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


@pytest.mark.parametrize("keep", [0.0, 0.37, 0.999])
def test_jsonl_resume_after_a_cut_mid_line_equals_an_uninterrupted_run(tmp_path: Path, keep: float) -> None:
    corpus = make_corpus(0.5, tmp_path / "c.jsonl")
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    cli(str(corpus), "-o", str(full))
    shutil.copy(full, part)
    _truncate(part, keep)
    proc = cli(str(corpus), "-o", str(part), "--resume")
    assert part.read_bytes() == full.read_bytes()
    if keep > 0.3:
        assert "skipped" in proc.stderr


def test_csv_resume_continues_from_its_checkpoint(tmp_path: Path) -> None:
    corpus = make_corpus(0.5, tmp_path / "c.jsonl")
    full, part = tmp_path / "full.csv", tmp_path / "part.csv"
    cli(str(corpus), "--format", "csv", "-o", str(full), "--batch-size", "16")
    cli(str(corpus), "--format", "csv", "-o", str(part), "--batch-size", "16")
    # A kill between batches: the checkpoint file is behind the CSV, whose last row is half written.
    progress = Path(str(part) + ".progress")
    checkpoints = progress.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(checkpoints) > 4
    progress.write_text("".join(checkpoints[:3]) + checkpoints[3][:10], encoding="utf-8")
    _truncate(part, 0.8)
    cli(str(corpus), "--format", "csv", "-o", str(part), "--resume", "--batch-size", "16")
    assert part.read_bytes() == full.read_bytes()
    # A CSV without its checkpoint cannot be resumed safely: refused.
    progress.unlink()
    proc = cli(str(corpus), "--format", "csv", "-o", str(part), "--resume", check=False)
    assert proc.returncode == 2 and "checkpoint" in proc.stderr


def test_parquet_resume_after_sigkill_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    corpus = make_corpus(12, tmp_path / "c.jsonl")
    full, part = tmp_path / "full", tmp_path / "part"
    # Small parts (--part-mb) so that a kill lands after some parts are complete.
    cli(str(corpus), "--format", "parquet", "-o", str(full), "--part-mb", "1")
    kill_when_written([str(corpus), "--format", "parquet", "-o", str(part), "--part-mb", "1"], part, 1)
    done_before = {p.name for p in part.iterdir() if p.name.startswith("part-")}
    assert done_before
    cli(str(corpus), "--format", "parquet", "-o", str(part), "--resume", "--part-mb", "1")
    assert not [p for p in part.iterdir() if p.name.startswith(".")]
    assert parquet_rows(part) == parquet_rows(full)


# ---------------------------------------------------------------- scale
@pytest.mark.slow
def test_one_gigabyte_streams_in_flat_memory_and_resumes_after_sigkill(tmp_path: Path) -> None:
    corpus = make_corpus(1000, tmp_path / "big.jsonl")
    assert corpus.stat().st_size >= 1_000_000_000
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    rc, peak_mb = cli_peak_rss_mb(str(corpus), "-o", str(full), "-q")
    assert rc == 0
    print(f"1 GB JSONL through the CLI: peak RSS {peak_mb:.0f} MB")
    assert peak_mb < 500
    kill_when_written([str(corpus), "-o", str(part), "-q"], part, full.stat().st_size // 3)
    assert 0 < part.stat().st_size < full.stat().st_size
    rc, resumed_mb = cli_peak_rss_mb(str(corpus), "-o", str(part), "--resume", "-q")
    assert rc == 0 and resumed_mb < 500
    assert sha256(part) == sha256(full)


@pytest.mark.slow
def test_a_folder_of_100k_files_streams_in_flat_memory(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    texts = ["Citizens of al-Rastan, Homs province, received 4.4 tons of food products.",
             "About 3,500 people per every 5 days left Eastern Ghouta.",
             "UNHCR delivered 2,233 tents to Azraq camp on 3 May 2017."]
    for i in range(100_000):
        sub = folder / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"{i:06d}.txt").write_text(texts[i % 3], encoding="utf-8")
    out = tmp_path / "out.jsonl"
    rc, peak_mb = cli_peak_rss_mb(str(folder), "-o", str(out), "-q")
    assert rc == 0
    print(f"100,000 files through the CLI: peak RSS {peak_mb:.0f} MB")
    assert peak_mb < 300
    ids = []
    with out.open(encoding="utf-8") as f:
        for line in f:
            ids.append(json.loads(line)["id"])
    assert len(ids) == 100_000
    assert ids == sorted(ids) and ids[0] == "000/000000.txt"
