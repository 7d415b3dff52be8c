"""tallystick.dask.extract on a LocalCluster of two worker processes: the same
table as one process and as the CLI (DataFrame and Bag), gazetteers shipped to
the workers, error rows for bad documents, one extractor per worker process,
driver-side checks."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")

import dask  # noqa: E402
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # type: ignore[import-untyped, unused-ignore]  # noqa: E402

from tallystick import Extractor, _table  # noqa: E402
from tallystick import dask as tdask  # noqa: E402

from engine_helpers import GOOD, ZORBLAX, by_id, check_bad_document_rows, check_driver_errors  # noqa: E402

pytestmark = pytest.mark.slow



def test_dev_corpus_equals_one_process_and_the_cli(dask_client: Any, tables: Any, dev_docs: list[dict[str, Any]],
                                                    dev_reference: list[tuple[Any, ...]],
                                                    dev_cli: list[tuple[Any, ...]]) -> None:
    ddf = dd.from_pandas(pd.DataFrame(dev_docs), npartitions=3)
    result = tdask.extract(ddf)
    assert list(result.columns) == list(_table.TABLE_COLUMNS)
    frame = result.compute()
    assert dict(frame.dtypes) == dict(_table.pandas_frame([]).dtypes)
    rows = tables.frame_rows(frame)
    assert rows == dev_reference
    assert rows == dev_cli

    bag = db.from_sequence(dev_docs, npartitions=3)
    assert tables.dict_rows(tdask.extract(bag).compute()) == dev_reference


def test_a_custom_gazetteer_reaches_the_workers(dask_client: Any, tables: Any, tmp_path: Path) -> None:
    docs = pd.DataFrame({"id": ["a", "b"], "text": ["Food parcels reached Zorblax Camp on 3 May.", "Nothing."]})
    ddf = dd.from_pandas(docs, npartitions=2)
    rows = tables.frame_rows(tdask.extract(ddf, gazetteers=ZORBLAX, bundled=False).compute())
    assert [(r[0], r[4], r[7]) for r in rows if r[1] == "camp"] == [("a", "Zorblax Camp", "x:1")]

    # A gazetteer file is read on the driver: the workers get its entries, not its path.
    path = tmp_path / "extra.jsonl"
    path.write_text(json.dumps(ZORBLAX) + "\n", encoding="utf-8")
    lazy = tdask.extract(db.from_sequence(docs.to_dict("records"), npartitions=2), gazetteers=[str(path)])
    path.unlink()
    rows = tables.dict_rows(lazy.compute())
    assert ("a", "camp", "Zorblax Camp", "x:1") in [(r[0], r[1], r[4], r[7]) for r in rows]


def test_bad_documents_get_error_rows_and_the_others_are_extracted(dask_client: Any, tables: Any) -> None:
    docs = pd.DataFrame({
        "id": ["ok", "null", "int", "big", "bad-date", "ok2"],
        "text": [GOOD, None, 5, "", GOOD, GOOD],
        "date": ["2019-07-20", None, None, None, "not a date", None],
    }, dtype=object)
    with dask.config.set({"dataframe.convert-string": False}):  # keep the int an int
        ddf = dd.from_pandas(docs, npartitions=2)

    def with_big_text(partition: pd.DataFrame) -> pd.DataFrame:
        # Made on the worker (a nested function, pickled by value): a 50 MB
        # literal would be shipped in the graph.
        partition = partition.copy()
        partition["text"] = [("Homs " * 10_000_001) if i == "big" else t
                             for i, t in zip(partition["id"], partition["text"])]
        return partition

    ddf = ddf.map_partitions(with_big_text, meta=ddf._meta)
    rows = by_id(tables.frame_rows(tdask.extract(ddf, date_col="date").compute()))
    check_bad_document_rows(rows, {"null", "int", "big", "bad-date"})
    assert rows["int"][0][-1] == "text is of type int, not a string"


def test_bad_items_of_a_bag_get_error_rows(dask_client: Any, tables: Any) -> None:
    items = [{"id": 1, "text": GOOD}, {"id": 2, "text": 7}, {"id": 3, "body": GOOD}, "a string", None,
             {"id": 4, "text": None}, {"id": 5, "text": GOOD, "date": "2019-13-45"}]
    rows = tdask.extract(db.from_sequence(items, npartitions=3), date_col="date").compute()
    assert all(set(r) == set(_table.TABLE_COLUMNS) for r in rows)
    errors = sorted((r["doc_id"] or "", r["error"]) for r in rows if r["error"])
    assert errors[:2] == [("", "item is a NoneType, not a dict"), ("", "item is a str, not a dict")]
    assert errors[2:5] == [("2", "text is of type int, not a string"), ("3", "no 'text' key"), ("4", "text is null")]
    assert errors[5][0] == "5" and "2019-13-45" in errors[5][1] and len(errors) == 6
    assert {r["kind"] for r in rows if r["doc_id"] == "1"} == {"place", "quantity", "date"}


def test_timestamps_and_nulls_in_the_date_column(dask_client: Any, tables: Any) -> None:
    docs = pd.DataFrame({"id": [1, 2], "text": ["On 12 July, Homs got 3 tons."] * 2,
                         "date": pd.to_datetime(["2019-07-20 10:00", None])})
    rows = by_id(tables.frame_rows(tdask.extract(dd.from_pandas(docs, npartitions=1), date_col="date").compute()))
    assert {r[21] for r in rows["1"]} == {"2019-07-20"}
    assert {r[18] for r in rows["1"] if r[1] == "date"} == {"2019-07-12"}
    assert {r[21] for r in rows["2"]} == {None} and not any(r[-1] for r in rows["2"])


def test_the_extractor_is_built_once_per_worker_process(dask_client: Any, tables: Any, build_log: Path) -> None:
    extractor = Extractor(gazetteers=[ZORBLAX], kinds=["camp", "date"])
    key = tables.table_key(extractor)
    docs = pd.DataFrame({"id": [f"d{i}" for i in range(64)], "text": ["Zorblax Camp, 3 May 2020."] * 64})
    ddf = dd.from_pandas(docs, npartitions=16)
    assert ddf.npartitions == 16
    assert len(tdask.extract(ddf, extractor=extractor).compute()) == 128
    # A second job (a Bag this time) reuses the processes' extractors.
    bag = db.from_sequence(docs.to_dict("records"), npartitions=16)
    assert len(tdask.extract(bag, extractor=extractor).compute()) == 128
    per_pid = tables.builds(build_log, key)
    workers = dask_client.run(os.getpid)
    assert per_pid, "no build logged: the workers did not inherit the build log"
    assert set(per_pid.values()) == {1}, per_pid
    assert set(per_pid) <= set(workers.values()), (per_pid, workers)
    assert os.getpid() not in per_pid, "extracted on the driver"


def test_arguments_are_checked_on_the_driver(dask_client: Any) -> None:
    ddf = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": ["Homs"], "n": [1]}), npartitions=1)
    check_driver_errors(tdask.extract, ddf)
    with pytest.raises(TypeError, match="text_col must be a key name"):
        tdask.extract(db.from_sequence([{}]), text_col=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"a dask.dataframe.DataFrame or a dask.bag.Bag, not DataFrame \(use dask"):
        tdask.extract(pd.DataFrame({"id": ["a"], "text": ["Homs"]}))
    assert list(tdask.extract(ddf, max_doc_mb=0).columns) == list(_table.TABLE_COLUMNS)
