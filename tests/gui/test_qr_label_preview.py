"""What you see is what prints: the QR page draws the label from the plan the PDF and the
printer use — the code in proportion to the label, its quiet zone, caption and customer label."""

from __future__ import annotations

import math
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintPreviewDialog

from app.core.stocks import find_stock
from app.ui.pages.qr_page import QrPage
from tests.gui.conftest import generate

MM_PER_INCH = 25.4


def _choose(page, name: str) -> None:
    page.form.choose_stock(find_stock(name).name)
    assert page.form.stock().name == find_stock(name).name


def _dark_box(image: QImage, left: int, top: int, right: int, bottom: int):
    """Bounding box of the dark pixels inside a rectangle of a grabbed widget."""
    xs, ys = [], []
    for y in range(top, bottom):
        for x in range(left, right):
            if image.pixelColor(x, y).lightness() < 100:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs) + 1, max(ys) + 1


def test_the_preview_draws_the_code_in_proportion_to_its_label(qtbot, demo_window) -> None:
    page = demo_window.qr_page
    _choose(page, "roll-50x30")
    page.size_spin.setValue(22.0)
    page.caption_edit.setText("")
    generate(qtbot, demo_window, "oRoll")
    plan = page.image_view.plan()
    assert plan is not None and plan.stock.name == "roll-50x30" and plan.code_mm == 22.0
    demo_window.resize(1300, 800)
    qtbot.waitUntil(lambda: page.image_view.width() > 500)
    shot = page.image_view.grab().toImage()
    label = page.image_view.label_rect()
    assert label.width() / label.height() == pytest.approx(50 / 30, rel=0.01)
    left, top, right, _bottom = _dark_box(
        shot, int(label.left()) + 2, int(label.top()) + 2, int(label.right()) - 2,
        int(label.bottom()) - 2,
    )  # fmt: skip
    px_per_mm = label.width() / 50
    assert (right - left) / px_per_mm == pytest.approx(22.0, abs=0.6)
    code = plan.geometry.code
    assert (left - label.left()) / px_per_mm == pytest.approx(code.x, abs=0.6)
    assert (top - label.top()) / px_per_mm == pytest.approx(code.y, abs=0.6)


def _pdf_text_and_code(pdf: Path, dpi: int = 300):
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        pdf_page = document[0]
        textpage = pdf_page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()  # children before their document, or pdfium may crash at exit
        image = pdf_page.render(scale=dpi / 72).to_pil().convert("L")
        pdf_page.close()
    finally:
        document.close()
    return text, image


def test_the_pdf_prints_what_the_preview_shows(qtbot, demo_window, sandbox, tmp_path) -> None:
    page = demo_window.qr_page
    _choose(page, "herma-4464")  # 3×8 sheet, 70×37 mm labels
    page.form.start_cell_spin.setValue(5)
    page.size_spin.setValue(30.0)
    page.caption_edit.setText("微信扫码")
    page.label_edit.setText("王小明 单号 A1")
    generate(qtbot, demo_window, "oSheet")
    assert page.label_edit.text() == "王小明 单号 A1"
    plan = page.image_view.plan()
    shown = [line.text for line in plan.geometry.lines]
    assert "".join(shown).replace(" ", "") == "微信扫码王小明单号A1"
    pdf = tmp_path / "label.pdf"
    with qtbot.waitSignal(page.saved, timeout=30000):  # a PDF: seconds on a loaded machine
        page.export_pdf(str(pdf))
    text, image = _pdf_text_and_code(pdf)
    for line in shown:
        assert line in text
    (decoded,) = zxingcpp.read_barcodes(image)
    assert decoded.text == sandbox.payload_for(page.result().qr_code_url)
    cell = find_stock("herma-4464").cell(4)  # the fifth label, counted row by row
    x = decoded.position.top_left.x / 300 * MM_PER_INCH
    y = decoded.position.top_left.y / 300 * MM_PER_INCH
    assert x == pytest.approx(cell.x + plan.geometry.code.x, abs=0.5)
    assert y == pytest.approx(cell.y + plan.geometry.code.y, abs=0.5)
    width = (decoded.position.top_right.x - decoded.position.top_left.x) / 300 * MM_PER_INCH
    assert width == pytest.approx(30.0, abs=0.5)


def test_a_code_that_does_not_fit_its_label_cannot_be_printed(
    qtbot, demo_window, monkeypatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QrPage, "ask_save_path", classmethod(lambda cls, p, d, f: asked.append(d)))
    page = demo_window.qr_page
    _choose(page, "roll-40x30")
    page.size_spin.setValue(50.0)
    generate(qtbot, demo_window, "oTooBig")
    assert not page.image_view.plan().fits
    assert not page.print_button.isEnabled() and not page.pdf_button.isEnabled()
    assert page.save_button.isEnabled()  # the image itself can still be saved
    assert "50" in page.print_note.text()
    page.pdf_dialog()
    page.print_preview()
    assert asked == [] and page.findChildren(QPrintPreviewDialog) == []
    page.size_spin.setValue(math.floor(page.image_view.plan().max_code_mm * 10) / 10)
    assert page.image_view.plan().fits, page.print_note.text()
    assert page.print_button.isEnabled() and page.pdf_button.isEnabled(), page.print_note.text()


def test_a_small_code_prints_only_when_the_lead_says_so(qtbot, demo_window, tmp_path) -> None:
    page = demo_window.qr_page
    _choose(page, "roll-50x30")  # 203 dpi: the sandbox's 49-module code needs 24.6 mm
    page.size_spin.setValue(22.0)
    page.caption_edit.setText("")
    generate(qtbot, demo_window, "oSmall")
    assert page.image_view.plan().fits
    assert not page.print_button.isEnabled() and page.job() is None
    assert page.allow_small_check.isVisible()
    assert "24.6" in page.print_note.text()
    page.allow_small_check.setChecked(True)
    assert page.print_button.isEnabled() and page.job() is not None
    pdf = tmp_path / "small.pdf"
    with qtbot.waitSignal(page.saved, timeout=30000):  # a PDF: seconds on a loaded machine
        page.export_pdf(str(pdf))
    assert pdf.stat().st_size > 0
    generate(qtbot, demo_window, "oNextCustomer")
    assert not page.allow_small_check.isChecked() and page.job() is None


def test_the_users_own_stocks_are_offered(qtbot, make_window, sandbox) -> None:
    from app.core.paths import config_path

    path = config_path().parent / "stocks.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[stocks.till-58x40]\nkind = "roll"\nlabel_w = 58.0\nlabel_h = 40.0\n')
    page = make_window(sandbox.demo_profile()).qr_page
    combo = page.form.stock_combo
    names = lambda: [combo.itemData(i).name for i in range(combo.count())]  # noqa: E731
    qtbot.waitUntil(lambda: "till-58x40" in names())
    combo.choose_stock("till-58x40")
    assert page.form.stock().label_w == 58.0 and not page.form.start_cell_spin.isEnabled()
