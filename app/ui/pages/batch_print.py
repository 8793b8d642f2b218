"""The Batch page's print panel: label sheet, code size, start cell, copies, correction, output.

It prints the codes a batch produced (read back from its manifest), all of them or the rows
selected in the table.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.batch import sheet_items
from app.core.errors import BadInput
from app.core.sheets import PRESETS, SheetSpec, sheet_spec
from app.core.table_import import BatchRow
from app.ui.errors import describe
from app.ui.state import UiState
from app.ui.tasks import TaskRunner
from app.ui.widgets import InlineMessage


class BatchPrintPanel(QGroupBox):
    """Signals:
    exported(str): a PDF was written.
    """

    exported = Signal(str)

    def __init__(
        self,
        tasks: TaskRunner,
        state: UiState,
        message: InlineMessage,
        rows: Callable[[bool], list[BatchRow]],
    ) -> None:
        """``rows(selected_only)`` gives the rows to print, in list order."""
        super().__init__(QCoreApplication.translate("BatchPrintPanel", "3. Print"))
        self._tasks = tasks
        self._state = state
        self._message = message
        self._rows = rows
        self._manifest: Path | None = None
        self._preview: Any = None
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
        self.selected_only = QCheckBox(self.tr("Only the rows selected in the list"))
        self.selected_only.setObjectName("batchSelectedOnly")
        self.print_button = QPushButton(self.tr("Print preview…"))
        self.print_button.setObjectName("batchPrintButton")
        self.print_button.clicked.connect(self.print_preview)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("batchPdfButton")
        self.pdf_button.clicked.connect(self.pdf_dialog)
        form = QFormLayout()
        form.addRow(self.tr("Sheet"), self.layout_combo)
        form.addRow(self.tr("Code size"), self.code_spin)
        form.addRow(self.tr("Start at label"), self.start_cell_spin)
        form.addRow(self.tr("Copies of each"), self.copies_spin)
        correction = QHBoxLayout()
        for text, spin in (
            (self.tr("x"), self.offset_x_spin),
            (self.tr("y"), self.offset_y_spin),
            (self.tr("scale"), self.scale_spin),
        ):
            correction.addWidget(QLabel(text))
            correction.addWidget(spin)
        form.addRow(self.tr("Printer correction"), correction)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.selected_only)
        layout.addLayout(buttons)
        self._on_layout_changed()
        self.set_manifest(None)

    def _mm_spin(self, name: str, low: float, high: float, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(" mm")
        spin.setValue(value)
        return spin

    @classmethod
    def ask_save_path(cls, parent: QWidget, default: str) -> str:
        """The save dialog; tests replace this classmethod."""
        title = QCoreApplication.translate("BatchPage", "Export PDF")
        kinds = QCoreApplication.translate("BatchPage", "PDF (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(parent, title, default, kinds)
        return path

    def set_manifest(self, manifest: Path | None) -> None:
        """The manifest whose codes to print (None: nothing to print; the buttons are off)."""
        self._manifest = manifest
        self.print_button.setEnabled(manifest is not None)
        self.pdf_button.setEnabled(manifest is not None)

    def _on_layout_changed(self) -> None:
        preset = PRESETS[self.layout_combo.currentData()]
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

    def _job(self) -> tuple[SheetSpec, Path, list[BatchRow]] | None:
        if self._manifest is None:
            return None
        try:
            spec = self.spec()
        except BadInput as exc:
            self._message.show_message("error", *describe(exc))
            return None
        rows = self._rows(self.selected_only.isChecked())
        if not rows:
            self._message.show_message("warning", self.tr("Select the rows to print first."))
            return None
        return spec, self._manifest, rows

    def pdf_dialog(self) -> None:
        if self._manifest is not None:
            path = self.ask_save_path(self, str(self._manifest.parent / "labels.pdf"))
            if path:
                self.export_pdf(path)

    def export_pdf(self, path: str) -> None:
        """Write the sheets to PDF on a worker (QPainter on a QPdfWriter is thread-safe)."""
        job = self._job()
        if job is None:
            return
        spec, manifest, rows = job
        self.pdf_button.setEnabled(False)
        self._message.show_message("info", self.tr("Writing the PDF…"))

        def work() -> int:
            from app.ui.printing import write_sheets_pdf

            return write_sheets_pdf(path, spec, sheet_items(manifest, rows))

        def done(pages: int) -> None:
            self.pdf_button.setEnabled(True)
            self._message.show_message(
                "ok", self.tr("PDF written: {path} ({pages} pages)").format(path=path, pages=pages)
            )
            self.exported.emit(path)

        def failed(exc: BaseException) -> None:
            self.pdf_button.setEnabled(True)
            self._message.show_message("error", *describe(exc))

        self._tasks.run(work, done, failed)

    def print_preview(self) -> None:
        job = self._job()
        if job is None:
            return
        spec, manifest, rows = job

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
            lambda: sheet_items(manifest, rows),
            show,
            lambda exc: self._message.show_message("error", *describe(exc)),
        )
