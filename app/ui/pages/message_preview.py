"""The message as the customer sees it, and the JSON body as the middleware receives it."""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.templates import Template, preview_lines
from app.ui.lint_view import ERROR_COLOR, WARNING_COLOR
from app.ui.widgets import plain_label


class MessagePreview(QTabWidget):
    """Preview and JSON tabs; in advanced mode the JSON is edited directly.

    Signals:
        edited(): advanced mode was switched, or the JSON edited in it.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.addTab(self.preview, self.tr("Preview"))
        self.addTab(json_tab, self.tr("JSON body"))
        self.setMinimumHeight(220)

    # -- the preview -------------------------------------------------------------------------------
    def show_message(self, template: Template | None, values: dict[str, str], opens: bool) -> None:
        """Show ``template`` filled with ``values``; ``opens``: a valid jump target is set."""
        if template is None:
            self.preview.clear()
            return
        dropped_note = html.escape(self.tr("(not shown since May 2023)"))
        refused_note = html.escape(self.tr("✗ WeChat refuses this value (47003)"))
        cut_note = html.escape(self.tr("(cut at 20 characters)"))
        parts = [f"<p><b>{html.escape(template.title)}</b></p>"]
        if not template.content:
            note = self.tr("No content: the middleware decides what the customer sees.")
            parts.append(f"<p><i>{html.escape(note)}</i></p>")
        for line in preview_lines(template, values):
            text = html.escape(line.text)
            if line.refused:
                note = f"<small style='color:{ERROR_COLOR}'>{refused_note}</small>"
                parts.append(f"<p>{text} {note}</p>")
            elif line.dropped:
                note = f"<small>{dropped_note}</small>"
                parts.append(f"<p style='color:#9ca3af'><s>{text}</s> {note}</p>")
            elif line.cut:
                parts.append(
                    f"<p>{text} <small style='color:{WARNING_COLOR}'>{cut_note}</small></p>"
                )
            else:
                parts.append(f"<p>{text}</p>")
        if opens:
            tap_note = html.escape(self.tr("Tap to open →"))
            parts.append(f"<p style='color:#6b7280'>{tap_note}</p>")
        self.preview.setHtml("".join(parts))

    def preview_text(self) -> str:
        return self.preview.toPlainText()

    # -- the JSON ----------------------------------------------------------------------------------
    def advanced(self) -> bool:
        return self.edit_json_check.isChecked()

    def show_body(self, body: dict[str, Any] | None, problem: str = "") -> None:
        """Show the form's body (not in advanced mode, where the user's text stays)."""
        if self.advanced():
            return
        self.json_view.blockSignals(True)
        self.json_view.setPlainText(
            json.dumps(body, ensure_ascii=False, indent=2) if body is not None else ""
        )
        self.json_view.blockSignals(False)
        self.json_problem.setText(problem)

    def edited_body(self) -> dict[str, Any] | str:
        """The advanced-mode body, or why the middleware could not read it."""
        try:
            body = json.loads(self.json_view.toPlainText())
        except json.JSONDecodeError as exc:  # json's English reason would show in Chinese too
            return self.tr("The JSON is not valid (line {line}, column {col}).").format(
                line=exc.lineno, col=exc.colno
            )
        if not isinstance(body, dict):
            return self.tr("The JSON body must be an object.")
        for key in ("touser", "template_id"):
            if not isinstance(body.get(key), str) or not body[key].strip():
                return self.tr("The JSON body needs a string “{key}”.").format(key=key)
        if "data" in body and not isinstance(body["data"], dict):
            return self.tr("“data” must be an object.")
        return body

    def _on_advanced_toggled(self, on: bool) -> None:
        self.json_view.setReadOnly(not on)
        if on:
            self.setCurrentIndex(1)
        self.edited.emit()

    def _on_json_edited(self) -> None:
        if self.advanced():
            parsed = self.edited_body()
            self.json_problem.setText(parsed if isinstance(parsed, str) else "")
            self.edited.emit()
