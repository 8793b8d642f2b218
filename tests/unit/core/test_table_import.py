"""Reading lists within bounds: hostile .xlsx/.csv files are refused fast, in little memory."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from app.core.errors import BadInput
from app.core.table_import import (
    MAX_CELL_CHARS,
    MAX_ROWS,
    build_rows,
    read_csv,
    read_table,
)

ROOT = Path(__file__).resolve().parents[3]


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _replace_part(path: Path, part: str, chunks, *, out: Path) -> Path:
    """A copy of the workbook whose ``part`` is streamed from ``chunks`` (a zip bomb)."""
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info.filename))
        with target.open(part, "w", force_zip64=True) as fh:
            for chunk in chunks:
                fh.write(chunk)
    return out


SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
    b'.org/spreadsheetml/2006/main"><sheetData>'
)


def _five_million_rows():
    yield SHEET_START + b'<row r="1"><c r="A1" t="inlineStr"><is><t>openid</t></is></c></row>'
    block = b'<row><c t="inlineStr"><is><t>o1</t></is></c></row>' * 50_000
    for _ in range(100):
        yield block
    yield b"</sheetData></worksheet>"


def _quarter_gib_string():
    """A 256 MiB cell: 8 times the unpacked bound, and a reader that held it would pass the
    memory bound below (1 GiB took 1.5 s of CPU to compress and proved no more)."""
    yield SHEET_START + b'<row r="1"><c r="A1" t="inlineStr"><is><t>openid</t></is></c></row>'
    yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
    chunk = b"a" * (1 << 20)
    for _ in range(256):
        yield chunk
    yield b"</t></is></c></row></sheetData></worksheet>"


def _refusal_in_child(path: Path) -> dict[str, object]:
    """Read ``path`` in a fresh interpreter: its refusal, wall time and peak RSS."""
    code = f"""
import json, time
from pathlib import Path
from app.core.errors import BadInput
from app.core.table_import import read_table
started = time.monotonic()
try:
    read_table(Path({str(path)!r}))
    key = None
except BadInput as exc:
    key = exc.key
seconds = time.monotonic() - started
# VmHWM: this process image's own peak (ru_maxrss would carry the forking parent's over).
with open("/proc/self/status") as fh:
    peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
print(json.dumps({{"key": key, "seconds": seconds, "rss_mb": peak / 1024}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    "chunks", [_five_million_rows, _quarter_gib_string], ids=["5-million-rows", "256-MiB-string"]
)
def test_an_xlsx_bomb_is_refused_in_seconds_with_bounded_memory(tmp_path: Path, chunks) -> None:
    base = _workbook(tmp_path / "base.xlsx", [["openid"], ["o1"]])
    bomb = _replace_part(base, "xl/worksheets/sheet1.xml", chunks(), out=tmp_path / "bomb.xlsx")
    assert bomb.stat().st_size < 10_000_000  # small on disk, huge unpacked
    outcome = _refusal_in_child(bomb)
    assert outcome["key"] == "import.xlsx_too_big"  # says which bound
    assert outcome["seconds"] < 3
    assert outcome["rss_mb"] < 150


def test_too_many_rows_and_too_long_cells_are_refused_naming_the_bound() -> None:
    rows = "openid\n" + "".join(f"o{i}\n" for i in range(MAX_ROWS + 1))
    with pytest.raises(BadInput) as too_many:
        read_csv(rows.encode())
    assert too_many.value.key == "import.too_many_rows"
    assert too_many.value.params == {"limit": MAX_ROWS}
    long_cell = f"openid,name\no1,{'名' * (MAX_CELL_CHARS + 1)}\n"
    with pytest.raises(BadInput) as too_long:
        read_csv(long_cell.encode())
    assert too_long.value.key == "import.cell_too_long"
    assert too_long.value.params == {"line": 2, "column": 2, "limit": MAX_CELL_CHARS}
    read_csv(f"openid,name\no1,{'名' * MAX_CELL_CHARS}\n".encode())  # at the bound: fine


def test_open_ids_with_control_characters_or_too_long_are_row_problems() -> None:
    data = (
        "openid,calltimes\n"
        "o6_bmjrPTlm6_2sgVt7hMZOPfL2M,\n"
        "o6_bmjr\x00PTlm6,\n"
        "o6_bmjr\u202ePTlm6,\n"
        f"{'o' * 64},\n"
        f"{'o' * 65},\n"
        "o2,三次\n"
        "o3,99999999999\n"
    )
    rows = build_rows(read_csv(data.encode()))
    assert [r.problem for r in rows] == [
        "",
        "import.open_id_control",
        "import.open_id_control",
        "",
        "import.open_id_too_long",
        "import.bad_call_times",
        "import.bad_call_times",
    ]
    assert rows[5].call_times_text == "三次"
    assert rows[5].problem_text("en") == "callTimes '三次' is not -1 or a positive whole number"
    assert "65" in rows[4].problem_text("zh")


def test_formula_only_rows_are_listed_not_dropped(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "f.xlsx",
        [["openid", "name"], ["o1", "王小明"], ['=A2&"x"', "=B2"], ["o3", ""]],
    )
    rows = build_rows(read_table(path))
    assert [(r.line, r.open_id, r.problem) for r in rows] == [
        (2, "o1", ""),
        (3, "", "import.formula_only"),
        (4, "o3", ""),
    ]


def test_a_hostile_dimension_does_not_widen_every_row(tmp_path: Path) -> None:
    base = _workbook(tmp_path / "b.xlsx", [["openid"], ["o1"]])
    sheet = (
        SHEET_START.replace(b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>')
        + b'<row r="1"><c r="A1" t="inlineStr"><is><t>openid</t></is></c></row>'
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>o1</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    path = _replace_part(base, "xl/worksheets/sheet1.xml", [sheet], out=tmp_path / "d.xlsx")
    started = time.monotonic()
    table = read_table(path)
    assert time.monotonic() - started < 5
    assert [(line, cells[0]) for line, cells in table.rows] == [(2, "o1")]


@pytest.mark.parametrize(
    "content",
    [b"\x8a" * 5000, b"PK\x03\x04garbage", None],
    ids=["random bytes", "torn zip", "zip without a workbook"],
)
def test_a_file_that_is_no_workbook_is_named_so_in_both_languages(tmp_path: Path, content) -> None:
    from app.core.messages import describe

    path = tmp_path / "list.xlsx"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "not a workbook")
    else:
        path.write_bytes(content)
    with pytest.raises(BadInput) as caught:
        read_table(path)
    assert caught.value.key == "import.not_xlsx"
    assert "zip" not in describe(caught.value, "zh")  # no English library text in Chinese
    assert "not an Excel workbook" in describe(caught.value, "en")
