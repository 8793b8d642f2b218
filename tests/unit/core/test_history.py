"""History: pending rows, filters, schema upgrades, fields for Use again, search, retention."""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

from app.core.history import DAY, History
from app.core.messages import say
from app.core.middleware import FieldValue, MiniProgram, SendRequest, build_body
from app.core.udesk import QrRequest
from tests.helpers.database import backdate, sql

ROOT = Path(__file__).resolve().parents[3]

OLD_COLUMNS = """
    id INTEGER PRIMARY KEY AUTOINCREMENT, ts REAL NOT NULL, profile TEXT NOT NULL,
    kind TEXT NOT NULL, target TEXT NOT NULL DEFAULT '',
    template_id TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL DEFAULT '',
    request TEXT NOT NULL DEFAULT '{}', response TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL,
    error TEXT NOT NULL DEFAULT '', duration_ms INTEGER NOT NULL DEFAULT 0,
    client_msg_id TEXT NOT NULL DEFAULT ''
"""


def _failure(event, lang: str) -> str:
    return say(event.error_key, lang, **event.error_params)


def test_a_send_left_pending_by_a_killed_process_becomes_unknown(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from app.core.history import History\n"
        "h = History(Path(sys.argv[1]))\n"
        "done = h.start(profile='p', kind='send', request={'touser': 'o1'}, target='o1')\n"
        "h.finish(done, outcome='ok', code='0')\n"
        "h.start(profile='p', kind='send', request={'touser': 'o2'}, target='o2')\n"
        "os._exit(0)  # dies before finish()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, env=env, timeout=60)

    reopened = History(path)
    assert [(e.target, e.outcome) for e in reopened.recent()] == [("o2", "unknown"), ("o1", "ok")]
    reopened.close()


def test_another_running_copys_send_stays_pending_until_its_handle_closes(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    sender = History(path)
    in_flight = sender.start(profile="p", kind="send", request={}, target="o1")
    other = History(path)  # a second window opening meanwhile
    assert other.get(in_flight).outcome == "pending"
    sender.close()  # nobody can finish it any more
    assert other.get(in_flight).outcome == "unknown"
    other.close()


def test_recent_filters_and_clear_per_profile(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    for profile, kind in [("a", "qr"), ("a", "send"), ("b", "qr")]:
        event = history.start(profile=profile, kind=kind, request={})
        history.finish(event, outcome="ok")
    assert [e.kind for e in history.recent(profile="a")] == ["send", "qr"]
    assert len(history.recent(kind="qr")) == 2
    assert history.profiles() == ["a", "b"]
    assert history.clear("a") == 2
    assert [e.profile for e in history.recent()] == ["b"]
    assert sql(history.path, "PRAGMA journal_mode") == [("wal",)]


def test_a_failure_is_kept_as_a_key_and_reads_in_either_language(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    event = history.start(profile="p", kind="send", request={}, target="o1")
    history.finish(
        event,
        outcome="refused",
        code="43004",
        error_key="remote.refused",
        error_params={"code": 43004, "message": "require subscribe"},
    )
    history.close()
    row = sqlite3.connect(tmp_path / "h.sqlite3").execute("SELECT * FROM events").fetchone()
    assert not any(isinstance(v, str) and "refused with" in v for v in row)  # no prose stored
    (kept,) = History(tmp_path / "h.sqlite3").recent()
    assert _failure(kept, "en") == "refused with code 43004: require subscribe"
    assert _failure(kept, "zh") == "被拒绝，代码 43004：require subscribe"


def test_a_version_1_database_keeps_its_rows_readable_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        f"""
        CREATE TABLE events ({OLD_COLUMNS});
        INSERT INTO events (ts, profile, kind, target, outcome, error)
        VALUES ({time.time() - 60}, 'p', 'qr', 'o1', 'error', 'connection timed out');
        PRAGMA user_version=1;
        """
    )
    old.close()

    history = History(path)
    (kept,) = history.recent()
    # No Chinese was recorded before version 2: the English stands in.
    assert (kept.target, _failure(kept, "zh"), _failure(kept, "en")) == (
        "o1",
        "connection timed out",
        "connection timed out",
    )
    assert [e.target for e in history.search("timed out")] == ["o1"]
    history.close()


def test_a_version_2_database_upgrades_to_keys_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    body = {
        "touser": "oVer2",
        "template_id": "T1",
        "miniprogram": {
            "appid": "wx1",
            "pagepath": "pages/index?foo=bar&agent_id=12&group_id=3",
            "agent_id": "12",
            "group_id": "3",
        },
        "data": {"name3": {"value": "王小明", "color": "#173177"}},
        "client_msg_id": "m2",
    }
    qr_body = {"sdkAppId": "140", "offiAccountId": "gh1", "offiAccountOpenId": "oQr2",
               "callTimes": 3, "customChannel": "vip"}  # fmt: skip
    old = sqlite3.connect(path)
    old.executescript(
        f"""
        CREATE TABLE events ({OLD_COLUMNS}, error_zh TEXT NOT NULL DEFAULT '');
        CREATE INDEX events_ts ON events(ts DESC);
        CREATE INDEX events_profile ON events(profile, ts DESC);
        PRAGMA user_version=2;
        """
    )
    now = time.time()
    old.execute(
        "INSERT INTO events (ts, profile, kind, target, template_id, request, outcome, error,"
        " error_zh, client_msg_id) VALUES (?, 'p', 'send', 'oVer2', 'T1', ?, 'error', ?, ?, 'm2')",
        (now - 60, json.dumps(body, ensure_ascii=False), "connection timed out", "连接超时"),
    )
    old.execute(
        "INSERT INTO events (ts, profile, kind, target, channel, request, outcome)"
        " VALUES (?, 'p', 'qr', 'oQr2', 'vip', ?, 'pending')",
        (now - 30, json.dumps(qr_body)),
    )
    old.commit()
    old.close()

    history = History(path)
    qr, send = history.recent()
    assert qr.outcome == "unknown"  # nobody will finish a pending row of the old version
    assert qr.qr_request() == QrRequest("140", "gh1", "oQr2", 3, "vip")
    assert _failure(send, "zh") == "连接超时"
    assert _failure(send, "en") == "connection timed out"
    again = send.send_request()
    assert again is not None
    # Use again gets the pagepath as typed, without the ids the body builder appended.
    assert again.miniprogram == MiniProgram("wx1", "pages/index?foo=bar", "12", "3")
    assert again.data == {"name3": FieldValue("王小明", "#173177")}
    assert again.client_msg_id == "m2"
    assert send.request == body  # the wire body reads back the same
    assert [e.target for e in history.search("连接超时")] == ["oVer2"]
    assert sql(history.path, "PRAGMA user_version") == [(3,)]
    history.close()


def test_use_again_gets_the_typed_fields_back(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    send = SendRequest(
        touser="oFields",
        template_id="T9",
        data={"thing1": FieldValue("视频面签"), "time2": FieldValue("15:00", "#ff0000")},
        miniprogram=MiniProgram("wx9", "pages/call?x=1", agent_id="7"),
    )
    qr = QrRequest("140", "gh1", "oQrFields", -1, "")
    sent = history.start(
        profile="p",
        kind="send",
        request=build_body(send),
        fields=asdict(send),
        target=send.touser,
        template_id=send.template_id,
        client_msg_id=send.client_msg_id,
    )
    made = history.start(
        profile="p", kind="qr", request=qr.to_body(), fields=asdict(qr), target=qr.open_id
    )
    raw = {"touser": "oRaw", "template_id": "T1", "data": {}, "extra": 1}
    typed_as_json = history.start(profile="p", kind="send", request=raw, target="oRaw")
    assert history.get(sent).send_request() == send
    assert history.get(sent).request == build_body(send)
    assert history.get(made).qr_request() == qr
    # Use again reads an edited JSON body as the request it makes (keys it does not know aside)
    as_typed = SendRequest("oRaw", "T1", {}, client_msg_id="")
    assert history.get(typed_as_json).send_request() == as_typed
    assert history.get(typed_as_json).request == raw


def test_search_finds_any_part_of_the_searchable_columns(tmp_path: Path) -> None:
    history = History(tmp_path / "h.sqlite3")
    rows = [
        ("oAbCdEfGhIjK_1", "T_alpha", {"name3": {"value": "王小明"}}),
        ("oZz%9_underscore", "T_beta", {"name3": {"value": "李娜"}}),
    ]
    for target, template, data in rows:
        event = history.start(
            profile="p", kind="send", request={"data": data}, target=target, template_id=template
        )
        history.finish(event, outcome="ok", code="0")
    failed = history.start(profile="p", kind="qr", request={}, target="oQr", channel="store-7")
    history.finish(
        failed,
        outcome="refused",
        code="40013",
        error_key="remote.refused",
        error_params={"code": 40013, "message": "invalid appid hint: [Xy]"},
    )

    def found(text: str, **filters: object) -> list[str]:
        return [e.target for e in history.search(text, **filters)]  # type: ignore[arg-type]

    assert found("cdefgh") == ["oAbCdEfGhIjK_1"]  # any part, any case
    assert found("王小明") == ["oAbCdEfGhIjK_1"]  # the message's values
    assert found("小明") == ["oAbCdEfGhIjK_1"]  # two characters: no index, same answer
    assert found("%9_") == ["oZz%9_underscore"]  # LIKE's wildcards are plain characters
    assert found("_1") == ["oAbCdEfGhIjK_1"]
    assert found("invalid appid") == ["oQr"]  # the remote's message
    assert found("40013") == ["oQr"]
    assert found("store-7") == ["oQr"]
    assert found("T_", kind="send") == ["oZz%9_underscore", "oAbCdEfGhIjK_1"]
    assert found("T_ALPHA\n") == ["oAbCdEfGhIjK_1"]
    assert found("nothing-like-this") == []
    assert found("", outcome="refused") == ["oQr"]
    assert found("", since=time.time() + 60) == []


def _benchmark():  # the benchmark's row builder: the same rows the README's figures come from
    spec = importlib.util.spec_from_file_location(
        "history_benchmark", ROOT / "benchmarks/history.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_search_uses_the_trigram_index_and_stays_fast(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    sample = _benchmark().build(path, 10_000)
    history = History(path)
    open_id = sample["open_id"]
    statements: list[str] = []
    history._run(lambda db: db.set_trace_callback(statements.append))
    history.search(open_id[9:19], profile="shop-prod")
    history._run(lambda db: db.set_trace_callback(None))
    (search_sql,) = [s for s in statements if s.startswith("SELECT e.id")]
    plan = history._run(lambda db: db.execute("EXPLAIN QUERY PLAN " + search_sql).fetchall())
    assert "VIRTUAL TABLE INDEX" in plan[0][3]  # the trigram index leads, the table follows
    for text in (open_id, open_id[9:19], "43004", "王小明", sample["template"], "no-such-thing"):
        took = float("inf")
        for _ in range(5):  # best of five, in CPU time: the search, not a busy machine
            t0 = time.thread_time()
            found = history.search(text)
            took = min(took, time.thread_time() - t0)
        assert took < 0.05, (text, took)
        if text in (open_id, "no-such-thing"):  # rare: the index finds them without a scan
            assert took < 0.004, (text, took)
        assert all(text.lower() in json.dumps(e.request, ensure_ascii=False).lower() or
                   text in (e.target, e.template_id, e.code) or
                   text in json.dumps(e.error_params) for e in found)  # fmt: skip
    assert history.search(open_id)[0].target == open_id
    history.close()


def test_retention_prunes_old_rows_and_clean_up_vacuums(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    history = History(path)
    assert history.retention_days == 365
    now = time.time()
    rows = [(now - age * DAY, f"o{age}") for age in (400, 380, 10, 0)]
    for ts, target in rows:
        event = history.start(profile="p", kind="qr", request={"pad": "x" * 20_000}, target=target)
        backdate(path, event, ts)
    history.close()

    reopened = History(path)  # opening deletes a batch of rows past the retention
    assert [e.target for e in reopened.recent()] == ["o0", "o10"]
    assert reopened.search("o400") == []  # gone from the index too
    reopened.set_retention_days(5)
    deleted, before, after = reopened.clean_up()
    assert deleted == 1 and after < before
    assert [e.target for e in reopened.recent()] == ["o0"]
    reopened.set_retention_days(0)  # keep everything
    reopened.close()
    assert History(path).retention_days == 0


def test_the_csv_export_neutralises_formulas_and_reads_in_the_chosen_language(
    tmp_path: Path,
) -> None:
    import csv
    import stat

    from app.core.history import export_csv

    history = History(tmp_path / "h.sqlite3")
    event = history.start(
        profile="p", kind="send", request={"touser": "x"}, target='=HYPERLINK("http://x","y")',
        template_id="@SUM(A1)", channel="\tTAB",
    )  # fmt: skip
    history.finish(
        event,
        outcome="refused",
        code="-1",
        error_key="remote.refused",
        error_params={"code": -1, "message": "+cmd|' /C calc'!A0"},
    )
    out = tmp_path / "export.csv"
    export_csv(history.recent(), out, "zh")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["openId"] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert row["template_id"] == "'@SUM(A1)" and row["channel"] == " TAB"  # no tab is written
    assert row["code"] == "-1"  # a plain number stays a number
    assert row["error"].startswith("被拒绝，代码 -1") and "+cmd" in row["error"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # it lists customers' openIds
