"""Totals of figures by item, place and month, with their bounds kept apart.

``tallystick.summarize(frame)`` takes the frame of :func:`tallystick.to_frame`
(or ``Extractor.extract_frame``) and totals its quantities by item, unit,
country, governorate and month:

>>> import tallystick
>>> ex = tallystick.Extractor()
>>> frame = ex.extract_frame(texts, ids=ids)                     # doctest: +SKIP
>>> tallystick.summarize(frame, texts=dict(zip(ids, texts)),
...                      dates={"doc-1": "2019-07-12"})         # doctest: +SKIP

How each choice is made:

* **Which figures.** Quantities with a value or a range. Rates ("3500 people
  per every 5 days") are left out unless ``include_rates=True``, and so are
  the units that do not add up: shares (``%``), temperatures and durations
  (``exclude_units``). Figures are never added across units: ``unit`` is
  always one of the keys (``"count"`` for plain counts such as "60,000
  people").
* **Bounds stay apart.** "more than 1,000 tons" is not 1,000 tons. Each
  figure goes to one column: ``exact`` (no qualifier, or "as many as"),
  ``approximate`` ("about", "approximately", "some", "nearly", "almost"),
  ``lower_bound`` ("more than", "over", "at least": the truth is at least
  the figure), ``upper_bound`` ("less than", "up to", "at most"), or, for a
  range ("from 10 to 15 tons"), ``range_low`` and ``range_high``. Nothing
  adds these columns together for you: ``exact + lower_bound`` is a floor,
  ``exact + approximate`` an estimate, and so on.
* **Place.** The figure's ``where_id`` is rolled up through the gazetteer's
  parent ids to the enclosing governorate (``level``) and country: Al-Rastan
  (a city) and Rukban (a camp) count for Homs. A figure about a whole country
  ("more than 1,000 tons to Syria") has a country but no governorate; one
  without ``where`` (or whose place has no id) has neither. The parent ids
  come from ``gazetteer``: a gazetteer file (TSV or JSONL, as ``Extractor``
  reads), a mapping of entries or of parent ids, a lookup function, or (when
  the binding has it) ``tallystick.gazetteer_entry``.
* **Month.** The month of the nearest date with a month in the figure's own
  sentence ("On 12 July 2019, 3,500 people ...") when ``texts`` are given
  (sentences need the text); otherwise the month of the document's date
  (``dates``, or a ``date`` column of the frame, or its ``document_date``
  column: the date given with the document or its dateline's). A date without a year
  ("July 1") takes the document's year. ``month_source`` in
  :func:`figures` says which was used.

Repeated figures are not de-duplicated: two releases that report the same
delivery count it twice. :func:`figures` gives the rows behind every total,
to check.
"""

from __future__ import annotations

import bisect
import datetime
import json
import math
import os
import re
from typing import Any, Callable, Iterable, Mapping, Sequence

__all__ = ["BOUND_COLUMNS", "COUNT_UNIT", "NON_ADDITIVE_UNITS", "figures", "load_gazetteer", "sentence_spans", "summarize"]

#: Units whose figures are not totalled by default: shares, temperatures, durations.
NON_ADDITIVE_UNITS: tuple[str, ...] = ("%", "°C", "minute", "hour", "day", "week", "month", "year")

#: The ``unit`` key :func:`summarize` gives plain counts (whose unit is None).
COUNT_UNIT = "count"

#: The figure columns of :func:`summarize`, one per kind of bound.
BOUND_COLUMNS: tuple[str, ...] = ("exact", "approximate", "lower_bound", "upper_bound", "range_low", "range_high")

_BOUND_OF_APPROX = {
    "exact": "exact",
    "approximately": "approximate",
    "nearly": "approximate",
    "more_than": "lower_bound",
    "at_least": "lower_bound",
    "less_than": "upper_bound",
    "at_most": "upper_bound",
}

_FIGURE_COLUMNS = (
    "doc_id", "start", "end", "text", "item", "unit", "value", "low", "high", "approx", "bound",
    "where", "where_id", "country",
)


def _pandas() -> Any:
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError("tallystick.summarize needs pandas: pip install 'tallystick[pandas]'") from e
    return pd


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(isinstance(v, float) and math.isnan(v)) or v is _pandas().NA or v is _pandas().NaT
    except TypeError:  # pragma: no cover
        return False


# ---------------------------------------------------------------- gazetteer


def load_gazetteer(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """Reads a gazetteer file (TSV with a header row, ``#`` comment lines
    allowed, or JSONL of entries) into ``{id: entry}``; entries are dicts
    with at least ``name``, ``subtype`` and ``parent`` (None when empty)."""
    entries: dict[str, dict[str, Any]] = {}
    name = os.fspath(path)
    with open(name, encoding="utf-8") as f:
        if name.lower().endswith((".jsonl", ".ndjson", ".json")):
            for line in f:
                if line.strip():
                    e = json.loads(line)
                    entries[str(e["id"])] = {k: (v if v != "" else None) for k, v in e.items()}
            return entries
        header: list[str] | None = None
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            e = {k: (cells[i] if i < len(cells) and cells[i] != "" else None) for i, k in enumerate(header)}
            if e.get("id"):
                entries[str(e["id"])] = e
    return entries


def _lookup_from(source: Any) -> tuple[Callable[[str], Any] | None, bool]:
    """A function id -> entry (a mapping, a parent id string, or None), and
    whether ``source`` gave parents only."""
    if source is None:
        import tallystick

        fn = getattr(tallystick, "gazetteer_entry", None)
        return (fn, False) if callable(fn) else (None, False)
    if hasattr(source, "gazetteer_entry") and callable(source.gazetteer_entry):
        return source.gazetteer_entry, False
    if isinstance(source, (str, os.PathLike)):
        return load_gazetteer(source).get, False
    if isinstance(source, Mapping):
        parents_only = all(v is None or isinstance(v, str) for v in source.values())
        return source.get, parents_only
    if callable(source):
        return source, False
    if isinstance(source, Iterable):
        table: dict[str, Any] = {}
        for item in source:
            if isinstance(item, (str, os.PathLike)):
                table.update(load_gazetteer(item))
            elif isinstance(item, Mapping) and "id" in item:
                table[str(item["id"])] = dict(item)
            else:
                raise TypeError(f"gazetteer: expected paths or entry dicts with an 'id', got {item!r}")
        return table.get, False
    raise TypeError(f"gazetteer: unsupported type {type(source).__name__}")


class _Places:
    """Rolls gazetteer ids up to a level (``governorate``) and a country."""

    def __init__(self, source: Any, known: Mapping[str, tuple[str, str | None]], level: str) -> None:
        self.lookup, self.parents_only = _lookup_from(source)
        self.source = source if self.parents_only else {}
        self.known = known  # id -> (name, subtype) seen in the frame
        self.level = level
        self.cache: dict[str, tuple[str | None, str | None]] = {}

    def _entry(self, ident: str) -> tuple[str | None, str | None, str | None]:
        """(name, subtype, parent) of an id; each None when unknown."""
        e = self.lookup(ident) if self.lookup is not None else None
        name, subtype = self.known.get(ident, (None, None))
        if isinstance(e, str):
            return name, subtype, e or None
        if isinstance(e, Mapping):
            return (e.get("name") or name, e.get("subtype") or subtype, e.get("parent") or None)
        if e is not None:  # an object with attributes
            return (getattr(e, "name", None) or name, getattr(e, "subtype", None) or subtype,
                    getattr(e, "parent", None) or None)
        return name, subtype, None

    def rollup(self, ident: str) -> tuple[str | None, str | None]:
        """(country name, level name) of the place or camp ``ident``."""
        if ident in self.cache:
            return self.cache[ident]
        chain: list[tuple[str, str | None, str | None]] = []
        seen: set[str] = set()
        cur: str | None = ident
        while cur and cur not in seen and len(chain) < 64:
            seen.add(cur)
            name, subtype, parent = self._entry(cur)
            chain.append((cur, name, subtype))
            cur = parent
        country = next((name or i for i, name, st in chain if st == "country"), None)
        region = next((name or i for i, name, st in chain if st == self.level), None)
        if self.parents_only and (len(chain) >= 2 or ident in self.source):
            # Parent ids alone: the root is the country, its child the governorate.
            if country is None:
                country = chain[-1][1] or chain[-1][0]
            if region is None and self.level == "governorate" and len(chain) >= 2:
                region = chain[-2][1] or chain[-2][0]
        self.cache[ident] = (country, region)
        return country, region


# ---------------------------------------------------------------- dates and sentences

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Gen|Col|Lt|Maj|Capt|Sgt|Jr|Sr|Co|Inc|Ltd|vs|etc|approx|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Za-z]\.){1,3}[A-Za-z])\.$"
)
_BREAK = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` as ``(start, end)`` code point offsets: a cut
    after ``.``, ``!`` or ``?`` followed by a space (not after a title such as
    "Mr." or an initial such as "M.") and at every line break. Simple and
    good enough to find the date a figure's sentence gives."""
    spans = []
    start = 0
    for m in _BREAK.finditer(text):
        if m.group() != "\n" and _ABBREV.search(text, max(0, m.start() - 12), m.start() + 1):
            continue
        end = m.end()
        if end > start:
            spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


_ISO = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}))?")


def _year_month(value: Any) -> tuple[int | None, int | None]:
    """(year, month) of a document date: ISO string, date, datetime, Timestamp, or a written date."""
    if _missing(value):
        return None, None
    if isinstance(value, (datetime.date, datetime.datetime)) or hasattr(value, "to_pydatetime"):
        return value.year, value.month
    s = str(value).strip()
    m = _ISO.match(s)
    if m and m.group(1) != "XXXX" and (len(s) in (4, 7) or re.match(r"^\d{4}-\d{2}-\d{2}", s)):
        return int(m.group(1)), (int(m.group(2)) if m.group(2) else None)
    pd = _pandas()
    try:
        ts = pd.to_datetime(s)
    except (ValueError, TypeError, OverflowError):
        return None, None
    if _missing(ts):
        return None, None
    return ts.year, ts.month


def _month_of_date(value: Any, doc_year: int | None) -> str | None:
    """``YYYY-MM`` of an ISO date value ("2019-07-12", "XXXX-07-01" with the
    document's year), or None without a month or a year."""
    if _missing(value):
        return None
    m = _ISO.match(str(value))
    if not m or not m.group(2):
        return None
    year = m.group(1)
    if year == "XXXX":
        if doc_year is None:
            return None
        year = f"{doc_year:04d}"
    return f"{year}-{m.group(2)}"


def _by_doc(values: Any, what: str) -> Callable[[Any], Any]:
    """A lookup doc_id -> value from a mapping (or Series) or a sequence indexed by position."""
    if values is None:
        return lambda _doc: None
    if isinstance(values, Mapping) or hasattr(values, "to_dict"):
        table = dict(values.items()) if not isinstance(values, Mapping) else values
        return lambda doc: table.get(doc)
    if isinstance(values, Sequence) and not isinstance(values, (str, bytes)):
        seq = list(values)

        def at(doc: Any) -> Any:
            if isinstance(doc, int) and not isinstance(doc, bool) and 0 <= doc < len(seq):
                return seq[doc]
            return None

        return at
    raise TypeError(f"{what}: expected a mapping from doc_id (or a list indexed by position), got {type(values).__name__}")


# ---------------------------------------------------------------- the tables


def figures(
    frame: Any,
    *,
    gazetteer: Any = None,
    texts: Any = None,
    dates: Any = None,
    level: str = "governorate",
    include_rates: bool = False,
    exclude_units: Iterable[str] = NON_ADDITIVE_UNITS,
) -> Any:
    """The figures :func:`summarize` totals, one row each, with the columns
    it groups by: ``doc_id``, ``start``, ``end``, ``text``, ``item``,
    ``unit``, ``value``, ``low``, ``high``, ``approx``, ``bound`` (the column
    the figure goes to: ``exact``, ``approximate``, ``lower_bound``,
    ``upper_bound`` or ``range``), ``where``, ``where_id``, ``country``, the
    ``level`` (``governorate``), ``month`` and ``month_source``
    (``"sentence"``, ``"document"`` or None). Arguments as for
    :func:`summarize`."""
    pd = _pandas()
    missing_cols = {"doc_id", "kind", "start", "end", "value", "low", "high", "unit", "item", "approx"} - set(frame.columns)
    if missing_cols:
        raise ValueError(f"not a tallystick frame: no column {', '.join(sorted(missing_cols))} (use tallystick.to_frame)")
    excluded = set(exclude_units)
    q = frame[frame["kind"] == "quantity"]
    has_number = q["value"].notna() | q["low"].notna() | q["high"].notna()
    keep = has_number & ~q["unit"].isin(excluded)
    if not include_rates and "per_unit" in q.columns:
        keep &= q["per_unit"].isna()
    q = q[keep]

    # Names and subtypes of the ids the frame itself shows.
    known: dict[str, tuple[str, str | None]] = {}
    ents = frame[frame["kind"].isin(["place", "camp"]) & frame["id"].notna()] if "id" in frame.columns else frame[:0]
    for ident, name, subtype in zip(ents["id"], ents["name"], ents["subtype"]):
        known.setdefault(str(ident), (name, subtype))
    places = _Places(gazetteer, known, level)

    doc_text = _by_doc(texts, "texts")
    doc_date = _by_doc(dates, "dates")
    frame_dates: dict[Any, Any] = {}
    for col in ("date", "document_date"):  # a user's own column first, then to_frame's
        if col in frame.columns:
            for doc, value in zip(frame["doc_id"], frame[col]):
                if not _missing(value):
                    frame_dates.setdefault(doc, value)

    date_rows = frame[frame["kind"] == "date"] if "date_value" in frame.columns else frame[:0]
    dates_of_doc: dict[Any, list[tuple[int, int, Any]]] = {}
    for doc, start, end, value, low in zip(date_rows["doc_id"], date_rows["start"], date_rows["end"],
                                           date_rows["date_value"], date_rows["date_low"]):
        dates_of_doc.setdefault(doc, []).append((int(start), int(end), low if _missing(value) else value))

    sentences: dict[Any, tuple[list[int], list[tuple[int, int]]]] = {}
    rows = []
    for r in q.itertuples(index=False):
        doc = r.doc_id
        given = doc_date(doc)
        year, month = _year_month(given if not _missing(given) else frame_dates.get(doc))
        doc_month = f"{year:04d}-{month:02d}" if year is not None and month is not None else None
        fig_month, source = None, None
        text = doc_text(doc)
        if isinstance(text, str) and dates_of_doc.get(doc):
            if doc not in sentences:
                spans = sentence_spans(text)
                sentences[doc] = ([s for s, _ in spans], spans)
            starts, spans = sentences[doc]
            k = bisect.bisect_right(starts, int(r.start)) - 1
            if k >= 0:
                s0, s1 = spans[k]
                best = None
                for ds, de, value in dates_of_doc[doc]:
                    if ds >= s0 and de <= s1:
                        mo = _month_of_date(value, year)
                        if mo is not None:
                            dist = ds - int(r.end) if ds >= int(r.end) else int(r.start) - de
                            if best is None or abs(dist) < best[0]:
                                best = (abs(dist), mo)
                if best is not None:
                    fig_month, source = best[1], "sentence"
        if fig_month is None and doc_month is not None:
            fig_month, source = doc_month, "document"
        where_id = getattr(r, "where_id", None)
        country, region = places.rollup(str(where_id)) if not _missing(where_id) else (None, None)
        approx = r.approx if not _missing(r.approx) else "exact"
        bound = "range" if _missing(r.value) else _BOUND_OF_APPROX.get(approx, "approximate")
        rows.append((
            doc, int(r.start), int(r.end), getattr(r, "text", None), None if _missing(r.item) else r.item,
            None if _missing(r.unit) else r.unit, r.value, r.low, r.high, approx, bound,
            None if _missing(getattr(r, "where", None)) else r.where,
            None if _missing(where_id) else where_id, country, region, fig_month, source,
        ))
    columns = list(_FIGURE_COLUMNS) + [level, "month", "month_source"]
    out = pd.DataFrame(rows, columns=columns, dtype=object)
    for c in ("start", "end"):
        out[c] = out[c].astype("int64")
    for c in ("value", "low", "high"):
        out[c] = out[c].astype("float64")
    return out


def summarize(
    frame: Any,
    *,
    by: Sequence[str] | None = None,
    gazetteer: Any = None,
    texts: Any = None,
    dates: Any = None,
    level: str = "governorate",
    include_rates: bool = False,
    exclude_units: Iterable[str] = NON_ADDITIVE_UNITS,
) -> Any:
    """Totals of the frame's figures by item, unit, country, governorate and month.

    Args:
        frame: a frame of :func:`tallystick.to_frame` / ``extract_frame``.
        by: the keys (default ``("item", "unit", "country", level, "month")``);
            any column of :func:`figures`. ``unit`` is always added; plain
            counts have the unit ``"count"`` (:data:`COUNT_UNIT`).
        gazetteer: where the parent ids come from: a gazetteer file path (TSV
            or JSONL) or a list of them, a mapping ``{id: entry}`` or
            ``{id: parent_id}``, a function ``id -> entry``, an object with a
            ``gazetteer_entry`` method; by default ``tallystick.gazetteer_entry``
            when the binding has it. Without any, only the places the frame
            itself names as governorates or countries are rolled up.
        texts: the documents' texts, ``{doc_id: text}`` (or a list by
            position), to take the month from the figure's sentence.
        dates: the documents' dates, ``{doc_id: date}`` (or a list by
            position): ISO strings, ``datetime.date``, written dates. A
            ``date`` column of the frame, else its ``document_date`` column,
            is used otherwise.
        level: the subtype places are rolled up to (``"governorate"``,
            ``"district"``...).
        include_rates: also total rates (figures with ``per``).
        exclude_units: units whose figures are left out.

    Returns:
        A ``pandas.DataFrame`` indexed by ``by`` (groups with unknown keys,
        such as a figure with no place, are kept, with NaN keys), with the
        columns ``figures`` (count), ``documents`` (distinct documents),
        ``exact``, ``approximate``, ``lower_bound``, ``upper_bound``,
        ``range_low``, ``range_high`` (sums; see the module docs) and
        ``places`` (the ``where`` names behind the group).
    """
    pd = _pandas()
    keys = list(by) if by is not None else ["item", "unit", "country", level, "month"]
    if "unit" not in keys:
        keys.append("unit")
    table = figures(frame, gazetteer=gazetteer, texts=texts, dates=dates, level=level,
                    include_rates=include_rates, exclude_units=exclude_units)
    unknown = [k for k in keys if k not in table.columns]
    if unknown:
        raise ValueError(f"by: unknown column {', '.join(unknown)}; choose among {', '.join(table.columns)}")
    table["unit"] = table["unit"].where(table["unit"].notna(), COUNT_UNIT)
    for col in BOUND_COLUMNS:
        table[col] = 0.0
    for bound in ("exact", "approximate", "lower_bound", "upper_bound"):
        sel = table["bound"] == bound
        table.loc[sel, bound] = table.loc[sel, "value"]
    rng = table["bound"] == "range"
    table.loc[rng, "range_low"] = table.loc[rng, "low"].fillna(0.0)
    table.loc[rng, "range_high"] = table.loc[rng, "high"].fillna(0.0)
    if table.empty:
        empty = pd.DataFrame(columns=["figures", "documents", *BOUND_COLUMNS, "places"])
        empty.index = pd.MultiIndex.from_arrays([[] for _ in keys], names=keys)
        return empty
    grouped = table.groupby(keys, dropna=False, sort=True)
    out = grouped[list(BOUND_COLUMNS)].sum()
    out.insert(0, "documents", grouped["doc_id"].nunique())
    out.insert(0, "figures", grouped.size())
    out["places"] = grouped["where"].agg(lambda s: "; ".join(sorted({str(v) for v in s if not _missing(v)})))
    return out
