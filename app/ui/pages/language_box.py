"""The Settings page's Application box: the interface language, applied at the next start."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton

from app.ui.state import UiState
from app.ui.widgets import FormComboBox


class LanguageBox(QGroupBox):
    """Choose the interface language; offers a restart once it changed.

    Signals:
        restart_requested(): the user wants a restart in the newly chosen language.
    """

    restart_requested = Signal()

    def __init__(self, state: UiState) -> None:
        super().__init__()
        self.setTitle(self.tr("Application"))
        self._state = state
        self.language_combo = FormComboBox()
        self.language_combo.setObjectName("settingsLanguageCombo")
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("Follow the system"), "")
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("简体中文", "zh_CN")
        current = state.get("ui/language")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(current)))
        self.language_combo.currentIndexChanged.connect(self._on_language)
        self.language_note = QLabel()
        self.language_note.setObjectName("settingsLanguageNote")
        self.language_note.setWordWrap(True)
        self.restart_button = QPushButton(self.tr("Restart now"))
        self.restart_button.setObjectName("settingsRestartButton")
        self.restart_button.setToolTip(self.tr("Restart Recall Desk in the chosen language"))
        self.restart_button.clicked.connect(self.restart_requested)
        self.restart_button.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.language_note)
        form.addRow(self.restart_button)

    def _on_language(self, _index: int) -> None:
        self._state.set("ui/language", self.language_combo.currentData())
        self.language_note.setText(self.tr("Applies when Recall Desk starts again."))
        self.restart_button.show()
