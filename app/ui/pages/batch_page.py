"""Batch: import a list, generate every code with progress, then print label sheets or a PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.batch import (
    FIELDS,
    BatchRow,
    BatchSummary,
    Controls,
    Progress,
    RowResult,
    Table,
    build_rows,
    guess_mapping,
    read_table,
    run_batch,
    sheet_items,
)
from app.core.errors import BadInput
from app.core.sheets import PRESETS, SheetSpec, sheet_spec
from app.ui.errors import describe, ui_language
from app.ui.page_context import PageContext
from app.ui.widgets import InlineMessage

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """The imported rows, with their problem or their run status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BatchRow] = []
        self.status: dict[str, str] = {}

    def set_rows(self, rows: list[BatchRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.status = {}
        self.endResetModel()

    def set_status(self, key: str, text: str) -> None:
        self.status[key] = text
        for i, row in enumerate(self.rows):
            if row.key == key:
                self.dataChanged.emit(self.index(i, 5), self.index(i, 5))
                break

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Line"),
                self.tr("openId"),
                self.tr("Channel"),
                self.tr("Calls"),
                self.tr("Caption"),
                self.tr("Problem / status"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 5:
                return row.problem_in(ui_language()) or self.status.get(row.key, "")
            values = (
                row.line,
                row.open_id,
                row.channel,
                self.tr("unlimited") if row.call_times == -1 else row.call_times,
                row.caption,
            )
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row.problem:
            return QColor("#b91c1c")
        return None


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
        self._context = context
        self._tasks = context.tasks
        self._state = state = context.state
        self._table: Table | None = None
        self._controls: Controls | None = None
        self.summary: BatchSummary | None = None
        self._preview: Any = None

        # -- import ------------------------------------------------------------------------------
        self.open_button = QPushButton(self.tr("Open list…"))
        self.open_button.setObjectName("batchOpenButton")
        self.open_button.setToolTip(self.tr("A .csv or .xlsx file with an openId column"))
        self.open_button.clicked.connect(self.open_dialog)
        self.file_label = QLabel(
            self.tr(
                "No list opened. Columns: openId (required), customChannel, callTimes, caption."
            )
        )
        self.file_label.setWordWrap(True)
        self.mapping_combos: dict[str, QComboBox] = {}
        mapping = QGridLayout()
        names = {
            "open_id": self.tr("openId"),
            "channel": self.tr("Channel"),
            "call_times": self.tr("Calls"),
            "caption": self.tr("Caption"),
        }
        for col, name in enumerate(FIELDS):
            combo = QComboBox()
            combo.setObjectName(f"batchMap_{name}")
            combo.setAccessibleName(self.tr("Column for {field}").format(field=names[name]))
            combo.currentIndexChanged.connect(self._remap)
            self.mapping_combos[name] = combo
            mapping.addWidget(QLabel(names[name]), 0, col)
            mapping.addWidget(combo, 1, col)
        self.model = RowsModel(self)
        self.view = QTableView()
        self.view.setObjectName("batchRows")
        self.view.setAccessibleName(self.tr("Rows"))
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.rows_label = QLabel()
        self.rows_label.setObjectName("batchRowsLabel")
        import_box = QGroupBox(self.tr("1. List"))
        import_layout = QVBoxLayout(import_box)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        import_layout.addLayout(top)
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
        self.concurrency_spin = QSpinBox()
        self.concurrency_spin.setObjectName("batchConcurrencySpin")
        self.concurrency_spin.setRange(1, 16)
        self.concurrency_spin.setValue(state.get("batch/concurrency"))
        self.rate_spin = QDoubleSpinBox()
        self.rate_spin.setObjectName("batchRateSpin")
        self.rate_spin.setRange(0, 100)
        self.rate_spin.setDecimals(1)
        self.rate_spin.setSpecialValueText(self.tr("No limit"))
        self.rate_spin.setSuffix(self.tr(" /s"))
        self.rate_spin.setValue(state.get("batch/rate"))
        self.start_button = QPushButton(self.tr("Generate all"))
        self.start_button.setObjectName("batchStartButton")
        self.start_button.clicked.connect(self.start)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setObjectName("batchPauseButton")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("batchCancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("batchProgress")
        self.progress_label = QLabel()
        self.progress_label.setObjectName("batchProgressLabel")
        self.message = InlineMessage()
        self.message.setObjectName("batchMessage")
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_dir_edit, 1)
        out_row.addWidget(choose)
        run_form = QFormLayout()
        run_form.addRow(self.tr("Output folder"), out_row)
        run_form.addRow(self.tr("At the same time"), self.concurrency_spin)
        run_form.addRow(self.tr("Rate limit"), self.rate_spin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        run_box = QGroupBox(self.tr("2. Generate"))
        run_layout = QVBoxLayout(run_box)
        run_layout.addLayout(run_form)
        run_layout.addLayout(buttons)
        run_layout.addWidget(self.progress)
        run_layout.addWidget(self.progress_label)

        # -- layout and print --------------------------------------------------------------------
        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("batchLayoutCombo")
        self.layout_combo.addItem(self.tr("A4, 1 per page"), "1x1")
        self.layout_combo.addItem(self.tr("A4, 2×4 labels (99×68 mm)"), "2x4")
        self.layout_combo.addItem(self.tr("A4, 3×8 labels (70×37 mm)"), "3x8")
        self.layout_combo.setCurrentIndex(
            max(0, self.layout_combo.findData(state.get("batch/layout")))
        )
        self.code_spin = self._mm_spin("batchCodeSpin", 10, 180, state.get("batch/code_mm"))
        self.start_cell_spin = QSpinBox()
        self.start_cell_spin.setObjectName("batchStartCellSpin")
        self.start_cell_spin.setRange(1, 24)
        self.start_cell_spin.setToolTip(self.tr("Skip the labels already used on the first sheet"))
        self.copies_spin = QSpinBox()
        self.copies_spin.setObjectName("batchCopiesSpin")
        self.copies_spin.setRange(1, 100)
        self.offset_x_spin = self._mm_spin("batchOffsetXSpin", -20, 20, state.get("batch/offset_x"))
        self.offset_y_spin = self._mm_spin("batchOffsetYSpin", -20, 20, state.get("batch/offset_y"))
        self.scale_spin = QDoubleSpinBox()
        self.scale_spin.setObjectName("batchScaleSpin")
        self.scale_spin.setRange(0.5, 1.5)
        self.scale_spin.setDecimals(3)
        self.scale_spin.setSingleStep(0.005)
        self.scale_spin.setValue(state.get("batch/scale"))
        self.layout_combo.currentIndexChanged.connect(self._on_layout_changed)
        self.print_button = QPushButton(self.tr("Print preview…"))
        self.print_button.setObjectName("batchPrintButton")
        self.print_button.clicked.connect(self.print_preview)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("batchPdfButton")
        self.pdf_button.clicked.connect(self.pdf_dialog)
        print_form = QFormLayout()
        print_form.addRow(self.tr("Sheet"), self.layout_combo)
        print_form.addRow(self.tr("Code size"), self.code_spin)
        print_form.addRow(self.tr("Start at label"), self.start_cell_spin)
        print_form.addRow(self.tr("Copies of each"), self.copies_spin)
        correction = QHBoxLayout()
        correction.addWidget(QLabel(self.tr("x")))
        correction.addWidget(self.offset_x_spin)
        correction.addWidget(QLabel(self.tr("y")))
        correction.addWidget(self.offset_y_spin)
        correction.addWidget(QLabel(self.tr("scale")))
        correction.addWidget(self.scale_spin)
        print_form.addRow(self.tr("Printer correction"), correction)
        print_buttons = QHBoxLayout()
        print_buttons.addWidget(self.print_button)
        print_buttons.addWidget(self.pdf_button)
        print_buttons.addStretch(1)
        print_box = QGroupBox(self.tr("3. Print"))
        print_layout = QVBoxLayout(print_box)
        print_layout.addLayout(print_form)
        print_layout.addLayout(print_buttons)

        right = QVBoxLayout()
        right.addWidget(run_box)
        right.addWidget(print_box)
        right.addWidget(self.message)
        right.addStretch(1)
        right_panel = QWidget()
        right_panel.setLayout(right)
        right_panel.setMinimumWidth(380)
        right_panel.setMaximumWidth(470)
        right.setContentsMargins(0, 0, 0, 0)
        root = QHBoxLayout(self)
        root.addWidget(import_box, 1)
        root.addWidget(right_panel)
        self._on_layout_changed()
        self._set_running(False)

    def _mm_spin(self, name: str, low: float, high: float, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(" mm")
        spin.setValue(value)
        return spin

    # -- import ----------------------------------------------------------------------------------
    @classmethod
    def ask_open_path(cls, parent: QWidget, folder: str) -> str:
        """The open dialog; tests replace this classmethod."""
        title = QCoreApplication.translate("BatchPage", "Open list")
        kinds = QCoreApplication.translate("BatchPage", "Lists (*.csv *.xlsx *.txt)")
        path, _ = QFileDialog.getOpenFileName(parent, title, folder, kinds)
        return path

    @classmethod
    def ask_save_path(cls, parent: QWidget, default: str) -> str:
        title = QCoreApplication.translate("BatchPage", "Export PDF")
        kinds = QCoreApplication.translate("BatchPage", "PDF (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(parent, title, default, kinds)
        return path

    def open_dialog(self) -> None:
        path = self.ask_open_path(self, self._state.get("batch/last_dir") or str(Path.home()))
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Read the list off the GUI thread, then show every row with its problem."""
        self._state.set("batch/last_dir", str(Path(path).parent))
        self.open_button.setEnabled(False)
        self.message.show_message("info", self.tr("Reading {name}…").format(name=Path(path).name))

        def done(table: Table) -> None:
            self.open_button.setEnabled(True)
            self._table = table
            self.file_label.setText(
                self.tr("{name}: {n} rows ({encoding})").format(
                    name=Path(path).name, n=len(table.rows), encoding=table.encoding
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
            self.message.clear()
            self._remap()
            self.imported.emit(len(table.rows))

        def failed(exc: BaseException) -> None:
            self.open_button.setEnabled(True)
            summary, detail = describe(exc)
            self.message.show_message("error", summary, detail)

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
            self.tr("{ok} rows ready, {bad} with a problem (not sent)").format(
                ok=len(rows) - bad, bad=bad
            )
        )
        self._set_running(False)

    def rows(self) -> list[BatchRow]:
        return list(self.model.rows)

    # -- run -------------------------------------------------------------------------------------
    def _choose_out_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Output folder"), self.out_dir_edit.text()
        )
        if folder:
            self.out_dir_edit.setText(folder)

    @property
    def running(self) -> bool:
        return self._controls is not None

    def _set_running(self, running: bool) -> None:
        has_rows = any(not r.problem for r in self.model.rows)
        self.start_button.setEnabled(not running and has_rows)
        self.open_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.cancel_button.setEnabled(running)
        for combo in self.mapping_combos.values():
            combo.setEnabled(not running)
        done = self.summary is not None and (self.summary.ok + self.summary.skipped) > 0
        self.print_button.setEnabled(not running and done)
        self.pdf_button.setEnabled(not running and done)

    def start(self) -> None:
        if self.running or not self.model.rows:
            return
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
        rows = list(self.model.rows)
        controls = self._controls = Controls()
        concurrency, rate = self.concurrency_spin.value(), self.rate_spin.value()
        self.progress.setRange(0, len(rows))
        self.progress.setValue(0)
        self.message.show_message(
            "info",
            self.tr("Generating {n} codes into {folder}…").format(n=len(rows), folder=out_dir),
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
            )

        self._tasks.run(work, self._on_finished, self._on_failed, self._on_progress)

    def _on_progress(self, progress: Progress, result: RowResult | None) -> None:
        self.progress.setValue(progress.finished)
        remaining = progress.remaining()
        eta = self.tr(", about {s} s left").format(s=int(remaining)) if remaining else ""
        self.progress_label.setText(
            self.tr("{done} done, {failed} failed, {left} left — {elapsed} s{eta}").format(
                done=progress.done + progress.skipped,
                failed=progress.failed,
                left=progress.left,
                elapsed=int(progress.elapsed),
                eta=eta,
            )
        )
        if result is not None:
            text = {"ok": self.tr("✓ {file}"), "skipped": self.tr("✓ {file} (earlier run)")}.get(
                result.status, self.tr("✗ {error}")
            ).format(file=result.file, error=result.error_in(ui_language()))
            if not result.row.problem:
                self.model.set_status(result.row.key, text)

    def _on_finished(self, summary: BatchSummary) -> None:
        self._controls = None
        self.summary = summary
        self._set_running(False)
        level = "ok" if summary.failed == 0 and not summary.cancelled else "warning"
        text = self.tr(
            "{ok} codes ready ({skipped} from an earlier run), {failed} failed. "
            "Manifest: {manifest}"
        ).format(
            ok=summary.ok + summary.skipped,
            skipped=summary.skipped,
            failed=summary.failed,
            manifest=summary.manifest,
        )
        if summary.cancelled:
            text = self.tr("Cancelled. Run again to finish the rest.") + " " + text
        self.message.show_message(level, text)
        self.finished.emit(summary)

    def _on_failed(self, exc: BaseException) -> None:
        self._controls = None
        self._set_running(False)
        summary, detail = describe(exc)
        self.message.show_message("error", summary, detail)

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
            self.message.show_message("info", self.tr("Cancelling after the requests in flight…"))

    # -- print -----------------------------------------------------------------------------------
    def _on_layout_changed(self) -> None:
        key = self.layout_combo.currentData()
        preset = PRESETS[key]
        self.start_cell_spin.setMaximum(int(preset["cols"]) * int(preset["rows"]))

    def spec(self) -> SheetSpec:
        self._state.set("batch/layout", self.layout_combo.currentData())
        self._state.set("batch/code_mm", self.code_spin.value())
        self._state.set("batch/offset_x", self.offset_x_spin.value())
        self._state.set("batch/offset_y", self.offset_y_spin.value())
        self._state.set("batch/scale", self.scale_spin.value())
        return sheet_spec(
            self.layout_combo.currentData(),
            code_mm=self.code_spin.value(),
            start_cell=self.start_cell_spin.value(),
            copies=self.copies_spin.value(),
            offset_x=self.offset_x_spin.value(),
            offset_y=self.offset_y_spin.value(),
            scale=self.scale_spin.value(),
        )

    def pdf_dialog(self) -> None:
        if self.summary is None:
            return
        default = str(self.summary.manifest.parent / "labels.pdf")
        path = self.ask_save_path(self, default)
        if path:
            self.export_pdf(path)

    def export_pdf(self, path: str) -> None:
        """Write the sheets to PDF on a worker (QPainter on a QPdfWriter is thread-safe)."""
        if self.summary is None:
            return
        try:
            spec = self.spec()
        except BadInput as exc:
            self.message.show_message("error", describe(exc)[0])
            return
        summary, rows = self.summary, list(self.model.rows)
        self.pdf_button.setEnabled(False)
        self.message.show_message("info", self.tr("Writing the PDF…"))

        def work() -> int:
            from app.ui.printing import write_sheets_pdf

            return write_sheets_pdf(path, spec, sheet_items(summary.manifest, rows))

        def done(pages: int) -> None:
            self.pdf_button.setEnabled(True)
            self.message.show_message(
                "ok", self.tr("PDF written: {path} ({pages} pages)").format(path=path, pages=pages)
            )
            self.exported.emit(path)

        def failed(exc: BaseException) -> None:
            self.pdf_button.setEnabled(True)
            summary_text, detail = describe(exc)
            self.message.show_message("error", summary_text, detail)

        self._tasks.run(work, done, failed)

    def print_preview(self) -> None:
        if self.summary is None:
            return
        try:
            spec = self.spec()
        except BadInput as exc:
            self.message.show_message("error", describe(exc)[0])
            return
        summary, rows = self.summary, list(self.model.rows)

        def show(items: list[Any]) -> None:
            from PySide6.QtPrintSupport import QPrintPreviewDialog

            from app.ui.printing import PRINT_DPI, make_printer, paint_sheets

            printer = make_printer()
            dialog = QPrintPreviewDialog(printer, self)
            dialog.setWindowTitle(self.tr("Print preview"))
            dialog.paintRequested.connect(
                lambda p: paint_sheets(p, p.resolution() or PRINT_DPI, spec, items)
            )
            self._preview = (dialog, printer)  # the dialog borrows the printer
            dialog.finished.connect(lambda _r: setattr(self, "_preview", None))
            dialog.open()

        self._tasks.run(
            lambda: sheet_items(summary.manifest, rows),
            show,
            lambda exc: self.message.show_message("error", describe(exc)[0]),
        )
