"""The HTTPS finding is honest: http:// never shows as a green pass. A test profile gets an
amber warning saying it is fine for testing; a production profile fails."""

from __future__ import annotations

from dataclasses import replace

from app.ui.pages.check_page import COLORS


def _https_row(qtbot, window):
    window.nav.setCurrentRow(window.PAGE_CHECK)
    page = window.check_page
    with qtbot.waitSignal(page.checked, timeout=20000) as blocker:
        page.run()
    result = next(r for r in blocker.args[0] if r.key == "https")
    rows = [page.results.topLevelItem(i) for i in range(page.results.topLevelItemCount())]
    row = next(item for item in rows if item.text(1) == "HTTPS")
    return result, row, page


def test_a_test_profile_over_http_is_a_warning_fine_for_testing(qtbot, demo_window) -> None:
    result, row, page = _https_row(qtbot, demo_window)
    assert result.status == "warn"
    assert row.foreground(0).color().name() == COLORS["warn"] != COLORS["pass"]
    assert "http://" in row.text(2) and "not encrypted" in row.text(2)
    assert "fine for testing" in row.text(4)
    assert page.message.level == "ok"  # nothing failed: a test profile may use http://


def test_a_production_profile_over_http_fails(qtbot, make_window, sandbox) -> None:
    window = make_window(replace(sandbox.demo_profile(), production=True))
    result, row, page = _https_row(qtbot, window)
    assert result.status == "fail"
    assert row.foreground(0).color().name() == COLORS["fail"]
    assert "production profile must reach the middleware over HTTPS" in row.text(4)
    assert page.message.level == "error"


def test_the_warning_in_chinese(qtbot, chinese, demo_window) -> None:
    _result, row, _page = _https_row(qtbot, demo_window)
    assert "未加密" in row.text(2) and "测试时使用 http:// 没有问题" in row.text(4)
