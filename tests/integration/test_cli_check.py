"""`recall-desk check` against the sandbox and deliberately broken middlewares."""

from __future__ import annotations

import json

import pytest

from app.core.sandbox import DEFAULT_TEMPLATES
from tests.helpers.servers import ScriptedServer, answer
from tests.integration.conftest import write_config

LIST = ("GET", "/mw/template/get_all_private_template")
SEND = ("POST", "/mw/message/template/send")
LEGACY = ("POST", "/mw/template/send")
GOOD_LIST = json.dumps({"template_list": DEFAULT_TEMPLATES}, ensure_ascii=False).encode()
REFUSE = answer(200, b'{"errcode":40037,"errmsg":"invalid template_id"}')


def _statuses(result) -> dict[str, str]:
    return {c["key"]: c["status"] for c in json.loads(result.out)["checks"]}


def test_sandbox_passes_every_check(run_cli) -> None:
    result = run_cli("check", "--demo", "--json")
    assert result.code == 0, result.err
    statuses = _statuses(result)
    assert statuses == {
        "https": "pass",
        "list_get": "pass",
        "list_array": "pass",
        "entries": "pass",
        "placeholders": "pass",
        "send_path": "pass",
        "query_kept": "pass",
        "unknown_template": "pass",
        "test_send": "skip",
    }


def test_real_test_send_through_the_sandbox(run_cli, sandbox, isolated_home) -> None:
    write_config(
        isolated_home / "config.toml",
        t={"middleware_url": sandbox.middleware_url, "production": True},
    )
    result = run_cli(
        "check", "--json", "--send-to", "oMe", "--template-id", "FullSim_empty_content_0001"
    )
    assert result.code == 0, result.err
    statuses = _statuses(result)
    assert statuses["test_send"] == "pass" and statuses["https"] == "warn"
    assert len(sandbox.deliveries) == 1  # the probe with the unknown template delivered nothing


@pytest.mark.parametrize(
    ("routes", "failing", "needle"),
    [
        (
            {
                LIST: answer(
                    500, b"<html><body>500 Internal Server Error</body></html>", "text/html"
                )
            },
            "list_get",
            "HTTP 500",
        ),
        (
            {
                LIST: answer(
                    200,
                    json.dumps(
                        {
                            "template_list": [
                                {"template id": "x", "title": "t"},
                                {"template_id": "y", "title": 5},
                            ]
                        }
                    ).encode(),
                ),
                SEND: REFUSE,
            },
            "entries",
            "template id",
        ),
        ({LIST: answer(200, b'{"templates": []}')}, "list_array", "missing"),
        ({LIST: answer(200, GOOD_LIST), LEGACY: REFUSE}, "send_path", "/template/send"),
        (
            {LIST: answer(200, GOOD_LIST), SEND: answer(200, b'{"errcode":0,"errmsg":"ok"}')},
            "unknown_template",
            "errcode 0",
        ),
        (
            {
                LIST: answer(200, GOOD_LIST),
                SEND: answer(200, b'{"errcode":40013,"errmsg":"invalid appid"}'),
            },
            "query_kept",
            "40013",
        ),
    ],
)
def test_broken_middlewares_fail_the_named_check(
    run_cli, isolated_home, routes, failing, needle
) -> None:
    with ScriptedServer(routes) as server:
        write_config(
            isolated_home / "config.toml",
            t={"middleware_url": server.url + "/mw?appid=wx77", "timeout": 2},
        )
        result = run_cli("check", "--json")
    assert result.code == 1, result.err
    checks = {c["key"]: c for c in json.loads(result.out)["checks"]}
    assert checks[failing]["status"] == "fail"
    assert needle in checks[failing]["seen"]
    assert checks[failing]["fix"]


def test_plain_output_names_the_fix(run_cli, isolated_home) -> None:
    with ScriptedServer({LIST: answer(200, GOOD_LIST), LEGACY: REFUSE}) as server:
        write_config(isolated_home / "config.toml", t={"middleware_url": server.url + "/mw"})
        result = run_cli("check")
    assert result.code == 1
    assert "FAIL  Send endpoint" in result.out and "Old middleware" in result.out


def test_send_to_needs_template(run_cli) -> None:
    result = run_cli("check", "--demo", "--send-to", "o1")
    assert result.code == 2 and "go together" in result.err


def test_check_speaks_chinese(run_cli, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = run_cli("check", "--demo")
    assert result.code == 0
    assert "模板列表接口可用" in result.out and "未要求" in result.out
