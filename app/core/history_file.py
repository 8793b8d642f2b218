"""Is the history file a whole SQLite database? Judged from its header, without SQLite."""

from __future__ import annotations

import time
from pathlib import Path

SETTLE_SECONDS, SETTLE_INTERVAL = 1.0, 0.1


class Damaged(Exception):
    """The history file is not, or no longer, a whole database."""


def check_whole_and_settled(path: Path) -> None:
    """:func:`check_whole`, but only on a file that stays the same for an interval: a file that
    looks damaged while it changes is another copy creating or checkpointing it, and moving it
    aside would take that copy's rows with it."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while True:
        before = _stamp(path)
        try:
            check_whole(path)
            return
        except Damaged:
            if time.monotonic() > deadline:
                raise
        time.sleep(SETTLE_INTERVAL)
        if _stamp(path) == before:
            check_whole(path)  # unchanged for an interval: this is the file's state
            return


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_size, st.st_mtime_ns


def check_whole(path: Path) -> None:
    """Raise :class:`Damaged` for a file that is not, or no longer, a whole SQLite database
    (garbage, a truncated header or missing pages); an empty file is a new database."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise Damaged("not a database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if page_size < 512 or (counter_valid and size < pages * page_size):
        raise Damaged("truncated")
