"""`recall-desk qr-batch` against the sandbox: files, manifest, PDF, resume, exit codes."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import openpyxl
import pypdfium2
import zxingcpp
from PIL import Image

from app.sandbox import Sandbox
from tests.helpers.servers import ScriptedServer, answer, stall
from tests.helpers.waiting import poll_until
from tests.integration.conftest import write_config

ROOT = Path(__file__).resolve().parents[2]

ROWS = [
    ("o001", "store-1", "", "王小明"),
    ("o002", "store-2", "3", "李四"),
    ("", "store-3", "", "没有openid"),
    ("o004", "", "", "赵六"),
]


def _gb18030_csv(path: Path) -> Path:
    lines = ["用户openid,渠道,呼叫次数,客户姓名"] + [",".join(r) for r in ROWS]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    return path


def _config(home: Path, sandbox: Sandbox) -> None:
    profile = sandbox.demo_profile().public_dict()
    write_config(home / "config.toml", t={**profile, "secret": "demo-secret-for-sandbox-only"})


def test_gb18030_csv_to_pngs_manifest_and_pdf(run_cli, sandbox, isolated_home, tmp_path) -> None:
    _config(isolated_home, sandbox)
    out = tmp_path / "codes"
    pdf = tmp_path / "sheets.pdf"
    result = run_cli(
        "qr-batch",
        "--input",
        str(_gb18030_csv(tmp_path / "list.csv")),
        "--out-dir",
        str(out),
        "--pdf",
        str(pdf),
        "--layout",
        "2x4",
        "--code-mm",
        "40",
        "--json",
    )
    assert result.code == 1, result.err  # one row has no openId
    summary = json.loads(result.out)
    # A row with a problem is "not sent", here as in the table and the manifest.
    counts = ("done", "ok", "failed", "not_sent", "pages")
    assert tuple(summary[k] for k in counts) == (3, 3, 0, 1, 1)
    assert "line 4" in result.err and "empty openId" in result.err

    raw = (out / "manifest.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    with (out / "manifest.csv").open(encoding="utf-8-sig") as fh:
        records = list(csv.DictReader(fh))
    assert [r["row"] for r in records] == ["2", "3", "4", "5"]  # input order
    assert [r["caption"] for r in records] == ["王小明", "李四", "没有openid", "赵六"]
    assert (out / "manifest.csv").stat().st_mode & 0o777 == 0o600
    manifest = {r["openId"]: r for r in records}
    expected = {}
    for open_id in ("o001", "o002", "o004"):
        entry = manifest[open_id]
        assert entry["status"] == "ok"
        with Image.open(out / entry["file"]) as image:
            (decoded,) = zxingcpp.read_barcodes(image)
        assert decoded.text == sandbox.payload_for(entry["qrCodeUrl"])
        expected[decoded.text] = open_id
    assert manifest[""]["status"] == "not sent"

    document = pypdfium2.PdfDocument(str(pdf))
    page = document[0].render(scale=300 / 72).to_pil()
    document.close()
    found = zxingcpp.read_barcodes(page)
    assert sorted(r.text for r in found) == sorted(expected)
    for r in found:
        width_mm = (r.position.top_right.x - r.position.top_left.x) / 300 * 25.4
        assert abs(width_mm - 40) <= 1.0

    posts = len([r for r in sandbox.received if r.method == "POST"])
    again = run_cli(
        "qr-batch", "--input", str(tmp_path / "list.csv"), "--out-dir", str(out), "--json"
    )
    assert json.loads(again.out)["skipped"] == 3
    assert len([r for r in sandbox.received if r.method == "POST"]) == posts


def test_xlsx_all_ok_exits_0(run_cli, sandbox, isolated_home, tmp_path) -> None:
    _config(isolated_home, sandbox)
    path = tmp_path / "list.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["客户openid", "自定义渠道", "备注"])
    for n in range(6):
        book.active.append([f"oX{n}", f"门店{n}", f"客户{n}"])
    book.save(path)
    result = run_cli("qr-batch", "--input", str(path), "--out-dir", str(tmp_path / "o"))
    assert result.code == 0, result.err
    assert len(list((tmp_path / "o").glob("*.png"))) == 6
    assert "6/6 codes" in result.out


def test_unreadable_input_exits_2(run_cli, sandbox, isolated_home, tmp_path) -> None:
    _config(isolated_home, sandbox)
    bad = tmp_path / "list.xlsx"
    bad.write_bytes(b"this is not excel")
    result = run_cli("qr-batch", "--input", str(bad), "--out-dir", str(tmp_path / "o"))
    assert result.code == 2 and "Excel" in result.err
    missing = run_cli("qr-batch", "--input", str(tmp_path / "nope.csv"), "--out-dir", "x")
    assert missing.code == 2
    layout = run_cli(
        "qr-batch",
        "--input",
        str(_gb18030_csv(tmp_path / "l.csv")),
        "--out-dir",
        str(tmp_path / "o"),
        "--pdf",
        "x.pdf",
        "--layout",
        "0x3",
    )
    assert layout.code == 2 and "column" in layout.err


def test_a_stalled_image_costs_one_deadline_not_the_batch_times_the_funnel(
    run_cli, isolated_home, tmp_path
) -> None:
    """The batch asks each row once; only the funnel retries (22.5 s at --timeout 2 before)."""
    release = threading.Event()
    routes: dict = {("GET", "/img.png"): stall(release)}
    with ScriptedServer(routes) as server:
        body = json.dumps({"code": 1000, "data": {"qrCodeUrl": f"{server.url}/img.png"}})
        routes[("POST", "/qr")] = answer(200, body.encode())
        profile = {
            "qr_api_url": f"{server.url}/qr",
            "app_id": "a",
            "secret": "s",
            "sdk_app_id": "k",
            "offi_account_id": "w",
        }
        write_config(isolated_home / "config.toml", t=profile)
        listing = tmp_path / "one.csv"
        listing.write_text("openid\no1\n", encoding="utf-8")
        started = time.monotonic()
        result = run_cli(
            "qr-batch",
            "--input",
            str(listing),
            "--out-dir",
            str(tmp_path / "o"),
            "--timeout",
            "2",
            "--json",
        )
        elapsed = time.monotonic() - started
        release.set()
    assert result.code == 1 and json.loads(result.out)["failed"] == 1
    assert server.hits[("POST", "/qr")] == 1  # the batch did not ask again
    assert elapsed < 4, elapsed  # one deadline (2 s) for the row, not 22.5 s


def test_ctrl_c_ends_qr_batch_within_a_second_with_the_manifest_consistent(
    isolated_home, tmp_path
) -> None:
    with Sandbox(delay=4.0) as sandbox:  # a request in flight would hold an exit for ~4 s
        _config(isolated_home, sandbox)
        listing = tmp_path / "l.csv"
        listing.write_text(
            "openid,name\n" + "".join(f"o{i:03d},客户{i}\n" for i in range(60)), encoding="utf-8"
        )
        out = tmp_path / "o"
        child = subprocess.Popen(
            [sys.executable, "-m", "app", "qr-batch", "--input", str(listing),
             "--out-dir", str(out), "--concurrency", "2"],
            cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            manifest = out / "manifest.csv"
            poll_until(lambda: manifest.exists() and manifest.read_bytes().count(b"\n") >= 3)
            child.send_signal(signal.SIGINT)
            sent = time.monotonic()
            _, err = child.communicate(timeout=10)
            took = time.monotonic() - sent
        finally:
            child.kill()
    assert child.returncode == 130, err.decode()
    assert took < 2.5, took  # ~0.3 s, 1.7 s at load 20; waiting on the request in flight: ~4 s
    with manifest.open(encoding="utf-8-sig", newline="") as fh:
        records = list(csv.DictReader(fh))
    assert [int(r["row"]) for r in records] == list(range(2, 62))  # every row once, in order
    done = [r for r in records if r["status"] == "ok"]
    assert 2 <= len(done) < 60, records
    assert {r["status"] for r in records} == {"ok", "not sent"}
    for record in done:
        assert (out / record["file"]).stat().st_size == int(record["bytes"])
