"""Templates: browse the middleware's list, fill a template, lint, preview, send a test message."""

from __future__ import annotations

import html
import json
import uuid
from typing import Any

from PySide6.QtCore import QItemSelection, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import BadInput, OutcomeUnknown, RemoteRefused
from app.core.messages import lint_message
from app.core.middleware import FieldValue, MiniProgram, SendRequest, SendResult, build_body
from app.core.templates import PLACEHOLDER, Finding, Template, has_errors, lint, preview_lines
from app.core.wechat_errors import explain
from app.ui.errors import describe, ui_language
from app.ui.page_context import PageContext
from app.ui.template_model import TEMPLATE_ROLE, TemplateTableModel
from app.ui.widgets import InlineMessage

MAX_RECIPIENTS = 20
ERROR_COLOR = "#b91c1c"
WARNING_COLOR = "#b45309"


class TemplatesPage(QWidget):
    """Browse and send.

    Signals:
        loaded(int): the list arrived with this many templates.
        load_failed(object): the list could not be loaded.
        sent(object): a SendResult (errcode 0).
        send_failed(object): the exception of a failed or unknown send.
    """

    loaded = Signal(int)
    load_failed = Signal(object)
    sent = Signal(object)
    send_failed = Signal(object)

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("templatesPage")
        self._context = context
        self._tasks = context.tasks
        self._state = context.state
        self._template: Template | None = None
        self._loading = False
        self._sending = False
        self._loaded_for = ""
        self._client_msg_id = uuid.uuid4().hex
        self._unknown_body: dict[str, Any] | None = None
        self._pending_restore: dict[str, Any] | None = None
        self._value_edits: dict[str, QLineEdit] = {}
        self._color_edits: dict[str, QLineEdit] = {}
        self._lint_labels: dict[str, QLabel] = {}
        self._findings: list[Finding] = []
        self._drafts: dict[str, dict[str, dict[str, str]]] = _load_json(
            self._state.get("templates/drafts"), {}
        )
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(400)
        self._draft_timer.timeout.connect(self._persist_drafts)

        # -- browser ---------------------------------------------------------------------------
        self.model = TemplateTableModel(self)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("templateFilterEdit")
        self.filter_edit.setAccessibleName(self.tr("Filter templates"))
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by title, ID, industry or content (Ctrl+F)")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("templateRefreshButton")
        self.refresh_button.setAccessibleName(self.tr("Refresh the template list"))
        self.refresh_button.setToolTip(self.tr("Load the template list again (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.list_view = QTableView()
        self.list_view.setObjectName("templateList")
        self.list_view.setAccessibleName(self.tr("Templates"))
        self.list_view.setModel(self.model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 52)
        header.resizeSection(2, 120)
        header.resizeSection(3, 110)
        self.list_view.setMinimumWidth(380)
        self.list_view.selectionModel().selectionChanged.connect(self._on_selection)
        self.list_message = InlineMessage()
        self.list_message.setObjectName("templateListMessage")
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.refresh_button)
        browser = QWidget()
        browser_layout = QVBoxLayout(browser)
        browser_layout.setContentsMargins(0, 0, 0, 0)
        browser_layout.addLayout(top)
        browser_layout.addWidget(self.list_message)
        browser_layout.addWidget(self.list_view, 1)
        browser_layout.addWidget(self.count_label)

        # -- details ---------------------------------------------------------------------------
        self.title_label = QLabel()
        self.title_label.setObjectName("templateTitle")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = QLabel()
        self.meta_label.setObjectName("templateMeta")
        self.meta_label.setWordWrap(True)
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("templateProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(f"color: {WARNING_COLOR};")
        self.content_view = QTextBrowser()
        self.content_view.setObjectName("templateContent")
        self.content_view.setMaximumHeight(120)
        self.example_view = QTextBrowser()
        self.example_view.setObjectName("templateExample")
        self.example_view.setMaximumHeight(120)
        details = QGroupBox(self.tr("Template"))
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.title_label)
        details_layout.addWidget(self.meta_label)
        details_layout.addWidget(self.problems_label)
        pair = QGridLayout()
        pair.addWidget(QLabel(self.tr("Content")), 0, 0)
        pair.addWidget(QLabel(self.tr("Example")), 0, 1)
        pair.addWidget(self.content_view, 1, 0)
        pair.addWidget(self.example_view, 1, 1)
        details_layout.addLayout(pair)

        # -- sender form -----------------------------------------------------------------------
        self.send_to_edit = QLineEdit()
        self.send_to_edit.setObjectName("sendToEdit")
        self.send_to_edit.setAccessibleName(self.tr("Recipient openId"))
        self.send_to_edit.setPlaceholderText(self.tr("openId of a follower, e.g. your own"))
        self.send_to_edit.setClearButtonEnabled(True)
        self._recipients = QStringListModel(_load_json(self._state.get("templates/recipients"), []))
        completer = QCompleter(self._recipients, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.send_to_edit.setCompleter(completer)
        self.send_to_edit.textChanged.connect(self._update)

        self.fields_form = QWidget()
        self.fields_form.setObjectName("sendFieldsForm")
        self.fields_form.setAccessibleName(self.tr("Template fields"))
        self.fields_grid = QGridLayout(self.fields_form)
        self.fields_grid.setContentsMargins(0, 0, 0, 0)
        self.fields_grid.setColumnStretch(2, 1)
        self.colour_note = QLabel(
            self.tr(
                "Colours are optional: WeChat ignores them since May 2023 and no longer shows "
                "“first” and “remark”."
            )
        )
        self.colour_note.setWordWrap(True)
        self.colour_note.setStyleSheet("color: palette(placeholder-text);")

        self.jump_combo = QComboBox()
        self.jump_combo.setObjectName("sendJumpCombo")
        self.jump_combo.setAccessibleName(self.tr("Jump target"))
        self.jump_combo.addItem(self.tr("None"), "none")
        self.jump_combo.addItem(self.tr("Web page (URL)"), "url")
        self.jump_combo.addItem(self.tr("Mini program"), "miniprogram")
        self.jump_combo.currentIndexChanged.connect(self._on_jump_changed)

        def line(name: str, accessible: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setAccessibleName(accessible)
            edit.setPlaceholderText(placeholder)
            edit.textChanged.connect(self._update)
            return edit

        self.url_edit = line("sendUrlEdit", self.tr("URL"), "https://…")
        self.mp_appid_edit = line("sendMpAppIdEdit", self.tr("Mini-program appid"), "wx…")
        self.pagepath_edit = line("sendPagePathEdit", self.tr("Page path"), "pages/index?foo=bar")
        self.agent_id_edit = line("sendAgentIdEdit", self.tr("Agent ID"), self.tr("Optional"))
        self.group_id_edit = line("sendGroupIdEdit", self.tr("Agent group ID"), self.tr("Optional"))
        self.jump_note = QLabel()
        self.jump_note.setObjectName("sendJumpNote")
        self.jump_note.setWordWrap(True)
        self.jump_form = QFormLayout()
        self.jump_form.addRow(self.tr("Jump target"), self.jump_combo)
        self.jump_form.addRow(self.tr("URL"), self.url_edit)
        self.jump_form.addRow(self.tr("Mini-program appid"), self.mp_appid_edit)
        self.jump_form.addRow(self.tr("Page path"), self.pagepath_edit)
        self.jump_form.addRow(self.tr("Agent ID"), self.agent_id_edit)
        self.jump_form.addRow(self.tr("Agent group ID"), self.group_id_edit)
        self.jump_form.addRow("", self.jump_note)

        recipient_form = QFormLayout()
        recipient_form.addRow(self.tr("Recipient openId"), self.send_to_edit)
        sender = QGroupBox(self.tr("Test message"))
        sender_layout = QVBoxLayout(sender)
        sender_layout.addLayout(recipient_form)
        sender_layout.addWidget(self.fields_form)
        sender_layout.addWidget(self.colour_note)
        sender_layout.addLayout(self.jump_form)

        # -- preview, JSON, send, result -------------------------------------------------------
        self.preview = QTextBrowser()
        self.preview.setObjectName("sendPreview")
        self.preview.setAccessibleName(self.tr("Message preview"))
        self.json_view = QPlainTextEdit()
        self.json_view.setObjectName("sendJsonView")
        self.json_view.setAccessibleName(self.tr("JSON body"))
        self.json_view.setReadOnly(True)
        self.json_view.textChanged.connect(self._on_json_edited)
        self.edit_json_check = QCheckBox(self.tr("Edit the JSON directly (advanced)"))
        self.edit_json_check.setObjectName("sendEditJsonCheck")
        self.edit_json_check.toggled.connect(self._on_advanced_toggled)
        self.copy_json_button = QPushButton(self.tr("Copy JSON"))
        self.copy_json_button.setObjectName("sendCopyJsonButton")
        self.copy_json_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.json_view.toPlainText())
        )
        self.json_problem = QLabel()
        self.json_problem.setObjectName("sendJsonProblem")
        self.json_problem.setStyleSheet(f"color: {ERROR_COLOR};")
        json_tab = QWidget()
        json_layout = QVBoxLayout(json_tab)
        json_layout.addWidget(self.json_view, 1)
        json_row = QHBoxLayout()
        json_row.addWidget(self.edit_json_check)
        json_row.addStretch(1)
        json_row.addWidget(self.copy_json_button)
        json_layout.addLayout(json_row)
        json_layout.addWidget(self.json_problem)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.addTab(json_tab, self.tr("JSON body"))
        self.tabs.setMinimumHeight(220)

        self.send_button = QPushButton(self.tr("Send test message"))
        self.send_button.setObjectName("sendButton")
        self.send_button.setAccessibleName(self.tr("Send test message"))
        self.send_button.setToolTip(self.tr("Send (Ctrl+Enter)"))
        self.send_button.clicked.connect(self.send)
        self.send_state = QLabel()
        self.send_state.setObjectName("sendState")
        self.send_state.setWordWrap(True)
        self.result = InlineMessage()
        self.result.setObjectName("sendResult")
        self.result.setAccessibleName(self.tr("Send result"))
        self.resend_button = QPushButton(self.tr("Resend with the same message ID"))
        self.resend_button.setObjectName("sendResendButton")
        self.resend_button.setToolTip(
            self.tr(
                "WeChat delivers a message ID at most once within 10 minutes, so this cannot "
                "produce a duplicate."
            )
        )
        self.resend_button.clicked.connect(self.resend_same)
        self.resend_button.hide()
        send_row = QHBoxLayout()
        send_row.addWidget(self.send_state, 1)
        send_row.addWidget(self.send_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(details)
        right_layout.addWidget(sender)
        right_layout.addWidget(self.tabs)
        right_layout.addLayout(send_row)
        right_layout.addWidget(self.result)
        right_layout.addWidget(self.resend_button, 0, Qt.AlignmentFlag.AlignRight)
        right_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(right)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.splitter = QSplitter()
        self.splitter.addWidget(browser)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([470, 800])
        self.splitter.setChildrenCollapsible(False)
        saved = self._state.get("templates/splitter")
        if not saved.isEmpty():
            self.splitter.restoreState(saved)
        self.splitter.splitterMoved.connect(
            lambda *_: self._state.set("templates/splitter", self.splitter.saveState())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._on_jump_changed()
        self.show_template(None)

    # -- loading ---------------------------------------------------------------------------------
    def _profile(self) -> str:
        return self._context.active_profile_name()

    def profile_changed(self) -> None:
        """Forget the list of the previous profile; load again when the page is shown."""
        self.model.set_templates([])
        self._loaded_for = ""
        self.show_template(None)
        if self.isVisible():
            self.refresh()

    def ensure_loaded(self) -> None:
        if self._loaded_for != self._profile() and not self._loading:
            self.refresh()

    def refresh(self) -> None:
        name = self._profile()
        if self._loading or not name:
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        self.list_message.show_message("info", self.tr("Loading templates…"))
        workspace = self._context.workspace
        self._tasks.run(
            lambda: workspace.service(name).list_templates(),
            lambda listing: self._on_loaded(name, listing.templates),
            self._on_load_failed,
        )

    def _on_loaded(self, name: str, templates: list[Template]) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        if name != self._profile():
            self.ensure_loaded()
            return
        previous = self._template.template_id if self._template else ""
        self._loaded_for = name
        self.model.set_templates(templates)
        flagged = sum(1 for t in templates if t.problems)
        if flagged:
            self.list_message.show_message(
                "warning",
                self.tr("{n} entries break the contract (marked ⚠); hover for details.").format(
                    n=flagged
                ),
            )
        elif not templates:
            self.list_message.show_message("info", self.tr("The middleware returned no templates."))
        else:
            self.list_message.clear()
        self._update_count()
        if not self.select_template(previous) and self.model.rowCount():
            self.list_view.selectRow(0)
        if self._pending_restore is not None:
            body, self._pending_restore = self._pending_restore, None
            self.restore_request(body)
        self.loaded.emit(len(templates))

    def _on_load_failed(self, error: BaseException) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        summary, detail = describe(error)
        self.list_message.show_message("error", summary, detail)
        self.load_failed.emit(error)

    def _apply_filter(self, text: str) -> None:
        current = self._template
        self.model.set_filter(text)
        if current is not None:  # keep the selection when the template is still listed
            self.select_template(current.template_id)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{shown} of {total} templates").format(
                shown=self.model.rowCount(), total=self.model.total
            )
        )

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def select_template(self, template_id: str) -> bool:
        """Select a template by id if it is listed (the form is kept if it already shows it)."""
        row = self.model.row_of(template_id)
        if row < 0:
            return False
        self.list_view.selectRow(row)
        return True

    def _on_selection(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        template = indexes[0].data(TEMPLATE_ROLE) if indexes else None
        if template is not None and template is not self._template:
            self.show_template(template)

    # -- one template ----------------------------------------------------------------------------
    def show_template(self, template: Template | None) -> None:
        self._save_draft()
        self._template = template
        self._unknown_body = None
        self.resend_button.hide()
        self.result.clear()
        self._client_msg_id = uuid.uuid4().hex
        while (item := self.fields_grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self._value_edits.clear()
        self._color_edits.clear()
        self._lint_labels.clear()
        if template is None:
            self.title_label.setText(self.tr("Select a template"))
            self.meta_label.setText(
                self.tr("Press F5 to load the list from the simulation middleware.")
            )
            self.problems_label.hide()
            self.content_view.clear()
            self.example_view.clear()
            self._update()
            return
        self.title_label.setText(template.title or self.tr("(no title)"))
        industry = " / ".join(x for x in (template.primary_industry, template.deputy_industry) if x)
        self.meta_label.setText(
            self.tr("ID: {id}\nIndustry: {industry}").format(
                id=template.template_id, industry=industry or "—"
            )
        )
        self.problems_label.setVisible(bool(template.problems))
        self.problems_label.setText(
            self.tr("⚠ This list entry breaks the contract: {p}").format(
                p="; ".join(template.problems)
            )
        )
        empty_note = html.escape(self.tr("(empty content)"))
        self.content_view.setHtml(_highlight(template.content) or f"<i>{empty_note}</i>")
        self.example_view.setPlainText(template.example)
        draft = self._drafts.get(self._draft_key(), {})
        values, colors = draft.get("values", {}), draft.get("colors", {})
        grid = self.fields_grid
        if not template.fields:
            empty = QLabel(
                self.tr("This template has no fields to fill (full simulation: empty content).")
            )
            empty.setWordWrap(True)
            grid.addWidget(empty, 0, 0, 1, 4)
        for row, f in enumerate(template.fields):
            caption = QLabel(f.label or f.key)
            caption.setToolTip(f.key)
            kind = QLabel(f"{f.key} · {f.kind}" if f.kind else f.key)
            kind.setStyleSheet("color: palette(placeholder-text);")
            value = QLineEdit(values.get(f.key, ""))
            value.setObjectName(f"sendField_{f.key}")
            value.setAccessibleName(f.label or f.key)
            value.setPlaceholderText(_example_for(template, f.key))
            value.textChanged.connect(self._update)
            color = QLineEdit(colors.get(f.key, ""))
            color.setObjectName(f"sendColor_{f.key}")
            color.setAccessibleName(self.tr("Colour of {key}").format(key=f.key))
            color.setPlaceholderText("#RRGGBB")
            color.setMaximumWidth(90)
            color.textChanged.connect(self._update)
            lint_label = QLabel()
            lint_label.setObjectName(f"sendLint_{f.key}")
            lint_label.setWordWrap(True)
            grid.addWidget(caption, row * 2, 0)
            grid.addWidget(kind, row * 2, 1)
            grid.addWidget(value, row * 2, 2)
            grid.addWidget(color, row * 2, 3)
            grid.addWidget(lint_label, row * 2 + 1, 2, 1, 2)
            self._value_edits[f.key] = value
            self._color_edits[f.key] = color
            self._lint_labels[f.key] = lint_label
        self.colour_note.setVisible(bool(template.fields))
        self._update()

    def value_edit(self, key: str) -> QLineEdit:
        return self._value_edits[key]

    def color_edit(self, key: str) -> QLineEdit:
        return self._color_edits[key]

    def lint_text(self, key: str) -> str:
        return self._lint_labels[key].text()

    def set_recipient(self, open_id: str) -> None:
        self.send_to_edit.setText(open_id)

    def restore_request(self, body: dict[str, Any]) -> None:
        """Fill the form from a past send body (History → Use again); nothing is sent."""
        if self._loaded_for != self._profile():
            self._pending_restore = body
            self.ensure_loaded()
            return
        self.filter_edit.clear()
        if not self.select_template(str(body.get("template_id", ""))):
            self.result.show_message(
                "warning",
                self.tr("Template {tid} is no longer in the list.").format(
                    tid=body.get("template_id")
                ),
            )
            return
        self.send_to_edit.setText(str(body.get("touser", "")))
        raw_data = body.get("data")
        data: dict[str, Any] = raw_data if isinstance(raw_data, dict) else {}
        for key, edit in self._value_edits.items():
            raw_entry = data.get(key)
            entry: dict[str, Any] = raw_entry if isinstance(raw_entry, dict) else {}
            edit.setText(str(entry.get("value", "")))
            self._color_edits[key].setText(str(entry.get("color", "")))
        mini = body.get("miniprogram") if isinstance(body.get("miniprogram"), dict) else None
        if mini:
            self.jump_combo.setCurrentIndex(self.jump_combo.findData("miniprogram"))
            agent, group = str(mini.get("agent_id", "")), str(mini.get("group_id", ""))
            self.mp_appid_edit.setText(str(mini.get("appid", "")))
            self.pagepath_edit.setText(_strip_ids(str(mini.get("pagepath", "")), agent, group))
            self.agent_id_edit.setText(agent)
            self.group_id_edit.setText(group)
        elif body.get("url"):
            self.jump_combo.setCurrentIndex(self.jump_combo.findData("url"))
            self.url_edit.setText(str(body["url"]))
        else:
            self.jump_combo.setCurrentIndex(self.jump_combo.findData("none"))
        self.result.show_message("info", self.tr("Filled from history. Nothing was sent."))

    # -- form → request --------------------------------------------------------------------------
    def _on_jump_changed(self, _index: int = 0) -> None:
        target = self.jump_combo.currentData()
        for edit in (self.url_edit,):
            self.jump_form.setRowVisible(edit, target == "url")
        for edit in (
            self.mp_appid_edit,
            self.pagepath_edit,
            self.agent_id_edit,
            self.group_id_edit,
        ):
            self.jump_form.setRowVisible(edit, target == "miniprogram")
        self._update()

    def build_request(self) -> SendRequest:
        template = self._template
        if template is None:
            raise BadInput(self.tr("Select a template first."))
        target = self.jump_combo.currentData()
        mini = None
        if target == "miniprogram":
            mini = MiniProgram(
                self.mp_appid_edit.text(),
                self.pagepath_edit.text(),
                self.agent_id_edit.text(),
                self.group_id_edit.text(),
            )
        data = {
            key: FieldValue(edit.text(), self._color_edits[key].text().strip())
            for key, edit in self._value_edits.items()
        }
        return SendRequest(
            touser=self.send_to_edit.text(),
            template_id=template.template_id,
            data=data,
            url=self.url_edit.text().strip() if target == "url" else "",
            miniprogram=mini,
            client_msg_id=self._client_msg_id,
        )

    def _current_values(self) -> tuple[dict[str, str], dict[str, str]]:
        values = {k: e.text() for k, e in self._value_edits.items()}
        colors = {k: e.text().strip() for k, e in self._color_edits.items() if e.text().strip()}
        return values, colors

    def _update(self) -> None:
        template = self._template
        lang = ui_language()
        values, colors = self._current_values()
        self._findings = lint(template, values, colors) if template else []
        by_key: dict[str, list[Finding]] = {}
        for finding in self._findings:
            by_key.setdefault(finding.key, []).append(finding)
        for key, label in self._lint_labels.items():
            # An untouched empty field is "required", not a mistake: not red, but it still blocks.
            shown = [f for f in by_key.get(key, []) if f.code != "empty"]
            error = any(f.level == "error" for f in shown)
            label.setText(
                "\n".join(
                    ("✗ " if f.level == "error" else "! ") + lint_message(f, lang) for f in shown
                )
            )
            label.setStyleSheet(f"color: {ERROR_COLOR if error else WARNING_COLOR};")
            label.setVisible(bool(shown))
            edit = self._value_edits[key]
            edit.setStyleSheet(f"border: 1px solid {ERROR_COLOR};" if error else "")
        self._update_jump_note()
        self._render_preview(values)
        if not self.edit_json_check.isChecked():
            self.json_view.blockSignals(True)
            try:
                body = build_body(self.build_request())
                self.json_view.setPlainText(json.dumps(body, ensure_ascii=False, indent=2))
            except BadInput as exc:
                self.json_view.setPlainText("")
                self.json_problem.setText(describe(exc)[0])
            else:
                self.json_problem.clear()
            self.json_view.blockSignals(False)
        self._update_send_state()
        if template is not None:
            self._draft_timer.start()

    def _update_jump_note(self) -> None:
        target = self.jump_combo.currentData()
        if target == "url":
            text = self.tr("WeChat opens the web page when the customer taps the message.")
        elif target == "miniprogram":
            text = self.tr(
                "WeChat opens the mini program; agent_id and group_id are also appended to the "
                "page path so the video mini program finds the agent."
            )
        else:
            text = self.tr("The message does not open anything when tapped.")
        self.jump_note.setText(text)

    def _render_preview(self, values: dict[str, str]) -> None:
        template = self._template
        if template is None:
            self.preview.clear()
            return
        dropped_note = html.escape(self.tr("(not shown since May 2023)"))
        cut_note = html.escape(self.tr("(cut at 20 characters)"))
        tap_note = html.escape(self.tr("Tap to open →"))
        parts = [f"<p><b>{html.escape(template.title)}</b></p>"]
        if not template.content:
            note = self.tr("No content: the middleware decides what the customer sees.")
            parts.append(f"<p><i>{html.escape(note)}</i></p>")
        for line in preview_lines(template, values):
            text = html.escape(line.text)
            if line.dropped:
                parts.append(
                    f"<p style='color:#9ca3af'><s>{text}</s> <small>{dropped_note}</small></p>"
                )
            elif line.cut:
                parts.append(
                    f"<p>{text} <small style='color:{WARNING_COLOR}'>{cut_note}</small></p>"
                )
            else:
                parts.append(f"<p>{text}</p>")
        target = self.jump_combo.currentData()
        if target != "none":
            parts.append(f"<p style='color:#6b7280'>{tap_note}</p>")
        self.preview.setHtml("".join(parts))

    def preview_text(self) -> str:
        return self.preview.toPlainText()

    # -- advanced JSON ---------------------------------------------------------------------------
    def _on_advanced_toggled(self, on: bool) -> None:
        self.json_view.setReadOnly(not on)
        if on:
            self.tabs.setCurrentIndex(1)
        else:
            self._update()
        self._update_send_state()

    def _on_json_edited(self) -> None:
        if self.edit_json_check.isChecked():
            self._update_send_state()

    def edited_body(self) -> dict[str, Any]:
        """The advanced-mode body, validated enough that the middleware can read it."""
        try:
            body = json.loads(self.json_view.toPlainText())
        except json.JSONDecodeError as exc:
            raise BadInput(
                self.tr("The JSON is not valid (line {line}, column {col}): {msg}").format(
                    line=exc.lineno, col=exc.colno, msg=exc.msg
                )
            ) from exc
        if not isinstance(body, dict):
            raise BadInput(self.tr("The JSON body must be an object."))
        for key in ("touser", "template_id"):
            if not isinstance(body.get(key), str) or not body[key].strip():
                raise BadInput(self.tr("The JSON body needs a string “{key}”.").format(key=key))
        if "data" in body and not isinstance(body["data"], dict):
            raise BadInput(self.tr("“data” must be an object."))
        return body

    # -- sending ---------------------------------------------------------------------------------
    def _update_send_state(self) -> None:
        problem = ""
        neutral = False
        if self._template is None:
            problem = self.tr("Select a template.")
            neutral = True
        elif self.edit_json_check.isChecked():
            try:
                self.edited_body()
            except BadInput as exc:
                problem = exc.text(ui_language())
                self.json_problem.setText(problem)
            else:
                self.json_problem.clear()
        elif not self.send_to_edit.text().strip():
            problem = self.tr("Enter the recipient's openId.")
        elif any(f.code == "empty" for f in self._findings):
            count = sum(1 for f in self._findings if f.code == "empty")
            problem = self.tr("Fill in {n} more field(s).").format(n=count)
            neutral = True
        elif has_errors(self._findings):
            count = sum(1 for f in self._findings if f.level == "error")
            problem = self.tr("{n} field(s) would be refused by WeChat (in red).").format(n=count)
        else:
            try:
                build_body(self.build_request())
            except BadInput as exc:
                problem = exc.text(ui_language())
        if self._sending:
            problem = self.tr("Sending…")
        warnings = sum(1 for f in self._findings if f.level == "warning")
        if not problem and warnings:
            self.send_state.setText(
                self.tr("{n} warning(s): WeChat will drop or cut some of it.").format(n=warnings)
            )
            self.send_state.setStyleSheet(f"color: {WARNING_COLOR};")
        else:
            self.send_state.setText(problem)
            plain = self._sending or neutral
            self.send_state.setStyleSheet("" if plain else f"color: {ERROR_COLOR};")
        self.send_button.setEnabled(not problem)

    def can_send(self) -> bool:
        return self.send_button.isEnabled()

    @classmethod
    def ask_confirm(cls, parent: QWidget, title: str, text: str) -> bool:
        """Ask before a production send; tests replace this classmethod."""
        answer = QMessageBox.warning(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def send(self) -> None:
        if self._sending or not self.can_send():
            return
        try:
            body = (
                self.edited_body()
                if self.edit_json_check.isChecked()
                else build_body(self.build_request())
            )
        except BadInput as exc:
            self.result.show_message("error", describe(exc)[0])
            return
        self._dispatch(body)

    def resend_same(self) -> None:
        """Send the body whose outcome was unknown again, with the same client_msg_id."""
        if self._unknown_body is not None and not self._sending:
            self._dispatch(self._unknown_body)

    def _dispatch(self, body: dict[str, Any]) -> None:
        name = self._profile()
        workspace = self._context.workspace
        profile = workspace.profile(name)
        if profile.production and not self.ask_confirm(
            self,
            self.tr("Send with a production profile?"),
            self.tr(
                "This sends a real template message.\n\nProfile: {profile}\n"
                "Official account: {account}\nRecipient: {to}\nTemplate: {tid}"
            ).format(
                profile=name,
                account=profile.offi_account_id or "—",
                to=body.get("touser", ""),
                tid=body.get("template_id", ""),
            ),
        ):
            self.result.show_message("info", self.tr("Not sent."))
            return
        self._sending = True
        self.resend_button.hide()
        self.result.show_message("info", self.tr("Sending…"))
        self._update_send_state()
        self._remember_recipient(str(body.get("touser", "")))
        self._tasks.run(
            lambda: workspace.service(name).send_body(body),
            self._on_sent,
            lambda exc: self._on_send_failed(exc, body),
        )

    def _on_sent(self, result: SendResult) -> None:
        self._sending = False
        self._unknown_body = None
        self._client_msg_id = uuid.uuid4().hex  # the next send is a new message
        self.result.show_message(
            "ok",
            self.tr("Sent: errcode 0, errmsg “{msg}”, msgid {msgid}.").format(
                msg=result.errmsg, msgid=result.msgid if result.msgid is not None else "—"
            ),
            json.dumps(result.raw, ensure_ascii=False),
        )
        self._update()
        self.sent.emit(result)

    def _on_send_failed(self, error: BaseException, body: dict[str, Any]) -> None:
        self._sending = False
        summary, detail = describe(error)
        if isinstance(error, OutcomeUnknown):
            self._unknown_body = body
            self.result.show_message(
                "warning",
                self.tr(
                    "Outcome unknown — check the phone before sending again. The request may have "
                    "reached the middleware ({reason})."
                ).format(reason=error.text(ui_language())),
                detail,
            )
            self.resend_button.show()
        elif isinstance(error, RemoteRefused):
            self._client_msg_id = uuid.uuid4().hex
            explanation = explain(error.code)
            lang = ui_language()
            text = self.tr("Refused: errcode {code}, errmsg “{msg}”.").format(
                code=error.code, msg=error.remote_message
            )
            if explanation is not None:
                text += (
                    "\n"
                    + explanation.text(lang)
                    + "\n"
                    + self.tr("What to do: {hint}").format(hint=explanation.hint(lang))
                )
            self.result.show_message("error", text, detail)
        else:
            self.result.show_message("error", summary, detail)
        self._update()
        self.send_failed.emit(error)

    # -- drafts and recipients ---------------------------------------------------------------------
    def _draft_key(self) -> str:
        return f"{self._profile()}/{self._template.template_id if self._template else ''}"

    def _save_draft(self) -> None:
        if self._template is None or not self._value_edits:
            return
        values, colors = self._current_values()
        self._drafts[self._draft_key()] = {"values": values, "colors": colors}

    def _persist_drafts(self) -> None:
        self._save_draft()
        self._state.set("templates/drafts", json.dumps(self._drafts, ensure_ascii=False))

    def _remember_recipient(self, open_id: str) -> None:
        if not open_id:
            return
        items = [open_id] + [x for x in self._recipients.stringList() if x != open_id]
        self._recipients.setStringList(items[:MAX_RECIPIENTS])
        self._state.set("templates/recipients", json.dumps(items[:MAX_RECIPIENTS]))

    def recent_recipients(self) -> list[str]:
        return list(self._recipients.stringList())


def _strip_ids(pagepath: str, agent: str, group: str) -> str:
    """Undo the agent_id/group_id the body builder appended, so they are not added twice."""
    from urllib.parse import parse_qsl, urlencode

    path, sep, query = pagepath.partition("?")
    kept = [
        (k, v)
        for k, v in parse_qsl(query, keep_blank_values=True)
        if not ((k == "agent_id" and v == agent) or (k == "group_id" and v == group))
    ]
    return f"{path}?{urlencode(kept)}" if kept else path


def _load_json(text: str, default: Any) -> Any:
    try:
        value = json.loads(text)
    except (TypeError, json.JSONDecodeError):
        return default
    return value if isinstance(value, type(default)) else default


def _highlight(content: str) -> str:
    escaped = html.escape(content)
    marked = PLACEHOLDER.sub(
        lambda m: (
            "<span style='background:#dbeafe;color:#1e3a8a;border-radius:3px'>"
            f"{{{{{m.group(1)}.DATA}}}}</span>"
        ),
        escaped,
    )
    return marked.replace("\n", "<br>")


def _example_for(template: Template, key: str) -> str:
    """The example's text on the key's line (after its label), as a placeholder hint."""
    example_lines = template.example.splitlines()
    for i, line in enumerate(template.content.splitlines()):
        match = next((m for m in PLACEHOLDER.finditer(line) if m.group(1) == key), None)
        if match is None or i >= len(example_lines):
            continue
        label = line[: match.start()].strip()
        text = example_lines[i].strip()
        if label and text.startswith(label):
            text = text[len(label) :].lstrip(":： ")
        return text
    return ""
