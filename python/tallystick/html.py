"""An HTML view of mentions, for Jupyter and for sharing.

Every mention is highlighted in the text by kind, with an inline label and a
tooltip giving its structured reading: canonical name, subtype and id for
places, camps and actors; value (or range), unit, item, approximation, rate
and ``where`` for quantities; the ISO value for dates.

>>> import tallystick
>>> found = tallystick.extract("Citizens of Homs received 3.3 tons of food.")  # doctest: +SKIP
>>> found                       # in Jupyter: the highlighted text  # doctest: +SKIP
>>> found.save_html("homs.html")  # a self-contained page  # doctest: +SKIP
>>> tallystick.render("Aid reached Rukban camp.")  # doctest: +SKIP

The HTML is self-contained: inline styles only, no script, nothing fetched.
All text (the document, names, items, ids) is escaped, so a document that
contains ``<script>`` shows it as text. Saved pages also carry a
Content-Security-Policy that forbids scripts, as a second line of defence.

Mentions of different kinds may overlap (a quantity can contain an actor).
The text is cut at every mention boundary and mentions become nested
``<mark>`` elements; a mention that crosses another one's end is split into
pieces that share its tooltip (its label comes after the last piece).

Mentions can be :class:`tallystick.Mention` objects or dicts with the fields
of the mentions contract (``start``/``end`` in code points), so gold
annotations read from JSON can be viewed the same way.
"""

from __future__ import annotations

import html as _html
import os
import re
from typing import Any, Iterable, Mapping, Sequence, Union

from . import _core

__all__ = ["HTMLView", "KIND_COLORS", "Mentions", "render", "to_html", "to_page"]

#: Background and accent colour of each kind (and of an unknown kind, ``""``).
KIND_COLORS: dict[str, tuple[str, str]] = {
    "place": ("#ffe2b3", "#e08a00"),
    "camp": ("#cdf5c4", "#2f9e1f"),
    "actor": ("#d3e2ff", "#2f6fde"),
    "quantity": ("#fff59a", "#b59a00"),
    "date": ("#f7d3f7", "#b13bb1"),
    "": ("#e6e6e6", "#777777"),
}
_KIND_ORDER = {k: i for i, k in enumerate(("quantity", "actor", "camp", "place", "date"))}
_LABELS = {"place": "PLACE", "camp": "CAMP", "actor": "ACTOR", "quantity": "QTY", "date": "DATE"}
_APPROX_SIGN = {
    "exact": "",
    "approximately": "≈",
    "more_than": ">",
    "at_least": "≥",
    "less_than": "<",
    "at_most": "≤",
    "nearly": "≲",
}
_UNSAFE_KIND = re.compile(r"[^a-z0-9_-]")

#: ``_repr_html_`` shows at most this many characters of a document (Jupyter
#: chokes on huge outputs); ``to_html`` shows everything unless told otherwise.
REPR_MAX_CHARS = 100_000

MentionLike = Union["_core.Mention", Mapping[str, Any]]


# ---------------------------------------------------------------- helpers


def _esc(value: Any) -> str:
    return _html.escape(str(value), quote=True)


def _get(m: Any, field: str) -> Any:
    if isinstance(m, Mapping):
        return m.get(field)
    return getattr(m, field, None)


def _names(value: Any) -> str | None:
    """A name, or a list of acceptable spellings (gold files), as one string."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return " | ".join(str(v) for v in value) or None
    return str(value)


def _num(v: Any) -> str:
    """A figure for people: 1,851,424 / 3.3 / 33.33."""
    if v is None:
        return "?"
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    if f != f or f in (float("inf"), float("-inf")):
        return str(f)
    if f == int(f) and abs(f) < 1e18:
        return f"{int(f):,}"
    s = f"{f:,.4f}".rstrip("0").rstrip(".")
    return s


def _per(per: Any) -> str | None:
    if not per:
        return None
    value = per.get("value") if isinstance(per, Mapping) else None
    unit = per.get("unit") if isinstance(per, Mapping) else None
    if value in (None, 1, 1.0):
        return f"{unit}"
    return f"{_num(value)} {unit}"


def _kind(m: Any) -> str:
    return str(_get(m, "kind") or "")


def _figure(m: Any) -> str:
    """``>1,000 t``, ``10–15 t``, ``≈3,500 /5 day``."""
    value, low, high = _get(m, "value"), _get(m, "low"), _get(m, "high")
    sign = _APPROX_SIGN.get(str(_get(m, "approx") or "exact"), "")
    if value is None and (low is not None or high is not None):
        number = f"{_num(low)}–{_num(high)}"
    else:
        number = _num(value)
    unit = _get(m, "unit")
    out = f"{sign}{number}" + (f" {unit}" if unit else "")
    per = _per(_get(m, "per"))
    if per:
        out += f" /{per}"
    return out


def _date(m: Any) -> str:
    value, low, high = _get(m, "value"), _get(m, "low"), _get(m, "high")
    if value is None and (low is not None or high is not None):
        return f"{low}/{high}"
    return str(value)


def label(m: MentionLike) -> str:
    """The short inline label of a mention: ``PLACE governorate``,
    ``ACTOR organization = United Nations``, ``QTY >1,000 t @ Syria``,
    ``DATE 2019-07-12``."""
    kind = _kind(m)
    head = _LABELS.get(kind, kind.upper() or "?")
    if kind in ("place", "camp", "actor"):
        out = head
        subtype = _get(m, "subtype")
        if subtype:
            out += f" {subtype}"
        name = _names(_get(m, "name"))
        if name and name.casefold() != str(_get(m, "text") or "").casefold():
            out += f" = {name}"
        return out
    if kind == "quantity":
        out = f"{head} {_figure(m)}"
        where = _names(_get(m, "where"))
        if where:
            out += f" @ {where}"
        return out
    if kind == "date":
        return f"{head} {_date(m)}"
    return head


def reading(m: MentionLike) -> list[str]:
    """The structured reading of a mention, one ``field: value`` line each
    (the tooltip)."""
    kind = _kind(m)
    lines = []
    if kind in ("place", "camp", "actor"):
        subtype = _get(m, "subtype")
        lines.append(f"{kind}" + (f" · {subtype}" if subtype else ""))
        lines.append(f"name: {_names(_get(m, 'name'))}")
        ident = _get(m, "id")
        lines.append(f"id: {ident if ident is not None else '— (found by context)'}")
        alternatives = _get(m, "alternatives") or []
        for alt in list(alternatives)[:3]:
            lines.append(f"or: {_get(alt, 'name')} ({_get(alt, 'subtype')}, {_get(alt, 'id')})")
        if len(alternatives) > 3:
            lines.append(f"or: … {len(alternatives) - 3} more")
    elif kind == "quantity":
        lines.append("quantity")
        value = _get(m, "value")
        if value is None and (_get(m, "low") is not None or _get(m, "high") is not None):
            lines.append(f"range: {_num(_get(m, 'low'))} – {_num(_get(m, 'high'))}")
        else:
            lines.append(f"value: {_num(value)}")
        lines.append(f"unit: {_get(m, 'unit') or '— (a count)'}")
        lines.append(f"item: {_get(m, 'item') or '—'}")
        lines.append(f"approx: {_get(m, 'approx') or 'exact'}")
        per = _per(_get(m, "per"))
        lines.append(f"per: {per or '—'}")
        where = _names(_get(m, "where"))
        if where:
            where_id = _get(m, "where_id")
            lines.append(f"where: {where}" + (f" ({where_id})" if where_id else ""))
        else:
            lines.append("where: —")
    elif kind == "date":
        lines.append("date")
        value = _get(m, "value")
        if value is None and (_get(m, "low") is not None or _get(m, "high") is not None):
            lines.append(f"range: {_get(m, 'low')} – {_get(m, 'high')}")
        else:
            lines.append(f"value: {value}")
    else:
        lines.append(kind or "?")
    lines.append(f"offsets: {_get(m, 'start')}–{_get(m, 'end')}")
    return lines


def _span(m: Any, n: int) -> tuple[int, int]:
    start, end = _get(m, "start"), _get(m, "end")
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise _core.InvalidArgumentError(f"a mention needs integer start and end offsets, got {start!r}, {end!r}")
    if not 0 <= start < end <= n:
        raise _core.InvalidArgumentError(
            f"mention offsets {start}-{end} do not fit a text of {n} characters: "
            "give the text the mentions were found in"
        )
    return start, end


# ---------------------------------------------------------------- markup

_FONT = "system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic',sans-serif"


def _mark_open(m: Any, part: int) -> str:
    kind = _kind(m)
    bg, fg = KIND_COLORS.get(kind, KIND_COLORS[""])
    css_kind = _UNSAFE_KIND.sub("_", kind.lower()) or "unknown"
    style = (
        f"background:{bg};border-bottom:2px solid {fg};border-radius:.3em;padding:.1em .15em;color:inherit;"
        "box-decoration-break:clone;-webkit-box-decoration-break:clone;unicode-bidi:isolate"
    )
    cont = ' data-ts-part="cont"' if part else ""
    return (
        f'<mark class="ts-mention ts-{css_kind}" data-ts-kind="{_esc(kind)}"{cont} '
        f'title="{_esc(chr(10).join(reading(m)))}" style="{style}">'
    )


def _label_html(m: Any) -> str:
    kind = _kind(m)
    fg = KIND_COLORS.get(kind, KIND_COLORS[""])[1]
    style = (
        f"font-size:.68em;font-weight:600;line-height:1;color:#222;background:#fffc;border:1px solid {fg};"
        "border-radius:.3em;padding:.1em .35em;margin-left:.3em;vertical-align:.15em;white-space:nowrap;"
        "unicode-bidi:isolate"
    )
    return f'<span class="ts-label" data-ts-label="" dir="ltr" style="{style}">{_esc(label(m))}</span>'


def _marked_text(text: str, mentions: Sequence[Any], labels: bool) -> str:
    """The text with mentions as nested ``<mark>`` elements.

    The text is cut at every boundary. At each boundary the mentions that end
    there are closed; any mention opened inside one of them that goes on is
    closed too and reopened just after (a new piece). Mentions that start
    there are opened longest first, so that a shorter one nests inside.
    """
    spans = [(_span(m, len(text)), i) for i, m in enumerate(mentions)]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    bounds = {0, len(text)}
    for (start, end), i in spans:
        starts.setdefault(start, []).append(i)
        ends.setdefault(end, []).append(i)
        bounds.update((start, end))
    end_of = {i: end for (_, end), i in spans}
    order = {i: (-end_of[i], _KIND_ORDER.get(_kind(mentions[i]), 99), i) for _, i in spans}
    parts = {i: 0 for _, i in spans}
    out: list[str] = []
    stack: list[int] = []
    positions = sorted(bounds)
    for k, pos in enumerate(positions):
        closing = set(ends.get(pos, ()))
        reopen: list[int] = []
        if closing:
            while closing & set(stack):
                i = stack.pop()
                if i in closing:
                    if labels:
                        out.append(_label_html(mentions[i]))
                    closing.discard(i)
                else:
                    reopen.append(i)
                out.append("</mark>")
        opening = reopen + starts.get(pos, [])
        for i in sorted(opening, key=order.__getitem__):
            out.append(_mark_open(mentions[i], parts[i]))
            parts[i] += 1
            stack.append(i)
        if k + 1 < len(positions):
            out.append(_html.escape(text[pos : positions[k + 1]], quote=False))
    while stack:  # pragma: no cover - every mention ends inside the text
        stack.pop()
        out.append("</mark>")
    return "".join(out)


def _legend(counts: dict[str, int]) -> str:
    chips = []
    for kind in ("place", "camp", "actor", "quantity", "date"):
        bg, fg = KIND_COLORS[kind]
        chips.append(
            f'<span style="background:{bg};border-bottom:2px solid {fg};border-radius:0.3em;'
            f'padding:0.1em 0.4em;margin-right:0.5em">{kind} {counts.get(kind, 0):,}</span>'
        )
    for kind, n in sorted(counts.items()):
        if kind not in KIND_COLORS:
            chips.append(f'<span style="margin-right:0.5em">{_esc(kind or "?")} {n:,}</span>')
    return "".join(chips)


def _table(mentions: Sequence[Any]) -> str:
    th = 'style="text-align:left;padding:0.2em 0.6em;border-bottom:1px solid #ccc"'
    td = 'style="text-align:left;vertical-align:top;padding:0.15em 0.6em;border-bottom:1px solid #eee"'
    rows = [
        f"<tr><th {th}>kind</th><th {th}>start</th><th {th}>end</th><th {th}>text</th><th {th}>reading</th></tr>"
    ]
    for m in mentions:
        rows.append(
            f"<tr><td {td}>{_esc(_kind(m))}</td><td {td}>{_esc(_get(m, 'start'))}</td>"
            f"<td {td}>{_esc(_get(m, 'end'))}</td><td {td} dir=\"auto\">{_esc(_get(m, 'text'))}</td>"
            f"<td {td}>{_esc('; '.join(reading(m)[1:-1]))}</td></tr>"
        )
    return (
        '<table class="ts-table" style="border-collapse:collapse;font-size:0.85em;margin-top:0.3em">'
        + "".join(rows)
        + "</table>"
    )


def to_html(
    text: str | bytes,
    mentions: Iterable[MentionLike],
    *,
    title: str | None = None,
    labels: bool = True,
    table: bool = True,
    max_chars: int | None = None,
) -> str:
    """An HTML fragment (one ``<div>``) showing ``text`` with ``mentions`` highlighted.

    Args:
        text: the document the mentions were found in (bytes must be UTF-8).
        mentions: :class:`tallystick.Mention` objects or contract dicts.
        title: a heading (a document id, say), escaped like everything else.
        labels: show the short label after each mention (the full reading is
            always in the tooltip).
        table: add a collapsed table of every mention.
        max_chars: show only the first ``max_chars`` characters (mentions
            that go past the cut are cut too) and say so; None shows all.

    Raises:
        InvalidArgumentError: a mention's offsets do not fit the text.
    """
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8")
    mentions = list(mentions)
    for m in mentions:
        _span(m, len(text))
    note = ""
    if max_chars is not None and len(text) > max_chars:
        cut = max(0, max_chars)
        note = (
            f'<div style="color:#666;font-size:0.85em">Showing the first {cut:,} of {len(text):,} characters '
            "(<code>to_html(max_chars=None)</code> or <code>save_html</code> shows everything).</div>"
        )
        kept = []
        for m in mentions:
            if _get(m, "start") < cut:
                if _get(m, "end") > cut:
                    d = _as_dict(m)
                    d["end"] = cut
                    d["text"] = text[d["start"] : cut]
                    m = d
                kept.append(m)
        mentions, text = kept, text[:cut]
    counts: dict[str, int] = {}
    for m in mentions:
        counts[_kind(m)] = counts.get(_kind(m), 0) + 1
    heading = (
        f'<div style="font-weight:600;margin-bottom:0.3em" dir="auto">{_esc(title)}</div>' if title is not None else ""
    )
    body = _marked_text(text, mentions, labels)
    details = ""
    if table:
        details = (
            '<details style="margin-top:0.6em"><summary style="cursor:pointer">'
            f"{len(mentions):,} mentions</summary>{_table(mentions)}</details>"
        )
    return (
        f'<div class="tallystick-view" style="font-family:{_FONT};font-size:15px;color:#1a1a1a;background:#fff;'
        'border:1px solid #ddd;border-radius:6px;padding:0.8em 1em">'
        f"{heading}"
        f'<div class="ts-legend" style="font-size:0.8em;margin-bottom:0.6em">{_legend(counts)}</div>'
        f"{note}"
        f'<div class="ts-text" data-ts-text="" dir="auto" style="white-space:pre-wrap;line-height:2.1;'
        f'overflow-wrap:anywhere">{body}</div>'
        f"{details}</div>"
    )


def _as_dict(m: Any) -> dict[str, Any]:
    if isinstance(m, Mapping):
        return dict(m)
    d: dict[str, Any] = m.to_dict()
    if getattr(m, "where_id", None) is not None:
        d.setdefault("where_id", m.where_id)
    return d


_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def to_page(fragment: str, *, title: str | None = None, csp: bool = True) -> str:
    """A complete HTML page around a fragment from :func:`to_html`.

    With ``csp`` (the default) the page carries a Content-Security-Policy
    that allows inline styles and nothing else: no script runs, nothing is
    fetched, even if some markup slipped through.
    """
    meta = f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">' if csp else ""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f'{meta}<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title if title is not None else 'tallystick')}</title></head>"
        f'<body style="margin:1.5em;background:#f7f7f7">{fragment}</body></html>\n'
    )


def _save(path: str | os.PathLike[str], page: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(page)


# ---------------------------------------------------------------- objects


class Mentions(list):  # type: ignore[type-arg]
    """A document's mentions: a ``list`` of :class:`tallystick.Mention` that
    also keeps the ``text`` they were found in.

    ``tallystick.extract`` returns one. It is a list in every way (it
    compares equal to a plain list of the same mentions, slices to plain
    lists, pickles); in addition it displays as highlighted HTML in Jupyter
    and can be saved as a page.
    """

    text: str

    def __init__(self, text: str | bytes, mentions: Iterable[Any] = ()) -> None:
        super().__init__(mentions)
        if isinstance(text, (bytes, bytearray, memoryview)):
            text = bytes(text).decode("utf-8")
        self.text = text

    def to_html(self, **options: Any) -> str:
        """An HTML fragment; see :func:`tallystick.html.to_html` for the options."""
        return to_html(self.text, self, **options)

    def save_html(self, path: str | os.PathLike[str], *, title: str | None = None, **options: Any) -> None:
        """Writes a self-contained HTML page (UTF-8) to ``path``."""
        _save(path, to_page(to_html(self.text, self, title=title, **options), title=title))

    def _repr_html_(self) -> str:
        return to_html(self.text, self, max_chars=REPR_MAX_CHARS)


class HTMLView:
    """The HTML view of one document, as :func:`tallystick.render` returns it.

    Displays in Jupyter; ``str(view)`` (or ``view.html``) is the fragment and
    ``view.save(path)`` writes a self-contained page.
    """

    def __init__(self, html: str, title: str | None = None) -> None:
        self.html = html
        self.title = title

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<tallystick.HTMLView {self.title or ''!s}({len(self.html):,} characters of HTML)>"

    def save(self, path: str | os.PathLike[str]) -> None:
        """Writes a self-contained HTML page (UTF-8) to ``path``."""
        _save(path, to_page(self.html, title=self.title))


def render(
    text_or_mentions: str | bytes | Mentions,
    mentions: Iterable[MentionLike] | None = None,
    *,
    extractor: Any = None,
    date: Any = None,
    title: str | None = None,
    labels: bool = True,
    table: bool = True,
    max_chars: int | None = None,
) -> HTMLView:
    """The HTML view of a document.

    ``render(text)`` extracts the mentions (with ``extractor``, or the
    bundled one, and ``date``) and shows them; ``render(text, mentions)``
    shows mentions you already have (``Mention`` objects or contract dicts,
    gold annotations for instance); ``render(tallystick.extract(text))``
    shows that result.

    Raises:
        TypeError: a list of mentions was given without its text.
        InvalidArgumentError: a mention's offsets do not fit the text.
    """
    if isinstance(text_or_mentions, Mentions):
        text: str | bytes = text_or_mentions.text
        if mentions is None:
            mentions = text_or_mentions
    elif isinstance(text_or_mentions, (str, bytes, bytearray)):
        text = text_or_mentions
    else:
        raise TypeError(
            "render needs the text: render(text), render(text, mentions) or render(tallystick.extract(text)), "
            f"not {type(text_or_mentions).__name__}"
        )
    if mentions is None:
        found = (extractor.extract if extractor is not None else _core.extract)(text, date=date)
        mentions = found
    return HTMLView(
        to_html(text, mentions, title=title, labels=labels, table=table, max_chars=max_chars), title=title
    )
