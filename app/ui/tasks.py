"""One road from worker threads to the GUI thread, for results and progress alike.

:func:`on_gui_thread` wraps a callback so any thread may call it: each call is queued to the GUI
thread. :class:`TaskRunner` runs a callable on a QThreadPool and delivers its result, its error
and (if asked) its progress that way. Workers never touch widgets. Tests wait with
``qtbot.waitUntil`` or on the page's own signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.errors import RecallError

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the thread that made it; ``deliver`` emitted elsewhere is queued to it."""

    deliver = Signal(object, object)  # callback, args

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.deliver.connect(self._call)

    def caller(self, callback: Callable[..., Any]) -> Callable[..., None]:
        """A function any thread may call; each call runs ``callback(*args)`` on this thread."""

        def call(*args: Any) -> None:
            self.deliver.emit(callback, args)

        return call

    @staticmethod
    def _call(callback: Callable[..., Any], args: tuple[Any, ...]) -> None:
        callback(*args)


def on_gui_thread(callback: Callable[..., Any]) -> Callable[..., None]:
    """A function any thread may call; each call runs ``callback(*args)`` on this thread.

    Call it on the GUI thread and keep what it returns (it holds the relay). Calls from one
    thread arrive in the order they were made.
    """
    return _Relay().caller(callback)


class _Job(QRunnable):
    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        done: Callable[..., None],
        failed: Callable[..., None],
    ) -> None:
        super().__init__()
        self._fn = fn
        self._args = args
        self._done = done
        self._failed = failed

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except RecallError as exc:
            self._failed(exc)
        except Exception as exc:  # a bug: log it with its traceback, show a sentence
            log.exception("background task failed")
            self._failed(exc)
        else:
            self._done(result)


class TaskRunner(QObject):
    """Run callables off the GUI thread.

    Args:
        pool: the thread pool (tests may pass their own).
    """

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running = 0
        self._relay = _Relay(self)  # queued calls die with their receiver: it lives as we do

    @property
    def in_flight(self) -> int:
        return self._running

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[..., None] | None = None,
    ) -> None:
        """Call ``fn()`` on a worker, then ``on_done(result)`` or ``on_error(exc)`` here.

        With ``on_progress``, the worker calls ``fn(progress)`` instead: each
        ``progress(*values)`` runs ``on_progress(*values)`` here, before ``on_done``.
        """

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._running -= 1
            callback(value)

        to_gui = self._relay.caller
        args: tuple[Any, ...] = () if on_progress is None else (to_gui(on_progress),)
        self._running += 1
        self._pool.start(
            _Job(
                fn,
                args,
                to_gui(lambda value: finish(on_done, value)),
                to_gui(lambda exc: finish(on_error, exc)),
            )
        )

    def wait_all(self, msecs: int = 5000) -> bool:
        """Block until workers finish (shutdown only)."""
        return bool(self._pool.waitForDone(msecs))
