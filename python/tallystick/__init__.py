"""tallystick: fast, accurate extraction of places, camps, actors, quantities
and dates from humanitarian press releases.

>>> import tallystick
>>> [m.kind for m in tallystick.extract("Citizens of Homs received 3.3 tons of food.")]  # doctest: +SKIP
['place', 'quantity']

Offsets are code points: ``text[m.start:m.end] == m.text`` for every mention.
Every error tallystick raises is a :class:`TallystickError` (a ``ValueError``);
passing an argument of the wrong type raises ``TypeError`` as usual.
"""

from __future__ import annotations

from typing import Any

from ._core import (
    DocumentTooLargeError,
    Extractor,
    GazetteerError,
    InternalError,
    InvalidArgumentError,
    InvalidUtf8Error,
    Mention,
    ReadError,
    TallystickError,
    __version__,
    parse_number,
)
from ._core import extract as _core_extract
from ._frame import FRAME_COLUMNS, to_frame
from .html import HTMLView, Mentions, render
from .summary import summarize


def extract(text: str | bytes, /, *, date: Any = None) -> Mentions:
    """Every mention in ``text``, with the extractor over the bundled
    gazetteers (built on first use, then shared). See ``Extractor.extract``.

    The result is a :class:`Mentions`: a ``list`` of :class:`Mention` that
    keeps the text, so that it displays as highlighted HTML in Jupyter and
    saves with ``save_html(path)``.
    """
    return Mentions(text, _core_extract(text, date=date))

_default_extractor: Extractor | None = None


def gazetteer_entry(id: str) -> dict[str, Any] | None:
    """The bundled gazetteer entry with this id (id, name, kind, subtype,
    aliases, parent, pcode, lat, lon, name_ar, population), or ``None``.
    ``summarize`` uses it to roll places up to their governorate."""
    global _default_extractor
    if _default_extractor is None:
        _default_extractor = Extractor()
    return _default_extractor.gazetteer_entry(id)


__all__ = [
    "DocumentTooLargeError",
    "Extractor",
    "FRAME_COLUMNS",
    "GazetteerError",
    "InternalError",
    "InvalidArgumentError",
    "InvalidUtf8Error",
    "Mention",
    "ReadError",
    "TallystickError",
    "__version__",
    "extract",
    "gazetteer_entry",
    "parse_number",
    "to_frame",
]
__all__ += ["HTMLView", "Mentions", "render", "summarize"]
