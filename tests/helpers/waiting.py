"""Waiting on another process, which offers no signal to wait on."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


def poll_until(predicate: Callable[[], bool], timeout: float = 30.0, every: float = 0.02) -> bool:
    """Check ``predicate`` until it holds or ``timeout`` passes; returns whether it held.

    Only for state in another process (a file it writes, a socket it serves); within this
    process, wait on a signal or event instead.
    """
    pause = threading.Event()
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() >= deadline:
            return False
        pause.wait(every)
    return True
