"""Type stubs of ``tallystick._core``, the compiled binding (hand-written).

Everything here is re-exported from ``tallystick``; import it from there.
"""

import datetime
import os
from typing import Any, Iterable, Literal, Mapping, Sequence, Union, final


__version__: str
__all__ = [
    "DocumentTooLargeError",
    "Extractor",
    "GazetteerError",
    "InternalError",
    "InvalidArgumentError",
    "InvalidUtf8Error",
    "Mention",
    "ReadError",
    "TallystickError",
    "__version__",
    "_extractor_from_state",
    "_mention_from_json",
    "_test_panic",
    "extract",
    "parse_number",
]

_Kind = Literal["place", "camp", "actor", "quantity", "date"]
"""The five mention kinds."""

_Approx = Literal["exact", "approximately", "more_than", "at_least", "less_than", "at_most", "nearly"]
"""How sure a figure is, from the words before it."""

_DateLike = Union[str, datetime.date, None]
"""A document date: an ISO string ("2017-09-11", "2017-09", "2017") or a
written date with a year ("September 11, 2017"), a ``datetime.date`` (or
``datetime``), or None (then a dateline in the text is used, if there is one)."""

_GazetteerSource = Union[str, "os.PathLike[str]", Mapping[str, Any], Iterable[Mapping[str, Any]]]
"""A gazetteer file (TSV or JSONL), one entry, or a list of entries."""

class TallystickError(ValueError):
    """Base class of every error tallystick raises (a ``ValueError``).

    Passing an argument of the wrong type raises ``TypeError``, as any Python
    function does; every other error is a ``TallystickError``.
    """

    path: str | None
    """The file (or in-memory source such as ``"gazetteers[0]"``) the error is about, or None."""
    line: int | None
    """The 1-based line of ``path`` (or the entry's 1-based position in a list), or None."""

class GazetteerError(TallystickError):
    """A gazetteer file or entry is malformed: a missing column or field, an
    unknown kind or subtype, a duplicate id. ``path`` and ``line`` say where."""

class ReadError(TallystickError):
    """A file could not be read; ``path`` names it."""

class InvalidArgumentError(TallystickError):
    """An argument value cannot be used: an unknown kind, an invalid date,
    ``threads`` < 1, ``dates`` or ``ids`` of the wrong length."""

class InvalidUtf8Error(TallystickError):
    """A document given as bytes is not valid UTF-8, or a str holds a lone
    surrogate and cannot be encoded as UTF-8."""

class DocumentTooLargeError(TallystickError):
    """A document is larger than the extractor's limit."""

class InternalError(TallystickError):
    """A bug in tallystick: a Rust panic, caught before it could crash Python.
    Please report it with the input that caused it."""

@final
class Mention:
    """One mention found in a document. Immutable, hashable and picklable.

    Offsets are code points (Python ``str`` indices), so
    ``text[m.start:m.end] == m.text`` always holds. Attributes that do not
    apply to the mention's kind are None; ``to_dict()`` gives exactly the JSON
    object of the mentions contract.
    """

    @property
    def kind(self) -> _Kind:
        """``"place"``, ``"camp"``, ``"actor"``, ``"quantity"`` or ``"date"``."""
    @property
    def start(self) -> int:
        """Code point offset of the first character."""
    @property
    def end(self) -> int:
        """Code point offset just past the mention (exclusive)."""
    @property
    def byte_start(self) -> int:
        """UTF-8 byte offset of the first character: ``text.encode()[m.byte_start:m.byte_end]``."""
    @property
    def byte_end(self) -> int:
        """UTF-8 byte offset just past the mention."""
    @property
    def text(self) -> str:
        """The exact slice of the document."""
    # places, camps, actors
    @property
    def name(self) -> str | None:
        """Canonical name (places, camps, actors)."""
    @property
    def subtype(self) -> str | None:
        """Subtype: country, governorate, ..., camp, shelter, organization, person, ... (places, camps, actors)."""
    @property
    def id(self) -> str | None:
        """Gazetteer id; None for a name found by context (and for other kinds)."""
    @property
    def alternatives(self) -> list[dict[str, str | None]] | None:
        """Other entities the same words could name, best first, as dicts with
        ``name``, ``id``, ``subtype`` (places, camps, actors; None for other kinds)."""
    # quantities and dates
    @property
    def value(self) -> float | str | None:
        """Quantities: the number (None for a range). Dates: the ISO date
        (``"2019-07-12"``, ``"XXXX-07-01"``, ``"2019-06"``, ``"2018"``; None for a range)."""
    @property
    def low(self) -> float | str | None:
        """Lower end of a range: a float for quantities, an ISO string for dates."""
    @property
    def high(self) -> float | str | None:
        """Upper end of a range: a float for quantities, an ISO string for dates."""
    # quantities
    @property
    def unit(self) -> str | None:
        """Canonical unit (``"t"``, ``"km2"``, ``"USD"``, ``"%"``, ``"day"``, ...); None for a plain count."""
    @property
    def item(self) -> str | None:
        """What is counted or measured, as written, lower-cased (``"food products"``), or None."""
    @property
    def approx(self) -> _Approx | None:
        """The approximation of a quantity (None for other kinds)."""
    @property
    def per(self) -> dict[str, Any] | None:
        """The rate's denominator, ``{"value": 5.0, "unit": "day"}``, or None."""
    @property
    def where(self) -> str | None:
        """Canonical name of the place or camp the quantity is about, or None."""
    @property
    def where_id(self) -> str | None:
        """Gazetteer id of ``where``, or None."""
    def to_dict(self) -> dict[str, Any]:
        """The mention as the JSON object of the mentions contract (``start``/``end`` in code points)."""
    def to_json(self) -> str:
        """The mention as a JSON string, exactly as the Rust library writes it."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Mention: ...
    def __deepcopy__(self, memo: Any, /) -> Mention: ...

@final
class Extractor:
    """Finds places, camps, actors, quantities and dates in documents.

    Build it once and reuse it: construction compiles an automaton over every
    gazetteer name. It is immutable and thread-safe (share one between
    threads), and it pickles (for multiprocessing, Spark and Dask) with its
    added gazetteer entries inlined, so workers need no file.
    """

    def __new__(
        cls,
        *,
        gazetteers: _GazetteerSource | Sequence[_GazetteerSource] | None = None,
        bundled: bool = True,
        kinds: _Kind | Iterable[_Kind] | None = None,
    ) -> Extractor:
        """Builds an extractor.

        Args:
            gazetteers: extra gazetteer entries: a path to a TSV or JSONL
                gazetteer file, an entry (a dict with the keys ``id``,
                ``name``, ``kind``, ``subtype`` and optionally ``aliases``
                (a list, or a ``|``-separated string), ``parent``, ``pcode``,
                ``lat``, ``lon``, ``name_ar``, ``population``), a list of
                entries, or a list mixing all of these.
            bundled: use the bundled gazetteer (default). With False, only
                ``gazetteers`` are used.
            kinds: the kinds to extract (default: all five).

        Raises:
            GazetteerError: an entry or file is malformed (``path``/``line``
                say where) or two entries share an id.
            ReadError: a gazetteer file cannot be read.
            InvalidArgumentError: an unknown kind, or no kind at all.
        """
    @property
    def kinds(self) -> tuple[_Kind, ...]:
        """The kinds this extractor emits."""
    @property
    def bundled(self) -> bool:
        """Whether the bundled gazetteer is used."""
    @property
    def gazetteer_size(self) -> int:
        """Number of gazetteer entries, bundled and added."""
    def gazetteer_entry(self, id: str) -> dict[str, Any] | None:
        """The gazetteer entry with this id (id, name, kind, subtype, aliases,
        parent, pcode, lat, lon, name_ar, population), or ``None``."""
    def extract(self, text: str | bytes, /, *, date: _DateLike = None) -> list[Mention]:
        """Every mention in ``text``, sorted by start offset.

        The GIL is released while the text is processed.

        Args:
            text: the document (bytes must be UTF-8).
            date: the document's date; dates without a year take its year.

        Raises:
            InvalidUtf8Error: ``text`` is bytes that are not UTF-8, or a str with a lone surrogate.
            InvalidArgumentError: ``date`` is not a valid date.
        """
    def document_date(self, text: str | bytes, /, *, date: _DateLike = None) -> str | None:
        """The document's date as an ISO string (``"2017-09-11"``, ``"2017-09"``):
        ``date`` when given, otherwise the date of a dateline near the top of
        ``text`` ("date 2017-09-11", "MOSCOW, September 11, 2017"), otherwise
        None. It is the date ``extract`` gives yearless dates the year of, and
        the ``document_date`` column of ``extract_frame``.

        Raises:
            InvalidUtf8Error: ``text`` is bytes that are not UTF-8.
            InvalidArgumentError: ``date`` is not a valid date.
        """
    def extract_batch(
        self,
        texts: Iterable[str | bytes],
        /,
        *,
        threads: int | None = None,
        dates: Iterable[_DateLike] | None = None,
    ) -> list[list[Mention]]:
        """The mentions of every text, in input order.

        The texts are processed in parallel on ``threads`` threads (None: all
        cores) with the GIL released.

        Raises:
            InvalidUtf8Error: a text is bytes that are not UTF-8 (the message names its index).
            InvalidArgumentError: ``threads`` < 1, a date is invalid, or
                ``dates`` does not have one item per text.
        """
    def extract_frame(
        self,
        texts: Iterable[str | bytes],
        /,
        ids: Iterable[Any] | None = None,
        *,
        threads: int | None = None,
        dates: Iterable[_DateLike] | None = None,
    ) -> Any:
        """``tallystick.to_frame(self.extract_batch(texts, ...), ids, dates=...)``:
        a pandas DataFrame with one row per mention (typed ``Any`` so that the
        stubs do not need pandas-stubs), whose ``document_date`` column is each
        document's ``document_date(text, date=...)``: the given date, else the
        dateline's, else None.

        Raises:
            ImportError: pandas is not installed.
        """
    def __copy__(self) -> Extractor: ...
    def __deepcopy__(self, memo: Any, /) -> Extractor: ...

def extract(text: str | bytes, /, *, date: _DateLike = None) -> list[Mention]:
    """Every mention in ``text``, with the extractor over the bundled
    gazetteers (built on first use, then shared). See ``Extractor.extract``."""

def parse_number(text: str) -> float | None:
    """Parses a number written in digits or words (``"1,851,424"``,
    ``"2.9 million"``, ``"four"``); None when ``text`` is not, as a whole, a number."""

# Private helpers (pickling and tests); not part of the API.
def _extractor_from_state(state: tuple[int, bool, list[str], str]) -> Extractor: ...
def _mention_from_json(json: str, byte_start: int, byte_end: int, where_subtype: str | None = None) -> Mention: ...
def _test_panic(message: str) -> None: ...
