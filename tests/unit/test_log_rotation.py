"""The session log rotates when full, keeping three older ones, and never stops the app."""

from __future__ import annotations

import logging
from pathlib import Path

from app.ui.app import LogFile


def _write(handler: logging.Handler, text: str) -> None:
    handler.emit(logging.LogRecord("t", logging.INFO, __file__, 1, text, None, None))


def test_a_full_log_is_shifted_and_the_oldest_dropped(tmp_path: Path) -> None:
    log = tmp_path / "recall-desk.log"
    for n, text in ((1, "one"), (2, "two"), (3, "three")):
        (tmp_path / f"recall-desk.log.{n}").write_text(text)
    log.write_text("x" * 20)
    handler = LogFile(log, maxBytes=30, backupCount=3, encoding="utf-8")
    try:
        _write(handler, "a line that does not fit")
    finally:
        handler.close()
    assert log.read_text() == "a line that does not fit\n"
    assert (tmp_path / "recall-desk.log.1").read_text() == "x" * 20
    assert (tmp_path / "recall-desk.log.2").read_text() == "one"
    assert (tmp_path / "recall-desk.log.3").read_text() == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "recall-desk.log",
        "recall-desk.log.1",
        "recall-desk.log.2",
        "recall-desk.log.3",
    ]


def test_a_log_that_cannot_be_rotated_is_kept_and_appended_to(tmp_path: Path, capsys) -> None:
    log = tmp_path / "recall-desk.log"
    log.write_text("x" * 20)
    (tmp_path / "recall-desk.log.1").write_text("one")
    # A rename that fails, as Windows refuses to rename a file another copy holds open.
    (tmp_path / "recall-desk.log.2").mkdir()
    (tmp_path / "recall-desk.log.2" / "in-the-way").write_text("")
    handler = LogFile(log, maxBytes=30, backupCount=2, encoding="utf-8")
    try:
        _write(handler, "still written")
        _write(handler, "and again")
    finally:
        handler.close()
    assert log.read_text() == "x" * 20 + "still written\nand again\n"
    assert (tmp_path / "recall-desk.log.1").read_text() == "one"
    assert "Logging error" not in capsys.readouterr().err


def test_an_unwritable_data_home_logs_to_stderr_instead_of_failing(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from app.ui.app import setup_file_logging

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("RECALL_DESK_HOME", str(blocker / "home"))
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        _path, handler = setup_file_logging()
        added = [h for h in root.handlers if h not in before]
        assert added == [handler] and type(handler) is logging.StreamHandler
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
    assert "cannot write the log" in capsys.readouterr().err
