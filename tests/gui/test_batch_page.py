"""The Batch page against the sandbox: import, run with progress, cancel/resume, PDF, quit."""

from __future__ import annotations

import time
from pathlib import Path

import pypdfium2
import zxingcpp
from PySide6.QtCore import QTimer

from app.sandbox import Sandbox
from app.ui.main_window import MainWindow


def _csv(path: Path, n: int, *, bad: bool = False) -> Path:
    lines = ["用户openid,渠道,客户姓名"] + [f"o{i:04d},门店{i % 5},客户{i}" for i in range(n)]
    if bad:
        lines += [",门店x,没有openid", "o0001,门店1,重复"]
    path.write_bytes(("\n".join(lines) + "\n").encode("gb18030"))
    return path


def _open(qtbot, window, path: Path):
    window.nav.setCurrentRow(window.PAGE_BATCH)
    page = window.batch_page
    with qtbot.waitSignal(page.imported, timeout=10000):
        page.load(str(path))
    return page


def test_import_shows_each_rows_problem(qtbot, demo_window, tmp_path) -> None:
    page = _open(qtbot, demo_window, _csv(tmp_path / "l.csv", 3, bad=True))
    assert [(r.line, r.problem_text("en")) for r in page.rows()][-2:] == [
        (5, "empty openId"),
        (6, "duplicate of line 3"),
    ]
    assert page.mapping() == {"open_id": 0, "channel": 1, "caption": 2}
    assert "3 rows ready, 2 with a problem" in page.rows_label.text()
    assert page.model.data(page.model.index(3, 5)) == "Not sent: empty openId"
    # Mapping by hand: pretend the caption column is the openId.
    page.mapping_combos["open_id"].setCurrentIndex(page.mapping_combos["open_id"].findData(2))
    assert page.rows()[0].open_id == "客户0"


def test_batch_of_200_keeps_the_window_responsive(qtbot, make_window, tmp_path) -> None:
    with Sandbox(delay=0.01) as sandbox:
        window = make_window(sandbox.demo_profile())
        page = _open(qtbot, window, _csv(tmp_path / "l.csv", 200))
        page.out_dir_edit.setText(str(tmp_path / "out"))
        ticks: list[float] = []
        heartbeat = QTimer()
        heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
        heartbeat.start(20)
        with qtbot.waitSignal(page.finished, timeout=120000) as blocker:
            page.start()
            assert page.running and not page.start_button.isEnabled()
        heartbeat.stop()
    summary = blocker.args[0]
    assert (summary.ok, summary.failed) == (200, 0)
    assert page.progress.value() == 200
    assert len(list((tmp_path / "out").glob("*.png"))) == 200
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 10 and max(gaps) < 0.5


def test_cancel_half_way_then_resume(qtbot, make_window, tmp_path) -> None:
    with Sandbox(delay=0.02) as sandbox:
        window = make_window(sandbox.demo_profile())
        page = _open(qtbot, window, _csv(tmp_path / "l.csv", 60))
        page.out_dir_edit.setText(str(tmp_path / "out"))
        page.concurrency_spin.setValue(2)
        with qtbot.waitSignal(page.finished, timeout=60000) as blocker:
            page.start()
            qtbot.waitUntil(lambda: page.progress.value() >= 10, timeout=30000)
            page.cancel()
        first = blocker.args[0]
        assert first.cancelled and 10 <= first.ok < 60
        assert "Cancelled" in page.message.text()
        posts_before = len([r for r in sandbox.received if r.method == "POST"])
        with qtbot.waitSignal(page.finished, timeout=60000) as again:
            page.start()
        second = again.args[0]
        assert second.skipped == first.ok and second.ok == 60 - first.ok
        posts = len([r for r in sandbox.received if r.method == "POST"]) - posts_before
        assert posts == 60 - first.ok


def test_pdf_export_of_the_batch(qtbot, demo_window, sandbox, tmp_path) -> None:
    page = _open(qtbot, demo_window, _csv(tmp_path / "l.csv", 5))
    page.out_dir_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(page.finished, timeout=30000):
        page.start()
    assert page.print_panel.pdf_button.isEnabled()
    page.print_panel.layout_combo.setCurrentIndex(page.print_panel.layout_combo.findData("2x4"))
    page.print_panel.code_spin.setValue(35)
    page.print_panel.start_cell_spin.setValue(3)
    pdf = tmp_path / "labels.pdf"
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.export_pdf(str(pdf))
    document = pypdfium2.PdfDocument(str(pdf))
    assert len(document) == 1  # cells 3..7 of 8
    found = zxingcpp.read_barcodes(document[0].render(scale=300 / 72).to_pil())
    document.close()
    assert len(found) == 5
    for result in found:
        width_px = result.position.top_right.x - result.position.top_left.x
        assert abs(width_px / 300 * 25.4 - 35) <= 1


def test_closing_during_a_batch_asks(qtbot, make_window, tmp_path, monkeypatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(
        MainWindow,
        "ask_quit_during_batch",
        classmethod(lambda cls, parent: asked.append(True) or False),
    )
    with Sandbox(delay=0.05) as sandbox:
        window = make_window(sandbox.demo_profile())
        page = _open(qtbot, window, _csv(tmp_path / "l.csv", 40))
        page.out_dir_edit.setText(str(tmp_path / "out"))
        page.concurrency_spin.setValue(1)
        page.start()
        window.close()
        assert asked and window.isVisible() and page.running
        monkeypatch.setattr(MainWindow, "ask_quit_during_batch", classmethod(lambda cls, p: True))
        with qtbot.waitSignal(page.finished, timeout=30000):
            window.close()
        assert not window.isVisible()
