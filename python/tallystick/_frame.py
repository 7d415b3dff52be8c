"""Mentions as tidy rows: one row per mention, with the document id.

Used by :func:`tallystick.to_frame`, ``Extractor.extract_frame`` and the CLI's
``--format csv``. The columns are stable; new ones are only ever appended.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Sequence

from ._core import InvalidArgumentError, Mention

#: The columns of :func:`to_frame` and of ``tallystick extract --format csv``,
#: in order. ``value``/``low``/``high`` are the numbers of quantities;
#: ``date_value``/``date_low``/``date_high`` the ISO strings of dates.
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
)

_FLOAT_COLUMNS = ("value", "low", "high", "per_value")
_INT_COLUMNS = ("start", "end")


def mention_row(doc_id: Any, m: Mention) -> tuple[Any, ...]:
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
    )


def _documents(results: Sequence[Any], ids: Iterable[Any] | None) -> Iterator[tuple[Any, Sequence[Mention]]]:
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
    for doc_id, mentions in zip(ids_list, results):
        if isinstance(mentions, Mention):
            raise InvalidArgumentError(
                "results must be one document's list of mentions or a list of such lists, not a mix"
            )
        yield doc_id, mentions


def iter_rows(results: Sequence[Any], ids: Iterable[Any] | None = None) -> Iterator[tuple[Any, ...]]:
    """Rows (tuples in the order of :data:`FRAME_COLUMNS`) of every mention."""
    for doc_id, mentions in _documents(results, ids):
        for m in mentions:
            yield mention_row(doc_id, m)


def to_frame(results: Sequence[Any], ids: Iterable[Any] | None = None) -> Any:
    """A tidy pandas DataFrame with one row per mention.

    Args:
        results: what ``Extractor.extract_batch`` returns (a list of lists of
            mentions), or one document's list of mentions.
        ids: one id per document; by default the document's position (0, 1, ...).

    Returns:
        A ``pandas.DataFrame`` (typed ``Any`` so that type checking needs no
        pandas-stubs) with the columns of :data:`FRAME_COLUMNS`: ``start``/``end``
        are ``int64``, ``value``/``low``/``high``/``per_value`` ``float64``
        (NaN when absent), the others ``object`` holding str or None
        (``doc_id`` holds the ids as given). A document without mentions has
        no row.

    Raises:
        ImportError: pandas is not installed.
        InvalidArgumentError: ``ids`` does not have one id per document.
    """
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError(
            "tallystick.to_frame needs pandas, which is not installed: pip install pandas "
            "(or pip install 'tallystick[pandas]')"
        ) from e
    rows = list(iter_rows(results, ids))
    columns: dict[str, Any] = {name: [r[i] for r in rows] for i, name in enumerate(FRAME_COLUMNS)}
    # Object columns hold str or None, the same under pandas 2 and 3 (whose
    # default string dtype would turn None into NaN only in some columns).
    frame = pd.DataFrame(columns, columns=list(FRAME_COLUMNS), dtype=object)
    for c in _INT_COLUMNS:
        frame[c] = frame[c].astype("int64")
    for c in _FLOAT_COLUMNS:
        frame[c] = frame[c].astype("float64")
    return frame
