from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from app.core.paths import config_path
from app.core.profiles import Profile, load_config
from app.core.workspace import Workspace
from app.sandbox import Sandbox
from app.ui.main_window import MainWindow
from app.ui.state import UiState


@dataclass
class Questions:
    """Stands in for :func:`app.ui.dialogs.ask_confirm`: records each question's text and
    answers ``answer`` (Cancel, the dialog's default, unless a test says otherwise)."""

    answer: bool = False
    asked: list[str] = field(default_factory=list)

    def __call__(self, _parent: object, _title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer


class _UrlRecorder(QObject):
    """Qt's own hook for "open this URL": stands in for the desktop's file manager."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


@pytest.fixture
def opened_folders() -> Iterator[list[str]]:
    """The local paths the window asked the desktop to open (nothing is opened for real)."""
    recorder = _UrlRecorder()
    QDesktopServices.setUrlHandler("file", recorder, "open")
    yield recorder.opened
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    """No modal question ever blocks a GUI test."""
    from app.ui import dialogs

    recorder = Questions()
    monkeypatch.setattr(dialogs, "ask_confirm", recorder)
    return recorder


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    """The Chinese UI (our catalogue and Qt's) for the test; English again after it."""
    from PySide6.QtCore import QLocale

    from app.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    yield
    for translator in qapp.property("recall_desk_translators") or []:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en"))


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    """Build a MainWindow over the real config file in the test's home, plus an optional
    profile (e.g. a sandbox's demo profile) that is never saved."""
    made: list[MainWindow] = []

    def make(demo_profile: Profile | None = None) -> MainWindow:
        workspace = Workspace(load_config(config_path()), demo_profile=demo_profile)
        window = MainWindow(workspace, UiState())
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.tasks.wait_all(5000)
        window.workspace.close()


@pytest.fixture
def demo_window(make_window, sandbox: Sandbox) -> MainWindow:
    return make_window(sandbox.demo_profile())


def generate(qtbot: QtBot, window: MainWindow, open_id: str = "o123") -> None:
    page = window.qr_page
    page.open_id_edit.setText(open_id)
    with qtbot.waitSignal(page.generated, timeout=10000):
        qtbot.mouseClick(page.generate_button, _left())


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def config_text() -> str:
    path: Path = config_path()
    return path.read_text(encoding="utf-8") if path.exists() else ""
