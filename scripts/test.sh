#!/usr/bin/env bash
# Installs what the tests need and runs every test: the Rust unit,
# integration and doc tests (with and without default features), the Python
# tests, and the CLI on the dev corpus scored with ../shared/eval/score.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
pip_install() { "$PY" -m pip install --quiet --disable-pip-version-check "$@"; }

echo "== installing the test requirements"
pip_install -r requirements-test.txt
# Headless Chromium for the screenshot test of the HTML view (Debian's
# package); the test skips if it cannot be installed.
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "chromium could not be installed: the screenshot test will skip"
fi

if cargo fmt --version >/dev/null 2>&1; then
  echo "== Rust: cargo fmt --check (rustfmt.toml)"
  cargo fmt --check
fi
if cargo clippy --version >/dev/null 2>&1; then
  # No warnings, which includes clippy's incompatible_msrv: the library keeps
  # Cargo.toml's rust-version (no standard-library API newer than that).
  echo "== Rust: cargo clippy (no warnings; the binding too)"
  cargo clippy --locked --all-targets -- -D warnings
  cargo clippy --locked --lib --features python -- -D warnings
fi
echo "== Rust: cargo test (default features)"
cargo test --locked
echo "== Rust: cargo test --no-default-features (no rayon, no PyO3)"
cargo test --locked --no-default-features --lib --tests

echo "== Python: building and installing the package"
pip_install --force-reinstall --no-deps .

echo "== Python: pytest"
"$PY" -m pytest -q tests/python tests/notebook tests/scores tests/bench

echo "== Python: corpus scale (streaming CLI on 1 GB and 100,000 files, Spark local[2], Dask LocalCluster)"
# Spark's workers must run the interpreter the package was installed into.
export PYSPARK_PYTHON="$("$PY" -c 'import sys; print(sys.executable)')"
export PYSPARK_DRIVER_PYTHON="$PYSPARK_PYTHON"
"$PY" -m pytest -q -s tests/scale

shared=../shared
if [ -f "$shared/corpus/dev/docs.jsonl" ]; then
  echo "== dev corpus: tallystick extract + score.py"
  mkdir -p target
  "$PY" -m tallystick extract "$shared/corpus/dev/docs.jsonl" -o target/dev-pred.jsonl --quiet
  "$PY" "$shared/eval/score.py" "$shared/corpus/dev/gold.jsonl" target/dev-pred.jsonl
else
  echo "== dev corpus not found at $shared: skipped the score table"
fi
