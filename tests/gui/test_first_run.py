"""First run says what to do; F1 opens the local help in the UI language."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_first_run_offers_the_sandbox_or_a_profile_and_is_not_shown_again(
    qtbot, make_window, sandbox
) -> None:
    window = make_window(sandbox.demo_profile())
    assert window.first_run.isVisible()
    assert "sandbox" in window.first_run.text.text()
    window.nav.setCurrentRow(window.PAGE_HISTORY)
    qtbot.mouseClick(window.first_run.sandbox_button, Qt.MouseButton.LeftButton)
    assert not window.first_run.isVisible()
    assert window.current_profile_name() == "demo"
    assert window.nav.currentRow() == window.PAGE_QR
    window.close()
    assert not make_window(sandbox.demo_profile()).first_run.isVisible()


def test_add_my_profile_opens_a_new_profile_in_settings(qtbot, make_window, sandbox) -> None:
    window = make_window(sandbox.demo_profile())
    qtbot.mouseClick(window.first_run.profile_button, Qt.MouseButton.LeftButton)
    assert window.nav.currentRow() == window.PAGE_SETTINGS
    assert window.settings_page.has_unsaved_edits()  # a new, unsaved profile to fill in
    assert window.settings_page.name_edit.hasFocus() or window.settings_page.name_edit.text()


def test_f1_opens_the_help_in_the_ui_language(qtbot, demo_window) -> None:
    from PySide6.QtCore import QLocale

    from app.ui.help_dialog import HelpDialog

    qtbot.keyClick(demo_window, Qt.Key.Key_F1)
    dialog = demo_window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Try the sandbox" in dialog.browser.toPlainText()
    dialog.close()
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        chinese = HelpDialog(demo_window)
        assert "试用沙箱" in chinese.browser.toPlainText()
    finally:
        QLocale.setDefault(QLocale("en"))
