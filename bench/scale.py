#!/usr/bin/env python3
"""Throughput of tallystick.spark and tallystick.dask on one machine.

Makes a deterministic corpus by repeating the dev corpus's documents to about
``--size-mb`` MB (ids ``<id>-r<n>``), then times, for each engine, two jobs:
reading the JSONL and computing every row of the mention table without
writing it ("extract": Spark's ``noop`` sink, Dask's row count per
partition, the rows in a list), and reading, extracting and writing the table
as Parquet ("+ write Parquet"):

* ``single``: one process, ``_table.table_rows`` on 1 thread, written with
  pyarrow (the baseline; its start-up is the extractor's build),
* ``cli-1``, ``cli-2``: ``tallystick extract`` with ``--threads 1`` or ``2``
  ("extract": JSONL to /dev/null; "+ write Parquet": ``--format parquet``),
  its start-up (import and extractor build: the CLI on an empty file) timed
  apart and taken off its runs,
* ``spark``: ``tallystick.spark.extract`` on a SparkSession ``local[N]``,
* ``dask``: ``tallystick.dask.extract`` on a LocalCluster of N worker
  processes of one thread each.

Startup (the JVM and SparkSession, the cluster) and a warm-up job (the
workers' first Python start, import and extractor build) are timed apart and
not counted in MB/s and docs/s; each timed job runs ``--repeat`` times (default
2) and the best run is reported (a JVM's first run is slower). MB are 10**6 bytes of UTF-8 text (not of JSON).

    python3 bench/scale.py [--size-mb 20] [--workers 2] [--engines single,spark,dask] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
DEV_DOCS = ROOT.parent / "shared" / "corpus" / "dev" / "docs.jsonl"


def make_corpus(size_mb: float, out: Path) -> tuple[int, int]:
    """Writes the dev documents again and again until about size_mb MB of text; returns (docs, text bytes)."""
    with DEV_DOCS.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    target = int(size_mb * 1_000_000)
    n = size = 0
    with out.open("w", encoding="utf-8") as f:
        rep = 0
        while size < target:
            for d in docs:
                f.write(json.dumps({"id": f"{d['id']}-r{rep:05d}", "text": d["text"]}, ensure_ascii=False) + "\n")
                n += 1
                size += len(d["text"].encode("utf-8"))
            rep += 1
    return n, size


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


REPEAT = 2


def best(fn: Callable[[Path | None], Any], out: Path) -> float:
    """The shortest of REPEAT runs of fn (each given a fresh output path, then
    removed but for the last): the first run of a JVM is slower (JIT)."""
    times = []
    for i in range(REPEAT):
        target = out.with_name(f"{out.name}-{i}")
        times.append(timed(lambda: fn(target))[0])
        if i < REPEAT - 1:
            shutil.rmtree(target, ignore_errors=True)
    if out.exists():
        shutil.rmtree(out)
    os.rename(target, out)
    return min(times)


def parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

    return int(pq.read_table(path, columns=["doc_id"]).num_rows)


def run_single(corpus: Path, out: Path, workers: int) -> dict[str, Any]:
    import pyarrow.parquet as pq

    from tallystick import Extractor, _table

    # The extractor's build (and first use) is this engine's start-up.
    startup, extractor = timed(lambda: Extractor())
    warmup, _ = timed(lambda: extractor.extract("Homs got 3 tons."))

    def rows() -> list[tuple[Any, ...]]:
        with corpus.open(encoding="utf-8") as f:
            docs = [json.loads(line) for line in f]
        return _table.table_rows(extractor, [d["id"] for d in docs], [d["text"] for d in docs], threads=1)

    def job(target: Path | None) -> None:
        assert target is not None
        target.mkdir()
        pq.write_table(_table.arrow_table(rows()), target / "part-00000.parquet")

    count = min(timed(rows)[0] for _ in range(REPEAT))
    seconds = best(job, out)
    return {"startup": startup, "warmup": warmup, "count": count, "seconds": seconds, "rows": parquet_rows(out)}


def run_cli(corpus: Path, out: Path, threads: int) -> dict[str, Any]:
    import subprocess

    def cli(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "tallystick", "extract", "-q", "--threads", str(threads), *args],
                       check=True)

    empty = out.with_name(out.name + "-empty.jsonl")
    empty.write_text("", encoding="utf-8")
    startup = min(timed(lambda: cli(str(empty), "-o", os.devnull))[0] for _ in range(REPEAT))
    count = min(timed(lambda: cli(str(corpus), "-o", os.devnull))[0] for _ in range(REPEAT)) - startup
    seconds = best(lambda target: cli(str(corpus), "--format", "parquet", "-o", str(target)), out) - startup
    return {"startup": startup, "warmup": 0.0, "count": count, "seconds": seconds, "rows": parquet_rows(out)}


def run_spark(corpus: Path, out: Path, workers: int) -> dict[str, Any]:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    import warnings

    from pyspark import SparkContext
    from pyspark.sql import SparkSession

    from tallystick import spark as tspark

    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
    startup, session = timed(lambda: (
        SparkSession.builder.master(f"local[{workers}]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(workers))
        # About 16 partitions of the corpus, so that both cores stay busy to the end.
        .config("spark.sql.files.maxPartitionBytes", str(max(1 << 20, corpus.stat().st_size // 16)))
        .getOrCreate()
    ))
    session.sparkContext.setLogLevel("ERROR")
    try:
        def warm() -> None:
            small = session.createDataFrame([(str(i), "Homs got 3 tons.") for i in range(2 * workers)],
                                            "id string, text string").repartition(workers)
            tspark.extract(small).collect()

        warmup, _ = timed(warm)

        def mentions() -> Any:
            return tspark.extract(session.read.schema("id string, text string").json(str(corpus)))

        # The "noop" sink computes every row and writes nothing.
        count = min(timed(lambda: mentions().write.format("noop").mode("overwrite").save())[0] for _ in range(REPEAT))
        seconds = best(lambda target: mentions().write.parquet(str(target)), out)
        return {"startup": startup, "warmup": warmup, "count": count, "seconds": seconds, "rows": parquet_rows(out)}
    finally:
        gateway = SparkContext._gateway
        session.stop()
        if gateway is not None:
            gateway.shutdown()
            proc = getattr(gateway, "proc", None)
            if proc is not None and proc.stdin is not None:
                proc.stdin.close()
                proc.wait(timeout=60)


def run_dask(corpus: Path, out: Path, workers: int) -> dict[str, Any]:
    import dask.dataframe as dd  # type: ignore[import-untyped, unused-ignore]
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    from distributed import Client, LocalCluster  # type: ignore[import-untyped, unused-ignore]

    from tallystick import _table
    from tallystick import dask as tdask

    def start() -> tuple[Any, Any]:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        return cluster, Client(cluster)

    startup, (cluster, client) = timed(start)
    try:
        def warm() -> None:
            small = pd.DataFrame({"id": [str(i) for i in range(2 * workers)], "text": ["Homs got 3 tons."] * 2 * workers})
            tdask.extract(dd.from_pandas(small, npartitions=workers)).compute()

        warmup, _ = timed(warm)

        def mentions() -> Any:
            blocksize = max(1 << 20, corpus.stat().st_size // 16)
            docs = dd.read_json(str(corpus), lines=True, blocksize=blocksize, dtype={"id": str, "text": str})
            return tdask.extract(docs)

        count = min(timed(lambda: mentions().map_partitions(len).compute().sum())[0] for _ in range(REPEAT))
        seconds = best(lambda target: mentions().to_parquet(str(target), schema=_table.arrow_schema(),
                                                            write_index=False), out)
        return {"startup": startup, "warmup": warmup, "count": count, "seconds": seconds, "rows": parquet_rows(out)}
    finally:
        client.close()
        cluster.close()


ENGINES: dict[str, Callable[[Path, Path, int], dict[str, Any]]] = {
    "single": run_single,
    "cli-1": lambda corpus, out, workers: run_cli(corpus, out, 1),
    "cli-2": lambda corpus, out, workers: run_cli(corpus, out, 2),
    "spark": run_spark,
    "dask": run_dask,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=20.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--repeat", type=int, default=REPEAT, help="runs of each timed job; the best is reported")
    args = ap.parse_args()
    globals()["REPEAT"] = max(1, args.repeat)
    if not DEV_DOCS.exists():
        sys.exit(f"no dev corpus at {DEV_DOCS}")
    tmp = Path(tempfile.mkdtemp(prefix="tallystick-scale-"))
    try:
        corpus = tmp / "corpus.jsonl"
        n_docs, n_bytes = make_corpus(args.size_mb, corpus)
        print(f"corpus: {n_docs:,} documents, {n_bytes / 1e6:.1f} MB of text ({corpus.stat().st_size / 1e6:.1f} MB JSONL); "
              f"{args.workers} workers; {os.cpu_count()} cores")
        print("| engine | startup s | warm-up s | extract s | MB/s | docs/s | + write Parquet s | MB/s | docs/s | rows |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        rows_seen = set()
        for name in args.engines.split(","):
            r = ENGINES[name](corpus, tmp / f"out-{name}", args.workers)
            rows_seen.add(r["rows"])
            cells = [f"{r[k]:.1f}" for k in ("startup", "warmup")]
            for k in ("count", "seconds"):
                cells += [f"{r[k]:.2f}", f"{n_bytes / 1e6 / r[k]:.1f}", f"{n_docs / r[k]:,.0f}"]
            print(f"| {name} | {' | '.join(cells)} | {r['rows']:,} |", flush=True)
        if len(rows_seen) > 1:
            sys.exit(f"the engines wrote different numbers of rows: {sorted(rows_seen)}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
