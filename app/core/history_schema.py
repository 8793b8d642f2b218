"""The history database's schema, its search index, and the upgrades from older versions.

Versions: 1 the first; 2 added ``error_zh``; 3 keeps each failure as a catalogue key with its
parameters (``error_key``, ``error_params``) instead of English and Chinese prose, keeps the
typed request's fields beside the wire body (``fields``), the id of the process that owns a
``pending`` row (``owner``), and a trigram full-text index over the searchable columns.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from typing import Any
from urllib.parse import parse_qsl, urlencode

SCHEMA_VERSION = 3
DAY = 86400.0
DEFAULT_RETENTION_DAYS = 365
LEGACY_ERROR_KEY = "history.recorded"  # a failure recorded as prose before version 3

_COLUMNS = (
    "id INTEGER PRIMARY KEY AUTOINCREMENT",
    "ts REAL NOT NULL",
    "profile TEXT NOT NULL",
    "kind TEXT NOT NULL",
    "target TEXT NOT NULL DEFAULT ''",
    "template_id TEXT NOT NULL DEFAULT ''",
    "channel TEXT NOT NULL DEFAULT ''",
    "request TEXT NOT NULL DEFAULT '{}'",
    "fields TEXT NOT NULL DEFAULT '{}'",
    "response TEXT NOT NULL DEFAULT ''",
    "code TEXT NOT NULL DEFAULT ''",
    "outcome TEXT NOT NULL",
    "error_key TEXT NOT NULL DEFAULT ''",
    "error_params TEXT NOT NULL DEFAULT '{}'",
    "duration_ms INTEGER NOT NULL DEFAULT 0",
    "client_msg_id TEXT NOT NULL DEFAULT ''",
    "words TEXT NOT NULL DEFAULT ''",
    "owner INTEGER NOT NULL DEFAULT 0",
)
COLUMN_NAMES = tuple(c.split()[0] for c in _COLUMNS)


def search_expression(row: str) -> str:
    """The text the index holds for a row (``new`` or ``old`` in a trigger), newline-joined so a
    search (which never holds a newline) cannot match across two columns."""
    parts = ("target", "template_id", "channel", "code", "client_msg_id", "error_key", "words")
    return " || char(10) || ".join(f"{row}.{p}" for p in parts)


SCHEMA = f"""
CREATE TABLE events ({", ".join(_COLUMNS)});
CREATE INDEX events_ts ON events(ts);
CREATE INDEX events_profile ON events(profile, id);
CREATE INDEX events_pending ON events(owner) WHERE outcome='pending';
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIEW events_search (id, search) AS SELECT id, {search_expression("events")} FROM events;
CREATE VIRTUAL TABLE events_fts USING fts5(
    search, content='events_search', content_rowid='id', tokenize='trigram', detail='none'
);
CREATE TRIGGER events_added AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, search) VALUES (new.id, {search_expression("new")});
END;
CREATE TRIGGER events_removed AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, search)
    VALUES ('delete', old.id, {search_expression("old")});
END;
CREATE TRIGGER events_changed AFTER UPDATE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, search)
    VALUES ('delete', old.id, {search_expression("old")});
    INSERT INTO events_fts(rowid, search) VALUES (new.id, {search_expression("new")});
END;
PRAGMA user_version={SCHEMA_VERSION};
"""


def create_or_upgrade(db: sqlite3.Connection) -> None:
    """Bring the database to :data:`SCHEMA_VERSION`; call inside a write transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "events" not in tables:
        _run(db, SCHEMA)
        return
    if version >= SCHEMA_VERSION:
        return
    db.execute("ALTER TABLE events RENAME TO events_old")
    for name in ("events_ts", "events_profile"):
        db.execute(f"DROP INDEX IF EXISTS {name}")
    _run(db, SCHEMA)
    old_columns = {r[1] for r in db.execute("PRAGMA table_info(events_old)")}
    rows = db.execute("SELECT * FROM events_old ORDER BY id")
    names = [d[0] for d in rows.description]
    placeholders = ", ".join("?" for _ in COLUMN_NAMES)
    insert = f"INSERT INTO events ({', '.join(COLUMN_NAMES)}) VALUES ({placeholders})"
    while batch := rows.fetchmany(1000):
        converted = [_upgraded(dict(zip(names, row, strict=True)), old_columns) for row in batch]
        db.executemany(insert, converted)
    db.execute("DROP TABLE events_old")


def _run(db: sqlite3.Connection, script: str) -> None:
    # executescript would commit the caller's transaction; run the statements one by one.
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


def _upgraded(old: dict[str, Any], old_columns: set[str]) -> tuple[Any, ...]:
    """A version 1 or 2 row as a version 3 row: prose kept as parameters, fields from the body."""
    error_en = str(old.get("error") or "")
    error_zh = str(old.get("error_zh") or "") if "error_zh" in old_columns else ""
    error_key, params = "", {}
    if error_en or error_zh:
        error_key = LEGACY_ERROR_KEY
        params = {"en": error_en or error_zh, "zh": error_zh or error_en}
    try:
        body = json.loads(old.get("request") or "{}")
    except json.JSONDecodeError:
        body = {}
    body = body if isinstance(body, dict) else {}
    kind = str(old["kind"])
    fields = pack_fields(kind, legacy_fields(kind, body))
    values = {
        **{k: old[k] for k in COLUMN_NAMES if k in old},
        "request": "",
        "fields": json.dumps(fields, ensure_ascii=False, separators=(",", ":")),
        "error_key": error_key,
        "error_params": json.dumps(params, ensure_ascii=False, separators=(",", ":")),
        "words": words_of(body, params),
        "owner": 0,
    }
    defaults = {"fields": "{}", "error_params": "{}", "words": "", "owner": 0}
    return tuple(values.get(name, defaults.get(name, "")) for name in COLUMN_NAMES)


def legacy_fields(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    """The typed request's fields recovered from a wire body recorded before version 3."""
    if kind == "qr":
        call_times = body.get("callTimes", -1)
        return {
            "sdk_app_id": str(body.get("sdkAppId", "")),
            "offi_account_id": str(body.get("offiAccountId", "")),
            "open_id": str(body.get("offiAccountOpenId", "")),
            "call_times": call_times if isinstance(call_times, int) else -1,
            "custom_channel": str(body.get("customChannel", "")),
        }
    raw_data = body.get("data")
    data = {}
    for key, entry in (raw_data if isinstance(raw_data, dict) else {}).items():
        entry = entry if isinstance(entry, dict) else {}
        data[str(key)] = {
            "value": str(entry.get("value", "")),
            "color": str(entry.get("color", "")),
        }
    mini = body.get("miniprogram")
    miniprogram = None
    if isinstance(mini, dict):
        agent, group = str(mini.get("agent_id", "")), str(mini.get("group_id", ""))
        miniprogram = {
            "appid": str(mini.get("appid", "")),
            "pagepath": pagepath_as_typed(str(mini.get("pagepath", "")), agent, group),
            "agent_id": agent,
            "group_id": group,
        }
    return {
        "touser": str(body.get("touser", "")),
        "template_id": str(body.get("template_id", "")),
        "data": data,
        "url": str(body.get("url", "")),
        "miniprogram": miniprogram,
        "client_msg_id": str(body.get("client_msg_id", "")),
    }


def pagepath_as_typed(pagepath: str, agent: str, group: str) -> str:
    """A recorded pagepath without the agent_id/group_id the body builder appended to it
    (``pages/i?x=1&agent_id=12`` with agent 12 → ``pages/i?x=1``), for Use again."""
    path, _, query = pagepath.partition("?")
    kept = [
        (k, v)
        for k, v in parse_qsl(query, keep_blank_values=True)
        if not ((k == "agent_id" and v == agent) or (k == "group_id" and v == group))
    ]
    return f"{path}?{urlencode(kept)}" if kept else path


# Fields that repeat a column are stored once, in the column.
_ECHOED = {
    "qr": {"open_id": "target", "custom_channel": "channel"},
    "send": {"touser": "target", "template_id": "template_id", "client_msg_id": "client_msg_id"},
}


def pack_fields(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` without what the row's columns hold and without empty values (a year of
    rows is a million of them)."""
    echoed = _ECHOED.get(kind, {})
    packed: dict[str, Any] = {}
    for key, value in fields.items():
        if key in echoed or value in ("", None):
            continue
        if isinstance(value, dict):
            value = {
                k: ({kk: vv for kk, vv in v.items() if vv != ""} if isinstance(v, dict) else v)
                for k, v in value.items()
                if v != ""
            }
        packed[key] = value
    return packed


def unpack_fields(kind: str, packed: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """The fields :func:`pack_fields` kept, with the echoed ones back from ``row``."""
    if not packed and kind == "send" and row.get("request"):
        return {}  # a send typed as raw JSON: only its body was recorded
    return {**{key: row[column] for key, column in _ECHOED.get(kind, {}).items()}, **packed}


def words_of(body: dict[str, Any], params: dict[str, Any]) -> str:
    """Searchable text beyond the columns: the message's field values, the failure's parameters."""
    words: list[str] = []
    data = body.get("data")
    if isinstance(data, dict):
        for entry in data.values():
            if isinstance(entry, dict) and entry.get("value") not in (None, ""):
                words.append(str(entry["value"]))
    words.extend(str(v) for v in params.values() if v not in (None, ""))
    return "\n".join(w.replace("\n", " ") for w in words)


def retention_of(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT value FROM settings WHERE key='retention_days'").fetchone()
    try:
        return int(row[0]) if row else DEFAULT_RETENTION_DAYS
    except ValueError:
        return DEFAULT_RETENTION_DAYS


def prune(db: sqlite3.Connection, now: float, days: int, limit: int) -> int:
    if days <= 0:
        return 0
    return int(
        db.execute(
            "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE ts<? ORDER BY ts LIMIT ?)",
            (now - days * DAY, limit),
        ).rowcount
    )


def _alive(pid: int, ts: float) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name != "posix":  # no safe liveness probe: a send cannot outlast 10 minutes
        return time.time() - ts < 600
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def settle_pending(db: sqlite3.Connection) -> None:
    """Mark ``unknown`` the pending rows whose process is gone."""
    rows = db.execute("SELECT id, owner, ts FROM events WHERE outcome='pending'").fetchall()
    orphans = [(event_id,) for event_id, owner, ts in rows if not _alive(owner, ts)]
    if orphans:
        db.executemany("UPDATE events SET outcome='unknown' WHERE id=?", orphans)
