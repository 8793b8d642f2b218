"""One helper for background work: run a callable on a QThreadPool, deliver on the GUI thread.

Workers never touch widgets; results and errors come back through queued signals, so callbacks
run on the GUI thread. Tests wait with ``qtbot.waitUntil`` or on the page's own signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.errors import RecallError

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit, Qt queues the call."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except RecallError as exc:
            self._relay.failed.emit(exc)
        except Exception as exc:  # a bug: log it with its traceback, show a sentence
            log.exception("background task failed")
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    """Run callables off the GUI thread.

    Args:
        pool: the thread pool (tests may pass their own).

    Signals:
        busy_changed(int): the number of tasks in flight changed.
    """

    busy_changed = Signal(int)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    @property
    def in_flight(self) -> int:
        return len(self._relays)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Call ``fn()`` on a worker, then ``on_done(result)`` or ``on_error(exc)`` here."""
        relay = _Relay()
        self._relays.add(relay)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._relays.discard(relay)
            self.busy_changed.emit(len(self._relays))
            callback(value)

        relay.done.connect(lambda value: finish(on_done, value))
        relay.failed.connect(lambda exc: finish(on_error, exc))
        self.busy_changed.emit(len(self._relays))
        self._pool.start(_Job(fn, relay))

    def wait_all(self, msecs: int = 5000) -> bool:
        """Block until workers finish (shutdown only)."""
        return bool(self._pool.waitForDone(msecs))
