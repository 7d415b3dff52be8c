"""50 MB documents: a correct result in linear time, never a panic, abort or hang.

Each case runs in a subprocess with a timeout, so that a hang fails the test
instead of stalling the suite, and an abort shows as a signal exit status.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

SIZE = 50_000_000
# A linear-time extractor does 50 MB in seconds (release) or tens of seconds (debug).
TIMEOUT = 240

CHECK = textwrap.dedent(
    """
    import sys, tallystick
    kind, size = sys.argv[1], int(sys.argv[2])
    if kind == "prose":
        unit = open(sys.argv[3], encoding="utf-8").read() + "\\n"
    else:
        unit = {"digits": "1", "letters": "a", "mixed": "12,3 -- « 4.5 t » \\u0301😀 al- حمص ١٢ ",
                "figures_and_places": "4.5 t in Homs, "}[kind]
    text = unit * (size // len(unit.encode()) + 1)
    mentions = tallystick.extract(text)
    bad = sum(text[m.start:m.end] != m.text for m in mentions)
    print(len(text.encode()), len(mentions), bad)
    """
)


def run(args: list[str], what: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(args, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{what}: no result after {TIMEOUT} s on a {SIZE // 1_000_000} MB document (not linear time?)")


def run_case(kind: str, *extra: str) -> tuple[int, int, int]:
    p = run([sys.executable, "-c", CHECK, kind, str(SIZE), *extra], kind)
    assert p.returncode == 0, p.stderr.decode(errors="replace")[-2000:]
    size, count, bad = map(int, p.stdout.split())
    assert size >= SIZE
    assert bad == 0
    return size, count, bad


@pytest.mark.slow
def test_50mb_of_prose(tmp_path, dev_docs):
    src = tmp_path / "unit.txt"
    src.write_text(dev_docs[0]["text"], encoding="utf-8")
    _, count, _ = run_case("prose", str(src))
    assert count > 1000


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["digits", "letters", "mixed", "figures_and_places"])
def test_50mb_of_one_pattern(kind):
    run_case(kind)


@pytest.mark.slow
def test_50mb_document_through_the_cli(tmp_path, dev_docs):
    text = "\n".join(d["text"] for d in dev_docs)
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as f:
        f.write(text * (SIZE // len(text.encode()) + 1))
    out = tmp_path / "out.jsonl"
    # --max-doc-mb 0 lifts the CLI's 10 MB default limit (tests/scale checks the limit).
    p = run([sys.executable, "-m", "tallystick", "extract", str(big), "-o", str(out), "-q", "--max-doc-mb", "0"], "the CLI")
    assert p.returncode == 0, p.stderr.decode(errors="replace")[-2000:]
    (rec,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rec["id"] == str(big)
    content = big.read_text(encoding="utf-8")
    assert len(rec["mentions"]) > 1000
    assert all(content[m["start"] : m["end"]] == m["text"] for m in rec["mentions"])
