"""A config.toml that cannot be read at start-up: the window says what is wrong (path, line, in
the UI language), never writes over the file, offers its folder and the sandbox; Settings' Save
asks first and keeps the old file as ``config.toml.broken-<date>``."""

from __future__ import annotations

import pytest

from app.core.paths import config_path
from app.core.workspace import Workspace
from app.ui.app import read_config
from app.ui.main_window import MainWindow
from app.ui.state import UiState

BROKEN = '[profiles.office]\nqr_api_url = "https://udesk.example/qrcode\napp_id = "a1"\n'
WRONG_TYPE = '[profiles.office]\nqr_api_url = "https://udesk.example/qrcode"\ntimeout = "ten"\n'


@pytest.fixture
def broken_window(qtbot, sandbox):
    """A window started the way the app starts it, over a config file of the test's text."""

    def make(text: str) -> MainWindow:
        path = config_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        config, error = read_config(path)
        assert error is not None
        workspace = Workspace(config, demo_profile=sandbox.demo_profile())
        window = MainWindow(workspace, UiState())
        qtbot.addWidget(window)
        window.show_config_problem(error)
        window.show()
        made.append(window)
        return window

    made: list[MainWindow] = []
    yield make
    for window in made:
        window.tasks.wait_all(5000)
        window.workspace.close()


def test_a_syntax_error_is_named_with_path_and_line_instead_of_the_first_run_panel(
    broken_window,
) -> None:
    window = broken_window(BROKEN)
    text = window.config_problem.text.text()
    assert window.config_problem.isVisible() and not window.first_run.isVisible()
    assert str(config_path()) in text and "line 2" in text, text
    assert "line 2" in window.statusBar().currentMessage()
    assert "line 2" in window.settings_page.message.text()
    assert config_path().read_text(encoding="utf-8") == BROKEN


def test_a_wrong_type_is_named_in_chinese(broken_window, chinese) -> None:
    window = broken_window(WRONG_TYPE)
    text = window.config_problem.text.text()
    assert "无法读取" in text and "timeout" in text and "config.toml:3" in text, text
    assert window.config_problem.sandbox_button.text() == "继续使用沙箱"


def test_the_panel_opens_the_folder_and_continues_with_the_sandbox(
    broken_window, opened_folders: list[str]
) -> None:
    window = broken_window(BROKEN)
    window.config_problem.folder_button.click()
    assert opened_folders == [str(config_path().parent)]
    window.config_problem.sandbox_button.click()
    assert window.current_profile_name() == "demo" and not window.config_problem.isVisible()
    assert config_path().read_text(encoding="utf-8") == BROKEN


def _save_over_the_broken_file(qtbot, broken_window, sandbox, questions, *, yes: bool):
    """A new profile saved while the config file is unreadable, the question answered ``yes``;
    returns the window."""
    window = broken_window(BROKEN)
    questions.answer = yes
    window.nav.setCurrentRow(window.PAGE_SETTINGS)
    settings = window.settings_page
    settings.new_profile()
    settings.name_edit.setText("fresh")
    settings.qr_api_url_edit.setText(sandbox.qr_api_url)
    settings.app_id_edit.setText("demo-app")
    qtbot.keyClicks(settings.secret_edit, "s3cret")
    if yes:
        with qtbot.waitSignal(settings.saved, timeout=10000):
            settings.save()
    else:
        settings.save()
    return window


def test_save_asks_and_without_a_yes_leaves_the_file_alone(
    qtbot, broken_window, sandbox, questions
) -> None:
    window = _save_over_the_broken_file(qtbot, broken_window, sandbox, questions, yes=False)
    assert any(str(config_path()) in q and "broken-" in q for q in questions.asked)
    assert config_path().read_text(encoding="utf-8") == BROKEN
    assert list(config_path().parent.glob("config.toml.broken-*")) == []
    message = window.settings_page.message.text()
    assert "left as it is" in message, message


def test_save_after_a_yes_keeps_the_broken_file_beside_the_new_one(
    qtbot, broken_window, sandbox, questions
) -> None:
    window = _save_over_the_broken_file(qtbot, broken_window, sandbox, questions, yes=True)
    kept = list(config_path().parent.glob("config.toml.broken-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == BROKEN
    assert "[profiles.fresh]" in config_path().read_text(encoding="utf-8")
    message = window.settings_page.message.text()
    assert "saved" in message and str(kept[0]) in message, message
    assert not window.config_problem.isVisible()
    # A second copy of the file a moment later never replaces the first one kept.
    config, _ = read_config(config_path())
    assert "fresh" in config.profiles
