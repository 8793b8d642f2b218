"""The history file read and changed with sqlite3's own connection, as any SQLite client could."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def sql(path: Path, statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run one statement on the database at ``path`` in a connection of its own; its rows."""
    db = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        return db.execute(statement, params).fetchall()
    finally:
        db.close()


def backdate(path: Path, event_id: int, ts: float) -> None:
    """Give event ``event_id`` the time ``ts`` (seconds since the epoch)."""
    sql(path, "UPDATE events SET ts=? WHERE id=?", (ts, event_id))
