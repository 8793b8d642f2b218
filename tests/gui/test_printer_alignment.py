"""Printer profiles and the alignment page: measured in a real PDF, remembered per printer name,
and the printer list asked for off the GUI thread."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPdfWriter

from app.core.alignment import MAJOR_TICK_MM, alignment_page, crosshair_centres, inset_for
from app.core.layout import NO_CORRECTION, Correction
from app.ui.printer_picker import PrinterPicker
from app.ui.printer_profiles import PrinterProfiles
from app.ui.printing import page_layout_mm, paint_alignment
from app.ui.state import UiState

DPI = 300
PX = DPI / 25.4


def _render(pdf: Path) -> Image.Image:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return document[0].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        document.close()


def _dark_counts(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[list, list]:
    left, top, right, bottom = box
    crop = image.crop(box)
    pixels = crop.load()
    rows = [sum(pixels[x, y] < 128 for x in range(crop.width)) for y in range(crop.height)]
    cols = [sum(pixels[x, y] < 128 for y in range(crop.height)) for x in range(crop.width)]
    return rows, cols


def _peak(counts: list[int]) -> float:
    """The centre of the highest run (a line is a few pixels thick)."""
    best = max(counts)
    hits = [i for i, c in enumerate(counts) if c >= best * 0.9]
    return sum(hits) / len(hits)


def crosshair_at(image: Image.Image, x_mm: float, y_mm: float, window_mm: float = 3.0):
    """Where the crosshair near (x, y) really is, in mm: its arms are the longest dark row and
    column of a window around the expected centre."""
    half = window_mm * PX
    box = (
        int(x_mm * PX - half),
        int(y_mm * PX - half),
        int(x_mm * PX + half),
        int(y_mm * PX + half),
    )
    rows, cols = _dark_counts(image, box)
    return (box[0] + _peak(cols) + 0.5) / PX, (box[1] + _peak(rows) + 0.5) / PX


def major_ticks(image: Image.Image, inset: float, length_mm: float) -> list[float]:
    """x (mm) of the top ruler's 10 mm ticks: columns dark over most of the long tick's length."""
    top, bottom = int((inset + 0.3) * PX), int((inset + MAJOR_TICK_MM - 0.2) * PX)
    _rows, cols = _dark_counts(image, (0, top, int(length_mm * PX), bottom))
    tall = [x for x, c in enumerate(cols) if c >= (bottom - top) * 0.95]
    groups: list[list[int]] = []
    for x in tall:
        if groups and x - groups[-1][-1] <= 1:
            groups[-1].append(x)
        else:
            groups.append([x])
    return [(sum(g) / len(g) + 0.5) / PX for g in groups]


def _write(path: Path, page, correction=NO_CORRECTION) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(600)
    writer.setPageLayout(page_layout_mm(page.page_w, page.page_h))
    paint_alignment(writer, page, correction)
    del writer


def _picker(qtbot, lister) -> PrinterPicker:
    from app.ui.tasks import TaskRunner

    tasks = TaskRunner()
    picker = PrinterPicker(tasks, UiState(), lambda: ("3x8", 210.0, 297.0, []), lister=lister)
    qtbot.addWidget(picker)
    picker._test_tasks = tasks  # keep the runner alive with the widget
    return picker


def test_the_alignment_pdf_puts_crosshairs_and_rulers_where_they_say(qtbot, tmp_path) -> None:
    picker = _picker(qtbot, lambda: ([], ""))
    pdf = tmp_path / "alignment.pdf"
    with qtbot.waitSignal(picker.alignment_saved, timeout=30000):  # a PDF: seconds under load
        picker.export_alignment_pdf(str(pdf))
    image = _render(pdf)
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        pdf_page = document[0]
        textpage = pdf_page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()  # children before their document, or pdfium may crash at exit
        pdf_page.close()
    finally:
        document.close()
    assert "Recall Desk alignment page — 3x8" in text and "186, 24 mm" in text  # a text layer
    width, height = image.size  # the stock's page, at 100 %
    assert abs(width - 210 * PX) <= 1.5 and abs(height - 297 * PX) <= 1.5
    for x, y in crosshair_centres(210, 297):
        found = crosshair_at(image, x, y)
        assert found == pytest.approx((x, y), abs=0.15), (x, y)
    ticks = major_ticks(image, inset_for(210, 297), 210)
    assert [round(t) for t in ticks] == list(range(10, 201, 10))
    assert max(abs(t - round(t)) for t in ticks) < 0.1


def test_the_alignment_page_draws_the_stock_outlines(tmp_path) -> None:
    from app.core.layout import Rect

    cells = [Rect(7.0 + c * 66.0, 15.0 + r * 38.0, 63.0, 37.0) for r in range(2) for c in range(3)]
    page = alignment_page(210, 297, cells)
    pdf = tmp_path / "outlines.pdf"
    _write(pdf, page)
    image = _render(pdf)
    # The first label's left edge: a (dashed) dark column at x = 7 mm between y 15 and 52 mm.
    _rows, cols = _dark_counts(image, (int(5 * PX), int(20 * PX), int(9 * PX), int(50 * PX)))
    assert (cols.index(max(cols)) + int(5 * PX) + 0.5) / PX == pytest.approx(7.0, abs=0.15)
    assert max(cols) > 0.3 * 30 * PX  # dashes cover a good part of the 30 mm looked at


def test_a_correction_moves_and_scales_the_printed_page(tmp_path) -> None:
    correction = Correction(offset_x=2.0, offset_y=-1.5, scale=0.98)
    pdf = tmp_path / "corrected.pdf"
    _write(pdf, alignment_page(210, 297), correction)
    image = _render(pdf)
    for x, y in crosshair_centres(210, 297):
        expected = (x * 0.98 + 2.0, y * 0.98 - 1.5)
        assert crosshair_at(image, *expected) == pytest.approx(expected, abs=0.15)


def test_corrections_are_remembered_per_printer_name(qtbot) -> None:
    picker = _picker(qtbot, lambda: (["Office Laser", "Label 203"], "Office Laser"))
    with qtbot.waitSignal(picker.printers_listed, timeout=5000):
        picker.refresh()
    assert picker.printer_name() == "Office Laser"
    picker.x_spin.setValue(1.5)
    picker.y_spin.setValue(-0.8)
    picker.printer_combo.setCurrentIndex(picker.printer_combo.findData("Label 203"))
    assert (picker.x_spin.value(), picker.scale_spin.value()) == (0.0, 100.0)
    picker.scale_spin.setValue(99.5)
    picker.printer_combo.setCurrentIndex(picker.printer_combo.findData("Office Laser"))
    assert (picker.x_spin.value(), picker.y_spin.value()) == (1.5, -0.8)
    assert picker.correction() == Correction(1.5, -0.8, 1.0)

    restarted = PrinterProfiles(UiState())  # read back from the state file
    assert restarted.get("Office Laser") == Correction(1.5, -0.8, 1.0)
    assert restarted.get("Label 203") == Correction(0.0, 0.0, 0.995)
    assert restarted.get("Never seen") == Correction()
    again = _picker(qtbot, lambda: (["Office Laser", "Label 203"], "Label 203"))
    assert again.printer_name() == "Office Laser"  # the last chosen, before any listing
    assert again.x_spin.value() == 1.5


def test_listing_printers_never_blocks_the_window(qtbot) -> None:
    release = threading.Event()
    threads: list[threading.Thread] = []

    def slow_cups() -> tuple[list[str], str]:
        threads.append(threading.current_thread())
        release.wait(10)
        return ["Office Laser"], "Office Laser"

    picker = _picker(qtbot, slow_cups)
    assert threads == []  # nothing is listed until the list is opened
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(20)
    picker.printer_combo.showPopup()
    qtbot.waitUntil(lambda: threads != [])
    assert picker.listing and "Looking for printers" in picker.printer_combo.itemText(
        picker.printer_combo.count() - 1
    )
    # The GUI thread keeps ticking while CUPS hangs (8 ticks of 20 ms; within 5 s, as a loaded
    # machine may give the thread less than 300 ms of its first 300; blocked, it gives none).
    qtbot.waitUntil(lambda: len(ticks) >= 8, timeout=5000)
    assert not release.is_set() and picker.listing
    with qtbot.waitSignal(picker.printers_listed, timeout=5000):
        release.set()
    heartbeat.stop()
    picker.printer_combo.hidePopup()
    assert threads[0] is not threading.main_thread()
    assert [picker.printer_combo.itemData(i) for i in range(picker.printer_combo.count())] == [
        "Office Laser"
    ]


def test_the_real_listing_runs_on_a_worker(qtbot) -> None:
    from app.ui.printer_profiles import list_printers

    threads: list[threading.Thread] = []

    def recorded() -> tuple[list[str], str]:
        threads.append(threading.current_thread())
        return list_printers()

    picker = _picker(qtbot, recorded)
    with qtbot.waitSignal(picker.printers_listed, timeout=30000):  # CUPS, under load
        picker.refresh()
    assert threads and threads[0] is not threading.main_thread()
    assert picker.printer_combo.count() >= 1
