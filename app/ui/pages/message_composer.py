"""The message composer: one template's fields, jump target, lint, preview and JSON body.

It builds a :class:`SendRequest` from what is on screen and says whether that can be sent; it
never sends (the page does).
"""

from __future__ import annotations

import html
import json
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import BadInput
from app.core.messages import lint_message, reason
from app.core.middleware import FieldValue, MiniProgram, SendRequest, build_body
from app.core.templates import PLACEHOLDER, Finding, Template, has_errors, lint, preview_lines
from app.ui.errors import ui_language
from app.ui.state import UiState

MAX_RECIPIENTS = 20
ERROR_COLOR = "#b91c1c"
WARNING_COLOR = "#b45309"


@dataclass(frozen=True)
class Readiness:
    """Whether the message on screen can be sent, and what to tell the user.

    ``problem`` blocks sending; ``neutral`` problems (nothing chosen yet, fields to fill) are
    not shown in red; ``warnings`` counts what WeChat will drop or cut.
    """

    problem: str = ""
    neutral: bool = False
    warnings: int = 0


def plain_label(text: str = "") -> QLabel:
    """A label for text from outside (servers, files): never rich text, never a link."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class MessageComposer(QWidget):
    """Fill one template and see what WeChat will show.

    Signals:
        changed(): anything that makes up the message changed (values, recipient, target, JSON).
    """

    changed = Signal()

    def __init__(self, state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._template: Template | None = None
        self._profile = ""
        self._client_msg_id = uuid.uuid4().hex
        self._value_edits: dict[str, QLineEdit] = {}
        self._color_edits: dict[str, QLineEdit] = {}
        self._lint_labels: dict[str, QLabel] = {}
        self._findings: list[Finding] = []
        self._drafts: dict[str, dict[str, dict[str, str]]] = load_json(
            state.get("templates/drafts"), {}
        )
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(400)
        self._draft_timer.timeout.connect(self.persist_drafts)

        # -- the template --------------------------------------------------------------------------
        self.title_label = plain_label()
        self.title_label.setObjectName("templateTitle")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = plain_label()
        self.meta_label.setObjectName("templateMeta")
        self.meta_label.setWordWrap(True)
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label = plain_label()
        self.problems_label.setObjectName("templateProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(f"color: {WARNING_COLOR};")
        self.content_view = QTextBrowser()
        self.content_view.setObjectName("templateContent")
        self.content_view.setMaximumHeight(110)
        self.example_view = QTextBrowser()
        self.example_view.setObjectName("templateExample")
        self.example_view.setMaximumHeight(110)
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

        # -- recipient and fields ------------------------------------------------------------------
        self.send_to_edit = QLineEdit()
        self.send_to_edit.setObjectName("sendToEdit")
        self.send_to_edit.setAccessibleName(self.tr("Recipient openId"))
        self.send_to_edit.setPlaceholderText(self.tr("openId of a follower, e.g. your own"))
        self.send_to_edit.setClearButtonEnabled(True)
        self._recipients = QStringListModel(load_json(state.get("templates/recipients"), []))
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

        # -- jump target ---------------------------------------------------------------------------
        self.jump_combo = QComboBox()
        self.jump_combo.setObjectName("sendJumpCombo")
        self.jump_combo.setAccessibleName(self.tr("Jump target"))
        self.jump_combo.addItem(self.tr("None"), "none")
        self.jump_combo.addItem(self.tr("Web page (URL)"), "url")
        self.jump_combo.addItem(self.tr("Mini program"), "miniprogram")
        self.jump_combo.currentIndexChanged.connect(self._on_jump_changed)
        self.url_edit = self._line("sendUrlEdit", self.tr("URL"), "https://…")
        self.mp_appid_edit = self._line("sendMpAppIdEdit", self.tr("Mini-program appid"), "wx…")
        self.pagepath_edit = self._line(
            "sendPagePathEdit", self.tr("Page path"), "pages/index?foo=bar"
        )
        self.agent_id_edit = self._line("sendAgentIdEdit", self.tr("Agent ID"), self.tr("Optional"))
        self.group_id_edit = self._line(
            "sendGroupIdEdit", self.tr("Agent group ID"), self.tr("Optional")
        )
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

        # -- preview and JSON ----------------------------------------------------------------------
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
        copy_json_button = QPushButton(self.tr("Copy JSON"))
        copy_json_button.setObjectName("sendCopyJsonButton")
        copy_json_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.json_view.toPlainText())
        )
        self.json_problem = plain_label()
        self.json_problem.setObjectName("sendJsonProblem")
        self.json_problem.setStyleSheet(f"color: {ERROR_COLOR};")
        json_tab = QWidget()
        json_layout = QVBoxLayout(json_tab)
        json_layout.addWidget(self.json_view, 1)
        json_row = QHBoxLayout()
        json_row.addWidget(self.edit_json_check)
        json_row.addStretch(1)
        json_row.addWidget(copy_json_button)
        json_layout.addLayout(json_row)
        json_layout.addWidget(self.json_problem)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.addTab(json_tab, self.tr("JSON body"))
        self.tabs.setMinimumHeight(220)

        layout = QVBoxLayout(self)
        layout.addWidget(details)
        layout.addWidget(sender)
        layout.addWidget(self.tabs)
        layout.addStretch(1)
        self._on_jump_changed()
        self.show_template(None)

    def _line(self, name: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._update)
        return edit

    # -- what is composed --------------------------------------------------------------------------
    def template(self) -> Template | None:
        return self._template

    def set_profile(self, name: str) -> None:
        """Drafts are kept per profile and template."""
        self._save_draft()
        self._profile = name

    def field_keys(self) -> list[str]:
        return list(self._value_edits)

    def value_edit(self, key: str) -> QLineEdit:
        return self._value_edits[key]

    def color_edit(self, key: str) -> QLineEdit:
        return self._color_edits[key]

    def lint_text(self, key: str) -> str:
        return self._lint_labels[key].text()

    def recipient(self) -> str:
        return self.send_to_edit.text().strip()

    def set_recipient(self, open_id: str) -> None:
        self.send_to_edit.setText(open_id)

    def preview_text(self) -> str:
        return self.preview.toPlainText()

    def new_message(self) -> None:
        """The next send is a new message: it gets a new client_msg_id."""
        self._client_msg_id = uuid.uuid4().hex
        self._update()

    def request(self) -> SendRequest:
        """The form as a request (the advanced JSON is not read here)."""
        template = self._template
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
            template_id=template.template_id if template else "",
            data=data,
            url=self.url_edit.text().strip() if target == "url" else "",
            miniprogram=mini,
            client_msg_id=self._client_msg_id,
        )

    def body(self) -> dict[str, Any]:
        """What goes on the wire: the edited JSON in advanced mode, else the form's request.

        Raises:
            BadInput: the form cannot be sent (call :meth:`readiness` first to know why).
            ValueError: the edited JSON cannot be sent (its reason, in the UI language).
        """
        if self.edit_json_check.isChecked():
            parsed = self._edited_body()
            if isinstance(parsed, str):
                raise ValueError(parsed)
            return parsed
        return build_body(self.request())

    def readiness(self) -> Readiness:
        """Whether the message on screen can be sent."""
        findings = self._findings
        if self._template is None:
            return Readiness(self.tr("Select a template."), neutral=True)
        if self.edit_json_check.isChecked():
            parsed = self._edited_body()
            return Readiness(parsed if isinstance(parsed, str) else "")
        if not self.recipient():
            return Readiness(self.tr("Enter the recipient's openId."))
        empty = sum(1 for f in findings if f.code == "empty")
        if empty:
            return Readiness(self.tr("Fill in {n} more field(s).").format(n=empty), neutral=True)
        if has_errors(findings):
            count = sum(1 for f in findings if f.level == "error")
            return Readiness(
                self.tr("{n} field(s) would be refused by WeChat (in red).").format(n=count)
            )
        try:
            build_body(self.request())
        except BadInput as exc:
            return Readiness(reason(exc, ui_language()))
        return Readiness(warnings=sum(1 for f in findings if f.level == "warning"))

    # -- one template ------------------------------------------------------------------------------
    def show_template(self, template: Template | None) -> None:
        """Show ``template``'s form (its draft restored) or the empty state."""
        self._save_draft()
        self._template = template
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
            self.colour_note.hide()
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
        self.content_view.setHtml(highlight(template.content) or f"<i>{empty_note}</i>")
        self.example_view.setPlainText(template.example)
        draft = self._drafts.get(self._draft_key(), {})
        self._build_fields(template, draft.get("values", {}), draft.get("colors", {}))
        self._update()

    def _build_fields(
        self, template: Template, values: dict[str, str], colors: dict[str, str]
    ) -> None:
        grid = self.fields_grid
        if not template.fields:
            empty = QLabel(
                self.tr("This template has no fields to fill (full simulation: empty content).")
            )
            empty.setWordWrap(True)
            grid.addWidget(empty, 0, 0, 1, 4)
        for row, f in enumerate(template.fields):
            caption = plain_label(f.label or f.key)
            caption.setToolTip(f.key)
            kind = plain_label(f"{f.key} · {f.kind}" if f.kind else f.key)
            kind.setStyleSheet("color: palette(placeholder-text);")
            value = QLineEdit(values.get(f.key, ""))
            value.setObjectName(f"sendField_{f.key}")
            value.setAccessibleName(f.label or f.key)
            value.setPlaceholderText(example_for(template, f.key))
            value.textChanged.connect(self._update)
            color = QLineEdit(colors.get(f.key, ""))
            color.setObjectName(f"sendColor_{f.key}")
            color.setAccessibleName(self.tr("Colour of {key}").format(key=f.key))
            color.setPlaceholderText("#RRGGBB")
            color.setMaximumWidth(90)
            color.textChanged.connect(self._update)
            lint_label = plain_label()
            lint_label.setObjectName(f"sendLint_{f.key}")
            # One line reserved whether or not there is a message: lint never moves the fields
            # below while the user types (the whole text is in the tooltip).
            lint_label.setFixedHeight(lint_label.fontMetrics().lineSpacing() + 2)
            grid.addWidget(caption, row * 2, 0)
            grid.addWidget(kind, row * 2, 1)
            grid.addWidget(value, row * 2, 2)
            grid.addWidget(color, row * 2, 3)
            grid.addWidget(lint_label, row * 2 + 1, 2, 1, 2)
            self._value_edits[f.key] = value
            self._color_edits[f.key] = color
            self._lint_labels[f.key] = lint_label
        self.colour_note.setVisible(bool(template.fields))

    def restore(self, body: dict[str, Any]) -> None:
        """Fill recipient, values and jump target from a past send body (the template is
        already shown)."""
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
            agent, group = str(mini.get("agent_id", "")), str(mini.get("group_id", ""))
            self.set_mini_program(
                str(mini.get("appid", "")),
                strip_ids(str(mini.get("pagepath", "")), agent, group),
                agent,
                group,
            )
        elif body.get("url"):
            self.jump_combo.setCurrentIndex(self.jump_combo.findData("url"))
            self.url_edit.setText(str(body["url"]))
        else:
            self.jump_combo.setCurrentIndex(self.jump_combo.findData("none"))

    def set_mini_program(self, appid: str, pagepath: str, agent_id: str, group_id: str) -> None:
        """Choose the mini-program jump with these values."""
        self.jump_combo.setCurrentIndex(self.jump_combo.findData("miniprogram"))
        self.mp_appid_edit.setText(appid)
        self.pagepath_edit.setText(pagepath)
        self.agent_id_edit.setText(agent_id)
        self.group_id_edit.setText(group_id)

    # -- keeping the view in step ------------------------------------------------------------------
    def _on_jump_changed(self, _index: int = 0) -> None:
        target = self.jump_combo.currentData()
        self.jump_form.setRowVisible(self.url_edit, target == "url")
        for edit in (
            self.mp_appid_edit,
            self.pagepath_edit,
            self.agent_id_edit,
            self.group_id_edit,
        ):
            self.jump_form.setRowVisible(edit, target == "miniprogram")
        self._update()

    def _current_values(self) -> tuple[dict[str, str], dict[str, str]]:
        values = {k: e.text() for k, e in self._value_edits.items()}
        colors = {k: e.text().strip() for k, e in self._color_edits.items() if e.text().strip()}
        return values, colors

    def _update(self) -> None:
        template = self._template
        values, colors = self._current_values()
        self._findings = lint(template, values, colors) if template else []
        self._show_lint()
        self._update_jump_note()
        self._render_preview(values)
        if not self.edit_json_check.isChecked():
            self.json_view.blockSignals(True)
            try:
                body = build_body(self.request())
                self.json_view.setPlainText(json.dumps(body, ensure_ascii=False, indent=2))
            except BadInput as exc:
                self.json_view.setPlainText("")
                self.json_problem.setText(reason(exc, ui_language()))
            else:
                self.json_problem.clear()
            self.json_view.blockSignals(False)
        if template is not None:
            self._draft_timer.start()
        self.changed.emit()

    def _show_lint(self) -> None:
        lang = ui_language()
        by_key: dict[str, list[Finding]] = {}
        for finding in self._findings:
            by_key.setdefault(finding.key, []).append(finding)
        for key, label in self._lint_labels.items():
            # An untouched empty field is "required", not a mistake: not red, but it still blocks.
            shown = [f for f in by_key.get(key, []) if f.code != "empty"]
            error = any(f.level == "error" for f in shown)
            text = "  ".join(
                ("✗ " if f.level == "error" else "! ") + lint_message(f, lang) for f in shown
            )
            label.setText(text)
            label.setToolTip(text)
            label.setStyleSheet(f"color: {ERROR_COLOR if error else WARNING_COLOR};")
            edit = self._value_edits[key]
            edit.setStyleSheet(f"border: 1px solid {ERROR_COLOR};" if error else "")

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
        if self.jump_combo.currentData() != "none":
            parts.append(f"<p style='color:#6b7280'>{tap_note}</p>")
        self.preview.setHtml("".join(parts))

    # -- advanced JSON ---------------------------------------------------------------------------
    def _on_advanced_toggled(self, on: bool) -> None:
        self.json_view.setReadOnly(not on)
        if on:
            self.tabs.setCurrentIndex(1)
        self._update()

    def _on_json_edited(self) -> None:
        if self.edit_json_check.isChecked():
            parsed = self._edited_body()
            self.json_problem.setText(parsed if isinstance(parsed, str) else "")
            self.changed.emit()

    def _edited_body(self) -> dict[str, Any] | str:
        """The advanced-mode body, or why the middleware could not read it."""
        try:
            body = json.loads(self.json_view.toPlainText())
        except json.JSONDecodeError as exc:
            return self.tr("The JSON is not valid (line {line}, column {col}): {msg}").format(
                line=exc.lineno, col=exc.colno, msg=exc.msg
            )
        if not isinstance(body, dict):
            return self.tr("The JSON body must be an object.")
        for key in ("touser", "template_id"):
            if not isinstance(body.get(key), str) or not body[key].strip():
                return self.tr("The JSON body needs a string “{key}”.").format(key=key)
        if "data" in body and not isinstance(body["data"], dict):
            return self.tr("“data” must be an object.")
        return body

    # -- drafts and recipients ---------------------------------------------------------------------
    def _draft_key(self) -> str:
        return f"{self._profile}/{self._template.template_id if self._template else ''}"

    def _save_draft(self) -> None:
        if self._template is None or not self._value_edits:
            return
        values, colors = self._current_values()
        self._drafts[self._draft_key()] = {"values": values, "colors": colors}

    def persist_drafts(self) -> None:
        """Write the drafts to the UI state now (normally 400 ms after the last keystroke)."""
        self._save_draft()
        self._state.set("templates/drafts", json.dumps(self._drafts, ensure_ascii=False))

    def remember_recipient(self, open_id: str) -> None:
        if not open_id:
            return
        items = [open_id] + [x for x in self._recipients.stringList() if x != open_id]
        self._recipients.setStringList(items[:MAX_RECIPIENTS])
        self._state.set("templates/recipients", json.dumps(items[:MAX_RECIPIENTS]))

    def recent_recipients(self) -> list[str]:
        return list(self._recipients.stringList())


def strip_ids(pagepath: str, agent: str, group: str) -> str:
    """Undo the agent_id/group_id the body builder appended, so they are not added twice."""
    path, _sep, query = pagepath.partition("?")
    kept = [
        (k, v)
        for k, v in parse_qsl(query, keep_blank_values=True)
        if not ((k == "agent_id" and v == agent) or (k == "group_id" and v == group))
    ]
    return f"{path}?{urlencode(kept)}" if kept else path


def load_json(text: str, default: Any) -> Any:
    try:
        value = json.loads(text)
    except (TypeError, json.JSONDecodeError):
        return default
    return value if isinstance(value, type(default)) else default


def highlight(content: str) -> str:
    """The content as HTML (escaped) with its placeholders marked."""
    escaped = html.escape(content)
    marked = PLACEHOLDER.sub(
        lambda m: (
            "<span style='background:#dbeafe;color:#1e3a8a;border-radius:3px'>"
            f"{{{{{m.group(1)}.DATA}}}}</span>"
        ),
        escaped,
    )
    return marked.replace("\n", "<br>")


def example_for(template: Template, key: str) -> str:
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
