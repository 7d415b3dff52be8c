"""Fixtures of the Spark and Dask tests: one SparkSession (local[2]) and one
Dask LocalCluster (2 worker processes) for the whole session, both shut down
at its end; the dev corpus and its single-process and CLI tables.

The fixtures start nothing until a test asks for them, so the other tests of
this folder do not pay for a JVM or a cluster.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterable, Iterator, Sequence

import pytest

from tallystick import Extractor, _table, _workers

from dev_corpus import DEV_DOCS, load_dev_docs

Row = tuple[Any, ...]


# ------------------------------------------------------------------ tables
def _cell(name: str, value: Any) -> Any:
    """A cell as a plain Python value (nulls of any kind as None)."""
    if value is None or value is getattr(sys.modules.get("pandas"), "NA", object()):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    kind = _table.COLUMN_TYPES[name]
    if kind == "int64":
        return int(value)
    if kind == "float64":
        return float(value)
    return str(value)


def _sort_key(row: Row) -> tuple[Any, ...]:
    doc_id, start, end, kind = row[0], row[2], row[3], row[1]
    return (doc_id or "", -1 if start is None else start, -1 if end is None else end, kind or "", repr(row))


def normalize(rows: Iterable[Sequence[Any]]) -> list[Row]:
    """Rows (in the order of TABLE_COLUMNS) as plain tuples sorted by doc_id, start, end, kind."""
    out = [tuple(_cell(name, v) for name, v in zip(_table.TABLE_COLUMNS, row)) for row in rows]
    for row in out:
        assert len(row) == len(_table.TABLE_COLUMNS)
    return sorted(out, key=_sort_key)


def frame_rows(frame: Any) -> list[Row]:
    """A pandas frame of the table as normalized rows."""
    assert list(frame.columns) == list(_table.TABLE_COLUMNS)
    return normalize(frame.astype(object).itertuples(index=False, name=None))


def dict_rows(rows: Iterable[dict[str, Any]]) -> list[Row]:
    """Row dicts (a Dask Bag's) as normalized rows."""
    return normalize(tuple(r[name] for name in _table.TABLE_COLUMNS) for r in rows)


def table_key(extractor: Extractor) -> str:
    """The key of ``extractor`` in the workers' cache (and in the build log)."""
    import hashlib

    return hashlib.sha256(_workers.extractor_state(extractor)).hexdigest()


@pytest.fixture(scope="session")
def tables() -> SimpleNamespace:
    """The helpers above, for the test modules (which cannot import this
    conftest by name when other test folders have one too)."""
    return SimpleNamespace(normalize=normalize, frame_rows=frame_rows, dict_rows=dict_rows,
                           table_key=table_key, builds=builds)


# ------------------------------------------------------------------ corpus
@pytest.fixture(scope="session")
def dev_docs() -> list[dict[str, Any]]:
    return load_dev_docs()


@pytest.fixture(scope="session")
def dev_reference(dev_docs: list[dict[str, Any]]) -> list[Row]:
    """The single-process table of the dev corpus."""
    ids = [d["id"] for d in dev_docs]
    texts = [d["text"] for d in dev_docs]
    extractor = Extractor()
    results = _table.extract_documents(extractor, ids, texts)
    rows = frame_rows(_table.pandas_frame(_table.table_rows(extractor, ids, texts, None, results)))
    assert rows and not any(r[-1] for r in rows)
    return rows


@pytest.fixture(scope="session")
def dev_cli(tmp_path_factory: pytest.TempPathFactory, dev_docs: list[dict[str, Any]]) -> list[Row]:
    """What ``tallystick extract --format parquet`` writes for the dev corpus."""
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path_factory.mktemp("cli") / "parquet"
    p = subprocess.run([sys.executable, "-m", "tallystick", "extract", str(DEV_DOCS), "--quiet",
                        "--format", "parquet", "-o", str(target)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    table = pq.read_table(target)
    assert tuple(table.column_names) == _table.TABLE_COLUMNS
    return normalize(tuple(r[name] for name in _table.TABLE_COLUMNS) for r in table.to_pylist())


# ------------------------------------------------------------------ builds
@pytest.fixture(scope="session")
def build_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The file where every worker process logs its extractor builds
    ("pid key" lines): set before Spark's JVM and Dask's workers start, so
    that they inherit it."""
    path = tmp_path_factory.mktemp("builds") / "builds.log"
    path.touch()
    os.environ[_workers._BUILD_LOG_ENV] = str(path)
    return path


def builds(log: Path, key: str) -> dict[int, int]:
    """Builds of the extractor ``key``, per process id."""
    counts: dict[int, int] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        pid, k = line.split()
        if k == key:
            counts[int(pid)] = counts.get(int(pid), 0) + 1
    return counts


# ------------------------------------------------------------------ Spark
@pytest.fixture(scope="session")
def spark(build_log: Path) -> Iterator[Any]:
    """A SparkSession on local[2], its JVM shut down at the end of the session."""
    pytest.importorskip("pyspark")
    from pyspark import SparkContext
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("tallystick-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    gateway = SparkContext._gateway
    session.stop()
    if gateway is not None:
        gateway.shutdown()
        proc = getattr(gateway, "proc", None)
        if proc is not None:
            # The JVM exits when its stdin closes.
            if proc.stdin is not None:
                proc.stdin.close()
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:  # pragma: no cover
                proc.kill()
                proc.wait()
    SparkContext._gateway = None
    SparkContext._jvm = None


# ------------------------------------------------------------------ Dask
@pytest.fixture(scope="session")
def dask_client(build_log: Path) -> Iterator[Any]:
    """A Dask Client on a LocalCluster of 2 worker processes of 1 thread, closed at the end of the session."""
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()
