"""Settings: the timestamp spelling is chosen per profile, and Test connection says which
spelling the server accepted (the sandbox reads both; a scripted server only one)."""

from __future__ import annotations

from dataclasses import replace

from app.sandbox import render_qr
from tests.helpers.servers import ScriptedServer, answer
from tests.integration.test_timestamp_names import reading_only


def _test_connection(qtbot, window) -> str:
    settings = window.settings_page
    window.nav.setCurrentRow(window.PAGE_SETTINGS)
    with qtbot.waitSignal(settings.connection_test.tested, timeout=15000) as blocker:
        settings.test_connection()
    (qr_line,) = [text for check, _ok, text in blocker.args[0] if check == "qr"]
    assert qr_line in settings.message.text()
    return qr_line


def test_against_the_sandbox_both_spellings_are_accepted(qtbot, demo_window) -> None:
    line = _test_connection(qtbot, demo_window)
    assert "accepts the timestamp as “timestamp” and as “timestap”" in line


def test_a_server_reading_only_timestap_is_named(qtbot, make_window, sandbox) -> None:
    with ScriptedServer({("GET", "/img.png"): answer(200, render_qr("x"), "image/png")}) as s:
        s.routes[("POST", "/qr")] = reading_only("timestap", s.url + "/img.png")
        profile = replace(sandbox.demo_profile(), qr_api_url=s.url + "/qr")
        window = make_window(profile)
        line = _test_connection(qtbot, window)
        assert "accepts only “timestap”" in line and "Choose" not in line
        window.workspace.demo_profile = replace(profile, timestamp_name="timestamp")
        window.settings_page.load(window.workspace.demo_profile)
        combo = window.settings_page.timestamp_name_combo
        assert combo.currentData() == "timestamp"
        line = _test_connection(qtbot, window)
    assert "accepts only “timestap”" in line and "Choose “timestap” (or both)" in line
