"""What the Spark and Dask tests share: the Zorblax camp, the table of bad
documents and what its rows must be, the argument errors that
``tallystick.spark.extract`` and ``tallystick.dask.extract`` both raise on
the driver, and grouping result rows by document."""

from __future__ import annotations

from typing import Any, Callable

import pytest

import tallystick
from tallystick import Extractor, _table

#: An entry of a user gazetteer that the bundled one does not know.
ZORBLAX = {"id": "x:1", "name": "Zorblax Camp", "kind": "camp", "subtype": "camp"}
#: A document with a place, a quantity and a date.
GOOD = "Citizens of Homs received 3.3 tons of food on 12 July."

#: (keyword arguments, exception, message pattern)
CASES: list[tuple[dict[str, Any], type[BaseException], str]] = [
    ({"text_col": "body"}, ValueError, r"text_col='body' is not a column.*'id', 'text', 'n'"),
    ({"id_col": "doc_id"}, ValueError, "id_col='doc_id' is not a column"),
    ({"date_col": "date"}, ValueError, "date_col='date' is not a column"),
    ({"text_col": 1}, TypeError, "text_col must be a column name"),
    ({"id_col": 0}, TypeError, "id_col must be a column name"),
    ({"text_col": "n"}, TypeError, "text_col='n' is a int"),
    ({"max_doc_mb": -1}, ValueError, "max_doc_mb must be a number >= 0"),
    ({"max_doc_mb": float("nan")}, ValueError, "max_doc_mb must be a number >= 0"),
    ({"max_doc_mb": "10"}, TypeError, "max_doc_mb must be a number"),
    ({"max_doc_mb": True}, TypeError, "max_doc_mb must be a number"),
    ({"extractor": object()}, TypeError, "extractor must be a tallystick.Extractor"),
    ({"extractor": Extractor(), "bundled": False}, ValueError, "either extractor= or gazetteers="),
    ({"extractor": Extractor(), "kinds": ["place"]}, ValueError, "either extractor= or gazetteers="),
    ({"gazetteers": [{"id": "y", "name": "Y", "kind": "planet", "subtype": "camp"}]}, tallystick.GazetteerError, "kind"),
    ({"kinds": ["planets"]}, tallystick.InvalidArgumentError, "planets"),
]


def check_driver_errors(extract: Callable[..., Any], table: Any) -> None:
    """Every case of :data:`CASES` raises its error from ``extract(table, ...)``,
    ``table`` having the columns ``id``, ``text`` and an integer column ``n``."""
    for kwargs, error, pattern in CASES:
        with pytest.raises(error, match=pattern):
            extract(table, **kwargs)


def by_id(rows: list[tuple[Any, ...]]) -> dict[str, list[tuple[Any, ...]]]:
    """Table rows grouped by their ``doc_id`` (the first column)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(r)
    return out


def check_bad_document_rows(rows: dict[str, list[tuple[Any, ...]]], bad: set[str]) -> None:
    """The rows (:func:`by_id`) of a table of documents ``ok`` (:data:`GOOD`,
    dated 2019-07-20), ``ok2`` (GOOD, no date), ``null`` (a null text),
    ``big`` (over 10 MB), ``bad-date`` (GOOD, dated "not a date") and the
    other ``bad`` ones: one error row for each bad document, the others
    extracted."""
    assert set(rows) == {"ok", "ok2"} | bad
    for doc_id in bad:
        (row,) = rows[doc_id]
        assert row[1:-1] == (None,) * (len(_table.TABLE_COLUMNS) - 2), row
    assert rows["null"][0][-1] == "text is null"
    assert "over the limit of 10,000,000 bytes" in rows["big"][0][-1]
    assert "not a date" in rows["bad-date"][0][-1]
    ok = {r[1]: r for r in rows["ok"]}
    assert ok["quantity"][8] == 3.3 and ok["date"][18] == "2019-07-12"
    assert all(r[-1] is None and r[21] == "2019-07-20" for r in rows["ok"])
    assert [r[1:4] for r in rows["ok2"]] == [r[1:4] for r in rows["ok"]]
