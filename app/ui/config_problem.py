"""The config file could not be read: say so above the pages, and ask before replacing it.

The window starts without the file's profiles (the demo sandbox works) and leaves the file as it
is. Settings' Save asks first, then keeps the file as ``config.toml.broken-<date>`` beside the new
one (:func:`app.core.profiles.set_aside_unreadable`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui import dialogs
from app.ui.errors import describe


class ConfigProblemPanel(QFrame):
    """What is wrong with the config file (its path and line), with the way on.

    Signals:
        use_sandbox(): continue with the built-in sandbox.
    """

    use_sandbox = Signal()

    def __init__(self, path: Path | None, error: BaseException) -> None:
        super().__init__()
        self.setObjectName("configProblemPanel")
        self.setStyleSheet(
            "QFrame#configProblemPanel { background: #fef2f2; border: 1px solid #b91c1c;"
            " border-radius: 6px; } QFrame#configProblemPanel QLabel { color: #7f1d1d; }"
        )
        self._path = path
        self.reason = describe(error)[0]
        self.text = QLabel(
            self.tr(
                "Your config file could not be read, so its profiles are not loaded and the "
                "file is left as it is: {reason}"
            ).format(reason=self.reason)
        )
        self.text.setObjectName("configProblemText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the file's path
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton(self.tr("Open its folder"))
        self.folder_button.setObjectName("configProblemFolderButton")
        self.folder_button.setEnabled(path is not None)
        self.folder_button.clicked.connect(self.open_folder)
        self.sandbox_button = QPushButton(self.tr("Continue with the sandbox"))
        self.sandbox_button.setObjectName("configProblemSandboxButton")
        self.sandbox_button.clicked.connect(self.use_sandbox)
        self.sandbox_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.folder_button)
        row.addWidget(self.sandbox_button)

    def open_folder(self) -> None:
        if self._path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._path.parent)))


def ask_to_replace(parent: QWidget, unreadable: Path) -> bool:
    """Settings' Save over an unreadable config file: start a new file, keeping the old one?"""
    return dialogs.ask_confirm(
        parent,
        QCoreApplication.translate("ConfigProblem", "Config file unreadable"),
        QCoreApplication.translate(
            "ConfigProblem",
            "{path} could not be read. Saving starts a new config file with the profiles "
            "listed here; the unreadable file is kept beside it as {name}.broken-<date>, so "
            "nothing in it is lost. Save?",
        ).format(path=unreadable, name=unreadable.name),
    )
