"""The Store: opening, ingesting, closing, errors, threads."""

import datetime
import sqlite3
import threading
import unittest

import notestore
from helpers import FIXTURE_VAULT, SAMPLE_VAULT, fixture_db, temp_dir


class OpenAndIngest(unittest.TestCase):
    def test_ingest_returns_a_report_and_is_incremental(self):
        db = str(temp_dir(self) / "v.db")
        with notestore.Store(db) as store:
            report = store.ingest(str(FIXTURE_VAULT), me="Dana Whitfield")
            self.assertIsInstance(report, notestore.IngestReport)
            self.assertEqual(report.files_seen, 10)
            self.assertEqual(report.files_parsed, 10)
            self.assertEqual(report.table_rows["tasks"], 24)
            self.assertEqual(report.diagnostics, {"error": 1, "warning": 1, "info": 1})
            self.assertEqual(report.to_dict()["files_parsed"], 10)
            again = store.ingest(str(FIXTURE_VAULT))
            self.assertEqual((again.files_parsed, again.files_unchanged), (0, 10))
            # Where the time went: the pass ran the first time, not the second.
            self.assertIn("meetings", [s.name for s in report.steps])
            self.assertEqual([s.name for s in again.steps], ["scan", "write", "commit", "report"])
            self.assertIsInstance(again.steps[0], notestore.IngestStep)
            self.assertLessEqual(sum(s.seconds for s in report.steps), report.seconds)
            self.assertEqual(again.to_dict()["steps"][0]["name"], "scan")
            self.assertEqual(store.schema_version, notestore.SCHEMA_VERSION)
            self.assertEqual(store.path, db)
            self.assertIn("files_seen=10", repr(report))

    def test_count_rows_false_leaves_the_totals_out(self):
        db = str(temp_dir(self) / "c.db")
        with notestore.Store(db) as store:
            report = store.ingest(str(FIXTURE_VAULT), me="Dana Whitfield", count_rows=False)
            self.assertEqual(report.files_parsed, 10)
            self.assertEqual((report.table_rows, report.diagnostics), ({}, {}))
            self.assertNotIn("report", [s.name for s in report.steps])
            counted = store.ingest(str(FIXTURE_VAULT))
            self.assertEqual(counted.table_rows["tasks"], 24)

    def test_parser_niceness_is_checked_and_any_gives_the_same_store(self):
        dbs = []
        for niceness in (0, 19):
            db = str(temp_dir(self) / f"n{niceness}.db")
            with notestore.Store(db) as store:
                report = store.ingest(str(FIXTURE_VAULT), threads=2, parser_niceness=niceness)
                self.assertEqual(report.files_parsed, 10)
                with self.assertRaises(notestore.InvalidArgumentError):
                    store.ingest(str(FIXTURE_VAULT), parser_niceness=20)
            dbs.append(db)
        texts = [sqlite3.connect(db).execute(
            "SELECT group_concat(title || body, '|') FROM (SELECT * FROM search ORDER BY rowid)"
        ).fetchone() for db in dbs]
        self.assertEqual(texts[0], texts[1])

    def test_progress_callback_sees_every_phase(self):
        phases = []
        with notestore.Store(str(temp_dir(self) / "p.db")) as store:
            store.ingest(str(FIXTURE_VAULT), progress=lambda phase, done, total: phases.append(phase))
        self.assertEqual(phases[0], "scanning")
        self.assertEqual(phases[-1], "done")
        self.assertIn("resolving", phases)

    def test_extensions_and_force(self):
        folder = temp_dir(self)
        (folder / "v").mkdir()
        (folder / "v" / "a.md").write_text("- [ ] one\n")
        (folder / "v" / "b.markdown").write_text("- [ ] two\n")
        with notestore.Store(str(folder / "e.db")) as store:
            self.assertEqual(store.ingest(str(folder / "v"), extensions=["md", ".markdown"]).files_seen, 2)
            self.assertEqual(store.ingest(str(folder / "v"), extensions=["md", "markdown"],
                                          force=True).files_parsed, 2)

    def test_context_manager_closes(self):
        with notestore.Store(fixture_db(), read_only=True) as store:
            self.assertFalse(store.closed)
        self.assertTrue(store.closed)
        self.assertIn("closed", repr(store))
        with self.assertRaises(notestore.InvalidArgumentError):
            store.people()
        store.close()  # Closing twice is fine.


class Errors(unittest.TestCase):
    def test_hierarchy(self):
        for cls in (notestore.InvalidArgumentError, notestore.NotFoundError, notestore.IoError,
                    notestore.SchemaMismatchError, notestore.ReadOnlyError, notestore.BusyError,
                    notestore.CorruptError, notestore.QueryError, notestore.InternalError):
            self.assertTrue(issubclass(cls, notestore.Error), cls)
        self.assertTrue(issubclass(notestore.NotFoundError, LookupError))
        self.assertTrue(issubclass(notestore.InvalidArgumentError, ValueError))
        self.assertTrue(issubclass(notestore.QueryError, ValueError))

    def test_missing_database(self):
        missing = str(temp_dir(self) / "missing.db")
        with self.assertRaises(notestore.NotFoundError):
            notestore.Store(missing, read_only=True)
        with self.assertRaises(notestore.NotFoundError):
            notestore.Store(missing, create=False)

    def test_schema_mismatch_and_corrupt(self):
        folder = temp_dir(self)
        newer = str(folder / "newer.db")
        notestore.Store(newer).close()
        with sqlite3.connect(newer) as conn:
            conn.execute("PRAGMA user_version = 42")
        with self.assertRaises(notestore.SchemaMismatchError) as e:
            notestore.Store(newer)
        self.assertIn("schema version 42", str(e.exception))
        other = str(folder / "other.db")
        with sqlite3.connect(other) as conn:
            conn.execute("CREATE TABLE t(x)")
        with self.assertRaises(notestore.CorruptError):
            notestore.Store(other)

    def test_read_only_and_bad_arguments(self):
        with notestore.Store(fixture_db(), read_only=True) as store:
            with self.assertRaises(notestore.ReadOnlyError):
                store.ingest(str(FIXTURE_VAULT))
            with self.assertRaises(notestore.NotFoundError):
                store.person("Nobody Here")
            with self.assertRaises(notestore.InvalidArgumentError):
                store.tasks(status="bogus")
            with self.assertRaises(notestore.InvalidArgumentError):
                store.tasks(min_priority="urgent")
            with self.assertRaises(notestore.InvalidArgumentError):
                store.tasks(due_before="soon")
            with self.assertRaises(notestore.InvalidArgumentError):
                store.tasks(order="random")
            with self.assertRaises(notestore.QueryError):
                store.search("pilot AND")
            with self.assertRaises(notestore.InvalidArgumentError):
                store.search("pilot", kind="memo")
        with notestore.Store(str(temp_dir(self) / "x.db")) as store:
            with self.assertRaises(notestore.NotFoundError):
                store.ingest("/no/such/vault")


class Threads(unittest.TestCase):
    def test_ingest_releases_the_gil(self):
        folder = temp_dir(self)
        vault = folder / "big"
        vault.mkdir()
        text = (FIXTURE_VAULT / "Meetings" / "2024-03-05 Harbor kickoff.md").read_text()
        for i in range(400):
            (vault / f"note {i}.md").write_text(text.replace("Harborline kickoff", f"Kickoff {i}"))
        done = threading.Event()
        with notestore.Store(str(folder / "t.db")) as store:
            worker = threading.Thread(target=lambda: (store.ingest(str(vault)), done.set()))
            spins = 0
            worker.start()
            while not done.is_set():
                spins += 1  # Runs only while the ingest does not hold the GIL.
            worker.join()
            self.assertEqual(len(store.meetings(include_duplicates=True)), 400)
            self.assertEqual(len(store.meetings()), 1)  # One meeting, written up 400 times.
        self.assertGreater(spins, 10000)

    def test_one_store_shared_by_threads(self):
        errors = []
        with notestore.Store(fixture_db(), read_only=True) as store:
            def query():
                try:
                    for _ in range(20):
                        self.assertEqual(len(store.search("rotterdam")), 4)
                        self.assertEqual(len(store.tasks(owner="PR")), 3)
                except Exception as e:  # noqa: BLE001 (reported below)
                    errors.append(e)
            threads = [threading.Thread(target=query) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        self.assertEqual(errors, [])


@unittest.skipUnless(SAMPLE_VAULT.exists(), "../shared/sample-vault is absent")
class SampleVault(unittest.TestCase):
    def test_acceptance(self):
        with notestore.Store(str(temp_dir(self) / "s.db")) as store:
            store.ingest(str(SAMPLE_VAULT), me="Jason Vallery")
            sam = store.tasks(owner="Sam Hopewell")
            self.assertEqual(len(sam), 4)
            for task in sam:
                self.assertTrue(task.due is None or isinstance(task.due, datetime.date))
            hits = store.search("Fairwater")
            self.assertTrue(hits)
            self.assertTrue(all(h.date == datetime.date(2025, 9, 18) for h in hits), hits)


if __name__ == "__main__":
    unittest.main()
