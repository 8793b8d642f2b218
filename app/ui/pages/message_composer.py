"""The message composer: one template's fields, jump target, lint, preview and JSON body.

It builds a :class:`SendRequest` from what is on screen and says whether that can be sent; it
never sends (the page does).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import BadInput
from app.core.messages import reason
from app.core.middleware import FieldValue, SendRequest, build_body
from app.core.templates import (
    Finding,
    Template,
    example_value,
    has_errors,
    length_limit,
    lint,
)
from app.ui.errors import fill, ui_language
from app.ui.lint_view import (
    ERROR_COLOR,
    WARNING_COLOR,
    reserved_lint_label,
    show_findings,
)
from app.ui.pages.jump_editor import JumpEditor
from app.ui.pages.message_preview import MessagePreview
from app.ui.pages.template_details import TemplateDetails
from app.ui.state import UiState
from app.ui.widgets import plain_label

MAX_RECIPIENTS = 20
TYPICAL_VALUE = "2026年11月30日 15:00"  # a time field's value: what a value field must show whole


def typical_value_width(edit: QLineEdit) -> int:
    """The width at which ``edit`` shows :data:`TYPICAL_VALUE` without scrolling."""
    margins = edit.textMargins()
    text = edit.fontMetrics().horizontalAdvance(TYPICAL_VALUE)
    return text + margins.left() + margins.right() + 12  # + the frame and cursor


@dataclass(frozen=True)
class Readiness:
    """Whether the message on screen can be sent, and what to tell the user.

    ``problem`` blocks sending; ``neutral`` problems (nothing chosen yet, fields to fill) are
    not shown in red; ``warnings`` counts what WeChat will drop or cut.
    """

    problem: str = ""
    neutral: bool = False
    warnings: int = 0


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
        self._counters: dict[str, QLabel] = {}
        self._findings: list[Finding] = []
        self._drafts: dict[str, dict[str, dict[str, str]]] = load_json(
            state.get("templates/drafts"), {}
        )
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(400)
        self._draft_timer.timeout.connect(self.persist_drafts)

        self.details = TemplateDetails()

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
        self.fields_grid.setColumnStretch(1, 1)
        self.colour_note = QLabel(
            self.tr(
                "Colours are optional: WeChat ignores them since May 2023 and no longer shows "
                "“first” and “remark”."
            )
        )
        self.colour_note.setWordWrap(True)
        self.colour_note.setStyleSheet("color: palette(placeholder-text);")

        self.jump = JumpEditor()
        self.jump.changed.connect(self._update)

        recipient_form = QFormLayout()
        recipient_form.addRow(self.tr("Recipient openId"), self.send_to_edit)
        sender = QGroupBox(self.tr("Test message"))
        sender_layout = QVBoxLayout(sender)
        sender_layout.addLayout(recipient_form)
        sender_layout.addWidget(self.fields_form)
        sender_layout.addWidget(self.colour_note)
        sender_layout.addWidget(self.jump)

        self.output = MessagePreview()
        self.output.edited.connect(self._update)

        layout = QVBoxLayout(self)
        layout.addWidget(self.details)
        layout.addWidget(sender)
        layout.addWidget(self.output)
        layout.addStretch(1)
        self.show_template(None)

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
        return self.output.preview_text()

    def new_message(self) -> None:
        """The next send is a new message: it gets a new client_msg_id."""
        self._client_msg_id = uuid.uuid4().hex
        self._update()

    def request(self) -> SendRequest:
        """The form as a request (the advanced JSON is not read here)."""
        template = self._template
        data = {
            key: FieldValue(edit.text(), self._color_edits[key].text().strip())
            for key, edit in self._value_edits.items()
        }
        return SendRequest(
            touser=self.send_to_edit.text(),
            template_id=template.template_id if template else "",
            data=data,
            url=self.jump.url(),
            miniprogram=self.jump.miniprogram(),
            client_msg_id=self._client_msg_id,
        )

    def body(self) -> dict[str, Any]:
        """What goes on the wire: the edited JSON in advanced mode, else the form's request.

        Raises:
            BadInput: the form cannot be sent (call :meth:`readiness` first to know why).
            ValueError: the edited JSON cannot be sent (its reason, in the UI language).
        """
        if self.output.advanced():
            parsed = self.output.edited_body()
            if isinstance(parsed, str):
                raise ValueError(parsed)
            return parsed
        return build_body(self.request())

    def readiness(self) -> Readiness:
        """Whether the message on screen can be sent."""
        findings = self._findings
        if self._template is None:
            return Readiness(self.tr("Select a template."), neutral=True)
        if self.output.advanced():
            parsed = self.output.edited_body()
            return Readiness(parsed if isinstance(parsed, str) else "")
        if not self.recipient():
            return Readiness(self.tr("Enter the recipient's openId."))
        empty = sum(1 for f in findings if f.code == "empty")
        if empty:
            return Readiness(
                fill(self.tr("Fill in {n:more field/more fields}."), n=empty), neutral=True
            )
        if has_errors(findings):
            count = sum(1 for f in findings if f.level == "error")
            return Readiness(
                fill(self.tr("{n:field/fields} would be refused by WeChat (in red)."), n=count)
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
                widget.hide()  # gone now, not when the event loop next deletes it
                widget.deleteLater()
        self._value_edits.clear()
        self._color_edits.clear()
        self._lint_labels.clear()
        self._counters.clear()
        self.details.show_template(template)
        if template is None:
            self.colour_note.hide()
            self._update()
            return
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
            kind = plain_label(f"{f.key} · {f.kind}" if f.kind else f.key, wrap=True)
            kind.setStyleSheet("color: palette(placeholder-text);")
            value = QLineEdit(values.get(f.key, ""))
            value.setObjectName(f"sendField_{f.key}")
            value.setAccessibleName(f.label or f.key)
            value.setPlaceholderText(example_value(template, f.key))
            value.textChanged.connect(self._update)
            value.setFixedHeight(value.sizeHint().height())  # the red border must not shrink it
            value.setMinimumWidth(typical_value_width(value))
            color = QLineEdit(colors.get(f.key, ""))
            color.setObjectName(f"sendColor_{f.key}")
            color.setAccessibleName(self.tr("Colour of {key}").format(key=f.key))
            color.setPlaceholderText("#RRGGBB")
            color.setMaximumWidth(90)
            color.textChanged.connect(self._update)
            counter = QLabel()
            counter.setObjectName(f"sendCount_{f.key}")
            counter.setMinimumWidth(counter.fontMetrics().horizontalAdvance("000/00"))
            counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            lint_label = reserved_lint_label(f"sendLint_{f.key}")
            # The key and its type sit under the caption, beside the lint line: the value
            # field keeps the width (a laptop at 125 % left it ~100 px beside them).
            grid.addWidget(caption, row * 2, 0)
            grid.addWidget(value, row * 2, 1)
            grid.addWidget(counter, row * 2, 2)
            grid.addWidget(color, row * 2, 3)
            grid.addWidget(kind, row * 2 + 1, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(lint_label, row * 2 + 1, 1, 1, 3)
            self._value_edits[f.key] = value
            self._color_edits[f.key] = color
            self._lint_labels[f.key] = lint_label
            self._counters[f.key] = counter
        self.colour_note.setVisible(bool(template.fields))

    def restore(self, send: SendRequest) -> None:
        """Fill recipient, values and jump target from a past send (the template is already
        shown)."""
        self.send_to_edit.setText(send.touser)
        for key, edit in self._value_edits.items():
            entry = send.data.get(key)
            edit.setText(entry.value if entry else "")
            self._color_edits[key].setText(entry.color if entry else "")
        self.jump.restore(send)

    def set_mini_program(self, appid: str, pagepath: str, agent_id: str, group_id: str) -> None:
        """Choose the mini-program jump with these values."""
        self.jump.set_mini_program(appid, pagepath, agent_id, group_id)

    # -- keeping the view in step ------------------------------------------------------------------
    def _current_values(self) -> tuple[dict[str, str], dict[str, str]]:
        values = {k: e.text() for k, e in self._value_edits.items()}
        colors = {k: e.text().strip() for k, e in self._color_edits.items() if e.text().strip()}
        return values, colors

    def _update(self) -> None:
        template = self._template
        values, colors = self._current_values()
        self._findings = lint(template, values, colors) + self.jump.findings() if template else []
        self._show_lint()
        opens = self.jump.target() != "none" and not has_errors(self.jump.findings())
        self.output.show_message(template, values, opens)
        try:
            self.output.show_body(build_body(self.request()))
        except BadInput as exc:
            self.output.show_body(None, reason(exc, ui_language()))
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
            error = show_findings(
                label, [f for f in by_key.get(key, []) if f.code != "empty"], lang
            )
            edit = self._value_edits[key]
            edit.setStyleSheet(f"border: 1px solid {ERROR_COLOR};" if error else "")
            self._show_count(key, edit.text(), error)
        self.jump.show_lint(lang)

    def _show_count(self, key: str, value: str, error: bool) -> None:
        """``23/20``: the value's length against its limit, red when WeChat would refuse it."""
        template = self._template
        field = next((f for f in template.fields if f.key == key), None) if template else None
        limit = length_limit(field, value) if field else None
        counter = self._counters[key]
        counter.setText(f"{len(value)}/{limit}" if limit else (str(len(value)) if value else ""))
        over = limit is not None and len(value) > limit
        color = ERROR_COLOR if over and error else WARNING_COLOR if over else ""
        counter.setStyleSheet(f"color: {color};" if color else "color: palette(placeholder-text);")

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


def load_json(text: str, default: Any) -> Any:
    try:
        value = json.loads(text)
    except (TypeError, json.JSONDecodeError):
        return default
    return value if isinstance(value, type(default)) else default
