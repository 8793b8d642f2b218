"""Broken servers: each failure mode maps to its exit code with one clear stderr line."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from app.core.history import History
from app.core.messages import say
from app.core.paths import data_home
from app.sandbox import render_qr
from tests.helpers.servers import ScriptedServer, answer, closed_port, stall
from tests.integration.conftest import write_config

QR = ("POST", "/qr")
LIST = ("GET", "/mw/template/get_all_private_template")
SEND = ("POST", "/mw/message/template/send")
IMG = ("GET", "/img.png")


def _config(home: Path, base: str, **extra: object) -> None:
    write_config(
        home / "config.toml",
        t={
            "qr_api_url": base + "/qr",
            "app_id": "a",
            "secret": "marker-secret-xyz",
            "middleware_url": base + "/mw",
            "sdk_app_id": "s",
            "offi_account_id": "o",
            "timeout": 5,  # 1 s timed out a plain HTTP 500 at load 16; stalls pass --timeout
            **extra,
        },
    )


def _ok_qr(url: str) -> bytes:
    return json.dumps({"code": 1000, "data": {"qrCodeUrl": url}, "message": "ok"}).encode()


@pytest.mark.parametrize(
    ("routes", "command", "code", "needle"),
    [
        (
            {QR: answer(500, b"<html><body>Internal Server Error</body></html>", "text/html")},
            "qr",
            3,
            "HTTP 500 (HTML page",
        ),
        ({QR: answer(200, b"{not json")}, "qr", 3, "not valid JSON"),
        ({QR: answer(200, b"[1,2]")}, "qr", 3, "expected a JSON object"),
        ({QR: answer(200, b'{"code":1000,"data":{}}')}, "qr", 3, "no data.qrCodeUrl"),
        (
            {QR: answer(200, b'{"code":1000,"data":{"qrCodeUrl":"/relative.png"}}')},
            "qr",
            3,
            "not an absolute http(s) URL",
        ),
        (
            {QR: answer(200, b'{"code":4001,"message":"sdkAppId not found"}')},
            "qr",
            1,
            "4001 sdkAppId not found",
        ),
        ({LIST: answer(502, b"<html>Bad Gateway</html>", "text/html")}, "templates", 3, "HTTP 502"),
        ({LIST: answer(200, b'{"template_list": {"a": 1}}')}, "templates", 3, "not an array"),
        ({LIST: answer(200, b"\xff\xfe garbage")}, "templates", 3, "not valid JSON"),
        (
            {LIST: answer(200, b'{"errcode":40164,"errmsg":"ip not in whitelist"}')},
            "templates",
            1,
            "whitelist",
        ),
    ],
)
def test_broken_server_exit_codes(run_cli, isolated_home, routes, command, code, needle) -> None:
    with ScriptedServer(routes) as server:
        _config(isolated_home, server.url)
        argv = ["qr", "--open-id", "o1"] if command == "qr" else [command]
        result = run_cli(*argv)
    assert result.code == code, result.err
    assert needle in result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert "marker-secret-xyz" not in result.err + result.out


@pytest.mark.parametrize(
    ("image_route", "needle"),
    [
        (answer(200, b"<!DOCTYPE html><html>login</html>", "text/html"), "HTML page"),
        (answer(200, render_qr("cut")[:300], "image/png"), "truncated or corrupt"),
        (answer(404, b"<html>gone</html>", "text/html"), "HTTP 404"),
    ],
)
def test_qr_code_url_that_is_not_an_image_exits_3_and_writes_no_file(
    run_cli, isolated_home, tmp_path, image_route, needle
) -> None:
    with ScriptedServer({IMG: image_route}) as server:
        server.routes[QR] = answer(200, _ok_qr(server.url + "/img.png"))
        _config(isolated_home, server.url)
        out = tmp_path / "qr.png"
        result = run_cli("qr", "--open-id", "o1", "--out", str(out))
    assert result.code == 3 and needle in result.err
    assert not out.exists() and list(tmp_path.glob("*.tmp")) == []
    (event,) = History(data_home() / "history.sqlite3").recent()
    assert event.outcome == "error"
    assert needle in say(event.error_key, "en", **event.error_params)


def test_refused_connection_exits_3(run_cli, isolated_home) -> None:
    _config(isolated_home, f"http://127.0.0.1:{closed_port()}")
    result = run_cli("templates")
    assert result.code == 3 and "connection failed" in result.err


def test_list_timeout_exits_3(run_cli, isolated_home) -> None:
    release = threading.Event()
    with ScriptedServer({LIST: stall(release)}) as server:
        _config(isolated_home, server.url, timeout=10)  # --timeout wins over the profile's
        started = time.monotonic()
        result = run_cli("templates", "--timeout", "0.3")
        took = time.monotonic() - started
        release.set()
        # A GET is retried, but within the same deadline: a stall uses it all up.
        assert server.hits[LIST] == 1
    assert result.code == 3 and "timed out" in result.err and "within 0.3 s" in result.err
    assert took < 0.3 + 1.5  # the option's deadline, not the profile's (0.89 s at load 20)


def test_send_timeout_exits_4_sent_once_and_history_says_unknown(run_cli, isolated_home) -> None:
    release = threading.Event()
    with ScriptedServer({SEND: stall(release)}) as server:
        _config(isolated_home, server.url)
        result = run_cli(
            "send",
            "--no-lint",
            "--template-id",
            "t",
            "--to",
            "o1",
            "--data",
            "thing1=x",
            "--timeout",
            "0.5",
        )
        release.set()
        assert server.hits[SEND] == 1
    assert result.code == 4
    assert "outcome unknown" in result.err and "Check the phone" in result.err
    (event,) = History(data_home() / "history.sqlite3").recent()
    assert event.outcome == "unknown" and event.client_msg_id


def test_send_answer_without_errcode_is_outcome_unknown(run_cli, isolated_home) -> None:
    # A 200 the tool cannot read may still mean "sent": the user checks before resending.
    with ScriptedServer({SEND: answer(200, b'{"status":"ok"}')}) as server:
        _config(isolated_home, server.url)
        result = run_cli("send", "--no-lint", "--template-id", "t", "--to", "o1")
        assert server.hits[SEND] == 1
    assert result.code == 4 and "no “errcode”" in result.err and "Check the phone" in result.err
    (event,) = History(data_home() / "history.sqlite3").recent()
    assert event.outcome == "unknown"


def test_legacy_send_path_profile_option(run_cli, isolated_home) -> None:
    legacy = ("POST", "/mw/template/send")
    with ScriptedServer({legacy: answer(200, b'{"errcode":0,"errmsg":"ok","msgid":7}')}) as server:
        _config(isolated_home, server.url, legacy_send_path=True)
        result = run_cli("send", "--no-lint", "--template-id", "t", "--to", "o1")
        assert server.hits == {legacy: 1}
    assert result.code == 0 and "msgid 7" in result.out
