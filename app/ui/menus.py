"""The main window's menus (File, Code, Templates, Go, View, Help) and their actions.

A page's action shows its page, then calls one of the page's intent methods; the window decides
when the code actions are enabled. The menus' words keep the window's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from app import __version__

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

translate = QCoreApplication.translate


class WindowMenus:
    """Builds the menu bar of ``window``; ``titles`` are the pages' names, for the Go menu."""

    def __init__(self, window: MainWindow, titles: list[str]) -> None:
        self._window = window
        bar = window.menuBar()
        keys = QKeySequence.StandardKey
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        quit_action = QAction(translate("MainWindow", "&Quit"), window)
        quit_action.setShortcut(keys.Quit)
        quit_action.triggered.connect(window.close)

        code_menu = bar.addMenu(translate("MainWindow", "&Code"))
        qr = window.PAGE_QR
        self.generate_action = self._action(
            translate("MainWindow", "&Generate"), "Ctrl+G", "generate", qr
        )
        self.save_action = self._action(
            translate("MainWindow", "&Save image…"), keys.Save, "save_dialog", qr
        )
        self.copy_action = self._action(
            translate("MainWindow", "&Copy image"), "Ctrl+Shift+C", "copy_image", qr
        )
        self.print_action = self._action(
            translate("MainWindow", "&Print…"), keys.Print, "print_preview", qr
        )
        # Not Ctrl+E: X11's key scheme gives it to text fields (end of line), so it never got here.
        self.pdf_action = self._action(
            translate("MainWindow", "&Export PDF…"), "Ctrl+Shift+E", "pdf_dialog", qr
        )
        self.alignment_action = self._action(
            translate("MainWindow", "Print &alignment page…"), "", "print_alignment_page", qr
        )
        code_menu.addActions(
            [self.generate_action, self.save_action, self.copy_action, self.print_action]
            + [self.pdf_action, self.alignment_action]
        )
        self.enable_code_actions(False)  # until the QR page has a current code

        templates_menu = bar.addMenu(translate("MainWindow", "&Templates"))
        for text, shortcut, method in (
            (translate("MainWindow", "&Refresh list"), "F5", "refresh"),
            (translate("MainWindow", "&Find template"), keys.Find, "focus_filter"),
            (translate("MainWindow", "&Send test message"), "Ctrl+Return", "send"),
        ):
            templates_menu.addAction(self._action(text, shortcut, method, window.PAGE_TEMPLATES))

        self.open_list_action = self._action(
            translate("MainWindow", "&Open list…"), keys.Open, "open_dialog", window.PAGE_BATCH
        )
        file_menu.addAction(self.open_list_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        go_menu = bar.addMenu(translate("MainWindow", "&Go"))
        for index, title in enumerate(titles):
            action = QAction(title, window)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: window.nav.setCurrentRow(i))
            go_menu.addAction(action)

        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        self.inspector_action = QAction(translate("MainWindow", "Request &inspector"), window)
        self.inspector_action.setCheckable(True)
        self.inspector_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.inspector_action.triggered.connect(lambda on: window.inspector.setVisible(on))
        view_menu.addAction(self.inspector_action)

        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.help_action = QAction(translate("MainWindow", "Recall Desk &help"), window)
        self.help_action.setShortcut(keys.HelpContents)
        self.help_action.triggered.connect(window.show_help)
        help_menu.addAction(self.help_action)
        about = QAction(translate("MainWindow", "&About Recall Desk"), window)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def enable_code_actions(self, enabled: bool) -> None:
        """Save, copy, print and PDF: only while the QR page has a current code."""
        for action in (self.save_action, self.copy_action, self.print_action, self.pdf_action):
            action.setEnabled(enabled)

    def show_about(self) -> None:
        """Help ▸ About: the name, the version, what it is for (non-modal)."""
        box = QMessageBox(self._window)
        box.setWindowTitle(translate("MainWindow", "About Recall Desk"))
        box.setText(
            translate(
                "MainWindow",
                "Recall Desk {version}\nRecall QR codes and template-message checks for "
                "Udesk video customer service.",
            ).format(version=__version__)
        )
        box.open()

    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey, method: str, page: int
    ) -> QAction:
        """A window-wide action that shows its page, then calls ``page.method()``."""
        window = self._window
        action = QAction(text, window)
        action.setShortcut(QKeySequence(shortcut))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text.replace('&', '')} ({keys})")

        def run() -> None:
            window.nav.setCurrentRow(page)
            getattr(window.page(page), method)()

        action.triggered.connect(run)
        return action
