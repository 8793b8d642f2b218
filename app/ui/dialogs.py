"""Questions that need the user's decision, in one place.

Callers reach these through the module (``dialogs.ask_confirm(...)``), so a test swaps one with
``monkeypatch.setattr(dialogs, "ask_confirm", fake)`` and no window ever blocks a test run.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/Cancel warning; True when the user chose Yes (Cancel is the default)."""
    answer = QMessageBox.warning(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirm_production_send(
    parent: QWidget | None, *, profile: str, account: str, touser: str, template_id: str
) -> bool:
    """Ask before a real template message goes out through a production profile."""
    return ask_confirm(
        parent,
        QCoreApplication.translate("Dialogs", "Send with a production profile?"),
        QCoreApplication.translate(
            "Dialogs",
            "This sends a real template message.\n\nProfile: {profile}\n"
            "Official account: {account}\nRecipient: {to}\nTemplate: {tid}",
        ).format(profile=profile, account=account or "—", to=touser, tid=template_id),
    )
