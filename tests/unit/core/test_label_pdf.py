"""Label PDFs without Qt: a true text layer, codes that scan at their size, whole or nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from app.core.label_pdf import LabelItem, write_labels_pdf
from app.core.layout import plan_label
from app.core.stocks import find_stock, roll_stock
from tests.helpers.codes import decode, prepared

DPI = 300
HARD = ["小", "面", "黄", "𠮷", "䶮"]


def _pages(path: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def _render(path: Path, index: int = 0):
    doc = pdfium.PdfDocument(str(path))
    try:
        return doc[index].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


def test_the_text_layer_is_exactly_what_is_printed_cjk_included(tmp_path: Path) -> None:
    code = prepared("https://example.com/r/1")
    names = [f"王{c}明" for c in HARD] + ["Zoë O'Brien", "𠮷野家 䶮"]
    items = [LabelItem(code, caption="扫码进入视频面签", label=name) for name in names]
    pdf = tmp_path / "labels.pdf"
    pages = write_labels_pdf(pdf, roll_stock(70, 50), items, code_mm=30, item_count=len(items))
    assert pages == len(names)
    for name, text in zip(names, _pages(pdf), strict=True):
        plan = plan_label(roll_stock(70, 50), 30, modules=code.modules,
                          caption="扫码进入视频面签", label=name)
        printed = [line.text for line in plan.geometry.lines]
        assert text.split("\r\n") == printed  # the plan's lines, broken where it broke them
        assert not plan.geometry.text_cut and printed[-1].endswith(name.split()[-1])


def test_a_3x8_sheet_scans_at_the_planned_size_and_place(tmp_path: Path) -> None:
    stock = find_stock("3x8")
    items = [LabelItem(prepared(f"https://example.com/r/{i}"), "扫码", f"客户{i}")
             for i in range(5)]
    pdf = tmp_path / "sheet.pdf"
    assert write_labels_pdf(pdf, stock, items, code_mm=25, item_count=5, start_cell=3) == 1
    found = decode(_render(pdf))
    assert [text for text, _ in found] == [f"https://example.com/r/{i}" for i in range(5)]
    px = DPI / 25.4
    for i, (_text, (left, top, right, bottom)) in enumerate(found):
        assert (right - left) / px == pytest.approx(25, abs=0.3)
        assert (bottom - top) / px == pytest.approx(25, abs=0.3)
        cell = stock.cell(i + 2)  # start cell 3
        plan = plan_label(stock, 25, modules=items[i].code.modules, caption="扫码",
                          label=f"客户{i}")
        assert left / px == pytest.approx(cell.x + plan.geometry.code.x, abs=0.3)
        assert top / px == pytest.approx(cell.y + plan.geometry.code.y, abs=0.3)


def test_a_50x30_roll_label_is_one_page_of_50x30_mm(tmp_path: Path) -> None:
    items = [LabelItem(prepared(f"https://example.com/r/{i}"), "扫码", "王小明")
             for i in range(2)]
    pdf = tmp_path / "roll.pdf"
    assert write_labels_pdf(pdf, roll_stock(50, 30), items, code_mm=22, item_count=2,
                            copies=2) == 4
    doc = pdfium.PdfDocument(str(pdf))
    width_pt, height_pt = doc[0].get_size()
    doc.close()
    assert (width_pt * 25.4 / 72, height_pt * 25.4 / 72) == pytest.approx((50, 30), abs=0.01)
    found = decode(_render(pdf, 3))
    assert found[0][0] == "https://example.com/r/1"
    left, top, right, bottom = (v * 25.4 / DPI for v in found[0][1])
    assert right - left == pytest.approx(22, abs=0.3)
    assert _pages(pdf) == ["扫码\r\n王小明"] * 4


def test_a_pdf_that_cannot_be_written_whole_leaves_nothing(tmp_path: Path) -> None:
    """RLIMIT_FSIZE in a child process stands in for a full disk."""
    target = tmp_path / "big.pdf"
    target.write_bytes(b"the previous PDF")
    script = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        from app.core.label_pdf import LabelItem, write_labels_pdf
        from app.core.stocks import find_stock
        from tests.helpers.codes import prepared
        items = [LabelItem(prepared(f"https://example.com/r/{{i}}"), "扫码", f"客户{{i}}")
                 for i in range(24)]  # one sheet: 12 KB whole
        resource.setrlimit(resource.RLIMIT_FSIZE, (6_000, 6_000))
        try:
            write_labels_pdf({str(target)!r}, find_stock("3x8"), items, code_mm=25,
                             item_count=24)
        except OSError as exc:
            print("refused", exc.errno, exc.filename)
            sys.exit(0)
        print("written")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, cwd=Path(__file__).parents[3])
    assert done.stdout.strip() == f"refused 27 {target}", done.stderr  # EFBIG, the PDF named
    assert target.read_bytes() == b"the previous PDF"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.pdf"]  # no .part left


def test_a_code_that_does_not_fit_writes_nothing(tmp_path: Path) -> None:
    from app.core.errors import BadInput

    items = [LabelItem(prepared("https://example.com/r/1"), "扫码", "王小明")]
    with pytest.raises(BadInput) as caught:
        write_labels_pdf(tmp_path / "x.pdf", roll_stock(50, 30), items, code_mm=40,
                         item_count=1)
    assert caught.value.key == "guard.does_not_fit"
    assert list(tmp_path.iterdir()) == []


def test_the_cross_reference_table_points_at_every_object(tmp_path: Path) -> None:
    """Viewers that trust the xref (and printers' RIPs) find each object where it says."""
    import re

    items = [LabelItem(prepared(f"https://example.com/r/{i}"), "扫码", "王小明") for i in range(3)]
    pdf = tmp_path / "x.pdf"
    write_labels_pdf(pdf, roll_stock(50, 30), items, code_mm=22, item_count=3)
    data = pdf.read_bytes()
    start = int(data.rsplit(b"startxref\n", 1)[1].split()[0])
    table = re.match(rb"xref\n0 (\d+)\n", data[start:])
    assert table is not None
    rows = data[start + table.end():].split(b"\n")[: int(table.group(1))]
    assert rows[0].startswith(b"0000000000 65535 f")
    for number, row in enumerate(rows[1:], start=1):
        offset = int(row[:10])
        assert data[offset:].startswith(b"%d 0 obj\n" % number), number


def test_fewer_items_than_announced_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    items = [LabelItem(prepared("https://example.com/r/1"), "扫码", "王小明")]
    with pytest.raises(ValueError, match="fewer than 2 items"):
        write_labels_pdf(tmp_path / "x.pdf", roll_stock(50, 30), iter(items), code_mm=22,
                         item_count=2)
    assert list(tmp_path.iterdir()) == []


def test_items_of_unknown_number_are_all_printed_and_none_writes_no_file(tmp_path: Path) -> None:
    code = prepared("https://example.com/r/1")
    items = (LabelItem(code, "扫码", f"客户{i}") for i in range(3))
    pdf = tmp_path / "x.pdf"
    assert write_labels_pdf(pdf, roll_stock(50, 30), items, code_mm=22, copies=2) == 6
    assert len(_pages(pdf)) == 6
    assert write_labels_pdf(tmp_path / "none.pdf", roll_stock(50, 30), iter(()), code_mm=22) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]
