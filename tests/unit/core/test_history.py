from pathlib import Path

from app.core.history import History


def test_pending_send_left_by_a_crash_becomes_unknown(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    history = History(path)
    done = history.start(
        profile="p", kind="send", request={"touser": "o1"}, target="o1", client_msg_id="m1"
    )
    history.finish(done, outcome="ok", code="0", response='{"errcode":0}')
    crashed = history.start(profile="p", kind="send", request={"touser": "o2"}, target="o2")
    history.close()  # the process dies before finish()

    reopened = History(path)
    assert reopened.get(done).outcome == "ok"
    assert reopened.get(crashed).outcome == "unknown"
    reopened.close()


def test_recent_filters_and_clear_per_profile(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    for profile, kind in [("a", "qr"), ("a", "send"), ("b", "qr")]:
        event = history.start(profile=profile, kind=kind, request={})
        history.finish(event, outcome="ok")
    assert [e.kind for e in history.recent(profile="a")] == ["send", "qr"]
    assert len(history.recent(kind="qr")) == 2
    assert history.clear("a") == 2
    assert [e.profile for e in history.recent()] == ["b"]
    assert history._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_version_1_database_keeps_its_rows_and_gains_the_chinese_reason(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "h.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT, ts REAL NOT NULL, profile TEXT NOT NULL,
            kind TEXT NOT NULL, target TEXT NOT NULL DEFAULT '',
            template_id TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL DEFAULT '',
            request TEXT NOT NULL DEFAULT '{}', response TEXT NOT NULL DEFAULT '',
            code TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL,
            error TEXT NOT NULL DEFAULT '', duration_ms INTEGER NOT NULL DEFAULT 0,
            client_msg_id TEXT NOT NULL DEFAULT ''
        );
        INSERT INTO events (ts, profile, kind, target, outcome, error)
        VALUES (1.0, 'p', 'qr', 'o1', 'error', 'connection timed out');
        PRAGMA user_version=1;
        """
    )
    old.close()

    history = History(path)
    (kept,) = history.recent()
    # No Chinese was recorded before version 2: the English stands in.
    assert (kept.target, kept.error_in("zh")) == ("o1", "connection timed out")
    new = history.start(profile="p", kind="qr", request={}, target="o2")
    history.finish(new, outcome="error", error="connection timed out", error_zh="连接超时")
    assert history.get(new).error_in("zh") == "连接超时"
    assert history.get(new).error_in("en") == "connection timed out"
    assert [e.target for e in history.search("连接超时")] == ["o2"]
    history.close()
