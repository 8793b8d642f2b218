"""Paint codes onto a QPrinter (paper or PDF) from :mod:`app.core.layout`'s millimetres."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from app.core.layout import PreparedCode, single_layout

PRINT_DPI = 600


@dataclass(frozen=True)
class PrintOptions:
    code_mm: float = 50.0
    captions: tuple[str, ...] = ()
    quiet_zone: bool = True


def make_printer(pdf_path: str | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setFullPage(True)
    if pdf_path:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(pdf_path)
    return printer


def paint_single(printer: QPrinter, code: PreparedCode, options: PrintOptions) -> None:
    """Paint one code at its exact physical size, with quiet zone and captions."""
    page = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    layout = single_layout(
        page.width(), page.height(), options.code_mm, code.modules, len(options.captions)
    )
    image = QImage.fromData(code.png)
    painter = QPainter(printer)
    try:
        # Device pixels per millimetre, from the printer's own resolution.
        scale = printer.resolution() / 25.4
        origin = printer.pageLayout().fullRectPixels(printer.resolution()).topLeft()
        offset = printer.pageRect(QPrinter.Unit.DevicePixel).topLeft()

        def to_device(x: float, y: float, w: float, h: float) -> QRectF:
            return QRectF(
                x * scale + origin.x() - offset.x(),
                y * scale + origin.y() - offset.y(),
                w * scale,
                h * scale,
            )

        if options.quiet_zone:
            q = layout.quiet
            painter.fillRect(to_device(q.x, q.y, q.w, q.h), QColor("white"))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not code.classic)
        c = layout.code
        painter.drawImage(to_device(c.x, c.y, c.w, c.h), image)
        font = QFont()
        font.setPointSizeF(11)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        for rect, text in zip(layout.captions, options.captions, strict=True):
            painter.drawText(
                to_device(rect.x, rect.y, rect.w, rect.h),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
    finally:
        painter.end()


def page_size_mm(printer: QPrinter) -> QSizeF:
    return printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter).size()
