"""The README's Spark and Dask recipes run as written (on local data: the
sample documents as ``bulletins/*.jsonl`` and a camp gazetteer as
``my_camps.tsv`` in a scratch folder), and give the CLI's rows."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tallystick import Extractor, _table

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SAMPLE = ROOT / "examples" / "sample" / "docs.jsonl"
CAMPS = "id\tname\tkind\tsubtype\nx:zorblax\tZorblax Camp\tcamp\tcamp\n"

pytestmark = [
    pytest.mark.slow,
    # PySpark under pandas 3 warns about its own use of pandas.
    pytest.mark.filterwarnings("ignore::FutureWarning:pyspark"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:pyspark"),
    # dask's own read_json under pandas 3.1 (not our call).
    pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.set_index"),
]


def recipe(module: str) -> str:
    blocks = [b for b in re.findall(r"```python\n(.*?)```", README, flags=re.S) if f"from {module} import" in b]
    assert len(blocks) == 1, f"the README should have one recipe using {module}"
    return blocks[0]


@pytest.fixture
def bulletins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "bulletins").mkdir()
    shutil.copy(SAMPLE, tmp_path / "bulletins" / "sample.jsonl")
    with (tmp_path / "bulletins" / "sample.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"id": "camp-1", "text": "UNHCR delivered 300 tents to Zorblax Camp on 3 May.", "date": null}\n')
    (tmp_path / "my_camps.tsv").write_text(CAMPS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def expected_rows(tables: Any, folder: Path, extractor: Extractor) -> list[Any]:
    import json

    docs = [json.loads(line) for p in sorted(folder.glob("*.jsonl"))
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids, texts = [d["id"] for d in docs], [d["text"] for d in docs]
    rows = _table.table_rows(extractor, ids, texts, None, _table.extract_documents(extractor, ids, texts))
    return tables.frame_rows(_table.pandas_frame(rows))


def written_rows(tables: Any, folder: Path) -> list[Any]:
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(folder)
    return tables.normalize(tuple(r[c] for c in _table.TABLE_COLUMNS) for r in table.to_pylist())


def test_the_spark_recipe_runs(spark: Any, tables: Any, bulletins: Path) -> None:
    # The JVM started in another folder: its relative paths are made absolute.
    code = recipe("tallystick.spark")
    for path in ('"bulletins/', '"mentions-spark"'):
        assert path in code
        code = code.replace(path, f'"{bulletins}/{path[1:]}')
    exec(compile(code, "README.md", "exec"), {"spark": spark})
    rows = written_rows(tables, bulletins / "mentions-spark")
    assert rows == expected_rows(tables, bulletins / "bulletins", Extractor(gazetteers="my_camps.tsv"))
    assert any(r[_table.TABLE_COLUMNS.index("id")] == "x:zorblax" for r in rows)


def test_the_dask_recipe_runs(tables: Any, bulletins: Path) -> None:
    exec(compile(recipe("tallystick.dask"), "README.md", "exec"), {})
    rows = written_rows(tables, bulletins / "mentions-dask")
    assert rows == expected_rows(tables, bulletins / "bulletins", Extractor())
    assert len(rows) >= 20
