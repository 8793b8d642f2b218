"""The Batch page's print panel: a named label stock, the code size, the label as it will print.

The preview is the first code to print on its label, painted by the same painter and from the
same plan as the printer (:mod:`app.ui.label_painter`) and the PDF (:mod:`app.core.label_pdf`).
The scannability guard judges it: Export PDF and Print stay off with the guard's reason (and
what would fit) until the size scans, or "Allow small codes" overrides a size refusal — then
the manifest records the override on the rows printed. Every code is judged again, with its own
module count, before anything is written. Nothing is ever shrunk to fit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.batch import label_items
from app.core.errors import BadInput
from app.core.guard import Verdict, check_plan
from app.core.label_job import LabelJob, label_name
from app.core.label_pdf import LabelItem
from app.core.layout import check_placement, plan_label
from app.core.stocks import DEFAULT_STOCK, Stock
from app.core.table_import import BatchRow
from app.ui.code_preview import GUARD_NOTE_COLOURS, CodePreview
from app.ui.errors import describe, fill, say
from app.ui.label_painter import code_image, paint_labels
from app.ui.printer_profiles import PrinterProfiles
from app.ui.state import UiState
from app.ui.stock_combo import StockCombo
from app.ui.tasks import TaskRunner
from app.ui.widgets import FormDoubleSpinBox, FormSpinBox, InlineMessage


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
        self._sample: LabelItem | None = None  # the first code to print, for the preview
        self._verdict: Verdict | None = None
        self._preview: Any = None
        self.stock_combo = StockCombo(DEFAULT_STOCK)
        self.stock_combo.setObjectName("batchStockCombo")
        self.stock_combo.setAccessibleName(self.tr("Label stock"))
        self.stock_combo.setMinimumContentsLength(14)
        self.choose_stock(state.get("batch/stock") or DEFAULT_STOCK)
        self.code_spin = FormDoubleSpinBox()
        self.code_spin.setObjectName("batchCodeSpin")
        self.code_spin.setRange(5, 180)
        self.code_spin.setDecimals(1)
        self.code_spin.setSingleStep(0.5)
        self.code_spin.setSuffix(" mm")
        self.code_spin.setValue(state.get("batch/code_mm"))
        self.caption_edit = QLineEdit(state.get("batch/caption"))
        self.caption_edit.setObjectName("batchCaptionEdit")
        self.caption_edit.setPlaceholderText(self.tr("e.g. 扫码进入视频客服 (above each name)"))
        self.start_cell_spin = FormSpinBox()
        self.start_cell_spin.setObjectName("batchStartCellSpin")
        self.start_cell_spin.setToolTip(self.tr("Skip the labels already used on the first sheet"))
        self.copies_spin = FormSpinBox()
        self.copies_spin.setObjectName("batchCopiesSpin")
        self.copies_spin.setRange(1, 100)
        self.allow_small = QCheckBox(self.tr("Allow small codes"))
        self.allow_small.setToolTip(
            self.tr("Print codes the guard finds too small to scan reliably (the manifest says so)")
        )
        self.allow_small.setObjectName("batchAllowSmall")
        self.selected_only = QCheckBox(self.tr("Selected rows only"))
        self.selected_only.setObjectName("batchSelectedOnly")
        self.preview = CodePreview()
        self.preview.setObjectName("batchLabelPreview")
        self.preview.setMinimumHeight(110)
        self.preview.setMaximumHeight(140)
        self.note = QLabel()
        self.note.setObjectName("batchGuardNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names from the list
        self.note.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print preview…"))
        self.print_button.setObjectName("batchPrintButton")
        self.print_button.clicked.connect(self.print_preview)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("batchPdfButton")
        self.pdf_button.clicked.connect(self.pdf_dialog)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a label above, when narrow
        form.addRow(self.tr("Label stock"), self.stock_combo)
        size_row = QHBoxLayout()
        size_row.addWidget(self.code_spin)
        size_row.addWidget(QLabel(self.tr("start at")))
        size_row.addWidget(self.start_cell_spin)
        size_row.addWidget(QLabel(self.tr("copies")))
        size_row.addWidget(self.copies_spin)
        form.addRow(self.tr("Code size"), size_row)
        form.addRow(self.tr("Line above the name"), self.caption_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        choices = QHBoxLayout()
        choices.addWidget(self.allow_small)
        choices.addWidget(self.selected_only)
        choices.addStretch(1)
        layout.addLayout(choices)
        layout.addWidget(self.preview)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        for signal in (
            self.stock_combo.currentIndexChanged,
            self.code_spin.valueChanged,
            self.caption_edit.textChanged,
            self.allow_small.toggled,
            self.start_cell_spin.valueChanged,
            self.copies_spin.valueChanged,
        ):
            signal.connect(self._refresh)
        self.selected_only.toggled.connect(self.rows_changed)
        self.stock_combo.currentIndexChanged.connect(self._stock_chosen)
        self._stock_chosen()
        self.set_manifest(None)
        self.stock_combo.load_custom(
            self._tasks, then_choose=self._state.get("batch/stock") or DEFAULT_STOCK
        )

    # -- stocks ----------------------------------------------------------------------------------
    def choose_stock(self, name: str) -> None:
        self.stock_combo.choose_stock(name)

    def stock(self) -> Stock:
        return self.stock_combo.stock()

    def _stock_chosen(self, _index: int = 0) -> None:
        self.start_cell_spin.setRange(1, self.stock().per_page)
        self.start_cell_spin.setEnabled(self.stock().per_page > 1)

    # -- what to print ---------------------------------------------------------------------------
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
        self.rows_changed()

    def rows_changed(self) -> None:
        """The rows to print changed (a run, a selection): load the first code for the preview."""
        self._sample = None
        self._refresh()
        manifest = self._manifest
        if manifest is None:
            return
        rows = self._rows(self.selected_only.isChecked())

        def first() -> LabelItem | None:
            return next(label_items(manifest, rows), None)

        def shown(item: LabelItem | None) -> None:
            if manifest is self._manifest:
                self._sample = item
                self._refresh()

        self._tasks.run(first, shown, lambda exc: self._message.show_message(*_error(exc)))

    def _plan_and_verdict(self) -> tuple[Any, Verdict] | None:
        if self._sample is None:
            return None
        sample = self._sample
        plan = plan_label(
            self.stock(),
            self.code_spin.value(),
            modules=sample.code.modules,
            caption=self.caption_edit.text().strip(),
            label=sample.label,
        )
        return plan, check_plan(plan, allow_small=self.allow_small.isChecked())

    def _refresh(self) -> None:
        """Repaint the label and follow the guard: Print/PDF on only for a printable label."""
        judged = self._plan_and_verdict()
        self._verdict = judged[1] if judged else None
        if judged is None or self._sample is None:
            self.preview.clear_image()
            self.preview.set_label(None, None, classic=True)
            self.note.setText(self.tr("Generate the codes first: the label shows here."))
            self.note.setStyleSheet("")
            self._enable(False)
            return

        plan, verdict = judged
        code = self._sample.code
        symbol = code_image(code)
        self.preview.set_image(symbol, crisp=code.classic)  # the label needs it set too
        self.preview.set_label(plan, symbol, classic=code.classic)
        stock = self.stock()
        lines = [
            self.tr("{stock}: label {w}×{h} mm, code {code} mm + quiet zone.").format(
                stock=stock.name,
                w=f"{stock.label_w:g}",
                h=f"{stock.label_h:g}",
                code=f"{plan.code_mm:g}",
            )
        ]
        lines += [say(f.key, **f.params) for f in verdict.findings]
        says_room = any("most" in f.params for f in verdict.findings)
        if verdict.level == "refuse" and verdict.max_code_mm is not None and not says_room:
            lines.append(
                self.tr("This label takes a code of at most {most} mm.").format(
                    most=f"{verdict.max_code_mm:.1f}"
                )
            )
        if verdict.overridden:
            lines.append(self.tr("Small codes allowed: the manifest will say so."))
        self.note.setText("\n".join(lines))
        self.note.setStyleSheet(f"color: {GUARD_NOTE_COLOURS[verdict.level]};")
        self._enable(verdict.printable)

    def _enable(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.pdf_button.setEnabled(on)

    def _remember(self) -> None:
        self._state.set("batch/stock", self.stock().name)
        self._state.set("batch/code_mm", self.code_spin.value())
        self._state.set("batch/caption", self.caption_edit.text())

    def _job(self) -> tuple[LabelJob, Path, list[BatchRow]] | None:
        """The labels to print now: the job, the batch's manifest and the rows to print."""
        if self._manifest is None or self._verdict is None or not self._verdict.printable:
            return None
        rows = self._rows(self.selected_only.isChecked())
        if not rows:
            self._message.show_message("warning", self.tr("Select the rows to print first."))
            return None
        stock = self.stock()
        try:
            check_placement(stock, self.start_cell_spin.value(), self.copies_spin.value())
        except BadInput as exc:
            self._message.show_message(*_error(exc))
            return None
        self._remember()
        job = LabelJob(
            stock, self.code_spin.value(), self.caption_edit.text().strip(), self._verdict,
            stock.dpi, self.start_cell_spin.value(), self.copies_spin.value(),
            self.allow_small.isChecked(),
        )  # fmt: skip
        return job, self._manifest, rows

    def pdf_dialog(self) -> None:
        if self._manifest is not None:
            path = self.ask_save_path(self, str(self._manifest.parent / "labels.pdf"))
            if path:
                self.export_pdf(path)

    def export_pdf(self, path: str) -> None:
        """Write the labels (Qt-free PDF, page by page, each code judged) on a worker."""
        chosen = self._job()
        if chosen is None:
            return
        job, manifest, rows = chosen
        self._enable(False)
        self._message.show_message("info", self.tr("Writing the PDF…"))

        def work() -> tuple[int, list[LabelItem]]:
            pages, cut = job.write_pdf(path, job.items(manifest, rows))
            if pages == 0:
                raise BadInput("batch.nothing_to_print")
            job.record_override(manifest, rows)
            return pages, cut

        def done(written: tuple[int, list[LabelItem]]) -> None:
            pages, cut = written
            self._refresh()
            text = fill(self.tr("PDF written: {path} ({pages:page/pages})"), path=path, pages=pages)
            if not cut:
                self._message.show_message("ok", text)
            else:  # printed as the preview shows them, ending in "…": said, not silent
                cut_note = self.tr(
                    "On {n:label/labels} the text was cut to fit, ending in … (first: {first}); "
                    "a shorter name or caption, or a larger label, prints it whole."
                )
                first = label_name(cut[0])
                self._message.show_message(
                    "warning", text + "\n" + fill(cut_note, n=len(cut), first=first)
                )
            self.exported.emit(path)

        def failed(exc: BaseException) -> None:
            self._refresh()
            self._message.show_message(*_error(exc))

        self._tasks.run(work, done, failed)

    def print_preview(self) -> None:
        """Judge and load every code on a worker, then show Qt's print preview of the labels."""
        chosen = self._job()
        if chosen is None:
            return
        job, manifest, rows = chosen

        def load() -> list[LabelItem]:
            items = list(job.items(manifest, rows))
            if job.judge(items) == 0:
                raise BadInput("batch.nothing_to_print")
            return items

        def show(items: list[LabelItem]) -> None:
            from PySide6.QtPrintSupport import QPrintPreviewDialog

            from app.ui.printing import make_printer

            printer = make_printer(page_mm=(job.stock.page_w, job.stock.page_h))
            dialog = QPrintPreviewDialog(printer, self)
            dialog.setWindowTitle(self.tr("Print preview"))
            dialog.paintRequested.connect(lambda device: self._paint(device, job, items))
            self._preview = (dialog, printer)  # the dialog borrows the printer
            dialog.finished.connect(lambda _r: setattr(self, "_preview", None))
            dialog.open()
            if job.override_note():
                self._tasks.run(
                    lambda: job.record_override(manifest, rows), lambda _r: None, lambda _e: None
                )

        self._tasks.run(load, show, lambda exc: self._message.show_message(*_error(exc)))

    def _paint(self, device: Any, job: LabelJob, items: list[LabelItem]) -> None:
        """The labels on the preview's printer, page by page, corrected for that printer."""
        paint_labels(
            device,
            job.stock,
            items,
            code_mm=job.code_mm,
            item_count=len(items),
            start_cell=job.start_cell,
            copies=job.copies,
            correction=PrinterProfiles(self._state).correction_for(device),
        )


def _error(exc: BaseException) -> tuple[str, str, str]:
    summary, detail = describe(exc)
    return "error", summary, detail
