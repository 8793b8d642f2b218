"""Paint labels planned by :mod:`app.core.layout` with a QPainter: screen, printer, Qt PDF.

The same :class:`~app.core.layout.LabelPlan` drives the Qt-free PDF writer
(:mod:`app.core.label_pdf`), so a preview drawn here is what the paper gets: the code at its
size, its white quiet zone, the text lines broken where the plan broke them.

Coordinates: the painter is in device pixels; ``px_per_mm`` converts (a printer at 600 dpi:
``600 / 25.4``; a preview widget: its width in px over the label's width in mm). Typical use::

    painter = QPainter(widget)
    paint_label(painter, plan.geometry, code_image(code), px_per_mm=scale, outline=True)

    for slot in slots(stock, len(items), start_cell=...):      # a sheet, page by page
        paint_label(painter, plans[slot.item].geometry, images[slot.item],
                    px_per_mm=dpi / 25.4, at=slot.outline, correction=printer_correction)
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter, QPen

from app.core.layout import NO_CORRECTION, Correction, LabelGeometry, PreparedCode, Rect

LABEL_FONT_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC")
OUTLINE_COLOR = QColor(160, 160, 160)
OVERFLOW_COLOR = QColor(200, 0, 0)


def code_image(code: PreparedCode) -> QImage:
    """The code's symbol as a QImage (decode once per code, reuse for every copy)."""
    return QImage.fromData(code.png)


def label_font() -> QFont:
    """The font labels are printed in: Noto Sans CJK SC when installed (the PDF's too)."""
    families = set(QFontDatabase.families())
    font = QFont()
    for family in LABEL_FONT_FAMILIES:
        if family in families:
            font = QFont(family)
            break
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def paint_label(
    painter: QPainter,
    geometry: LabelGeometry,
    image: QImage | None,
    *,
    px_per_mm: float,
    at: Rect | None = None,
    correction: Correction = NO_CORRECTION,
    classic: bool = True,
    outline: bool = False,
    overflow: bool = False,
    font: QFont | None = None,
) -> None:
    """Paint one label: white quiet zone, the code, the text lines.

    Args:
        at: the label's outline on the page (a :class:`~app.core.layout.Slot`'s ``outline``);
            None paints the label at the painter's origin (a preview).
        correction: the printer's measured offset and scale.
        classic: scale the code without smoothing (a classic QR code's crisp modules).
        outline: draw the label's outline (previews and alignment pages, not label stock).
        overflow: draw the code's quiet zone in red (a preview of a plan that does not fit).
    """
    origin = at or Rect(0.0, 0.0, geometry.outline.w, geometry.outline.h)

    def box(r: Rect) -> QRectF:
        c = correction.rect(r.moved(origin.x, origin.y))
        return QRectF(c.x * px_per_mm, c.y * px_per_mm, c.w * px_per_mm, c.h * px_per_mm)

    painter.save()
    try:
        if outline:
            painter.setPen(QPen(OUTLINE_COLOR, 0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box(geometry.outline))
        painter.fillRect(box(geometry.quiet), QColor("white"))
        if overflow:
            painter.setPen(QPen(OVERFLOW_COLOR, max(1.0, 0.3 * px_per_mm)))
            painter.drawRect(box(geometry.quiet))
        if image is not None and not image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not classic)
            painter.drawImage(box(geometry.code), image)
        if geometry.lines:
            text_font = QFont(font or label_font())
            painter.setPen(QColor("black"))
            for line in geometry.lines:
                text_font.setPixelSize(max(1, round(correction.length(line.em_mm) * px_per_mm)))
                painter.setFont(text_font)
                metrics = QFontMetricsF(text_font)
                rect = box(line.rect)
                width = metrics.horizontalAdvance(line.text)
                baseline = box(Rect(line.rect.x, line.baseline_y, 0, 0)).y()
                left = rect.x() + (rect.width() - width) / 2
                painter.drawText(QPointF(left, baseline), line.text)
    finally:
        painter.restore()
