"""Check middleware: run the conformance checks of app.core.check, show each verdict, and
export the run as a report for the middleware's vendor."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.check import TestSend, run_checks, verdict
from app.core.check_report import CheckReport, result_text, summary, write_report
from app.core.hand_templates import HandTemplates
from app.core.templates import Template
from app.ui import dialogs
from app.ui.errors import describe, fill, say, ui_language
from app.ui.page_context import PageContext
from app.ui.widgets import FormComboBox, InlineMessage, plain_tooltip

COLORS = {
    "pass": "#166534",
    "warn": "#b45309",
    "fail": "#b91c1c",
    "skip": "#6b7280",
    "unknown": "#b45309",
}


class CheckPage(QWidget):
    """Signals:
    checked(list): the CheckResults of a finished run.
    templates_loaded(int): the template list for the test send arrived.
    report_written(str): the report was written to this path.
    """

    checked = Signal(list)
    templates_loaded = Signal(int)
    report_written = Signal(str)

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("checkPage")
        self._context = context
        self._tasks = context.tasks
        self._report: CheckReport | None = None
        self._loaded_for = ""
        self._running = False
        intro = QLabel(
            self.tr(
                "Checks the active profile's simulation middleware against the contract. "
                "The probes use a template that cannot exist, so nothing reaches a customer; "
                "choose a recipient and a template to also send one real test message, its "
                "fields filled with values that pass WeChat's rules."
            )
        )
        intro.setWordWrap(True)
        self.send_to_edit = QLineEdit()
        self.send_to_edit.setObjectName("checkSendToEdit")
        self.send_to_edit.setAccessibleName(self.tr("Test recipient openId"))
        self.send_to_edit.setPlaceholderText(self.tr("Optional: your own openId"))
        self.send_to_edit.textChanged.connect(self._inputs_changed)
        self.template_combo = FormComboBox()
        self.template_combo.setObjectName("checkTemplateCombo")
        self.template_combo.setAccessibleName(self.tr("Test template"))
        self.template_combo.setMinimumContentsLength(30)
        self.template_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_combo.currentIndexChanged.connect(self._inputs_changed)
        self.reload_button = QPushButton(self.tr("Reload list"))
        self.reload_button.setObjectName("checkReloadButton")
        self.reload_button.clicked.connect(self.load_templates)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_combo, 1)
        template_row.addWidget(self.reload_button)
        form = QFormLayout()
        form.addRow(self.tr("Test recipient openId"), self.send_to_edit)
        form.addRow(self.tr("Test template"), template_row)
        self.run_button = QPushButton(self.tr("Run check"))
        self.run_button.setObjectName("checkRunButton")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.report_button = QPushButton(self.tr("Export report…"))
        self.report_button.setObjectName("checkReportButton")
        self.report_button.setToolTip(
            self.tr("Save this run as HTML or Markdown for the middleware's vendor")
        )
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.export_report)
        buttons = QVBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        self.results = QTreeWidget()
        self.results.setObjectName("checkResults")
        self.results.setAccessibleName(self.tr("Check results"))
        self.results.setRootIsDecorated(False)
        self.results.setWordWrap(True)
        self.results.setUniformRowHeights(False)
        self.results.setHeaderLabels(
            [
                self.tr("Result"),
                self.tr("Check"),
                self.tr("Seen"),
                self.tr("Expected"),
                self.tr("How to fix"),
            ]
        )
        header = self.results.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 260)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.message = InlineMessage()
        self.message.setObjectName("checkMessage")
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        self._fill_templates([])

    # -- the template list ---------------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if self._loaded_for != self._context.active_profile_name():
            self.load_templates()

    def profile_changed(self) -> None:
        """A run and a list belong to the profile they were made with."""
        self._loaded_for = ""
        self._fill_templates([])
        self._clear_results()
        if self.isVisible():
            self.load_templates()

    def load_templates(self) -> None:
        name = self._context.active_profile_name()
        profile = self._context.active_profile()
        if profile is None or not profile.middleware_url:
            return
        self.reload_button.setEnabled(False)
        workspace = self._context.workspace
        self._tasks.run(
            lambda: workspace.service(name).list_templates(),
            lambda listing: self._on_templates(name, listing.templates),
            self._on_templates_failed,
        )

    def _on_templates(self, name: str, templates: list[Template]) -> None:
        self.reload_button.setEnabled(True)
        if name != self._context.active_profile_name():
            return
        self._loaded_for = name
        ids = {t.template_id for t in templates}
        own = [t for t in HandTemplates().for_profile(name) if t.template_id not in ids]
        self._fill_templates([*templates, *own])
        self.templates_loaded.emit(len(templates))

    def _on_templates_failed(self, error: BaseException) -> None:
        self.reload_button.setEnabled(True)
        summary_text, detail = describe(error)
        self.message.show_message("error", summary_text, detail)

    def _fill_templates(self, templates: list[Template]) -> None:
        current = self.template_id()
        combo = self.template_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("No test send (probes only)"), None)
        for t in templates:
            fields = fill(self.tr("{n:field/fields}"), n=len(t.fields))
            mark = "✎ " if t.by_hand else ""
            combo.addItem(f"{mark}{t.title or t.template_id} — {fields} — {t.template_id}", t)
        ids = [t.template_id if t else None for t in map(self._template_at, range(combo.count()))]
        index = ids.index(current) if current in ids else 0
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def _template_at(self, index: int) -> Template | None:
        data = self.template_combo.itemData(index)
        return data if isinstance(data, Template) else None

    def template(self) -> Template | None:
        return self._template_at(self.template_combo.currentIndex())

    def template_id(self) -> str:
        template = self.template()
        return template.template_id if template else ""

    def select_template(self, template_id: str) -> bool:
        for i in range(self.template_combo.count()):
            t = self._template_at(i)
            if t is not None and t.template_id == template_id:
                self.template_combo.setCurrentIndex(i)
                return True
        return False

    # -- running ---------------------------------------------------------------------------------
    def run(self) -> None:
        if self._running:
            return
        send_to, template = self.send_to_edit.text().strip(), self.template()
        if bool(send_to) != bool(template):
            self.message.show_message(
                "error",
                self.tr("Give both a recipient and a template for the test send, or neither."),
            )
            return
        workspace = self._context.workspace
        name = self._context.active_profile_name()
        profile = workspace.profile(name)
        if not profile.middleware_url:
            self.message.show_message(
                "error",
                say(
                    "error.bad_input",
                    reason=say("profile.no_middleware_url", profile=name, field="middleware_url"),
                ),
            )
            return
        test_send = TestSend(send_to, template.template_id, template) if template else None
        if (
            test_send
            and profile.production
            and not dialogs.confirm_production_send(
                self,
                profile=name,
                account=profile.offi_account_id,
                touser=send_to,
                template_id=test_send.template_id,
            )
        ):
            self.message.show_message("info", self.tr("Not sent."))
            return
        self._running = True
        self.run_button.setEnabled(False)
        self._clear_results()
        self.message.show_message(
            "info", self.tr("Checking {url}…").format(url=profile.middleware_url)
        )
        when = datetime.now().astimezone()
        self._tasks.run(
            lambda: run_checks(workspace.service(name), test_send=test_send),
            lambda results: self._show(CheckReport(profile, when, results)),
            self._failed,
        )

    def _show(self, report: CheckReport) -> None:
        self._running = False
        self.run_button.setEnabled(True)
        lang = ui_language()
        for r in report.results:
            text = result_text(r, lang)
            item = QTreeWidgetItem([text.status, text.title, text.seen, text.expected, text.fix])
            item.setForeground(0, QColor(COLORS[r.status]))
            for column, value in ((2, text.seen), (3, text.expected), (4, text.fix)):
                item.setToolTip(column, plain_tooltip(value))  # errmsg is the server's text
            self.results.addTopLevelItem(item)
        level = (
            "ok"
            if verdict(report.results)
            else ("warning" if all(r.status != "fail" for r in report.results) else "error")
        )
        self.message.show_message(level, summary(report.results, lang))
        self._report = report
        self.report_button.setEnabled(True)
        self.checked.emit(report.results)

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.run_button.setEnabled(True)
        summary_text, detail = describe(exc)
        self.message.show_message("error", summary_text, detail)

    def _inputs_changed(self) -> None:
        if self._report is not None:
            self._clear_results()
            self.message.show_message(
                "info", self.tr("The inputs changed: run the check again for a new result.")
            )

    def _clear_results(self) -> None:
        self.results.clear()
        self._report = None
        self.report_button.setEnabled(False)

    def report(self) -> CheckReport | None:
        """The last run, while the inputs are those it ran with."""
        return self._report

    # -- the report ------------------------------------------------------------------------------
    def export_report(self) -> None:
        if self._report is None:
            return
        stamp = self._report.when.strftime("%Y%m%d-%H%M")
        suggested = str(Path.home() / f"middleware-check-{stamp}.html")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export report"),
            suggested,
            self.tr("HTML report (*.html);;Markdown (*.md)"),
        )
        if path:
            self.write_report_to(Path(path))

    def write_report_to(self, path: Path) -> None:
        """Write the last run's report to ``path`` (off the GUI thread)."""
        report, lang = self._report, ui_language()
        if report is None:
            return
        self._tasks.run(
            lambda: write_report(path, report, lang),
            lambda _none: self._written(path),
            self._failed,
        )

    def _written(self, path: Path) -> None:
        self.message.show_message("ok", self.tr("Report written to {path}").format(path=path))
        self.report_written.emit(str(path))
