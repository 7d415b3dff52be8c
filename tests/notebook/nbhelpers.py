"""Helpers of the notebook-feature tests (HTML view, summaries, spaCy, notebook).

Not named conftest.py: tests/python has its own conftest module, imported by
name, and the two folders run in one pytest session.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Sequence

from dev_corpus import ROOT
from dev_corpus import load_dev_docs as dev_docs  # noqa: F401 (for the tests)
from dev_corpus import load_dev_gold as dev_gold  # noqa: F401 (for the tests)

GAZETTEER_TSVS = [ROOT / "data" / "gazetteer" / "places.tsv", ROOT / "data" / "gazetteer" / "camps.tsv"]
NOTEBOOK = ROOT / "examples" / "tallystick_tour.ipynb"
SCRIPT = ROOT / "scripts" / "screenshot_html.py"

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class View:
    """What a person reads in a view: the text, and for each character the
    kinds of the marks around it."""

    text: str = ""
    cover: list[tuple[str, ...]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    marks: int = 0
    cont_parts: int = 0
    tags: list[str] = field(default_factory=list)
    attrs: list[tuple[str, str | None]] = field(default_factory=list)
    all_text: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.view = View()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.label_text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.view.tags.append(tag)
        self.view.attrs.extend(attrs)
        if tag == "mark":
            self.view.marks += 1
            self.view.titles.append(a.get("title") or "")
            if a.get("data-ts-part") == "cont":
                self.view.cont_parts += 1
        if tag == "span" and "data-ts-label" in a:
            self.label_text = []
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> does not close {self.stack[-1:]}"
        _, a = self.stack.pop()
        if tag == "span" and "data-ts-label" in a and self.label_text is not None:
            self.view.labels.append("".join(self.label_text))
            self.label_text = None

    def handle_data(self, data: str) -> None:
        self.view.all_text += data
        if self.label_text is not None:
            self.label_text.append(data)
            return
        if any("data-ts-text" in a for _, a in self.stack):
            kinds = tuple(sorted(a.get("data-ts-kind") or "" for t, a in self.stack if t == "mark"))
            self.view.text += data
            self.view.cover.extend([kinds] * len(data))


def parse_view(html: str) -> View:
    p = _Parser()
    p.feed(html)
    p.close()
    assert not p.stack, f"unclosed elements: {p.stack}"
    return p.view


def expected_cover(text: str, mentions: Sequence[Any]) -> list[tuple[str, ...]]:
    cover: list[list[str]] = [[] for _ in text]
    for m in mentions:
        start, end, kind = (m["start"], m["end"], m["kind"]) if isinstance(m, dict) else (m.start, m.end, m.kind)
        for i in range(start, end):
            cover[i].append(kind)
    return [tuple(sorted(c)) for c in cover]


def assert_no_active_content(view: View) -> None:
    """No element or attribute that runs or fetches anything."""
    assert not {"script", "iframe", "object", "embed", "img", "link", "base", "form"} & set(view.tags), view.tags
    for name, value in view.attrs:
        assert not name.startswith("on"), name
        assert name not in ("src", "href", "srcdoc", "action"), name
        if value:
            assert "javascript:" not in value.lower() or name == "title", (name, value)


# ---------------------------------------------------------------- PNG


def read_png(path: Path) -> tuple[int, int, int, list[bytes]]:
    """(width, height, channels, rows) of an 8-bit, non-interlaced PNG (as Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = depth = ctype = interlace = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    assert depth == 8 and interlace == 0 and ctype in (2, 6), (depth, ctype, interlace)
    channels = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    i = 0
    for _ in range(height):
        ftype = raw[i]
        line = bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def color_counts(path: Path, colors: dict[str, tuple[int, int, int]], step: int = 1) -> dict[str, int]:
    """How many pixels of ``path`` have exactly each colour (sampling every ``step``-th pixel)."""
    width, height, channels, rows = read_png(path)
    wanted = {c: name for name, c in colors.items()}
    counts = {name: 0 for name in colors}
    for row in rows[::step]:
        for x in range(0, width * channels, channels * step):
            px = (row[x], row[x + 1], row[x + 2])
            name = wanted.get(px)
            if name is not None:
                counts[name] += 1
    return counts


def hex_rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)
