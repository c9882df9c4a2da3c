#!/usr/bin/env bash
# The first command for a new user: install what is missing, build, ingest the bundled
# example vault and show what notestore found in it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
db=build/example.db
rm -f "$db" "$db-wal" "$db-shm"
./build/bin/notestore ingest examples/vault --db "$db" --me "Morgan Lee"
show() {
  echo
  echo "== $1"
  sqlite3 -header -column "$db" "$2"
}
show "Meetings" "SELECT date, title, account, attendees FROM meeting_list"
show "Open tasks by owner" \
  "SELECT COALESCE(owner, '(unowned)') AS owner, count(*) AS open_tasks FROM open_tasks GROUP BY 1 ORDER BY 2 DESC"
show "People" "SELECT name, role, company, meetings, open_tasks FROM person_list"
show "Accounts" "SELECT name, status, industry, meetings, decisions FROM account_list"
show "Decisions" "SELECT date, account, decision FROM decision_list"
echo
echo "== A Dataview query, run outside Obsidian: the five open tasks due soonest"
./build/bin/notestore query 'TASK FROM "" WHERE !completed AND due SORT due ASC LIMIT 5' --db "$db"
echo
echo "The database is $db; open it with: sqlite3 $db  (tables and views: docs/schema.md)"
