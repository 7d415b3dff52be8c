"""tallystick.summarize: totals by item, unit, country, governorate and month, bounds kept apart."""

from __future__ import annotations

import datetime
import json
import math

import pytest

pd = pytest.importorskip("pandas")

import tallystick  # noqa: E402
from tallystick import FRAME_COLUMNS, summarize  # noqa: E402
from tallystick.summary import figures, load_gazetteer, sentence_spans  # noqa: E402

from nbhelpers import GAZETTEER_TSVS, dev_docs  # noqa: E402

# A small gazetteer: two governorates of one country, a city and a camp inside them.
ENTRIES = {
    "c-sy": {"name": "Syria", "subtype": "country", "parent": None},
    "g-homs": {"name": "Homs", "subtype": "governorate", "parent": "c-sy"},
    "d-rastan": {"name": "Al-Rastan district", "subtype": "district", "parent": "g-homs"},
    "t-rastan": {"name": "Al-Rastan", "subtype": "city", "parent": "d-rastan"},
    "camp-rukban": {"name": "Rukban", "subtype": "camp", "parent": "g-homs"},
    "g-dez": {"name": "Deir ez-Zor", "subtype": "governorate", "parent": "c-sy"},
    "t-dez": {"name": "Deir ez-Zor city", "subtype": "city", "parent": "g-dez"},
    "c-lb": {"name": "Lebanon", "subtype": "country", "parent": None},
}


def row(doc_id="d1", kind="quantity", start=0, end=1, text="x", value=None, low=None, high=None, unit=None,
        item=None, approx=None, per_value=None, per_unit=None, where=None, where_id=None, date_value=None,
        date_low=None, name=None, subtype=None, id=None, document_date=None):
    if kind == "quantity" and approx is None:
        approx = "exact"
    values = dict(doc_id=doc_id, kind=kind, start=start, end=end, text=text, name=name, subtype=subtype, id=id,
                  value=value, low=low, high=high, unit=unit, item=item, approx=approx, per_value=per_value,
                  per_unit=per_unit, where=where, where_id=where_id, date_value=date_value, date_low=date_low,
                  date_high=None, document_date=document_date)
    return tuple(values[c] for c in FRAME_COLUMNS)


def frame_of(rows):
    f = pd.DataFrame(rows, columns=list(FRAME_COLUMNS), dtype=object)
    for c in ("start", "end"):
        f[c] = f[c].astype("int64")
    for c in ("value", "low", "high", "per_value"):
        f[c] = f[c].astype("float64")
    return f


TONS = frame_of([
    row(start=0, value=4.4, unit="t", item="food", where="Al-Rastan", where_id="t-rastan"),
    row(start=10, value=95.0, unit="t", item="food", approx="approximately", where="Rukban", where_id="camp-rukban"),
    row(start=20, value=1000.0, unit="t", item="food", approx="more_than", where="Homs", where_id="g-homs"),
    row(start=30, value=7.0, unit="t", item="food", approx="at_least", where="Homs", where_id="g-homs"),
    row(start=40, value=50.0, unit="t", item="food", approx="at_most", where_id="g-homs",
        where="Homs"),
    row(start=50, low=10.0, high=15.0, unit="t", item="food", where="Homs", where_id="g-homs"),
    row(start=60, value=3.3, unit="t", item="food", where="Deir ez-Zor", where_id="t-dez"),
    row(start=70, value=2.0, unit="t", item="food", approx="nearly", where="Syria", where_id="c-sy"),
    row(start=80, value=1.0, unit="t", item="food"),  # no place
    row(start=90, value=60000.0, item="people", where="Homs", where_id="g-homs"),  # a count
    row(start=100, value=40.0, unit="%", item="people", where="Homs", where_id="g-homs"),  # a share
    row(start=110, value=30.0, unit="day", where="Homs", where_id="g-homs"),  # a duration
    row(start=120, value=3500.0, item="people", approx="approximately", per_value=5.0, per_unit="day",
        where="Rukban", where_id="camp-rukban"),  # a rate
    row(kind="place", start=200, end=204, text="Homs", name="Homs", subtype="governorate", id="g-homs"),
])


def test_bounds_are_kept_apart_and_places_rolled_up():
    s = summarize(TONS, gazetteer=ENTRIES, by=["governorate"])
    homs = s.loc[("Homs", "t")]
    assert homs["exact"] == pytest.approx(4.4)
    assert homs["approximate"] == pytest.approx(95.0)
    assert homs["lower_bound"] == pytest.approx(1007.0)  # more than 1,000 + at least 7
    assert homs["upper_bound"] == pytest.approx(50.0)
    assert (homs["range_low"], homs["range_high"]) == (10.0, 15.0)
    assert homs["figures"] == 6 and homs["documents"] == 1
    assert homs["places"] == "Al-Rastan; Homs; Rukban"
    assert s.loc[("Deir ez-Zor", "t"), "exact"] == pytest.approx(3.3)
    # A whole-country figure and one without a place are kept, with no governorate.
    rest = s[s.index.get_level_values("governorate").isna()]
    assert rest.loc[rest.index.get_level_values("unit") == "t", "approximate"].sum() == pytest.approx(2.0)
    assert rest["exact"].sum() == pytest.approx(1.0)


def test_units_are_never_added_together_and_counts_are_labelled():
    s = summarize(TONS, gazetteer=ENTRIES, by=["governorate"])
    assert "unit" in s.index.names
    assert s.loc[("Homs", "count"), "exact"] == 60000.0
    assert set(s.index.get_level_values("unit")) == {"t", "count"}


def test_shares_durations_and_rates_are_left_out_unless_asked():
    s = summarize(TONS, gazetteer=ENTRIES, by=["governorate"])
    assert "%" not in set(s.index.get_level_values("unit")) and "day" not in set(s.index.get_level_values("unit"))
    with_rates = summarize(TONS, gazetteer=ENTRIES, by=["governorate"], include_rates=True)
    assert with_rates.loc[("Homs", "count"), "approximate"] == 3500.0
    shares = summarize(TONS, gazetteer=ENTRIES, by=["governorate"], exclude_units=())
    assert shares.loc[("Homs", "%"), "exact"] == 40.0


def test_total_is_conserved():
    f = figures(TONS, gazetteer=ENTRIES)
    s = summarize(TONS, gazetteer=ENTRIES)
    assert s["figures"].sum() == len(f)
    values = f.loc[f["bound"] != "range", "value"].sum()
    cols = ["exact", "approximate", "lower_bound", "upper_bound"]
    assert s[cols].to_numpy().sum() == pytest.approx(values)


def test_the_default_keys():
    s = summarize(TONS, gazetteer=ENTRIES)
    assert list(s.index.names) == ["item", "unit", "country", "governorate", "month"]
    assert list(s.columns) == ["figures", "documents", "exact", "approximate", "lower_bound", "upper_bound",
                               "range_low", "range_high", "places"]
    assert s.loc[("food", "t", "Syria", "Homs")]["exact"].sum() == pytest.approx(4.4)


def test_gazetteer_sources_agree(tmp_path):
    expected = summarize(TONS, gazetteer=ENTRIES, by=["governorate"])
    tsv = tmp_path / "g.tsv"
    lines = ["# a comment", "id\tname\tkind\tsubtype\taliases\tparent"]
    for ident, e in ENTRIES.items():
        kind = "camp" if e["subtype"] == "camp" else "place"
        lines.append(f"{ident}\t{e['name']}\t{kind}\t{e['subtype']}\t\t{e['parent'] or ''}")
    tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    jsonl = tmp_path / "g.jsonl"
    jsonl.write_text("".join(json.dumps({"id": i, **e}) + "\n" for i, e in ENTRIES.items()), encoding="utf-8")
    entries = [{"id": i, **e} for i, e in ENTRIES.items()]

    class WithLookup:
        def gazetteer_entry(self, ident):
            return ENTRIES.get(ident)

    for source in (str(tsv), tsv, [tsv], str(jsonl), entries, ENTRIES.get, WithLookup()):
        got = summarize(TONS, gazetteer=source, by=["governorate"])
        pd.testing.assert_frame_equal(got, expected, obj=repr(source))
    assert load_gazetteer(tsv)["t-rastan"]["parent"] == "d-rastan"
    assert load_gazetteer(tsv)["c-sy"]["parent"] is None


def test_parent_ids_alone_take_the_child_of_the_root_as_governorate():
    parents = {i: e["parent"] for i, e in ENTRIES.items()}
    f = figures(TONS, gazetteer=parents)
    got = dict(zip(f["where_id"], zip(f["country"], f["governorate"])))
    assert got["t-rastan"] == ("c-sy", "Homs")  # names known from the frame's own place mentions
    assert got["t-dez"] == ("c-sy", "g-dez")
    assert got["c-sy"] == ("c-sy", None)  # a root is a country; a figure about it has no governorate


def test_binding_lookup_is_used_when_there(monkeypatch):
    monkeypatch.setattr(tallystick, "gazetteer_entry", ENTRIES.get, raising=False)
    pd.testing.assert_frame_equal(summarize(TONS, by=["governorate"]),
                                  summarize(TONS, gazetteer=ENTRIES, by=["governorate"]))


def test_without_a_gazetteer_only_what_the_frame_says_is_rolled_up(monkeypatch):
    monkeypatch.delattr(tallystick, "gazetteer_entry", raising=False)
    f = figures(TONS)
    assert set(f.loc[f["where_id"] == "g-homs", "governorate"]) == {"Homs"}  # a governorate mention in the frame
    assert f.loc[f["where_id"] == "t-rastan", "governorate"].isna().all()


def test_bad_arguments():
    with pytest.raises(ValueError, match="not a tallystick frame"):
        summarize(pd.DataFrame({"a": [1]}))
    with pytest.raises(ValueError, match="unknown column"):
        summarize(TONS, by=["nope"])
    with pytest.raises(TypeError):
        summarize(TONS, gazetteer=42)
    with pytest.raises(TypeError):
        summarize(TONS, dates="2019-07-01")
    empty = summarize(TONS[TONS["kind"] == "date"])
    assert empty.empty and "exact" in empty.columns


# ---------------------------------------------------------------- months


TEXT = (
    "On 12 July 2019, 3,500 people left the camp. Mr. Ivanov said 20 tons arrived. "
    "Since July 1, 40 trucks came.\nIn 2018 there were 9 convoys."
)


def dated_frame():
    t = TEXT
    def pos(s):
        return t.index(s), t.index(s) + len(s)
    rows = []
    for s, kind, value in [("12 July 2019", "date", "2019-07-12"), ("July 1", "date", "XXXX-07-01"),
                           ("2018", "date", "2018")]:
        a, b = pos(s)
        rows.append(row(kind=kind, start=a, end=b, text=s, date_value=value))
    for s, value, unit in [("3,500 people", 3500.0, None), ("20 tons", 20.0, "t"), ("40 trucks", 40.0, None),
                           ("9 convoys", 9.0, None)]:
        a, b = pos(s)
        rows.append(row(start=a, end=b, text=s, value=value, unit=unit))
    return frame_of(rows)


def test_month_from_the_sentence_then_the_document():
    f = figures(dated_frame(), texts={"d1": TEXT}, dates={"d1": "2019-08-03"})
    got = dict(zip(f["text"], zip(f["month"], f["month_source"])))
    assert got["3,500 people"] == ("2019-07", "sentence")
    assert got["20 tons"] == ("2019-08", "document")  # "Mr." does not end the sentence, but "arrived." does
    assert got["40 trucks"] == ("2019-07", "sentence")  # "July 1" takes the document's year
    assert got["9 convoys"] == ("2019-08", "document")  # a year alone gives no month


def test_month_without_texts_or_dates():
    f = figures(dated_frame())
    assert f["month"].isna().all() and f["month_source"].isna().all()
    f = figures(dated_frame(), texts={"d1": TEXT})
    got = dict(zip(f["text"], f["month"]))
    assert got["3,500 people"] == "2019-07" and got["40 trucks"] is None  # no year for "July 1"


def test_document_dates_in_every_form():
    frame = dated_frame()
    for date in ("2019-08-03", "2019-08", datetime.date(2019, 8, 3), datetime.datetime(2019, 8, 3, 12),
                 pd.Timestamp("2019-08-03"), "August 3, 2019"):
        f = figures(frame, dates={"d1": date})
        assert set(f["month"]) == {"2019-08"}, date
    assert set(figures(frame, dates={"d1": "2019"})["month"]) == {None}
    with_col = frame.assign(date="2019-08-03")
    assert set(figures(with_col)["month"]) == {"2019-08"}
    # to_frame's document_date column (given date or dateline) is the fallback;
    # a user's own "date" column and dates= come first.
    with_doc = frame.assign(document_date="2018-03-01")
    assert set(figures(with_doc)["month"]) == {"2018-03"}
    assert set(figures(with_doc.assign(date="2019-08-03"))["month"]) == {"2019-08"}
    assert set(figures(with_doc, dates={"d1": "2019-08"})["month"]) == {"2019-08"}
    positional = frame.assign(doc_id=0)
    assert set(figures(positional, dates=["2019-08-03"])["month"]) == {"2019-08"}
    assert set(figures(positional, texts=[TEXT], dates=["2019-08-03"])["month_source"]) == {"sentence", "document"}


def test_sentence_spans():
    text = "Mr. Shoigu met M. Mizintsev. They spoke!\nThen: 3 tons? Yes. U.S. aid\n\nEnd"
    spans = sentence_spans(text)
    assert "".join(text[a:b] for a, b in spans) == text
    pieces = [text[a:b].strip() for a, b in spans]
    assert pieces[0] == "Mr. Shoigu met M. Mizintsev."
    assert "They spoke!" in pieces and "Then: 3 tons?" in pieces
    assert sentence_spans("") == []


# ---------------------------------------------------------------- the dev corpus


def test_dev_corpus_with_the_bundled_gazetteer_files():
    if not all(p.exists() for p in GAZETTEER_TSVS):
        pytest.skip("the gazetteer TSV files are not in this checkout")
    docs = dev_docs()
    ids = [d["id"] for d in docs]
    texts = [d["text"] for d in docs]
    frame = tallystick.Extractor().extract_frame(texts, ids=ids)
    s = summarize(frame, gazetteer=GAZETTEER_TSVS, texts=dict(zip(ids, texts)))
    f = figures(frame, gazetteer=GAZETTEER_TSVS, texts=dict(zip(ids, texts)))
    assert s["figures"].sum() == len(f) > 50
    tons = f[f["unit"] == "t"]
    # "more than 1,000 tons" is a lower bound, never part of an exact total.
    assert (tons.loc[tons["approx"] == "more_than", "bound"] == "lower_bound").all()
    # Al-Rastan (a city) counts for Homs, Deir ez-Zor city for Deir ez-Zor governorate.
    by_where = dict(zip(tons["where"], tons["governorate"]))
    assert by_where.get("Al-Rastan") == "Homs"
    assert by_where.get("Deir ez-Zor") == "Deir ez-Zor"
    t = s.xs("t", level="unit")
    assert not math.isclose(t["exact"].sum(), t[["exact", "lower_bound", "approximate"]].to_numpy().sum())
