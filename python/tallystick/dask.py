"""Mentions of a Dask DataFrame or Bag of documents, lazily, in parallel.

>>> import dask.dataframe as dd
>>> from tallystick.dask import extract
>>> docs = dd.read_json("docs-*.jsonl", lines=True, blocksize=2**24)   # doctest: +SKIP
>>> extract(docs).to_parquet("mentions/")                              # doctest: +SKIP

A DataFrame gives a DataFrame with one row per mention and the columns of
``tallystick._table.TABLE_COLUMNS`` (:data:`tallystick.FRAME_COLUMNS` plus
``error``): the same table as ``tallystick extract --format parquet`` and
:func:`tallystick.spark.extract`. A Bag of dicts gives a Bag of those rows as
dicts. A document that cannot be extracted (null or non-string text, an
invalid date, over ``max_doc_mb``) gets one error row (its ``doc_id`` and the
reason in ``error``) instead of failing the job; a document without mentions
has no row.

The extractor is built on the driver (so that a bad gazetteer fails before the
job starts), pickled with its added gazetteer entries inlined (workers need no
gazetteer file), and unpickled once per worker process, then reused by every
partition and later job that process runs. Each partition is extracted on
one thread: run as many worker processes (or threads, since extraction
releases the GIL) as you have cores. Works with the distributed scheduler
(workers need tallystick installed) and the local ones.
"""

from __future__ import annotations

from typing import Any, Iterable

from . import _table, _workers
from ._core import Extractor

try:
    import dask.bag  # type: ignore[import-untyped, unused-ignore]
    import dask.dataframe  # type: ignore[import-untyped, unused-ignore]
    from dask.delayed import delayed as _delayed  # type: ignore[import-untyped, unused-ignore]
except ImportError as _e:  # pragma: no cover - exercised only without dask
    raise ImportError(
        "tallystick.dask needs dask with its DataFrame support, which is not installed: "
        "pip install 'tallystick[dask]'"
    ) from _e

__all__ = ["extract"]


def extract(
    data: Any,
    text_col: str = "text",
    id_col: str = "id",
    *,
    date_col: str | None = None,
    extractor: Extractor | None = None,
    gazetteers: Any = None,
    bundled: bool = True,
    kinds: str | Iterable[str] | None = None,
    max_doc_mb: float | None = _table.DEFAULT_MAX_DOC_MB,
) -> Any:
    """The mentions of every document of a Dask DataFrame or Bag, lazily.

    Args:
        data: the documents: a ``dask.dataframe.DataFrame`` with one document
            per row, or a ``dask.bag.Bag`` of dicts (with the keys
            ``text_col``, ``id_col`` and, if given, ``date_col``). In a Bag,
            an item that is not a dict, or has no ``text_col`` key, gets an
            error row.
        text_col: the column (or key) of the texts (str, or bytes of UTF-8).
        id_col: the column (or key) of the document ids; ``doc_id`` holds
            them as strings (integers in decimal, strings as they are).
        date_col: an optional column (or key) of document dates (ISO
            strings such as ``"2017-09-11"``, ``datetime.date`` or
            timestamps); dates without a year take its year, and it fills
            ``document_date``. A null date means "use the dateline, if any".
        extractor: the extractor to use; by default one is built from
            ``gazetteers``, ``bundled`` and ``kinds`` (give either, not both).
        gazetteers: extra gazetteer entries or files, as ``Extractor`` takes
            them (files are read on the driver; workers get the entries).
        bundled: use the bundled gazetteer (default True).
        kinds: the kinds to extract (default: all five).
        max_doc_mb: a document larger than this many MB (10**6 bytes of
            UTF-8) gets an error row instead of being extracted (default 10;
            0 or None: no limit).

    Returns:
        For a DataFrame, a ``dask.dataframe.DataFrame`` with the columns of
        ``TABLE_COLUMNS`` and the dtypes of ``_table.pandas_frame`` (``start``/
        ``end`` nullable ``Int64``, ``value``/``low``/``high``/``per_value``
        ``float64``, the others strings), one partition per input partition,
        each with its own 0-based index. For a Bag, a ``dask.bag.Bag`` of
        dicts keyed by ``TABLE_COLUMNS``.

    Raises:
        TypeError: ``data`` is neither a Dask DataFrame nor a Bag, a column
            name is not a str, the text column of a DataFrame is numeric,
            boolean or datetime, ``extractor`` is not an Extractor, or
            ``max_doc_mb`` is not a number.
        ValueError: a DataFrame column does not exist, ``max_doc_mb`` < 0,
            or both ``extractor`` and ``gazetteers``/``bundled``/``kinds`` are given.
        TallystickError: the gazetteers or kinds are invalid (a
            ``ValueError``; ``GazetteerError`` says which file and line).
    """
    if isinstance(data, dask.dataframe.DataFrame):
        columns = [c for c in data.columns]
        _workers.check_columns(columns, text_col, id_col, date_col)
        _check_text_dtype(text_col, data.dtypes[text_col])
    elif isinstance(data, dask.bag.Bag):
        for name, what in ((text_col, "text_col"), (id_col, "id_col"), (date_col, "date_col")):
            if not (isinstance(name, str) or (name is None and what == "date_col")):
                raise TypeError(f"{what} must be a key name (a str), not {type(name).__name__}")
    else:
        raise TypeError(
            f"data must be a dask.dataframe.DataFrame or a dask.bag.Bag, not {type(data).__name__}"
            + (" (use dask.dataframe.from_pandas)" if type(data).__name__ == "DataFrame" else "")
        )
    state = _workers.job_state(extractor, gazetteers, bundled, kinds, max_doc_mb)
    # One key in the graph, not a copy of the state in every task (it holds
    # the added gazetteer entries, which can be megabytes).
    shared = _delayed(state, pure=True)
    if isinstance(data, dask.bag.Bag):
        bag: Any = data
        return bag.map_partitions(_workers.record_rows, shared, text_col, id_col, date_col, max_doc_mb)
    return data.map_partitions(
        _workers.dask_partition,
        shared,
        text_col,
        id_col,
        date_col,
        max_doc_mb,
        meta=_table.pandas_frame([]),
        align_dataframes=False,
    )


def _check_text_dtype(text_col: str, dtype: Any) -> None:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    api = pd.api.types
    if api.is_numeric_dtype(dtype) or api.is_bool_dtype(dtype) or api.is_datetime64_any_dtype(dtype):
        raise TypeError(
            f"text_col={text_col!r} is a {dtype} column: the texts must be strings "
            f"(cast it with .astype(str) if that is meant)"
        )
