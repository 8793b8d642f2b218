"""Settings never lose an edit or surprise: questions before discarding, inline missing values,
the active and default profiles left alone, profiles shared as a file without secrets."""

from __future__ import annotations

from PySide6.QtCore import QProcess

from app.core.profiles import Config, Profile
from app.core.workspace import Workspace
from app.sandbox import DEMO_APP_ID, DEMO_SECRET
from tests.gui.conftest import config_text

SECRET = "s3cret-never-exported"


def _settings(window):
    window.nav.setCurrentRow(window.PAGE_SETTINGS)
    return window.settings_page


def _selected(settings) -> str:
    return settings.profile_list.currentItem().data(0x0100)  # Qt.UserRole


def _listed(settings) -> list[str]:
    listed = settings.profile_list
    return [listed.item(row).data(0x0100) for row in range(listed.count())]


def _save_profile(qtbot, settings, name: str, sandbox) -> None:
    settings.new_profile()
    settings.name_edit.setText(name)
    settings.qr_api_url_edit.setText(sandbox.qr_api_url)
    settings.app_id_edit.setText("demo-app")
    qtbot.keyClicks(settings.secret_edit, SECRET)
    with qtbot.waitSignal(settings.saved, timeout=10000):
        settings.save()


def test_switching_away_from_a_new_profile_asks_first(qtbot, demo_window, questions) -> None:
    settings = _settings(demo_window)
    settings.new_profile()
    settings.name_edit.setText("mine")
    demo_row = _listed(settings).index("demo")
    settings.profile_list.setCurrentRow(demo_row)  # Cancel: the edit stays
    assert questions.asked and "not saved" in questions.asked[-1]
    assert settings.name_edit.text() == "mine"
    questions.answer = True
    settings.profile_list.setCurrentRow(demo_row)  # Discard: the draft goes
    assert _selected(settings) == "demo"
    assert _listed(settings) == ["demo"]


def test_an_edited_profile_asks_before_switching_and_before_closing(
    qtbot, demo_window, sandbox, questions
) -> None:
    settings = _settings(demo_window)
    questions.answer = False
    _save_profile(qtbot, settings, "team", sandbox)
    assert not settings.has_unsaved_edits()
    settings.app_id_edit.setText("changed")
    assert settings.has_unsaved_edits()
    asked = len(questions.asked)
    settings.profile_list.setCurrentRow(0)
    assert len(questions.asked) == asked + 1 and _selected(settings) == "team"
    assert not demo_window.close()  # Cancel keeps the window and the edit
    assert demo_window.isVisible() and settings.app_id_edit.text() == "changed"
    questions.answer = True
    assert demo_window.close()


def test_saving_keeps_the_active_profile_and_asks_about_the_default(
    qtbot, demo_window, sandbox, questions
) -> None:
    settings = _settings(demo_window)
    questions.answer = False  # not the default
    _save_profile(qtbot, settings, "prod", sandbox)
    assert any("default profile" in q for q in questions.asked)
    assert demo_window.current_profile_name() == "demo"
    assert demo_window.profile_badge.text() == "DEMO SANDBOX"
    assert "[profiles.prod]" in config_text() and "default_profile" not in config_text()


def test_missing_required_values_are_named_inline_and_nothing_is_saved(
    qtbot, demo_window, sandbox
) -> None:
    settings = _settings(demo_window)
    settings.new_profile()
    settings.name_edit.setText("half")
    settings.qr_api_url_edit.setText(sandbox.qr_api_url)
    settings.save()
    assert settings.message.level == "error"
    assert "appId" in settings.message.text() and "Secret" in settings.message.text()
    assert "border" in settings.app_id_edit.styleSheet()
    settings.app_id_edit.setText("demo-app")
    settings.save()
    assert "appId" not in settings.message.text() and "Secret" in settings.message.text()
    assert settings.app_id_edit.styleSheet() == ""
    settings.qr_api_url_edit.clear()
    settings.save()
    assert "QR API URL" in settings.message.text()
    assert config_text() == ""


def test_the_sandbox_is_listed_beside_saved_profiles_and_marked(qtbot, sandbox) -> None:
    from app.ui.app import start_demo_sandbox
    from app.ui.main_window import MainWindow
    from app.ui.state import UiState

    config = Config(
        profiles={"team": Profile("team", qr_api_url=sandbox.qr_api_url)}, default_profile="team"
    )
    workspace = Workspace(config)
    window = MainWindow(workspace, UiState())
    qtbot.addWidget(window)
    running: list = []
    try:
        start_demo_sandbox(window, False, running)
        qtbot.waitUntil(lambda: window.profile_switcher.count() == 2, timeout=10000)
        labels = [window.profile_switcher.itemText(i) for i in range(2)]
        assert labels == ["demo (sandbox)", "team"]
        assert window.current_profile_name() == "team"  # listed, not chosen
    finally:
        window.tasks.wait_all(5000)
        workspace.close()
        for server in running:
            server.stop()


def test_profiles_export_without_secrets_and_import_beside_existing_ones(
    qtbot, demo_window, sandbox, tmp_path, questions
) -> None:
    settings = _settings(demo_window)
    _save_profile(qtbot, settings, "team", sandbox)
    shared = tmp_path / "shared.toml"
    with qtbot.waitSignal(settings.sharing.exported, timeout=10000):
        settings.sharing.export_to(str(shared))
    text = shared.read_text(encoding="utf-8")
    assert "[profiles.team]" in text and sandbox.qr_api_url in text
    assert SECRET not in text and "secret" not in text and "demo" not in text.split("[")[0]
    with qtbot.waitSignal(settings.profiles_changed, timeout=10000):
        settings.sharing.import_from(str(shared))
    assert set(demo_window.workspace.profile_names()) == {"demo", "team", "team-2"}
    assert demo_window.workspace.profile("team-2").qr_api_url == sandbox.qr_api_url
    assert "[profiles.team-2]" in config_text() and SECRET not in config_text()


def test_changing_the_language_offers_a_restart_that_keeps_the_page(
    qtbot, demo_window, monkeypatch
) -> None:
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        QProcess, "startDetached", lambda program, args: started.append((program, args)) or True
    )
    monkeypatch.setattr("PySide6.QtCore.QCoreApplication.quit", lambda: None)
    settings = _settings(demo_window)
    assert settings.restart_button.isHidden()
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("zh_CN"))
    assert demo_window.state.get("ui/language") == "zh_CN"
    assert not settings.restart_button.isHidden()
    settings.restart_button.click()
    assert started and started[0][1][:2] == ["-m", "app"]
    assert not demo_window.isVisible()
    assert demo_window.state.get("window/page") == demo_window.PAGE_SETTINGS


def test_the_maximised_state_is_remembered(qtbot, make_window, sandbox) -> None:
    window = make_window(sandbox.demo_profile())
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.close()
    assert window.state.get("window/maximized") is True


def test_settings_open_before_the_sandbox_is_up_lists_it_once_it_is(
    qtbot, make_window, sandbox
) -> None:
    """The page restored at start (a restart after changing the language) is built before the
    demo sandbox answers: it lists the sandbox when it comes, not an empty list."""
    window = make_window()
    settings = _settings(window)
    assert _listed(settings) == [] and not settings.form_widget.isEnabled()
    window.add_demo_profile(sandbox.demo_profile(), select=True)
    assert _listed(settings) == ["demo"] and settings.name_edit.text() == "demo"


def test_the_sandbox_coming_up_keeps_unsaved_edits_in_the_form(
    qtbot, make_window, sandbox
) -> None:
    window = make_window()
    settings = _settings(window)
    _save_profile(qtbot, settings, "team", sandbox)
    settings.app_id_edit.setText("edited-not-saved")
    window.add_demo_profile(sandbox.demo_profile(), select=False)
    assert _listed(settings) == ["demo", "team"] and _selected(settings) == "team"
    assert settings.app_id_edit.text() == "edited-not-saved" and settings.has_unsaved_edits()


def test_test_connection_of_a_saved_profile_signs_with_its_secret_in_the_keyring(
    qtbot, demo_window, sandbox
) -> None:
    """The form holds no secret once saved: the test reads the keyring (the sandbox refuses
    a token made with another secret)."""
    settings = _settings(demo_window)
    settings.new_profile()
    settings.name_edit.setText("team")
    settings.qr_api_url_edit.setText(sandbox.qr_api_url)
    settings.app_id_edit.setText(DEMO_APP_ID)
    qtbot.keyClicks(settings.secret_edit, DEMO_SECRET)
    with qtbot.waitSignal(settings.saved, timeout=10000):
        settings.save()
    assert settings.secret_edit.text() == "" and not settings.has_unsaved_edits()
    with qtbot.waitSignal(settings.connection_test.tested, timeout=10000) as blocker:
        settings.test_connection()
    assert ("qr", True) in [(check, ok) for check, ok, _ in blocker.args[0]], blocker.args[0]
