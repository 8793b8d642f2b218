"""Every QR request and every send, recorded in SQLite (WAL) in the data home.

A send is written as ``pending`` before it goes out and finished afterwards. A ``pending`` row
whose process is gone (a crash, a closed handle) is marked ``unknown``, so history never claims
a send succeeded or failed when nobody knows; another running copy's sends stay ``pending``.
A failure is kept as a catalogue key with its parameters, so an old row reads in either
language; the typed request's fields are kept beside the wire body, for "Use again".

Search goes through a trigram full-text index (openIds, template ids, Chinese text: any
substring of three characters or more). Rows older than the retention (one year unless set)
are deleted a batch at each open and wholly by :meth:`History.clean_up`, which also vacuums.

A damaged database file is moved aside (``history.damaged-<time>.sqlite3``) and a fresh one
started; :attr:`History.recovered_to` says where the old one went. A data home that cannot be
written leaves the handle without a database: :meth:`History.start` raises
:class:`HistoryUnavailable` (a send must not go out unrecorded) and the QR path records nothing.
The files are the user's only (0600 in a 0700 folder): they hold customers' openIds.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, TypeVar

from app.core.errors import RecallError
from app.core.history_event import EXPORT_COLUMNS, Event, event_from_row, export_csv, to_json
from app.core.history_file import Damaged as _Damaged
from app.core.history_file import check_whole_and_settled
from app.core.history_schema import (
    COLUMN_NAMES,
    DAY,
    DEFAULT_RETENTION_DAYS,
    create_or_upgrade,
    pack_fields,
    prune,
    retention_of,
    search_expression,
    settle_pending,
    words_of,
)
from app.core.paths import private_dir, private_file

log = logging.getLogger(__name__)
__all__ = [
    "DAY",
    "DEFAULT_RETENTION_DAYS",
    "EXPORT_COLUMNS",
    "Event",
    "History",
    "HistoryUnavailable",
    "export_csv",
]

Kind = Literal["qr", "send"]
Outcome = Literal["ok", "refused", "error", "unknown", "pending"]
T = TypeVar("T")

PRUNE_BATCH = 5000  # rows deleted per transaction (and per open)
BUSY_TIMEOUT = 10.0  # seconds a writer waits for another copy of the app
_SUFFIXES = ("", "-wal", "-shm")
_CORRUPT = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
_FULL = (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR)
_READ_ONLY = (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM)


class HistoryUnavailable(RecallError):
    """The history database cannot be written: ``history.read_only``, ``history.full``,
    ``history.busy`` or ``history.unavailable`` (``path``; sqlite's or the OS's text in
    ``detail``)."""


class History:
    """A thread-safe handle on the history database; never raises on construction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.recovered_to: Path | None = None
        self.problem: HistoryUnavailable | None = None
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        self._mine: set[int] = set()
        try:
            self._run(lambda db: None)
        except HistoryUnavailable:
            pass  # kept in self.problem; retried at the next call

    # -- opening, recovering -------------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self._db = self._open()
            except _Damaged:
                self._move_aside()
                self._db = self._open()
            self.problem = None
        return self._db

    def _open(self) -> sqlite3.Connection:
        try:
            private_dir(self.path.parent)
            private_file(self.path)
            check_whole_and_settled(self.path)
            db = sqlite3.connect(
                self.path, check_same_thread=False, timeout=BUSY_TIMEOUT, isolation_level=None
            )
        except OSError as exc:
            raise self._unavailable(exc) from exc
        except sqlite3.DatabaseError as exc:
            raise self._classified(exc) from exc
        try:
            _set_wal(db)
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                create_or_upgrade(db)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            settle_pending(db)
            prune(db, time.time(), retention_of(db), PRUNE_BATCH)
        except sqlite3.DatabaseError as exc:
            db.close()
            raise self._classified(exc) from exc
        except BaseException:
            db.close()
            raise
        for suffix in _SUFFIXES:
            sibling = self.path.with_name(self.path.name + suffix)
            if sibling.exists():
                sibling.chmod(0o600)
        return db

    def _classified(self, exc: sqlite3.DatabaseError) -> Exception:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in _CORRUPT:
            return _Damaged(str(exc))
        return self._unavailable(exc)

    def _unavailable(self, exc: BaseException) -> HistoryUnavailable:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        errno = getattr(exc, "errno", None)
        if code in _FULL or errno in (28, 27):  # ENOSPC, EFBIG
            key = "history.full"
        elif code in _READ_ONLY or errno in (13, 1, 30):  # EACCES, EPERM, EROFS
            key = "history.read_only"
        elif code == sqlite3.SQLITE_BUSY:
            key = "history.busy"
        else:
            key = "history.unavailable"
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        self.problem = HistoryUnavailable(key, path=str(self.path), detail=reason)
        log.warning("history %s: %s", key, reason)
        return self.problem

    def _move_aside(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}-{n}{self.path.suffix}")
        try:
            os.replace(self.path, target)
            wal = self.path.with_name(self.path.name + "-wal")
            if wal.exists():
                os.replace(wal, target.with_name(target.name + "-wal"))
            self.path.with_name(self.path.name + "-shm").unlink(missing_ok=True)
        except OSError as exc:
            raise self._unavailable(exc) from exc
        self.recovered_to = target
        log.warning("history database was damaged; moved to %s, a new one started", target)

    def _run(self, work: Callable[[sqlite3.Connection], T], *, write: bool = False) -> T:
        """``work`` on the connection (in a write transaction if ``write``), recovering once
        from a damaged file; anything else that stops it is :class:`HistoryUnavailable`."""
        with self._lock:
            for attempt in (1, 2):
                try:
                    db = self._connection()
                except _Damaged:
                    raise self._unavailable(RuntimeError("damaged twice")) from None
                try:
                    if not write:
                        return work(db)
                    db.execute("BEGIN IMMEDIATE")
                    try:
                        result = work(db)
                        db.execute("COMMIT")
                        return result
                    except BaseException:
                        if db.in_transaction:
                            db.execute("ROLLBACK")
                        raise
                except sqlite3.DatabaseError as exc:
                    problem = self._classified(exc)
                    if isinstance(problem, _Damaged) and attempt == 1:
                        self._move_aside()
                        continue
                    raise problem from exc
            raise AssertionError("unreachable")

    def close(self) -> None:
        """Close; this handle's sends still ``pending`` become ``unknown`` (nobody will finish
        them)."""
        with self._lock:
            if self._db is None:
                return
            if self._mine:
                try:
                    marks = ",".join("?" * len(self._mine))
                    self._db.execute(
                        f"UPDATE events SET outcome='unknown' WHERE outcome='pending' "
                        f"AND id IN ({marks})",
                        tuple(self._mine),
                    )
                except sqlite3.Error:
                    pass  # left pending: the next open marks them unknown
            self._db.close()
            self._db = None

    # -- recording -------------------------------------------------------------------------------
    def start(
        self,
        *,
        profile: str,
        kind: Kind,
        request: dict[str, Any],
        fields: dict[str, Any] | None = None,
        target: str = "",
        template_id: str = "",
        channel: str = "",
        client_msg_id: str = "",
    ) -> int:
        """Record an exchange about to happen (outcome ``pending``); returns its id.

        Args:
            request: the wire body that goes out.
            fields: the typed request's fields (``dataclasses.asdict``), for Use again.

        Raises:
            HistoryUnavailable: the row could not be written.
        """
        row = (
            time.time(),
            profile,
            kind,
            target,
            template_id,
            channel,
            "" if fields else to_json(request),
            to_json(pack_fields(kind, fields or {})),
            client_msg_id,
            words_of(request, {}),
            os.getpid(),
        )

        def insert(db: sqlite3.Connection) -> int:
            cur = db.execute(
                "INSERT INTO events (ts, profile, kind, target, template_id, channel, request,"
                " fields, outcome, client_msg_id, words, owner)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
                row,
            )
            return int(cur.lastrowid or 0)

        event_id = self._run(insert, write=True)
        self._mine.add(event_id)
        return event_id

    def finish(
        self,
        event_id: int,
        *,
        outcome: Outcome,
        response: str = "",
        code: str = "",
        error_key: str = "",
        error_params: dict[str, Any] | None = None,
        duration: float = 0.0,
    ) -> None:
        """Record how a started exchange ended.

        Raises:
            HistoryUnavailable: the outcome could not be written (the row stays ``pending``
            and becomes ``unknown`` later).
        """
        params = error_params or {}
        extra = words_of({}, {"code": code, **params}) if error_key else ""
        self._run(
            lambda db: db.execute(
                "UPDATE events SET outcome=?, response=?, code=?, error_key=?, error_params=?,"
                " duration_ms=?, words=words || char(10) || ? WHERE id=?",
                (
                    outcome,
                    response,
                    code,
                    error_key,
                    to_json(params),
                    int(duration * 1000),
                    extra,
                    event_id,
                ),
            ),
            write=True,
        )
        self._mine.discard(event_id)

    # -- reading --------------------------------------------------------------------------------
    def recent(
        self, limit: int = 200, *, profile: str | None = None, kind: str | None = None
    ) -> list[Event]:
        """The newest events, optionally of one profile or kind."""
        return self.search(profile=profile or "", kind=kind or "", limit=limit)

    def search(
        self,
        text: str = "",
        *,
        profile: str = "",
        kind: str = "",
        outcome: str = "",
        since: float | None = None,
        until: float | None = None,
        limit: int = 1000,
    ) -> list[Event]:
        """Newest first. ``text`` matches any part of openId, template id, channel, code,
        client_msg_id, failure (key and parameters) and the message's field values,
        ignoring case; three characters or more use the index."""
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (("profile", profile), ("kind", kind), ("outcome", outcome)):
            if value:
                clauses.append(f"e.{column}=?")
                params.append(value)
        if since is not None:
            clauses.append("e.ts>=?")
            params.append(since)
        if until is not None:
            clauses.append("e.ts<?")
            params.append(until)
        needle = text.strip().replace("\n", " ")
        source = "events e"
        order = "e.id"
        if needle:
            clauses.append(f"instr(lower({search_expression('e')}), lower(?)) > 0")
            params.append(needle)
            if len(needle) >= 3:
                source = "events_fts f CROSS JOIN events e ON e.id = f.rowid"  # the index leads
                order = "f.rowid"
                clauses.insert(0, "f.search LIKE ?")
                params.insert(0, f"%{needle}%")
        if since is not None:
            # Ids grow with time: the period's first id bounds the walk through the index.
            first = self._run(
                lambda db: db.execute(
                    "SELECT id FROM events WHERE ts>=? ORDER BY ts LIMIT 1", (since,)
                ).fetchone()
            )
            clauses.append(f"{order} >= ?")
            params.append(first[0] if first else 1 << 62)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        columns = ", ".join(f"e.{c}" for c in COLUMN_NAMES)
        sql = f"SELECT {columns} FROM {source} {where} ORDER BY {order} DESC LIMIT ?"
        rows = self._run(lambda db: db.execute(sql, (*params, limit)).fetchall())
        return [event_from_row(row) for row in rows]

    def profiles(self) -> list[str]:
        """Profile names with history (an index skip-scan: fast on a million rows)."""
        sql = (
            "WITH RECURSIVE p(name) AS (SELECT min(profile) FROM events UNION ALL"
            " SELECT (SELECT min(profile) FROM events WHERE profile > p.name) FROM p"
            " WHERE p.name IS NOT NULL) SELECT name FROM p WHERE name IS NOT NULL"
        )
        return [r[0] for r in self._run(lambda db: db.execute(sql).fetchall())]

    def get(self, event_id: int) -> Event | None:
        columns = ", ".join(COLUMN_NAMES)
        row = self._run(
            lambda db: db.execute(
                f"SELECT {columns} FROM events WHERE id=?", (event_id,)
            ).fetchone()
        )
        return event_from_row(row) if row else None

    def clear(self, profile: str) -> int:
        return int(
            self._run(
                lambda db: db.execute("DELETE FROM events WHERE profile=?", (profile,)).rowcount,
                write=True,
            )
        )

    # -- retention ------------------------------------------------------------------------------
    @property
    def retention_days(self) -> int:
        """Days a row is kept; 0 keeps every row."""
        return self._run(retention_of)

    def set_retention_days(self, days: int) -> None:
        if days < 0:
            raise ValueError("retention must be 0 (keep all) or a number of days")
        self._run(
            lambda db: db.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('retention_days', ?)",
                (str(int(days)),),
            ),
            write=True,
        )

    def size_bytes(self) -> int:
        """The database's size on disk (with its write-ahead log)."""
        total = 0
        for suffix in ("", "-wal"):
            try:
                total += self.path.with_name(self.path.name + suffix).stat().st_size
            except OSError:
                pass
        return total

    def clean_up(self, now: float | None = None) -> tuple[int, int, int]:
        """Delete every row past the retention, then compact the file (slow on a big
        database: call it off the GUI thread). Returns (rows deleted, bytes before, after)."""
        before = self.size_bytes()
        deleted = 0
        with self._lock:
            moment = time.time() if now is None else now
            while True:
                batch = self._run(
                    lambda db: prune(db, moment, retention_of(db), PRUNE_BATCH), write=True
                )
                deleted += batch
                if batch < PRUNE_BATCH:
                    break

            def compact(db: sqlite3.Connection) -> None:
                db.execute("INSERT INTO events_fts(events_fts) VALUES ('optimize')")
                db.execute("VACUUM")
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

            self._run(compact)
        return deleted, before, self.size_bytes()


def _set_wal(db: sqlite3.Connection) -> None:
    """WAL mode, waiting out a second copy that sets it up at the same moment: switching the
    journal answers "database is locked" at once, without SQLite's busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
