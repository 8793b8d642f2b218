"""The crash hook: an uncaught exception in a slot is logged and shown to the user."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.app import install_crash_hook


def _reports() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_an_uncaught_exception_shows_a_report_that_stays_open(qtbot, tmp_path: Path) -> None:
    previous = install_crash_hook(str(tmp_path / "recall-desk.log"))
    try:
        try:
            raise TypeError("'bool' object is not iterable")
        except TypeError as error:
            sys.excepthook(type(error), error, error.__traceback__)
        gc.collect()  # the report must not be a local that dies with the hook
        qtbot.waitUntil(lambda: bool(_reports()), timeout=2000)
        (report,) = _reports()
        assert "not iterable" in report.detailedText()
        assert str(tmp_path / "recall-desk.log") in report.text()
        report.close()
        qtbot.waitUntil(lambda: not _reports(), timeout=2000)
    finally:
        sys.excepthook = previous
