#!/usr/bin/env python3
"""Ingest a vault, then print the open tasks per owner and a search.

    python3 examples/python/open_tasks.py examples/vault "Morgan Lee" "edge inference"
"""

import collections
import sys
import tempfile
from pathlib import Path

import notestore


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    vault = sys.argv[1]
    me = sys.argv[2] if len(sys.argv) > 2 else None
    query = sys.argv[3] if len(sys.argv) > 3 else "pilot"
    with tempfile.TemporaryDirectory() as tmp, notestore.Store(str(Path(tmp) / "vault.db")) as store:
        report = store.ingest(vault, me=me)
        print(f"{report.files_parsed} notes, {report.table_rows['tasks']} tasks, "
              f"{report.table_rows['people']} people\n")

        by_owner = collections.defaultdict(list)
        for task in store.tasks(status=[notestore.TaskStatus.OPEN, notestore.TaskStatus.IN_PROGRESS]):
            by_owner[task.owner or "(unowned)"].append(task)
        for owner, tasks in sorted(by_owner.items(), key=lambda item: -len(item[1])):
            print(f"{owner} ({len(tasks)})")
            for task in tasks:
                due = f"  [due {task.due}]" if task.due else ""
                print(f"  - {task.text}{due}")

        print(f'\nSearch "{query}":')
        for hit in store.search(query, limit=5):
            print(f"  {hit.kind:<8} {hit.title}  ({hit.path})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
