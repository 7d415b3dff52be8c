"""Where the CLI writes: JSONL, CSV or Parquet, each able to resume.

Every sink writes whole documents in input order and is told to ``commit``
after each batch; ``done_ids`` (read when resuming) is the set of document
ids already written, as their JSON spelling (``id_key``), so that a run killed
halfway continues without redoing or duplicating a document:

* **JSONL**: the output itself holds every document's id (one line per
  document, error records included). Resuming cuts a half-written last line
  and appends.
* **CSV**: one row per mention, so a document without mentions leaves no
  trace in the file. Each commit appends ``{"offset": bytes, "ids": [...]}``
  to a checkpoint file ``OUT.progress``; resuming cuts the CSV back to the
  last checkpoint and appends.
* **Parquet**: a directory of part files (``part-00000.parquet``, ...), each
  written under a hidden temporary name and renamed when complete, with the
  ids of its documents in its footer (``tallystick.doc_ids``). A killed run
  leaves only complete parts; resuming deletes the temporary one and goes on
  with the next part number. Readers (pyarrow, pandas, Spark, DuckDB) read the
  directory as one table and skip the hidden file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from typing import IO, Any, Iterable, Sequence

from . import _table
from ._core import Extractor
from ._inputs import Doc, Failed

PROGRESS_SUFFIX = ".progress"
PART_PATTERN = re.compile(r"^part-(\d{5,})\.parquet$")
IDS_KEY = b"tallystick.doc_ids"


class OutputError(Exception):
    """The output cannot be written or resumed (a usage error: exit status 2)."""


def id_key(doc_id: Any) -> str:
    """A document id as the key ``--resume`` compares: its JSON spelling."""
    return json.dumps(doc_id, ensure_ascii=False)


class Sink:
    """Base of the three outputs."""

    _done: set[str] = set()

    def done_ids(self) -> set[str]:
        """Keys of the documents already written (only when resuming)."""
        return self._done

    def document(self, item: Doc, result: Any, extractor: Extractor) -> int:
        """Writes one extracted document (``result`` is its mentions, or a str: the reason it has
        none); returns the number of mentions written."""
        raise NotImplementedError

    def failed(self, item: Failed) -> None:
        """Writes the error record of a document that could not be read."""
        raise NotImplementedError

    def commit(self, items: Sequence[Doc | Failed]) -> None:
        """Makes everything written so far durable (these ``items`` were the last batch)."""

    def finish(self) -> None:
        """Writes what is still buffered (a run that ends normally)."""

    def close(self) -> None:
        """Flushes and closes (also after an error or an interruption)."""


# ---------------------------------------------------------------- JSONL
class JsonlSink(Sink):
    def __init__(self, path: str | None, resume: bool) -> None:
        self.path = path
        self._done: set[str] = set()
        if path is None:
            self.out: IO[str] = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
            return
        if resume and os.path.exists(path):
            self._done = _scan_jsonl_ids(path)
            self.out = open(path, "a", encoding="utf-8", newline="\n")
        else:
            self.out = open(path, "w", encoding="utf-8", newline="\n")

    def document(self, item: Doc, result: Any, extractor: Extractor) -> int:
        if isinstance(result, str):
            self._error(item.id, result)
            return 0
        # Mention.to_json is the Rust serialisation: exactly the contract's JSON.
        body = ",".join(m.to_json() for m in result)
        self.out.write(f'{{"id":{id_key(item.id)},"mentions":[{body}]}}\n')
        return len(result)

    def failed(self, item: Failed) -> None:
        self._error(item.id, item.error)

    def _error(self, doc_id: Any, message: str) -> None:
        self.out.write(f'{{"id":{id_key(doc_id)},"error":{json.dumps(message, ensure_ascii=False)}}}\n')

    def commit(self, items: Sequence[Doc | Failed]) -> None:
        self.out.flush()

    def close(self) -> None:
        _close(self.out, self.path)


def _scan_jsonl_ids(path: str) -> set[str]:
    """Ids of the complete lines of a JSONL output; a half-written last line is cut off."""
    done: set[str] = set()
    decoder = json.JSONDecoder()
    good_end = 0
    with open(path, "rb") as f:
        pos = 0
        for lineno, raw in enumerate(f, 1):
            end = pos + len(raw)
            if not raw.endswith(b"\n"):
                break  # killed mid-line: this document is redone
            pos = end
            line = raw.decode("utf-8", "replace")
            try:
                if line.startswith('{"id":'):
                    value, _ = decoder.raw_decode(line, 6)
                else:
                    value = json.loads(line)["id"]
            except (ValueError, KeyError, TypeError):
                raise OutputError(f"cannot resume: {path} line {lineno} is not a tallystick output line") from None
            done.add(id_key(value))
            good_end = end
    if good_end != os.path.getsize(path):
        with open(path, "r+b") as f:
            f.truncate(good_end)
    return done


# ---------------------------------------------------------------- CSV
class CsvSink(Sink):
    COLUMNS = _table.TABLE_COLUMNS

    def __init__(self, path: str | None, resume: bool) -> None:
        self.path = path
        self._done: set[str] = set()
        self.checkpoint: IO[str] | None = None
        if path is None:
            self.raw: IO[bytes] = sys.stdout.buffer
            self.out = io.TextIOWrapper(self.raw, encoding="utf-8", newline="")  # type: ignore[arg-type]
            self.writer = csv.writer(self.out, lineterminator="\n")
            self.writer.writerow(self.COLUMNS)
            return
        progress = path + PROGRESS_SUFFIX
        if resume and os.path.exists(path):
            if not os.path.exists(progress):
                raise OutputError(f"cannot resume: {path} exists but its checkpoint file {progress} does not "
                                  "(it was not written by tallystick extract, or by an older version)")
            offset, self._done = _read_checkpoints(progress)
            self.raw = open(path, "r+b")
            self.raw.truncate(offset)
            self.raw.seek(offset)
            self.out = io.TextIOWrapper(self.raw, encoding="utf-8", newline="")  # type: ignore[arg-type]
            self.writer = csv.writer(self.out, lineterminator="\n")
            if offset == 0:
                self.writer.writerow(self.COLUMNS)
            self.checkpoint = open(progress, "a", encoding="utf-8")
        else:
            self.raw = open(path, "wb")
            self.out = io.TextIOWrapper(self.raw, encoding="utf-8", newline="")  # type: ignore[arg-type]
            self.writer = csv.writer(self.out, lineterminator="\n")
            self.writer.writerow(self.COLUMNS)
            self.checkpoint = open(progress, "w", encoding="utf-8")

    def document(self, item: Doc, result: Any, extractor: Extractor) -> int:
        # The same rows as Parquet's (the document date is the one given, else the dateline's).
        self._rows(_table.document_rows(extractor, item.id, item.text, item.date, result))
        return 0 if isinstance(result, str) else len(result)

    def failed(self, item: Failed) -> None:
        self._rows([_table.error_row(item.id, item.error)])

    def _rows(self, rows: Iterable[tuple[Any, ...]]) -> None:
        self.writer.writerows(["" if v is None else v for v in row] for row in rows)

    def commit(self, items: Sequence[Doc | Failed]) -> None:
        self.out.flush()
        if self.checkpoint is not None:
            self.raw.flush()
            offset = self.raw.tell()
            ids = ",".join(id_key(it.id) for it in items)
            self.checkpoint.write(f'{{"offset":{offset},"ids":[{ids}]}}\n')
            self.checkpoint.flush()

    def close(self) -> None:
        _close(self.out, self.path)
        if self.checkpoint is not None:
            self.checkpoint.close()


def _read_checkpoints(path: str) -> tuple[int, set[str]]:
    """The CSV offset of the last complete checkpoint and the ids written up to it."""
    offset = 0
    done: set[str] = set()
    with open(path, "rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                break
            try:
                record = json.loads(raw)
                new_offset = int(record["offset"])
                ids = [id_key(i) for i in record["ids"]]
            except (ValueError, KeyError, TypeError):
                break
            offset = new_offset
            done.update(ids)
    return offset, done


# ---------------------------------------------------------------- Parquet
class ParquetSink(Sink):
    """A directory of Parquet parts with the columns of ``_table.TABLE_COLUMNS``."""

    def __init__(self, path: str | None, resume: bool, part_mb: float = 128.0, row_group_rows: int = 65536) -> None:
        try:
            import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]
        except ImportError:
            raise OutputError("--format parquet needs pyarrow: pip install 'tallystick[parquet]'") from None
        if path is None or path == "-":
            raise OutputError("--format parquet writes a directory of part files: give it with -o DIR")
        self.pq = pq
        self.path = path
        self.part_bytes = int(part_mb * 1e6)
        self.row_group_rows = row_group_rows
        self._done: set[str] = set()
        self.next_part = 0
        if os.path.exists(path) and not os.path.isdir(path):
            raise OutputError(f"{path} is a file: --format parquet writes a directory")
        os.makedirs(path, exist_ok=True)
        parts, others = _parquet_listing(path)
        if others:
            raise OutputError(f"{path} holds files tallystick did not write ({others[0]}, ...): "
                              "give an empty or new directory")
        for name in os.listdir(path):
            if name.startswith(".part-"):
                os.remove(os.path.join(path, name))  # a part a killed run did not finish
        if resume:
            for number, name in parts:
                meta = pq.read_metadata(os.path.join(path, name)).metadata or {}
                self._done.update(id_key(i) for i in json.loads(meta.get(IDS_KEY, b"[]")))
                self.next_part = max(self.next_part, number + 1)
        else:
            for _, name in parts:
                os.remove(os.path.join(path, name))
        self.writer: Any = None
        self.tmp = ""
        self.part_ids: list[str] = []
        self.part_input = 0
        self.pending: list[tuple[Any, ...]] = []

    def document(self, item: Doc, result: Any, extractor: Extractor) -> int:
        rows = list(_table.document_rows(extractor, item.id, item.text, item.date, result))
        self.pending.extend(rows)
        self.part_ids.append(id_key(item.id))
        self.part_input += item.size
        return 0 if isinstance(result, str) else len(rows)

    def failed(self, item: Failed) -> None:
        self.pending.append(_table.error_row(item.id, item.error))
        self.part_ids.append(id_key(item.id))
        self.part_input += item.size

    def _flush_rows(self) -> None:
        if self.writer is None:
            name = f"part-{self.next_part:05d}.parquet"
            self.tmp = os.path.join(self.path, "." + name + ".tmp")
            self.writer = self.pq.ParquetWriter(self.tmp, _table.arrow_schema(), compression="zstd")
        if self.pending:
            self.writer.write_table(_table.arrow_table(self.pending), row_group_size=self.row_group_rows)
            self.pending = []

    def commit(self, items: Sequence[Doc | Failed]) -> None:
        if len(self.pending) >= self.row_group_rows:
            self._flush_rows()
        if self.part_input >= self.part_bytes:
            self._finish_part()

    def _finish_part(self) -> None:
        if not self.part_ids:
            return
        self._flush_rows()
        self.writer.add_key_value_metadata({IDS_KEY: ("[" + ",".join(self.part_ids) + "]").encode("utf-8")})
        self.writer.close()
        final = os.path.join(self.path, f"part-{self.next_part:05d}.parquet")
        os.replace(self.tmp, final)
        self.writer = None
        self.next_part += 1
        self.part_ids = []
        self.part_input = 0

    def finish(self) -> None:
        """Writes the last part (a run that ends normally)."""
        self._finish_part()

    def close(self) -> None:
        if self.writer is not None:
            # Interrupted: the unfinished part is dropped; --resume redoes its documents.
            try:
                self.writer.close()
            finally:
                try:
                    os.remove(self.tmp)
                except OSError:
                    pass
            self.writer = None


def _parquet_listing(path: str) -> tuple[list[tuple[int, str]], list[str]]:
    parts: list[tuple[int, str]] = []
    others: list[str] = []
    for name in sorted(os.listdir(path)):
        m = PART_PATTERN.match(name)
        if m:
            parts.append((int(m.group(1)), name))
        elif not name.startswith(".part-"):
            others.append(name)
    return parts, others


def _close(out: IO[str], path: str | None) -> None:
    try:
        out.flush()
        if path is not None:
            out.close()
        else:
            out.detach()  # type: ignore[attr-defined]
    except (OSError, ValueError):
        pass


def open_sink(fmt: str, path: str | None, resume: bool, part_mb: float = 128.0) -> Sink:
    """The sink for ``--format`` (``path`` None or "-": stdout)."""
    if path == "-":
        path = None
    if resume and path is None:
        raise OutputError("--resume needs an output file (-o OUT): it reads what that file already holds")
    try:
        if fmt == "jsonl":
            return JsonlSink(path, resume)
        if fmt == "csv":
            return CsvSink(path, resume)
        if fmt == "parquet":
            return ParquetSink(path, resume, part_mb=part_mb)
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    raise OutputError(f"unknown format {fmt!r}")
