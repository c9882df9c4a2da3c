#!/usr/bin/env bash
# The README's Python install, in a fresh virtual environment: no package index, no build
# isolation. Arguments: SOURCE_DIR PYTHON CMAKE_BUILD_DIR (reused between runs).
set -euo pipefail
src=$1 python=$2 build=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" -m venv "$work/venv"
NOTESTORE_PYTHON_BUILD_DIR="$build" "$work/venv/bin/python" -m pip install --quiet \
  --no-build-isolation --no-index "$src/bindings/python"
cd "$work"  # Not the source tree: import the installed package.
"$work/venv/bin/python" - "$src/tests/fixtures/vault" <<'PY'
import sys
import notestore
assert notestore.__file__.startswith(sys.prefix), notestore.__file__
with notestore.Store("v.db") as store:
    store.ingest(sys.argv[1], me="Dana Whitfield")
    assert len(store.tasks(owner="Priya Raman")) == 3
print("installed notestore", notestore.__version__, "works")
PY
