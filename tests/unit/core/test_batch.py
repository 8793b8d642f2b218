import csv
import subprocess
import sys
import threading
from pathlib import Path

import openpyxl
import pytest

from app.core.batch import Controls, run_batch, safe_file_name
from app.core.errors import BadInput, RemoteRefused, TransportError
from app.core.images import verify_image
from app.core.manifest import read_entries
from app.core.table_import import BatchRow, build_rows, guess_mapping, read_csv, read_table
from app.core.udesk import QrRequest, QrResult
from app.sandbox import render_qr

CSV = (
    "用户openid,渠道,呼叫次数,客户姓名\n"
    "o001,store-1,,王小明\n"
    "o002,store-2,3,李四\n"
    ",s,,空\n"
    "o001,store-1,,重复\n"
    "o003,,0,坏\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_encodings_and_chinese_headers(encoding: str) -> None:
    table = read_csv(CSV.encode(encoding))
    rows = build_rows(table)
    assert [(r.line, r.open_id, r.channel, r.call_times, r.caption) for r in rows[:2]] == [
        (2, "o001", "store-1", -1, "王小明"),
        (3, "o002", "store-2", 3, "李四"),
    ]
    assert [r.problem_text("en") for r in rows] == [
        "",
        "",
        "empty openId",
        "duplicate of line 2",
        "callTimes '0' is not -1 or a positive whole number",
    ]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["OpenID", "Channel"], {"open_id": 0, "channel": 1}),
        (
            ["offiAccountOpenId", "customChannel", "callTimes", "caption"],
            {"open_id": 0, "channel": 1, "call_times": 2, "caption": 3},
        ),
        (["序号", "粉丝 OpenID", "自定义渠道"], {"open_id": 1, "channel": 2}),
        (["name", "wx_openid"], {"caption": 0, "open_id": 1}),
    ],
)
def test_loose_header_matching(headers: list[str], expected: dict[str, int]) -> None:
    assert guess_mapping(headers) == expected


def test_semicolon_csv_and_manual_mapping() -> None:
    table = read_csv(b"a;b\nx1;o9\n")
    with pytest.raises(BadInput, match="no openId column"):
        build_rows(table)
    (row,) = build_rows(table, {"open_id": 1, "caption": 0})
    assert (row.open_id, row.caption) == ("o9", "x1")


def test_undecodable_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no header"):
        read_csv(b"\n\n")
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF")
    with pytest.raises(BadInput, match="unsupported file type"):
        read_table(bad)
    broken = tmp_path / "x.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(BadInput, match="not an Excel workbook"):
        read_table(broken)


def test_xlsx_with_chinese_headers(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户openid", "渠道", "可呼叫次数"])
    sheet.append(["oA", "门店1", 2])
    sheet.append([None, None, None])
    sheet.append(["oB", None, None])
    book.save(path)
    rows = build_rows(read_table(path))
    assert [(r.line, r.open_id, r.channel, r.call_times) for r in rows] == [
        (2, "oA", "门店1", 2),
        (4, "oB", "", -1),
    ]


def test_safe_file_names() -> None:
    assert safe_file_name(BatchRow(7, "o/../x", caption="王 小明"), "png") == "00007_王_小明.png"
    assert safe_file_name(BatchRow(8, "oX"), "jpg") == "00008_oX.jpg"
    assert safe_file_name(BatchRow(9, "o1", caption="../../"), "png") == "00009_code.png"


class FakeGenerate:
    """A generate() standing in for the QR API: fails for chosen openIds, counts calls."""

    def __init__(
        self, fail: dict[str, Exception] | None = None, gate: threading.Event | None = None
    ):
        self.fail = fail or {}
        self.calls: list[str] = []
        self.gate = gate
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0

    def __call__(self, request: QrRequest) -> QrResult:
        with self.lock:
            self.calls.append(request.open_id)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.gate is not None:
                self.gate.wait(5)
            if request.open_id in self.fail:
                raise self.fail[request.open_id]
            image = verify_image(render_qr(request.open_id))
            return QrResult(request, f"https://x/{request.open_id}.png", 0.0, image)
        finally:
            with self.lock:
                self.in_flight -= 1


def _rows(n: int) -> list[BatchRow]:
    return [BatchRow(i + 2, f"o{i:04d}") for i in range(n)]


def test_run_writes_images_and_manifest_and_resumes(tmp_path: Path) -> None:
    generate = FakeGenerate(fail={"o0003": RemoteRefused(4001, "no such sdkAppId")})
    rows = _rows(10) + [BatchRow(99, "", problem="import.empty_open_id")]
    summary = run_batch(
        rows, generate, tmp_path, sdk_app_id="s", offi_account_id="a", concurrency=3
    )
    assert (summary.ok, summary.failed, summary.skipped, summary.not_sent) == (9, 1, 0, 1)
    assert generate.max_in_flight <= 3
    assert len(list(tmp_path.glob("*.png"))) == 9
    manifest = read_entries(summary.manifest)
    assert manifest["5:o0003"].error == "code 4001: no such sdkAppId"
    assert manifest["2:o0000"].file == "00002_o0000.png"

    again = FakeGenerate()
    second = run_batch(rows, again, tmp_path, sdk_app_id="s", offi_account_id="a")
    assert again.calls == ["o0003"]  # only the failed row is asked again
    assert (second.ok, second.skipped) == (1, 9)


def test_an_image_still_being_written_holds_no_request_slot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow disk must not idle the requests: at concurrency 1 the next row is asked while
    the first one's image is still being written."""
    from app.core import manifest

    asked_next = threading.Event()
    real_write = manifest.write_whole

    def slow_disk(path: Path, data: bytes) -> None:
        if path.name.startswith("00002_"):
            assert asked_next.wait(5), "the next row waited for this write"
        real_write(path, data)

    class Generate(FakeGenerate):
        def __call__(self, request: QrRequest) -> QrResult:
            if request.open_id == "o0001":
                asked_next.set()
            return super().__call__(request)

    monkeypatch.setattr(manifest, "write_whole", slow_disk)
    generate = Generate()
    summary = run_batch(
        _rows(3), generate, tmp_path, sdk_app_id="s", offi_account_id="a", concurrency=1
    )
    assert (summary.ok, generate.max_in_flight) == (3, 1)
    assert all(entry.produced(tmp_path) for entry in read_entries(summary.manifest).values())


def test_ctrl_c_while_rows_are_recorded_keeps_every_recorded_row_done(tmp_path: Path) -> None:
    """Rows that finish together are recorded in one write; an interrupt while they are
    counted must not turn the ones already in the manifest into "not sent" when it is
    rewritten."""
    together = threading.Barrier(8)

    class Together(FakeGenerate):
        def __call__(self, request: QrRequest) -> QrResult:
            together.wait(5)
            return super().__call__(request)

    journaled: list[int] = []

    def interrupt(progress, result) -> None:
        if result is not None:
            entries = read_entries(tmp_path / "manifest.csv")
            journaled.append(sum(e.status == "ok" for e in entries.values()))
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(
            _rows(8), Together(), tmp_path, sdk_app_id="s", offi_account_id="a", concurrency=8,
            on_progress=interrupt,
        )  # fmt: skip
    rewritten = read_entries(tmp_path / "manifest.csv")
    assert len(rewritten) == 8
    assert sum(e.status == "ok" for e in rewritten.values()) >= journaled[0] >= 1


def test_each_row_is_asked_once_and_one_bad_row_never_stops_the_rest(tmp_path: Path) -> None:
    """Retries are the funnel's (within the call's deadline): the batch adds none on top."""

    class Flaky(FakeGenerate):
        def __call__(self, request: QrRequest) -> QrResult:
            if request.open_id == "o0001":
                self.calls.append(request.open_id)
                raise TransportError("connection reset")
            if request.open_id == "o0002":
                self.calls.append(request.open_id)
                raise ZeroDivisionError  # a bug in one row
            return super().__call__(request)

    generate = Flaky()
    summary = run_batch(_rows(5), generate, tmp_path, sdk_app_id="s", offi_account_id="a")
    assert sorted(generate.calls) == ["o0000", "o0001", "o0002", "o0003", "o0004"]
    assert (summary.ok, summary.failed, summary.not_sent) == (3, 2, 0)
    errors = {r.row.open_id: r.error_text("en") for r in summary.failures}
    assert errors["o0001"] == "connection reset"
    assert "ZeroDivisionError" in errors["o0002"]


def test_cancel_half_way_then_resume(tmp_path: Path) -> None:
    controls = Controls()

    class HeldAfterTen(FakeGenerate):
        """Rows after the tenth wait for the cancel, so it lands with rows still to ask (an
        instant generate let every row finish before the fifth was counted, under load)."""

        def __call__(self, request: QrRequest) -> QrResult:
            if int(request.open_id[1:]) >= 10:
                controls.cancelled.wait(5)
            return super().__call__(request)

    generate = HeldAfterTen()

    def progress(state, result):
        if state.done >= 5:
            controls.cancel()

    first = run_batch(
        _rows(40),
        generate,
        tmp_path,
        sdk_app_id="s",
        offi_account_id="a",
        concurrency=2,
        controls=controls,
        on_progress=progress,
    )
    assert first.cancelled and 5 <= first.ok < 40
    resumed = FakeGenerate()
    second = run_batch(_rows(40), resumed, tmp_path, sdk_app_id="s", offi_account_id="a")
    assert second.skipped == first.ok and second.ok == 40 - first.ok
    assert len(resumed.calls) == 40 - first.ok
    assert len(list(tmp_path.glob("*.png"))) == 40


def test_pause_holds_new_requests(tmp_path: Path) -> None:
    controls = Controls()
    controls.pause()
    generate = FakeGenerate()
    done = threading.Event()
    thread = threading.Thread(
        target=lambda: (
            run_batch(
                _rows(3), generate, tmp_path, sdk_app_id="s", offi_account_id="a", controls=controls
            ),
            done.set(),
        )
    )
    thread.start()
    assert not done.wait(0.3) and generate.calls == []
    controls.resume()
    assert done.wait(5) and len(generate.calls) == 3
    thread.join()


def test_bad_settings_are_refused(tmp_path: Path) -> None:
    with pytest.raises(BadInput):
        run_batch([], FakeGenerate(), tmp_path, sdk_app_id="s", offi_account_id="a", concurrency=0)
    with pytest.raises(BadInput):
        run_batch([], FakeGenerate(), tmp_path, sdk_app_id="s", offi_account_id="a", rate=-1)


def test_manifest_with_a_torn_last_line_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text(
        "row,openId,channel,status,qrCodeUrl,file,error\n2,o1,,ok,u,f.png,\n3,o2,,o",
        encoding="utf-8",
    )
    (tmp_path / "f.png").write_bytes(b"x")
    entries = read_entries(path)
    assert entries["2:o1"].status == "ok" and entries["2:o1"].produced(tmp_path)
    # A torn row is asked again, never skipped.
    assert "3:o2" not in entries or entries["3:o2"].status != "ok"


def test_manifest_opens_in_excel_in_input_order_private_and_formula_free(tmp_path: Path) -> None:
    others_done = threading.Event()

    class Slow(FakeGenerate):
        """The first row answers last, so completion order is not input order."""

        def __call__(self, request: QrRequest) -> QrResult:
            if request.open_id == "o0000":
                assert others_done.wait(10)
            return super().__call__(request)

    def on_progress(progress, _result) -> None:
        if progress.done == 2:  # the rows after the first one
            others_done.set()

    rows = [
        BatchRow(2, "o0000", caption='=HYPERLINK("http://evil","x")'),
        BatchRow(3, "-o1", channel="@SUM(A1)", caption="王小明"),
        BatchRow(4, "o0002", caption="+cmd|' /C calc'!A0"),
        BatchRow(5, "", problem="import.empty_open_id"),
    ]
    summary = run_batch(
        rows, Slow(), tmp_path, sdk_app_id="s", offi_account_id="a", concurrency=4,
        on_progress=on_progress,
    )  # fmt: skip
    assert others_done.is_set()
    path = summary.manifest
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert path.stat().st_mode & 0o777 == 0o600
    with path.open(encoding="utf-8-sig", newline="") as fh:
        records = list(csv.DictReader(fh))
    assert [r["row"] for r in records] == ["2", "3", "4", "5"]
    assert [r["status"] for r in records] == ["ok", "ok", "ok", "not sent"]
    assert records[0]["caption"] == '\'=HYPERLINK("http://evil","x")'
    assert (records[1]["openId"], records[1]["channel"]) == ("'-o1", "'@SUM(A1)")
    assert records[2]["caption"].startswith("'+")
    assert records[3]["error"] == "empty openId"
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in records for cell in r.values())
    again = FakeGenerate()
    second = run_batch(rows, again, tmp_path, sdk_app_id="s", offi_account_id="a")
    assert again.calls == [] and second.skipped == 3  # neutralised cells still match on resume


def test_resume_asks_again_for_a_code_whose_file_is_not_whole(tmp_path: Path) -> None:
    run_batch(_rows(3), FakeGenerate(), tmp_path, sdk_app_id="s", offi_account_id="a")
    (tmp_path / "00003_o0001.png").write_bytes(b"\x89PNG")  # cut short
    (tmp_path / "00004_o0002.png").unlink()
    again = FakeGenerate()
    summary = run_batch(_rows(3), again, tmp_path, sdk_app_id="s", offi_account_id="a")
    assert sorted(again.calls) == ["o0001", "o0002"]
    assert (summary.done, summary.skipped) == (3, 1)


def test_only_our_own_temporary_files_are_removed_and_names_stay_short(tmp_path: Path) -> None:
    users = tmp_path / ".draft.tmp"
    users.write_text("the user's")
    ours = tmp_path / ".4242-0badf00d.recall-desk.part"
    ours.write_bytes(b"half an image")
    long_name = BatchRow(2, "o1", caption="召回码客户名称" * 40)  # 280 CJK characters
    summary = run_batch([long_name], FakeGenerate(), tmp_path, sdk_app_id="s", offi_account_id="a")
    assert summary.ok == 1
    assert users.read_text() == "the user's" and not ours.exists()
    (written,) = tmp_path.glob("00002_*.png")
    assert len(written.name.encode()) < 255 and written.name.startswith("00002_召回码")
    assert list(tmp_path.glob("*.part")) == []


def test_cancelled_rows_are_not_sent_everywhere(tmp_path: Path) -> None:
    controls = Controls()
    gate = threading.Event()
    generate = FakeGenerate(gate=gate)

    def progress(state, result):
        if result is None:
            controls.cancel()
            gate.set()

    summary = run_batch(
        _rows(20),
        generate,
        tmp_path,
        sdk_app_id="s",
        offi_account_id="a",
        concurrency=2,
        controls=controls,
        on_progress=progress,
    )
    assert summary.cancelled
    assert summary.ok + summary.failed + summary.not_sent == 20 and summary.not_sent >= 18
    entries = read_entries(summary.manifest)
    assert sum(e.status == "not sent" for e in entries.values()) == summary.not_sent
    assert len(entries) == 20


FULL_DISK = """
import resource, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from app.core.batch import run_batch
from app.core.errors import BadInput
from app.core.table_import import BatchRow
from app.core.udesk import QrResult
from app.core.images import verify_image
from app.sandbox import render_qr
image = verify_image(render_qr("x"))
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))  # every file at most this big
rows = [BatchRow(i + 2, f"o{{i:04d}}", caption="客户" * 20) for i in range(200)]
try:
    run_batch(rows, lambda r: QrResult(r, "https://x/" + r.open_id, 0.0, image), Path({out!r}),
              sdk_app_id="s", offi_account_id="a", concurrency=4)
except BadInput as exc:
    print(exc.key)
"""


def test_a_full_disk_stops_the_batch_with_an_error_and_the_rerun_is_whole(tmp_path: Path) -> None:
    root = str(Path(__file__).resolve().parents[3])
    script = FULL_DISK.format(root=root, limit=8192, out=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "batch.manifest_write"  # an error, never success
    assert (tmp_path / "manifest.csv").read_bytes().endswith(b"\r\n")  # no torn line
    recorded = read_entries(tmp_path / "manifest.csv")
    assert 0 < len(recorded) < 200
    generate = FakeGenerate()
    rows = [BatchRow(i + 2, f"o{i:04d}", caption="客户" * 20) for i in range(200)]
    summary = run_batch(rows, generate, tmp_path, sdk_app_id="s", offi_account_id="a")
    assert (summary.done, summary.total) == (200, 200)
    assert len(list(tmp_path.glob("*.png"))) == 200  # 200/200 means 200 codes
    assert all(e.produced(tmp_path) for e in read_entries(summary.manifest).values())
