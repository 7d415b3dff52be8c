"""The Python API: module functions, Extractor options, Mention objects."""

from __future__ import annotations

import datetime
import json

import pytest

import tallystick
from tallystick import Extractor, Mention

from conftest import ENTRIES, check_mentions, make_mention

QUANTITY = {
    "kind": "quantity", "start": 0, "end": 30, "text": "approximately 3500 people per every 5 days",
    "value": 3500.0, "low": None, "high": None, "unit": None, "item": "people", "approx": "approximately",
    "per": {"value": 5.0, "unit": "day"}, "where": "Rukban", "where_id": "sy-camp-rukban",
}
RANGE = {
    "kind": "quantity", "start": 3, "end": 15, "text": "24-48 hours", "value": None, "low": 24.0, "high": 48.0,
    "unit": "hour", "item": None, "approx": "exact", "per": None,
}
DATE = {"kind": "date", "start": 0, "end": 9, "text": "9-12 July", "value": None, "low": "XXXX-07-09", "high": "XXXX-07-12"}
PLACE = {
    "kind": "place", "start": 0, "end": 4, "text": "Homs", "name": "Homs", "subtype": "governorate", "id": "sy-homs",
    "alternatives": [{"name": "Homs", "id": "sy-homs-city", "subtype": "city"}],
}


def test_version_and_exports():
    assert tallystick.__version__ == tallystick._core.__version__
    assert tallystick.__version__.count(".") == 2
    assert all(isinstance(n, str) for n in tallystick.__all__)
    for name in tallystick.__all__:
        assert hasattr(tallystick, name), name


def test_module_extract_uses_the_bundled_gazetteer():
    text = "Citizens of Homs received aid from UNHCR."
    found = tallystick.extract(text)
    check_mentions(text, found)
    assert [m.text for m in found if m.kind != "quantity"] == ["Homs", "UNHCR"]
    assert found == Extractor().extract(text)


def test_extract_with_own_gazetteer(own_extractor):
    text = "Relief Now brought tents to Camp Hope near Qaryat al-Tayr."
    found = own_extractor.extract(text)
    check_mentions(text, found)
    ents = [(m.kind, m.text, m.name, m.subtype, m.id) for m in found if m.kind in ("place", "camp", "actor")]
    assert ents == [
        ("actor", "Relief Now", "Relief Now", "organization", "t-aid"),
        ("camp", "Camp Hope", "Camp Hope", "camp", "t-hope"),
        ("place", "Qaryat al-Tayr", "Qaryat al-Tayr", "village", "t-qaryat"),
    ]


def test_offsets_are_code_points_after_non_ascii(own_extractor):
    text = "«Ça va» — 👨‍👩‍👧 عاجل: Хорошо. e\u0301 Camp Hope 🇸🇾 Relief Now"
    found = own_extractor.extract(text)
    check_mentions(text, found)
    hope = next(m for m in found if m.kind == "camp")
    assert text[hope.start : hope.end] == "Camp Hope"
    assert hope.byte_start > hope.start  # multi-byte characters come before it
    assert text.encode()[hope.byte_start : hope.byte_end] == b"Camp Hope"


def test_bytes_are_accepted_as_utf8(own_extractor):
    text = "Tents reached Camp Hope — at last."
    assert own_extractor.extract(text.encode()) == own_extractor.extract(text)
    assert own_extractor.extract(bytearray(text.encode())) == own_extractor.extract(text)


def test_bundled_false_replaces_the_bundled_gazetteer(own_extractor):
    assert own_extractor.bundled is False
    assert own_extractor.gazetteer_size == len(ENTRIES)
    assert [m for m in own_extractor.extract("Homs and Damascus") if m.kind != "quantity"] == []
    both = Extractor(gazetteers=ENTRIES)
    assert both.gazetteer_size == Extractor().gazetteer_size + len(ENTRIES)
    assert {m.text for m in both.extract("Homs and Camp Hope")} >= {"Homs", "Camp Hope"}


def test_kinds_filter():
    text = "Citizens of Homs received aid from UNHCR in Rukban."
    only = Extractor(kinds=["place"])
    assert only.kinds == ("place",)
    assert {m.kind for m in only.extract(text)} == {"place"}
    assert Extractor(kinds="actor").kinds == ("actor",)
    assert set(Extractor(kinds=("camp", "actor")).kinds) == {"camp", "actor"}
    assert Extractor().kinds == ("place", "camp", "actor", "quantity", "date")


def test_gazetteer_sources_mix_files_lists_and_entries(tmp_path):
    tsv = tmp_path / "extra.tsv"
    tsv.write_text("id\tname\tkind\tsubtype\taliases\nx-a\tAlpha Town\tplace\ttown\tAlphaville\n", encoding="utf-8")
    jsonl = tmp_path / "extra.jsonl"
    jsonl.write_text(json.dumps({"id": "x-b", "name": "Beta Camp", "kind": "camp", "subtype": "camp"}) + "\n")
    e = Extractor(
        gazetteers=[str(tsv), jsonl, [ENTRIES[0]], {"id": "x-c", "name": "Gamma Group", "kind": "actor",
                                                     "subtype": "armed_group"}],
        bundled=False,
    )
    assert e.gazetteer_size == 4
    text = "Gamma Group left Alphaville for Beta Camp and Camp Hope."
    assert [m.id for m in e.extract(text)] == ["x-c", "x-a", "x-b", "t-hope"]
    assert Extractor(gazetteers=tsv, bundled=False).gazetteer_size == 1


def test_gazetteer_entries_accept_tuples_numbers_and_nan():
    e = Extractor(
        gazetteers=[{"id": "n-1", "name": "Numbered", "kind": "place", "subtype": "city", "aliases": ("Num",),
                     "population": 1200, "lat": float("nan"), "pcode": None}],
        bundled=False,
    )
    assert [m.name for m in e.extract("Num")] == ["Numbered"]


def test_document_date_forms_are_accepted(own_extractor):
    for date in ("2017-09-11", "2017-09", "2017", " 2017-09-11 ", "September 11, 2017", datetime.date(2017, 9, 11),
                 datetime.datetime(2017, 9, 11, 12, 0), None):
        own_extractor.extract("Camp Hope on 12 July", date=date)
        tallystick.extract("Homs on 12 July", date=date)


def test_extract_batch_matches_extract(own_extractor):
    texts = ["Camp Hope", "", "Relief Now in Qaryat al-Tayr", "nothing here", "Podgorny — Хорошо"] * 7
    single = [own_extractor.extract(t) for t in texts]
    assert own_extractor.extract_batch(texts) == single
    assert own_extractor.extract_batch(texts, threads=1) == single
    assert own_extractor.extract_batch(texts, threads=3) == single
    assert own_extractor.extract_batch(iter(texts)) == single
    assert own_extractor.extract_batch((t.encode() for t in texts)) == single
    assert own_extractor.extract_batch([]) == []
    dates = ["2019-07-12", None, datetime.date(2020, 1, 1), "2018", "2018-02"] * 7
    assert len(own_extractor.extract_batch(texts, dates=dates)) == len(texts)


def test_mention_attributes_of_every_kind():
    q = make_mention(QUANTITY, "camp")
    assert (q.kind, q.value, q.low, q.high, q.unit, q.item, q.approx) == (
        "quantity", 3500.0, None, None, None, "people", "approximately")
    assert q.per == {"value": 5.0, "unit": "day"}
    assert (q.where, q.where_id) == ("Rukban", "sy-camp-rukban")
    assert (q.name, q.subtype, q.id, q.alternatives) == (None, None, None, None)
    assert q.to_dict() == QUANTITY

    r = make_mention(RANGE)
    assert (r.value, r.low, r.high, r.unit, r.per, r.where) == (None, 24.0, 48.0, "hour", None, None)
    assert r.to_dict() == RANGE
    assert "where" not in r.to_dict()

    d = make_mention(DATE)
    assert (d.kind, d.value, d.low, d.high) == ("date", None, "XXXX-07-09", "XXXX-07-12")
    assert (d.unit, d.approx, d.per, d.name) == (None, None, None, None)
    assert d.to_dict() == DATE

    p = make_mention(PLACE)
    assert (p.name, p.subtype, p.id) == ("Homs", "governorate", "sy-homs")
    assert p.alternatives == PLACE["alternatives"]
    assert p.to_dict() == PLACE
    assert (p.value, p.low, p.high, p.item) == (None, None, None, None)


def test_mention_repr_is_readable():
    q = make_mention(QUANTITY, "camp")
    r = repr(q)
    assert r.startswith("Mention(kind='quantity', start=0, end=30, text='approximately 3500 people per every 5 days'")
    assert "value=3500.0" in r and "approx='approximately'" in r and "where='Rukban'" in r
    assert "low=" not in r  # None fields are left out
    assert repr(make_mention(DATE)) == (
        "Mention(kind='date', start=0, end=9, text='9-12 July', low='XXXX-07-09', high='XXXX-07-12')")


def test_mentions_are_immutable_hashable_and_comparable(own_extractor):
    a = own_extractor.extract("Camp Hope")
    b = own_extractor.extract("Camp Hope")
    assert a == b and a[0] is not b[0]
    assert hash(a[0]) == hash(b[0])
    assert len({a[0], b[0]}) == 1
    assert a[0] != "Camp Hope"
    with pytest.raises(AttributeError):
        a[0].text = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Mention()  # type: ignore[call-arg]


def test_parse_number():
    assert tallystick.parse_number("42") == 42.0
    assert tallystick.parse_number("  7.5 ") == 7.5
    assert tallystick.parse_number("not a number") is None
    assert tallystick.parse_number("") is None


def test_extractor_repr(own_extractor):
    assert repr(own_extractor) == (
        "Extractor(bundled=False, added_entries=4, kinds=('place', 'camp', 'actor', 'quantity', 'date'))")
    assert repr(Extractor(kinds=["date"])) == "Extractor(bundled=True, added_entries=0, kinds=('date',))"


def test_copy_returns_the_same_immutable_object(own_extractor):
    import copy

    assert copy.copy(own_extractor) is own_extractor
    assert copy.deepcopy(own_extractor) is own_extractor


@pytest.mark.parametrize("name", ["Damascus", "Homs", "Rukban", "UNHCR"])
@pytest.mark.parametrize("pad", range(4))
def test_names_before_four_byte_characters(name, pad):
    """Context windows after a name must not cut a character in two."""
    text = name + " " + "a" * pad + "\U0001f600" * 30
    found = tallystick.extract(text)
    check_mentions(text, found)
    assert found[0].text == name


def test_to_frame_without_pandas_says_how_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        tallystick.to_frame([[]])


def test_gazetteer_entry_gives_the_parent_chain() -> None:
    import tallystick

    homs = next(m for m in tallystick.extract("Citizens of al-Rastan, Homs province, received aid.") if m.text == "al-Rastan")
    entry = tallystick.gazetteer_entry(homs.id)
    assert entry is not None and entry["id"] == homs.id and entry["name"] == homs.name
    seen = set()
    while entry.get("parent") and entry["id"] not in seen:
        seen.add(entry["id"])
        entry = tallystick.gazetteer_entry(entry["parent"])
        assert entry is not None
    assert tallystick.gazetteer_entry("no-such-id") is None
