"""Every QR request and every send, recorded in SQLite (WAL) in the data home.

A send is written as ``pending`` before it goes out and finished afterwards; a ``pending`` row
left by a crash is marked ``unknown`` at the next open, so history never claims a send
succeeded or failed when nobody knows. Requests are stored without the secret (it never leaves
the signing step) and with the token masked.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from app.core.lang import pick

Kind = Literal["qr", "send"]
Outcome = Literal["ok", "refused", "error", "unknown", "pending"]

SCHEMA_VERSION = 2  # 2 added error_zh
_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    profile TEXT NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    template_id TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL DEFAULT '',
    request TEXT NOT NULL DEFAULT '{}',
    response TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    duration_ms INTEGER NOT NULL DEFAULT 0,
    client_msg_id TEXT NOT NULL DEFAULT '',
    error_zh TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS events_ts ON events(ts DESC);
CREATE INDEX IF NOT EXISTS events_profile ON events(profile, ts DESC);
"""


@dataclass(frozen=True)
class Event:
    id: int
    ts: float
    profile: str
    kind: str
    target: str
    template_id: str
    channel: str
    request: dict[str, Any]
    response: str
    code: str
    outcome: str
    error: str
    duration_ms: int
    client_msg_id: str
    error_zh: str = ""

    def error_in(self, lang: str) -> str:
        """The failure in ``lang`` (Chinese where it was recorded, else English)."""
        return pick(lang, self.error, self.error_zh)


class History:
    """A thread-safe handle on the history database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=5.0, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(events)")}
        if "error_zh" not in columns:  # a version 1 database: keep its rows
            self._db.execute("ALTER TABLE events ADD COLUMN error_zh TEXT NOT NULL DEFAULT ''")
        self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        self._db.execute("UPDATE events SET outcome='unknown' WHERE outcome='pending'")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def start(
        self,
        *,
        profile: str,
        kind: Kind,
        request: dict[str, Any],
        target: str = "",
        template_id: str = "",
        channel: str = "",
        client_msg_id: str = "",
    ) -> int:
        """Record an exchange about to happen (outcome ``pending``); returns its id."""
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO events (ts, profile, kind, target, template_id, channel, request,"
                " outcome, client_msg_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
                (
                    time.time(),
                    profile,
                    kind,
                    target,
                    template_id,
                    channel,
                    json.dumps(request, ensure_ascii=False),
                    client_msg_id,
                ),
            )
            return int(cur.lastrowid or 0)

    def finish(
        self,
        event_id: int,
        *,
        outcome: Outcome,
        response: str = "",
        code: str = "",
        error: str = "",
        error_zh: str = "",
        duration: float = 0.0,
    ) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE events SET outcome=?, response=?, code=?, error=?, error_zh=?,"
                " duration_ms=? WHERE id=?",
                (outcome, response, code, error, error_zh, int(duration * 1000), event_id),
            )

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
        """Newest first; ``text`` matches openId, template, channel, code, error and bodies."""
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (("profile", profile), ("kind", kind), ("outcome", outcome)):
            if value:
                clauses.append(f"{column}=?")
                params.append(value)
        if since is not None:
            clauses.append("ts>=?")
            params.append(since)
        if until is not None:
            clauses.append("ts<?")
            params.append(until)
        if text.strip():
            like = (
                "%"
                + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%"
            )
            fields = (
                "target",
                "template_id",
                "channel",
                "code",
                "error",
                "error_zh",
                "request",
                "response",
            )
            clauses.append("(" + " OR ".join(f"{f} LIKE ? ESCAPE '\\'" for f in fields) + ")")
            params.extend([like] * len(fields))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._lock:
            rows = self._db.execute(
                f"SELECT * FROM events {where} ORDER BY id DESC LIMIT ?", (*params, limit)
            ).fetchall()
        return [_event(row) for row in rows]

    def profiles(self) -> list[str]:
        with self._lock:
            rows = self._db.execute("SELECT DISTINCT profile FROM events ORDER BY profile")
            return [r[0] for r in rows.fetchall()]

    def get(self, event_id: int) -> Event | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM events WHERE id=?", (event_id,)).fetchone()
        return _event(row) if row else None

    def clear(self, profile: str) -> int:
        with self._tx() as db:
            return db.execute("DELETE FROM events WHERE profile=?", (profile,)).rowcount


def _event(row: tuple[Any, ...]) -> Event:
    try:
        request = json.loads(row[7])
    except json.JSONDecodeError:
        request = {}
    return Event(
        id=row[0],
        ts=row[1],
        profile=row[2],
        kind=row[3],
        target=row[4],
        template_id=row[5],
        channel=row[6],
        request=request if isinstance(request, dict) else {},
        response=row[8],
        code=row[9],
        outcome=row[10],
        error=row[11],
        duration_ms=row[12],
        client_msg_id=row[13],
        error_zh=row[14],
    )


EXPORT_COLUMNS = (
    "id",
    "time",
    "profile",
    "kind",
    "openId",
    "template_id",
    "channel",
    "outcome",
    "code",
    "error",
    "duration_ms",
    "client_msg_id",
    "request",
    "response",
)


def export_csv(events: list[Event], path: Path) -> None:
    """Write events as CSV (UTF-8 with BOM so Excel opens Chinese text), atomically."""
    import csv
    import datetime as dt
    import io

    from app.core.paths import atomic_write

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for e in events:
        when = dt.datetime.fromtimestamp(e.ts).isoformat(timespec="seconds")
        writer.writerow(
            (
                e.id,
                when,
                e.profile,
                e.kind,
                e.target,
                e.template_id,
                e.channel,
                e.outcome,
                e.code,
                e.error,
                e.duration_ms,
                e.client_msg_id,
                json.dumps(e.request, ensure_ascii=False),
                e.response,
            )
        )
    atomic_write(path, ("\ufeff" + out.getvalue()).encode("utf-8"))
