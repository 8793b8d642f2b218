"""``manifest.csv``: what a batch produced, row by row, safe to resume from and to open in Excel.

While a batch runs, finished rows are appended as whole lines (a single write of one or more
lines, fsync'd; a write that fails is cut back, so no torn line stays behind) and the batch
stops with an error if it cannot be written. When the batch ends — finished, cancelled or
interrupted — the manifest is rewritten atomically with one line per input row, in input order
(rows that were never sent say so). Either shape reads back the same way: the last line of a
row wins.

The file is UTF-8 with a BOM (Excel), user-only (0600: it holds customers' openIds), and every
cell goes through :mod:`app.core.csv_safe`. A row counts as done on resume only if its manifest
line says ``ok`` and its image file is there with the recorded size.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.csv_safe import EXCEL_ENCODING, safe_cell, safe_row
from app.core.errors import BadInput
from app.core.messages import os_key
from app.core.paths import atomic_write

COLUMNS = (
    "row",
    "openId",
    "channel",
    "caption",
    "status",
    "qrCodeUrl",
    "file",
    "bytes",
    "error",
    "override",
)
OK, FAILED, NOT_SENT = "ok", "failed", "not sent"
TEMP_SUFFIX = ".recall-desk.part"


@dataclass(frozen=True)
class Entry:
    """One manifest line, as text (the cells as written, before neutralising)."""

    line: int
    open_id: str
    channel: str = ""
    caption: str = ""
    status: str = NOT_SENT
    qr_code_url: str = ""
    file: str = ""
    size: int | None = None
    error: str = ""
    override: str = ""

    @property
    def key(self) -> str:
        return entry_key(self.line, self.open_id)

    def cells(self) -> list[str]:
        size = "" if self.size is None else str(self.size)
        return safe_row(
            (
                self.line,
                self.open_id,
                self.channel,
                self.caption,
                self.status,
                self.qr_code_url,
                self.file,
                size,
                self.error,
                self.override,
            )
        )

    def produced(self, folder: Path) -> bool:
        """The manifest says ok and the image is there, whole (its recorded size)."""
        if self.status != OK or not self.file:
            return False
        try:
            size = (folder / self.file).stat().st_size
        except OSError:
            return False
        return size > 0 and (self.size is None or size == self.size)


def entry_key(line: int, open_id: str) -> str:
    """A row's identity in the manifest (the openId as written, neutralised)."""
    return f"{line}:{safe_cell(open_id)}"


def _encode(cells: list[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue().encode("utf-8")


def _header() -> bytes:
    return "\ufeff".encode() + _encode(list(COLUMNS))


def read_entries(path: Path) -> dict[str, Entry]:
    """The last complete entry per row key, in first-seen order ({} when there is none).

    A torn or malformed line (an interrupted write from an older version) is ignored, so its
    row is asked again, never skipped.
    """
    entries: dict[str, Entry] = {}
    try:
        text = path.read_text(encoding=EXCEL_ENCODING, errors="replace")
    except FileNotFoundError:
        return entries
    except OSError as exc:
        raise BadInput("batch.manifest_unreadable", path=str(path), cause=os_key(exc)) from exc
    for record in _records(text):
        try:
            line = int(record["row"])
        except (KeyError, TypeError, ValueError):
            continue
        status = record.get("status") or ""
        if status not in (OK, FAILED, NOT_SENT) or record.get("openId") is None:
            continue
        size_text = record.get("bytes") or ""
        entry = Entry(
            line,
            record["openId"],
            record.get("channel") or "",
            record.get("caption") or "",
            status,
            record.get("qrCodeUrl") or "",
            record.get("file") or "",
            int(size_text) if size_text.isdigit() else None,
            record.get("error") or "",
            record.get("override") or "",
        )
        entries.pop(f"{line}:{record['openId']}", None)
        entries[f"{line}:{record['openId']}"] = entry
    return entries


def _records(text: str) -> Iterator[dict[str, str]]:
    if not text.endswith(("\n", "\r")):
        text = text[: max(text.rfind("\n"), 0)]  # the last line is torn: leave it out
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        yield from reader
    except csv.Error:
        return


class Journal:
    """The manifest opened for appending whole lines during a run (one writer thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            os.chmod(path, 0o600)
            if os.fstat(self._fd).st_size == 0:
                self._write(_header())
        except OSError as exc:
            raise _write_error(path, exc) from exc

    def append(self, entries: Iterable[Entry]) -> None:
        """Write ``entries`` as whole lines in one write, durably, or raise (nothing of them
        stays)."""
        try:
            self._write(b"".join(_encode(entry.cells()) for entry in entries))
        except OSError as exc:
            raise _write_error(self.path, exc) from exc

    def _write(self, data: bytes) -> None:
        start = os.fstat(self._fd).st_size
        try:
            written = os.write(self._fd, data)
            if written != len(data):
                raise OSError(28, os.strerror(28))  # a short write: the disk is full
            os.fsync(self._fd)
        except OSError:
            try:
                os.ftruncate(self._fd, start)
            except OSError:
                pass
            raise

    def close(self) -> None:
        os.close(self._fd)


def rewrite(path: Path, entries: Iterable[Entry]) -> None:
    """Replace the manifest with ``entries`` (in that order), atomically and durably."""
    data = _header() + b"".join(_encode(entry.cells()) for entry in entries)
    try:
        write_whole(path, data)
    except OSError as exc:
        raise _write_error(path, exc) from exc


def write_whole(path: Path, data: bytes) -> None:
    """Write a file whole (user-only, 0600) under a temporary name ending in
    :data:`TEMP_SUFFIX`, so a later run removes only its own leftovers."""
    atomic_write(path, data, private=True, suffix=TEMP_SUFFIX)


def remove_leftovers(folder: Path) -> None:
    """Delete the temporary files a killed run of ours left (never anybody else's ``.*.tmp``)."""
    for leftover in folder.glob(f".*{TEMP_SUFFIX}"):
        leftover.unlink(missing_ok=True)


def _write_error(path: Path, exc: OSError) -> BadInput:
    return BadInput("batch.manifest_write", path=str(path), cause=os_key(exc))
