"""Dataview queries and rendering from Python, on tests/fixtures/dataview-vault."""

import unittest

import notestore
from helpers import ROOT

DATAVIEW_VAULT = ROOT / "tests" / "fixtures" / "dataview-vault"


class Dataview(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import tempfile
        from pathlib import Path
        cls.db = str(Path(tempfile.mkdtemp(prefix="notestore-py-")) / "dv.db")
        with notestore.Store(cls.db) as store:
            store.ingest(str(DATAVIEW_VAULT))
        cls.store = notestore.Store(cls.db, read_only=True)

    @classmethod
    def tearDownClass(cls):
        cls.store.close()

    def test_table(self):
        r = self.store.dataview('TABLE status FROM #work/projects SORT file.name DESC')
        self.assertEqual(r["type"], "table")
        self.assertEqual(r["columns"], ["File", "status"])
        self.assertEqual(r["rows"], [["[[Projects/Beacon|Beacon]]", "paused"],
                                     ["[[Projects/Atlas|Atlas]]", "active"]])
        self.assertIn("FROM tags", r["from_sql"])

    def test_tasks_and_this(self):
        r = self.store.dataview('TASK WHERE completed')
        self.assertEqual(r["task_groups"],
                         [{"heading": "[[Projects/Atlas|Atlas]]",
                           "tasks": [{"path": "Projects/Atlas.md", "line": 19, "status": "x",
                                      "text": "Book the venue ✅ 2025-12-01"}]}])
        r = self.store.dataview('LIST FROM outgoing([[]])', note="Beacon")
        self.assertEqual(r["rows"], [["[[Projects/Atlas|Atlas]]"]])

    def test_errors(self):
        with self.assertRaises(notestore.QueryError) as e:
            self.store.dataview('LIST WHERE (')
        self.assertIn("line 1, column 13", str(e.exception))
        with self.assertRaises(notestore.QueryError) as e:
            self.store.dataview('CALENDAR file.day')
        self.assertIn("not supported", str(e.exception))
        with self.assertRaises(notestore.NotFoundError):
            self.store.render("No such note")

    def test_render(self):
        text = self.store.render("Dashboard.md")
        self.assertNotIn("```dataview", text)
        self.assertIn("- [ ] Review the budget [estimate:: 3]", text)


if __name__ == "__main__":
    unittest.main()
