"""`qr-batch` label options and `recall-desk stocks`: the guard refuses before anything is sent."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pypdfium2
import zxingcpp

from app.sandbox import Sandbox
from tests.integration.conftest import write_config


def _list(path: Path, rows: int = 3) -> Path:
    lines = ["openid,客户姓名"] + [f"o{i:03d},王{'小面黄𠮷䶮'[i % 5]}明" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _config(home: Path, sandbox: Sandbox) -> None:
    profile = sandbox.demo_profile().public_dict()
    write_config(home / "config.toml", t={**profile, "secret": "demo-secret-for-sandbox-only"})


def _posts(sandbox: Sandbox) -> int:
    return len([r for r in sandbox.received if r.method == "POST"])


def test_a_code_too_small_exits_2_before_anything_is_sent_or_written(
    run_cli, sandbox, isolated_home, tmp_path
) -> None:
    _config(isolated_home, sandbox)
    out = tmp_path / "codes"
    result = run_cli("qr-batch", "--input", str(_list(tmp_path / "l.csv")), "--out-dir",
                     str(out), "--stock", "3x8", "--code-mm", "15")  # no --pdf: checked anyway
    assert result.code == 2
    assert "Nothing was written" in result.err and "15.0 mm" in result.err
    assert "at least 20 mm" in result.err and "--allow-small" in result.err
    assert not out.exists() and _posts(sandbox) == 0


def test_a_code_that_does_not_fit_says_what_would(run_cli, sandbox, isolated_home,
                                                  tmp_path) -> None:
    _config(isolated_home, sandbox)
    result = run_cli("qr-batch", "--input", str(_list(tmp_path / "l.csv")), "--out-dir",
                     str(tmp_path / "o"), "--label", "50x30", "--code-mm", "40", "--allow-small")
    assert result.code == 2
    assert "does not fit this label" in result.err and "up to 2" in result.err
    assert "--allow-small" not in result.err  # no override for a code that does not fit
    assert _posts(sandbox) == 0


def test_allow_small_prints_and_the_manifest_records_it(run_cli, sandbox, isolated_home,
                                                        tmp_path) -> None:
    _config(isolated_home, sandbox)
    out, pdf = tmp_path / "codes", tmp_path / "labels.pdf"
    result = run_cli("qr-batch", "--input", str(_list(tmp_path / "l.csv")), "--out-dir",
                     str(out), "--stock", "3x8", "--code-mm", "18", "--allow-small", "--dpi",
                     "600", "--pdf", str(pdf), "--json")
    assert result.code == 0, result.err
    assert "--allow-small" in result.err  # said, not silent
    with (out / "manifest.csv").open(encoding="utf-8-sig") as fh:
        records = list(csv.DictReader(fh))
    assert [r["override"] for r in records] == ["allow-small: guard.too_small"] * 3
    assert json.loads(result.out)["pages"] == 1
    assert pdf.exists()


def test_a_roll_label_pdf_with_chinese_names(run_cli, sandbox, isolated_home, tmp_path) -> None:
    _config(isolated_home, sandbox)
    pdf = tmp_path / "roll.pdf"
    result = run_cli("qr-batch", "--input", str(_list(tmp_path / "l.csv", 5)), "--out-dir",
                     str(tmp_path / "o"), "--label", "50x30", "--code-mm", "25", "--caption",
                     "扫码", "--pdf", str(pdf), "--json")
    assert result.code == 0, result.err
    assert "may be hard to scan" in result.err  # 25 mm: a warning, not a refusal
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        assert len(document) == 5
        width, height = document[0].get_size()
        assert (round(width * 25.4 / 72, 2), round(height * 25.4 / 72, 2)) == (50.0, 30.0)
        texts = [page.get_textpage().get_text_range() for page in document]
        image = document[4].render(scale=600 / 72).to_pil()
    finally:
        document.close()
    assert texts == [f"扫码\r\n王{c}明" for c in "小面黄𠮷䶮"]
    (found,) = zxingcpp.read_barcodes(image)
    assert abs((found.position.top_right.x - found.position.top_left.x) / 600 * 25.4 - 25) < 0.3


def test_stocks_lists_sheets_rolls_and_the_too_small(run_cli, isolated_home) -> None:
    listing = run_cli("stocks")
    assert listing.code == 0
    lines = listing.out.splitlines()
    assert any(line.startswith("herma-4464\tsheet\t70×37 mm · 3×8 · 210×297 mm") for line in lines)
    assert any(line.startswith("roll-50x30\troll\t50×30 mm") for line in lines)
    small = next(line for line in lines if line.startswith("avery-l7651"))
    assert "too small for a scannable code" in small
    assert "with a caption and a customer name" in listing.err  # what the sizes assume
    rows = json.loads(run_cli("stocks", "--json").out)
    assert {r["grid"] for r in rows if r["kind"] == "sheet"} >= {"2x5", "2x7", "2x8", "3x7",
                                                                 "3x8", "4x10", "5x13", "1x1"}


def test_a_saved_custom_stock_is_listed_and_used(run_cli, sandbox, isolated_home,
                                                 tmp_path) -> None:
    from app.core.stocks import CustomStocks, custom_sheet

    _config(isolated_home, sandbox)
    CustomStocks.beside(isolated_home / "config.toml").save(
        custom_sheet("office-2x3", label_w=100, label_h=90, cols=2, rows=3, margin_left=5,
                     margin_top=10)
    )
    assert "office-2x3\tsheet\t100×90 mm" in run_cli("stocks").out
    pdf = tmp_path / "c.pdf"
    result = run_cli("qr-batch", "--input", str(_list(tmp_path / "l.csv")), "--out-dir",
                     str(tmp_path / "o"), "--stock", "office-2x3", "--pdf", str(pdf), "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["pages"] == 1


def test_qr_batch_pdf_runs_where_pyside6_cannot_be_imported(tmp_path: Path) -> None:
    script = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from app.cli import main\n"
        f"code = main(['qr-batch', '--demo', '--input', {str(_list(tmp_path / 'l.csv'))!r},"
        f" '--out-dir', {str(tmp_path / 'o')!r}, '--stock', '3x8', '--code-mm', '25',"
        f" '--pdf', {str(tmp_path / 'l.pdf')!r}])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules if sys.modules[m]), 'Qt'\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "l.pdf").stat().st_size > 1000


def test_codes_too_dense_for_the_printer_get_no_pdf(run_cli, sandbox, isolated_home,
                                                    tmp_path) -> None:
    """The sandbox's codes have 49 modules: at 22 mm on 203 dpi that is 3.6 dots a module."""
    _config(isolated_home, sandbox)
    pdf = tmp_path / "roll.pdf"
    result = run_cli("qr-batch", "--input", str(_list(tmp_path / "l.csv")), "--out-dir",
                     str(tmp_path / "o"), "--label", "50x30", "--code-mm", "22", "--pdf", str(pdf))
    assert result.code == 2
    assert "No PDF written: 3 of the codes" in result.err and "203 dpi" in result.err
    assert not pdf.exists() and not list(tmp_path.glob(".*.part"))


def test_stocks_save_list_use_and_remove(run_cli, sandbox, isolated_home, tmp_path) -> None:
    _config(isolated_home, sandbox)
    saved = run_cli("stocks", "save", "office-3x6", "--sheet", "64x45", "--grid", "3x6",
                    "--margins", "7,13", "--pitch", "66,45")
    assert saved.code == 0, saved.err
    assert "Saved office-3x6 (64×45 mm · 3×6 · 210×297 mm)" in saved.out
    assert run_cli("stocks", "save", "till", "--label", "58x40").code == 0
    listing = run_cli("stocks").out
    assert "office-3x6\tsheet\t64×45 mm · 3×6 · 210×297 mm" in listing
    assert "till\troll\t58×40 mm" in listing
    pdf = tmp_path / "till.pdf"
    batch = run_cli("qr-batch", "--input", str(_list(tmp_path / "l.csv")), "--out-dir",
                    str(tmp_path / "o"), "--stock", "till", "--code-mm", "28", "--pdf", str(pdf),
                    "--json")
    assert batch.code == 0, batch.err
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        width, height = document[0].get_size()
    finally:
        document.close()
    assert (round(width * 25.4 / 72, 2), round(height * 25.4 / 72, 2)) == (58.0, 40.0)
    assert run_cli("stocks", "remove", "till").code == 0
    assert "till" not in run_cli("stocks").out
    gone = run_cli("stocks", "remove", "till")
    assert gone.code == 2 and "no saved stock named till" in gone.err
    off = run_cli("stocks", "save", "wide", "--sheet", "80x30", "--grid", "3x2",
                  "--margins", "5,5")
    assert off.code == 2 and "do not lie within the page" in off.err
    taken = run_cli("stocks", "save", "3x8", "--label", "50x30")
    assert taken.code == 2 and "built-in" in taken.err


def test_text_cut_to_fit_is_said(run_cli, sandbox, isolated_home, tmp_path) -> None:
    _config(isolated_home, sandbox)
    pdf = tmp_path / "cut.pdf"
    result = run_cli("qr-batch", "--input", str(_list(tmp_path / "l.csv")), "--out-dir",
                     str(tmp_path / "o"), "--label", "50x30", "--code-mm", "25", "--caption",
                     "请用微信扫一扫本二维码进入视频面签服务", "--pdf", str(pdf))
    assert result.code == 0, result.err
    assert "on 3 labels the text was cut to fit" in result.err
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        first = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "…" in first and first.endswith("王小明")  # the name itself is whole


def test_a_lists_escapes_reach_the_terminal_inert(
    run_cli, sandbox, isolated_home, tmp_path
) -> None:
    """An openId or a name from the list is data: the row's problem and the text-cut note
    print it without its escape sequences (it could retitle the terminal or rewrite lines)."""
    _config(isolated_home, sandbox)
    escape = "\x1b]0;pwned\x07\x1b[2K\x9b31m\u202e"
    path = tmp_path / "evil.csv"
    long_name = "欧阳" * 40 + escape
    path.write_text(f"openid,客户姓名\no1{escape},王小明\no2,{long_name}\n", encoding="utf-8")
    result = run_cli("qr-batch", "--input", str(path), "--out-dir", str(tmp_path / "o"),
                     "--stock", "3x8", "--pdf", str(tmp_path / "l.pdf"))  # fmt: skip
    assert result.code == 1  # the first row is refused, the second printed
    assert "line 2" in result.err and "cut to fit" in result.err
    assert not any(ch in result.err for ch in "\x1b\x07\x9b\u202e"), repr(result.err)


def test_a_pdf_that_cannot_be_written_there_stops_the_batch_before_any_request(
    run_cli, sandbox, isolated_home, tmp_path
) -> None:
    from tests.helpers.disks import read_only_folder

    _config(isolated_home, sandbox)
    with read_only_folder(tmp_path) as folder:
        pdf = folder / "labels.pdf"
        result = run_cli("qr-batch", "--input", str(_list(tmp_path / "l.csv")), "--out-dir",
                         str(tmp_path / "codes"), "--stock", "3x8", "--pdf", str(pdf))  # fmt: skip
    assert result.code == 2 and "cannot be written to" in result.err
    assert str(pdf) in result.err and ".part" not in result.err
    assert _posts(sandbox) == 0 and not (tmp_path / "codes").exists()
