"""Paint codes onto paper or PDF from :mod:`app.core.layout`'s millimetres.

One routine paints a code (white quiet zone, the code scaled without smoothing when it is a
classic QR code, captions); single pages and label sheets, printers and PDF files all use it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from app.core.layout import PreparedCode, Rect, single_layout
from app.core.sheets import SheetItem, SheetSpec, sheet_placements

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice
    from PySide6.QtPrintSupport import QPrinter

PRINT_DPI = 600
PDF_DPI = 300


@dataclass(frozen=True)
class PrintOptions:
    code_mm: float = 50.0
    captions: tuple[str, ...] = ()
    quiet_zone: bool = True


def _a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def make_printer(pdf_path: str | None = None) -> QPrinter:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setPageLayout(_a4_layout())
    printer.setFullPage(True)
    if pdf_path:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(pdf_path)
    return printer


class _Painter:
    """Millimetres → device pixels on a full-page device, plus the code painting itself."""

    def __init__(self, painter: QPainter, dpi: int) -> None:
        self.painter = painter
        self.scale = dpi / 25.4
        font = QFont()
        font.setPointSizeF(10)
        painter.setFont(font)
        self._images: dict[int, QImage] = {}

    def rect(self, r: Rect) -> QRectF:
        return QRectF(r.x * self.scale, r.y * self.scale, r.w * self.scale, r.h * self.scale)

    def code(
        self,
        code: PreparedCode,
        quiet: Rect | None,
        box: Rect,
        captions: Sequence[tuple[Rect, str]],
    ) -> None:
        p = self.painter
        if quiet is not None:
            p.fillRect(self.rect(quiet), QColor("white"))
        image = self._images.get(id(code))
        if image is None:
            image = QImage.fromData(code.png)
            self._images = {id(code): image}  # sheets paint item by item: keep only the last
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not code.classic)
        p.drawImage(self.rect(box), image)
        p.setPen(QColor("black"))
        for rect, text in captions:
            p.drawText(self.rect(rect), int(Qt.AlignmentFlag.AlignCenter), text)


def _full_page_painter(device: QPagedPaintDevice | QPrinter) -> QPainter:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting (is the output file writable?)")
    return painter


def paint_single(device: QPdfWriter | QPrinter, code: PreparedCode, options: PrintOptions) -> None:
    """Paint one code at its exact physical size, with quiet zone and captions."""
    page = device.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    layout = single_layout(
        page.width(), page.height(), options.code_mm, code.modules, len(options.captions)
    )
    painter = _full_page_painter(device)
    try:
        mm = _Painter(painter, device.resolution())
        mm.code(
            code,
            layout.quiet if options.quiet_zone else None,
            layout.code,
            list(zip(layout.captions, options.captions, strict=True)),
        )
    finally:
        painter.end()


def paint_sheets(
    device: QPagedPaintDevice | QPrinter,
    dpi: int,
    spec: SheetSpec,
    items: Sequence[SheetItem],
    *,
    on_page: Callable[[int], None] | None = None,
) -> int:
    """Paint items onto label sheets; returns the number of pages."""
    placements = sheet_placements(spec, [(i.code.modules, len(i.captions)) for i in items])
    painter = _full_page_painter(device)
    pages = 0
    try:
        mm = _Painter(painter, dpi)
        current = 0
        for placement in placements:
            while placement.page > current:
                device.newPage()
                current += 1
                if on_page is not None:
                    on_page(current)
            item = items[placement.item]
            mm.code(
                item.code,
                placement.quiet,
                placement.code,
                list(zip(placement.captions, item.captions, strict=True)),
            )
        pages = current + 1
    finally:
        painter.end()
    return pages


_HEADLESS_APP: object = None


def ensure_gui_app() -> object:
    """An application for painting without a window (the CLI's PDF export).

    A QApplication rather than a QGuiApplication, so widgets can still be made later in the
    same process; kept in a module global so it outlives every painter and is torn down last.
    """
    global _HEADLESS_APP
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = _HEADLESS_APP = QApplication(["recall-desk"])
    return app


def _write_pdf(path: str, title: str, paint: Callable[[QPdfWriter], int], dpi: int) -> int:
    """Paint into an A4 PDF atomically: a ``.part`` file renamed only when painting finished.

    QPainter on a QPdfWriter works on any thread, so callers run this off the GUI thread.
    """
    from pathlib import Path

    ensure_gui_app()
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(dpi)
    writer.setPageLayout(_a4_layout())
    writer.setTitle(title)
    writer.setCreator("Recall Desk")
    try:
        pages = paint(writer)
        del writer  # flushes the file
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return pages


def write_single_pdf(path: str, code: PreparedCode, options: PrintOptions) -> None:
    """One code on an A4 page, as it would print (600 dpi: crisp module edges)."""

    def paint(writer: QPdfWriter) -> int:
        paint_single(writer, code, options)
        return 1

    _write_pdf(path, "Recall Desk code", paint, PRINT_DPI)


def write_sheets_pdf(
    path: str, spec: SheetSpec, items: Sequence[SheetItem], dpi: int = PDF_DPI
) -> int:
    """Write label sheets to a PDF atomically; returns the number of pages."""
    return _write_pdf(
        path, "Recall Desk label sheets", lambda w: paint_sheets(w, dpi, spec, items), dpi
    )
