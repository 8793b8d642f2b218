"""Check middleware: run the conformance checks of app.core.check and show each verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
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

from app.core.check import CheckResult, run_checks, verdict
from app.core.errors import BadInput
from app.ui import dialogs
from app.ui.errors import describe, ui_language
from app.ui.page_context import PageContext
from app.ui.widgets import InlineMessage

COLORS = {"pass": "#166534", "warn": "#b45309", "fail": "#b91c1c", "skip": "#6b7280"}


class CheckPage(QWidget):
    """Signals: checked(list): the CheckResults of a finished run."""

    checked = Signal(list)

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("checkPage")
        self._context = context
        self._tasks = context.tasks
        intro = QLabel(
            self.tr(
                "Checks the active profile's simulation middleware against the contract. "
                "The probes use a template that cannot exist, so nothing reaches a customer; "
                "add a recipient and a template to also send one real test message."
            )
        )
        intro.setWordWrap(True)
        self.send_to_edit = QLineEdit()
        self.send_to_edit.setObjectName("checkSendToEdit")
        self.send_to_edit.setAccessibleName(self.tr("Test recipient openId"))
        self.send_to_edit.setPlaceholderText(self.tr("Optional: your own openId"))
        self.template_edit = QLineEdit()
        self.template_edit.setObjectName("checkTemplateEdit")
        self.template_edit.setAccessibleName(self.tr("Test template ID"))
        self.template_edit.setPlaceholderText(self.tr("Optional: a template ID for the test send"))
        form = QFormLayout()
        form.addRow(self.tr("Test recipient openId"), self.send_to_edit)
        form.addRow(self.tr("Test template ID"), self.template_edit)
        self.run_button = QPushButton(self.tr("Run check"))
        self.run_button.setObjectName("checkRunButton")
        self.run_button.clicked.connect(self.run)
        self.results = QTreeWidget()
        self.results.setObjectName("checkResults")
        self.results.setAccessibleName(self.tr("Check results"))
        self.results.setRootIsDecorated(False)
        self.results.setWordWrap(True)
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
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.message = InlineMessage()
        self.message.setObjectName("checkMessage")
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)

    def run(self) -> None:
        send_to, template_id = self.send_to_edit.text().strip(), self.template_edit.text().strip()
        if bool(send_to) != bool(template_id):
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
                describe(
                    BadInput("profile.no_middleware_url", field="middleware_url", profile=name)
                )[0],
            )
            return
        if (
            send_to
            and profile.production
            and not dialogs.confirm_production_send(
                self,
                profile=name,
                account=profile.offi_account_id,
                touser=send_to,
                template_id=template_id,
            )
        ):
            return
        self.run_button.setEnabled(False)
        self.results.clear()
        self.message.show_message(
            "info", self.tr("Checking {url}…").format(url=profile.middleware_url)
        )
        self._tasks.run(
            lambda: run_checks(
                workspace.service(name).funnel,
                profile.middleware_url,
                production=profile.production,
                send_to=send_to,
                template_id=template_id,
                lang=ui_language(),
            ),
            self._show,
            self._failed,
        )

    def _show(self, results: list[CheckResult]) -> None:
        self.run_button.setEnabled(True)
        labels = {
            "pass": self.tr("pass"),
            "warn": self.tr("warn"),
            "fail": self.tr("FAIL"),
            "skip": self.tr("skipped"),
        }
        for r in results:
            fix = r.fix if r.status in ("warn", "fail") else ""
            item = QTreeWidgetItem([labels[r.status], r.title, r.seen, r.expected, fix])
            item.setForeground(0, QColor(COLORS[r.status]))
            item.setToolTip(2, r.seen)
            item.setToolTip(4, fix)
            self.results.addTopLevelItem(item)
        failed = sum(1 for r in results if r.status == "fail")
        if verdict(results):
            self.message.show_message("ok", self.tr("The middleware meets the contract."))
        else:
            self.message.show_message(
                "error", self.tr("{n} check(s) failed: see “How to fix”.").format(n=failed)
            )
        self.checked.emit(results)

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        summary, detail = describe(exc)
        self.message.show_message("error", summary, detail)
