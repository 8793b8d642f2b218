"""Main window, profiles and settings: persistence, badges, secrets, smoke start."""

from __future__ import annotations

import argparse
from pathlib import Path

import keyring
from keyring.backends import fail
from PySide6.QtCore import Qt

from app.sandbox import DEMO_SECRET, Sandbox
from app.ui.inspector import InspectorDock
from app.ui.pages.qr_page import QrPage
from app.ui.pages.settings_page import SettingsPage
from tests.gui.conftest import config_text

EXPECTED_NAMES = [
    "mainWindow",
    "profileSwitcher",
    "qrOpenIdEdit",
    "qrChannelEdit",
    "qrCallTimesSpin",
    "qrGenerateButton",
    "qrImageView",
    "qrUrlField",
    "qrSaveButton",
    "qrPrintButton",
    "settingsQrApiUrlEdit",
    "settingsAppIdEdit",
    "settingsSecretEdit",
    "settingsMiddlewareUrlEdit",
]


def test_object_names_and_accessible_names(demo_window) -> None:
    from PySide6.QtWidgets import QWidget

    for index in range(demo_window.stack.count()):
        demo_window.page(index)
    for name in EXPECTED_NAMES:
        widget = demo_window if name == "mainWindow" else demo_window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_demo_badge_and_profile_switcher(demo_window) -> None:
    assert demo_window.current_profile_name() == "demo"
    assert demo_window.profile_badge.text() == "DEMO SANDBOX"


def _fill_new_profile(qtbot, window, sandbox: Sandbox, name: str, *, production: bool) -> None:
    settings = window.settings_page
    window.nav.setCurrentRow(window.PAGE_SETTINGS)
    settings.new_profile()
    settings.name_edit.setText(name)
    settings.qr_api_url_edit.setText(sandbox.qr_api_url)
    settings.app_id_edit.setText("demo-app")
    qtbot.keyClicks(settings.secret_edit, DEMO_SECRET)
    settings.middleware_url_edit.setText(sandbox.middleware_url)
    settings.sdk_app_id_edit.setText("1400000000")
    settings.offi_account_edit.setText("gh_demo00000001")
    settings.production_check.setChecked(production)
    with qtbot.waitSignal(settings.saved, timeout=10000):
        qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)


def test_profile_survives_restart_and_secret_stays_in_keyring(
    qtbot, make_window, sandbox, memory_keyring, questions
) -> None:
    window = make_window(sandbox.demo_profile())
    questions.answer = True  # yes, make it the default
    _fill_new_profile(qtbot, window, sandbox, "prod-wx77", production=True)
    assert [q for q in questions.asked if "default profile" in q]
    assert window.current_profile_name() == "demo"  # saving never switches the active profile
    assert window.profile_badge.text() == "DEMO SANDBOX"
    assert 'default_profile = "prod-wx77"' in config_text()
    assert memory_keyring.store[("recall-desk", "prod-wx77")] == DEMO_SECRET
    text = config_text()
    assert "prod-wx77" in text and DEMO_SECRET not in text
    window.close()

    restarted = make_window()  # no demo: only what was saved
    assert restarted.workspace.profile_names() == ["prod-wx77"]
    assert restarted.current_profile_name() == "prod-wx77"
    assert restarted.qr_page.offi_account_edit.text() == "gh_demo00000001"
    restarted.qr_page.open_id_edit.setText("oAfterRestart")
    with qtbot.waitSignal(restarted.qr_page.generated, timeout=10000):
        restarted.qr_page.generate()


def test_without_keyring_the_secret_goes_to_the_file_with_a_notice(
    qtbot, make_window, sandbox
) -> None:
    keyring.set_keyring(fail.Keyring())
    window = make_window(sandbox.demo_profile())
    _fill_new_profile(qtbot, window, sandbox, "headless", production=False)
    settings = window.settings_page
    assert settings.message.level == "warning" and "config file" in settings.message.text()
    qtbot.waitUntil(lambda: "No system keyring" in settings.secret_note.text())
    assert Path(window.workspace.config.path).stat().st_mode & 0o077 == 0


def test_secret_is_masked_and_revealed_only_on_request(qtbot, make_window, sandbox) -> None:
    window = make_window(sandbox.demo_profile())
    _fill_new_profile(qtbot, window, sandbox, "t", production=False)
    settings = window.settings_page
    assert settings.secret_edit.text() == ""  # never shown back after saving
    assert settings.secret_edit.echoMode() == settings.secret_edit.EchoMode.Password
    settings.reveal_button.setChecked(True)
    qtbot.waitUntil(lambda: settings.secret_edit.text() == DEMO_SECRET)


def test_test_connection_reports_both_endpoints(qtbot, demo_window) -> None:
    settings = demo_window.settings_page
    with qtbot.waitSignal(settings.connection_test.tested, timeout=10000) as blocker:
        settings.test_connection()
    assert [(check, ok) for check, ok, _ in blocker.args[0]] == [("qr", True), ("list", True)]
    assert "6 templates" in settings.message.text()


def test_bad_url_is_refused_inline(qtbot, demo_window) -> None:
    settings = demo_window.settings_page
    settings.new_profile()
    settings.qr_api_url_edit.setText("udesk.example.com/qr")
    settings.save()
    assert settings.message.level == "error" and "https://" in settings.message.text()
    assert config_text() == ""


def test_rename_and_delete_profile(
    qtbot, make_window, sandbox, questions, memory_keyring
) -> None:
    window = make_window(sandbox.demo_profile())
    _fill_new_profile(qtbot, window, sandbox, "old-name", production=False)
    settings = window.settings_page
    settings.name_edit.setText("new-name")
    with qtbot.waitSignal(settings.saved, timeout=10000):
        settings.save()
    assert "old-name" not in window.workspace.profile_names()
    assert "[profiles.new-name]" in config_text()
    questions.answer = True
    with qtbot.waitSignal(settings.profiles_changed, timeout=10000):
        settings.delete_profile()
    assert "new-name" not in config_text()
    assert ("recall-desk", "new-name") not in memory_keyring.store


def test_window_state_and_inputs_are_remembered(qtbot, make_window, sandbox) -> None:
    window = make_window(sandbox.demo_profile())
    window.qr_page.open_id_edit.setText("oRemember")
    window.qr_page.size_spin.setValue(35)
    window.nav.setCurrentRow(window.PAGE_SETTINGS)
    window.resize(1000, 650)
    window.close()
    saved = window.state.get("window/geometry")
    again = make_window(sandbox.demo_profile())
    assert again.qr_page.open_id_edit.text() == "oRemember"
    assert again.qr_page.size_spin.value() == 35
    assert again.current_page() is again.settings_page
    # Offscreen, restoreGeometry fits the width to an 800 px virtual screen; height round-trips.
    assert again.height() == 650
    assert again.state.get("window/geometry") == saved and not saved.isEmpty()


def test_the_inspector_is_built_on_demand_and_reopens_where_it_was(
    qtbot, make_window, sandbox
) -> None:
    window = make_window(sandbox.demo_profile())
    assert window.findChildren(InspectorDock) == []  # start-up does not build the dock
    window.menus.inspector_action.trigger()  # View ▸ Request inspector (Ctrl+Shift+I)
    assert window.inspector.isVisible() and window.menus.inspector_action.isChecked()
    window.close()
    again = make_window(sandbox.demo_profile())
    assert len(again.findChildren(InspectorDock)) == 1 and again.inspector.isVisible()
    assert again.menus.inspector_action.isChecked()
    again.inspector.close()  # its title-bar button
    assert not again.menus.inspector_action.isChecked()


def test_a_first_window_fits_its_screen(qtbot, make_window, sandbox) -> None:
    from PySide6.QtCore import QSize

    from app.ui.main_window import first_window_size

    assert first_window_size(QSize(1920, 1040)) == QSize(1120, 720)
    assert first_window_size(QSize(1366, 728)) == QSize(1120, 640)  # a laptop with a taskbar
    window = make_window(sandbox.demo_profile())  # a fresh home: no remembered geometry
    available = window.screen().availableGeometry()
    assert window.height() == min(720, int(available.height() * 0.88))


def test_smoke_start_exits_zero_and_leaves_the_process_as_it_was(qtbot) -> None:
    import gc
    import logging
    import sys

    from app.ui.app import run

    handlers, hook = list(logging.getLogger().handlers), sys.excepthook
    args = argparse.Namespace(config=None, demo=True, smoke=True)
    assert run(args) == 0
    assert logging.getLogger().handlers == handlers
    assert sys.excepthook is hook
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_pages_are_built_on_first_visit(demo_window) -> None:

    assert demo_window.findChildren(SettingsPage) == []
    demo_window.nav.setCurrentRow(demo_window.PAGE_SETTINGS)
    assert isinstance(demo_window.current_page(), SettingsPage)
    assert demo_window.current_page() is demo_window.settings_page


def test_demo_sandbox_is_listed_once_it_is_up_and_serves(qtbot) -> None:
    from app.core.profiles import Config
    from app.core.workspace import Workspace
    from app.ui.app import start_demo_sandbox
    from app.ui.main_window import MainWindow
    from app.ui.state import UiState

    workspace = Workspace(Config())
    window = MainWindow(workspace, UiState())
    qtbot.addWidget(window)
    running: list[Sandbox] = []
    try:
        window.show()
        assert window.current_profile_name() == ""  # the window did not wait for it
        start_demo_sandbox(window, True, running)
        qtbot.waitUntil(lambda: window.current_profile_name() == "demo", timeout=10000)
        assert window.profile_badge.text() == "DEMO SANDBOX"
        window.qr_page.open_id_edit.setText("oDemo")
        with qtbot.waitSignal(window.qr_page.generated, timeout=15000):
            window.qr_page.generate()
        assert len(running) == 1 and running[0].received
    finally:
        window.tasks.wait_all(5000)
        workspace.close()
        for sandbox in running:
            sandbox.stop()


def test_navigation_by_keyboard(qtbot, demo_window) -> None:
    from app.ui.pages.batch_page import BatchPage

    nav = demo_window.nav
    assert nav.currentRow() == demo_window.PAGE_QR and nav.count() == 6
    first = nav.button(demo_window.PAGE_QR)
    demo_window.profile_switcher.setFocus()
    qtbot.keyClick(demo_window.profile_switcher, Qt.Key.Key_Tab)  # Tab reaches the checked page
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Down)  # the arrow keys walk the pages
    assert nav.currentRow() == demo_window.PAGE_BATCH
    assert isinstance(demo_window.current_page(), BatchPage)
    assert nav.button(demo_window.PAGE_BATCH).hasFocus()
    qtbot.keyClick(nav.button(demo_window.PAGE_BATCH), Qt.Key.Key_Tab)  # on to the page
    assert not any(nav.button(i).hasFocus() for i in range(nav.count()))
    qtbot.keyClick(demo_window.focusWidget(), Qt.Key.Key_Backtab)  # back to the checked one
    qtbot.waitUntil(nav.button(demo_window.PAGE_BATCH).hasFocus)
    qtbot.keyClick(nav.button(demo_window.PAGE_BATCH), Qt.Key.Key_Up)
    assert nav.currentRow() == demo_window.PAGE_QR
    assert [nav.button(i).text() for i in range(nav.count())][:2] == ["QR codes", "Batch"]


def test_the_window_reopens_on_the_page_it_was_closed_on(qtbot, make_window, sandbox) -> None:
    from app.ui.pages.history_page import HistoryPage

    window = make_window(sandbox.demo_profile())
    window.nav.setCurrentRow(window.PAGE_HISTORY)
    window.close()
    again = make_window(sandbox.demo_profile())
    assert again.nav.currentRow() == again.PAGE_HISTORY
    assert again.nav.button(again.PAGE_HISTORY).isChecked()
    assert isinstance(again.current_page(), HistoryPage)
    assert again.findChildren(QrPage) == []  # only the page shown was built


def test_a_first_start_on_a_laptop_sized_screen_takes_all_of_it(make_window, sandbox) -> None:
    """The offscreen screen is 800×600: no room for 1120×720, so the first window starts
    maximized (the pages are laid out for a laptop's whole screen); once closed, the window
    comes back as it was left."""
    first = make_window(sandbox.demo_profile())
    assert first.screen().availableGeometry().width() < 1120 and first.starts_maximized
    first.close()
    again = make_window(sandbox.demo_profile())
    assert not again.starts_maximized  # left unmaximized: restored so
