"""Killing the process mid-batch leaves a readable database and a manifest to resume from."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.core.demo import DEMO_SECRET, demo_profile
from app.core.images import verify_image
from tests.helpers.waiting import poll_until, sandbox_process
from tests.integration.conftest import write_config

ROWS = 60


def _ok_rows(manifest: Path) -> int:
    if not manifest.exists():
        return 0
    with manifest.open(encoding="utf-8", newline="") as fh:
        return sum(1 for r in csv.DictReader(fh) if r.get("status") == "ok")


def test_sigkill_mid_batch_then_resume(isolated_home: Path, tmp_path: Path) -> None:
    with sandbox_process("--delay", "0.05") as sandbox:
        profile = demo_profile(sandbox.url).public_dict()
        write_config(isolated_home / "config.toml", t={**profile, "secret": DEMO_SECRET})
        listing = tmp_path / "list.csv"
        listing.write_text(
            "openid\n" + "".join(f"o{i:03d}\n" for i in range(ROWS)), encoding="utf-8"
        )
        out = tmp_path / "out"
        manifest = out / "manifest.csv"
        argv = [
            sys.executable,
            "-m",
            "app",
            "qr-batch",
            "--input",
            str(listing),
            "--out-dir",
            str(out),
            "--concurrency",
            "2",
            "--json",
        ]
        env = dict(os.environ)
        victim = subprocess.Popen(
            argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        assert poll_until(lambda: _ok_rows(manifest) >= 5, timeout=60)
        victim.send_signal(signal.SIGKILL)
        victim.wait(10)
        done_before = _ok_rows(manifest)
        assert 5 <= done_before < ROWS

        database = Path(os.environ["RECALL_DESK_HOME"]) / "history.sqlite3"
        with sqlite3.connect(database) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # A write the kill interrupted leaves a temporary file, never a torn PNG.
        for png in out.glob("*.png"):
            verify_image(png.read_bytes())

        resumed = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
        assert resumed.returncode == 0, resumed.stderr
        summary = json.loads(resumed.stdout)
        # A row whose image was written but not yet recorded is simply asked again.
        assert summary["skipped"] == done_before and summary["ok"] == ROWS - done_before
        assert len(list(out.glob("*.png"))) == ROWS
        assert list(out.glob(".*.tmp")) == []


def test_sigkill_mid_send_leaves_history_unknown(isolated_home: Path, tmp_path: Path) -> None:
    import threading

    from app.core.history import History
    from tests.helpers.servers import ScriptedServer, stall

    release = threading.Event()
    send = ("POST", "/mw/message/template/send")
    with ScriptedServer({send: stall(release)}) as server:
        write_config(isolated_home / "config.toml", t={"middleware_url": server.url + "/mw"})
        victim = subprocess.Popen(
            [sys.executable, "-m", "app", "send", "--no-lint", "--template-id", "t", "--to", "o1"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert poll_until(lambda: server.hits.get(send, 0) > 0)
        victim.send_signal(signal.SIGKILL)
        victim.wait(10)
        release.set()
        assert server.hits[send] == 1
    history = History(Path(os.environ["RECALL_DESK_HOME"]) / "history.sqlite3")
    (event,) = history.recent()
    assert (event.kind, event.outcome) == ("send", "unknown")
    history.close()
