"""History: every QR request and send, searchable and filterable, with detail and Use again."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import messages
from app.core.history import Event, export_csv
from app.ui.errors import describe, fill, say, ui_language
from app.ui.page_context import PageContext
from app.ui.widgets import FormComboBox, InlineMessage

DAY = 86400.0


class HistoryPage(QWidget):
    """Signals:
    loaded(int): rows shown after a search.
    use_again(object): the user wants this Event's request back in its form.
    exported(str): the filtered rows were written to this CSV.
    retention_changed(int): the database now keeps this many days (0: everything).
    cleaned(int): a clean-up deleted this many rows and compacted the file.
    """

    loaded = Signal(int)
    use_again = Signal(object)
    exported = Signal(str)
    retention_changed = Signal(int)
    cleaned = Signal(int)

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("historyPage")
        self._context = context
        self._tasks = context.tasks
        self._events: list[Event] = []
        self._loading = False
        self._again = False
        self._notice = ""  # a result to keep showing across the refresh it causes
        self._told_moved = ""

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("historySearchEdit")
        self.search_edit.setAccessibleName(self.tr("Search history"))
        self.search_edit.setPlaceholderText(
            self.tr("Search openId, template, channel, errcode, text")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.profile_combo = self._combo("historyProfileCombo", self.tr("Profile"))
        self.kind_combo = self._combo(
            "historyKindCombo",
            self.tr("Kind"),
            [(self.tr("QR codes"), "qr"), (self.tr("Sends"), "send")],
        )
        self.outcome_combo = self._combo(
            "historyOutcomeCombo",
            self.tr("Outcome"),
            [
                (self.tr("ok"), "ok"),
                (self.tr("refused"), "refused"),
                (self.tr("failed"), "error"),
                (self.tr("unknown"), "unknown"),
            ],
        )
        self.period_combo = FormComboBox()
        self.period_combo.setObjectName("historyPeriodCombo")
        self.period_combo.setAccessibleName(self.tr("Period"))
        for label, days in (
            (self.tr("All time"), 0),
            (self.tr("Today"), -1),
            (self.tr("Last 7 days"), 7),
            (self.tr("Last 30 days"), 30),
        ):
            self.period_combo.addItem(label, days)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.profile_combo, self.kind_combo, self.outcome_combo, self.period_combo):
            combo.currentIndexChanged.connect(lambda _i: self._debounce.start())
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        for combo in (self.profile_combo, self.kind_combo, self.outcome_combo, self.period_combo):
            filters.addWidget(combo)

        self.tree = QTreeWidget()
        self.tree.setObjectName("historyList")
        self.tree.setAccessibleName(self.tr("History"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
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
        self.tree.currentItemChanged.connect(self._show_detail)
        self.tree.itemDoubleClicked.connect(lambda *_: self.use_selected())
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("historyDetail")
        self.detail.setAccessibleName(self.tr("Request and response"))
        self.detail.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.again_button = QPushButton(self.tr("Use again"))
        self.again_button.setObjectName("historyUseAgainButton")
        self.again_button.setToolTip(self.tr("Fill the form with this request (nothing is sent)"))
        self.again_button.clicked.connect(self.use_selected)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("historyExportButton")
        self.export_button.clicked.connect(self.export_dialog)
        self.clear_button = QPushButton(self.tr("Clear history…"))
        self.clear_button.setObjectName("historyClearButton")
        self.clear_button.setToolTip(
            self.tr("Delete this profile's history; other profiles keep theirs")
        )
        self.clear_button.clicked.connect(self.clear_profile)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("historyRefreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.retention_combo = FormComboBox()
        self.retention_combo.setObjectName("historyRetentionCombo")
        self.retention_combo.setAccessibleName(self.tr("Keep history for"))
        self.retention_combo.setToolTip(
            self.tr("Rows older than this are deleted, a few thousand at each start")
        )
        for label, days in (
            (self.tr("Keep 30 days"), 30),
            (self.tr("Keep 90 days"), 90),
            (self.tr("Keep 6 months"), 182),
            (self.tr("Keep 1 year"), 365),
            (self.tr("Keep 2 years"), 730),
            (self.tr("Keep everything"), 0),
        ):
            self.retention_combo.addItem(label, days)
        self.retention_combo.setEnabled(False)  # until the database says what it keeps
        self.retention_combo.activated.connect(self._retention_chosen)
        self.clean_button = QPushButton(self.tr("Clean up now"))
        self.clean_button.setObjectName("historyCleanUpButton")
        self.clean_button.setToolTip(
            self.tr("Delete the rows older than the period kept and compact the database")
        )
        self.clean_button.clicked.connect(self.clean_up)
        buttons = QHBoxLayout()
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retention_combo)
        buttons.addWidget(self.clean_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.refresh_button)
        self.message = InlineMessage()
        self.message.setObjectName("historyMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.again_button.setEnabled(False)

    def _combo(
        self, name: str, everything: str, items: list[tuple[str, str]] | None = None
    ) -> QComboBox:
        combo = FormComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(everything)
        combo.addItem(self.tr("All: {what}").format(what=everything), "")
        for label, value in items or []:
            combo.addItem(label, value)
        return combo

    # -- loading -----------------------------------------------------------------------------------
    def _criteria(self) -> dict[str, Any]:
        days = self.period_combo.currentData()
        since = None
        if days == -1:
            since = dt.datetime.combine(dt.date.today(), dt.time()).timestamp()
        elif days:
            since = time.time() - days * DAY
        return {
            "text": self.search_edit.text(),
            "profile": self.profile_combo.currentData() or "",
            "kind": self.kind_combo.currentData() or "",
            "outcome": self.outcome_combo.currentData() or "",
            "since": since,
        }

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        workspace = self._context.workspace
        criteria = self._criteria()

        def work() -> tuple[list[Event], list[str], int, str]:
            history = workspace.history
            events, profiles = history.search(**criteria), history.profiles()
            moved = str(history.recovered_to) if history.recovered_to else ""
            return events, profiles, history.retention_days, moved

        self._tasks.run(work, self._show, self._failed)

    def _show(self, value: tuple[list[Event], list[str], int, str]) -> None:
        self._loading = False
        events, profiles, retention, moved = value
        self._show_retention(retention)
        self._events = events
        current = self.profile_combo.currentData()
        self.profile_combo.blockSignals(True)
        while self.profile_combo.count() > 1:
            self.profile_combo.removeItem(1)
        for name in profiles:
            self.profile_combo.addItem(name, name)
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(current)))
        self.profile_combo.blockSignals(False)
        outcome_text = {
            "ok": self.tr("ok"),
            "refused": self.tr("refused"),
            "error": self.tr("failed"),
            "unknown": self.tr("unknown"),
            "pending": self.tr("in flight"),
        }
        kinds = {"qr": self.tr("QR code"), "send": self.tr("Send")}
        lang = ui_language()
        self.tree.clear()
        for event in events:
            when = dt.datetime.fromtimestamp(event.ts).strftime("%Y-%m-%d %H:%M:%S")
            item = QTreeWidgetItem(
                [
                    when,
                    event.profile,
                    kinds.get(event.kind, event.kind),
                    event.target,
                    event.template_id or event.channel,
                    outcome_text.get(event.outcome, event.outcome),
                    event.code,
                    _failure(event, lang)[:200],
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, event.id)
            self.tree.addTopLevelItem(item)
        if moved and moved != self._told_moved:  # moved aside when the database opened
            self._told_moved = moved  # said once; the next refresh shows the list plainly
            self.message.show_message("warning", say("history.damaged", path=moved))
        elif self._notice:  # what the action that asked for this refresh did
            self.message.show_message("ok", self._notice)
        else:
            self.message.clear()
        self._notice = ""
        self.detail.clear()
        self.again_button.setEnabled(False)
        self.loaded.emit(len(events))
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.clean_button.setEnabled(True)
        summary, detail = describe(exc)
        self.message.show_message("error", summary, detail)

    # -- retention -------------------------------------------------------------------------------
    def _show_retention(self, days: int) -> None:
        index = self.retention_combo.findData(days)
        if index < 0:  # a period set elsewhere: show it as it is
            self.retention_combo.addItem(fill(self.tr("Keep {n:day/days}"), n=days), days)
            index = self.retention_combo.count() - 1
        self.retention_combo.setCurrentIndex(index)
        self.retention_combo.setEnabled(True)

    def _retention_chosen(self, _index: int) -> None:
        days = int(self.retention_combo.currentData())
        workspace = self._context.workspace

        def done(_: object) -> None:
            self.retention_changed.emit(days)

        self._tasks.run(lambda: workspace.history.set_retention_days(days), done, self._failed)

    def clean_up(self) -> None:
        """Delete what is past the retention and vacuum, on a worker (seconds on a big file)."""
        workspace = self._context.workspace
        self.clean_button.setEnabled(False)
        self.message.show_message("info", self.tr("Cleaning up the history database…"))

        def done(result: tuple[int, int, int]) -> None:
            deleted, before, after = result
            self.clean_button.setEnabled(True)
            self._notice = fill(
                self.tr(
                    "{n:old row/old rows} deleted; the database went from {before:size} to "
                    "{after:size}."
                ),
                n=deleted,
                before=before,
                after=after,
            )
            self.message.show_message("ok", self._notice)
            self.cleaned.emit(deleted)
            self.refresh()

        self._tasks.run(lambda: workspace.history.clean_up(), done, self._failed)

    def events(self) -> list[Event]:
        return list(self._events)

    def selected(self) -> Event | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        event_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((e for e in self._events if e.id == event_id), None)

    def select_row(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _show_detail(self, *_: object) -> None:
        event = self.selected()
        self.again_button.setEnabled(event is not None)
        if event is None:
            self.detail.clear()
            return
        response = event.response
        try:
            response = json.dumps(json.loads(response), ensure_ascii=False, indent=2)
        except (json.JSONDecodeError, TypeError):
            pass
        lines = [
            self.tr("Request"),
            json.dumps(event.request, ensure_ascii=False, indent=2),
            "",
            self.tr("Response"),
            response or "—",
        ]
        if event.error_key:
            lines += ["", self.tr("Error"), _failure(event, ui_language())]
        if event.client_msg_id:
            lines += ["", f"client_msg_id: {event.client_msg_id}"]
        lines += ["", self.tr("Took {ms} ms").format(ms=event.duration_ms)]
        self.detail.setPlainText("\n".join(lines))

    def use_selected(self) -> None:
        event = self.selected()
        if event is not None:
            self.use_again.emit(event)

    # -- export and clear ------------------------------------------------------------------------
    @classmethod
    def ask_save_path(cls, parent: QWidget, default: str) -> str:
        title = QCoreApplication.translate("HistoryPage", "Export history")
        path, _ = QFileDialog.getSaveFileName(parent, title, default, "CSV (*.csv)")
        return path

    @classmethod
    def ask_confirm(cls, parent: QWidget, text: str) -> bool:
        title = QCoreApplication.translate("HistoryPage", "Clear history")
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def export_dialog(self) -> None:
        default = str(Path.home() / f"recall-desk-history-{dt.date.today():%Y%m%d}.csv")
        path = self.ask_save_path(self, default)
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        events = list(self._events)

        def done(_: object) -> None:
            self.message.show_message(
                "ok", fill(self.tr("{n:row/rows} exported to {path}"), n=len(events), path=path)
            )
            self.exported.emit(path)

        lang = ui_language()
        self._tasks.run(lambda: export_csv(events, Path(path), lang), done, self._failed)

    def clear_profile(self) -> None:
        name = self.profile_combo.currentData() or self._context.active_profile_name()
        if not name or not self.ask_confirm(
            self, self.tr("Delete every history row of profile “{name}”?").format(name=name)
        ):
            return
        workspace = self._context.workspace

        def done(count: int) -> None:
            self.message.show_message("ok", fill(self.tr("{n:row/rows} deleted."), n=count))
            self.refresh()

        self._tasks.run(lambda: workspace.history.clear(name), done, self._failed)


def _failure(event: Event, lang: str) -> str:
    """The recorded failure as a sentence in ``lang`` (rows keep a key and parameters)."""
    return messages.say(event.error_key, lang, **event.error_params) if event.error_key else ""
