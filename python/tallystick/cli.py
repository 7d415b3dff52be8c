"""The ``tallystick`` command line.

``tallystick extract PATH... [-o OUT] [--format jsonl|csv]`` reads

* ``.txt`` files (one document each; the id is the path as given),
* folders (every ``*.txt``, ``*.jsonl`` and ``*.ndjson`` below them, in sorted
  order; the id of a ``.txt`` is its path relative to the folder),
* JSONL files of ``{"id": ..., "text": ..., "date": ...}`` objects (``date``
  is optional; a line without ``id`` gets the id ``PATH:LINE``), and
* ``-``, standard input: JSONL if its first non-blank character is ``{``,
  otherwise one text document with the id ``<stdin>``,

and writes one JSONL line ``{"id": ..., "mentions": [...]}`` per document, in
input order (or, with ``--format csv``, one row per mention, with the columns
of ``tallystick.FRAME_COLUMNS`` plus ``error``). A document that
cannot be read (invalid UTF-8, an unreadable file, a malformed JSON line) gets
a line ``{"id": ..., "error": "..."}`` instead, the run goes on, and the exit
status is 1 at the end. No document is dropped silently.

Exit status: 0 when every document was extracted, 1 when some got an error
record, 2 for a usage error or when the extractor cannot be built (a bad
gazetteer file), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from dataclasses import dataclass
from typing import IO, Any, Iterable, Iterator, Sequence

from . import _frame
from ._core import Extractor, TallystickError, __version__

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt",)


@dataclass
class Doc:
    """A document to extract."""

    id: Any
    text: str
    date: Any
    size: int


@dataclass
class Failed:
    """A document that could not be read: it becomes an error record."""

    id: Any
    error: str
    size: int


def _utf8_error(e: UnicodeDecodeError) -> str:
    return f"not valid UTF-8: invalid byte at offset {e.start}"


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _text_doc(doc_id: Any, data: bytes, date: Any) -> Doc | Failed:
    try:
        return Doc(doc_id, data.decode("utf-8"), date, len(data))
    except UnicodeDecodeError as e:
        return Failed(doc_id, _utf8_error(e), len(data))


def _jsonl_line(name: str, lineno: int, raw: bytes, default_date: Any) -> Doc | Failed | None:
    where = f"{name}:{lineno}"
    size = len(raw)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return Failed(where, f"line {lineno} is {_utf8_error(e)}", size)
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except ValueError as e:
        return Failed(where, f"line {lineno} is malformed JSON: {e}", size)
    if not isinstance(obj, dict):
        return Failed(where, f'line {lineno} is not a JSON object with "id" and "text"', size)
    doc_id = obj.get("id", where)
    text = obj.get("text")
    if not isinstance(text, str):
        what = "has no" if text is None else "has a non-string"
        return Failed(doc_id, f'line {lineno} {what} "text" field', size)
    return Doc(doc_id, text, obj.get("date", default_date), size)


def _jsonl_docs(name: str, stream: Iterable[bytes], default_date: Any) -> Iterator[Doc | Failed]:
    for lineno, raw in enumerate(stream, 1):
        item = _jsonl_line(name, lineno, raw, default_date)
        if item is not None:
            yield item


def _folder_files(folder: str) -> list[tuple[str, str]]:
    """(relative id, full path) of every text or JSONL file below `folder`, sorted."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for f in files:
            if f.lower().endswith(TEXT_SUFFIXES + JSONL_SUFFIXES):
                full = os.path.join(root, f)
                rel = os.path.relpath(full, folder).replace(os.sep, "/")
                found.append((rel, full))
    found.sort()
    return found


def _file_docs(doc_id: str, path: str, default_date: Any) -> Iterator[Doc | Failed]:
    try:
        if path.lower().endswith(JSONL_SUFFIXES):
            with open(path, "rb") as f:
                yield from _jsonl_docs(doc_id, f, default_date)
        else:
            yield _text_doc(doc_id, _read_bytes(path), default_date)
    except OSError as e:
        yield Failed(doc_id, f"cannot read {path}: {e.strerror or e}", 0)


def _stdin_docs(stdin: IO[bytes], default_date: Any) -> Iterator[Doc | Failed]:
    data = stdin.read()
    if data.lstrip()[:1] == b"{":
        yield from _jsonl_docs("<stdin>", io.BytesIO(data), default_date)
    else:
        yield _text_doc("<stdin>", data, default_date)


def read_documents(paths: Sequence[str], default_date: Any = None, stdin: IO[bytes] | None = None,
                   warn: Any = None) -> Iterator[Doc | Failed]:
    """Every document of `paths`, in order, or a :class:`Failed` for each one that cannot be read."""
    for path in paths:
        if path == "-":
            yield from _stdin_docs(stdin if stdin is not None else sys.stdin.buffer, default_date)
        elif os.path.isdir(path):
            files = _folder_files(path)
            if not files and warn is not None:
                warn(f"no .txt or .jsonl files in folder {path}")
            for rel, full in files:
                yield from _file_docs(rel, full, default_date)
        else:
            yield from _file_docs(path, path, default_date)


def total_bytes(paths: Sequence[str]) -> int | None:
    """Size of every input in bytes, or None when unknown (stdin)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        try:
            if os.path.isdir(path):
                total += sum(os.path.getsize(full) for _, full in _folder_files(path))
            else:
                total += os.path.getsize(path)
        except OSError:
            pass
    return total


def _chunks(items: Iterable[Doc | Failed], max_docs: int, max_bytes: int) -> Iterator[list[Doc | Failed]]:
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


class Progress:
    """A one-line progress display on stderr, standard library only."""

    def __init__(self, stream: IO[str], total: int | None, enabled: bool, delay: float = 0.5) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.start = time.monotonic()
        self.delay = delay
        self.last = 0.0
        self.shown = False
        self.docs = self.errors = self.mentions = self.bytes = 0

    def update(self, docs: int, errors: int, mentions: int, nbytes: int) -> None:
        self.docs += docs
        self.errors += errors
        self.mentions += mentions
        self.bytes += nbytes
        now = time.monotonic()
        if self.enabled and now - self.start >= self.delay and now - self.last >= 0.1:
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = self.bytes / elapsed / 1e6
        parts = [f"{self.docs:,} docs", f"{self.mentions:,} mentions"]
        if self.errors:
            parts.append(f"{self.errors:,} errors")
        if self.total:
            frac = min(self.bytes / self.total, 1.0)
            width = 24
            filled = int(frac * width)
            eta = (self.total - self.bytes) / (self.bytes / elapsed) if self.bytes else 0.0
            bar = "#" * filled + "-" * (width - filled)
            parts.insert(0, f"[{bar}] {frac:4.0%}")
            parts.append(f"{rate:.1f} MB/s")
            parts.append(f"ETA {eta:.0f}s" if frac < 1 else f"{elapsed:.1f}s")
        else:
            parts.append(f"{rate:.1f} MB/s")
        self.stream.write("\r\x1b[K" + "  ".join(parts))
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()


class JsonlWriter:
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def document(self, doc_id: Any, mentions: Sequence[Any], document_date: str | None = None) -> None:
        # The document date is not part of the JSONL contract: only the CSV has it.
        # Mention.to_json is the Rust serialisation: exactly the contract's JSON.
        body = ",".join(m.to_json() for m in mentions)
        self.out.write(f'{{"id":{json.dumps(doc_id, ensure_ascii=False)},"mentions":[{body}]}}\n')

    def error(self, doc_id: Any, message: str) -> None:
        self.out.write(json.dumps({"id": doc_id, "error": message}, ensure_ascii=False) + "\n")


class CsvWriter:
    COLUMNS = _frame.FRAME_COLUMNS + ("error",)

    def __init__(self, out: IO[str]) -> None:
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(self.COLUMNS)

    def document(self, doc_id: Any, mentions: Sequence[Any], document_date: str | None = None) -> None:
        for m in mentions:
            row = _frame.mention_row(doc_id, m, document_date)
            self.writer.writerow(["" if v is None else v for v in row] + [""])

    def error(self, doc_id: Any, message: str) -> None:
        self.writer.writerow([doc_id] + [""] * (len(self.COLUMNS) - 2) + [message])


def _extract_chunk(extractor: Extractor, docs: list[Doc], threads: int | None) -> list[Any]:
    """Mentions (a list) or an error message (a str) for each document."""
    try:
        return list(extractor.extract_batch([d.text for d in docs], threads=threads, dates=[d.date for d in docs]))
    except (TallystickError, TypeError):
        # One bad document (an invalid date, say) fails the whole batch: redo
        # it one by one so that only that document gets an error record.
        pass
    results: list[Any] = []
    for d in docs:
        try:
            results.append(extractor.extract(d.text, date=d.date))
        except (TallystickError, TypeError) as e:
            results.append(f"{type(e).__name__}: {e}")
    return results


def _open_output(path: str | None, fmt: str) -> io.TextIOWrapper:
    newline = "" if fmt == "csv" else "\n"
    if path is None or path == "-":
        return io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline=newline, write_through=False)
    return open(path, "w", encoding="utf-8", newline=newline)


def run_extract(args: argparse.Namespace) -> int:
    err = sys.stderr
    quiet = args.quiet
    warnings: list[str] = []

    def warn(msg: str) -> None:
        warnings.append(msg)
        if not quiet:
            print(f"tallystick: warning: {msg}", file=err)

    if args.threads is not None and args.threads < 1:
        print("tallystick: error: --threads must be at least 1", file=err)
        return 2
    try:
        extractor = Extractor(
            gazetteers=args.gazetteer or None,
            bundled=not args.no_bundled,
            kinds=[k.strip() for k in args.kinds.split(",") if k.strip()] if args.kinds else None,
        )
    except TallystickError as e:
        print(f"tallystick: error: {e}", file=err)
        return 2
    if args.date is not None:
        try:
            extractor.extract("", date=args.date)
        except TallystickError as e:
            print(f"tallystick: error: --date: {e}", file=err)
            return 2
    try:
        out = _open_output(args.output, args.format)
    except OSError as e:
        print(f"tallystick: error: cannot write {args.output}: {e.strerror or e}", file=err)
        return 2
    show = not quiet and (args.progress or err.isatty())
    progress = Progress(err, total_bytes(args.paths), show, delay=0.0 if args.progress else 0.5)
    csv_out = args.format == "csv"
    writer: CsvWriter | JsonlWriter = CsvWriter(out) if csv_out else JsonlWriter(out)
    errors = 0
    try:
        items = read_documents(args.paths, args.date, warn=warn)
        for chunk in _chunks(items, args.batch_size, 16 << 20):
            docs = [it for it in chunk if isinstance(it, Doc)]
            results = iter(_extract_chunk(extractor, docs, args.threads) if docs else [])
            n_mentions = n_errors = 0
            for it in chunk:
                if isinstance(it, Failed):
                    writer.error(it.id, it.error)
                    n_errors += 1
                    continue
                res = next(results)
                if isinstance(res, str):
                    writer.error(it.id, res)
                    n_errors += 1
                else:
                    # The date given with the document, else its dateline's (the core decides).
                    doc_date = extractor.document_date(it.text, date=it.date) if csv_out else None
                    writer.document(it.id, res, doc_date)
                    n_mentions += len(res)
            out.flush()
            errors += n_errors
            progress.update(len(chunk), n_errors, n_mentions, sum(it.size for it in chunk))
    except BrokenPipeError:
        # The reader went away (`tallystick extract ... | head`): stop quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return 1
    finally:
        progress.close()
        try:
            out.flush()
            if args.output not in (None, "-"):
                out.close()
            else:
                out.detach()
        except (OSError, ValueError):
            pass
    if not quiet and (show or errors):
        dest = args.output if args.output not in (None, "-") else "stdout"
        print(
            f"tallystick: {progress.docs:,} documents, {progress.mentions:,} mentions, "
            f"{errors:,} errors -> {dest}",
            file=err,
        )
    return 1 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tallystick",
        description="Extract places, camps, actors, quantities and dates from documents.",
    )
    parser.add_argument("--version", action="version", version=f"tallystick {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    ex = sub.add_parser(
        "extract",
        help="extract mentions from .txt files, folders, JSONL files or stdin",
        description=(
            "Extract mentions. Inputs: .txt files, folders of .txt/.jsonl files (recursively, sorted), "
            'JSONL files of {"id", "text"[, "date"]} objects, and - for stdin (JSONL if it starts '
            'with "{", else one text). Writes one JSONL line {"id", "mentions"} per document, in input '
            'order; a document that cannot be read gets {"id", "error"} and the exit status is 1.'
        ),
    )
    ex.add_argument("paths", nargs="+", metavar="PATH", help="a .txt file, a folder, a .jsonl file, or - for stdin")
    ex.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    ex.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                    help="jsonl: one line per document (default); csv: one row per mention")
    ex.add_argument("--gazetteer", action="append", metavar="FILE",
                    help="add a gazetteer file (TSV or JSONL); may be repeated")
    ex.add_argument("--no-bundled", action="store_true", help="do not use the bundled gazetteer")
    ex.add_argument("--kinds", metavar="KINDS",
                    help="comma-separated kinds to extract (place,camp,actor,quantity,date; default all)")
    ex.add_argument("--date", metavar="DATE",
                    help='document date for inputs without one (ISO: "2017-09-11", "2017-09", "2017")')
    ex.add_argument("--threads", type=int, metavar="N", help="threads to use (default: all cores)")
    ex.add_argument("--batch-size", type=int, default=256, metavar="N",
                    help="documents per batch handed to the extractor (default 256)")
    group = ex.add_mutually_exclusive_group()
    group.add_argument("--progress", action="store_true", help="show progress on stderr even when it is not a terminal")
    group.add_argument("-q", "--quiet", action="store_true", help="no progress, summary or warnings on stderr")
    ex.set_defaults(func=run_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``tallystick`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "batch_size", 1) < 1:
        parser.error("--batch-size must be at least 1")
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("tallystick: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
