"""tallystick: fast, accurate extraction of places, camps, actors, quantities
and dates from humanitarian press releases.

>>> import tallystick
>>> [m.kind for m in tallystick.extract("Citizens of Homs received 3.3 tons of food.")]  # doctest: +SKIP
['place', 'quantity']

Offsets are code points: ``text[m.start:m.end] == m.text`` for every mention.
Every error tallystick raises is a :class:`TallystickError` (a ``ValueError``);
passing an argument of the wrong type raises ``TypeError`` as usual.
"""

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
    extract,
    parse_number,
)
from ._frame import FRAME_COLUMNS, to_frame

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
    "parse_number",
    "to_frame",
]
