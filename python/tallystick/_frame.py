"""Mentions as tidy rows: one row per mention, with the document id.

Used by :func:`tallystick.to_frame`, ``Extractor.extract_frame`` and the CLI's
``--format csv``. The columns are stable; new ones are only ever appended.
"""

from __future__ import annotations

import datetime
import math
from typing import Any, Iterable, Iterator, Sequence

from ._core import InvalidArgumentError, Mention

#: The columns of :func:`to_frame` and of ``tallystick extract --format csv``,
#: in order. ``value``/``low``/``high`` are the numbers of quantities;
#: ``date_value``/``date_low``/``date_high`` the ISO strings of dates;
#: ``document_date`` the ISO date of the mention's document (the date given
#: with it, else its dateline's, else None: see ``Extractor.document_date``).
FRAME_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "kind",
    "start",
    "end",
    "text",
    "name",
    "subtype",
    "id",
    "value",
    "low",
    "high",
    "unit",
    "item",
    "approx",
    "per_value",
    "per_unit",
    "where",
    "where_id",
    "date_value",
    "date_low",
    "date_high",
    "document_date",
)

_FLOAT_COLUMNS = ("value", "low", "high", "per_value")
_INT_COLUMNS = ("start", "end")


def mention_row(doc_id: Any, m: Mention, document_date: str | None = None) -> tuple[Any, ...]:
    """One mention as a tuple in the order of :data:`FRAME_COLUMNS`."""
    is_date = m.kind == "date"
    per = m.per
    return (
        doc_id,
        m.kind,
        m.start,
        m.end,
        m.text,
        m.name,
        m.subtype,
        m.id,
        None if is_date else m.value,
        None if is_date else m.low,
        None if is_date else m.high,
        m.unit,
        m.item,
        m.approx,
        per["value"] if per else None,
        per["unit"] if per else None,
        m.where,
        m.where_id,
        m.value if is_date else None,
        m.low if is_date else None,
        m.high if is_date else None,
        document_date,
    )


def _iso(value: Any) -> str | None:
    """A document date as an ISO string (None stays None)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _documents(
    results: Sequence[Any], ids: Iterable[Any] | None, dates: Iterable[Any] | None = None
) -> Iterator[tuple[Any, Sequence[Mention], str | None]]:
    results = list(results)
    # One document's mentions (a flat list of Mention) or many documents' (a list of lists).
    if results and isinstance(results[0], Mention):
        results = [results]
    if ids is None:
        ids_list: list[Any] = list(range(len(results)))
    else:
        ids_list = list(ids)
        if len(ids_list) != len(results):
            raise InvalidArgumentError(
                f"ids has {len(ids_list)} items but there are {len(results)} documents: give one id per document"
            )
    if dates is None:
        dates_list: list[str | None] = [None] * len(results)
    else:
        dates_list = [_iso(d) for d in dates]
        if len(dates_list) != len(results):
            raise InvalidArgumentError(
                f"dates has {len(dates_list)} items but there are {len(results)} documents: "
                "give one date (or None) per document"
            )
    for doc_id, mentions, date in zip(ids_list, results, dates_list):
        if isinstance(mentions, Mention):
            raise InvalidArgumentError(
                "results must be one document's list of mentions or a list of such lists, not a mix"
            )
        yield doc_id, mentions, date


def iter_rows(
    results: Sequence[Any], ids: Iterable[Any] | None = None, dates: Iterable[Any] | None = None
) -> Iterator[tuple[Any, ...]]:
    """Rows (tuples in the order of :data:`FRAME_COLUMNS`) of every mention."""
    for doc_id, mentions, date in _documents(results, ids, dates):
        for m in mentions:
            yield mention_row(doc_id, m, date)


def to_frame(results: Sequence[Any], ids: Iterable[Any] | None = None, *, dates: Iterable[Any] | None = None) -> Any:
    """A tidy pandas DataFrame with one row per mention.

    Args:
        results: what ``Extractor.extract_batch`` returns (a list of lists of
            mentions), or one document's list of mentions.
        ids: one id per document; by default the document's position (0, 1, ...).
        dates: one date per document (an ISO string, a ``datetime.date`` or
            None), for the ``document_date`` column; by default None. Mentions
            do not keep their text, so no dateline is read here:
            ``Extractor.extract_frame`` fills the column from the given dates
            or the datelines (``Extractor.document_date``).

    Returns:
        A ``pandas.DataFrame`` (typed ``Any`` so that type checking needs no
        pandas-stubs) with the columns of :data:`FRAME_COLUMNS`: ``start``/``end``
        are ``int64``, ``value``/``low``/``high``/``per_value`` ``float64``
        (NaN when absent), the others ``object`` holding str or None
        (``doc_id`` holds the ids as given). A document without mentions has
        no row.

    Raises:
        ImportError: pandas is not installed.
        InvalidArgumentError: ``ids`` or ``dates`` does not have one item per document.
    """
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError(
            "tallystick.to_frame needs pandas, which is not installed: pip install pandas "
            "(or pip install 'tallystick[pandas]')"
        ) from e
    rows = list(iter_rows(results, ids, dates))
    columns: dict[str, Any] = {name: [r[i] for r in rows] for i, name in enumerate(FRAME_COLUMNS)}
    # Object columns hold str or None, the same under pandas 2 and 3 (whose
    # default string dtype would turn None into NaN only in some columns).
    frame = pd.DataFrame(columns, columns=list(FRAME_COLUMNS), dtype=object)
    for c in _INT_COLUMNS:
        frame[c] = frame[c].astype("int64")
    for c in _FLOAT_COLUMNS:
        frame[c] = frame[c].astype("float64")
    return frame
