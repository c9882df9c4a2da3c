"""Every query method, with the fixture vault's exact answers."""

import datetime
import unittest

import notestore
from helpers import fixture_db

D = datetime.date


class Queries(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = notestore.Store(fixture_db(), read_only=True)

    @classmethod
    def tearDownClass(cls):
        cls.store.close()

    def texts(self, records):
        return [r.text for r in records]

    def test_tasks_keyword_arguments(self):
        s = self.store
        self.assertEqual(len(s.tasks()), 24)
        self.assertEqual(self.texts(s.tasks(owner="PR")),
                         ["Chase the signed NDA", "Send the pilot scope to Harborline",
                          "Confirm the terminal list"])
        self.assertEqual(self.texts(s.tasks(status="done")),
                         ["Book the follow-up call", "Child done task", "Quoted child"])
        self.assertEqual(len(s.tasks(status=[notestore.TaskStatus.CANCELLED, "in_progress"])), 2)
        self.assertEqual(len(s.tasks(account="harborline")), 10)
        self.assertEqual(len(s.tasks(note="Projects/Lighthouse.md", unowned=True)), 2)
        self.assertEqual(self.texts(s.tasks(tag="area")), ["Plus bullet task"])
        self.assertEqual(self.texts(s.tasks(due_before=D(2024, 3, 14))),
                         ["Book the follow-up call", "Ask legal about retention"])
        self.assertEqual(len(s.tasks(due_after="2024-03-20")), 2)
        self.assertEqual(self.texts(s.tasks(min_priority="high")),
                         ["Send the pilot scope to Harborline", "Review the forecast"])
        self.assertEqual(len(s.tasks(min_priority=notestore.Priority.LOWEST)), 4)
        self.assertEqual(self.texts(s.tasks(text="FORECAST")),
                         ["Share the volume forecast", "Review the forecast"])
        self.assertEqual(self.texts(s.tasks(overdue=D(2024, 3, 15))),
                         ["Ask legal about retention", "Chase the signed NDA"])
        self.assertEqual(len(s.tasks(overdue=True)), 5)  # Every open dated task is past.
        self.assertEqual(self.texts(s.tasks(order="priority", limit=2)),
                         ["Send the pilot scope to Harborline", "Review the forecast"])
        self.assertEqual(self.texts(s.tasks(order="path", limit=1, offset=1)),
                         ["Book the follow-up call"])
        self.assertEqual(len(s.tasks(include_duplicates=True)), 24)

    def test_task_record(self):
        task = self.store.tasks(owner="me", status="done")[0]
        self.assertEqual(task.text, "Book the follow-up call")
        self.assertIs(task.status, notestore.TaskStatus.DONE)
        self.assertEqual(task.status, "done")
        self.assertEqual(task.owner, "Dana Whitfield")
        self.assertEqual(task.owner_name, "Myself")
        self.assertEqual(task.due, D(2024, 3, 7))
        self.assertEqual(task.done, D(2024, 3, 6))
        self.assertIsNone(task.priority)
        self.assertEqual(task.path, "Meetings/2024-03-05 Harbor kickoff.md")
        self.assertEqual(task.line, 19)
        self.assertEqual(task.section, "Action Items")
        top = self.store.tasks(owner="PR", min_priority="high")[0]
        self.assertIs(top.priority, notestore.Priority.HIGH)
        self.assertEqual(top.priority.rank, 3)
        self.assertEqual(top.tags, ("followup",))
        with self.assertRaises(AttributeError):
            task.text = "changed"
        with self.assertRaises(AttributeError):
            task.new_attribute = 1
        self.assertTrue(repr(task).startswith("Task(id="))
        self.assertIn("text='Book the follow-up call'", repr(task))

    def test_to_dict_and_results(self):
        tasks = self.store.tasks(owner="PR")
        rows = tasks.to_dicts()
        self.assertEqual(rows, notestore.to_dicts(tasks))
        self.assertEqual(rows[1]["text"], "Send the pilot scope to Harborline")
        self.assertEqual(rows[1]["due"], D(2024, 3, 15))
        self.assertEqual(rows[1]["priority"], "high")
        self.assertEqual(rows[1]["tags"], ["followup"])
        self.assertEqual(set(rows[0]), {
            "id", "note_id", "path", "line", "status", "status_char", "text", "owner_id", "owner",
            "owner_name", "due", "scheduled", "start", "created", "done", "cancelled", "priority",
            "recurrence", "section", "parent_id", "duplicate_of", "account_id", "account", "tags"})
        meeting = self.store.meetings(person="Lena")[0].to_dict()
        self.assertEqual([a["name"] for a in meeting["attendees"]],
                         ["Priya Raman", "Dana Whitfield", "Lena Ortiz"])
        self.assertEqual(tasks[0], self.store.tasks(owner="PR")[0])
        self.assertNotEqual(tasks[0], tasks[1])

    def test_meetings(self):
        s = self.store
        self.assertEqual([m.title for m in s.meetings()],
                         ["Harborline kickoff", "Harbor weekly sync", "1-1 Lena"])
        self.assertEqual([m.title for m in s.meetings(person="Lena")], ["Harbor weekly sync", "1-1 Lena"])
        self.assertEqual([m.title for m in s.meetings(account="Harborline")],
                         ["Harborline kickoff", "Harbor weekly sync"])
        self.assertEqual([m.title for m in s.meetings(since=D(2024, 3, 10), until=D(2024, 3, 12))],
                         ["Harbor weekly sync"])
        self.assertEqual(len(s.meetings(limit=1)), 1)
        kickoff = s.meetings()[0]
        self.assertEqual(kickoff.date, D(2024, 3, 5))
        self.assertEqual(kickoff.source, "transcript")
        self.assertEqual([a.name for a in kickoff.attendees],
                         ["Priya Raman", "Dana Whitfield", "Tomasz Wojcik"])
        self.assertIsInstance(kickoff.attendees[0].person_id, int)

    def test_decisions_and_facts(self):
        s = self.store
        self.assertEqual(len(s.decisions(account="harborline")), 4)
        self.assertEqual(self.texts(s.decisions(person="Tomasz")),
                         ["Start with the Rotterdam terminal only.", "Use weekly syncs until the pilot starts."])
        self.assertEqual(self.texts(s.decisions(since="2024-03-06")),
                         ["Keep the Rotterdam scope for the pilot."])
        self.assertEqual(len(s.decisions(limit=2)), 2)
        self.assertEqual(len(s.facts()), 5)
        self.assertEqual(self.texts(s.facts("blocker")), ["Budget approval is pending."])

    def test_people_accounts_diagnostics(self):
        s = self.store
        people = s.people()
        self.assertEqual([p.name for p in people],
                         ["Dana Whitfield", "Lena Ortiz", "Omar Haddad", "Priya Raman", "Tomasz Wojcik"])
        priya = people[3]
        self.assertEqual((priya.role, priya.company, priya.aliases, priya.meetings, priya.open_tasks),
                         ("Head of Operations", "Harborline", ("PR", "Priya R."), 2, 3))
        account = s.accounts()[0]
        self.assertEqual((account.name, account.status, account.industry), ("Harborline", "Prospect", "Logistics"))
        self.assertEqual(len(s.diagnostics()), 3)
        errors = s.diagnostics(notestore.Severity.ERROR)
        self.assertEqual([(d.code, d.path) for d in errors], [("invalid-yaml", "Notes/Broken yaml.md")])
        self.assertIs(errors[0].severity, notestore.Severity.ERROR)

    def test_profiles_and_notes(self):
        s = self.store
        p = s.person("pr")
        self.assertEqual(p.person.name, "Priya Raman")
        self.assertEqual(len(p.meetings), 2)
        self.assertEqual(len(p.open_tasks), 3)
        self.assertEqual([a.name for a in p.accounts], ["Harborline"])
        self.assertEqual(len(p.notes), 4)
        self.assertEqual(p.to_dict()["person"]["name"], "Priya Raman")
        a = s.account("HARBORLINE")
        self.assertEqual(len(a.people), 5)
        self.assertEqual((len(a.meetings), len(a.decisions), len(a.open_tasks), len(a.facts)), (2, 4, 8, 5))
        short = s.account("HARBORLINE", limit=2)
        self.assertEqual((len(short.people), len(short.decisions), len(short.open_tasks)), (2, 2, 2))
        self.assertEqual(short.open_tasks[0].text, a.open_tasks[0].text)
        self.assertEqual(len(s.person("pr", limit=1).notes), 1)
        with self.assertRaises(notestore.InvalidArgumentError):
            s.person("pr", limit=-1)
        n = s.note("Customers/Harborline.md")
        self.assertEqual(n.note.kind, "account")
        self.assertIn("## Account Status", n.note.body)
        self.assertEqual(n.note.properties[0], ("type", "customer"))
        self.assertEqual(len(n.backlinks), 4)
        self.assertEqual(len(s.backlinks("Harborline")), 4)
        links = s.links("Notes/Scratch.md")
        self.assertEqual(links[1].target_path, "Projects/Lighthouse.md")
        self.assertTrue(links[3].embed)
        with self.assertRaises(notestore.InvalidArgumentError):
            s.note("Lighthouse")  # Two notes have that name.

    def test_search(self):
        s = self.store
        hits = s.search("rotterdam")
        self.assertEqual([(h.kind, h.title) for h in hits], [
            ("note", "Harborline kickoff"), ("decision", "Start with the Rotterdam terminal only."),
            ("note", "Harbor weekly sync"), ("decision", "Keep the Rotterdam scope for the pilot.")])
        self.assertIs(hits[0].kind, notestore.SearchKind.NOTE)
        self.assertEqual(hits[0].date, D(2024, 3, 5))
        self.assertEqual(hits[1].line, 27)
        self.assertIn("[Rotterdam]", hits[1].snippet)
        self.assertEqual(len(s.search("rotterdam", kind="decision")), 2)
        self.assertEqual(len(s.search("rotterdam", kind=["note", notestore.SearchKind.TASK])), 2)
        self.assertEqual(len(s.search("rotterdam", limit=1, offset=3)), 1)
        self.assertEqual(len(s.search("rotterdam", since=D(2024, 3, 6))), 2)
        self.assertEqual(len(s.search("rotterdam", until="2024-03-06")), 2)
        self.assertEqual(len(s.search("pilot", account="harborline", kind="note")), 3)
        self.assertEqual(s.search("rotterdam", group_by_note=False)[0].kind, "decision")
        self.assertIn("<b>terminal</b>", s.search("terminal", kind="decision", highlight=("<b>", "</b>"))[0].snippet)
        self.assertEqual(len(s.search('NEAR(pilot scope, 3)', raw=True)), 4)
        self.assertEqual(s.search('Khan "Channel'), [])


if __name__ == "__main__":
    unittest.main()


class Duplicates(unittest.TestCase):
    def test_groups_and_hidden_repeats(self):
        from helpers import ROOT, temp_dir
        with notestore.Store(str(temp_dir(self) / "d.db")) as store:
            store.ingest(str(ROOT / "tests" / "fixtures" / "duplicates"), me="Dana Whitfield")
            groups = store.duplicates()
            self.assertEqual([g.kind for g in groups],
                             ["meeting", "task", "task", "task", "decision", "decision"])
            self.assertEqual(groups[0].canonical.text, "Orbit launch review")
            self.assertEqual(groups[0].duplicates[0].text, "Launch review notes")
            self.assertGreater(groups[0].duplicates[0].similarity, 0.4)
            self.assertEqual(len(store.duplicates("task")), 3)
            self.assertEqual(groups[1].to_dict()["duplicates"][0]["text"],
                             "Send vendor the revised checklist for launch")
            self.assertEqual(len(store.tasks()), 9)
            self.assertEqual(len(store.tasks(include_duplicates=True)), 12)
            self.assertEqual(len(store.meetings()), 2)
            self.assertEqual(len(store.decisions(include_duplicates=True)), 5)
            self.assertEqual(len(store.search("launch")), 6)
            self.assertEqual(len(store.search("launch", include_duplicates=True)), 10)
