"""History: the latest QR requests and sends from the SQLite history, newest first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.history import Event
from app.ui.errors import describe
from app.ui.tasks import TaskRunner
from app.ui.widgets import InlineMessage


class HistoryPage(QWidget):
    """Signals: loaded(int): rows shown after a refresh."""

    loaded = Signal(int)

    def __init__(self, window: Any, tasks: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("historyPage")
        self._window = window
        self._tasks = tasks
        self.tree = QTreeWidget()
        self.tree.setObjectName("historyList")
        self.tree.setAccessibleName(self.tr("History"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Profile"),
                self.tr("Kind"),
                self.tr("openId"),
                self.tr("Template / channel"),
                self.tr("Outcome"),
                self.tr("Code"),
                self.tr("Detail"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("historyRefreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.message = InlineMessage()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)

    def refresh(self) -> None:
        workspace = self._window.workspace
        self.refresh_button.setEnabled(False)
        self._tasks.run(lambda: workspace.history.recent(500), self._show, self._failed)

    def _show(self, events: list[Event]) -> None:
        self.refresh_button.setEnabled(True)
        self.tree.clear()
        outcome_text = {
            "ok": self.tr("ok"),
            "refused": self.tr("refused"),
            "error": self.tr("failed"),
            "unknown": self.tr("unknown"),
            "pending": self.tr("in flight"),
        }
        kinds = {"qr": self.tr("QR code"), "send": self.tr("Send")}
        for event in events:
            when = dt.datetime.fromtimestamp(event.ts).strftime("%Y-%m-%d %H:%M:%S")
            QTreeWidgetItem(
                self.tree,
                [
                    when,
                    event.profile,
                    kinds.get(event.kind, event.kind),
                    event.target,
                    event.template_id or event.channel,
                    outcome_text.get(event.outcome, event.outcome),
                    event.code,
                    event.error[:200],
                ],
            )
        self.message.clear()
        self.loaded.emit(len(events))

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        summary, detail = describe(exc)
        self.message.show_message("error", summary, detail)
