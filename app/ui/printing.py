"""Printers: a label job painted from :mod:`app.core.layout`'s millimetres, printer profiles.

A :class:`CodeLabel` is one code on one label of a stock, planned once: :func:`paint_job` paints
it on a printer (QPainter through :func:`app.ui.label_painter.paint_label`, the preview's
painter), :func:`write_job_pdf` writes it with the Qt-free label PDF writer. The alignment page
(:mod:`app.core.alignment`) is painted on printers here and written to PDF by the core.

Each printer's measured offset and scale, and the system's printer list, are in
:mod:`app.ui.printer_profiles`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app.core.alignment import OUTLINE_GRAY, AlignmentPage, corrected
from app.core.label_pdf import LabelItem, write_labels_pdf
from app.core.layout import NO_CORRECTION, Correction, LabelPlan, PreparedCode, plan_label
from app.ui.label_painter import code_image, label_font, paint_label

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from app.core.stocks import Stock

PRINT_DPI = 600


def _a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def page_layout_mm(width: float, height: float) -> QPageLayout:
    """A borderless page of this size (A4 is recognised; a roll label gets its own size)."""
    if abs(width - 210) < 0.01 and abs(height - 297) < 0.01:
        return _a4_layout()
    size = QPageSize(
        QSizeF(width, height), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch
    )
    orientation = QPageLayout.Orientation.Portrait
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def make_printer(
    pdf_path: str | None = None,
    *,
    printer_name: str = "",
    page_mm: tuple[float, float] = (210.0, 297.0),
) -> QPrinter:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name and not pdf_path:
        printer.setPrinterName(printer_name)
    printer.setResolution(PRINT_DPI)
    printer.setPageLayout(page_layout_mm(*page_mm))
    printer.setFullPage(True)
    if pdf_path:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(pdf_path)
    return printer


def _full_page_painter(device: QPagedPaintDevice | QPrinter) -> QPainter:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting (is the output file writable?)")
    return painter


@dataclass(frozen=True)
class CodeLabel:
    """One code to print on one label of a stock: the plan the preview, printer and PDF share."""

    stock: Stock
    plan: LabelPlan
    code: PreparedCode
    start_cell: int = 1


def code_label(
    stock: Stock,
    code: PreparedCode,
    code_mm: float,
    *,
    caption: str = "",
    label: str = "",
    start_cell: int = 1,
) -> CodeLabel:
    plan = plan_label(stock, code_mm, modules=code.modules, caption=caption, label=label)
    return CodeLabel(stock, plan, code, start_cell)


def paint_job(
    device: QPdfWriter | QPrinter, job: CodeLabel, correction: Correction = NO_CORRECTION
) -> None:
    """Paint the job's label where its start cell lies on the page, corrected for the printer."""
    painter = _full_page_painter(device)
    try:
        paint_label(
            painter,
            job.plan.geometry,
            code_image(job.code),
            px_per_mm=device.resolution() / 25.4,
            at=job.stock.cell(job.start_cell - 1),
            correction=correction,
            classic=job.code.classic,
        )
    finally:
        painter.end()


def write_job_pdf(path: str, job: CodeLabel) -> None:
    """The job as a PDF of the stock's page (Qt-free writer, true text layer), uncorrected."""
    item = LabelItem(job.code, job.plan.caption, job.plan.label)
    write_labels_pdf(
        path,
        job.stock,
        [item],
        code_mm=job.plan.code_mm,
        item_count=1,
        start_cell=job.start_cell,
        title="Recall Desk code",
    )


def paint_alignment(
    device: QPdfWriter | QPrinter,
    page: AlignmentPage,
    correction: Correction = NO_CORRECTION,
) -> None:
    """Paint the alignment page on a full-page device, moved and scaled by ``correction``."""
    drawn = corrected(page, correction)
    painter = _full_page_painter(device)
    try:
        k = device.resolution() / 25.4

        def pt(x: float, y: float) -> QPointF:
            return QPointF(x * k, y * k)

        black = QColor("black")
        for line in drawn.lines:
            painter.setPen(QPen(black, line.width * k))
            painter.drawLine(pt(line.x1, line.y1), pt(line.x2, line.y2))
        gray = round(OUTLINE_GRAY * 255)
        painter.setPen(QPen(QColor(gray, gray, gray), 0.2 * k))
        for box in drawn.outlines:
            painter.drawRect(QRectF(box.x * k, box.y * k, box.w * k, box.h * k))
        for panel in drawn.panels:
            painter.fillRect(QRectF(panel.x * k, panel.y * k, panel.w * k, panel.h * k), "white")
        for cross in drawn.crosshairs:
            painter.setPen(QPen(black, 0.15 * k))
            painter.drawLine(pt(cross.x - cross.arm, cross.y), pt(cross.x + cross.arm, cross.y))
            painter.drawLine(pt(cross.x, cross.y - cross.arm), pt(cross.x, cross.y + cross.arm))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            r = cross.ring
            painter.drawRect(QRectF((cross.x - r) * k, (cross.y - r) * k, 2 * r * k, 2 * r * k))
        painter.setPen(black)

        font = label_font()
        for text in drawn.texts:
            font.setPixelSize(max(1, round(text.size * k)))
            painter.setFont(font)
            painter.drawText(QPointF(text.x * k, text.baseline * k), text.text)
    finally:
        painter.end()
