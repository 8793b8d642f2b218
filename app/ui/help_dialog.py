"""F1's local help: the README's user sections, bundled, in the UI language.

Its own module: the first screen does not need it (the dialog and its text browser load on F1).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.ui.resources import resource


def help_text(language: str) -> str:
    """The bundled help in ``language`` (``zh_CN`` or ``en``), Markdown."""
    name = "help_zh_CN.md" if language.startswith("zh") else "help_en.md"
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
        language = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        self.browser.setMarkdown(help_text(language))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 520)
