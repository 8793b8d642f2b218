"""Every CLI command against the sandbox over real loopback HTTP, with every exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from app.core.history import History
from app.core.paths import data_home
from app.sandbox import DEMO_SECRET, SEED_TEMPLATE_ID, VISIT_TEMPLATE_ID, Sandbox
from tests.integration.conftest import write_config

VISIT = VISIT_TEMPLATE_ID
VISIT_DATA = [
    "--data",
    "thing1=视频面签",
    "--data",
    "time2=2026-11-28 15:00",
    "--data",
    "name3=王小明",
    "--data",
    "thing4=请点击消息进入视频通话",
]

# thing1 is one character over WeChat's 20-character limit for `thing`.
OVERLONG_THING = [
    *("--template-id", VISIT, "--to", "o1", "--data", "thing1=" + "长" * 21),
    *("--data", "time2=15:00", "--data", "name3=王", "--data", "thing4=x"),
]


@pytest.fixture
def secret_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECALL_DESK_SECRET", DEMO_SECRET)


def test_qr_demo_saves_a_decodable_png(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "qr.png"
    result = run_cli("qr", "--demo", "--open-id", "o123", "--channel", "store-7", "--out", str(out))
    assert result.code == 0, result.err
    assert result.out.strip().startswith("http://127.0.0.1:")
    (decoded,) = zxingcpp.read_barcodes(Image.open(out))
    assert "openId=o123" in decoded.text and "channel=store-7" in decoded.text


def test_qr_with_config_profile_and_json(
    run_cli, sandbox: Sandbox, sandbox_config, secret_env, tmp_path: Path
) -> None:
    out = tmp_path / "code.png"
    result = run_cli("qr", "--open-id", "oABC", "--call-times", "3", "--json", "--out", str(out))
    assert result.code == 0, result.err
    payload = result.json()
    assert payload["file"] == str(out)
    assert sandbox.payload_for(payload["qrCodeUrl"]).endswith("openId=oABC&callTimes=3")
    (request,) = [r for r in sandbox.received if r.method == "POST"]
    assert request.headers["appId"] == "demo-app" and len(request.headers["token"]) == 64
    assert json.loads(request.body) == {
        "sdkAppId": "1400000000",
        "offiAccountId": "gh_demo00000001",
        "offiAccountOpenId": "oABC",
        "callTimes": 3,
    }
    image_get = [r for r in sandbox.received if r.method == "GET"][0]
    assert "token" not in image_get.headers and "appId" not in image_get.headers


def test_qr_query_placement_is_accepted(
    run_cli, sandbox: Sandbox, sandbox_config: Path, secret_env
) -> None:
    text = sandbox_config.read_text(encoding="utf-8") + 'auth_placement = "query"\n'
    sandbox_config.write_text(text, encoding="utf-8")
    result = run_cli("qr", "--open-id", "o1")
    assert result.code == 0, result.err
    post = [r for r in sandbox.received if r.method == "POST"][0]
    assert post.query["appId"] == ["demo-app"] and "appId" not in post.headers


def test_wrong_secret_is_refused_exit_1(run_cli, sandbox_config, monkeypatch) -> None:
    monkeypatch.setenv("RECALL_DESK_SECRET", "not-the-secret")
    result = run_cli("qr", "--open-id", "o1")
    assert result.code == 1
    assert "2002" in result.err and "token mismatch" in result.err
    assert "not-the-secret" not in result.err + result.out


def test_missing_secret_is_bad_input_exit_2(run_cli, sandbox_config) -> None:
    result = run_cli("qr", "--open-id", "o1")
    assert result.code == 2 and "set-secret" in result.err


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["qr", "--demo", "--open-id", " "], "Customer openId (offiAccountOpenId) is required"),
        (["qr", "--demo", "--open-id", "o1", "--call-times", "0"], "callTimes"),
        (["qr", "--demo", "--open-id", "o\x1b[31m1"], "OpenId) must not contain control"),
        (["qr", "--demo", "--open-id", "o1\u202e"], "OpenId) must not contain control"),
        (["qr", "--demo", "--open-id", "o1", "--out", "."], "Could not write the file .:"),
        (["qr", "--demo", "--open-id", "o1", "--timeout", "0"], "--timeout"),
        (["send", "--demo", "--template-id", "x", "--to", "o1", "--data", "novalue"], "KEY=VALUE"),
        (["send", "--demo", "--template-id", "missing", "--to", "o1"], "not in the middleware"),
        (["qr", "--profile", "nope", "--open-id", "o1"], "no profile"),
    ],
)
def test_bad_input_exits_2(run_cli, argv, needle) -> None:
    result = run_cli(*argv)
    assert result.code == 2, result.err
    assert needle in result.err
    assert "Traceback" not in result.err


def test_bad_config_file_exits_2(run_cli, isolated_home: Path) -> None:
    (isolated_home / "config.toml").parent.mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.toml").write_text("[profiles.x\n", encoding="utf-8")
    result = run_cli("templates")
    assert result.code == 2 and "not valid TOML" in result.err


def test_templates_json_carries_fields_in_order(run_cli) -> None:
    result = run_cli("templates", "--demo", "--json")
    assert result.code == 0
    rows = {row["template_id"]: row for row in result.json()}
    assert rows[SEED_TEMPLATE_ID]["fields"] == [
        "result",
        "withdrawMoney",
        "withdrawTime",
        "cardInfo",
        "arrivedTime",
        "remark",
    ]
    assert rows["FullSim_empty_content_0001"]["fields"] == []
    assert {"template_id", "title", "content", "fields"} <= set(rows[VISIT])


def test_templates_table(run_cli, sandbox_config) -> None:
    result = run_cli("templates", "--profile", "test")
    assert result.code == 0
    assert "视频客服回访提醒" in result.out and "thing1,time2,name3,thing4" in result.out


def test_send_ok_records_history(run_cli, sandbox: Sandbox, sandbox_config) -> None:
    result = run_cli(
        "send",
        "--template-id",
        VISIT,
        "--to",
        "o123",
        *VISIT_DATA,
        "--mp-appid",
        "wxmp",
        "--pagepath",
        "pages/index?foo=bar",
        "--agent-id",
        "123",
        "--group-id",
        "12",
        "--json",
    )
    assert result.code == 0, result.err
    assert result.json()["errcode"] == 0
    (delivered,) = sandbox.deliveries
    assert delivered["miniprogram"]["pagepath"] == "pages/index?foo=bar&agent_id=123&group_id=12"
    history = History(data_home() / "history.sqlite3")
    (event,) = history.recent()
    assert (event.kind, event.outcome, event.target, event.template_id) == (
        "send",
        "ok",
        "o123",
        VISIT,
    )


def test_send_lint_error_stops_before_sending(run_cli) -> None:
    result = run_cli("send", "--demo", *OVERLONG_THING)
    assert result.code == 2
    assert "thing1" in result.err and "21/20" in result.err


def test_send_no_lint_reaches_wechat_refusal_47003(run_cli, sandbox_config, sandbox) -> None:
    result = run_cli("send", "--no-lint", *OVERLONG_THING)
    assert result.code == 1
    assert "47003" in result.err and "thing1" in result.err


@pytest.mark.parametrize(
    ("to", "template", "code", "explained"),
    [
        ("o_not_follower", VISIT, "43004", "does not follow"),
        ("o1", "deleted-template", "40037", "Invalid template_id"),
    ],
)
def test_send_refusals_are_explained(run_cli, to, template, code, explained) -> None:
    result = run_cli(
        "send", "--demo", "--no-lint", "--template-id", template, "--to", to, *VISIT_DATA
    )
    assert result.code == 1
    assert code in result.err and explained in result.err


def test_refusal_explained_in_chinese(run_cli, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = run_cli("send", "--demo", "--no-lint", "--template-id", "gone", "--to", "o1")
    assert result.code == 1 and "模板已删除" in result.err


def test_dry_run_prints_body_and_sends_nothing(run_cli, sandbox: Sandbox, sandbox_config) -> None:
    result = run_cli(
        "send",
        "--template-id",
        VISIT,
        "--to",
        "o1",
        *VISIT_DATA,
        "--color",
        "thing1=#173177",
        "--dry-run",
    )
    assert result.code == 0
    body = json.loads(result.out)
    assert body["data"]["thing1"] == {"value": "视频面签", "color": "#173177"}
    assert body["data"]["time2"] == {"value": "2026-11-28 15:00"}
    assert sandbox.deliveries == []
    assert "color_ignored" not in result.err and "WARNING thing1" in result.err


def test_production_send_needs_yes(run_cli, sandbox: Sandbox, sandbox_config: Path) -> None:
    sandbox_config.write_text(
        sandbox_config.read_text(encoding="utf-8") + "production = true\n", encoding="utf-8"
    )
    refused = run_cli("send", "--template-id", VISIT, "--to", "o1", *VISIT_DATA)
    assert refused.code == 2 and "--yes" in refused.err
    assert sandbox.deliveries == []
    confirmed = run_cli("send", "--template-id", VISIT, "--to", "o1", *VISIT_DATA, "--yes")
    assert confirmed.code == 0 and len(sandbox.deliveries) == 1


def test_resend_with_same_client_msg_id_is_delivered_once(run_cli, sandbox: Sandbox) -> None:
    args = ["send", "--template-id", VISIT, "--to", "o1", *VISIT_DATA, "--client-msg-id", "fixed-1"]
    with Sandbox() as shared:
        config = write_config(
            Path(os.environ["RECALL_DESK_CONFIG"]),
            t={**shared.demo_profile().public_dict(), "secret": DEMO_SECRET},
        )
        first = run_cli(*args, "--config", str(config))
        second = run_cli(*args, "--config", str(config))
        assert first.code == second.code == 0
        assert first.out == second.out
        assert len(shared.deliveries) == 1


def test_profiles_list_never_prints_secret(run_cli, isolated_home: Path, memory_keyring) -> None:
    write_config(
        isolated_home / "config.toml",
        test={"app_id": "a"},
        prod={"production": True, "secret": "marker-file-secret"},
    )
    result = run_cli("profiles")
    assert result.code == 0
    assert "test [default]" in result.out and "prod [PRODUCTION]" in result.out
    assert "secret=file" in result.out and "marker-file-secret" not in result.out


def test_set_secret_from_stdin_goes_to_keyring(
    run_cli, isolated_home: Path, memory_keyring, monkeypatch
) -> None:
    import io as _io

    config = write_config(isolated_home / "config.toml", test={"app_id": "a"})
    monkeypatch.setattr("sys.stdin", _io.StringIO("marker-keyring-secret\n"))
    result = run_cli("profiles", "set-secret", "test")
    assert result.code == 0 and "(keyring)" in result.out
    assert memory_keyring.store[("recall-desk", "test")] == "marker-keyring-secret"
    assert "marker-keyring-secret" not in config.read_text(encoding="utf-8")


def test_python_dash_m_app_runs_a_command(tmp_path: Path) -> None:
    env = {**os.environ, "NO_PROXY": "127.0.0.1"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "templates", "--demo", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 6


def test_a_read_only_data_home_says_one_sentence_and_refuses_a_send_exit_2(
    tmp_path: Path, sandbox_config: Path
) -> None:
    from tests.helpers.disks import read_only_folder

    with read_only_folder(tmp_path) as home:
        env = {**os.environ, "RECALL_DESK_HOME": str(home), "RECALL_DESK_SECRET": DEMO_SECRET}

        def cli(*argv: str) -> subprocess.CompletedProcess[str]:
            command = [sys.executable, "-m", "app", "--config", str(sandbox_config), *argv]
            return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)

        qr = cli("qr", "--open-id", "o1", "--out", str(tmp_path / "q.png"))
        send = cli("send", "--template-id", VISIT, "--to", "o123", *VISIT_DATA)
        listing = tmp_path / "list.csv"
        listing.write_text("openid\no1\no2\n", encoding="utf-8")
        batch = cli("qr-batch", "--input", str(listing), "--out-dir", str(tmp_path / "codes"))
    assert batch.returncode == 0, batch.stderr  # the manifest has them; history does not
    assert batch.stderr.splitlines()[-1].startswith(
        "warning: 2 codes are not recorded in history (the manifest lists every code). "
        f"History cannot be written in {home / 'history.sqlite3'}"
    ), batch.stderr
    assert qr.returncode == 0, qr.stderr  # a code needs no history; it says it is not in it
    assert qr.stderr.startswith("saved: ")
    assert qr.stderr.splitlines()[1:] == [
        "warning: This code is not recorded in history. History cannot be written in "
        f"{home / 'history.sqlite3'}: the folder is read-only or not yours. QR codes still work; "
        "sends wait until history can be written."
    ], qr.stderr
    assert send.returncode == 2  # nothing was sent: a file that cannot be written
    assert send.stderr.count("\n") == 1 and "history" in send.stderr
