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
