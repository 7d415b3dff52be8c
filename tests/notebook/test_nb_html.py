"""The HTML view: escaping, overlapping mentions, the structured reading, Mentions as a list."""

from __future__ import annotations

import copy
import pickle

import pytest

import tallystick
from tallystick import Extractor, InvalidArgumentError, Mentions
from tallystick.html import HTMLView, label, reading, to_html, to_page

from nbhelpers import assert_no_active_content, dev_docs, dev_gold, expected_cover, parse_view

HOSTILE = (
    "<script>alert(1)</script> & &amp; &lt; \"double\" 'single' `tick` </div></mark><!-- x --> "
    "<img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a> ]]> \u202e\u2066 "
    "Citizens of Homs received 3.3 tons of food products. </textarea><style>body{display:none}</style>"
)


def check_view(text: str, mentions, html: str) -> None:
    """The view shows exactly the text, every character marked by exactly the
    kinds of the mentions covering it, one label per mention, nothing active."""
    view = parse_view(html)
    assert view.text == text
    assert view.cover == expected_cover(text, mentions)
    assert len(view.labels) == len(mentions)
    assert view.marks == len(mentions) + view.cont_parts
    assert_no_active_content(view)


# ---------------------------------------------------------------- hostile input


def test_hostile_document_text_is_shown_as_text():
    found = tallystick.extract(HOSTILE)
    assert any(m.kind == "quantity" for m in found)
    html = found._repr_html_()
    check_view(HOSTILE, found, html)
    assert "<script>" not in html and "<img" not in html and "<style>" not in html
    assert "&lt;script&gt;alert(" in html and "&lt;/script&gt;" in html


def test_hostile_fields_stay_inside_attributes_and_labels():
    text = "Aid for X and 5 t there on 1 July."
    evil = '"><script>alert(1)</script><b onmouseover="alert(2)">'
    mentions = [
        {"kind": "place", "start": 8, "end": 9, "text": "X", "name": evil, "subtype": "<i>city</i>", "id": "a\"b'c<d>"},
        {"kind": "quantity", "start": 14, "end": 17, "text": "5 t", "value": 5.0, "low": None, "high": None,
         "unit": "t</mark>", "item": "<u>food</u>", "approx": "exact", "per": None, "where": evil, "where_id": "&"},
        {"kind": "date", "start": 27, "end": 33, "text": "1 July", "value": "<script>", "low": None, "high": None},
    ]
    html = to_html(text, mentions)
    check_view(text, mentions, html)
    assert "<script" not in html and "<b " not in html and "<u>" not in html and "<i>" not in html
    view = parse_view(html)
    assert any(evil in t for t in view.titles)  # the reading is intact once unescaped
    assert any("id: a\"b'c<d>" in t for t in view.titles)
    assert any(evil in lab for lab in view.labels)


def test_hostile_kind_cannot_break_out_of_class_or_style():
    text = "abc"
    html = to_html(text, [{"kind": 'x" onclick="alert(1)', "start": 0, "end": 3, "text": "abc"}])
    view = parse_view(html)
    assert_no_active_content(view)
    assert view.text == text


def test_hostile_gazetteer_names_from_a_real_extraction():
    ex = Extractor(gazetteers=[{
        "id": "evil<1>", "name": "<script>alert('name')</script>", "kind": "actor",
        "subtype": "organization", "aliases": ["Evil Relief"],
    }])
    text = "Evil Relief delivered 4 tons of flour to <Homs> & co."
    view = tallystick.render(text, extractor=ex)
    assert isinstance(view, HTMLView)
    found = ex.extract(text)
    assert any(m.name == "<script>alert('name')</script>" for m in found)
    check_view(text, found, str(view))
    assert "<script" not in str(view)


def test_rtl_arabic_emoji_and_combining_marks():
    text = "وصلت المساعدات إلى حمص 👨‍👩‍👧 — Citizens of Homs 🇸🇾 received 3.3 tons; e\u0301 🚚 دير الزور"
    found = tallystick.extract(text)
    check_view(text, found, to_html(text, found))
    # Hand-placed mentions on the Arabic words and across the emoji, too.
    hams = text.index("حمص")
    zor = text.index("دير الزور")
    fam = text.index("👨")
    mentions = [
        {"kind": "place", "start": hams, "end": hams + 3, "text": "حمص", "name": "Homs", "subtype": "city", "id": "c"},
        {"kind": "quantity", "start": fam, "end": fam + 5, "text": text[fam : fam + 5], "value": 3.0, "low": None,
         "high": None, "unit": None, "item": "family", "approx": "approximately", "per": None},
        {"kind": "place", "start": zor, "end": len(text), "text": "دير الزور", "name": "Deir ez-Zor",
         "subtype": "city", "id": None},
    ]
    html = to_html(text, mentions)
    check_view(text, mentions, html)
    assert 'dir="auto"' in html  # the text block follows the direction of its content
    assert 'dir="ltr"' in html  # labels stay left-to-right inside Arabic


# ---------------------------------------------------------------- overlaps


def test_nested_mentions_of_different_kinds():
    text = "The UN counts 666,294 UN-registered Syrian refugees in Jordan."
    found = tallystick.extract(text)
    q = next(m for m in found if m.kind == "quantity")
    inner = [m for m in found if m.kind == "actor" and q.start <= m.start and m.end <= q.end]
    assert inner, "the quantity contains the actor UN"
    html = found.to_html()
    check_view(text, found, html)
    i = text.index("UN-registered")
    assert parse_view(html).cover[i] == ("actor", "quantity")


def test_crossing_and_identical_spans_are_split_and_nested():
    text = "0123456789abcdefghij"
    mentions = [
        {"kind": "place", "start": 0, "end": 10, "text": text[0:10], "name": "P", "subtype": "city", "id": None},
        {"kind": "quantity", "start": 5, "end": 15, "text": text[5:15], "value": 1.0, "low": None, "high": None,
         "unit": None, "item": None, "approx": "exact", "per": None},
        {"kind": "actor", "start": 7, "end": 18, "text": text[7:18], "name": "A", "subtype": "person", "id": None},
        {"kind": "date", "start": 12, "end": 18, "text": text[12:18], "value": "2019", "low": None, "high": None},
        {"kind": "camp", "start": 12, "end": 18, "text": text[12:18], "name": "C", "subtype": "camp", "id": "c"},
    ]
    html = to_html(text, mentions)
    check_view(text, mentions, html)
    view = parse_view(html)
    assert view.cont_parts >= 1  # a crossing mention was split into pieces
    # Every piece of a split mention keeps the whole reading in its tooltip.
    assert sum("offsets: 5–15" in t for t in view.titles) >= 2


def test_adjacent_mentions_and_mentions_at_both_ends():
    text = "HomsHama"
    mentions = [
        {"kind": "place", "start": 0, "end": 4, "text": "Homs", "name": "Homs", "subtype": "city", "id": "h"},
        {"kind": "place", "start": 4, "end": 8, "text": "Hama", "name": "Hama", "subtype": "city", "id": "a"},
    ]
    check_view(text, mentions, to_html(text, mentions))


def test_many_random_overlaps():
    import random

    rng = random.Random(8)
    kinds = ["place", "camp", "actor", "quantity", "date"]
    for _ in range(200):
        text = "".join(rng.choice("ab <&>\"'\nح😀") for _ in range(rng.randint(1, 40)))
        mentions = []
        for _ in range(rng.randint(0, 8)):
            s = rng.randrange(len(text))
            e = rng.randint(s + 1, len(text))
            mentions.append({"kind": rng.choice(kinds), "start": s, "end": e, "text": text[s:e], "name": "n"})
        check_view(text, mentions, to_html(text, mentions, table=rng.random() < 0.5))


# ---------------------------------------------------------------- the structured reading


def test_labels_and_tooltips_give_the_structured_reading():
    text = (
        "The Syrian Arab Republic received more than 1,000 tons of food, approximately 3500 people per every 5 days "
        "left Rukban camp on 12 July 2019, and 24-48 hours later."
    )
    found = tallystick.extract(text)
    by_text = {m.text: m for m in found}
    syria = by_text["The Syrian Arab Republic"] if "The Syrian Arab Republic" in by_text else by_text["Syrian Arab Republic"]
    assert label(syria) == "PLACE country = Syria"
    assert "id: country-sy" in reading(syria)
    tons = next(m for m in found if m.kind == "quantity" and m.unit == "t")
    assert label(tons).startswith("QTY >1,000 t")
    assert "approx: more_than" in reading(tons) and "item: food" in reading(tons)
    rate = next(m for m in found if m.kind == "quantity" and m.per)
    assert "≈3,500 /5 day" in label(rate)
    assert "per: 5 day" in reading(rate)
    date = next(m for m in found if m.kind == "date")
    assert label(date) == "DATE 2019-07-12" and "value: 2019-07-12" in reading(date)
    rng = next(m for m in found if m.kind == "quantity" and m.value is None)
    assert "24–48 hour" in label(rng) and "range: 24 – 48" in reading(rng)
    html = found.to_html()
    view = parse_view(html)
    assert "PLACE country = Syria" in view.labels
    assert any("name: Syria" in t and "id: country-sy" in t for t in view.titles)


def test_where_and_ids_in_tooltips():
    text = "Citizens of Deir ez-Zor received 3.3 tons of food products."
    found = tallystick.extract(text)
    q = next(m for m in found if m.kind == "quantity")
    assert q.where is not None
    tip = "\n".join(reading(q))
    assert f"where: {q.where} ({q.where_id})" in tip
    assert label(q).endswith(f"@ {q.where}")


def test_labels_can_be_turned_off_and_table_lists_every_mention():
    text = "Citizens of Homs received 3.3 tons of food."
    found = tallystick.extract(text)
    view = parse_view(to_html(text, found, labels=False, table=False))
    assert view.labels == [] and view.text == text
    full = to_html(text, found, title="doc <1>")
    assert "doc &lt;1&gt;" in full
    assert f"{len(found)} mentions" in full
    assert full.count("<tr>") == len(found) + 1


def test_gold_mentions_render_too():
    gold = dev_gold()
    for doc in dev_docs():
        mentions = gold[doc["id"]]
        check_view(doc["text"], mentions, to_html(doc["text"], mentions))


def test_every_dev_document_renders_exactly():
    for doc in dev_docs():
        found = tallystick.extract(doc["text"])
        check_view(doc["text"], found, found._repr_html_())


# ---------------------------------------------------------------- Mentions, render, files


def test_mentions_is_still_a_list():
    text = "Citizens of Homs received 3.3 tons of food."
    found = tallystick.extract(text)
    plain = Extractor().extract(text)
    assert isinstance(found, list) and isinstance(found, Mentions)
    assert found == plain and plain == found
    assert type(found[:1]) is list
    assert found.text == text
    again = pickle.loads(pickle.dumps(found))
    assert type(again) is Mentions and again == found and again.text == text
    assert copy.deepcopy(found).text == text
    assert repr(found) == repr(plain)
    assert tallystick.extract(text.encode()).text == text
    assert tallystick.extract("").text == "" and tallystick.extract("") == []


def test_extract_errors_are_unchanged():
    with pytest.raises(TypeError):
        tallystick.extract(12)  # type: ignore[arg-type]
    with pytest.raises(tallystick.InvalidUtf8Error):
        tallystick.extract(b"\xff\xfe")
    with pytest.raises(tallystick.InvalidArgumentError):
        tallystick.extract("x", date="not a date")


def test_render_forms():
    text = "Citizens of Homs received 3.3 tons of food."
    found = tallystick.extract(text)
    a = tallystick.render(text)
    b = tallystick.render(found)
    c = tallystick.render(text, list(found))
    assert str(a) == str(b) == str(c) == a._repr_html_()
    assert "tallystick.HTMLView" in repr(a)
    with pytest.raises(TypeError, match="needs the text"):
        tallystick.render(list(found))  # type: ignore[arg-type]
    dated = tallystick.render("It began on July 1.", date="2019-07-15")
    assert "DATE 2019-07-01" in str(dated)


def test_offsets_that_do_not_fit_are_refused():
    with pytest.raises(InvalidArgumentError, match="do not fit"):
        to_html("abc", [{"kind": "place", "start": 1, "end": 9}])
    with pytest.raises(InvalidArgumentError):
        to_html("abc", [{"kind": "place", "start": 2, "end": 2}])
    with pytest.raises(InvalidArgumentError):
        to_html("abc", [{"kind": "place", "start": "0", "end": 2}])
    found = tallystick.extract("Citizens of Homs received 3.3 tons.")
    with pytest.raises(InvalidArgumentError):
        tallystick.render("short", found)


def test_long_documents_are_cut_in_the_notebook_only(monkeypatch):
    monkeypatch.setattr(tallystick.html, "REPR_MAX_CHARS", 30)
    text = "Citizens of Homs received 3.3 tons of food, and Hama 4 tons."
    found = tallystick.extract(text)
    html = found._repr_html_()
    view = parse_view(html)
    assert view.text == text[:30]
    assert "Showing the first 30 of" in html
    cut = [m for m in found if m.start < 30]
    assert len(view.labels) == len(cut)
    assert parse_view(found.to_html()).text == text


def test_save_html_writes_a_self_contained_page(tmp_path):
    found = tallystick.extract(HOSTILE)
    path = tmp_path / "view.html"
    found.save_html(path, title="<hostile>")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<title>&lt;hostile&gt;</title>" in page
    for fetch in ("http://", "https://", "//", "@import", "url("):  # nothing to fetch
        assert fetch not in page.replace("<!DOCTYPE", ""), fetch
    view = parse_view(page)
    assert view.text == HOSTILE
    assert_no_active_content(view)
    p2 = tmp_path / "render.html"
    tallystick.render(HOSTILE, title="t").save(p2)
    assert parse_view(p2.read_text(encoding="utf-8")).text == HOSTILE
    assert "Content-Security-Policy" not in to_page("<div></div>", csp=False)
