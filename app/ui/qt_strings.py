"""Strings Qt's own dialogs show that Qt's ``qtbase`` catalogue does not translate.

Found by opening the dialogs offscreen in the Chinese UI and walking their widgets
(tests/gui/test_qt_dialogs.py does it for every dialog the app opens). Qt looks these up under
its own class names; our catalogue answers when qtbase has nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_OWN = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
)
