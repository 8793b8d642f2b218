"""Printers by name: each one's measured offset and scale (:class:`PrinterProfiles`), and the
system's list (:func:`list_printers`). Apart from :mod:`app.ui.printing` so that the printer picker
on the first screen loads neither the label layout nor the painting code.

Listing printers asks CUPS (or the Windows spooler) and can block for seconds: it is meant for a
worker thread (the task runner); QPrinterInfo's static listing touches no GUI object, and a lock
keeps two listings from racing while Qt loads its print-support plugin.
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING

from app.core.correction import NO_CORRECTION, Correction

if TYPE_CHECKING:
    from app.ui.state import UiState

OFFSET_LIMIT_MM = 20.0
SCALE_LIMITS = (0.9, 1.1)


class PrinterProfiles:
    """Offset (x, y) and scale per printer name, kept in the UI state (``print/printers``)."""

    def __init__(self, state: UiState) -> None:
        self._state = state

    def _all(self) -> dict[str, dict[str, float]]:
        try:
            data = json.loads(self._state.get("print/printers"))
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, name: str) -> Correction:
        """The correction remembered for ``name``; none for an unknown printer or a PDF."""
        raw = self._all().get(name) if name else None
        if not isinstance(raw, dict):
            return NO_CORRECTION
        try:
            x, y = float(raw.get("offset_x", 0)), float(raw.get("offset_y", 0))
            scale = float(raw.get("scale", 1))
        except (TypeError, ValueError):
            return NO_CORRECTION
        low, high = SCALE_LIMITS
        if abs(x) > OFFSET_LIMIT_MM or abs(y) > OFFSET_LIMIT_MM or not low <= scale <= high:
            return NO_CORRECTION
        return Correction(x, y, scale)

    def set(self, name: str, correction: Correction) -> None:
        if not name:
            return
        data = self._all()
        if correction == NO_CORRECTION:
            data.pop(name, None)
        else:
            data[name] = {
                "offset_x": round(correction.offset_x, 2),
                "offset_y": round(correction.offset_y, 2),
                "scale": round(correction.scale, 4),
            }
        self._state.set("print/printers", json.dumps(data, ensure_ascii=False, sort_keys=True))

    def correction_for(self, device: object) -> Correction:
        """The correction for a device about to paint: its printer's, none for a PDF file."""
        from PySide6.QtPrintSupport import QPrinter

        if not isinstance(device, QPrinter):
            return NO_CORRECTION
        if device.outputFormat() != QPrinter.OutputFormat.NativeFormat:
            return NO_CORRECTION
        return self.get(device.printerName())


_LISTING = threading.Lock()


def list_printers() -> tuple[list[str], str]:
    """(printer names, the default's name) from the system; may block: call it on a worker."""
    with _LISTING:
        from PySide6.QtPrintSupport import QPrinterInfo

        return list(QPrinterInfo.availablePrinterNames()), QPrinterInfo.defaultPrinterName()
