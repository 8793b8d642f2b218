"""The CLI speaks the user's language in every line, on any console, with one set of options."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.sandbox import VISIT_TEMPLATE_ID
from tests.conftest import Run
from tests.helpers.servers import closed_port
from tests.integration.conftest import write_config

ROOT = Path(__file__).resolve().parents[2]

# Words an English sentence cannot do without; none may appear in a Chinese line.
ENGLISH = re.compile(
    r"\b(the|is|are|must|not|no|required|found|error|failed|refused|input|bad|lint|please|"
    r"could|cannot|connection|takes|got|already|use|unknown|check|usage|needs)\b",
    re.IGNORECASE,
)


def run_argv(*argv: str) -> Run:
    """cli.main in-process, argparse's exits included."""
    import io
    from contextlib import redirect_stderr

    out, err = io.StringIO(), io.StringIO()
    with redirect_stderr(err):
        try:
            code = cli.main(list(argv), out=out)
        except SystemExit as stopped:
            code = int(stopped.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


def _broken_config(home: Path) -> None:
    base = f"http://127.0.0.1:{closed_port()}"
    write_config(
        home / "config.toml",
        t={
            "qr_api_url": base + "/qr",
            "app_id": "a",
            "secret": "s",
            "middleware_url": base,
            "sdk_app_id": "s",
            "offi_account_id": "o",
            "timeout": 1,
        },
    )


CHINESE_FAILURES = [
    (["qr", "--demo"], 2, "缺少必需的选项"),
    (["qr", "--demo", "--open-id", "o1", "--call-times", "many"], 2, "需要整数"),
    (["qr", "--demo", "--open-id", "o 1"], 2, "不能包含空格"),
    (["send", "--demo", "--template-id", "x", "--to", "o1", "--data", "novalue"], 2, "键=值"),
    (["send", "--demo", "--template-id", "missing", "--to", "o1"], 2, "不在中间件的模板列表中"),
    (
        ["send", "--demo", "--template-id", VISIT_TEMPLATE_ID, "--to", "o1", "--data", "thing1="],
        2,
        "不符合微信规则",
    ),
    (["check", "--demo", "--to", "o1"], 2, "需要一起使用"),
    (["qr", "--profile", "nope", "--open-id", "o1"], 2, "没有名为 nope 的配置"),
    (["templates"], 3, "拒绝了连接"),
]


@pytest.mark.parametrize(("argv", "code", "needle"), CHINESE_FAILURES)
def test_a_chinese_user_reads_chinese_only(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path, argv: list[str], code: int, needle: str
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    if argv == ["templates"]:
        _broken_config(isolated_home)
    result = run_argv(*argv)
    assert result.code == code, result.err
    assert needle in result.err
    said = [line for line in result.err.splitlines() if not line.startswith((" ", "用法："))]
    for line in said:
        data = re.sub(r"--[a-z-]+|\S*https?://\S*|`[^`]*`|'[^']*'", "", line)
        assert not ENGLISH.search(data), line
    assert "Traceback" not in result.err and "Errno" not in result.err


def test_the_same_failures_read_english_in_an_english_locale(isolated_home: Path) -> None:
    result = run_argv("send", "--demo", "--template-id", "missing", "--to", "o1")
    assert result.code == 2
    assert "is not in the middleware's list" in result.err
    assert not re.search(r"[\u4e00-\u9fff]", result.err)


def test_an_ascii_console_gets_replacement_characters_not_an_encoding_error() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LANG": "C", "PYTHONPATH": str(ROOT)}
    env.pop("LC_ALL", None)
    done = subprocess.run(
        [sys.executable, "-m", "app", "templates", "--demo"],
        capture_output=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b"UnicodeEncodeError" not in done.stderr
    assert b"VdRecall_thing1" in done.stdout and b"?" in done.stdout  # the Chinese title, replaced


def test_an_ascii_console_in_chinese_still_prints_its_failure() -> None:
    env = {
        **os.environ,
        "PYTHONIOENCODING": "ascii",
        "LANG": "zh_CN.UTF-8",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("LC_ALL", None)
    done = subprocess.run(
        [sys.executable, "-m", "app", "qr", "--demo", "--open-id", "o 1"],
        capture_output=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert done.stderr.startswith(b"recall-desk: ") and b"???" in done.stderr


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["qr", "--open-id", "o1", "--nope"], "qr"),
        (["send", "--template-id", "t", "--to", "o", "--bogus", "1"], "send"),
        (["qr-batch", "--input", "x.csv"], "qr-batch"),
        (["profiles", "set-secret"], "profiles set-secret"),
    ],
)
def test_a_bad_argument_shows_the_subcommands_own_usage(argv: list[str], command: str) -> None:
    result = run_argv(*argv)
    assert result.code == 2
    assert result.err.startswith(f"usage: recall-desk {command} ")
    assert f"recall-desk {command}: " in result.err


def test_to_is_the_recipient_option_everywhere_and_send_to_still_works(
    run_cli, sandbox, isolated_home: Path
) -> None:
    new = run_argv("check", "--demo", "--to", "oCheck1")  # --to alone: needs its template
    old = run_argv("check", "--demo", "--send-to", "oCheck1")
    assert new.code == old.code == 2
    assert new.err == old.err and "--to and --template-id go together" in new.err
    assert cli.parse(["check", "--send-to", "o", "--template-id", "t"]).send_to == "o"
    assert cli.parse(["check", "--to", "o", "--template-id", "t"]).send_to == "o"
    assert cli.parse(["send", "--to", "o", "--template-id", "t"]).to == "o"


def test_a_refused_connection_is_a_sentence(isolated_home: Path) -> None:
    _broken_config(isolated_home)
    result = run_argv("templates")
    assert result.code == 3
    assert "refused the connection" in result.err and "Errno" not in result.err


def test_an_unknown_host_is_a_sentence(isolated_home: Path) -> None:
    write_config(
        isolated_home / "config.toml",
        t={
            "qr_api_url": "http://no-such-host.invalid/qr",
            "app_id": "a",
            "secret": "s",
            "middleware_url": "http://no-such-host.invalid",
            "sdk_app_id": "s",
            "offi_account_id": "o",
            "timeout": 2,
        },
    )
    result = run_argv("templates")
    assert result.code == 3, result.err
    assert "no-such-host.invalid was not found" in result.err and "Errno" not in result.err


def test_sandbox_on_a_port_in_use_says_so(isolated_home: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_argv("sandbox", "--port", str(port))
    assert result.code == 2
    assert f"cannot listen on 127.0.0.1:{port}: the address is already in use" in result.err
    assert "()" not in result.err and "Errno" not in result.err


def test_huge_call_times_are_refused_before_a_request(sandbox, isolated_home: Path) -> None:
    result = run_argv("qr", "--demo", "--open-id", "o1", "--call-times", "9" * 30)
    assert result.code == 2
    assert "from 1 to 2147483647" in result.err


def test_qr_batch_maps_a_header_it_cannot_guess(
    run_cli, sandbox, sandbox_config: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import json

    from app.sandbox import DEMO_SECRET

    monkeypatch.setenv("RECALL_DESK_SECRET", DEMO_SECRET)
    listing = tmp_path / "list.csv"
    listing.write_text("客户编号,渠道\no100,vip\no101,\n", encoding="utf-8")
    unguessed = run_cli("qr-batch", "--input", str(listing), "--out-dir", str(tmp_path))
    assert unguessed.code == 2 and "openId" in unguessed.err
    result = run_cli(
        *("qr-batch", "--input", str(listing), "--out-dir", str(tmp_path / "out")),
        *("--map", "openid=客户编号", "--map", "channel=渠道"),
    )
    assert result.code == 0, result.err
    sent = [json.loads(r.body) for r in sandbox.received if r.method == "POST"]
    assert sorted((b["offiAccountOpenId"], b.get("customChannel", "")) for b in sent) == [
        ("o100", "vip"),
        ("o101", ""),
    ]
    wrong = run_cli(
        *("qr-batch", "--input", str(listing), "--out-dir", str(tmp_path / "x")),
        *("--map", "openid=nope"),
    )
    assert wrong.code == 2 and "no column is headed nope" in wrong.err


@pytest.mark.parametrize("rate", ["nan", "inf", "1e-300", "-1"])
def test_a_rate_that_would_hang_or_mean_unlimited_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rate: str
) -> None:
    listing = tmp_path / "list.csv"
    listing.write_text("openid\no1\n", encoding="utf-8")
    argv = ["qr-batch", "--demo", "--input", str(listing), "--out-dir", str(tmp_path / "o")]
    result = run_argv(*argv, "--rate", rate)
    assert result.code == 2 and "rate must be 0 (no limit) or between 0.01 and 1000" in result.err
    assert not (tmp_path / "o").exists()
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "速率必须是 0（不限）" in run_argv(*argv, "--rate", rate).err
