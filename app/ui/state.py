"""UI state declared once: every remembered key with its type and default.

Stored with QSettings in an INI file in the data home (so tests and ``RECALL_DESK_HOME`` keep it
apart from the user's). A corrupt or wrongly typed value falls back to the default.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from app.core.paths import data_home

SCHEMA_VERSION = 1

# key: (type, default)
KEYS: dict[str, tuple[type, Any]] = {
    "window/geometry": (QByteArray, QByteArray()),
    "window/state": (QByteArray, QByteArray()),
    "window/maximized": (bool, False),
    "window/page": (int, 0),
    "window/inspector": (bool, False),
    "profile/last": (str, ""),
    "qr/open_id": (str, ""),
    "qr/channel": (str, ""),
    "qr/call_times": (int, -1),
    "qr/size_mm": (float, 50.0),
    "qr/caption": (str, ""),  # the caption template; the customer label is never remembered
    "qr/stock": (str, "a4-1up"),  # the label stock the QR page prints on
    "qr/last_dir": (str, ""),
    "print/printer": (str, ""),  # the printer last chosen
    "print/printers": (str, "{}"),  # JSON: {printer name: {"offset_x", "offset_y", "scale"}}
    "ui/language": (str, ""),
    "ui/welcomed": (bool, False),  # the first-run panel was answered
    "templates/drafts": (str, "{}"),  # JSON: {"profile/template_id": {"values":…, "colors":…}}
    "templates/recipients": (str, "[]"),  # JSON list, most recent first
    "templates/splitter": (QByteArray, QByteArray()),
    "batch/last_dir": (str, ""),
    "batch/out_dir": (str, ""),
    "batch/concurrency": (int, 4),
    "batch/rate": (float, 0.0),
    "batch/stock": (str, ""),
    "batch/code_mm": (float, 40.0),
    "batch/caption": (str, ""),
}


class UiState:
    """Typed access to the remembered UI state."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(
            str(data_home() / "ui-state.ini"), QSettings.Format.IniFormat
        )
        if self._settings.value("schema", 0, int) != SCHEMA_VERSION:
            self._settings.setValue("schema", SCHEMA_VERSION)

    def get(self, key: str) -> Any:
        kind, default = KEYS[key]
        raw = self._settings.value(key, default)
        if kind is bool:
            if isinstance(raw, str):
                return raw.lower() in ("true", "1")
            return bool(raw)
        if kind is QByteArray:
            return raw if isinstance(raw, QByteArray) else default
        try:
            return kind(raw)
        except (TypeError, ValueError):
            return default

    def set(self, key: str, value: Any) -> None:
        if key not in KEYS:
            raise KeyError(key)
        if self.get(key) != value:
            self._settings.setValue(key, value)

    def sync(self) -> None:
        self._settings.sync()
