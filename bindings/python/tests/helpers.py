"""Paths of the fixtures the tests use, and a fixture database built once per run."""

import os
import shutil
import tempfile
from pathlib import Path

import notestore

ROOT = Path(__file__).resolve().parents[3]
FIXTURE_VAULT = ROOT / "tests" / "fixtures" / "vault"
SAMPLE_VAULT = ROOT.parent / "shared" / "sample-vault"  # Absent on a plain clone.

_cache = {}


def temp_dir(test_case):
    """A temporary folder removed when `test_case` ends."""
    path = tempfile.mkdtemp(prefix="notestore-py-")
    test_case.addCleanup(shutil.rmtree, path, True)
    return Path(path)


def fixture_db():
    """A database of the fixture vault (me: Dana Whitfield), shared read-only by tests."""
    if "fixture" not in _cache:
        path = Path(tempfile.mkdtemp(prefix="notestore-py-")) / "fixture.db"
        with notestore.Store(str(path)) as store:
            store.ingest(str(FIXTURE_VAULT), me="Dana Whitfield")
        _cache["fixture"] = path
    return str(_cache["fixture"])
