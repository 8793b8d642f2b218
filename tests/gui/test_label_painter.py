"""The QPainter label painter paints a plan's millimetres: decoded and measured back."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtGui import QColor, QImage, QPainter

from app.core.layout import Correction, plan_label
from app.core.stocks import roll_stock
from app.ui.label_painter import code_image, paint_label
from tests.helpers.codes import decode, prepared

PX_PER_MM = 12.0  # ≈ 305 dpi


def _render(plan, code, correction: Correction = Correction()) -> Image.Image:  # noqa: B008
    stock = plan.stock
    image = QImage(round(stock.page_w * PX_PER_MM), round(stock.page_h * PX_PER_MM),
                   QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_label(painter, plan.geometry, code_image(code), px_per_mm=PX_PER_MM,
                correction=correction)
    painter.end()
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())
    return Image.frombytes("L", (gray.width(), gray.height()), data,
                           "raw", "L", gray.bytesPerLine())


def test_a_painted_label_scans_at_its_planned_size_and_place(qapp) -> None:
    code = prepared("https://example.com/recall/o123")
    plan = plan_label(roll_stock(50, 30), 24, modules=code.modules, caption="扫码", label="王小明")
    found = decode(_render(plan, code))
    assert [text for text, _ in found] == ["https://example.com/recall/o123"]
    left, top, right, bottom = (v / PX_PER_MM for v in found[0][1])
    # zxing-cpp reports the symbol's outer corners
    assert right - left == pytest.approx(24, abs=0.2)
    assert bottom - top == pytest.approx(24, abs=0.2)
    assert left == pytest.approx(plan.geometry.code.x, abs=0.2)
    assert top == pytest.approx(plan.geometry.code.y, abs=0.2)


def test_the_printer_correction_moves_the_code(qapp) -> None:
    code = prepared("https://example.com/recall/o123")
    plan = plan_label(roll_stock(50, 30), 24, modules=code.modules)
    plain = decode(_render(plan, code))[0][1]
    shifted = decode(_render(plan, code, Correction(offset_x=2.0, offset_y=1.0)))[0][1]
    assert (shifted[0] - plain[0]) / PX_PER_MM == pytest.approx(2.0, abs=0.15)
    assert (shifted[1] - plain[1]) / PX_PER_MM == pytest.approx(1.0, abs=0.15)


def test_paint_labels_prints_the_pages_the_pdf_writer_writes(qapp, tmp_path) -> None:
    """The printer path (QPainter on a paged device) places codes where the plans say."""
    import pypdfium2
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    from app.core.label_pdf import LabelItem
    from app.core.stocks import find_stock
    from app.ui.label_painter import paint_labels

    stock = find_stock("3x8")
    items = [LabelItem(prepared(f"https://example.com/r/{i}"), "扫码", f"客户{i}")
             for i in range(4)]
    path = tmp_path / "printed.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(600)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout.Unit.Millimeter))
    pages_seen: list[int] = []
    pages = paint_labels(writer, stock, items, code_mm=25, item_count=4, start_cell=23,
                         on_page=pages_seen.append)
    del writer
    assert pages == 2 and pages_seen == [1, 2]
    document = pypdfium2.PdfDocument(str(path))
    try:
        second = document[1].render(scale=300 / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    found = decode(second)
    assert [text for text, _ in found] == ["https://example.com/r/2", "https://example.com/r/3"]
    px = 300 / 25.4
    for i, (_text, (left, top, right, _bottom)) in enumerate(found):
        plan = plan_label(stock, 25, modules=items[2 + i].code.modules, caption="扫码",
                          label=f"客户{2 + i}")
        cell = stock.cell(i)
        assert (right - left) / px == pytest.approx(25, abs=0.3)
        assert left / px == pytest.approx(cell.x + plan.geometry.code.x, abs=0.3)
        assert top / px == pytest.approx(cell.y + plan.geometry.code.y, abs=0.3)
