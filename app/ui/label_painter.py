"""Paint labels planned by :mod:`app.core.layout` with a QPainter: screen, printer, Qt PDF.

The same :class:`~app.core.layout.LabelPlan` drives the Qt-free PDF writer
(:mod:`app.core.label_pdf`), so a preview drawn here is what the paper gets: the code at its
size, its white quiet zone, the text lines broken where the plan broke them.

Coordinates: the painter is in device pixels; ``px_per_mm`` converts (a printer at 600 dpi:
``600 / 25.4``; a preview widget: its width in px over the label's width in mm). Typical use::

    painter = QPainter(widget)
    paint_label(painter, plan.geometry, code_image(code), px_per_mm=scale, outline=True)

    paint_labels(printer, stock, items, code_mm=30, item_count=n, start_cell=5)  # pages
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPen,
)

from app.core.label_pdf import LabelItem, plan_item
from app.core.layout import (
    NO_CORRECTION,
    Correction,
    LabelGeometry,
    LabelPlan,
    PreparedCode,
    Rect,
    slots,
)

if TYPE_CHECKING:
    from app.core.stocks import Stock

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


def paint_labels(
    device: QPagedPaintDevice,
    stock: Stock,
    items: Iterable[LabelItem],
    *,
    code_mm: float,
    item_count: int,
    start_cell: int = 1,
    copies: int = 1,
    correction: Correction = NO_CORRECTION,
    outlines: bool = False,
    check: Callable[[LabelItem, LabelPlan], None] | None = None,
    on_page: Callable[[int], None] | None = None,
) -> int:
    """Paint labels onto a printer (or any paged device set to the stock's page size).

    The same pages :func:`app.core.label_pdf.write_labels_pdf` writes: the same plans, slots,
    correction and ``check`` hook (it may raise to stop; a plan that does not fit raises
    ``guard.does_not_fit``). ``items`` is read once, in order. Returns the page count.
    """
    px_per_mm = (device.logicalDpiX() or 300) / 25.4
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting on the printer")
    font = label_font()
    pages = 0
    try:
        source = iter(items)
        current: tuple[LabelGeometry, QImage, bool] | None = None
        for slot in slots(stock, item_count, start_cell=start_cell, copies=copies):
            if slot.copy == 0:
                item = next(source)
                plan = plan_item(stock, code_mm, item, check)
                current = (plan.geometry, code_image(item.code), item.code.classic)
            assert current is not None
            if slot.page + 1 > pages:
                if pages:
                    device.newPage()
                    if on_page is not None:
                        on_page(pages)
                pages = slot.page + 1
            geometry, image, classic = current
            paint_label(painter, geometry, image, px_per_mm=px_per_mm, at=slot.outline,
                        correction=correction, classic=classic, outline=outlines,
                        font=font)  # fmt: skip
    finally:
        painter.end()
    if pages and on_page is not None:
        on_page(pages)
    return pages
