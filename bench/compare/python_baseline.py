#!/usr/bin/env python3
"""Baseline for issue 7: what a user might write instead of notestore.

Usage: python_baseline.py VAULT DB [--cyaml]

Python 3 stdlib sqlite3 + PyYAML (Debian: python3-yaml). Walks VAULT (skipping hidden
folders), parses each .md note's YAML frontmatter, tasks (Obsidian Tasks emoji), wikilinks,
tags and headings, and writes them plus an FTS5 index (title, body) to DB, rebuilt from
scratch, in one transaction. Prints one line of JSON:
  {"notes": N, "tasks": N, "seconds": S, "peak_rss_mb": M}
--cyaml parses frontmatter with libyaml's CSafeLoader instead of yaml.safe_load.
"""
import json
import os
import re
import resource
import sqlite3
import sys
import time

try:
    import yaml
except ImportError:
    sys.exit("python_baseline.py: PyYAML is missing (import yaml failed). "
             "Install it: apt-get install python3-yaml  (or: pip install pyyaml)")

FRONTMATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
TASK = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[(.)\][ \t]+(.*)$")
DUE = re.compile(r"\U0001F4C5\ufe0f?\s*(\d{4}-\d{2}-\d{2})")
PRIORITY = {"\U0001F53A": "highest", "\u23EB": "high", "\U0001F53C": "medium",
            "\U0001F53D": "low", "\u23EC": "lowest"}
OWNER = re.compile(r"(?<![\w@])@([A-Za-z][\w'.-]*(?: [A-Z][\w'.-]*)?)")
WIKILINK = re.compile(r"!?\[\[([^\]|#^]*)(?:[#^][^\]|]*)?(?:\|([^\]]*))?\]\]")
TAG = re.compile(r"(?<![\w#&/])#([A-Za-z_][\w/-]*)")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
FENCE = re.compile(r"^[ \t]*(```|~~~)")

SCHEMA = """
CREATE TABLE notes(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, title TEXT,
                   mtime REAL, size INTEGER);
CREATE TABLE properties(note_id INTEGER, key TEXT, value TEXT);
CREATE TABLE tasks(note_id INTEGER, line INTEGER, status TEXT, text TEXT, due TEXT,
                   priority TEXT, owner TEXT);
CREATE TABLE links(note_id INTEGER, target TEXT, alias TEXT);
CREATE TABLE tags(note_id INTEGER, tag TEXT);
CREATE TABLE headings(note_id INTEGER, line INTEGER, level INTEGER, text TEXT);
CREATE VIRTUAL TABLE notes_fts USING fts5(title, body);
"""


def walk_notes(vault):
    for root, dirs, files in os.walk(vault):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                yield os.path.join(root, name)


def parse_note(text, load_yaml):
    """Returns (frontmatter dict, body, body line offset)."""
    match = FRONTMATTER.match(text)
    if not match:
        return {}, text, 0
    try:
        meta = load_yaml(match.group(1))
    except yaml.YAMLError:
        meta = None  # invalid YAML: keep the note, drop its properties
    offset = text.count("\n", 0, match.end())
    return (meta if isinstance(meta, dict) else {}), text[match.end():], offset


def as_text(value):
    if isinstance(value, str):
        return value
    return json.dumps(value, default=str, ensure_ascii=False)


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: python_baseline.py VAULT DB [--cyaml]")
    vault, db = argv[1], argv[2]
    load_yaml = yaml.safe_load
    if "--cyaml" in argv[3:]:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        load_yaml = lambda s: yaml.load(s, Loader=loader)  # noqa: E731
    start = time.perf_counter()
    notes, props, tasks, links, tags, heads, fts = [], [], [], [], [], [], []

    for note_id, path in enumerate(walk_notes(vault), start=1):
        try:
            with open(path, "r", encoding="utf-8", errors="replace") as f:
                text = f.read().lstrip("\ufeff")
            st = os.stat(path)
        except OSError as e:
            print(f"skipping {path}: {e}", file=sys.stderr)
            continue
        meta, body, offset = parse_note(text, load_yaml)
        rel = os.path.relpath(path, vault)
        title = meta.get("title") if isinstance(meta.get("title"), str) else None
        for key, value in meta.items():
            for item in (value if isinstance(value, list) else [value]):
                props.append((note_id, str(key), as_text(item)))
        fm_tags = meta.get("tags") or []
        for tag in (fm_tags if isinstance(fm_tags, list) else str(fm_tags).split()):
            tags.append((note_id, str(tag).lstrip("#")))

        in_fence = False
        for lineno, line in enumerate(body.split("\n"), start=offset + 1):
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            h = HEADING.match(line)
            if h:
                heads.append((note_id, lineno, len(h.group(1)), h.group(2)))
                if title is None and len(h.group(1)) == 1:
                    title = h.group(2)
                continue
            t = TASK.match(line)
            if t:
                rest = t.group(2)
                due = DUE.search(rest)
                prio = next((p for e, p in PRIORITY.items() if e in rest), None)
                owner = OWNER.search(rest)
                tasks.append((note_id, lineno, t.group(1), rest.strip(),
                              due.group(1) if due else None, prio,
                              owner.group(1) if owner else None))
            if "[[" in line:
                for target, alias in WIKILINK.findall(line):
                    links.append((note_id, target.strip(), alias.strip() or None))
            if "#" in line:
                for tag in TAG.findall(line):
                    tags.append((note_id, tag))

        if title is None:
            title = os.path.splitext(os.path.basename(path))[0]
        notes.append((note_id, rel, title, st.st_mtime, st.st_size))
        fts.append((note_id, title, body))

    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    con = sqlite3.connect(db)
    con.executescript(SCHEMA)
    with con:  # one transaction
        con.executemany("INSERT INTO notes VALUES(?,?,?,?,?)", notes)
        con.executemany("INSERT INTO properties VALUES(?,?,?)", props)
        con.executemany("INSERT INTO tasks VALUES(?,?,?,?,?,?,?)", tasks)
        con.executemany("INSERT INTO links VALUES(?,?,?)", links)
        con.executemany("INSERT INTO tags VALUES(?,?)", tags)
        con.executemany("INSERT INTO headings VALUES(?,?,?,?)", heads)
        con.executemany("INSERT INTO notes_fts(rowid, title, body) VALUES(?,?,?)", fts)
    con.execute("CREATE INDEX tasks_note ON tasks(note_id)")
    con.execute("CREATE INDEX links_target ON links(target)")
    con.execute("CREATE INDEX tags_tag ON tags(tag)")
    con.close()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
    print(json.dumps({"notes": len(notes), "tasks": len(tasks),
                      "seconds": round(time.perf_counter() - start, 3),
                      "peak_rss_mb": round(peak_mb, 1)}))


if __name__ == "__main__":
    main(sys.argv)
