"""The faults of tests/faults seen from the Templates, Check and Batch pages: a specific sentence
inline, the page usable again, no traceback, nothing sent twice, the history row written."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.errors import OutcomeUnknown
from app.sandbox import DEFAULT_TEMPLATES, VISIT_TEMPLATE_ID
from tests.gui.test_templates_page import VISIT_VALUES, fill, open_templates, send
from tests.helpers.servers import (
    ScriptedServer,
    answer,
    redirect,
    reset_mid_body,
    stall,
    stall_mid_body,
)

LIST = ("GET", "/mw/template/get_all_private_template")
SEND = ("POST", "/mw/message/template/send")
QR = ("POST", "/qr")
LISTING = answer(200, json.dumps({"template_list": DEFAULT_TEMPLATES}, ensure_ascii=False).encode())
TIMEOUT = 0.6


def _no_traceback(*texts: str) -> bool:
    return all("Traceback" not in text for text in texts)


@pytest.mark.parametrize(
    ("name", "route", "needle"),
    [
        ("stall before headers", stall, "timed out"),
        ("stall mid-body", stall_mid_body, "timed out"),
        ("reset mid-response", reset_mid_body(), "connection"),
        ("redirect loop", redirect("/mw/template/get_all_private_template"), "HTTP 302"),
        ("HTML 403", answer(403, b"<html>Forbidden</html>", "text/html"), "HTTP 403"),
        ("HTML 502", answer(502, b"<html>Bad gateway</html>", "text/html"), "HTTP 502"),
        ("array for object", answer(200, b'{"template_list": {"0": {}}}'), "not an array"),
        ("invalid UTF-8", answer(200, b'{"template_list": "\xff\xfe"}'), "JSON"),
        ("10 MB body", answer(200, b"{" + b" " * 10_000_000 + b"}"), "larger than"),
    ],
)
def test_template_list_faults(qtbot, make_window, sandbox, name, route, needle) -> None:
    release = threading.Event()
    if route in (stall, stall_mid_body):
        route = route(release)
    with ScriptedServer({LIST: route}) as mw:
        profile = replace(sandbox.demo_profile(), middleware_url=mw.url + "/mw", timeout=TIMEOUT)
        window = make_window(profile)
        page = window.templates_page
        with qtbot.waitSignal(page.load_failed, timeout=20000):
            window.nav.setCurrentRow(window.PAGE_TEMPLATES)
        release.set()
    shown = page.browser.message.text() + "\n" + page.browser.message.details()
    assert page.browser.message.level == "error" and needle in shown, (name, shown)
    assert _no_traceback(shown)
    assert page.browser.refresh_button.isEnabled() and page.browser.model.rowCount() == 0


@pytest.mark.parametrize(
    ("name", "route", "outcome", "needle"),
    [
        ("reset mid-response", reset_mid_body(), "unknown", "Check the phone"),
        ("stall before headers", stall, "unknown", "Check the phone"),
        ("HTML 500", answer(500, b"<html>Server error</html>", "text/html"), "error", "HTTP 500"),
        # A gateway's 502/504 does not say the middleware behind it did not send.
        ("HTML 504", answer(504, b"<html>Timeout</html>", "text/html"), "unknown", "HTTP 504"),
        # A number sent as a string is still read as the errcode it is.
        ("errcode as a string", answer(200, b'{"errcode":"43004"}'), "refused", "43004"),
        # A 2xx the tool cannot read may still mean "sent".
        ("not JSON", answer(200, b"<html>ok</html>", "text/html"), "unknown", "JSON"),
        ("no errcode", answer(200, b'{"status": "ok"}'), "unknown", "errcode"),
    ],
)
def test_send_faults(qtbot, make_window, sandbox, name, route, outcome, needle) -> None:
    release = threading.Event()
    if route is stall:
        route = stall(release)
    with ScriptedServer({LIST: LISTING, SEND: route}) as mw:
        profile = replace(sandbox.demo_profile(), middleware_url=mw.url + "/mw", timeout=TIMEOUT)
        window = make_window(profile)
        page = open_templates(qtbot, window)
        fill(page, VISIT_TEMPLATE_ID, VISIT_VALUES)
        error = send(qtbot, page, "send_failed")
        release.set()
        assert mw.hits[SEND] == 1, name  # never retried behind the user's back
    shown = page.result.text() + "\n" + page.result.details()
    assert _no_traceback(shown) and page.result.level in ("error", "warning"), (name, shown)
    (event,) = window.workspace.history.recent(kind="send")
    if outcome == "unknown":
        assert isinstance(error, OutcomeUnknown) and event.outcome == "unknown"
        assert page.resend_button.isVisible()
    else:
        assert event.outcome == outcome, (name, event)
    assert needle in shown, (name, shown)
    assert page.send_button.isEnabled()


def test_check_page_reports_a_broken_middleware(qtbot, make_window, sandbox) -> None:
    routes = {LIST: answer(403, b"<html>Forbidden</html>", "text/html")}
    with ScriptedServer(routes) as mw:
        window = make_window(
            replace(sandbox.demo_profile(), middleware_url=mw.url + "/mw", timeout=TIMEOUT)
        )
        page = window.check_page
        window.nav.setCurrentRow(window.PAGE_CHECK)
        with qtbot.waitSignal(page.checked, timeout=20000) as blocker:
            page.run()
    results = blocker.args[0]
    from app.core.check_report import result_text

    assert any(r.status == "fail" and "403" in result_text(r, "en").seen for r in results)
    assert page.message.level == "error" and page.run_button.isEnabled()
    assert page.results.topLevelItemCount() == len(results)


def test_batch_with_a_failing_qr_api_writes_nothing_and_says_why(
    qtbot, make_window, sandbox, tmp_path: Path
) -> None:
    from tests.gui.test_batch_page import _csv, _open

    with ScriptedServer({QR: answer(500, b"<html>oops</html>", "text/html")}) as api:
        window = make_window(
            replace(sandbox.demo_profile(), qr_api_url=api.url + "/qr", timeout=TIMEOUT)
        )
        page = _open(qtbot, window, _csv(tmp_path / "l.csv", 4))
        page.out_dir_edit.setText(str(tmp_path / "out"))
        with qtbot.waitSignal(page.finished, timeout=60000) as blocker:
            page.start()
    summary = blocker.args[0]
    assert (summary.ok, summary.failed) == (0, 4)
    assert list((tmp_path / "out").glob("*.png")) == []
    assert list((tmp_path / "out").glob("*.part")) == [] and list(tmp_path.glob("**/*.tmp")) == []
    problems = [page.model.data(page.model.index(row, 5)) for row in range(4)]
    assert all(p and "HTTP 500" in p for p in problems), problems
    assert page.start_button.isEnabled() and not page.running
    assert {e.outcome for e in window.workspace.history.recent(kind="qr")} == {"error"}
