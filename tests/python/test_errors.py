"""Every error is a TallystickError with a clear message; panics never crash Python."""

from __future__ import annotations

import pickle

import pytest

import tallystick
from tallystick import (
    DocumentTooLargeError,
    Extractor,
    GazetteerError,
    InternalError,
    InvalidArgumentError,
    InvalidUtf8Error,
    ReadError,
    TallystickError,
)


def test_hierarchy():
    assert issubclass(TallystickError, ValueError)
    for cls in (GazetteerError, ReadError, InvalidArgumentError, InvalidUtf8Error, DocumentTooLargeError,
                InternalError):
        assert issubclass(cls, TallystickError), cls
        assert cls.__module__ == "tallystick"
        assert cls.__doc__
    assert TallystickError("x").path is None and TallystickError("x").line is None


@pytest.mark.parametrize("kinds", [["plac"], "places", ["place", "Quantity"]])
def test_unknown_kind(kinds):
    with pytest.raises(InvalidArgumentError, match="unknown mention kind .*expected one of place, camp, actor"):
        Extractor(kinds=kinds)


def test_no_kinds():
    with pytest.raises(InvalidArgumentError, match="at least one kind"):
        Extractor(kinds=[])


def test_kinds_of_the_wrong_type():
    with pytest.raises(InvalidArgumentError, match="kind names"):
        Extractor(kinds=[1])
    with pytest.raises(TypeError):
        Extractor(kinds=3)


def test_gazetteer_row_with_a_missing_column(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("id\tname\tkind\tsubtype\na\tA\tplace\tcity\nb\tB\tplace\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as info:
        Extractor(gazetteers=[path])
    err = info.value
    assert err.path == str(path) and err.line == 3
    assert str(err) == f"{path}:3: expected 4 tab-separated fields as in the header, found 3"


def test_gazetteer_header_without_required_column(tmp_path):
    path = tmp_path / "noheader.tsv"
    path.write_text("id\tname\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match='has no "kind" column'):
        Extractor(gazetteers=str(path))


def test_gazetteer_empty_file(tmp_path):
    path = tmp_path / "empty.tsv"
    path.write_bytes(b"")
    with pytest.raises(GazetteerError, match="empty"):
        Extractor(gazetteers=[path])


def test_gazetteer_file_not_utf8(tmp_path):
    path = tmp_path / "latin1.tsv"
    path.write_bytes("id\tname\tkind\tsubtype\nx\tAlepp\xe9\tplace\tcity\n".encode("latin-1"))
    with pytest.raises(GazetteerError, match="not valid UTF-8") as info:
        Extractor(gazetteers=[path])
    assert info.value.line == 2


def test_gazetteer_file_missing(tmp_path):
    with pytest.raises(ReadError, match="cannot read") as info:
        Extractor(gazetteers=[tmp_path / "nope.tsv"])
    assert info.value.path == str(tmp_path / "nope.tsv")


def test_gazetteer_entry_errors_name_their_position():
    good = {"id": "a", "name": "A", "kind": "place", "subtype": "city"}
    with pytest.raises(GazetteerError) as info:
        Extractor(gazetteers=[good, {"id": "b", "name": "B", "kind": "place"}])
    assert (info.value.path, info.value.line) == ("gazetteers", 2)
    assert 'entry "b" has an empty "subtype"' in str(info.value)
    with pytest.raises(GazetteerError) as info:
        Extractor(gazetteers=[[good, {"id": "c", "name": "C", "kind": "actor", "subtype": "city"}]])
    assert (info.value.path, info.value.line) == ("gazetteers[0]", 2)
    assert "belongs to kind" in str(info.value)
    with pytest.raises(GazetteerError, match="expected an entry"):
        Extractor(gazetteers=[[good, 42]])
    with pytest.raises(GazetteerError, match="has type object"):
        Extractor(gazetteers=[{"id": "x", "name": "X", "kind": "place", "subtype": "city", "lat": object()}])
    with pytest.raises(GazetteerError, match="expected a path, an entry"):
        Extractor(gazetteers=[3])


def test_duplicate_ids():
    e = {"id": "a", "name": "A", "kind": "place", "subtype": "city"}
    with pytest.raises(TallystickError, match="duplicate id"):
        Extractor(gazetteers=[e, dict(e)])


def test_invalid_utf8_bytes(own_extractor):
    with pytest.raises(InvalidUtf8Error, match="not valid UTF-8: invalid byte at offset 3"):
        own_extractor.extract(b"ok \xff bad")
    with pytest.raises(InvalidUtf8Error, match=r"texts\[1\] is not valid UTF-8"):
        own_extractor.extract_batch([b"fine", b"\xc3\x28"])


def test_lone_surrogates(own_extractor):
    with pytest.raises(InvalidUtf8Error, match="lone surrogate"):
        own_extractor.extract("abc \ud800 def")
    with pytest.raises(InvalidUtf8Error, match=r"texts\[0\]"):
        own_extractor.extract_batch(["\udfff"])


@pytest.mark.parametrize("date", ["2017-13-01", "2017-02-30", "2019-02-29", "17-09-11", "September 11", "",
                                  "2017-9-1", "XXXX-07-01", "2017-09-11-01", "yesterday"])
def test_invalid_dates(own_extractor, date):
    with pytest.raises(InvalidArgumentError, match="^invalid document date ") as info:
        own_extractor.extract("Camp Hope", date=date)
    assert f'"{date}"' in str(info.value)  # the message names the input


def test_leap_day_is_valid(own_extractor):
    own_extractor.extract("Camp Hope", date="2020-02-29")


def test_wrong_types_raise_type_error(own_extractor):
    with pytest.raises(TypeError, match="text must be str or bytes, not int"):
        own_extractor.extract(3)
    with pytest.raises(TypeError, match="date must be None"):
        own_extractor.extract("x", date=20170911)
    with pytest.raises(TypeError, match="not a single str"):
        own_extractor.extract_batch("Camp Hope")
    with pytest.raises(TypeError, match=r"texts\[1\] must be str or bytes"):
        own_extractor.extract_batch(["a", None])


def test_batch_argument_errors(own_extractor):
    with pytest.raises(InvalidArgumentError, match="threads must be at least 1"):
        own_extractor.extract_batch(["a", "b"], threads=0)
    with pytest.raises(InvalidArgumentError, match="threads must be at least 1"):
        own_extractor.extract_batch(["a", "b"], threads=-2)
    with pytest.raises(InvalidArgumentError, match="dates has 1 items but texts has 2"):
        own_extractor.extract_batch(["a", "b"], dates=["2017"])
    with pytest.raises(InvalidArgumentError, match=r"dates\[1\]: invalid document date"):
        own_extractor.extract_batch(["a", "b"], dates=["2017", "2017-99"])


def test_keyword_only_options(own_extractor):
    with pytest.raises(TypeError):
        Extractor(None)  # type: ignore[misc]
    with pytest.raises(TypeError):
        own_extractor.extract("x", "2017")  # type: ignore[misc]
    with pytest.raises(TypeError):
        own_extractor.extract_batch(["x"], 2)  # type: ignore[misc]


def test_a_rust_panic_becomes_an_internal_error():
    with pytest.raises(InternalError, match="internal error in tallystick.*boom"):
        tallystick._core._test_panic("boom")
    with pytest.raises(TallystickError):
        tallystick._core._test_panic("again")
    # The interpreter is fine afterwards.
    assert tallystick.extract("Homs")


def test_errors_pickle_with_their_location(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("id\tname\tkind\tsubtype\na\tA\tplace\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as info:
        Extractor(gazetteers=[path])
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is GazetteerError
    assert (again.path, again.line, str(again)) == (info.value.path, 2, str(info.value))
