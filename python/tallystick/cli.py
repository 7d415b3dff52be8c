"""The ``tallystick`` command line.

``tallystick extract PATH... [-o OUT] [--format jsonl|csv|parquet] [--resume]`` reads

* ``.txt`` files (one document each; the id is the path as given),
* folders (every ``*.txt``, ``*.jsonl`` and ``*.ndjson`` below them, gzipped
  or not, walked lazily in sorted order; the id of a ``.txt`` is its path
  relative to the folder),
* JSONL files of ``{"id": ..., "text": ..., "date": ...}`` objects, read line
  by line (``date`` is optional; a line without ``id`` gets the id
  ``PATH:LINE``), also gzip-compressed (``.jsonl.gz``), and
* ``-``, standard input: JSONL if its first non-blank character is ``{``
  (streamed), otherwise one text document with the id ``<stdin>``,

and writes, in input order:

* ``jsonl`` (default): one line ``{"id": ..., "mentions": [...]}`` per document;
* ``csv``: one row per mention, with the columns of
  ``tallystick.FRAME_COLUMNS`` plus ``error``;
* ``parquet``: a directory of part files with those columns (pyarrow).

A document that cannot be read or extracted (invalid UTF-8, an unreadable
file, a malformed JSON line, an invalid date, over ``--max-doc-mb``) gets an
error record instead (``{"id": ..., "error": "..."}``, or a row whose
``error`` column says why), the run goes on, and the exit status is 1 at the
end. No document is dropped silently.

The run streams: reading, extraction (on every core, the GIL released) and
writing overlap, at most a few batches are held in memory, and ``--resume``
continues a killed run (see ``tallystick._outputs`` for how each format
keeps track of the documents already written).

Exit status: 0 when every document was extracted, 1 when some got an error
record, 2 for a usage error or when the extractor cannot be built (a bad
gazetteer file), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
import time
from dataclasses import dataclass
from typing import IO, Any, Iterator, Sequence

from . import _table
from ._core import Extractor, TallystickError, __version__
from ._inputs import Doc, Failed, Reader, chunks, total_bytes
from ._outputs import OutputError, Sink, id_key, open_sink

#: Batches waiting between the reader and the extractor, and between the
#: extractor and the writer: memory stays bounded by a few batches.
QUEUE_DEPTH = 2
BATCH_BYTES = 16 << 20


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


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
        self.docs = self.errors = self.mentions = self.bytes = self.pos = 0

    def update(self, docs: int, errors: int, mentions: int, nbytes: int, pos: int) -> None:
        """Counts a written batch; ``pos`` is how far into the input (bytes) it ends."""
        self.docs += docs
        self.errors += errors
        self.mentions += mentions
        self.bytes += nbytes
        self.pos = max(self.pos, pos)
        now = time.monotonic()
        if self.enabled and now - self.start >= self.delay and now - self.last >= 0.1:
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = self.bytes / elapsed / 1e6
        parts = [f"{self.docs:,} docs", f"{self.docs / elapsed:,.0f} docs/s", f"{rate:.1f} MB/s",
                 f"{self.mentions:,} mentions"]
        if self.errors:
            parts.append(f"{self.errors:,} errors")
        if self.total:
            # The fraction is of the input bytes read (compressed ones for gzip).
            frac = min(self.pos / self.total, 1.0)
            width = 24
            filled = int(frac * width)
            left = (self.total - self.pos) / (self.pos / elapsed) if self.pos else 0.0
            bar = "#" * filled + "-" * (width - filled)
            parts.insert(0, f"[{bar}] {frac:4.0%}")
            parts.append(f"{_duration(left)} left" if frac < 1 else f"{_duration(elapsed)}")
        self.stream.write("\r\x1b[K" + "  ".join(parts))
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()


@dataclass
class _Raised:
    """An exception raised in a pipeline thread, handed to the main thread."""

    error: BaseException


_END = object()


def _put(q: "queue.Queue[Any]", item: Any, stop: threading.Event) -> bool:
    while not stop.is_set():
        try:
            q.put(item, timeout=0.1)
            return True
        except queue.Full:
            continue
    return False


def _read_stage(batches: Iterator[list[Doc | Failed]], done: set[str], out: "queue.Queue[Any]",
                stop: threading.Event, skipped: list[int]) -> None:
    try:
        for chunk in batches:
            if done:
                kept = [it for it in chunk if id_key(it.id) not in done]
                skipped[0] += len(chunk) - len(kept)
                if not kept:
                    continue
                chunk = kept
            if not _put(out, chunk, stop):
                return
        _put(out, _END, stop)
    except BaseException as e:  # noqa: BLE001 - handed to the main thread
        _put(out, _Raised(e), stop)


def _extract_stage(extractor: Extractor, threads: int | None, inp: "queue.Queue[Any]",
                   out: "queue.Queue[Any]", stop: threading.Event) -> None:
    try:
        while not stop.is_set():
            try:
                chunk = inp.get(timeout=0.1)
            except queue.Empty:
                continue
            if chunk is _END or isinstance(chunk, _Raised):
                _put(out, chunk, stop)
                return
            docs = [it for it in chunk if isinstance(it, Doc)]
            # Sizes were checked by the reader (with the CLI's message); the
            # GIL is released while the batch is extracted on all threads.
            results = _table.extract_documents(
                extractor, [d.id for d in docs], [d.text for d in docs], [d.date for d in docs],
                max_doc_mb=None, threads=threads,
            ) if docs else []
            if not _put(out, (chunk, results), stop):
                return
    except BaseException as e:  # noqa: BLE001 - handed to the main thread
        _put(out, _Raised(e), stop)


def run_pipeline(reader: Reader, paths: Sequence[str], extractor: Extractor, sink: Sink,
                 progress: Progress, threads: int | None, batch_size: int) -> tuple[int, int]:
    """Reads, extracts and writes every document; returns (errors, documents skipped by --resume).

    Three stages overlap: a reader thread (parsing JSON holds the GIL), an
    extractor thread (the GIL is released while Rust extracts a batch on
    every core) and this thread, which writes the batches in input order.
    The queues between them hold at most ``QUEUE_DEPTH`` batches each, so
    memory stays flat whatever the input size.
    """
    done = sink.done_ids()
    stop = threading.Event()
    to_extract: "queue.Queue[Any]" = queue.Queue(QUEUE_DEPTH)
    to_write: "queue.Queue[Any]" = queue.Queue(QUEUE_DEPTH)
    skipped = [0]
    stages = [
        threading.Thread(target=_read_stage, name="tallystick-read", daemon=True,
                         args=(chunks(reader.documents(paths), batch_size, BATCH_BYTES), done, to_extract, stop, skipped)),
        threading.Thread(target=_extract_stage, name="tallystick-extract", daemon=True,
                         args=(extractor, threads, to_extract, to_write, stop)),
    ]
    for t in stages:
        t.start()
    errors = 0
    try:
        while True:
            try:
                got = to_write.get(timeout=0.1)
            except queue.Empty:
                continue
            if got is _END:
                break
            if isinstance(got, _Raised):
                raise got.error
            chunk, results = got
            results_iter = iter(results)
            n_mentions = n_errors = 0
            for it in chunk:
                if isinstance(it, Failed):
                    sink.failed(it)
                    n_errors += 1
                    continue
                res = next(results_iter)
                if isinstance(res, str):
                    n_errors += 1
                n_mentions += sink.document(it, res, extractor)
            sink.commit(chunk)
            errors += n_errors
            progress.update(len(chunk), n_errors, n_mentions, sum(it.size for it in chunk), chunk[-1].pos)
        sink.finish()
    finally:
        stop.set()
    return errors, skipped[0]


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
        limit = _table.size_limit_bytes(args.max_doc_mb)
    except ValueError:
        print("tallystick: error: --max-doc-mb must be a number >= 0 (0: no limit)", file=err)
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
        sink = open_sink(args.format, args.output, args.resume, part_mb=args.part_mb)
    except OutputError as e:
        print(f"tallystick: error: {e}", file=err)
        return 2
    show = not quiet and (args.progress or err.isatty())
    progress = Progress(err, total_bytes(args.paths), show, delay=0.0 if args.progress else 0.5)
    reader = Reader(args.date, limit, warn)
    skipped = 0
    try:
        errors, skipped = run_pipeline(reader, args.paths, extractor, sink, progress, args.threads, args.batch_size)
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
        sink.close()
    if not quiet and (show or errors or skipped):
        dest = args.output if args.output not in (None, "-") else "stdout"
        resumed = f" ({skipped:,} already in {dest}: skipped)" if skipped else ""
        print(
            f"tallystick: {progress.docs:,} documents, {progress.mentions:,} mentions, "
            f"{errors:,} errors -> {dest}{resumed}",
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
    ex.add_argument("-o", "--output", metavar="OUT",
                    help="output file (default: stdout); for --format parquet, a directory")
    ex.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl",
                    help="jsonl: one line per document (default); csv: one row per mention; "
                         "parquet: one row per mention, a directory of part files (needs pyarrow)")
    ex.add_argument("--resume", action="store_true",
                    help="skip the documents (by id) already in OUT and append the others: "
                         "continues a run that was killed or interrupted")
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
    ex.add_argument("--part-mb", type=float, default=128.0, metavar="MB",
                    help="--format parquet: start a new part file after this many MB of input (default 128)")
    ex.add_argument("--max-doc-mb", type=float, default=_table.DEFAULT_MAX_DOC_MB, metavar="MB",
                    help="a larger document gets an error record instead of being extracted "
                         f"(default {_table.DEFAULT_MAX_DOC_MB:g}; 0: no limit)")
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
    if getattr(args, "part_mb", 1) <= 0:
        parser.error("--part-mb must be more than 0")
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("tallystick: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
