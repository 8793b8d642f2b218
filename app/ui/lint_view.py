"""How pages show text from outside and lint findings: plain text, one reserved line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy

from app.core.messages import lint_message
from app.core.templates import Finding
from app.ui.widgets import plain_tooltip

ERROR_COLOR = "#b91c1c"
WARNING_COLOR = "#b45309"


class LintLabel(QLabel):
    """One line of lint: a message longer than the line ends in "…" (all of it in the
    tooltip), so the cut is visible."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(
            self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
        )




def reserved_lint_label(name: str) -> QLabel:
    """A one-line label for lint messages that keeps its height when empty, so a message
    appearing while the user types never moves the fields below (the whole text is in the
    tooltip)."""
    label = LintLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName(name)
    label.setFixedHeight(label.fontMetrics().lineSpacing() + 2)
    # Nor does a long message widen the form: it is clipped at the form's width.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    label.setMinimumWidth(1)
    return label


def show_findings(label: QLabel, findings: list[Finding], lang: str) -> bool:
    """Put ``findings`` on ``label``; True when one of them is an error."""
    error = any(f.level == "error" for f in findings)
    text = "  ".join(
        ("✗ " if f.level == "error" else "! ") + lint_message(f, lang) for f in findings
    )
    label.setText(text)
    label.setToolTip(plain_tooltip(text))
    label.setStyleSheet(f"color: {ERROR_COLOR if error else WARNING_COLOR};")
    return error
