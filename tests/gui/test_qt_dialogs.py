"""Qt's own dialogs read wholly in Chinese in the Chinese UI: what qtbase lacks, ours supplies.

Each dialog the app opens is shown offscreen and every text it displays (labels, buttons,
tooltips, combo items, column headers, menu actions, the title) is collected; none may be
English (paths and file filters aside).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTreeView,
    QWidget,
)

OURS = {"TOML (*.toml)", "CSV (*.csv)"}


def shown_texts(dialog: QWidget) -> set[str]:
    found = {dialog.windowTitle()}
    for child in dialog.findChildren(QWidget):
        if not child.isVisibleTo(dialog):
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            found.add(child.text())
        found.add(child.toolTip())
        if isinstance(child, QComboBox):
            found.update(child.itemText(i) for i in range(child.count()))
        if isinstance(child, QTreeView) and child.model() is not None:
            model = child.model()
            for column in range(model.columnCount()):
                found.add(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    found.update(action.text() for action in dialog.findChildren(QAction))
    return found


def english(texts: set[str]) -> list[str]:
    return sorted(
        text
        for text in texts
        if re.search(r"[A-Za-z]{3,}", text)
        and not re.search(r"[\u4e00-\u9fff]", text)
        and text not in OURS
        and not text.startswith("/")
    )


def test_the_file_dialog_reads_in_chinese(qtbot, chinese, tmp_path) -> None:
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "", str(tmp_path), "TOML (*.toml)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(mode)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = shown_texts(dialog)
        assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
        assert english(texts) == []


def test_the_print_dialog_and_preview_read_in_chinese(qtbot, chinese) -> None:
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    for button in dialog.findChildren(QAbstractButton):
        if "选项" in button.text():
            button.click()  # the Options part, with Page Set
    assert english(shown_texts(dialog)) == []
    preview = QPrintPreviewDialog(printer)
    qtbot.addWidget(preview)
    preview.show()
    assert english(shown_texts(preview)) == []


def test_message_boxes_and_context_menus_read_in_chinese(qtbot, chinese) -> None:
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "标题",
        "正文",
        buttons.Yes | buttons.No | buttons.Cancel | buttons.Ok | buttons.Save,
    )
    box.setDetailedText("细节")
    qtbot.addWidget(box)
    box.show()
    assert english(shown_texts(box)) == []
    for editor in (QLineEdit("abc"), QPlainTextEdit("abc")):
        qtbot.addWidget(editor)
        menu = editor.createStandardContextMenu()
        assert english({action.text() for action in menu.actions()}) == []
