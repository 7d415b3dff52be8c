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
        "document_date",
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


DATELINED = "SANA, date 2017-09-11\nCitizens of Homs received 3.3 tons of food."


def test_document_date_given_dateline_or_none():
    e = Extractor()
    assert e.document_date(DATELINED) == "2017-09-11"
    assert e.document_date(DATELINED.encode()) == "2017-09-11"
    # A given date wins over the dateline, whatever its form.
    assert e.document_date(DATELINED, date="2019-07") == "2019-07"
    import datetime

    assert e.document_date(DATELINED, date=datetime.date(2018, 1, 2)) == "2018-01-02"
    assert e.document_date("Citizens of Homs received 3.3 tons of food.") is None
    assert e.document_date("MOSCOW, September 11. /TASS/ Homs.") is None  # no year
    with pytest.raises(InvalidArgumentError):
        e.document_date(DATELINED, date="2019-13")


def test_document_date_column():
    e = Extractor()
    texts = [DATELINED, DATELINED, "Citizens of Homs received 3.3 tons of food."]
    frame = e.extract_frame(texts, ids=["dateline", "given", "none"], dates=[None, "2019-07-12", None])
    by_doc = frame.groupby("doc_id")["document_date"].agg(lambda s: set(s))
    assert by_doc.to_dict() == {"dateline": {"2017-09-11"}, "given": {"2019-07-12"}, "none": {None}}
    assert frame["document_date"].dtype == object
    # to_frame takes the dates as given (it has no text to read a dateline from).
    results = e.extract_batch(texts)
    plain = tallystick.to_frame(results)
    assert plain["document_date"].isna().all()
    import datetime

    dated = tallystick.to_frame(results, dates=["2017-09-11", datetime.date(2019, 7, 12), None])
    assert list(dict.fromkeys(zip(dated["doc_id"], dated["document_date"]))) == [
        (0, "2017-09-11"), (1, "2019-07-12"), (2, None)]
    with pytest.raises(InvalidArgumentError, match="dates has 1 items but there are 3 documents"):
        tallystick.to_frame(results, dates=["2017"])
