"""The secret appears nowhere: outputs, logs, history, settings, exports, clipboard, curl.

Every CLI command and the main GUI flows run with a marker secret; afterwards every byte the app
wrote or printed is searched for it.
"""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from app.sandbox import VISIT_TEMPLATE_ID, Sandbox
from tests.integration.conftest import write_config

MARKER = "MARKER-s3cret-5a1d0c9e"


def _files_containing(root: Path, needle: bytes) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file() and needle in path.read_bytes():
            hits.append(str(path))
    return hits


@pytest.fixture
def marked_sandbox():
    with Sandbox(secret=MARKER) as sandbox:
        yield sandbox


def test_cli_never_reveals_the_secret(
    run_cli, marked_sandbox, isolated_home, tmp_path, monkeypatch, memory_keyring
) -> None:
    profile = {k: v for k, v in marked_sandbox.demo_profile().public_dict().items()}
    config = write_config(isolated_home / "config.toml", t=profile)
    monkeypatch.setattr("sys.stdin", io.StringIO(MARKER + "\n"))
    outputs = [run_cli("profiles", "set-secret", "t")]
    assert outputs[0].code == 0
    listing = tmp_path / "list.csv"
    listing.write_text("openid,channel\no1,a\no2,b\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for argv in (
        ["qr", "--open-id", "o1", "--out", str(out / "one.png"), "-v"],
        ["qr", "--open-id", "o1", "--json"],
        ["templates", "--json", "-v"],
        [
            "send",
            "--template-id",
            VISIT_TEMPLATE_ID,
            "--to",
            "o1",
            "--data",
            "thing1=a",
            "--data",
            "time2=15:00",
            "--data",
            "name3=王",
            "--data",
            "thing4=b",
            "--json",
            "-v",
        ],
        ["send", "--no-lint", "--template-id", "gone", "--to", "o1", "--dry-run"],
        [
            "qr-batch",
            "--input",
            str(listing),
            "--out-dir",
            str(out / "batch"),
            "--pdf",
            str(out / "labels.pdf"),
            "--json",
        ],
        ["check", "--json"],
        ["profiles"],
    ):
        result = run_cli(*argv)
        outputs.append(result)
        assert result.code in (0, 1), (argv, result.err)
    # A failure path too: wrong secret from the environment.
    monkeypatch.setenv("RECALL_DESK_SECRET", MARKER + "-wrong")
    outputs.append(run_cli("qr", "--open-id", "o1", "-v"))
    assert outputs[-1].code == 1
    for result in outputs:
        assert MARKER not in result.out + result.err
    assert _files_containing(isolated_home, MARKER.encode()) == []
    assert _files_containing(out, MARKER.encode()) == []
    assert stat.S_IMODE(config.stat().st_mode) == 0o600


def test_gui_flows_never_reveal_the_secret(
    qtbot, marked_sandbox, isolated_home, tmp_path, memory_keyring
) -> None:
    import logging
    from dataclasses import replace

    from PySide6.QtGui import QGuiApplication

    from app.core.paths import config_path
    from app.core.profiles import Config
    from app.core.workspace import Workspace
    from app.ui.app import setup_file_logging
    from app.ui.main_window import MainWindow
    from app.ui.state import UiState

    log_path = Path(setup_file_logging()[0])  # as the app does: a log file in the data home
    profile = replace(marked_sandbox.demo_profile(), name="t", secret="", demo=False)
    config = Config(profiles={"t": profile}, default_profile="t", path=config_path())
    workspace = Workspace(config)
    workspace.set_secret("t", MARKER)
    workspace.save()
    window = MainWindow(workspace, UiState())
    qtbot.addWidget(window)
    window.show()
    clipboard: list[str] = []
    try:
        page = window.qr_page
        page.open_id_edit.setText("oAudit")
        with qtbot.waitSignal(page.generated, timeout=10000):
            page.generate()
        with qtbot.waitSignal(page.saved, timeout=30000):  # a PDF: seconds under load
            page.export_pdf(str(tmp_path / "one.pdf"))
        inspector = window.inspector
        qtbot.waitUntil(lambda: len(inspector.exchanges()) >= 2)
        inspector.reveal_check.setChecked(True)
        for row in range(inspector.list.topLevelItemCount()):
            inspector.list.setCurrentItem(inspector.list.topLevelItem(row))
            clipboard.append(inspector.detail.toPlainText())
            with qtbot.waitSignal(inspector.copied, timeout=10000):
                inspector.copy_curl()
            clipboard.append(QGuiApplication.clipboard().text())
        history = window.history_page
        with qtbot.waitSignal(history.loaded, timeout=10000):
            window.nav.setCurrentRow(window.PAGE_HISTORY)
        with qtbot.waitSignal(history.exported, timeout=10000):
            history.export(str(tmp_path / "history.csv"))
        settings = window.settings_page
        settings.reveal_button.setChecked(True)  # shown on request only, never written
        qtbot.waitUntil(lambda: settings.secret_edit.text() == MARKER)
        window.close()
    finally:
        window.tasks.wait_all(5000)
        workspace.close()
    assert all(MARKER not in text for text in clipboard)
    assert _files_containing(isolated_home, MARKER.encode()) == []
    assert _files_containing(tmp_path, MARKER.encode()) == []
    assert memory_keyring.store[("recall-desk", "t")] == MARKER
    assert log_path.exists()
    for handler in list(logging.getLogger().handlers):
        if isinstance(handler, logging.FileHandler):
            logging.getLogger().removeHandler(handler)
            handler.close()


def _reachable(root: object, depth: int = 5) -> list[object]:
    """Objects reachable from ``root`` through attributes, dicts and sequences."""
    seen: dict[int, object] = {}
    todo = [(root, 0)]
    while todo:
        obj, level = todo.pop()
        if id(obj) in seen or level > depth or isinstance(obj, str | bytes | int | float):
            continue
        seen[id(obj)] = obj
        children: list[object] = []
        if isinstance(obj, dict):
            children = [*obj.keys(), *obj.values()]
        elif isinstance(obj, list | tuple | set | frozenset):
            children = list(obj)
        elif hasattr(obj, "__dict__") and type(obj).__module__.startswith("app."):
            children = list(vars(obj).values())
        todo.extend((child, level + 1) for child in children)
    return [o for o in seen.values() if type(o).__module__.startswith("app.")]


def test_no_object_holding_the_secret_shows_it_in_repr_or_logs(
    marked_sandbox, isolated_home, memory_keyring, caplog
) -> None:
    import logging
    from dataclasses import replace

    from app.core.profiles import Config
    from app.core.signing import compute_token, sign
    from app.core.workspace import Workspace

    profile = replace(marked_sandbox.demo_profile(), name="t", secret=MARKER, demo=False)
    workspace = Workspace(Config(profiles={"t": profile}, default_profile="t"))
    workspace.set_secret("t", MARKER)
    service = workspace.service("t")
    signed = sign(profile.app_id, MARKER)
    objects = [profile, workspace, workspace.config, service, signed, *_reachable(workspace)]
    assert any(type(o).__name__ == "UdeskClient" for o in objects)  # the secret's holder
    log = logging.getLogger("audit")
    with caplog.at_level(logging.DEBUG, logger="audit"):
        for obj in objects:
            assert MARKER not in repr(obj), type(obj)
            assert MARKER not in str(obj), type(obj)
            log.info("%r %s", obj, obj)
    assert caplog.records and MARKER not in caplog.text
    assert signed.token == compute_token(profile.app_id, MARKER, signed.nonce, signed.timestamp)
    assert signed.token not in repr(signed)  # the token stands for the secret for a while
    workspace.close()


def test_data_home_history_and_logs_are_the_users_only(isolated_home, sandbox) -> None:
    import logging

    from app.core.demo import DEMO_SECRET
    from app.core.history import History
    from app.core.paths import data_home, history_path
    from app.core.service import Service
    from app.core.udesk import QrRequest
    from app.ui.app import setup_file_logging

    log_path, handler = setup_file_logging()
    try:
        history = History(history_path())
        with Service(sandbox.demo_profile(), DEMO_SECRET, history=history) as service:
            service.generate_qr(QrRequest("1400000001", "gh_demo", "oPrivate"))
        logging.getLogger("audit").warning("customer %s", "oPrivate")
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()  # the next log file is private too
        logging.getLogger("audit").warning("after rollover")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    home = data_home()
    folders = [home, home / "logs"]
    files = [Path(log_path), Path(log_path + ".1")]
    files += [home / f"history.sqlite3{suffix}" for suffix in ("", "-wal", "-shm")]
    for folder in folders:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    history.close()
