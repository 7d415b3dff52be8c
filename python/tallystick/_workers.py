"""Worker-side code shared by :mod:`tallystick.spark` and :mod:`tallystick.dask`.

The driver checks the arguments and pickles its :class:`~tallystick.Extractor`
(``pickle.dumps`` inlines the added gazetteer entries, so workers need no
file); the job ships those bytes with its function. In each worker process,
:func:`cached_extractor` unpickles them once and keeps the extractor in a
module-level cache keyed by the SHA-256 of the bytes: every later partition
or batch of the job, and of any later job with the same extractor, reuses it,
while a job with another gazetteer gets its own. The rows themselves come from
:mod:`tallystick._table`, so Spark, Dask and the CLI's Parquet give the same
table, bad documents included.
"""

from __future__ import annotations

import collections
import hashlib
import math
import os
import pickle
import threading
from typing import Any, Iterable, Iterator, Mapping, Sequence

from . import _table
from ._core import Extractor

#: How many extractors a worker process keeps (least recently used dropped first).
CACHE_SIZE = 8

_cache: collections.OrderedDict[str, Extractor] = collections.OrderedDict()
_cache_lock = threading.Lock()

# Test hook: when this environment variable names a file, every build appends
# "pid key" to it, so tests can count builds per worker process.
_BUILD_LOG_ENV = "_TALLYSTICK_BUILD_LOG"


# ------------------------------------------------------------------ driver side
def driver_extractor(
    extractor: Extractor | None,
    gazetteers: Any,
    bundled: bool,
    kinds: Any,
) -> Extractor:
    """The job's extractor, built on the driver when not given (so that a bad
    gazetteer fails there, before the job starts).

    Raises:
        TypeError: ``extractor`` is not an Extractor.
        ValueError: ``extractor`` is given together with ``gazetteers``,
            ``bundled=False`` or ``kinds``.
        TallystickError: the gazetteers or kinds are invalid (from ``Extractor``).
    """
    if extractor is None:
        return Extractor(gazetteers=gazetteers, bundled=bundled, kinds=kinds)
    if not isinstance(extractor, Extractor):
        raise TypeError(f"extractor must be a tallystick.Extractor, not {type(extractor).__name__}")
    if gazetteers is not None or bundled is not True or kinds is not None:
        raise ValueError(
            "give either extractor= or gazetteers=/bundled=/kinds= (to build one), not both"
        )
    return extractor


def extractor_state(extractor: Extractor) -> bytes:
    """The bytes a job ships to its workers: the pickled extractor."""
    return pickle.dumps(extractor, protocol=pickle.HIGHEST_PROTOCOL)


def job_state(
    extractor: Extractor | None, gazetteers: Any, bundled: bool, kinds: Any, max_doc_mb: Any
) -> bytes:
    """Checks a job's extraction arguments on the driver and returns the
    state its workers get (see :func:`driver_extractor`, :func:`check_max_doc_mb`)."""
    check_max_doc_mb(max_doc_mb)
    return extractor_state(driver_extractor(extractor, gazetteers, bundled, kinds))


def check_max_doc_mb(max_doc_mb: Any) -> None:
    """Raises ``TypeError``/``ValueError`` on the driver for a ``max_doc_mb``
    that is not a number >= 0 or None."""
    if max_doc_mb is not None and (isinstance(max_doc_mb, bool) or not isinstance(max_doc_mb, (int, float))):
        raise TypeError(f"max_doc_mb must be a number of MB (0 or None: no limit), not {type(max_doc_mb).__name__}")
    _table.size_limit_bytes(max_doc_mb)


def check_columns(columns: Sequence[str], text_col: Any, id_col: Any, date_col: Any) -> None:
    """Raises ``TypeError``/``ValueError`` unless the text and id columns,
    and the date column when given, are among ``columns``."""
    check_column_name(text_col, "text_col", columns)
    check_column_name(id_col, "id_col", columns)
    check_column_name(date_col, "date_col", columns, optional=True)


def check_column_name(name: Any, what: str, columns: Sequence[str], optional: bool = False) -> None:
    """Raises ``TypeError``/``ValueError`` when ``name`` is not one of ``columns``."""
    if name is None and optional:
        return
    if not isinstance(name, str):
        raise TypeError(f"{what} must be a column name (a str), not {type(name).__name__}")
    if name not in columns:
        raise ValueError(f"{what}={name!r} is not a column; the columns are {list(columns)!r}")


# ------------------------------------------------------------------ worker side
def cached_extractor(state: bytes) -> Extractor:
    """The extractor pickled in ``state``, unpickled at most once per process
    (per distinct ``state``) and then taken from the cache."""
    key = hashlib.sha256(state).hexdigest()
    with _cache_lock:
        extractor = _cache.get(key)
        if extractor is not None:
            _cache.move_to_end(key)
            return extractor
        extractor = pickle.loads(state)
        if not isinstance(extractor, Extractor):
            raise TypeError(f"the job's state is a {type(extractor).__name__}, not a tallystick.Extractor")
        _cache[key] = extractor
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
        log = os.environ.get(_BUILD_LOG_ENV)
        if log:
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"{os.getpid()} {key}\n")
        return extractor


def _missing(value: Any) -> bool:
    """None, NaN, ``pandas.NA`` or ``pandas.NaT``: a null cell."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    # pandas.NA and pandas.NaT, without importing pandas.
    return type(value).__name__ in ("NAType", "NaTType")


def _values(column: Any) -> list[Any]:
    """A pandas column as Python objects, nulls as None."""
    return [None if _missing(v) else v for v in column.tolist()]


def frame_of_documents(
    state: bytes, ids: Sequence[Any], texts: Sequence[Any], dates: Sequence[Any] | None, max_doc_mb: float | None
) -> Any:
    """The mention table (a pandas DataFrame of :data:`_table.TABLE_COLUMNS`)
    of some documents; bad documents get error rows."""
    extractor = cached_extractor(state)
    results = _table.extract_documents(extractor, ids, texts, dates, max_doc_mb=max_doc_mb, threads=1)
    return _table.pandas_frame(_table.table_rows(extractor, ids, texts, dates, results))


#: A Spark batch (up to ``spark.sql.execution.arrow.maxRecordsPerBatch``
#: documents, 10,000 by default) is extracted and returned in slices of at most
#: this many documents and code points of text, so that a worker holds the
#: mention rows of a few MB of text at a time, not of the whole batch.
SLICE_DOCS = 1000
SLICE_CHARS = 16_000_000


def slices(texts: Sequence[Any], max_docs: int = SLICE_DOCS, max_chars: int = SLICE_CHARS) -> Iterator[slice]:
    """Consecutive slices of ``texts`` of at most ``max_docs`` documents and
    ``max_chars`` characters (a longer document is a slice of its own)."""
    start = size = 0
    for i, text in enumerate(texts):
        n = len(text) if isinstance(text, (str, bytes, bytearray)) else 0
        if i > start and (i - start >= max_docs or size + n > max_chars):
            yield slice(start, i)
            start, size = i, 0
        size += n
    if start < len(texts):
        yield slice(start, len(texts))


def spark_batches(
    state: bytes, max_doc_mb: float | None, date: bool, batches: Iterable[Any]
) -> Iterator[Any]:
    """The ``mapInPandas`` function of :func:`tallystick.spark.extract`: its
    batches have the columns ``id``, ``text`` and (when ``date``) ``date``;
    each gives one mention table per slice of its documents."""
    for batch in batches:
        ids, texts = _values(batch["id"]), _values(batch["text"])
        dates = _values(batch["date"]) if date else None
        for part in slices(texts):
            yield frame_of_documents(state, ids[part], texts[part], None if dates is None else dates[part], max_doc_mb)


def dask_partition(
    partition: Any,
    state: bytes,
    text_col: str,
    id_col: str,
    date_col: str | None,
    max_doc_mb: float | None,
) -> Any:
    """The ``map_partitions`` function of :func:`tallystick.dask.extract` for a DataFrame."""
    dates = None if date_col is None else _values(partition[date_col])
    return frame_of_documents(state, _values(partition[id_col]), _values(partition[text_col]), dates, max_doc_mb)


def record_rows(
    records: Iterable[Any],
    state: bytes,
    text_col: str,
    id_col: str,
    date_col: str | None,
    max_doc_mb: float | None,
) -> list[dict[str, Any]]:
    """The mention rows (dicts keyed by :data:`_table.TABLE_COLUMNS`) of a
    partition of documents given as mappings. An item that is not a mapping,
    or has no ``text_col`` key, gets an error row (with a null ``doc_id`` when
    it has no id) like any other bad document."""
    ids: list[Any] = []
    texts: list[Any] = []
    dates: list[Any] = []
    reasons: dict[int, str] = {}
    for i, record in enumerate(records):
        if not isinstance(record, Mapping):
            reasons[i] = f"item is a {type(record).__name__}, not a dict"
            record = {}
        elif text_col not in record:
            reasons[i] = f"no {text_col!r} key"
        ids.append(record.get(id_col))
        text = record.get(text_col)
        texts.append(None if _missing(text) else text)
        date = record.get(date_col) if date_col is not None else None
        dates.append(None if _missing(date) else date)
    if not texts:
        return []
    extractor = cached_extractor(state)
    results = _table.extract_documents(
        extractor, ids, texts, dates if date_col is not None else None, max_doc_mb=max_doc_mb, threads=1
    )
    results = [reasons.get(i, result) for i, result in enumerate(results)]
    return [dict(zip(_table.TABLE_COLUMNS, row)) for row in _table.table_rows(extractor, ids, texts, dates, results)]
