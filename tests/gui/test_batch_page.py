"""The Batch page against the sandbox: import, run with progress, cancel/resume, PDF, quit."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import pypdfium2
import zxingcpp
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent

from app.core.profiles import Profile
from app.sandbox import Sandbox
from app.sandbox.data import render_qr
from app.ui.main_window import MainWindow
from tests.helpers.servers import ScriptedServer, answer


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


def test_the_generate_all_button_runs_the_list(qtbot, demo_window, tmp_path) -> None:
    page = _open(qtbot, demo_window, _csv(tmp_path / "l.csv", 3))
    page.out_dir_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(page.finished, timeout=30000) as blocker:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].ok == 3
    assert len(list((tmp_path / "out").glob("*.png"))) == 3
    assert page.progress.value() == 3 and "3 done" in page.progress_label.text()
    _open(qtbot, demo_window, _csv(tmp_path / "other.csv", 2))  # another list: not its run
    assert page.progress.value() < page.progress.minimum() and page.progress_label.text() == ""
    assert not page.print_panel.pdf_button.isEnabled()


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
    # A batch on the GUI thread would silence it for the whole run (seconds); a loaded
    # machine can hold it up to a second (0.63 s seen).
    assert len(ticks) > 10 and max(gaps) < 1.0


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
        assert "left" not in page.progress_label.text()  # no estimate after Cancel
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
    qtbot.waitUntil(lambda: page.print_panel.pdf_button.isEnabled(), timeout=10000)
    page.print_panel.choose_stock("avery-l7165")  # A4 2×4
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


def test_a_pdf_whose_names_were_cut_to_fit_says_so(qtbot, demo_window, tmp_path) -> None:
    long_name = "欧阳" * 30
    path = tmp_path / "names.csv"
    path.write_text(f"用户openid,客户姓名\no1,{long_name}\no2,王小明\n", encoding="utf-8")
    page = _open(qtbot, demo_window, path)
    page.out_dir_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(page.finished, timeout=30000):
        page.start()
    qtbot.waitUntil(lambda: page.print_panel.pdf_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.print_panel.export_pdf(str(tmp_path / "labels.pdf"))
    said = page.message.text()
    assert page.message.level == "warning" and "PDF written" in said
    assert "1 label the text was cut" in said and "\n" in said  # a sentence of its own
    assert long_name[:23] + "…" in said and long_name not in said  # named, not quoted whole


def test_a_refused_run_scrolls_its_reason_into_view(qtbot, demo_window, tmp_path) -> None:
    from tests.helpers.disks import read_only_folder

    demo_window.resize(1004, 558)  # the default window at 125 %: the message is off screen
    page = _open(qtbot, demo_window, _csv(tmp_path / "l.csv", 2))
    with read_only_folder(tmp_path) as folder:
        page.out_dir_edit.setText(str(folder / "out"))
        page.start()
        qtbot.waitUntil(lambda: page.message.level == "error", timeout=10000)
    qtbot.waitUntil(lambda: not page.message.visibleRegion().isEmpty(), timeout=3000)


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


def _flaky_qr_server(fail_once: str) -> ScriptedServer:
    """A QR API that refuses ``fail_once`` the first time it is asked, then serves codes."""
    asked: list[str] = []
    server = ScriptedServer({})

    def qr(h) -> None:
        open_id = json.loads(server.bodies[-1])["offiAccountOpenId"]
        asked.append(open_id)
        if open_id == fail_once and asked.count(open_id) == 1:
            body = {"code": 4001, "message": "<b>busy</b> try later"}
        else:
            body = {"code": 1000, "data": {"qrCodeUrl": f"{server.url}/img.png"}}
        answer(200, json.dumps(body).encode())(h)

    server.routes[("POST", "/qr")] = qr
    server.routes[("GET", "/img.png")] = answer(200, render_qr("code"), "image/png")
    return server


def _profile(server: ScriptedServer) -> Profile:
    return Profile(
        name="flaky", qr_api_url=f"{server.url}/qr", app_id="a", secret="s",
        sdk_app_id="k", offi_account_id="w", timeout=5.0,
    )  # fmt: skip


def test_runs_start_clean_count_alike_and_retry_only_the_failed(
    qtbot, make_window, tmp_path
) -> None:
    listing = tmp_path / "l.csv"
    listing.write_text(
        "openid,calltimes,name\no0,,甲\no1,,乙\no2,三次,丙\no3,2,丁\n", encoding="utf-8"
    )
    with _flaky_qr_server("o1") as server:
        window = make_window(_profile(server))
        page = _open(qtbot, window, listing)
        page.out_dir_edit.setText(str(tmp_path / "out"))
        page.concurrency_spin.setValue(1)
        model = page.model
        assert model.data(model.index(2, 3)) == "三次"  # what the cell said, never "unlimited"
        assert model.data(model.index(0, 3)) == "unlimited"
        with qtbot.waitSignal(page.finished, timeout=30000) as first:
            page.start()
        summary = first.args[0]
        assert (summary.done, summary.failed, summary.not_sent) == (2, 1, 1)
        assert page.progress_label.text() == "2 done, 1 failed, 1 not sent"
        assert "2 done, 1 failed, 1 not sent" in page.message.text()
        assert "s left" not in page.progress_label.text()
        failed = model.status_text(1)
        assert failed == "✗ Failed: code 4001: <b>busy</b> try later"
        tooltip = model.data(model.index(1, 5), Qt.ItemDataRole.ToolTipRole)
        assert "&lt;b&gt;busy&lt;/b&gt;" in tooltip and "<b>busy" not in tooltip  # inert text
        assert model.status_text(2).startswith("Not sent: callTimes '三次'")
        with (tmp_path / "out" / "manifest.csv").open(encoding="utf-8-sig") as fh:
            statuses = [r["status"] for r in csv.DictReader(fh)]
        assert statuses == ["ok", "failed", "not sent", "ok"]

        assert page.retry_button.isEnabled()
        posts = server.hits[("POST", "/qr")]
        with qtbot.waitSignal(page.finished, timeout=30000) as retry:
            page.retry_failed()
            assert model.status_text(1) == ""  # the retried row starts clean
            assert model.status_text(0).startswith("✓")  # the others keep theirs
        assert retry.args[0].total == 1 and retry.args[0].done == 1
        assert server.hits[("POST", "/qr")] == posts + 1
        assert model.status_text(1).startswith("✓ 00003_乙")
        assert not page.retry_button.isEnabled()

        with qtbot.waitSignal(page.finished, timeout=30000):
            page.start()
            assert [model.status_text(i) for i in (0, 1, 3)] == ["", "", ""]  # clean column
        assert all(model.status_text(i).endswith("(earlier run)") for i in (0, 1, 3))


def test_reprint_selected_rows_only(qtbot, demo_window, tmp_path) -> None:
    page = _open(qtbot, demo_window, _csv(tmp_path / "l.csv", 5))
    page.out_dir_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(page.finished, timeout=30000):
        page.start()
    selection = page.view.selectionModel()
    for row in (1, 3):
        selection.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    panel = page.print_panel
    panel.selected_only.setChecked(True)
    panel.choose_stock("avery-l7165")
    qtbot.waitUntil(lambda: panel.pdf_button.isEnabled(), timeout=10000)
    pdf = tmp_path / "two.pdf"
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.export_pdf(str(pdf))
    document = pypdfium2.PdfDocument(str(pdf))
    found = zxingcpp.read_barcodes(document[0].render(scale=200 / 72).to_pil())
    document.close()
    assert len(found) == 2


def test_drop_a_list_try_the_sample_and_open_the_output_folder(
    qtbot, demo_window, tmp_path, opened_folders
) -> None:
    page = demo_window.batch_page
    demo_window.nav.setCurrentRow(demo_window.PAGE_BATCH)
    listing = _csv(tmp_path / "<b>list<i>.csv", 3)
    for path, accepted in ((tmp_path / "x.pdf", False), (listing, True)):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        event = QDropEvent(
            QPointF(5, 5), Qt.DropAction.CopyAction, mime,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        if accepted:
            with qtbot.waitSignal(page.imported, timeout=10000):
                page.dropEvent(event)
        else:
            page.dropEvent(event)
        assert event.isAccepted() == accepted
    assert page.file_label.textFormat() == Qt.TextFormat.PlainText
    assert page.file_label.text().startswith("<b>list<i>.csv: 3 rows")

    with qtbot.waitSignal(page.imported, timeout=10000):
        page.sample_button.click()
    assert len(page.rows()) == 5 and not any(r.problem for r in page.rows())
    page.out_dir_edit.setText(str(tmp_path / "sample-out"))
    assert not page.folder_button.isEnabled()
    with qtbot.waitSignal(page.finished, timeout=30000) as blocker:
        page.start()
    assert blocker.args[0].done == 5
    page.folder_button.click()
    assert opened_folders == [str(tmp_path / "sample-out")]


def test_file_open_list_ctrl_o(qtbot, demo_window, tmp_path, monkeypatch) -> None:
    listing = _csv(tmp_path / "l.csv", 2)
    monkeypatch.setattr(
        type(demo_window.batch_page), "ask_open_path",
        classmethod(lambda cls, parent, folder: str(listing)),
    )  # fmt: skip
    assert demo_window.menus.open_list_action.shortcut().toString() == "Ctrl+O"
    page = demo_window.batch_page
    with qtbot.waitSignal(page.imported, timeout=10000):
        demo_window.menus.open_list_action.trigger()
    assert demo_window.nav.currentRow() == demo_window.PAGE_BATCH
    assert len(page.rows()) == 2


def test_the_guard_keeps_export_off_with_its_reason_and_an_override_is_recorded(
    qtbot, demo_window, tmp_path
) -> None:
    page = _open(qtbot, demo_window, _csv(tmp_path / "l.csv", 3))
    page.out_dir_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(page.finished, timeout=30000):
        page.start()
    panel = page.print_panel
    panel.choose_stock("roll-50x30")
    panel.code_spin.setValue(60)
    qtbot.waitUntil(lambda: panel.preview.plan() is not None, timeout=10000)
    assert not panel.pdf_button.isEnabled() and not panel.print_button.isEnabled()
    assert "does not fit this label" in panel.note.text()
    assert "mm fits" in panel.note.text()  # says what would fit; never shrinks silently
    panel.allow_small.setChecked(True)
    assert not panel.pdf_button.isEnabled()  # not fitting cannot be overridden
    panel.allow_small.setChecked(False)
    panel.code_spin.setValue(15)
    assert not panel.pdf_button.isEnabled()
    assert "too small to scan reliably (at least 20 mm)" in panel.note.text()
    assert panel.preview.plan().code_mm == 15  # the preview is the plan that prints
    panel.allow_small.setChecked(True)
    assert panel.pdf_button.isEnabled()
    pdf = tmp_path / "small.pdf"
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.export_pdf(str(pdf))
    document = pypdfium2.PdfDocument(str(pdf))
    assert len(document) == 3  # a roll: one label per page
    (code,) = zxingcpp.read_barcodes(document[0].render(scale=600 / 72).to_pil())
    document.close()
    width_mm = (code.position.top_right.x - code.position.top_left.x) / 600 * 25.4
    assert abs(width_mm - 15) <= 0.6  # printed at the size asked, not shrunk or grown
    with (tmp_path / "out" / "manifest.csv").open(encoding="utf-8-sig") as fh:
        overrides = [r["override"] for r in csv.DictReader(fh)]
    assert overrides == ["allow-small: guard.too_small, guard.too_few_dots"] * 3


def test_print_preview_paints_every_label_of_the_batch(qtbot, demo_window, tmp_path) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    page = _open(qtbot, demo_window, _csv(tmp_path / "l.csv", 3))
    page.out_dir_edit.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(page.finished, timeout=30000):
        page.start()
    panel = page.print_panel
    panel.choose_stock("roll-50x30")  # one label per page: three pages
    panel.code_spin.setValue(25)
    qtbot.waitUntil(lambda: panel.print_button.isEnabled(), timeout=10000)
    page.print_preview()
    qtbot.waitUntil(lambda: panel._preview is not None, timeout=10000)
    dialog, printer = panel._preview
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 3, timeout=10000)
    dialog.close()
    qtbot.waitUntil(lambda: panel._preview is None)
