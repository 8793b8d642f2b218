"""The timestamp parameter's spelling in Settings: the selector and the Test connection line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from app.core.auth_probe import accepted_names
from app.ui.widgets import FormComboBox

if TYPE_CHECKING:
    from app.core.errors import RecallError
    from app.core.profiles import Profile
    from app.core.signing import TimestampName


def timestamp_name_combo(parent: QWidget) -> QComboBox:
    """Both names (the default), ``timestamp`` only, or the seed's ``timestap`` only."""
    combo = FormComboBox(parent)
    combo.setObjectName("settingsTimestampNameCombo")
    combo.addItem(QCoreApplication.translate("AuthForms", "Both: timestamp and timestap"), "both")
    combo.addItem("timestamp", "timestamp")
    combo.addItem(
        QCoreApplication.translate("AuthForms", "timestap (the source document's spelling)"),
        "timestap",
    )
    combo.setToolTip(
        QCoreApplication.translate(
            "AuthForms",
            "The source document spells the parameter “timestap”. Sending both names works "
            "with either server; Test connection tells which one the server reads.",
        )
    )
    return combo


def timestamp_report(outcomes: dict[TimestampName, RecallError | None], profile: Profile) -> str:
    """One sentence: which single name the server accepted, and what the profile should use."""
    accepted = accepted_names(outcomes)
    if accepted == ["timestamp", "timestap"]:
        return QCoreApplication.translate(
            "AuthForms", "The server accepts the timestamp as “timestamp” and as “timestap”."
        )
    if not accepted:
        return QCoreApplication.translate(
            "AuthForms",
            "The server accepted neither “timestamp” nor “timestap” alone: keep sending both.",
        )
    (name,) = accepted
    sentence = QCoreApplication.translate("AuthForms", "The server accepts only “{name}”.").format(
        name=name
    )
    if profile.timestamp_name not in ("both", name):
        sentence += " " + QCoreApplication.translate(
            "AuthForms", "Choose “{name}” (or both) under Timestamp sent as."
        ).format(name=name)
    return sentence
