"""notestore: a normalized, searchable SQLite knowledge store for a vault of Markdown notes.

    import notestore

    with notestore.Store("vault.db") as store:
        store.ingest("/path/to/vault", me="Jason Vallery")
        for task in store.tasks(owner="Sam Hopewell", status="open"):
            print(task.due, task.text)
        notestore.to_dicts(store.search("global namespace"))   # ready for pandas

Records (Task, Meeting, Person, ...) are immutable, with attributes, ``to_dict()`` and a
readable repr; dates are ``datetime.date``; enums are ``enum.Enum`` members that compare
equal to their string values. Errors are ``notestore.Error`` and its subclasses. Database
work runs without the GIL, so other threads keep running.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, TypeVar, Union

from . import _notestore
from ._enums import Priority, SearchKind, Severity, TaskStatus
from ._notestore import (
    Account,
    AccountProfile,
    Attendee,
    BusyError,
    CorruptError,
    Decision,
    Diagnostic,
    DuplicateGroup,
    DuplicateMember,
    Error,
    Fact,
    IngestReport,
    IngestStep,
    InternalError,
    InvalidArgumentError,
    IoError,
    Link,
    Meeting,
    Note,
    NoteDetail,
    NotFoundError,
    Person,
    PersonProfile,
    QueryError,
    ReadOnlyError,
    SchemaMismatchError,
    SearchHit,
    Task,
)

__version__ = _notestore.__version__
SCHEMA_VERSION = _notestore.SCHEMA_VERSION

__all__ = [
    "Store", "Results", "to_dicts", "TaskStatus", "Priority", "SearchKind", "Severity",
    "Task", "Meeting", "Attendee", "Person", "Account", "Decision", "Fact", "Note", "Link",
    "Diagnostic", "DuplicateGroup", "DuplicateMember", "SearchHit", "IngestReport", "IngestStep", "PersonProfile", "AccountProfile", "NoteDetail",
    "Error", "InvalidArgumentError", "NotFoundError", "IoError", "SchemaMismatchError",
    "ReadOnlyError", "BusyError", "CorruptError", "QueryError", "InternalError",
]

T = TypeVar("T")


class Results(List[T]):
    """A list of records, with ``to_dicts()`` for ``pandas.DataFrame(results.to_dicts())``."""

    def to_dicts(self) -> List[dict]:
        return [r.to_dict() for r in self]


def to_dicts(records: Iterable[Any]) -> List[dict]:
    """The records as a list of dicts, in one call: ready for ``pandas.DataFrame``."""
    return [r.to_dict() for r in records]


def _list(value: Union[None, str, Any, Iterable[Any]]) -> list:
    if value is None:
        return []
    if isinstance(value, str):  # Also enum members, which are strings.
        return [value]
    return list(value)


def _date(name: str, value: Optional[_dt.date]) -> Optional[_dt.date]:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidArgumentError(f"{name} must be a datetime.date or 'YYYY-MM-DD', not {value!r}")


class Store:
    """A notestore database. Use as a context manager, or call ``close()``.

    ``Store(path)`` opens the database, creating it when missing (``create=False`` to
    refuse); ``read_only=True`` opens it without write access (``ingest`` then raises
    ``ReadOnlyError``). Raises ``NotFoundError`` for a missing database that may not be
    created, ``SchemaMismatchError`` for one written by a newer notestore, and
    ``CorruptError`` for a file that is not a notestore database.

    One Store may be shared by threads: calls are serialized, and run without the GIL.
    """

    def __init__(self, path: str, read_only: bool = False, *, create: bool = True,
                 busy_timeout_ms: int = 5000) -> None:
        self._store = _notestore._Store(str(path), read_only, create, busy_timeout_ms)
        self._path = str(path)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"notestore.Store({self._path!r}{', closed' if self.closed else ''})"

    def close(self) -> None:
        """Closes the database; later calls raise ``InvalidArgumentError``."""
        self._store.close()

    @property
    def closed(self) -> bool:
        return self._store.closed

    @property
    def path(self) -> str:
        return self._path

    @property
    def schema_version(self) -> int:
        return self._store.schema_version()

    @property
    def open_message(self) -> str:
        """What opening changed in the file: "" or, e.g., a schema upgrade."""
        return self._store.open_message()

    def ingest(self, vault: str, me: Optional[str] = None, *, force: bool = False,
               extensions: Optional[Sequence[str]] = None,
               progress: Optional[Callable[[str, int, int], None]] = None,
               threads: int = 0, parser_niceness: int = 19,
               count_rows: bool = True) -> IngestReport:
        """Brings the store in line with the vault folder (incremental; see the C++ docs).

        ``me`` is your full name: tasks owned by @Me/@Myself become yours (remembered).
        ``progress(phase, done, total)`` is called now and then from the ingesting thread.
        ``threads`` parse files in parallel (0: one per core), ``parser_niceness`` (0-19)
        below this thread's CPU priority, so that they yield to the writing thread.
        ``count_rows=False`` leaves ``table_rows`` and ``diagnostics`` empty, and never
        counts them (the store keeps them up to date; it counts only when it has none).
        """
        exts = [e if e.startswith(".") else "." + e for e in (extensions or [])]
        return self._store.ingest(str(vault), me or "", force, exts, progress, threads,
                                  parser_niceness, count_rows)

    def tasks(self, *, status: Union[None, str, TaskStatus, Iterable[Union[str, TaskStatus]]] = None,
              owner: Optional[str] = None, unowned: bool = False, account: Optional[str] = None,
              note: Optional[str] = None, tag: Optional[str] = None,
              due_before: Optional[_dt.date] = None, due_after: Optional[_dt.date] = None,
              min_priority: Union[None, str, Priority] = None, text: Optional[str] = None,
              overdue: Union[None, bool, _dt.date] = None, include_duplicates: bool = False,
              order: str = "due", limit: int = 0, offset: int = 0) -> Results[Task]:
        """Tasks, soonest due first (``order="priority"`` or ``"path"`` for others).

        ``owner`` and ``account`` are names (case-insensitive, aliases, "me");
        ``overdue=True`` means open tasks due before today, a date means before that day.
        """
        q = _notestore._TaskQuery()
        q.statuses = _list(status)
        q.owner = owner or ""
        q.unowned = unowned
        q.account = account or ""
        q.note = note or ""
        q.tag = tag or ""
        q.due_before = _date("due_before", due_before)
        q.due_after = _date("due_after", due_after)
        q.min_priority = min_priority
        q.text_contains = text or ""
        if overdue is True:
            q.overdue_as_of = _dt.date.today()
        elif overdue:
            q.overdue_as_of = _date("overdue", overdue)
        q.include_duplicates = include_duplicates
        q.order = order
        q.limit = limit
        q.offset = offset
        return Results(self._store.tasks(q))

    def meetings(self, *, person: Optional[str] = None, account: Optional[str] = None,
                 since: Optional[_dt.date] = None, until: Optional[_dt.date] = None,
                 include_duplicates: bool = False, limit: int = 0) -> Results[Meeting]:
        """Meetings, oldest first; ``since``/``until`` are inclusive dates."""
        q = _notestore._MeetingQuery()
        q.person = person or ""
        q.account = account or ""
        q.from_ = _date("since", since)
        q.to = _date("until", until)
        q.include_duplicates = include_duplicates
        q.limit = limit
        return Results(self._store.meetings(q))

    def decisions(self, *, account: Optional[str] = None, person: Optional[str] = None,
                  since: Optional[_dt.date] = None, until: Optional[_dt.date] = None,
                  include_duplicates: bool = False, limit: int = 0) -> Results[Decision]:
        """Decisions, oldest first (undated last)."""
        q = _notestore._DecisionQuery()
        q.account = account or ""
        q.person = person or ""
        q.from_ = _date("since", since)
        q.to = _date("until", until)
        q.include_duplicates = include_duplicates
        q.limit = limit
        return Results(self._store.decisions(q))

    def facts(self, kind: Optional[str] = None) -> Results[Fact]:
        """Facts of one kind (fact, blocker, opportunity, risk, question, requirement) or all."""
        return Results(self._store.facts(kind or ""))

    def people(self) -> Results[Person]:
        return Results(self._store.people())

    def accounts(self) -> Results[Account]:
        return Results(self._store.accounts())

    def duplicates(self, kind: Optional[str] = None) -> Results[DuplicateGroup]:
        """Groups of repeated meetings, tasks or decisions (``kind``), with similarities."""
        return Results(self._store.duplicates(kind or ""))

    def diagnostics(self, min_severity: Union[str, Severity] = "info") -> Results[Diagnostic]:
        return Results(self._store.diagnostics(str(Severity(min_severity))))

    def person(self, name: str, limit: int = 0) -> PersonProfile:
        """A person with their meetings, open tasks, accounts and notes; at most ``limit``
        of each (the latest meetings, the soonest tasks, the newest notes), 0 for all."""
        return self._store.person(name, limit)

    def account(self, name: str, limit: int = 0) -> AccountProfile:
        """An account with its people, meetings, decisions, open tasks and facts; at most
        ``limit`` of each, 0 for all."""
        return self._store.account(name, limit)

    def note(self, path: str) -> NoteDetail:
        """A note (path, ".md" optional, or a unique title) with everything in it."""
        return self._store.note(path)

    def links(self, path: str) -> Results[Link]:
        """Links in the note."""
        return Results(self._store.links_from(path))

    def backlinks(self, path: str) -> Results[Link]:
        """Links from other notes to the note."""
        return Results(self._store.backlinks(path))

    def search(self, query: str, kind: Union[None, str, SearchKind, Iterable[Union[str, SearchKind]]] = None,
               limit: int = 20, *, offset: int = 0, since: Optional[_dt.date] = None,
               until: Optional[_dt.date] = None, account: Optional[str] = None,
               group_by_note: bool = True, include_duplicates: bool = False,
               raw: bool = False, highlight: Sequence[str] = ("[", "]"),
               max_ranked: int = 500) -> Results[SearchHit]:
        """Full-text search (BM25), best first. Plain words, "phrases", prefix*,
        AND/OR/NOT. Raises ``QueryError`` for malformed operators. A query matching more
        than ``max_ranked`` rows ranks the newest of them (0: rank all)."""
        o = _notestore._SearchOptions()
        o.kinds = _list(kind)
        o.limit = limit
        o.offset = offset
        o.from_ = _date("since", since)
        o.to = _date("until", until)
        o.account = account or ""
        o.group_by_note = group_by_note
        o.include_duplicates = include_duplicates
        o.raw = raw
        o.max_ranked = max_ranked
        o.highlight_open, o.highlight_close = highlight
        return Results(self._store.search(query, o))

    def dataview(self, query: str, note: Optional[str] = None) -> Dict[str, Any]:
        """Runs a Dataview query (LIST, TABLE or TASK; docs/dataview.md) as if written in
        ``note`` (a path or a note's name), which ``this`` and ``[[]]`` refer to. Returns a
        dict: ``type`` ("list", "table", "task"), ``columns`` and ``rows`` (cells as
        Markdown), ``task_groups`` (``heading`` and ``tasks``: path, line, status, text),
        ``markdown`` (the whole result) and ``from_sql``. Raises ``QueryError`` saying where
        a query is malformed or which feature is unsupported."""
        return self._store.dataview(query, note or "")

    def render(self, path: str) -> str:
        """The note at ``path`` with each ``dataview`` block replaced by its result."""
        return self._store.render(path)
