"""The `tallystick` command end to end, on temporary files."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tallystick
from tallystick import FRAME_COLUMNS

GOOD = "Citizens of Homs received aid from UNHCR in Rukban camp."


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tallystick", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=300,
    )


def records(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def expected(text: str) -> list[dict]:
    return [m.to_dict() for m in tallystick.extract(text)]


def test_text_files_in_order(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(GOOD, encoding="utf-8")
    b.write_text("Привет — Damascus «here»", encoding="utf-8")
    p = run("extract", str(b), str(a))
    assert p.returncode == 0, p.stderr
    assert records(p.stdout) == [
        {"id": str(b), "mentions": expected("Привет — Damascus «here»")},
        {"id": str(a), "mentions": expected(GOOD)},
    ]
    assert p.stderr == b""  # not a terminal: no progress


def test_output_file_and_exact_serialisation(tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    p = run("extract", str(src), "-o", str(out))
    assert p.returncode == 0 and p.stdout == b""
    line = out.read_text(encoding="utf-8")
    mentions = ",".join(m.to_json() for m in tallystick.extract(GOOD))
    assert line == f'{{"id":{json.dumps(str(src))},"mentions":[{mentions}]}}\n'


def test_jsonl_with_bad_lines_goes_on_and_fails_at_the_end(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_bytes(
        b'{"id": "d1", "text": "Homs"}\n'
        b"\n"
        b'{"id": "d2", "text": "UNHCR"\n'  # malformed JSON
        b'{"id": "d3", "text": "caf\xe9 Homs"}\n'  # invalid UTF-8
        b'["not", "an", "object"]\n'
        b'{"id": "d5"}\n'  # no text
        b'{"id": 6, "text": "Rukban", "date": "2019-07-12"}\n'
        b'{"id": "d7", "text": "Homs", "date": "2019-13-45"}\n'  # bad date
        b'{"text": "Damascus"}\n'  # no id
        b'{"id": "d9", "text": ""}'  # last line without newline
    )
    p = run("extract", str(src))
    assert p.returncode == 1
    recs = records(p.stdout)
    name = str(src)
    assert [r["id"] for r in recs] == ["d1", f"{name}:3", f"{name}:4", f"{name}:5", "d5", 6, "d7", f"{name}:9", "d9"]
    assert recs[0]["mentions"] == expected("Homs")
    assert "malformed JSON" in recs[1]["error"]
    assert recs[2]["error"] == "line 4 is not valid UTF-8: invalid byte at offset 25"
    assert "not a JSON object" in recs[3]["error"]
    assert 'no "text"' in recs[4]["error"]
    assert recs[5]["mentions"] == expected("Rukban")
    assert "invalid document date" in recs[6]["error"] and "InvalidArgumentError" in recs[6]["error"]
    assert recs[7]["mentions"] == expected("Damascus")
    assert recs[8] == {"id": "d9", "mentions": []}
    assert b"9 documents, 3 mentions, 5 errors" in p.stderr


def test_bad_files_get_error_records(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Homs \xff\xfe broken")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    p = run("extract", str(bad), str(empty), str(missing), str(good), "--quiet")
    assert p.returncode == 1
    assert p.stderr == b""
    recs = records(p.stdout)
    assert recs[0] == {"id": str(bad), "error": "not valid UTF-8: invalid byte at offset 5"}
    assert recs[1] == {"id": str(empty), "mentions": []}
    assert recs[2]["id"] == str(missing) and "cannot read" in recs[2]["error"]
    assert recs[3] == {"id": str(good), "mentions": expected(GOOD)}


def test_folder_recursion_sorted_with_relative_ids(tmp_path):
    root = tmp_path / "corpus"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a.txt").write_text("Homs", encoding="utf-8")
    (root / "b" / "deep" / "c.txt").write_text("Rukban", encoding="utf-8")
    (root / "b" / "docs.jsonl").write_text('{"id": "j1", "text": "UNHCR"}\n', encoding="utf-8")
    (root / "b" / "notes.md").write_text("Damascus", encoding="utf-8")  # ignored
    (root / "B.txt").write_text("Damascus", encoding="utf-8")
    p = run("extract", str(root))
    assert p.returncode == 0, p.stderr
    assert [(r["id"], r["mentions"]) for r in records(p.stdout)] == [
        ("B.txt", expected("Damascus")),
        ("a.txt", expected("Homs")),
        ("b/deep/c.txt", expected("Rukban")),
        ("j1", expected("UNHCR")),
    ]


def test_empty_folder_warns(tmp_path):
    p = run("extract", str(tmp_path))
    assert p.returncode == 0 and p.stdout == b""
    assert b"no .txt or .jsonl files" in p.stderr


def test_stdin_text_and_jsonl():
    p = run("extract", "-", stdin=GOOD.encode())
    assert p.returncode == 0
    assert records(p.stdout) == [{"id": "<stdin>", "mentions": expected(GOOD)}]
    p = run("extract", "-", stdin=b'\n  {"id": "x", "text": "Homs"}\n{"id": "y", "text": "Rukban"}\n')
    assert p.returncode == 0
    assert records(p.stdout) == [{"id": "x", "mentions": expected("Homs")}, {"id": "y", "mentions": expected("Rukban")}]
    p = run("extract", "-", stdin=b"\xffbad")
    assert p.returncode == 1 and "not valid UTF-8" in records(p.stdout)[0]["error"]
    p = run("extract", "-", stdin=b"")
    assert p.returncode == 0 and records(p.stdout) == [{"id": "<stdin>", "mentions": []}]


def test_csv_format(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(
        json.dumps({"id": "d1", "text": GOOD}) + "\n" + "{broken\n" + json.dumps({"id": "d3", "text": "Homs"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    p = run("extract", str(src), "--format", "csv", "-o", str(out), "-q")
    assert p.returncode == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0].keys()) == list(FRAME_COLUMNS) + ["error"]
    want = tallystick.extract(GOOD)
    assert [(r["doc_id"], r["kind"], int(r["start"]), int(r["end"]), r["text"]) for r in rows[: len(want)]] == [
        ("d1", m.kind, m.start, m.end, m.text) for m in want
    ]
    err = rows[len(want)]
    assert err["doc_id"] == f"{src}:2" and "malformed JSON" in err["error"] and err["kind"] == ""
    assert rows[-1]["doc_id"] == "d3" and rows[-1]["text"] == "Homs"


def test_csv_document_date(tmp_path):
    src = tmp_path / "docs.jsonl"
    dated = "SANA, date 2017-09-11\nCitizens of Homs received 3.3 tons of food."
    src.write_text(
        json.dumps({"id": "dateline", "text": dated}) + "\n"
        + json.dumps({"id": "given", "text": dated, "date": "2019-07-12"}) + "\n"
        + json.dumps({"id": "none", "text": "Homs"}) + "\n",
        encoding="utf-8",
    )
    p = run("extract", str(src), "--format", "csv", "-q")
    assert p.returncode == 0
    rows = list(csv.DictReader(io.StringIO(p.stdout.decode("utf-8"))))
    dates = {(r["doc_id"], r["document_date"]) for r in rows}
    assert dates == {("dateline", "2017-09-11"), ("given", "2019-07-12"), ("none", "")}
    # The JSONL output is the mentions contract: no document date in it.
    p = run("extract", str(src), "-q")
    assert all(set(rec) == {"id", "mentions"} for rec in records(p.stdout))


def test_progress_on_request(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in range(50)), encoding="utf-8")
    p = run("extract", str(src), "--progress", "--batch-size", "7", "--threads", "2")
    assert p.returncode == 0
    assert len(records(p.stdout)) == 50
    err = p.stderr.decode()
    assert "50 docs" in err and "100%" in err and "50 documents" in err


def test_options_kinds_gazetteer_no_bundled_date(tmp_path):
    gaz = tmp_path / "g.tsv"
    gaz.write_text("id\tname\tkind\tsubtype\nx-1\tCamp Hope\tcamp\tcamp\n", encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text("Homs and Camp Hope", encoding="utf-8")
    p = run("extract", str(src), "--gazetteer", str(gaz), "--no-bundled", "--kinds", "camp,place",
            "--date", "2019-07-12")
    assert p.returncode == 0, p.stderr
    assert [m["text"] for m in records(p.stdout)[0]["mentions"]] == ["Camp Hope"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--kinds", "plac"], "unknown mention kind"),
        (["--date", "2019-99"], "--date: invalid document date \"2019-99\": month 99"),
        (["--threads", "0"], "--threads must be at least 1"),
        (["--gazetteer", "/nonexistent/g.tsv"], "cannot read"),
    ],
)
def test_usage_errors_exit_2(tmp_path, args, message):
    src = tmp_path / "a.txt"
    src.write_text("Homs", encoding="utf-8")
    p = run("extract", str(src), *args)
    assert p.returncode == 2
    assert message in p.stderr.decode()
    assert p.stdout == b""


def test_bad_gazetteer_row_is_a_clear_error(tmp_path):
    gaz = tmp_path / "g.tsv"
    gaz.write_text("id\tname\tkind\tsubtype\nx-1\tCamp Hope\tcamp\n", encoding="utf-8")
    p = run("extract", "-", "--gazetteer", str(gaz), stdin=b"Homs")
    assert p.returncode == 2
    assert f"{gaz}:2: expected 4 tab-separated fields".encode() in p.stderr
    assert b"Traceback" not in p.stderr


def test_usage():
    p = run()
    assert p.returncode == 2
    p = run("extract")
    assert p.returncode == 2 and b"PATH" in p.stderr
    p = run("--version")
    assert p.returncode == 0 and p.stdout.decode().strip() == f"tallystick {tallystick.__version__}"


def test_console_script_is_installed(tmp_path):
    exe = shutil.which("tallystick", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if exe is None:
        pytest.skip("the tallystick script is not on PATH")
    p = subprocess.run([exe, "extract", "-"], input=b"Homs", capture_output=True, timeout=60)
    assert p.returncode == 0 and records(p.stdout) == [{"id": "<stdin>", "mentions": expected("Homs")}]


def test_broken_pipe_is_quiet(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": GOOD * 20}) + "\n" for i in range(3000)), encoding="utf-8")
    p = subprocess.run(
        f"{sys.executable} -m tallystick extract {src} --batch-size 10 | head -c 100 > /dev/null",
        shell=True, capture_output=True, timeout=300,
    )
    assert b"Traceback" not in p.stderr


def test_main_in_process(tmp_path, capsys):
    from tallystick.cli import main

    src = tmp_path / "a.txt"
    src.write_text("Homs", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(src), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == {"id": str(src), "mentions": expected("Homs")}
