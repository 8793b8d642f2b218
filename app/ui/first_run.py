"""The first-run panel: what to do with no profile yet."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)


class FirstRunPanel(QFrame):
    """Shown above the pages while no profile is saved: try the sandbox, or add a profile.

    Signals:
        try_sandbox(): the user wants to try the built-in sandbox.
        add_profile(): the user wants to add their own account.
        dismissed(): the user closed the panel.
    """

    try_sandbox = Signal()
    add_profile = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunPanel")
        self.setStyleSheet(
            "QFrame#firstRunPanel { background: #eff6ff; border: 1px solid #1d4ed8;"
            " border-radius: 6px; } QFrame#firstRunPanel QLabel { color: #1e3a8a; }"
        )
        self.text = QLabel(
            self.tr(
                "Welcome. No profile is set up yet: try everything against the built-in "
                "sandbox, or add your Udesk account and middleware."
            )
        )
        self.text.setWordWrap(True)
        self.sandbox_button = QPushButton(self.tr("Try the sandbox"))
        self.sandbox_button.setObjectName("firstRunSandboxButton")
        self.sandbox_button.clicked.connect(self.try_sandbox)
        self.profile_button = QPushButton(self.tr("Add my profile"))
        self.profile_button.setObjectName("firstRunProfileButton")
        self.profile_button.clicked.connect(self.add_profile)
        self.close_button = QPushButton(self.tr("Not now"))
        self.close_button.setObjectName("firstRunCloseButton")
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.dismissed)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        for button in (self.sandbox_button, self.profile_button, self.close_button):
            row.addWidget(button)
