"""The tidy pandas DataFrame: one row per mention, with the document id."""

from __future__ import annotations

import math

import pytest

import tallystick
from tallystick import FRAME_COLUMNS, Extractor, InvalidArgumentError

from conftest import ENTRIES, make_mention
from test_api import DATE, PLACE, QUANTITY, RANGE

pd = pytest.importorskip("pandas")

TEXTS = ["Relief Now reached Camp Hope.", "nothing", "Podgorny and Qaryat al-Tayr"]


def test_columns_are_stable():
    assert FRAME_COLUMNS == (
        "doc_id", "kind", "start", "end", "text", "name", "subtype", "id", "value", "low", "high", "unit",
        "item", "approx", "per_value", "per_unit", "where", "where_id", "date_value", "date_low", "date_high",
    )


def test_one_row_per_mention_with_doc_ids():
    e = Extractor(gazetteers=ENTRIES, bundled=False)
    results = e.extract_batch(TEXTS)
    frame = tallystick.to_frame(results, ids=["a", "b", "c"])
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert len(frame) == sum(len(r) for r in results) == 4
    assert list(frame["doc_id"]) == ["a", "a", "c", "c"]
    assert list(frame["text"]) == ["Relief Now", "Camp Hope", "Podgorny", "Qaryat al-Tayr"]
    for row, m in zip(frame.itertuples(index=False), [m for r in results for m in r]):
        assert (row.kind, row.start, row.end, row.name, row.subtype, row.id) == (
            m.kind, m.start, m.end, m.name, m.subtype, m.id)
        assert TEXTS["ac".index(row.doc_id) * 2][row.start : row.end] == row.text
    assert str(frame["start"].dtype) == "int64" and str(frame["value"].dtype) == "float64"
    assert frame["unit"].dtype == object and frame["unit"].isna().all()
    # Default ids are positions; extract_frame is the same thing in one call.
    assert list(tallystick.to_frame(results)["doc_id"]) == [0, 0, 2, 2]
    pd.testing.assert_frame_equal(e.extract_frame(TEXTS, ids=["a", "b", "c"]), frame)
    pd.testing.assert_frame_equal(e.extract_frame(iter(TEXTS)), tallystick.to_frame(results))


def test_quantity_and_date_columns():
    ms = [make_mention(QUANTITY, "camp"), make_mention(RANGE), make_mention(DATE), make_mention(PLACE)]
    frame = tallystick.to_frame(ms, ids=["doc"])
    q, r, d, p = frame.to_dict("records")
    assert (q["value"], q["item"], q["approx"], q["per_value"], q["per_unit"], q["where"], q["where_id"]) == (
        3500.0, "people", "approximately", 5.0, "day", "Rukban", "sy-camp-rukban")
    assert math.isnan(r["value"]) and (r["low"], r["high"], r["unit"]) == (24.0, 48.0, "hour")
    assert math.isnan(d["value"]) and (d["date_value"], d["date_low"], d["date_high"]) == (
        None, "XXXX-07-09", "XXXX-07-12")
    assert (p["name"], p["subtype"], p["date_low"]) == ("Homs", "governorate", None)
    assert set(frame["doc_id"]) == {"doc"}


def test_empty_results():
    frame = tallystick.to_frame([[], []], ids=[1, 2])
    assert list(frame.columns) == list(FRAME_COLUMNS) and len(frame) == 0
    assert len(tallystick.to_frame([])) == 0


def test_ids_must_match_documents():
    with pytest.raises(InvalidArgumentError, match="ids has 1 items but there are 2 documents"):
        tallystick.to_frame([[], []], ids=["only"])
