"""The bundled gazetteers are reproducible: rerunning scripts/build_gazetteers.py
on the committed sources gives data/gazetteer/ byte for byte.

    python3 -m pytest tests/python/test_data_build.py
"""

import ast
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPTS = os.path.join(ROOT, "scripts")
DATA = os.path.join(ROOT, "data")
FILES = ("places.tsv", "camps.tsv", "actors.tsv")


def test_the_build_reproduces_the_committed_data_byte_for_byte():
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, os.path.join(SCRIPTS, "build_gazetteers.py"), "--out", out], check=True,
                       cwd=tempfile.gettempdir())
        for name in FILES:
            with open(os.path.join(out, name), "rb") as fh:
                built = fh.read()
            with open(os.path.join(DATA, "gazetteer", name), "rb") as fh:
                committed = fh.read()
            assert built == committed, f"data/gazetteer/{name} differs from a fresh build: rerun the script"


def test_the_build_uses_the_standard_library_only():
    allowed_local = {"gazvariants", "build_gazetteers"}
    for name in ("build_gazetteers.py", "gazvariants.py"):
        with open(os.path.join(SCRIPTS, name), encoding="utf-8") as fh:
            tree = ast.parse(fh.read())
        for node in ast.walk(tree):
            mods = []
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                mods = [node.module]
            for m in mods:
                top = m.split(".")[0]
                assert top in sys.stdlib_module_names or top in allowed_local, f"{name} imports {m}"


def test_data_stays_small():
    total = 0
    for dirpath, _, files in os.walk(DATA):
        total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
    assert total < 10 * 1024 * 1024, f"data/ is {total} bytes"


def test_every_source_is_credited():
    with open(os.path.join(DATA, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    for source in sorted(os.listdir(os.path.join(DATA, "sources"))):
        assert source in readme, f"data/README.md does not credit data/sources/{source}"
    for licence in ("CC BY 3.0 IGO", "CC BY 4.0", "MIT", "CC0"):
        assert licence in readme
