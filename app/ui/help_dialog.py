"""F1's local help: the README's user sections, bundled, in the UI language.

Its own module: the first screen does not need it (the dialog and its text browser load on F1).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.core.lang import is_chinese
from app.ui.errors import ui_language
from app.ui.resources import resource


def help_text(language: str) -> str:
    """The bundled help in ``language`` (``zh``/``zh_CN`` or ``en``), Markdown."""
    name = "help_zh_CN.md" if is_chinese(language) else "help_en.md"
    return resource("help", name).read_text(encoding="utf-8")


class HelpDialog(QDialog):
    """The README's user sections, rendered, in the UI language (F1)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Recall Desk help"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(help_text(ui_language()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 520)
