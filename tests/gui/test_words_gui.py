"""The QR page says what the core says: a code history keeps (a read-only history:
test_history_inspector), a suffix we cannot write."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from tests.gui.conftest import generate


def test_a_writable_history_keeps_the_plain_ok(qtbot, demo_window) -> None:
    generate(qtbot, demo_window, "oRecorded")
    assert demo_window.qr_page.message.level == "ok"


@pytest.mark.parametrize(("name", "fmt"), [("code.gif", "GIF"), ("code.bmp", "BMP")])
def test_save_writes_the_format_the_suffix_names(qtbot, demo_window, tmp_path, name, fmt) -> None:
    generate(qtbot, demo_window)
    page = demo_window.qr_page
    target = tmp_path / name
    with qtbot.waitSignal(page.saved):
        page.save_image(str(target))
    with Image.open(target) as written:
        assert written.format == fmt
        assert zxingcpp.read_barcodes(written)


def test_save_refuses_a_suffix_it_cannot_write_and_writes_nothing(
    qtbot, demo_window, tmp_path: Path
) -> None:
    generate(qtbot, demo_window)
    page = demo_window.qr_page
    target = tmp_path / "code.tiff"
    page.save_image(str(target))
    qtbot.waitUntil(lambda: page.message.level == "error")
    assert ".png, .jpg, .bmp, .gif" in page.message.text()
    assert not target.exists()


def test_the_batch_page_names_the_encoding_and_counts_in_words(
    qtbot, demo_window, tmp_path: Path
) -> None:
    listing = tmp_path / "one.csv"
    listing.write_bytes("openid\no1\n".encode("utf-8-sig"))
    demo_window.nav.setCurrentRow(demo_window.PAGE_BATCH)
    page = demo_window.batch_page
    with qtbot.waitSignal(page.imported, timeout=10000):
        page.load(str(listing))
    assert page.file_label.text() == "one.csv: 1 row, UTF-8"
    assert page.rows_label.text().startswith("1 row ready, 0 with a problem")


def test_an_edited_json_body_that_is_broken_says_where_without_json_english(
    qtbot, chinese
) -> None:
    from app.ui.pages.message_preview import MessagePreview

    preview = MessagePreview()
    qtbot.addWidget(preview)
    preview.json_view.setPlainText('{"touser": "o1",\n "template_id": }')
    problem = preview.edited_body()
    assert problem == "JSON 格式不正确（第 2 行第 17 列）。", problem


def test_a_bare_name_in_the_save_dialog_gets_the_chosen_formats_suffix(
    qtbot, qapp, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

    from app.ui.pages.qr_page import QrPage

    parent = QWidget()
    qtbot.addWidget(parent)
    filters = "PNG image (*.png);;GIF image (*.gif)"

    def answer() -> None:
        shown = qapp.topLevelWidgets()
        dialogs = [w for w in shown if isinstance(w, QFileDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(50, answer)
            return
        dialog = dialogs[0]
        dialog.selectNameFilter("GIF image (*.gif)")
        dialog.findChild(QLineEdit, "fileNameEdit").setText("code")  # typed without a suffix
        dialog.accept()

    QTimer.singleShot(50, answer)
    path = QrPage.ask_save_path(parent, str(tmp_path / "recall.png"), filters)
    assert path == str(tmp_path / "code.gif")
