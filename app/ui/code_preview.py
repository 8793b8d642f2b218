"""The QR page's view of its code: the label as it will print, fresh, stale or empty.

The label is painted by :func:`app.ui.label_painter.paint_label` from the same
:class:`~app.core.layout.LabelPlan` the printer and the PDF use, scaled to the widget: the code
keeps its size in proportion to the label, with its quiet zone, caption and customer label.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent

from app.ui.widgets import CodeView

# The scannability guard's note under a label preview, by verdict level.
GUARD_NOTE_COLOURS = {"ok": "palette(text)", "warn": "#92400e", "refuse": "#991b1b"}

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from app.core.layout import LabelPlan

MARGIN_PX = 12


class CodePreview(CodeView):
    """The code on its label, or the bare code until a plan is given.

    A stale code stays visible (so the lead sees which one it was) under a white veil and a
    banner; the page disables every action on it until a new code arrives.
    """

    def __init__(self) -> None:
        super().__init__()
        self._stale_text = ""
        self._plan: LabelPlan | None = None
        self._symbol: QImage | None = None  # the cropped symbol the label prints
        self._classic = True

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
        self._symbol = None
        self.set_image(QImage(), crisp=True)

    def set_label(self, plan: LabelPlan | None, symbol: QImage | None, *, classic: bool) -> None:
        """Show ``symbol`` (the cropped code) on the label ``plan`` describes."""
        self._plan, self._symbol, self._classic = plan, symbol, classic
        self.update()

    def plan(self) -> LabelPlan | None:
        """The plan the label is drawn from (the printer's and the PDF's too)."""
        return self._plan

    def label_rect(self) -> QRectF:
        """Where the label is drawn in the widget (empty without a plan)."""
        if self._plan is None:
            return QRectF()
        outline = self._plan.geometry.outline
        scale = self.px_per_mm()
        w, h = outline.w * scale, outline.h * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def px_per_mm(self) -> float:
        if self._plan is None:
            return 0.0
        outline = self._plan.geometry.outline
        return min(
            (self.width() - 2 * MARGIN_PX) / outline.w, (self.height() - 2 * MARGIN_PX) / outline.h
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self._plan is None or self.image().isNull():
            super().paintEvent(event)
        else:
            self._paint_label()
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
        painter.drawText(
            band, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._stale_text
        )

    def _paint_label(self) -> None:
        from app.ui.label_painter import paint_label

        assert self._plan is not None
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#d1d5db"))  # the desk around the label
        target = self.label_rect()
        painter.fillRect(target, QColor("white"))
        painter.translate(target.topLeft())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_label(
            painter,
            self._plan.geometry,
            self._symbol,
            px_per_mm=self.px_per_mm(),
            classic=self._classic,
            outline=True,
            overflow=not self._plan.fits,
        )
        painter.end()
