"""History on hostile disks: damaged files, a read-only or full data home, two copies at once,
and user-only permissions. Real files, real SQLite, real processes."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.history import History
from app.core.messages import say
from tests.helpers.database import sql
from tests.helpers.disks import read_only_folder

ROOT = Path(__file__).resolve().parents[3]


def _python(script: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def _a_database_with_rows(path: Path, rows: int = 200) -> None:
    history = History(path)
    for i in range(rows):
        history.start(profile="p", kind="qr", request={"pad": "x" * 500}, target=f"o{i}")
    history.close()
    sql(path, "PRAGMA wal_checkpoint(TRUNCATE)")  # every row in the file itself


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _truncated_header(path: Path) -> None:
    _a_database_with_rows(path)
    path.write_bytes(path.read_bytes()[:50])


def _truncated_pages(path: Path) -> None:
    _a_database_with_rows(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage", [_garbage, _truncated_header, _truncated_pages])
def test_a_damaged_database_is_moved_aside_and_a_fresh_one_started(tmp_path: Path, damage) -> None:
    path = tmp_path / "history.sqlite3"
    damage(path)
    damaged = path.read_bytes()

    history = History(path)
    assert history.problem is None
    assert history.recovered_to is not None
    assert history.recovered_to.read_bytes() == damaged  # kept for the user, untouched
    assert history.recovered_to.name.startswith("history.damaged-")
    assert history.recent() == []
    event = history.start(profile="p", kind="qr", request={}, target="oFresh")
    assert history.get(event).target == "oFresh"
    sentence = say("history.damaged", "en", path=str(history.recovered_to))
    assert str(history.recovered_to) in sentence and "new one" in sentence
    history.close()


def test_damage_found_while_searching_recovers_too(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    _a_database_with_rows(path, rows=400)
    page_size = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as fh:  # a page in the middle of the table: the header stays whole
        fh.seek(page_size * 20)
        fh.write(os.urandom(page_size * 4))
    history = History(path)
    assert history.recovered_to is None  # nothing looked wrong yet
    assert history.search("o1") == []  # the search hit the damage: moved aside, fresh file
    assert history.recovered_to is not None and history.recovered_to.exists()
    history.start(profile="p", kind="qr", request={}, target="oAfter")
    assert [e.target for e in history.recent()] == ["oAfter"]
    history.close()


def test_a_folder_made_private_keeps_its_owner_read_only(tmp_path: Path) -> None:
    """private_dir takes group and others' access away but never gives the owner write access
    back: a data home the user made read-only (chmod 555) stays so (an ordinary user's
    read-only home was silently made writable; only root's tmpfs case was ever run here)."""
    from app.core.paths import private_dir

    shared, read_only = tmp_path / "shared", tmp_path / "read-only"
    shared.mkdir(mode=0o755)
    read_only.mkdir()
    read_only.chmod(0o555)
    private_dir(shared)
    private_dir(read_only)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o700
    assert stat.S_IMODE(read_only.stat().st_mode) == 0o500
    read_only.chmod(0o700)


READ_ONLY_SCRIPT = r"""
import json, sys
from pathlib import Path
from app.core.demo import DEMO_SECRET, demo_profile
from app.core.errors import RecallError
from app.core.history import History, HistoryUnavailable
from app.core.middleware import SendRequest
from app.sandbox import Sandbox, VISIT_TEMPLATE_ID
from app.core.service import Service
from app.core.udesk import QrRequest

history = History(Path(sys.argv[1]) / "history.sqlite3")
out = {"problem": history.problem.key if history.problem else None}
with Sandbox() as sandbox:
    service = Service(demo_profile(sandbox.base_url), DEMO_SECRET, history=history)
    qr = service.generate_qr(QrRequest("1400000001", "gh_demo", "oReadOnly"))
    out["qr"] = bool(qr.qr_code_url)
    try:
        service.send(SendRequest("oReadOnly", VISIT_TEMPLATE_ID))
        out["send"] = "sent"
    except HistoryUnavailable as exc:
        out["send"] = exc.key
        out["sentence"] = str(exc)
    out["deliveries"] = len(sandbox.deliveries)
print(json.dumps(out))
"""


def test_a_read_only_data_home_still_makes_codes_but_sends_nothing(tmp_path: Path) -> None:
    with read_only_folder(tmp_path) as home:
        result = _python(READ_ONLY_SCRIPT, str(home))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["problem"] == "history.read_only"
    assert out["qr"] is True  # a code needs no history
    assert out["send"] == "history.read_only"  # a send never goes out unrecorded
    assert out["deliveries"] == 0
    assert str(home) in out["sentence"] and "read-only" in out["sentence"]


FULL_DISK_SCRIPT = r"""
import json, resource, signal, sys
from pathlib import Path
from app.core.demo import DEMO_SECRET, demo_profile
from app.core.errors import OutcomeUnknown
from app.core.history import History, HistoryUnavailable
from app.core.middleware import SendRequest
from app.sandbox import Sandbox, VISIT_TEMPLATE_ID
from app.core.service import Service
from app.core.udesk import QrRequest

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
UNLIMITED = (resource.RLIM_INFINITY, resource.RLIM_INFINITY)
history = History(Path(sys.argv[1]))
out = {}

def fill_the_disk(exchange):
    if exchange.method == "POST" and "template/send" in exchange.url:
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))

with Sandbox() as sandbox:
    service = Service(demo_profile(sandbox.base_url), DEMO_SECRET, history=history)
    values = {"thing1": "面签", "time2": "2026-11-28 15:00", "name3": "王小明", "thing4": "请进入"}
    from app.core.middleware import FieldValue
    data = {k: FieldValue(v) for k, v in values.items()}
    # 1. Full before the send: it must not go out; a QR code still works.
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))
    out["qr"] = bool(service.generate_qr(QrRequest("1400000001", "gh_demo", "oFull")).qr_code_url)
    try:
        service.send(SendRequest("oFull", VISIT_TEMPLATE_ID, data))
    except HistoryUnavailable as exc:
        out["refused_before"] = exc.key
    out["deliveries_before"] = len(sandbox.deliveries)
    resource.setrlimit(resource.RLIMIT_FSIZE, UNLIMITED)
    # 2. The disk fills while the answer is being recorded: outcome unknown, never refused.
    service.funnel.hooks.append(fill_the_disk)
    request = SendRequest("oFull", VISIT_TEMPLATE_ID, data)
    try:
        service.send(request)
        out["after"] = "ok"
    except OutcomeUnknown as exc:
        out["after"] = "unknown"
        out["client_msg_id_kept"] = exc.client_msg_id == request.client_msg_id
        out["key"] = exc.key
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, UNLIMITED)
    out["deliveries_after"] = len(sandbox.deliveries)
history.close()
print(json.dumps(out))
"""


def test_a_disk_that_fills_while_recording_the_answer_means_outcome_unknown(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite3"
    result = _python(FULL_DISK_SCRIPT, str(path))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["qr"] is True
    assert out["refused_before"] == "history.full"
    assert out["deliveries_before"] == 0
    assert out["after"] == "unknown"  # delivered, but the tool cannot say so: never "refused"
    assert out["client_msg_id_kept"] is True  # resend with the same id is safe
    assert out["key"] == "history.answer_unrecorded"
    assert out["deliveries_after"] == 1
    # The row that could not be finished reads as unknown afterwards, never as refused.
    (unfinished,) = History(path).search(kind="send")
    assert unfinished.outcome == "unknown"


TWO_COPIES_SCRIPT = r"""
import sys, threading, time
from pathlib import Path
from app.core.history import History
start_at = float(sys.argv[2])
threading.Event().wait(max(0.0, start_at - time.time() - 0.02))  # the copies' agreed start
while time.time() < start_at:
    pass  # the last 20 ms spun: the copies open at the same moment
for n in range(FRESH_HOMES):  # in step with the other copies: one race per fresh file
    history = History(Path(sys.argv[1]) / f"home{n}" / "history.sqlite3")
    if history.problem is not None:
        print("PROBLEM", history.problem.key, history.problem.params); sys.exit(1)
    for i in range(2):
        e = history.start(profile="p", kind="qr", request={}, target=sys.argv[3])
        history.finish(e, outcome="ok")
    history.close()
print("ok")
""".replace("FRESH_HOMES", "15")


def test_copies_starting_at_once_on_a_fresh_data_home_never_see_locked(tmp_path: Path) -> None:
    start_at = f"{time.time() + 1.5:.3f}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    copies = [
        subprocess.Popen(
            [sys.executable, "-c", TWO_COPIES_SCRIPT, str(tmp_path), start_at, f"copy{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(3)
    ]
    results = [copy.communicate(timeout=120) for copy in copies]
    for (stdout, stderr), copy in zip(results, copies, strict=True):
        assert copy.returncode == 0 and stdout.strip() == "ok", (stdout, stderr)
        assert "locked" not in stderr
    for n in range(15):
        home = tmp_path / f"home{n}"
        assert not list(home.glob("*.damaged-*")), "a copy took another's new file for damage"
        assert len(History(home / "history.sqlite3").search()) == 6


def test_history_files_are_the_users_only(tmp_path: Path) -> None:
    home = tmp_path / "data"
    history = History(home / "history.sqlite3")
    history.start(profile="p", kind="send", request={"touser": "oSecretCustomer"})
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for suffix in ("", "-wal", "-shm"):
        sibling = home / f"history.sqlite3{suffix}"
        assert stat.S_IMODE(sibling.stat().st_mode) == 0o600, suffix
    history.close()
    (home / "history.sqlite3").chmod(0o644)  # a file from an older version
    History(home / "history.sqlite3").close()
    assert stat.S_IMODE((home / "history.sqlite3").stat().st_mode) == 0o600


def test_the_cli_says_a_damaged_history_was_moved_aside(run_cli, sandbox, tmp_path) -> None:
    from app.core.paths import history_path

    history_path().parent.mkdir(parents=True, exist_ok=True)
    history_path().write_bytes(os.urandom(4096))
    result = run_cli("--demo", "qr", "--open-id", "oCliDamaged", "--json")
    assert result.code == 0, result.err
    (moved,) = history_path().parent.glob("history.damaged-*.sqlite3")
    assert str(moved) in result.err and "new one" in result.err
    assert [e.target for e in History(history_path()).recent()] == ["oCliDamaged"]
