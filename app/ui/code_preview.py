"""The QR page's view of its code: fresh, stale (greyed with a banner) or empty."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent

from app.ui.widgets import CodeView

ALIGN_CENTER = 0x0084  # Qt::AlignCenter as an int: see widgets.CENTERED_WRAPPED_TEXT


class CodePreview(CodeView):
    """A :class:`CodeView` that can mark its code stale.

    A stale code stays visible (so the lead sees which one it was) under a white veil and a
    banner; the page disables every action on it until a new code arrives.
    """

    def __init__(self) -> None:
        super().__init__()
        self._stale_text = ""

    @property
    def stale(self) -> bool:
        return bool(self._stale_text)

    def set_stale(self, text: str) -> None:
        """Veil the code with ``text`` as its banner; an empty text shows it as current."""
        self._stale_text = text
        self.update()

    def clear_image(self) -> None:
        from PySide6.QtGui import QImage

        self._stale_text = ""
        self.set_image(QImage(), crisp=True)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._stale_text or self.image().isNull():
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(255, 255, 255, 200))
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        painter.setFont(font)
        band_h = painter.fontMetrics().height() * 2.2
        band = QRectF(0, (self.height() - band_h) / 2, self.width(), band_h)
        painter.fillRect(band, QColor("#fef3c7"))
        painter.setPen(QColor("#92400e"))
        painter.drawRect(band.adjusted(0, 0, -1, -1))
        painter.drawText(band, ALIGN_CENTER, self._stale_text)
