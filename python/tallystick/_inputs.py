"""Documents read lazily from the CLI's inputs, one at a time, in order.

Inputs are ``.txt`` files (one document each), folders (walked lazily, in
sorted order, so that 100,000 files are never listed in memory at once), JSONL
files of ``{"id", "text"[, "date"]}`` objects (read line by line), the same
compressed with gzip (``.txt.gz``, ``.jsonl.gz``, ``.ndjson.gz``), and ``-``
for standard input. Nothing here extracts: it yields :class:`Doc` and, for
every document that cannot be read, a :class:`Failed` that becomes an error
record, so that no document is dropped silently.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from dataclasses import dataclass
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt",)
GZIP_SUFFIX = ".gz"


@dataclass
class Doc:
    """A document to extract. ``size`` is its UTF-8 size in bytes; ``pos``
    how many input bytes (compressed, for gzip) were consumed up to its end."""

    id: Any
    text: str
    date: Any
    size: int
    pos: int = 0


@dataclass
class Failed:
    """A document that could not be read: it becomes an error record."""

    id: Any
    error: str
    size: int
    pos: int = 0


def _base_name(name: str) -> str:
    lower = name.lower()
    return lower[: -len(GZIP_SUFFIX)] if lower.endswith(GZIP_SUFFIX) else lower


def is_jsonl(name: str) -> bool:
    """Whether a file name is a JSONL input (``.jsonl``/``.ndjson``, gzipped or not)."""
    return _base_name(name).endswith(JSONL_SUFFIXES)


def is_input_file(name: str) -> bool:
    """Whether a file found in a folder is an input (text or JSONL, gzipped or not)."""
    return _base_name(name).endswith(TEXT_SUFFIXES + JSONL_SUFFIXES)


def _utf8_error(e: UnicodeDecodeError) -> str:
    return f"not valid UTF-8: invalid byte at offset {e.start}"


def _too_large(size: int, limit: int) -> str:
    return f"document is {size:,} bytes, over the limit of {limit:,} bytes (--max-doc-mb {limit / 1e6:g})"


class _Counter:
    """Counts the input bytes read through a binary stream (the compressed
    bytes, for gzip), for the progress bar's fraction and time left."""

    def __init__(self, raw: IO[bytes], base: int) -> None:
        self.raw = raw
        self.base = base

    @property
    def pos(self) -> int:
        try:
            return self.base + self.raw.tell()
        except (OSError, ValueError):
            return self.base


class Reader:
    """Reads documents from paths; ``limit`` is the largest document in bytes (None: any)."""

    def __init__(self, default_date: Any = None, limit: int | None = None,
                 warn: Callable[[str], None] | None = None, stdin: IO[bytes] | None = None) -> None:
        self.default_date = default_date
        self.limit = limit
        self.warn = warn
        self.stdin = stdin
        self.consumed = 0  # input bytes of the files finished so far

    # -- one JSONL line -------------------------------------------------
    def _jsonl_line(self, name: str, lineno: int, raw: bytes, pos: int) -> Doc | Failed | None:
        where = f"{name}:{lineno}"
        size = len(raw)
        if self.limit is not None and size > 6 * self.limit + 65536:
            # Even with every character escaped (6 bytes for "\u0001") the
            # text is over the limit: refuse without decoding the line, and
            # read its id cheaply for the record.
            return Failed(_peek_id(raw, where), f"line {lineno}: " + _too_large(size, self.limit), size, pos)
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            return Failed(where, f"line {lineno} is {_utf8_error(e)}", size, pos)
        if not line.strip():
            return None
        try:
            obj = json.loads(line)
        except ValueError as e:
            return Failed(where, f"line {lineno} is malformed JSON: {e}", size, pos)
        if not isinstance(obj, dict):
            return Failed(where, f'line {lineno} is not a JSON object with "id" and "text"', size, pos)
        doc_id = obj.get("id", where)
        text = obj.get("text")
        if not isinstance(text, str):
            what = "has no" if text is None else "has a non-string"
            return Failed(doc_id, f'line {lineno} {what} "text" field', size, pos)
        if self.limit is not None and len(text) > self.limit // 4:
            n = len(text.encode("utf-8", "surrogatepass"))
            if n > self.limit:
                return Failed(doc_id, f"line {lineno}: " + _too_large(n, self.limit), size, pos)
        return Doc(doc_id, text, obj.get("date", self.default_date), size, pos)

    def _jsonl_stream(self, name: str, lines: Iterable[bytes], counter: _Counter | None) -> Iterator[Doc | Failed]:
        pos = self.consumed
        for lineno, raw in enumerate(lines, 1):
            pos = counter.pos if counter is not None else pos + len(raw)
            item = self._jsonl_line(name, lineno, raw, pos)
            if item is not None:
                yield item

    # -- one file -------------------------------------------------------
    def _text(self, doc_id: Any, data: bytes, pos: int) -> Doc | Failed:
        if self.limit is not None and len(data) > self.limit:
            return Failed(doc_id, _too_large(len(data), self.limit), len(data), pos)
        try:
            return Doc(doc_id, data.decode("utf-8"), self.default_date, len(data), pos)
        except UnicodeDecodeError as e:
            return Failed(doc_id, _utf8_error(e), len(data), pos)

    def _file(self, doc_id: str, path: str) -> Iterator[Doc | Failed]:
        try:
            file_size = os.path.getsize(path)
            gz = path.lower().endswith(GZIP_SUFFIX)
            with open(path, "rb") as raw:
                if is_jsonl(path):
                    if gz:
                        with gzip.GzipFile(fileobj=raw, mode="rb") as f:
                            yield from self._jsonl_stream(doc_id, f, _Counter(raw, self.consumed))
                    else:
                        yield from self._jsonl_stream(doc_id, raw, None)
                else:
                    end = self.consumed + file_size
                    if not gz and self.limit is not None and file_size > self.limit:
                        yield Failed(doc_id, _too_large(file_size, self.limit), file_size, end)
                    elif gz:
                        with gzip.GzipFile(fileobj=raw, mode="rb") as f:
                            cap = -1 if self.limit is None else self.limit + 1
                            data = f.read(cap)
                            if self.limit is not None and len(data) > self.limit:
                                yield Failed(doc_id, f"document is over the limit of {self.limit:,} bytes "
                                             f"(--max-doc-mb {self.limit / 1e6:g})", len(data), end)
                            else:
                                yield self._text(doc_id, data, end)
                    else:
                        yield self._text(doc_id, raw.read(), end)
        except OSError as e:
            yield Failed(doc_id, f"cannot read {path}: {e.strerror or e}", 0, self.consumed)
        except (EOFError, zlib.error, gzip.BadGzipFile) as e:
            yield Failed(doc_id, f"cannot read {path}: corrupt gzip data ({e})", 0, self.consumed)
        finally:
            try:
                self.consumed += os.path.getsize(path)
            except OSError:
                pass

    def _stdin(self, stdin: IO[bytes]) -> Iterator[Doc | Failed]:
        # JSONL when the first non-blank byte is "{": then it is streamed line
        # by line; otherwise the whole input is one text document.
        head: list[bytes] = []
        for raw in stdin:
            head.append(raw)
            if raw.strip():
                break
        first = b"".join(head)
        if first.lstrip()[:1] == b"{":
            yield from self._jsonl_stream("<stdin>", _chain(head, stdin), None)
        else:
            cap = -1 if self.limit is None else self.limit + 1
            rest = stdin.read(cap if cap < 0 else max(cap - len(first), 0))
            yield self._text("<stdin>", first + rest, self.consumed + len(first) + len(rest))

    def documents(self, paths: Sequence[str]) -> Iterator[Doc | Failed]:
        """Every document of ``paths``, in order, or a :class:`Failed` for each one that cannot be read."""
        for path in paths:
            if path == "-":
                yield from self._stdin(self.stdin if self.stdin is not None else sys.stdin.buffer)
            elif os.path.isdir(path):
                found = False
                for rel, full in walk_folder(path):
                    found = True
                    yield from self._file(rel, full)
                if not found and self.warn is not None:
                    self.warn(f"no .txt or .jsonl files in folder {path}")
            else:
                yield from self._file(path, path)


def _chain(head: list[bytes], rest: Iterable[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


def _peek_id(raw: bytes, default: str) -> Any:
    """The ``id`` of a JSONL line too large to parse, when it comes before the text; else ``default``."""
    start = raw.find(b'"id"', 0, 4096)
    if start < 0:
        return default
    colon = raw.find(b":", start + 4, start + 4 + 64)
    if colon < 0:
        return default
    try:
        value, _ = json.JSONDecoder().raw_decode(raw[colon + 1 : colon + 1 + 4096].decode("utf-8", "replace").lstrip())
    except ValueError:
        return default
    return value if isinstance(value, (str, int, float)) and not isinstance(value, bool) else default


def walk_folder(folder: str) -> Iterator[tuple[str, str]]:
    """(id relative to ``folder``, full path) of every input file below it, in
    sorted order, walked lazily: only one directory's listing is held at a time."""
    try:
        entries = [(e, _is_dir(e)) for e in os.scandir(folder)]
    except OSError:
        return
    # Sorted as the relative paths sort ("a-b.txt" < "a/c.txt": a folder sorts as its name plus "/").
    entries.sort(key=lambda pair: pair[0].name + "/" if pair[1] else pair[0].name)
    for entry, is_dir in entries:
        if is_dir:
            for rel, full in walk_folder(entry.path):
                yield f"{entry.name}/{rel}", full
        elif is_input_file(entry.name):
            yield entry.name, entry.path


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def total_bytes(paths: Sequence[str]) -> int | None:
    """Size of every input in bytes (compressed size for gzip), or None when unknown (stdin)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        try:
            if os.path.isdir(path):
                total += sum(os.path.getsize(full) for _, full in walk_folder(path))
            else:
                total += os.path.getsize(path)
        except OSError:
            pass
    return total


def chunks(items: Iterable[Doc | Failed], max_docs: int, max_bytes: int) -> Iterator[list[Doc | Failed]]:
    """Items grouped into batches of at most ``max_docs`` documents or about ``max_bytes`` bytes."""
    chunk: list[Doc | Failed] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += item.size
        if len(chunk) >= max_docs or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk
