"""`recall-desk check` against the sandbox and deliberately broken middlewares."""

from __future__ import annotations

import json

import pytest

from app.sandbox import DEFAULT_TEMPLATES, VISIT_TEMPLATE_ID
from tests.helpers.servers import ScriptedServer, answer, by_body
from tests.integration.conftest import write_config

LIST = ("GET", "/mw/template/get_all_private_template")
SEND = ("POST", "/mw/message/template/send")
LEGACY = ("POST", "/mw/template/send")
GOOD_LIST = json.dumps({"template_list": DEFAULT_TEMPLATES}, ensure_ascii=False).encode()
REFUSE_BODY = b'{"errcode":40037,"errmsg":"invalid template_id"}'
REFUSE = answer(200, REFUSE_BODY)


def _statuses(result) -> dict[str, str]:
    return {c["key"]: c["status"] for c in json.loads(result.out)["checks"]}


def test_sandbox_passes_every_check(run_cli) -> None:
    result = run_cli("check", "--demo", "--json")
    assert result.code == 0, result.err
    statuses = _statuses(result)
    assert statuses == {
        "https": "warn",  # the sandbox is http://: fine for a test profile, never a green pass
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
        "check",
        "--json",
        "--yes",
        "--send-to",
        "oMe",
        "--template-id",
        "FullSim_empty_content_0001",
    )
    assert result.code == 1, result.err  # a production profile over http:// fails the check
    statuses = _statuses(result)
    assert statuses["test_send"] == "pass" and statuses["https"] == "fail"
    assert len(sandbox.deliveries) == 1  # the probe with the unknown template delivered nothing


def test_a_production_test_send_needs_yes(run_cli, sandbox, isolated_home) -> None:
    write_config(
        isolated_home / "config.toml",
        t={"middleware_url": sandbox.middleware_url, "production": True},
    )
    result = run_cli("check", "--send-to", "oMe", "--template-id", VISIT_TEMPLATE_ID)
    assert result.code == 2 and sandbox.received == []


def test_test_send_fills_every_field_and_leaves_a_history_row(
    run_cli, sandbox, sandbox_config
) -> None:
    from app.core.history import History
    from app.core.paths import data_home

    result = run_cli(
        "check", "--json", "--send-to", "o123", "--template-id", "Appt_date1_phone2_car3_pH4x2"
    )
    assert result.code == 0, result.err
    checks = {c["key"]: c for c in json.loads(result.out)["checks"]}
    assert checks["test_send"]["status"] == "pass" and "msgid" in checks["test_send"]["seen"]
    (delivered,) = sandbox.deliveries
    assert set(delivered["data"]) == {"date1", "phone_number2", "car_number3", "thing4", "number5"}
    assert delivered["data"]["car_number3"]["value"] == "浙A12345"  # the example's value
    assert delivered["client_msg_id"]
    history = History(data_home() / "history.sqlite3")
    (event,) = history.recent(kind="send")
    history.close()
    assert event.outcome == "ok" and event.client_msg_id == delivered["client_msg_id"]


def test_a_template_missing_from_the_list_fails_with_what_to_do(run_cli, sandbox_config) -> None:
    result = run_cli("check", "--json", "--send-to", "o123", "--template-id", "NotListed")
    assert result.code == 1
    check = {c["key"]: c for c in json.loads(result.out)["checks"]}["test_send"]
    assert check["status"] == "fail" and "by hand" in check["fix"]


@pytest.mark.parametrize(
    ("errcode", "errmsg", "needle"),
    [
        (43004, "require subscribe", "follow"),
        (47003, "argument invalid! data.time2.value invalid", "time2"),
        (40165, "invalid weapp pagepath", "published"),
        (40249, "content is illegal", "blocked"),
        (40247, "historical template", "category template"),
        (45109, "api retired", "/message/template/send"),
        (40246, "invalid keyword", "keywords"),
        (43117, "too frequent", "few hours"),
        (99999, "something new", "something new"),
    ],
)
def test_the_advice_explains_the_errcode_actually_returned(
    run_cli, isolated_home, monkeypatch, errcode, errmsg, needle
) -> None:
    """A scripted middleware: the probe gets 40037, the test send the errcode under test."""
    refused = json.dumps({"errcode": errcode, "errmsg": errmsg}).encode()

    def send(body: bytes) -> tuple[int, bytes]:
        unknown = b"recall-desk-conformance-unknown-template" in body
        return 200, REFUSE_BODY if unknown else refused

    with ScriptedServer({LIST: answer(200, GOOD_LIST), SEND: by_body(send)}) as server:
        write_config(isolated_home / "config.toml", t={"middleware_url": server.url + "/mw"})
        result = run_cli("check", "--json", "--send-to", "o1", "--template-id", VISIT_TEMPLATE_ID)
        monkeypatch.setenv("LANG", "zh_CN.UTF-8")
        zh = run_cli("check", "--json", "--send-to", "o1", "--template-id", VISIT_TEMPLATE_ID)
    assert result.code == 1
    check = {c["key"]: c for c in json.loads(result.out)["checks"]}["test_send"]
    assert check["status"] == "fail" and str(errcode) in check["seen"]
    assert needle in check["fix"], check["fix"]
    assert "recipient must follow" not in check["fix"] or errcode == 43004
    if errcode == 99999:
        assert "not a code Recall Desk can explain" in check["fix"]
    zh_fix = {c["key"]: c for c in json.loads(zh.out)["checks"]}["test_send"]["fix"]
    assert zh_fix and zh_fix != check["fix"]


def test_an_unknown_outcome_says_so_and_exits_4(run_cli, isolated_home) -> None:
    import threading

    release = threading.Event()

    def send(body: bytes) -> tuple[int, bytes]:
        if b"recall-desk-conformance-unknown-template" in body:
            return 200, REFUSE_BODY
        release.wait(10)
        return 200, b'{"errcode":0}'

    with ScriptedServer({LIST: answer(200, GOOD_LIST), SEND: by_body(send)}) as server:
        write_config(  # 0.5 s was too short for the list and the probe at load 16 (exit 1)
            isolated_home / "config.toml", t={"middleware_url": server.url + "/mw", "timeout": 1.5}
        )
        result = run_cli("check", "--json", "--send-to", "o1", "--template-id", VISIT_TEMPLATE_ID)
        release.set()
    assert result.code == 4, result.err
    check = {c["key"]: c for c in json.loads(result.out)["checks"]}["test_send"]
    assert check["status"] == "unknown" and "client_msg_id" in check["fix"]


def test_report_for_the_vendor(run_cli, sandbox, sandbox_config, tmp_path) -> None:
    html_path, md_path = tmp_path / "report.html", tmp_path / "report.md"
    args = ("check", "--send-to", "o123", "--template-id", VISIT_TEMPLATE_ID)
    assert run_cli(*args, "--report", str(html_path)).code == 0
    assert run_cli(*args, "--report", str(md_path)).code == 0
    page = html_path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Test send delivered" in page
    assert "POST " in page and "&quot;touser&quot;: &quot;o123&quot;" in page  # the exact request
    assert '"errcode": 0' in page or "&quot;errcode&quot;: 0" in page  # and the answer
    assert "secret" not in page.lower().replace("no secret is in this report", "")
    md = md_path.read_text(encoding="utf-8")
    assert md.startswith("# Simulation middleware check") and "~~~~json" in md


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


def test_the_check_sends_with_a_template_entered_by_hand(run_cli, sandbox, sandbox_config) -> None:
    from app.core.hand_templates import HandTemplates, make_template

    template = make_template(
        "FullSim_empty_content_0001", "", [("thing1", "服务", None), ("note", "备注", "")]
    )
    HandTemplates().put("test", template)
    result = run_cli(
        "check", "--json", "--send-to", "o1", "--template-id", "FullSim_empty_content_0001"
    )
    assert result.code == 0, result.out
    (delivered,) = sandbox.deliveries
    assert set(delivered["data"]) == {"thing1", "note"}
