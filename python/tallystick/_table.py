"""Mention tables for corpus-scale outputs: Parquet, Spark and Dask.

One row per mention with the columns of :data:`tallystick.FRAME_COLUMNS` plus
``error``; a document that cannot be extracted (null or non-string text,
invalid UTF-8, an invalid date, over the size limit) gets one *error row*: its
``doc_id`` and the reason in ``error``, every other column null. A document
without mentions has no row. This module is the one place that decides those
rows, so the CLI's Parquet, ``tallystick.spark`` and ``tallystick.dask`` give
the same table for the same documents.

Column types are fixed (:data:`COLUMN_TYPES`) so that every partition of a
Spark or Dask job, and every Parquet part, has the same schema whatever its
content: ``doc_id`` is a string (ids are written with ``str``; JSON ids keep
their JSON spelling), ``start``/``end`` 64-bit integers (null only in error
rows), ``value``/``low``/``high``/``per_value`` doubles, the rest strings.
"""

from __future__ import annotations

import json
import math
from typing import Any, Iterable, Iterator, Sequence

from . import _frame
from ._core import Extractor, TallystickError

#: Columns of a mention table: the frame's columns, then ``error``.
TABLE_COLUMNS: tuple[str, ...] = _frame.FRAME_COLUMNS + ("error",)

#: Type of each column: "string", "int64" or "float64".
COLUMN_TYPES: dict[str, str] = {
    name: ("int64" if name in ("start", "end") else "float64" if name in ("value", "low", "high", "per_value") else "string")
    for name in TABLE_COLUMNS
}

#: Default largest document, in MB (10**6 bytes of UTF-8), that batch jobs
#: extract; a larger one gets an error row. A press release is a few kB; a
#: document of tens of MB is almost always a concatenation or a broken export,
#: and would hold one worker for seconds. 0 or None means no limit.
DEFAULT_MAX_DOC_MB = 10.0

_ERROR_PADDING = (None,) * (len(TABLE_COLUMNS) - 2)


def doc_id_string(doc_id: Any) -> str | None:
    """A document id as the table's ``doc_id`` string: str as is, None as
    None, NaN as None, integral floats without ``.0``, anything else as its
    JSON spelling when it has one (so that JSONL ids 7 and "7" agree), else ``str``."""
    if doc_id is None or isinstance(doc_id, str):
        return doc_id
    if isinstance(doc_id, float):
        if math.isnan(doc_id):
            return None
        if doc_id.is_integer():
            return str(int(doc_id))
    if isinstance(doc_id, bool):
        return "true" if doc_id else "false"
    if isinstance(doc_id, int):
        return str(doc_id)
    try:
        return json.dumps(doc_id, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return str(doc_id)


def error_row(doc_id: Any, reason: str) -> tuple[Any, ...]:
    """The one row of a document that could not be extracted."""
    return (doc_id_string(doc_id),) + _ERROR_PADDING + (reason,)


def size_limit_bytes(max_doc_mb: float | None) -> int | None:
    """``max_doc_mb`` as a byte count (None: no limit; so are 0 and infinity)."""
    if max_doc_mb is None or max_doc_mb == 0:
        return None
    if not isinstance(max_doc_mb, (int, float)) or isinstance(max_doc_mb, bool) or max_doc_mb < 0 or math.isnan(max_doc_mb):
        raise ValueError(f"max_doc_mb must be a number >= 0 (0 or None: no limit), not {max_doc_mb!r}")
    if math.isinf(max_doc_mb):
        return None
    return int(max_doc_mb * 1_000_000)


def check_text(text: Any, limit: int | None) -> str | None:
    """Why ``text`` cannot be extracted, or None when it can."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return "text is null"
    if isinstance(text, (bytes, bytearray, memoryview)):
        size = len(text)
    elif isinstance(text, str):
        # A code point is at most 4 bytes of UTF-8: only texts that may be over
        # the limit are measured exactly.
        size = len(text) if limit is None or len(text) * 4 <= limit else len(text.encode("utf-8", "surrogatepass"))
    else:
        return f"text is of type {type(text).__name__}, not a string"
    if limit is not None and size > limit:
        return f"document is {size:,} bytes, over the limit of {limit:,} bytes (max_doc_mb={limit / 1e6:g})"
    return None


def _date_value(date: Any) -> Any:
    return _frame._iso(date)


def extract_documents(
    extractor: Extractor,
    ids: Sequence[Any],
    texts: Sequence[Any],
    dates: Sequence[Any] | None = None,
    *,
    max_doc_mb: float | None = DEFAULT_MAX_DOC_MB,
    threads: int | None = None,
) -> list[list[Any] | str]:
    """For each document, its mentions or the reason it has none (a str).

    The good documents go to ``extract_batch`` together (GIL released, on
    ``threads`` threads); when that batch fails (an invalid date, say) they are
    redone one by one so that only the bad one gets a reason. Never raises
    for a bad document.
    """
    limit = size_limit_bytes(max_doc_mb)
    n = len(texts)
    if len(ids) != n or (dates is not None and len(dates) != n):
        raise ValueError("ids, texts and dates must have one item per document")
    date_list = [None] * n if dates is None else [_date_value(d) for d in dates]
    results: list[list[Any] | str] = [""] * n
    good: list[int] = []
    for i, text in enumerate(texts):
        reason = check_text(text, limit)
        if reason is None:
            good.append(i)
        else:
            results[i] = reason
    if not good:
        return results
    try:
        batch = extractor.extract_batch(
            [texts[i] for i in good], threads=threads, dates=[date_list[i] for i in good]
        )
        for i, mentions in zip(good, batch):
            results[i] = mentions
    except (TallystickError, TypeError):
        for i in good:
            try:
                results[i] = extractor.extract(texts[i], date=date_list[i])
            except (TallystickError, TypeError) as e:
                results[i] = f"{type(e).__name__}: {e}"
    return results


def document_rows(
    extractor: Extractor, doc_id: Any, text: Any, date: Any, result: list[Any] | str
) -> Iterator[tuple[Any, ...]]:
    """The table rows of one document given what :func:`extract_documents` returned for it."""
    if isinstance(result, str):
        yield error_row(doc_id, result)
        return
    if not result:
        return
    sid = doc_id_string(doc_id)
    try:
        doc_date = extractor.document_date(text, date=_date_value(date))
    except (TallystickError, TypeError):
        doc_date = None
    for m in result:
        yield _frame.mention_row(sid, m, doc_date) + (None,)


def table_rows(
    extractor: Extractor,
    ids: Sequence[Any],
    texts: Sequence[Any],
    dates: Sequence[Any] | None,
    results: Sequence[list[Any] | str],
) -> list[tuple[Any, ...]]:
    """Rows (tuples in the order of :data:`TABLE_COLUMNS`) of every document,
    given what :func:`extract_documents` returned for them."""
    rows: list[tuple[Any, ...]] = []
    for i, result in enumerate(results):
        rows.extend(document_rows(extractor, ids[i], texts[i], None if dates is None else dates[i], result))
    return rows


def pandas_frame(rows: Iterable[tuple[Any, ...]]) -> Any:
    """A pandas DataFrame of table rows with the types of :data:`COLUMN_TYPES`
    (``start``/``end`` as nullable ``Int64``, floats as ``float64``, strings as
    pandas' ``string`` dtype, nulls ``pandas.NA``): the same dtypes for every
    partition, even an empty one, so that an empty frame is a usable Dask
    ``meta`` (``to_parquet`` infers its schema from it: ``object`` columns
    would have no Arrow type)."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    rows = list(rows)
    data = {name: [r[i] for r in rows] for i, name in enumerate(TABLE_COLUMNS)}
    frame = pd.DataFrame(data, columns=list(TABLE_COLUMNS), dtype=object)
    for name, kind in COLUMN_TYPES.items():
        if kind == "int64":
            frame[name] = frame[name].astype("Int64")
        elif kind == "float64":
            frame[name] = frame[name].astype("float64")
        else:
            frame[name] = frame[name].astype("string")
    return frame


def arrow_schema() -> Any:
    """The pyarrow schema of a mention table."""
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}
    return pa.schema([pa.field(name, types[COLUMN_TYPES[name]]) for name in TABLE_COLUMNS])


def arrow_table(rows: Sequence[tuple[Any, ...]], metadata: dict[bytes, bytes] | None = None) -> Any:
    """Table rows as a pyarrow Table (NaN floats become null)."""
    import pyarrow as pa

    schema = arrow_schema()
    if metadata:
        schema = schema.with_metadata(metadata)
    columns = []
    for i, name in enumerate(TABLE_COLUMNS):
        values = [r[i] for r in rows]
        if COLUMN_TYPES[name] == "float64":
            values = [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in values]
        columns.append(values)
    return pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema)], schema=schema)


def spark_schema_ddl() -> str:
    """The Spark SQL schema of a mention table, as a DDL string."""
    types = {"string": "string", "int64": "bigint", "float64": "double"}
    return ", ".join(f"`{name}` {types[COLUMN_TYPES[name]]}" for name in TABLE_COLUMNS)
