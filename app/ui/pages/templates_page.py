"""Templates: browse the middleware's list and send a test message."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.ui.tasks import TaskRunner


class TemplatesPage(QWidget):
    def __init__(self, window: Any, tasks: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("templatesPage")
        self._window = window
        self._tasks = tasks
        self.send_to_edit = QLineEdit()
        self.send_to_edit.setObjectName("sendToEdit")
        self.send_to_edit.setAccessibleName(self.tr("Recipient openId"))
        form = QFormLayout()
        form.addRow(self.tr("Recipient openId"), self.send_to_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def set_recipient(self, open_id: str) -> None:
        self.send_to_edit.setText(open_id)

    def profile_changed(self) -> None:
        pass
