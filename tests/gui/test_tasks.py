"""The task runner: results, errors and progress arrive on the GUI thread, progress first."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from app.core.errors import BadInput
from app.ui.tasks import TaskRunner, on_gui_thread


def test_progress_then_result_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []

    def work(progress) -> str:
        assert threading.get_ident() != gui
        for n in range(5):
            progress(n, "row")
        return "done"

    runner.run(
        work,
        lambda value: seen.append(("done", value, threading.get_ident() == gui)),
        lambda exc: seen.append(("error", exc, threading.get_ident() == gui)),
        lambda n, _row: seen.append(("progress", n, threading.get_ident() == gui)),
    )
    qtbot.waitUntil(lambda: runner.in_flight == 0)
    assert seen == [("progress", n, True) for n in range(5)] + [("done", "done", True)]


def test_an_error_arrives_as_the_exception(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work() -> None:
        raise BadInput("config.unreadable")

    runner.run(work, lambda _value: None, errors.append)
    qtbot.waitUntil(lambda: runner.in_flight == 0)
    assert [type(e) for e in errors] == [BadInput]


def test_on_gui_thread_queues_calls_from_any_thread(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    calls: list[tuple[int, bool]] = []
    record = on_gui_thread(lambda n: calls.append((n, threading.get_ident() == gui)))
    workers = [threading.Thread(target=record, args=(n,)) for n in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert calls == []  # queued, not run on the workers
    qtbot.waitUntil(lambda: len(calls) == 3)
    assert all(on_gui for _n, on_gui in calls)
