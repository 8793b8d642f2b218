"""Batch recall codes: generate a code for every row of a list, concurrently, resumable.

At most ``concurrency`` requests are in flight (request slots shared by twice as many worker
threads, so a thread writing its image never keeps a slot idle), with an optional rate limit.
Images are written whole as they arrive; finished rows are appended to ``manifest.csv`` (see
:mod:`app.core.manifest`) by the thread that runs the batch, all the rows that finished while
it wrote the last ones in one durable write, and the manifest is rewritten in input order when
the batch ends. Running the same list into the same folder again skips the rows already
produced.

Retries are the request funnel's (:mod:`app.core.http`, idempotent calls only, within the
call's deadline): the batch asks once per row. One bad row never stops the others: its
failure is counted and recorded. Cancel lets the requests in flight finish; an interrupt
(Ctrl+C) returns at once, the manifest consistent, the abandoned rows "not sent".

Rows end as one of three outcomes, counted the same way everywhere (summary, table,
manifest, CLI): **done** (a code file, this run or an earlier one), **failed** (asked, and it
did not work) and **not sent** (a problem in the row, or the batch stopped first).
"""

from __future__ import annotations

import logging
import math
import queue
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import manifest
from app.core.errors import BadInput, RecallError, RemoteRefused
from app.core.guard import Verdict, check_plan
from app.core.http import MAX_CONCURRENCY
from app.core.images import verify_image
from app.core.label_pdf import LabelItem
from app.core.layout import plan_label, prepare_code
from app.core.manifest import FAILED, NOT_SENT, OK, Entry, Journal
from app.core.messages import os_key, os_reason, reason, say
from app.core.table_import import BatchRow
from app.core.udesk import QrRequest, QrResult

if TYPE_CHECKING:
    from app.core.stocks import Stock

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.csv"
MAX_NAME_BYTES = 160  # of the label part of a file name; the whole name stays far below 255
MAX_RATE = 1000.0
MIN_RATE = 0.01


def safe_file_name(row: BatchRow, extension: str) -> str:
    """``00012_王小明.png``: the line keeps names unique and sorted; no path characters."""
    label = row.caption or row.open_id
    cleaned = re.sub(r"[^\w\-\u3400-\u9fff]+", "_", label, flags=re.UNICODE).strip("._")[:60]
    while len(cleaned.encode()) > MAX_NAME_BYTES:
        cleaned = cleaned[:-1]
    return f"{row.line:05d}_{cleaned or 'code'}.{extension}"


@dataclass
class Progress:
    """Counts so far; ``done`` includes rows produced by an earlier run (``skipped``)."""

    total: int
    done: int = 0
    failed: int = 0
    skipped: int = 0
    not_sent: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.not_sent

    @property
    def left(self) -> int:
        return self.total - self.finished

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def remaining(self) -> float | None:
        """Seconds left at the pace so far (None until a request finished)."""
        worked = self.done - self.skipped + self.failed
        if worked == 0 or self.left == 0:
            return None
        return self.elapsed / worked * self.left


@dataclass(frozen=True)
class RowResult:
    """How one row ended: ``status`` is ``ok``, ``failed`` or ``not sent``.

    ``error`` is what went wrong (a core error, an OSError), ``earlier`` marks a code produced
    by an earlier run into the same folder.
    """

    row: BatchRow
    status: str
    qr_code_url: str = ""
    file: str = ""
    size: int | None = None
    error: BaseException | None = None
    earlier: bool = False
    not_recorded: RecallError | None = None  # a code made but missing from history: why

    def error_text(self, lang: str) -> str:
        """Why the row is not done, in ``lang`` ('' when it is)."""
        if self.row.problem:
            return self.row.problem_text(lang)
        error = self.error
        if error is None:
            return say("batch.not_reached", lang) if self.status == NOT_SENT else ""
        if isinstance(error, RemoteRefused):
            return say("batch.refused", lang, code=error.code, message=error.remote_message)
        if isinstance(error, RecallError):
            return reason(error, lang)
        if isinstance(error, OSError):
            return say("batch.image_write", lang, reason=os_reason(error, lang))
        return say("batch.internal", lang, kind=type(error).__name__)

    def entry(self, lang: str) -> Entry:
        row = self.row
        return Entry(
            row.line,
            row.open_id,
            row.channel,
            row.caption,
            self.status,
            self.qr_code_url,
            self.file,
            self.size,
            self.error_text(lang),
        )


@dataclass(frozen=True)
class BatchSummary:
    """The batch's outcome: ``ok`` this run + ``skipped`` (earlier) are done; the invariant
    ``ok + skipped + failed + not_sent == total`` always holds."""

    total: int
    ok: int
    failed: int
    skipped: int
    not_sent: int
    cancelled: bool
    manifest: Path
    failures: list[RowResult]
    unrecorded: list[RowResult] = field(default_factory=list)  # made, not in history

    @property
    def done(self) -> int:
        return self.ok + self.skipped

    def unrecorded_text(self, lang: str) -> str:
        """Why history lacks some of this run's codes ('' when it has them all)."""
        if not self.unrecorded:
            return ""
        cause = self.unrecorded[0].not_recorded
        assert cause is not None
        n = len(self.unrecorded)
        return say("history.batch_unrecorded", lang, n=n, cause=cause.key, **cause.params)


class Controls:
    """Pause, resume and cancel a running batch from another thread."""

    def __init__(self) -> None:
        self._running = threading.Event()
        self._running.set()
        self.cancelled = threading.Event()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def cancel(self) -> None:
        self.cancelled.set()
        self._running.set()

    def wait_if_paused(self) -> None:
        while not self._running.wait(0.1):
            pass


class RateLimiter:
    """At most ``rate`` request starts per second across threads (0 = unlimited)."""

    def __init__(self, rate: float) -> None:
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._next = time.monotonic()
        self._lock = threading.Lock()

    def wait(self, cancelled: threading.Event) -> None:
        if not self._interval:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next)
            self._next = slot + self._interval
        delay = slot - time.monotonic()
        if delay > 0:
            cancelled.wait(delay)


Generate = Callable[[QrRequest], QrResult]
OnProgress = Callable[[Progress, RowResult | None], None]


def check_settings(concurrency: int, rate: float) -> None:
    """BadInput for a concurrency outside 1–32 or a rate that is not 0 or 0.01–1000 per s."""
    if not 1 <= concurrency <= MAX_CONCURRENCY:
        raise BadInput("batch.concurrency", field="concurrency", low=1, high=MAX_CONCURRENCY)
    if not (rate == 0 or (math.isfinite(rate) and MIN_RATE <= rate <= MAX_RATE)):
        raise BadInput("batch.rate", field="rate", low=MIN_RATE, high=MAX_RATE)


class BatchRun:
    """One batch into one folder: :meth:`run` once, from the thread that owns it.

    Workers are daemon threads, so an interrupted run (KeyboardInterrupt in :meth:`run`)
    returns without waiting for the requests in flight; their rows stay "not sent".
    """

    def __init__(
        self,
        rows: Iterable[BatchRow],
        generate: Generate,
        out_dir: Path,
        *,
        sdk_app_id: str,
        offi_account_id: str,
        concurrency: int = 4,
        rate: float = 0.0,
        controls: Controls | None = None,
        on_progress: OnProgress | None = None,
        lang: str = "en",
    ) -> None:
        check_settings(concurrency, rate)
        self.rows = list(rows)
        self.out_dir = out_dir
        self.manifest_path = out_dir / MANIFEST_NAME
        self.controls = controls or Controls()
        self._generate = generate
        self._ids = (sdk_app_id, offi_account_id)
        self._concurrency = concurrency
        self._slots = threading.BoundedSemaphore(concurrency)  # requests in flight
        self._limiter = RateLimiter(rate)
        self._on_progress = on_progress
        self._lang = lang
        self.progress = Progress(total=len(self.rows))
        self._results: dict[int, RowResult] = {}
        self._todo: queue.SimpleQueue[int | None] = queue.SimpleQueue()
        self._finished: queue.SimpleQueue[tuple[int, RowResult]] = queue.SimpleQueue()

    # -- the thread that runs the batch ----------------------------------------------------------
    def run(self) -> BatchSummary:
        """Generate every row's code; BadInput when the folder or the manifest can't be written."""
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            manifest.remove_leftovers(self.out_dir)
        except OSError as exc:
            raise BadInput("batch.folder", path=str(self.out_dir), cause=os_key(exc)) from exc
        previous = manifest.read_entries(self.manifest_path)
        journal = Journal(self.manifest_path)
        self._report(None)
        try:
            self._run(journal, previous)
        except BaseException:  # Ctrl+C: the workers take no further row while we settle
            self.controls.cancel()
            raise
        finally:
            journal.close()
            self._settle(previous)
        return self._summary()

    def _run(self, journal: Journal, previous: dict[str, Entry]) -> None:
        pending = []
        unsendable = []
        for index, row in enumerate(self.rows):
            before = previous.get(manifest.entry_key(row.line, row.open_id))
            if row.problem:
                unsendable.append((index, RowResult(row, NOT_SENT)))
            elif before is not None and before.produced(self.out_dir):
                done = RowResult(row, OK, before.qr_code_url, before.file, before.size)
                self._record(journal, [(index, done)], earlier=True)
            else:
                pending.append(index)
        self._record(journal, unsendable)
        workers = [
            threading.Thread(target=self._work, name=f"batch-{n}", daemon=True)
            for n in range(min(2 * self._concurrency, len(pending)))
        ]
        for index in pending:
            self._todo.put(index)
        for worker in workers:
            self._todo.put(None)
            worker.start()
        waiting = len(pending)
        while waiting:
            try:
                finished = [self._finished.get(timeout=0.2)]
            except queue.Empty:
                continue
            while len(finished) < waiting:  # and whatever else finished meanwhile
                try:
                    finished.append(self._finished.get_nowait())
                except queue.Empty:
                    break
            waiting -= len(finished)
            self._record(journal, [done for done in finished if done[1].status != NOT_SENT])

    def _record(
        self, journal: Journal, finished: list[tuple[int, RowResult]], *, earlier: bool = False
    ) -> None:
        """Append these rows' lines to the manifest in one write, then count and report them.

        They are kept first: an interrupt (Ctrl+C) from here on still rewrites them as they are.
        """
        results = {index: replace(result, earlier=earlier) for index, result in finished}
        self._results.update(results)
        if not earlier and results:
            try:
                journal.append([result.entry(self._lang) for result in results.values()])
            except BadInput:
                for index in results:
                    del self._results[index]  # not recorded: not sent
                self.controls.cancel()  # nothing more is recorded, so nothing more is asked
                raise
        for result in results.values():
            if result.status == OK:
                self.progress.done += 1
                self.progress.skipped += earlier
            elif result.status == FAILED:
                self.progress.failed += 1
            else:
                self.progress.not_sent += 1
            self._report(result)

    def _settle(self, previous: dict[str, Entry]) -> None:
        """Count the rows never reached as not sent and rewrite the manifest in input order."""
        entries: list[Entry] = []
        keys = set()
        for index, row in enumerate(self.rows):
            result = self._results.get(index)
            if result is None:
                result = self._results[index] = RowResult(row, NOT_SENT)
                self.progress.not_sent += 1
            entries.append(result.entry(self._lang))
            keys.add(entries[-1].key)
        entries += [entry for key, entry in previous.items() if key not in keys]
        manifest.rewrite(self.manifest_path, entries)

    def _report(self, result: RowResult | None) -> None:
        if self._on_progress is not None:
            self._on_progress(self.progress, result)

    def _summary(self) -> BatchSummary:
        results = [self._results[i] for i in range(len(self.rows))]
        p = self.progress
        return BatchSummary(
            total=p.total,
            ok=p.done - p.skipped,
            failed=p.failed,
            skipped=p.skipped,
            not_sent=p.not_sent,
            cancelled=self.controls.cancelled.is_set(),
            manifest=self.manifest_path,
            failures=[r for r in results if r.status != OK],
            unrecorded=[r for r in results if r.not_recorded is not None],
        )

    # -- worker threads --------------------------------------------------------------------------
    def _work(self) -> None:
        while (index := self._todo.get()) is not None:
            self._finished.put((index, self._one(self.rows[index])))

    def _one(self, row: BatchRow) -> RowResult:
        self.controls.wait_if_paused()
        with self._slots:  # the request holds a slot; its image is written after
            if self.controls.cancelled.is_set():
                return RowResult(row, NOT_SENT)
            self._limiter.wait(self.controls.cancelled)
            if self.controls.cancelled.is_set():
                return RowResult(row, NOT_SENT)
            request = QrRequest(*self._ids, row.open_id, row.call_times, row.channel)
            try:
                result = self._generate(request)
            except Exception as exc:
                return _failed(row, exc)
        try:
            if result.image is None:
                raise BadInput("batch.no_image")
            name = safe_file_name(row, result.image.extension)
            manifest.write_whole(self.out_dir / name, result.image.data)
        except Exception as exc:
            return _failed(row, exc)
        size = len(result.image.data)
        return RowResult(row, OK, result.qr_code_url, name, size, not_recorded=result.not_recorded)


def _failed(row: BatchRow, error: Exception) -> RowResult:
    """A row that was asked and did not work; one bad row never stops the batch."""
    if not isinstance(error, (RecallError, OSError)):
        log.error("batch row %s failed unexpectedly", row.line, exc_info=error)
    return RowResult(row, FAILED, error=error)


def run_batch(
    rows: Iterable[BatchRow], generate: Generate, out_dir: Path, **options: Any
) -> BatchSummary:
    """Run a batch (:class:`BatchRun`'s options); ``generate`` is ``Service.generate_qr``."""
    return BatchRun(rows, generate, out_dir, **options).run()


def label_items(
    manifest_path: Path, rows: Iterable[BatchRow], caption: str = ""
) -> Iterator[LabelItem]:
    """The batch's codes in list order, read from its folder one at a time, as label items.

    The customer label is the row's caption (its name column); rows not done are left out.
    """
    entries = manifest.read_entries(manifest_path)
    for row in rows:
        entry = entries.get(manifest.entry_key(row.line, row.open_id))
        if entry is not None and entry.status == OK:
            data = (manifest_path.parent / entry.file).read_bytes()
            yield LabelItem(prepare_code(verify_image(data)), caption, row.caption)


def judge_items(
    stock: Stock, code_mm: float, items: Iterable[LabelItem], *, dpi: int, allow_small: bool
) -> tuple[int, list[tuple[LabelItem, Verdict]]]:
    """Judge every code as it will print (with its module count): (count, the refused ones)."""
    count = 0
    refused: list[tuple[LabelItem, Verdict]] = []
    for item in items:
        count += 1
        plan = plan_label(
            stock, code_mm, modules=item.code.modules, caption=item.caption, label=item.label
        )
        verdict = check_plan(plan, dpi=dpi, allow_small=allow_small)
        if not verdict.printable:
            refused.append((item, verdict))
    return count, refused


def record_override(manifest_path: Path, rows: Iterable[BatchRow], note: str) -> None:
    """Note a deliberate override of the guard on these rows' manifest lines (if produced)."""
    keys = {manifest.entry_key(row.line, row.open_id) for row in rows}
    entries = manifest.read_entries(manifest_path)
    manifest.rewrite(
        manifest_path,
        [
            replace(entry, override=note) if key in keys and entry.status == OK else entry
            for key, entry in entries.items()
        ],
    )
