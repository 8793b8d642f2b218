"""Batch: import a list, generate every code with progress, then print label sheets or a PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.batch import BatchSummary, Controls, Progress, RowResult, run_batch
from app.core.errors import BadInput
from app.core.manifest import FAILED, OK
from app.core.table_import import FIELDS, BatchRow, Table, build_rows, guess_mapping, read_table
from app.ui.errors import describe, fill, ui_language
from app.ui.page_context import PageContext
from app.ui.pages.batch_print import BatchPrintPanel
from app.ui.pages.batch_rows import STATUS_COLUMN, RowsModel
from app.ui.resources import resource
from app.ui.widgets import FittingCombo, FormDoubleSpinBox, FormSpinBox, InlineMessage, plain_label

LIST_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".txt", ".tsv")
SAMPLE_LIST = ("samples", "recall-list-sample.csv")


class BatchPage(QWidget):
    """Signals:
    imported(int): a list was read (row count).
    finished(object): a BatchSummary.
    exported(str): a PDF was written.
    """

    imported = Signal(int)
    finished = Signal(object)
    exported = Signal(str)

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("batchPage")
        self.setAcceptDrops(True)
        self._context = context
        self._tasks = context.tasks
        self._state = state = context.state
        self._table: Table | None = None
        self._controls: Controls | None = None
        self.summary: BatchSummary | None = None
        self.message = InlineMessage(into_view=True)  # under the print box, off a short screen
        self.message.setObjectName("batchMessage")

        # -- import ------------------------------------------------------------------------------
        self.open_button = QPushButton(self.tr("Open list…"))
        self.open_button.setObjectName("batchOpenButton")
        self.open_button.setToolTip(
            self.tr("A .csv or .xlsx file with an openId column (Ctrl+O, or drop it here)")
        )
        self.open_button.clicked.connect(self.open_dialog)
        self.sample_button = QPushButton(self.tr("Try the sample list"))
        self.sample_button.setObjectName("batchSampleButton")
        self.sample_button.setToolTip(self.tr("A few rows that work with the demo sandbox"))
        self.sample_button.clicked.connect(self.open_sample)
        self.file_label = plain_label(
            self.tr(
                "No list opened. Columns: openId (required), customChannel, callTimes, "
                "a name for the label. Drop a .csv or .xlsx file here."
            ),
            wrap=True,
        )
        self.mapping_combos: dict[str, FittingCombo] = {}
        mapping = QGridLayout()
        names = {
            "open_id": self.tr("openId"),
            "channel": self.tr("Channel"),
            "call_times": self.tr("Calls"),
            "caption": self.tr("Name on the label"),
        }
        for col, name in enumerate(FIELDS):
            combo = FittingCombo(max_chars=24)  # a header longer than that: whole in the tooltip
            combo.setObjectName(f"batchMap_{name}")
            combo.setAccessibleName(self.tr("Column for {field}").format(field=names[name]))
            combo.currentIndexChanged.connect(self._remap)
            self.mapping_combos[name] = combo
            row = col // 2 * 2  # two a row (label over combo): the page fits a laptop at 150 %
            mapping.addWidget(QLabel(names[name]), row, col % 2)
            mapping.addWidget(combo, row + 1, col % 2)
        self.model = RowsModel(self)
        self.view = QTableView()
        self.view.setObjectName("batchRows")
        self.view.setAccessibleName(self.tr("Rows"))
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.rows_label = plain_label(wrap=True)
        self.rows_label.setObjectName("batchRowsLabel")
        import_box = QGroupBox(self.tr("1. List"))
        import_layout = QVBoxLayout(import_box)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.sample_button)
        top.addStretch(1)
        import_layout.addLayout(top)
        import_layout.addWidget(self.file_label)
        import_layout.addLayout(mapping)
        import_layout.addWidget(self.view, 1)
        import_layout.addWidget(self.rows_label)

        # -- run ---------------------------------------------------------------------------------
        self.out_dir_edit = QLineEdit(
            state.get("batch/out_dir")
            or str(Path.home() / "RecallDesk" / f"batch-{dt.date.today():%Y%m%d}")
        )
        self.out_dir_edit.setObjectName("batchOutDirEdit")
        self.out_dir_edit.setAccessibleName(self.tr("Output folder"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_out_dir)
        self.concurrency_spin = FormSpinBox()
        self.concurrency_spin.setObjectName("batchConcurrencySpin")
        self.concurrency_spin.setRange(1, 16)
        self.concurrency_spin.setValue(state.get("batch/concurrency"))
        self.rate_spin = FormDoubleSpinBox()
        self.rate_spin.setObjectName("batchRateSpin")
        self.rate_spin.setRange(0, 100)
        self.rate_spin.setDecimals(1)
        self.rate_spin.setSpecialValueText(self.tr("No limit"))
        self.rate_spin.setSuffix(self.tr(" /s"))
        self.rate_spin.setValue(state.get("batch/rate"))
        self.start_button = QPushButton(self.tr("Generate all"))
        self.start_button.setObjectName("batchStartButton")
        self.start_button.clicked.connect(self.start_all)
        self.retry_button = QPushButton(self.tr("Retry failed only"))
        self.retry_button.setObjectName("batchRetryButton")
        self.retry_button.clicked.connect(self.retry_failed)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName("batchPauseButton")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("batchCancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.folder_button = QPushButton(self.tr("Open output folder"))
        self.folder_button.setObjectName("batchFolderButton")
        self.folder_button.clicked.connect(self.open_output_folder)
        self.progress = QProgressBar()
        self.progress.setObjectName("batchProgress")
        self.progress_label = plain_label(wrap=True)
        self.progress_label.setObjectName("batchProgressLabel")
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_dir_edit, 1)
        out_row.addWidget(choose)
        run_form = QFormLayout()
        run_form.addRow(self.tr("Output folder"), out_row)
        run_form.addRow(self.tr("At the same time"), self.concurrency_spin)
        run_form.addRow(self.tr("Rate limit"), self.rate_spin)
        buttons = QGridLayout()
        buttons.addWidget(self.start_button, 0, 0)
        buttons.addWidget(self.pause_button, 0, 1)
        buttons.addWidget(self.cancel_button, 0, 2)
        buttons.addWidget(self.retry_button, 1, 0)
        buttons.addWidget(self.folder_button, 1, 1, 1, 2)
        run_box = QGroupBox(self.tr("2. Generate"))
        run_layout = QVBoxLayout(run_box)
        run_layout.addLayout(run_form)
        run_layout.addLayout(buttons)
        run_layout.addWidget(self.progress)
        run_layout.addWidget(self.progress_label)

        self.print_panel = BatchPrintPanel(self._tasks, state, self.message, self.rows_to_print)
        self.print_panel.exported.connect(self.exported)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        right = QVBoxLayout()
        right.addWidget(run_box)
        right.addWidget(self.print_panel)
        right.addWidget(self.message)
        right.addStretch(1)
        right_panel = QWidget()
        right_panel.setLayout(right)
        right.setContentsMargins(0, 0, 6, 0)
        scroll = QScrollArea()  # a short screen scrolls the panel instead of squeezing it
        scroll.setObjectName("batchSideScroll")
        scroll.setWidget(right_panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(max(400, right_panel.minimumSizeHint().width() + bar))
        scroll.setMaximumWidth(max(490, scroll.minimumWidth()))
        root = QHBoxLayout(self)
        root.addWidget(import_box, 1)
        root.addWidget(scroll)
        self._set_running(False)

    # -- import ----------------------------------------------------------------------------------
    @classmethod
    def ask_open_path(cls, parent: QWidget, folder: str) -> str:
        """The open dialog; tests replace this classmethod."""
        title = QCoreApplication.translate("BatchPage", "Open list")
        kinds = QCoreApplication.translate("BatchPage", "Lists (*.csv *.xlsx *.txt)")
        path, _ = QFileDialog.getOpenFileName(parent, title, folder, kinds)
        return path

    def open_dialog(self) -> None:
        """File ▸ Open list… (Ctrl+O)."""
        if self.running:
            return
        path = self.ask_open_path(self, self._state.get("batch/last_dir") or str(Path.home()))
        if path:
            self.load(path)

    def open_sample(self) -> None:
        """Load the sample list that ships with the app (it works with the demo sandbox)."""
        self.load(str(resource(*SAMPLE_LIST)), remember=False)

    @staticmethod
    def _dropped_list(event: QDragEnterEvent | QDropEvent) -> str:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) == 1 and urls[0].isLocalFile():
            path = urls[0].toLocalFile()
            if Path(path).suffix.lower() in LIST_SUFFIXES:
                return path
        return ""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if not self.running and self._dropped_list(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        path = self._dropped_list(event)
        if path and not self.running:
            event.acceptProposedAction()
            self.load(path)
        else:
            event.ignore()

    def load(self, path: str, *, remember: bool = True) -> None:
        """Read the list off the GUI thread, then show every row with its problem."""
        if remember:
            self._state.set("batch/last_dir", str(Path(path).parent))
        self.open_button.setEnabled(False)
        self.message.show_message("info", self.tr("Reading {name}…").format(name=Path(path).name))

        def done(table: Table) -> None:
            self.open_button.setEnabled(True)
            self._table = table
            self.summary = None  # and the last run's progress: it was another list's
            self.progress.reset()
            self.progress_label.clear()
            self.file_label.setText(
                fill(
                    self.tr("{name}: {n:row/rows}, {encoding}")
                    if table.encoding_name
                    else self.tr("{name}: {n:row/rows}"),
                    name=Path(path).name,
                    n=len(table.rows),
                    encoding=table.encoding_name,
                )
            )
            guessed = guess_mapping(table.headers)
            for name, combo in self.mapping_combos.items():
                combo.blockSignals(True)
                combo.clear()
                combo.addItem(self.tr("(none)"), -1)
                for i, header in enumerate(table.headers):
                    combo.addItem(header or f"#{i + 1}", i)
                combo.setCurrentIndex(combo.findData(guessed.get(name, -1)))
                combo.blockSignals(False)
                combo.refit()
            self.message.clear()
            self._remap()
            self.imported.emit(len(table.rows))

        def failed(exc: BaseException) -> None:
            self.open_button.setEnabled(True)
            self.message.show_message("error", *describe(exc))

        self._tasks.run(lambda: read_table(Path(path)), done, failed)

    def mapping(self) -> dict[str, int]:
        return {
            name: combo.currentData()
            for name, combo in self.mapping_combos.items()
            if combo.currentData() is not None and combo.currentData() >= 0
        }

    def _remap(self) -> None:
        if self._table is None:
            return
        self.summary = None  # results belong to the rows they were made for
        try:
            rows = build_rows(self._table, self.mapping())
        except BadInput as exc:
            self.model.set_rows([])
            self.rows_label.setText(describe(exc)[0])
            self._set_running(False)
            return
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        bad = sum(1 for r in rows if r.problem)
        self.rows_label.setText(
            fill(
                self.tr("{ok:row/rows} ready, {bad} with a problem (not sent)"),
                ok=len(rows) - bad,
                bad=bad,
            )
        )
        self._set_running(False)

    def rows(self) -> list[BatchRow]:
        return list(self.model.rows)

    def selected_rows(self) -> list[BatchRow]:
        """The rows selected in the table, in list order."""
        picked = {index.row() for index in self.view.selectionModel().selectedRows()}
        return [row for i, row in enumerate(self.model.rows) if i in picked]

    def _selection_changed(self) -> None:
        if self.print_panel.selected_only.isChecked():
            self.print_panel.rows_changed()

    def rows_to_print(self, selected_only: bool) -> list[BatchRow]:
        return self.selected_rows() if selected_only else self.rows()

    # -- run -------------------------------------------------------------------------------------
    def _choose_out_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder"),
                                                  self.out_dir_edit.text())  # fmt: skip
        if folder:
            self.out_dir_edit.setText(folder)

    @property
    def running(self) -> bool:
        return self._controls is not None

    def _set_running(self, running: bool) -> None:
        has_rows = any(not r.problem for r in self.model.rows)
        self.start_button.setEnabled(not running and has_rows)
        self.retry_button.setEnabled(not running and bool(self.model.rows_with(FAILED)))
        self.open_button.setEnabled(not running)
        self.sample_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.cancel_button.setEnabled(running)
        self.folder_button.setEnabled(not running and self.summary is not None)
        for combo in self.mapping_combos.values():
            combo.setEnabled(not running)
        produced = not running and self.summary is not None and bool(self.model.rows_with(OK))
        self.print_panel.set_manifest(self.summary.manifest if produced and self.summary else None)

    def start_all(self) -> None:
        """Generate all (the button: its ``clicked(bool)`` must not reach ``start(rows)``)."""
        self.start()

    def retry_failed(self) -> None:
        """Run again only the rows whose last run failed (the others keep their status)."""
        self.start(self.model.rows_with(FAILED))

    def start(self, rows: list[BatchRow] | None = None) -> None:
        """Generate the codes of ``rows`` (default: the whole list; done rows are skipped)."""
        if self.running or not self.model.rows:
            return
        rows = list(self.model.rows) if rows is None else rows
        out_dir = Path(self.out_dir_edit.text().strip()).expanduser()
        if not self.out_dir_edit.text().strip():
            self.message.show_message("error", self.tr("Choose an output folder."))
            return
        self._state.set("batch/out_dir", str(out_dir))
        self._state.set("batch/concurrency", self.concurrency_spin.value())
        self._state.set("batch/rate", self.rate_spin.value())
        workspace = self._context.workspace
        name = self._context.active_profile_name()
        profile = workspace.profile(name)
        controls = self._controls = Controls()
        concurrency, rate = self.concurrency_spin.value(), self.rate_spin.value()
        lang = ui_language()
        self.model.clear_results(rows)
        self.progress.setRange(0, len(rows))
        self.progress.setValue(0)
        self.progress_label.clear()
        self.message.show_message(
            "info",
            fill(self.tr("Generating {n:code/codes} into {folder}…"), n=len(rows), folder=out_dir),
        )
        self._set_running(True)

        def work(progress: Callable[[Progress, RowResult | None], None]) -> BatchSummary:
            service = workspace.service(name)
            return run_batch(
                rows,
                service.generate_qr,
                out_dir,
                sdk_app_id=profile.sdk_app_id,
                offi_account_id=profile.offi_account_id,
                concurrency=concurrency,
                rate=rate,
                controls=controls,
                on_progress=progress,
                lang=lang,
            )

        self._tasks.run(work, self._on_finished, self._on_failed, self._on_progress)

    def _counts(self, done: int, failed: int, not_sent: int) -> str:
        return self.tr("{done} done, {failed} failed, {not_sent} not sent").format(
            done=done, failed=failed, not_sent=not_sent
        )

    def _on_progress(self, progress: Progress, result: RowResult | None) -> None:
        if result is not None:
            self.model.set_result(result)
        if self._controls is None or self._controls.cancelled.is_set():
            return  # a cancelled run shows no estimate
        self.progress.setValue(progress.finished)
        remaining = progress.remaining()
        eta = self.tr(", about {s} s left").format(s=int(remaining)) if remaining else ""
        self.progress_label.setText(
            self.tr("{counts}, {left} left — {elapsed} s{eta}").format(
                counts=self._counts(progress.done, progress.failed, progress.not_sent),
                left=progress.left,
                elapsed=int(progress.elapsed),
                eta=eta,
            )
        )

    def _on_finished(self, summary: BatchSummary) -> None:
        self._controls = None
        self.summary = summary
        self._set_running(False)
        if not summary.cancelled:
            self.progress.setValue(summary.total)
        counts = self._counts(summary.done, summary.failed, summary.not_sent)
        self.progress_label.setText(counts)
        level = "ok" if summary.done == summary.total and not summary.cancelled else "warning"
        text = self.tr("{counts} ({skipped} done by an earlier run). Manifest: {manifest}").format(
            counts=counts, skipped=summary.skipped, manifest=summary.manifest
        )
        if summary.cancelled:
            text = self.tr("Cancelled. Run again to finish the rest.") + " " + text
        if summary.unrecorded:
            level, text = "warning", text + " " + summary.unrecorded_text(ui_language())
        self.message.show_message(level, text)
        self.finished.emit(summary)

    def _on_failed(self, exc: BaseException) -> None:
        self._controls = None
        self._set_running(False)
        self.progress_label.clear()
        self.message.show_message("error", *describe(exc))

    def toggle_pause(self) -> None:
        if self._controls is None:
            return
        if self._controls.paused:
            self._controls.resume()
            self.pause_button.setText(self.tr("Pause"))
        else:
            self._controls.pause()
            self.pause_button.setText(self.tr("Resume"))

    def cancel(self) -> None:
        if self._controls is not None:
            self._controls.cancel()
            self.pause_button.setText(self.tr("Pause"))
            self.progress_label.setText(self.tr("Cancelling…"))
            self.message.show_message("info", self.tr("Cancelling after the requests in flight…"))

    def open_output_folder(self) -> None:
        """Show the folder of the last batch in the desktop's file manager."""
        if self.summary is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.summary.manifest.parent)))

    # -- print (the panel does the work) ---------------------------------------------------------
    def export_pdf(self, path: str) -> None:
        self.print_panel.export_pdf(path)

    def pdf_dialog(self) -> None:
        self.print_panel.pdf_dialog()

    def print_preview(self) -> None:
        self.print_panel.print_preview()
