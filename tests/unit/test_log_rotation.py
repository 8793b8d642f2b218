"""The log file rotates at start-up once it is full, keeping three older ones."""

from __future__ import annotations

from pathlib import Path

from app.ui.app import rotate_log


def test_small_or_missing_log_is_left_alone(tmp_path: Path) -> None:
    log = tmp_path / "recall-desk.log"
    rotate_log(log, max_bytes=10)  # no file yet: nothing to do, no error
    log.write_text("short")
    rotate_log(log, max_bytes=10)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recall-desk.log"]


def test_full_log_is_shifted_and_the_oldest_dropped(tmp_path: Path) -> None:
    log = tmp_path / "recall-desk.log"
    for n, text in ((1, "one"), (2, "two"), (3, "three")):
        (tmp_path / f"recall-desk.log.{n}").write_text(text)
    log.write_text("x" * 20)
    rotate_log(log, max_bytes=10, backups=3)
    assert not log.exists()
    assert (tmp_path / "recall-desk.log.1").read_text() == "x" * 20
    assert (tmp_path / "recall-desk.log.2").read_text() == "one"
    assert (tmp_path / "recall-desk.log.3").read_text() == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "recall-desk.log.1",
        "recall-desk.log.2",
        "recall-desk.log.3",
    ]


def test_a_log_that_cannot_be_rotated_is_kept_and_appended_to(tmp_path: Path) -> None:
    log = tmp_path / "recall-desk.log"
    log.write_text("x" * 20)
    (tmp_path / "recall-desk.log.1").write_text("one")
    # A rename that fails, as Windows refuses to rename a file another copy holds open.
    (tmp_path / "recall-desk.log.2").mkdir()
    (tmp_path / "recall-desk.log.2" / "in-the-way").write_text("")
    rotate_log(log, max_bytes=10, backups=2)
    assert log.read_text() == "x" * 20


def test_an_unwritable_data_home_logs_to_stderr_instead_of_failing(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    import logging

    from app.ui.app import setup_file_logging

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("RECALL_DESK_HOME", str(blocker / "home"))
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        setup_file_logging()
        added = [h for h in root.handlers if h not in before]
        assert [type(h) for h in added] == [logging.StreamHandler]
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
    assert "cannot write the log" in capsys.readouterr().err
