"""Batch recall codes: import a CSV/XLSX list, generate codes concurrently, resume by manifest.

Import: one row per code with ``openId`` (required) and optional ``customChannel``,
``callTimes``, ``caption``. Headers are matched loosely (``OpenID``, ``offiAccountOpenId``,
``用户openid``, ``渠道``…) and can be mapped by hand. CSV encoding is detected (UTF-8 with
or without BOM, else GB18030, which also reads GBK). Every row gets its problem (empty or
duplicate openId, bad callTimes) with its line number before anything is sent.

Run: at most ``concurrency`` requests in flight, an optional rate limit, transient failures
retried with backoff, images written atomically as they arrive, and ``manifest.csv`` appended
as it goes. Running the same batch into the same folder again skips rows the manifest marks ok
whose file still exists.
"""

from __future__ import annotations

import csv
import io
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import BadInput, ProtocolError, RecallError, RemoteRefused, TransportError
from app.core.lang import pick
from app.core.paths import atomic_write
from app.core.udesk import QrRequest, QrResult

if TYPE_CHECKING:
    from app.core.sheets import SheetItem

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
MANIFEST_COLUMNS = ("row", "openId", "channel", "status", "qrCodeUrl", "file", "error")
MAX_IMPORT_BYTES = 50 * 1024 * 1024


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
    """A raw sheet: header and rows of text, with each row's line number in the file."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str = ""


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"the CSV is neither UTF-8 nor GB18030/GBK (byte {exc.start})",
            zh=f"CSV 既不是 UTF-8 也不是 GB18030/GBK 编码（第 {exc.start} 字节）",
        ) from exc


def read_csv(data: bytes) -> Table:
    text, encoding = _decode(data)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    headers: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if headers is None:
                headers = [cell.strip() for cell in record]
                continue
            rows.append((line, [cell.strip() for cell in record]))
    except csv.Error as exc:
        raise BadInput(
            f"the CSV is malformed near line {reader.line_num}: {exc}",
            zh=f"CSV 第 {reader.line_num} 行附近格式有误：{exc}",
        ) from exc
    if headers is None:
        raise BadInput("the file has no header row", zh="文件没有表头行")
    return Table(headers, rows, encoding)


def read_xlsx(path: Path) -> Table:
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise BadInput("reading .xlsx needs openpyxl", zh="读取 .xlsx 需要 openpyxl") from exc
    import zipfile

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise BadInput(
            f"cannot read the Excel file: {exc}", zh=f"无法读取 Excel 文件：{exc}"
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        headers: list[str] | None = None
        rows: list[tuple[int, list[str]]] = []
        for line, record in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in record]
            if not any(cells):
                continue
            if headers is None:
                headers = cells
                continue
            rows.append((line, cells))
    finally:
        workbook.close()
    if headers is None:
        raise BadInput("the first sheet has no header row", zh="第一个工作表没有表头行")
    return Table(headers, rows, "xlsx")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(path: Path) -> Table:
    """Read a .csv or .xlsx file (BadInput for anything else or anything unreadable)."""
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BadInput(
            f"cannot open {path}: {exc.strerror}", zh=f"无法打开 {path}：{exc.strerror}"
        ) from exc
    if size > MAX_IMPORT_BYTES:
        limit = MAX_IMPORT_BYTES // 1_000_000
        raise BadInput(f"{path.name} is larger than {limit} MB", zh=f"{path.name} 超过 {limit} MB")
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        try:
            return read_csv(path.read_bytes())
        except OSError as exc:
            raise BadInput(
                f"cannot read {path}: {exc.strerror}", zh=f"无法读取 {path}：{exc.strerror}"
            ) from exc
    raise BadInput(
        f"unsupported file type {suffix or '(none)'}: use .csv or .xlsx",
        zh=f"不支持的文件类型 {suffix or '（无扩展名）'}：请用 .csv 或 .xlsx",
    )


@dataclass(frozen=True)
class BatchRow:
    line: int
    open_id: str
    channel: str = ""
    call_times: int = -1
    caption: str = ""
    problem: str = ""  # English, as the manifest records it
    problem_zh: str = ""

    def problem_in(self, lang: str) -> str:
        return pick(lang, self.problem, self.problem_zh)

    @property
    def key(self) -> str:
        """Stable identity across runs (resume): the line and the openId."""
        return f"{self.line}:{self.open_id}"


def build_rows(table: Table, mapping: dict[str, int] | None = None) -> list[BatchRow]:
    """Turn a table into rows with their problems (the preview the user sees before sending)."""
    mapping = guess_mapping(table.headers) if mapping is None else mapping
    if "open_id" not in mapping:
        headers = ", ".join(table.headers[:12])
        raise BadInput(
            f"no openId column found (headers: {headers}); map it by hand",
            zh=f"没有找到 openId 列（表头：{headers}），请手动指定",
        )

    def cell(values: list[str], name: str) -> str:
        index = mapping.get(name)
        return values[index].strip() if index is not None and index < len(values) else ""

    rows: list[BatchRow] = []
    seen: dict[tuple[str, str], int] = {}
    for line, values in table.rows:
        open_id, channel = cell(values, "open_id"), cell(values, "channel")
        caption, raw_times = cell(values, "caption"), cell(values, "call_times")
        problem = problem_zh = ""
        call_times = -1
        if raw_times:
            try:
                call_times = (
                    int(float(raw_times)) if re.fullmatch(r"-?\d+(\.0+)?", raw_times) else 0
                )
            except ValueError:
                call_times = 0
            if call_times == 0 or call_times < -1:
                problem = f"callTimes {raw_times!r} is not -1 or a positive whole number"
                problem_zh = f"呼叫次数 {raw_times!r} 不是 -1 或正整数"
                call_times = -1
        if not open_id:
            problem, problem_zh = "empty openId", "openId 为空"
        elif any(ch.isspace() for ch in open_id):
            problem, problem_zh = "openId contains spaces", "openId 含有空格"
        elif (open_id, channel) in seen:
            first = seen[(open_id, channel)]
            problem, problem_zh = f"duplicate of line {first}", f"与第 {first} 行重复"
        else:
            seen[(open_id, channel)] = line
        rows.append(BatchRow(line, open_id, channel, call_times, caption, problem, problem_zh))
    return rows


def safe_file_name(row: BatchRow, extension: str) -> str:
    """``00012_王小明.png``: the line keeps names unique and sorted; no path characters."""
    label = row.caption or row.open_id
    cleaned = re.sub(r"[^\w\-\u3400-\u9fff]+", "_", label, flags=re.UNICODE).strip("._")[:60]
    return f"{row.line:05d}_{cleaned or 'code'}.{extension}"


# --- running ------------------------------------------------------------------------------------


@dataclass
class Progress:
    total: int
    done: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.skipped

    @property
    def left(self) -> int:
        return self.total - self.finished

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def remaining(self) -> float | None:
        """Seconds left at the pace so far (None until something was requested)."""
        worked = self.done + self.failed
        if worked == 0:
            return None
        return self.elapsed / worked * self.left


@dataclass(frozen=True)
class RowResult:
    row: BatchRow
    status: str  # ok, failed, skipped
    qr_code_url: str = ""
    file: str = ""
    error: str = ""  # English, as the manifest records it
    error_zh: str = ""

    def error_in(self, lang: str) -> str:
        return pick(lang, self.error, self.error_zh)


@dataclass(frozen=True)
class BatchSummary:
    total: int
    ok: int
    failed: int
    skipped: int
    cancelled: bool
    manifest: Path
    failures: list[RowResult]


class Controls:
    """Pause, resume and cancel a running batch from another thread."""

    def __init__(self) -> None:
        self._running = threading.Event()
        self._running.set()
        self.cancelled = threading.Event()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def cancel(self) -> None:
        self.cancelled.set()
        self._running.set()

    def wait_if_paused(self) -> None:
        while not self._running.wait(0.1):
            pass


class RateLimiter:
    """At most ``rate`` request starts per second across threads (0 = unlimited)."""

    def __init__(self, rate: float) -> None:
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._next = time.monotonic()
        self._lock = threading.Lock()

    def wait(self, cancelled: threading.Event) -> None:
        if not self._interval:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next)
            self._next = slot + self._interval
        delay = slot - time.monotonic()
        if delay > 0:
            cancelled.wait(delay)


def load_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Last manifest entry per row key (an interrupted run may have left a partial last line)."""
    entries: dict[str, dict[str, str]] = {}
    if not path.exists():
        return entries
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for record in csv.DictReader(fh):
            if record.get("row") and record.get("openId") is not None and record.get("status"):
                entries[f"{record['row']}:{record['openId']}"] = record
    return entries


Generate = Callable[[QrRequest], QrResult]


def run_batch(
    rows: Iterable[BatchRow],
    generate: Generate,
    out_dir: Path,
    *,
    sdk_app_id: str,
    offi_account_id: str,
    concurrency: int = 4,
    rate: float = 0.0,
    retries: int = 2,
    backoff: float = 0.5,
    controls: Controls | None = None,
    on_progress: Callable[[Progress, RowResult | None], None] | None = None,
) -> BatchSummary:
    """Generate a code for every valid row; rows with a problem are reported as failed.

    ``generate`` is ``Service.generate_qr`` (request → result with a verified image).
    """
    if not 1 <= concurrency <= 32:
        raise BadInput(
            "concurrency must be between 1 and 32",
            zh="并发数必须在 1 到 32 之间",
            field="concurrency",
        )
    if rate < 0:
        raise BadInput(
            "rate must be zero (unlimited) or positive",
            zh="速率必须是 0（不限）或正数",
            field="rate",
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    for leftover in out_dir.glob(".*.tmp"):  # atomic writes of a run that was killed
        leftover.unlink(missing_ok=True)
    controls = controls or Controls()
    manifest_path = out_dir / "manifest.csv"
    previous = load_manifest(manifest_path)
    all_rows = list(rows)
    progress = Progress(total=len(all_rows))
    failures: list[RowResult] = []
    write_lock = threading.Lock()
    limiter = RateLimiter(rate)
    new_manifest = not manifest_path.exists() or manifest_path.stat().st_size == 0
    manifest = manifest_path.open("a", encoding="utf-8", newline="")
    writer = csv.writer(manifest)
    if new_manifest:
        writer.writerow(MANIFEST_COLUMNS)
        manifest.flush()

    def record(result: RowResult) -> None:
        with write_lock:
            if result.status != "skipped":
                row = result.row
                writer.writerow(
                    (
                        row.line,
                        row.open_id,
                        row.channel,
                        result.status,
                        result.qr_code_url,
                        result.file,
                        result.error,
                    )
                )
                manifest.flush()
                os.fsync(manifest.fileno())
            if result.status == "ok":
                progress.done += 1
            elif result.status == "skipped":
                progress.skipped += 1
            else:
                progress.failed += 1
                failures.append(result)
        if on_progress is not None:
            on_progress(progress, result)

    def work(row: BatchRow) -> RowResult:
        request = QrRequest(sdk_app_id, offi_account_id, row.open_id, row.call_times, row.channel)
        attempt = 0
        while True:
            controls.wait_if_paused()
            if controls.cancelled.is_set():
                return RowResult(row, "cancelled")
            limiter.wait(controls.cancelled)
            try:
                result = generate(request)
                assert result.image is not None
                name = safe_file_name(row, result.image.extension)
                atomic_write(out_dir / name, result.image.data)
                return RowResult(row, "ok", result.qr_code_url, name)
            except (TransportError, ProtocolError) as exc:
                transient = isinstance(exc, TransportError) or (
                    exc.context is not None and (exc.context.status or 0) >= 500
                )
                if transient and attempt < retries and not controls.cancelled.is_set():
                    attempt += 1
                    controls.cancelled.wait(backoff * 2 ** (attempt - 1))
                    continue
                return RowResult(row, "failed", error=exc.message, error_zh=exc.text("zh"))
            except RemoteRefused as exc:
                return RowResult(
                    row,
                    "failed",
                    error=f"code {exc.code}: {exc.remote_message}",
                    error_zh=f"代码 {exc.code}：{exc.remote_message}",
                )
            except RecallError as exc:
                return RowResult(row, "failed", error=exc.message, error_zh=exc.text("zh"))
            except OSError as exc:
                return RowResult(
                    row,
                    "failed",
                    error=f"cannot write the image: {exc.strerror}",
                    error_zh=f"无法写入图片：{exc.strerror}",
                )

    def pending() -> Iterator[BatchRow]:
        for row in all_rows:
            if row.problem:
                record(RowResult(row, "failed", error=row.problem, error_zh=row.problem_zh))
                continue
            before = previous.get(row.key)
            if (
                before
                and before.get("status") == "ok"
                and (out_dir / before.get("file", "")).is_file()
            ):
                record(RowResult(row, "skipped", before.get("qrCodeUrl", ""), before["file"]))
                continue
            yield row

    if on_progress is not None:
        on_progress(progress, None)
    try:
        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="batch") as pool:
            in_flight: set[Future[RowResult]] = set()
            for row in pending():
                if controls.cancelled.is_set():
                    break
                while len(in_flight) >= concurrency:
                    done, in_flight = _wait_some(in_flight)
                    for future in done:
                        _deliver(future, record)
                in_flight.add(pool.submit(work, row))
            for future in in_flight:
                _deliver(future, record)
    finally:
        manifest.close()
    return BatchSummary(
        total=progress.total,
        ok=progress.done,
        failed=progress.failed,
        skipped=progress.skipped,
        cancelled=controls.cancelled.is_set(),
        manifest=manifest_path,
        failures=failures,
    )


def _wait_some(
    in_flight: set[Future[RowResult]],
) -> tuple[set[Future[RowResult]], set[Future[RowResult]]]:
    done, rest = wait(in_flight, return_when=FIRST_COMPLETED)
    return set(done), set(rest)


def _deliver(future: Future[RowResult], record: Callable[[RowResult], None]) -> None:
    result = future.result()
    if result.status != "cancelled":
        record(result)


def sheet_items(manifest: Path, rows: Iterable[BatchRow]) -> list[SheetItem]:
    """The codes a batch produced, read back from its folder in list order, as sheet items.

    Captions are the row's caption and channel. Rows without an ok manifest entry are left out.
    """
    from app.core.images import verify_image
    from app.core.layout import prepare_code
    from app.core.sheets import SheetItem

    entries = load_manifest(manifest)
    items = []
    for row in rows:
        entry = entries.get(row.key)
        if entry and entry.get("status") == "ok":
            data = (manifest.parent / entry["file"]).read_bytes()
            captions = tuple(t for t in (row.caption, row.channel) if t)
            items.append(SheetItem(prepare_code(verify_image(data)), captions))
    return items
