"""Mentions of a Spark DataFrame of documents, as a Spark DataFrame.

>>> from tallystick.spark import extract
>>> docs = spark.read.json("docs.jsonl")                       # doctest: +SKIP
>>> mentions = extract(docs, text_col="text", id_col="id")    # doctest: +SKIP
>>> mentions.write.parquet("mentions/")                        # doctest: +SKIP

The result has one row per mention with the columns of
``tallystick._table.TABLE_COLUMNS`` (:data:`tallystick.FRAME_COLUMNS` plus
``error``), the same table as ``tallystick extract --format parquet`` and
:func:`tallystick.dask.extract`. A document that cannot be extracted (null
text, invalid UTF-8 in a binary column, an invalid date, over ``max_doc_mb``)
gets one error row (its ``doc_id`` and the reason in ``error``) instead of
failing the job; a document without mentions has no row.

The extractor is built on the driver (so that a bad gazetteer fails before the
job starts), pickled into the job's function (its added gazetteer entries
inlined: executors need no gazetteer file) and unpickled once per executor
Python process, then reused by every task and batch that process runs (Spark
reuses its Python workers by default: ``spark.python.worker.reuse``). Each
task extracts on one thread; Spark runs one task per core. Executors need
tallystick (and pandas and pyarrow, as any ``mapInPandas`` does) installed.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Iterable

from . import _table, _workers
from ._core import Extractor

try:
    import pyspark.sql.functions as _F  # type: ignore[import-untyped, unused-ignore]
except ImportError as _e:  # pragma: no cover - exercised only without pyspark
    raise ImportError(
        "tallystick.spark needs pyspark, which is not installed: pip install 'tallystick[spark]'"
    ) from _e

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame  # type: ignore[import-untyped, unused-ignore]

__all__ = ["extract"]

_TEXT_TYPES = ("string", "binary")
_INTEGRAL_TYPES = ("tinyint", "smallint", "int", "bigint")


def extract(
    df: DataFrame,
    text_col: str = "text",
    id_col: str = "id",
    *,
    date_col: str | None = None,
    extractor: Extractor | None = None,
    gazetteers: Any = None,
    bundled: bool = True,
    kinds: str | Iterable[str] | None = None,
    max_doc_mb: float | None = _table.DEFAULT_MAX_DOC_MB,
) -> DataFrame:
    """The mentions of every document of a Spark DataFrame, as a Spark DataFrame.

    Lazy, as any DataFrame transformation: nothing runs until an action
    (``write``, ``count``, ``collect``, ...). Rows come in no particular order.

    Args:
        df: the documents, one per row.
        text_col: the column of the texts (``string``, or ``binary`` holding UTF-8).
        id_col: the column of the document ids (any type; written as a
            string in ``doc_id``: integers in decimal, strings as they are).
        date_col: an optional column of document dates (ISO strings such as
            ``"2017-09-11"``, ``date`` or ``timestamp``); dates without a year
            take its year, and it fills ``document_date``. A null date means
            "use the dateline, if any".
        extractor: the extractor to use; by default one is built from
            ``gazetteers``, ``bundled`` and ``kinds`` (give either, not both).
        gazetteers: extra gazetteer entries or files, as ``Extractor`` takes
            them (files are read on the driver; executors get the entries).
        bundled: use the bundled gazetteer (default True).
        kinds: the kinds to extract (default: all five).
        max_doc_mb: a document larger than this many MB (10**6 bytes of
            UTF-8) gets an error row instead of being extracted (default 10;
            0 or None: no limit).

    Returns:
        A DataFrame with the schema ``_table.spark_schema_ddl()``: ``doc_id``
        string, ``start``/``end`` bigint, ``value``/``low``/``high``/``per_value``
        double, the other columns string, ``error`` last.

    Raises:
        TypeError: ``df`` is not a Spark DataFrame, a column name is not a
            str, the text column is neither string nor binary,
            ``extractor`` is not an Extractor, or ``max_doc_mb`` is not a number.
        ValueError: a column does not exist, ``max_doc_mb`` < 0, or both
            ``extractor`` and ``gazetteers``/``bundled``/``kinds`` are given.
        TallystickError: the gazetteers or kinds are invalid (a
            ``ValueError``; ``GazetteerError`` says which file and line).
    """
    if not hasattr(df, "mapInPandas") or not hasattr(df, "dtypes"):
        raise TypeError(f"df must be a pyspark.sql.DataFrame, not {type(df).__name__}")
    types = dict(df.dtypes)
    columns = list(types)
    _workers.check_columns(columns, text_col, id_col, date_col)
    if types[text_col] not in _TEXT_TYPES:
        raise TypeError(
            f"text_col={text_col!r} is a {types[text_col]} column: the texts must be a string "
            f"(or binary) column; cast it with df[{text_col!r}].cast('string') if that is meant"
        )
    state = _workers.job_state(extractor, gazetteers, bundled, kinds, max_doc_mb)

    doc_id = _column(id_col)
    if types[id_col] in _INTEGRAL_TYPES:
        # As strings on the JVM: a bigint with nulls would reach pandas as float64.
        doc_id = doc_id.cast("string")
    selected = [doc_id.alias("id"), _column(text_col).alias("text")]
    if date_col is not None:
        selected.append(_column(date_col).alias("date"))
    fn = functools.partial(_workers.spark_batches, state, max_doc_mb, date_col is not None)
    return df.select(*selected).mapInPandas(fn, schema=_table.spark_schema_ddl())


def _column(name: str) -> Any:
    """The top-level column ``name``, even when it holds a dot or a backtick."""
    return _F.col("`" + name.replace("`", "``") + "`")
