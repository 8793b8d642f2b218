"""One template's header: title, id, industry, contract problems, content and example."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from app.core.messages import problems_text
from app.core.templates import PLACEHOLDER, Template
from app.ui.errors import ui_language
from app.ui.lint_view import WARNING_COLOR
from app.ui.widgets import plain_label


class TemplateDetails(QGroupBox):
    """What the middleware says about one template; everything from it is shown as text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Template"))
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.problems_label)
        pair = QGridLayout()
        pair.addWidget(QLabel(self.tr("Content")), 0, 0)
        pair.addWidget(QLabel(self.tr("Example")), 0, 1)
        pair.addWidget(self.content_view, 1, 0)
        pair.addWidget(self.example_view, 1, 1)
        layout.addLayout(pair)

    def show_template(self, template: Template | None) -> None:
        if template is None:
            self.title_label.setText(self.tr("Select a template"))
            self.meta_label.setText(
                self.tr("Press F5 to load the list from the simulation middleware.")
            )
            self.problems_label.hide()
            self.content_view.clear()
            self.example_view.clear()
            return
        self.title_label.setText(template.title or self.tr("(no title)"))
        industry = " / ".join(x for x in (template.primary_industry, template.deputy_industry) if x)
        meta = self.tr("ID: {id}\nIndustry: {industry}").format(
            id=template.template_id, industry=industry or "—"
        )
        if template.by_hand:
            meta += "\n" + self.tr("Entered by hand (the middleware's list does not have it)")
        self.meta_label.setText(meta)
        self.problems_label.setVisible(bool(template.problems))
        self.problems_label.setText(
            self.tr("⚠ This list entry breaks the contract: {p}").format(
                p=problems_text(template.problems, ui_language())
            )
        )
        empty_note = html.escape(self.tr("(empty content)"))
        self.content_view.setHtml(highlight(template.content) or f"<i>{empty_note}</i>")
        self.example_view.setPlainText(template.example)


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
