"""GUI entry point (placeholder until the main window lands)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    import sys

    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel("Recall Desk")
    label.show()
    if getattr(args, "smoke", False):
        app.processEvents()
        return 0
    return int(app.exec())
