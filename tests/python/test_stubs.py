"""The hand-written stubs (_core.pyi) match the compiled module."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import tallystick
from tallystick import _core

STUB = Path(tallystick.__file__).with_name("_core.pyi")
PRIVATE_RUNTIME = {"_extractor_from_state", "_mention_from_json", "_test_panic"}


def stub_tree() -> ast.Module:
    return ast.parse(STUB.read_text(encoding="utf-8"))


def public_stub_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {n for n in names if not n.startswith("_") or n == "__version__"}


def test_every_runtime_name_has_a_stub_and_back():
    runtime = {n for n in dir(_core) if not n.startswith("__") or n == "__version__"} - PRIVATE_RUNTIME
    assert public_stub_names(stub_tree()) == runtime


def test_class_members_match():
    tree = stub_tree()
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or node.name not in ("Extractor", "Mention"):
            continue
        stub = {n.name for n in node.body if isinstance(n, ast.FunctionDef)} - {"__new__", "__eq__", "__hash__"}
        cls = getattr(_core, node.name)
        runtime = {n for n in vars(cls) if not n.startswith("__") or n in ("__copy__", "__deepcopy__")}
        assert stub == runtime, node.name


def test_stubs_and_runtime_have_docstrings():
    for node in stub_tree().body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and not node.name.startswith("_"):
            assert ast.get_docstring(node), node.name
    for name in ("extract", "parse_number", "Extractor", "Mention"):
        assert inspect.getdoc(getattr(_core, name)), name
    for name in ("kind", "start", "text", "where", "to_dict", "extract_batch"):
        owner = _core.Mention if hasattr(_core.Mention, name) else _core.Extractor
        assert inspect.getdoc(getattr(owner, name)), name


def test_signatures_are_keyword_only_where_documented():
    sig = inspect.signature(_core.Extractor.extract_batch)
    assert sig.parameters["threads"].kind is inspect.Parameter.KEYWORD_ONLY
    assert sig.parameters["texts"].kind is inspect.Parameter.POSITIONAL_ONLY
    assert str(inspect.signature(_core.extract)) == "(text, /, *, date=None)"
    assert str(inspect.signature(_core.Extractor)) == "(*, gazetteers=None, bundled=True, kinds=None)"


def test_py_typed_marker_is_shipped():
    assert STUB.with_name("py.typed").exists()


def test_mypy_stubtest_agrees():
    """mypy's stubtest compares the stubs with the compiled module (when mypy is installed)."""
    import subprocess
    import sys

    import pytest

    pytest.importorskip("mypy")
    p = subprocess.run([sys.executable, "-m", "mypy.stubtest", "tallystick._core"], capture_output=True, timeout=600)
    assert p.returncode == 0, p.stdout.decode() + p.stderr.decode()
