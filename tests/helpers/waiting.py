"""Waiting on another process, which offers no signal to wait on; a sandbox in a child."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass


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


@dataclass
class SandboxProcess:
    process: subprocess.Popen[str]
    url: str
    port: int


@contextlib.contextmanager
def sandbox_process(*options: str, env: dict[str, str] | None = None) -> Iterator[SandboxProcess]:
    """``python -m app sandbox --port 0 OPTIONS`` in a child: the port is the one the sandbox
    bound and printed (no port picked beforehand that another test could take meanwhile)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "sandbox", "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+", first)
        assert url, f"the sandbox printed {first!r}"
        yield SandboxProcess(process, url.group(0), int(url.group(0).rsplit(":", 1)[1]))
    finally:
        process.terminate()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()
