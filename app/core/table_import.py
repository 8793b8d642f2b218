"""A CSV/XLSX list → rows with their problems, read within fixed bounds.

One row per code with ``openId`` (required) and optional ``customChannel``, ``callTimes``,
``caption``. Headers are matched loosely (``OpenID``, ``offiAccountOpenId``, ``用户openid``,
``渠道``…) and can be mapped by hand. CSV encoding is detected (UTF-8 with or without BOM,
else GB18030, which also reads GBK). Every row gets its problem (a catalogue key and its
parameters: empty, duplicate or malformed openId, bad callTimes, a formula without a saved
value) with its line number before anything is sent.

Bounds, so a hostile file is refused in seconds with little memory: the file's size
(:data:`MAX_FILE_BYTES`), an .xlsx's declared uncompressed size (:data:`MAX_XLSX_UNPACKED`; the
zip module never inflates past a part's declared size), data rows (:data:`MAX_ROWS`), line
numbers (:data:`MAX_LINE`, Excel's own limit), columns read (:data:`MAX_COLUMNS`) and a cell's
length (:data:`MAX_CELL_CHARS`). The refusal names the bound that was passed.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.controls import has_control, is_control
from app.core.errors import BadInput
from app.core.messages import os_key, say

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_XLSX_UNPACKED = 32 * 1024 * 1024
MAX_ROWS = 50_000
MAX_LINE = 1_048_576
MAX_COLUMNS = 64
MAX_CELL_CHARS = 2_000
# WeChat openIds are 28 characters; other account kinds and test accounts differ a little, so
# allow some room, but not a pasted paragraph.
MAX_OPEN_ID_CHARS = 64
MAX_CALL_TIMES = 2**31 - 1

FIELDS = ("open_id", "channel", "call_times", "caption")
ALIASES: dict[str, tuple[str, ...]] = {
    "open_id": (
        "openid",
        "offiaccountopenid",
        "useropenid",
        "用户openid",
        "客户openid",
        "粉丝openid",
        "微信openid",
        "openid号",
    ),
    "channel": ("customchannel", "channel", "渠道", "自定义渠道", "门店", "来源渠道"),
    "call_times": ("calltimes", "times", "呼叫次数", "可呼叫次数", "次数"),
    "caption": (
        "caption",
        "label",
        "name",
        "标签",
        "说明",
        "备注",
        "客户名称",
        "客户姓名",
        "姓名",
        "名称",
    ),
}


def _norm(header: str) -> str:
    return re.sub(r"[\s_\-.:：()（）]", "", header.strip().lower())


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Map our fields to column indexes by loose header names (exact alias match first)."""
    mapping: dict[str, int] = {}
    normalised = [_norm(h) for h in headers]
    for name, aliases in ALIASES.items():
        for i, header in enumerate(normalised):
            if header in aliases and i not in mapping.values():
                mapping[name] = i
                break
    if "open_id" not in mapping:
        for i, header in enumerate(normalised):
            if "openid" in header and i not in mapping.values():
                mapping["open_id"] = i
                break
    return mapping


@dataclass(frozen=True)
class Table:
    """A raw sheet: header and rows of text, with each row's line number in the file.

    ``formula_lines`` are lines whose cells hold formulas without a saved value (a sheet
    written by a program, never opened in Excel): listed as rows with a problem.
    """

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str = ""
    formula_lines: frozenset[int] = frozenset()

    @property
    def encoding_name(self) -> str:
        """How people name the CSV's encoding ("UTF-8", "GB18030"); "" for a workbook."""
        return _ENCODING_NAMES.get(self.encoding, "")


_ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "gb18030": "GB18030"}


class _Collector:
    """Gathers a table's rows while enforcing the row and cell bounds."""

    def __init__(self) -> None:
        self.headers: list[str] | None = None
        self.rows: list[tuple[int, list[str]]] = []
        self.formula_lines: set[int] = set()

    def add(self, line: int, cells: list[str], *, formula_only: bool = False) -> None:
        if line > MAX_LINE:
            raise BadInput("import.too_many_lines", limit=MAX_LINE)
        for column, cell in enumerate(cells, start=1):
            if len(cell) > MAX_CELL_CHARS:
                raise BadInput(
                    "import.cell_too_long", line=line, column=column, limit=MAX_CELL_CHARS
                )
        if not any(cells) and not formula_only:
            return
        if self.headers is None:
            self.headers = cells
            return
        if len(self.rows) >= MAX_ROWS:
            raise BadInput("import.too_many_rows", limit=MAX_ROWS)
        self.rows.append((line, cells))
        if formula_only:
            self.formula_lines.add(line)

    def table(self, encoding: str) -> Table:
        if self.headers is None:
            raise BadInput("import.no_header")
        return Table(self.headers, self.rows, encoding, frozenset(self.formula_lines))


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise BadInput("import.bad_encoding", byte=exc.start + 3) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise BadInput("import.bad_encoding", byte=exc.start) from exc


def read_csv(data: bytes) -> Table:
    """A CSV's rows (delimiter sniffed among ``, tab ; |``), within the row and cell bounds."""
    text, encoding = _decode(data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:8192], delimiters=",\t;|"
        )
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    collector = _Collector()
    try:
        for record in reader:
            collector.add(reader.line_num, [cell.strip() for cell in record[:MAX_COLUMNS]])
    except csv.Error as exc:
        raise BadInput("import.bad_csv", line=reader.line_num, detail=str(exc)) from exc
    return collector.table(encoding)


def _check_unpacked_size(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:  # zipfile's English "File is not a zip file"
        raise BadInput("import.not_xlsx") from exc
    except (OSError, ValueError) as exc:
        raise BadInput("import.bad_xlsx", detail=str(exc)) from exc
    if unpacked > MAX_XLSX_UNPACKED:
        raise BadInput(
            "import.xlsx_too_big",
            size=unpacked,
            limit=MAX_XLSX_UNPACKED,
        )


def _sheet_rows(path: Path, *, data_only: bool) -> tuple[Any, Iterator[tuple[Any, ...]]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=not data_only)
    except (InvalidFileException, zipfile.BadZipFile, KeyError) as exc:  # a zip, not a workbook
        raise BadInput("import.not_xlsx") from exc
    except (OSError, ValueError) as exc:
        raise BadInput("import.bad_xlsx", detail=str(exc)) from exc
    except IndexError as exc:
        raise BadInput("import.no_header") from exc
    return workbook, rows


def _formula_lines(path: Path, lines: set[int]) -> set[int]:
    """Which of ``lines`` hold a formula (a second pass, only when a row looked empty)."""
    workbook, rows = _sheet_rows(path, data_only=False)
    last = max(lines)
    found = set()
    try:
        for line, record in enumerate(rows, start=1):
            if line > last:
                break
            if line in lines and any(isinstance(v, str) and v.startswith("=") for v in record):
                found.add(line)
    finally:
        workbook.close()
    return found


def read_xlsx(path: Path) -> Table:
    """The first sheet's saved values; rows of formulas without a saved value are listed.

    One streamed pass reads the values; a row whose cells are there but hold no value (a
    formula never calculated, or only formatting) is looked at again for formulas.
    """
    from openpyxl.cell.read_only import ReadOnlyCell

    _check_unpacked_size(path)
    workbook, rows = _sheet_rows(path, data_only=True)
    collector = _Collector()
    blank_lines: set[int] = set()
    try:
        for line, record in enumerate(rows, start=1):
            cells = [_cell_text(cell.value) for cell in record]
            if not any(cells) and any(isinstance(cell, ReadOnlyCell) for cell in record):
                if collector.headers is not None:
                    blank_lines.add(line)
            collector.add(line, cells)
    except (KeyError, ValueError, TypeError) as exc:
        raise BadInput("import.bad_xlsx", detail=str(exc)) from exc
    finally:
        workbook.close()
    if blank_lines:
        for line in sorted(_formula_lines(path, blank_lines)):
            collector.add(line, [""], formula_only=True)
        collector.rows.sort()
    return collector.table("xlsx")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(path: Path) -> Table:
    """Read a .csv or .xlsx file (BadInput for anything else, unreadable or out of bounds)."""
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BadInput("import.cannot_open", path=str(path), cause=os_key(exc)) from exc
    if size > MAX_FILE_BYTES:
        raise BadInput("import.file_too_big", name=path.name, limit=MAX_FILE_BYTES)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BadInput("import.cannot_open", path=str(path), cause=os_key(exc)) from exc
        return read_csv(data)
    raise BadInput("import.unsupported", suffix=suffix or "-")


@dataclass(frozen=True)
class BatchRow:
    """One code to make. ``problem`` is a catalogue key (empty: the row can be sent).

    ``call_times`` is -1 (unlimited) or a positive count; when the cell was not a valid count,
    ``problem`` says so and ``call_times_text`` keeps what the cell said.
    """

    line: int
    open_id: str
    channel: str = ""
    call_times: int = -1
    caption: str = ""
    problem: str = ""
    problem_params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    call_times_text: str = ""

    @property
    def key(self) -> str:
        """Stable identity across runs (resume): the line and the openId."""
        return f"{self.line}:{self.open_id}"

    def problem_text(self, lang: str) -> str:
        """The row's problem as a sentence in ``lang`` ('' when it has none)."""
        return say(self.problem, lang, **self.problem_params) if self.problem else ""


def _printable(text: str) -> str:
    """A caption without control characters (tabs and line breaks become spaces)."""
    spaced = re.sub(r"[\t\r\n\v\f\u2028\u2029]+", " ", text)
    return "".join(ch for ch in spaced if not is_control(ch)).strip()


def _call_times(raw: str) -> tuple[int, str]:
    """(-1 or a positive count, '' ) or (-1, problem key) for a callTimes cell."""
    if not raw:
        return -1, ""
    if not re.fullmatch(r"-?\d{1,12}(\.0+)?", raw):
        return -1, "import.bad_call_times"
    value = int(float(raw))
    if value == 0 or value < -1 or value > MAX_CALL_TIMES:
        return -1, "import.bad_call_times"
    return value, ""


def _open_id_problem(open_id: str) -> tuple[str, dict[str, Any]]:
    if not open_id:
        return "import.empty_open_id", {}
    if has_control(open_id):
        return "import.open_id_control", {}
    if any(ch.isspace() for ch in open_id):
        return "import.open_id_spaces", {}
    if len(open_id) > MAX_OPEN_ID_CHARS:
        return "import.open_id_too_long", {"length": len(open_id), "limit": MAX_OPEN_ID_CHARS}
    return "", {}


def build_rows(table: Table, mapping: dict[str, int] | None = None) -> list[BatchRow]:
    """Turn a table into rows with their problems (the preview the user sees before sending)."""
    mapping = guess_mapping(table.headers) if mapping is None else mapping
    if "open_id" not in mapping:
        raise BadInput("import.no_open_id_column", headers=", ".join(table.headers[:12]))

    def cell(values: list[str], name: str) -> str:
        index = mapping.get(name)
        return values[index].strip() if index is not None and index < len(values) else ""

    rows: list[BatchRow] = []
    seen: dict[tuple[str, str], int] = {}
    for line, values in table.rows:
        open_id, channel = cell(values, "open_id"), cell(values, "channel")
        raw_times = cell(values, "call_times")
        call_times, problem = _call_times(raw_times)
        params: dict[str, Any] = {"value": raw_times} if problem else {}
        id_problem, id_params = _open_id_problem(open_id)
        if line in table.formula_lines:
            problem, params = "import.formula_only", {}
        elif id_problem:
            problem, params = id_problem, id_params
        elif has_control(channel):
            problem, params = "import.channel_control", {}
        elif (open_id, channel) in seen:
            problem, params = "import.duplicate", {"first": seen[(open_id, channel)]}
        else:
            seen[(open_id, channel)] = line
        rows.append(
            BatchRow(
                line,
                open_id,
                channel,
                call_times,
                _printable(cell(values, "caption")),
                problem,
                params,
                raw_times,
            )
        )
    return rows
