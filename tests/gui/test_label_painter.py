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
