"""tallystick.spark.extract on a local[2] SparkSession: the same table as one
process and as the CLI, gazetteers shipped to the executors, error rows for
bad documents, one extractor per executor Python process, driver-side checks."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")

from tallystick import Extractor, _table, _workers  # noqa: E402
from tallystick import spark as tspark  # noqa: E402

from engine_helpers import GOOD, ZORBLAX, by_id, check_bad_document_rows, check_driver_errors  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    # PySpark 4.0 warns on every pandas conversion under pandas 3.
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]

SCHEMA = "id string, text string"


def collect(df: Any, tables: Any) -> list[tuple[Any, ...]]:
    """The result's rows, normalized (checking the schema on the way)."""
    assert tuple(df.columns) == _table.TABLE_COLUMNS
    return tables.normalize(tuple(r) for r in df.collect())


def test_dev_corpus_equals_one_process_and_the_cli(spark: Any, tables: Any, dev_docs: list[dict[str, Any]],
                                                    dev_reference: list[tuple[Any, ...]],
                                                    dev_cli: list[tuple[Any, ...]]) -> None:
    df = spark.createDataFrame([(d["id"], d["text"], d.get("source")) for d in dev_docs],
                               "id string, text string, source string").repartition(3)
    rows = collect(tspark.extract(df), tables)
    assert rows == dev_reference
    assert rows == dev_cli
    assert tspark.extract(df).schema.simpleString() == spark.createDataFrame(
        [], _table.spark_schema_ddl()).schema.simpleString()


def test_columns_with_other_names_and_integer_ids(spark: Any, tables: Any, dev_docs: list[dict[str, Any]],
                                                  dev_reference: list[tuple[Any, ...]]) -> None:
    numbered = {d["id"]: i for i, d in enumerate(dev_docs)}
    df = spark.createDataFrame([(numbered[d["id"]], d["text"]) for d in dev_docs], "`doc.no` bigint, body string")
    rows = collect(tspark.extract(df, text_col="body", id_col="doc.no"), tables)
    expected = tables.normalize((str(numbered[r[0]]),) + r[1:] for r in dev_reference)
    assert rows == expected


def test_a_custom_gazetteer_reaches_the_executors(spark: Any, tables: Any, tmp_path: Path) -> None:
    texts = [("a", "Food parcels reached Zorblax Camp on 3 May."), ("b", "Nothing here.")]
    df = spark.createDataFrame(texts, SCHEMA).repartition(2)
    camps = [r for r in collect(tspark.extract(df, gazetteers=[ZORBLAX], bundled=False), tables) if r[1] == "camp"]
    assert [(r[0], r[4], r[7]) for r in camps] == [("a", "Zorblax Camp", "x:1")]

    # A gazetteer file is read on the driver: the executors get its entries, not its path.
    path = tmp_path / "extra.jsonl"
    path.write_text(json.dumps(ZORBLAX) + "\n", encoding="utf-8")
    mentions = tspark.extract(df, gazetteers=str(path))
    path.unlink()
    rows = collect(mentions, tables)
    assert ("a", "camp", "Zorblax Camp", "x:1") in [(r[0], r[1], r[4], r[7]) for r in rows]


def test_bad_documents_get_error_rows_and_the_others_are_extracted(spark: Any, tables: Any) -> None:
    from pyspark.sql import functions as F

    df = spark.createDataFrame(
        [("ok", GOOD, "2019-07-20"), ("null", None, None), ("big", "", None),
         ("bad-date", GOOD, "not a date"), ("ok2", GOOD, None)],
        "id string, text string, date string",
    )
    # The 50 MB text is made on the JVM, not sent through py4j.
    df = df.withColumn("text", F.when(F.col("id") == "big", F.repeat(F.lit("Homs "), 10_000_001))
                       .otherwise(F.col("text"))).repartition(2)
    rows = by_id(collect(tspark.extract(df, date_col="date"), tables))
    check_bad_document_rows(rows, {"null", "big", "bad-date"})


def test_invalid_utf8_in_a_binary_column_gets_an_error_row(spark: Any, tables: Any) -> None:
    df = spark.createDataFrame([("ok", bytearray("Homs got 3 tons.".encode())), ("bin", bytearray(b"\xff\xfe"))],
                               "id string, text binary")
    rows = by_id(collect(tspark.extract(df), tables))
    assert "InvalidUtf8Error" in rows["bin"][0][-1]
    assert {r[1] for r in rows["ok"]} == {"place", "quantity"}


def test_the_extractor_is_built_once_per_executor_process(spark: Any, tables: Any, build_log: Path) -> None:
    extractor = Extractor(gazetteers=[ZORBLAX], kinds=["camp", "quantity"])
    key = tables.table_key(extractor)
    df = spark.createDataFrame([(f"d{i}", f"Zorblax Camp got {i + 1} tons.") for i in range(64)], SCHEMA)
    df = df.repartition(16)
    assert df.rdd.getNumPartitions() == 16
    for _ in range(2):  # two jobs: the second reuses the processes' extractors
        rows = collect(tspark.extract(df, extractor=extractor), tables)
        assert len(rows) == 128
    per_pid = tables.builds(build_log, key)
    assert per_pid, "no build logged: the executors did not inherit the build log"
    assert os.getpid() not in per_pid, "extracted on the driver"
    assert set(per_pid.values()) == {1}, per_pid
    assert len(per_pid) <= 2, per_pid  # local[2]: two Python workers, reused by all 32 tasks


def test_arguments_are_checked_on_the_driver(spark: Any, tables: Any) -> None:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    df = spark.createDataFrame([("a", "Homs", 1)], "id string, text string, n int")
    check_driver_errors(tspark.extract, df)
    with pytest.raises(TypeError, match="df must be a pyspark.sql.DataFrame"):
        tspark.extract(pd.DataFrame({"id": ["a"], "text": ["Homs"]}))
    assert tspark.extract(df, max_doc_mb=None).columns == list(_table.TABLE_COLUMNS)


def test_batches_are_extracted_in_slices() -> None:
    texts = ["a" * 5, "b" * 5, None, "c" * 100, "d", 7, "e"]
    assert [(s.start, s.stop) for s in _workers.slices(texts, max_docs=3, max_chars=12)] == [
        (0, 3), (3, 4), (4, 7)]
    assert [(s.start, s.stop) for s in _workers.slices(texts, max_docs=2, max_chars=1000)] == [
        (0, 2), (2, 4), (4, 6), (6, 7)]
    assert list(_workers.slices([])) == []
