"""Choose a printer and its correction; print or export the alignment page.

The combo starts with the printer chosen last time (no listing needed to print to it). The
system's list is asked for when the user opens the combo, on a worker (listing can block on
CUPS); until it arrives the combo says so and the rest of the window works. Each printer's
offset and scale are remembered by name (:class:`app.ui.printer_profiles.PrinterProfiles`) and shown
when that printer is chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from app.core.correction import NO_CORRECTION, Correction
from app.ui.printer_profiles import OFFSET_LIMIT_MM, SCALE_LIMITS, PrinterProfiles, list_printers
from app.ui.widgets import FormComboBox, FormDoubleSpinBox

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from app.core.alignment import AlignmentPage, Box
    from app.ui.state import UiState
    from app.ui.tasks import TaskRunner

Lister = Callable[[], tuple[list[str], str]]


class _ListingCombo(FormComboBox):
    """A combo that asks for its items the first time its list is opened.

    Signals:
        opening(): the popup is about to show.
    """

    opening = Signal()

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        self.opening.emit()
        super().showPopup()


# What the alignment page shows: the stock's name, page width and height (mm) and its labels'
# outlines (objects with x, y, w, h in page mm).
StockOutlines = Callable[[], "tuple[str, float, float, Sequence[Box]]"]


class PrinterPicker(QWidget):
    """A printer combo, its offset x/y (mm) and scale (%), and the alignment-page actions.

    Args:
        tasks: runs the printer listing off the GUI thread.
        state: where the chosen printer and every printer's correction are remembered.
        stock: the host page's label stock, for the outlines on the alignment page.
        lister: lists the system's printers (tests give their own).

    Signals:
        printers_listed(list): the printer names arrived.
        correction_changed(str): the correction of this printer changed (and was remembered).
        alignment_saved(str): the alignment PDF was written to this path.
        alignment_failed(object): writing the alignment PDF failed (the exception).
    """

    printers_listed = Signal(list)
    correction_changed = Signal(str)
    alignment_saved = Signal(str)
    alignment_failed = Signal(object)

    def __init__(
        self,
        tasks: TaskRunner,
        state: UiState,
        stock: StockOutlines,
        lister: Lister = list_printers,
    ) -> None:
        super().__init__()
        self._tasks = tasks
        self._state = state
        self._lister = lister
        self._stock = stock
        self._printer: QPrinter | None = None
        self.profiles = PrinterProfiles(state)
        self._loading = False
        self._listing: bool | None = None  # None: not asked yet; True: asked; False: listed

        self.printer_combo = _ListingCombo()
        self.printer_combo.setObjectName("printerCombo")
        self.printer_combo.setAccessibleName(self.tr("Printer"))
        self.printer_combo.setMinimumContentsLength(14)
        remembered = state.get("print/printer")
        if remembered:
            self.printer_combo.addItem(remembered, remembered)
        else:
            self.printer_combo.addItem(self.tr("System default printer"), "")
        self.printer_combo.opening.connect(self._first_open)
        self.x_spin = self._mm_spin("printerOffsetXSpin", self.tr("Offset x"))
        self.y_spin = self._mm_spin("printerOffsetYSpin", self.tr("Offset y"))
        self.scale_spin = FormDoubleSpinBox()
        self.scale_spin.setObjectName("printerScaleSpin")
        self.scale_spin.setAccessibleName(self.tr("Scale"))
        self.scale_spin.setRange(SCALE_LIMITS[0] * 100, SCALE_LIMITS[1] * 100)
        self.scale_spin.setDecimals(2)
        self.scale_spin.setSingleStep(0.1)
        self.scale_spin.setSuffix(" %")
        self.scale_spin.setValue(100.0)
        self.print_alignment_button = QPushButton(self.tr("Print alignment page…"))
        self.print_alignment_button.setObjectName("printAlignmentButton")
        self.print_alignment_button.setToolTip(
            self.tr(
                "Print rulers and crosshairs on plain paper, measure where they landed, and "
                "enter the difference as offset and scale for this printer."
            )
        )
        self.print_alignment_button.clicked.connect(self.print_alignment)
        self.alignment_pdf_button = QPushButton(self.tr("Alignment PDF…"))
        self.alignment_pdf_button.setObjectName("alignmentPdfButton")
        self.alignment_pdf_button.clicked.connect(self.alignment_pdf_dialog)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.printer_combo, 0, 0, 1, 6)
        for column, (text, spin) in enumerate(
            (
                (self.tr("x"), self.x_spin),
                (self.tr("y"), self.y_spin),
                (self.tr("scale"), self.scale_spin),
            )
        ):
            grid.addWidget(QLabel(text), 1, 2 * column)
            grid.addWidget(spin, 1, 2 * column + 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_alignment_button)
        buttons.addWidget(self.alignment_pdf_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 2, 0, 1, 6)

        self.printer_combo.currentIndexChanged.connect(self._printer_chosen)
        for spin in (self.x_spin, self.y_spin, self.scale_spin):
            spin.valueChanged.connect(self._correction_edited)
        self._printer_chosen()

    def _mm_spin(self, name: str, accessible: str) -> QDoubleSpinBox:
        spin = FormDoubleSpinBox()
        spin.setObjectName(name)
        spin.setAccessibleName(accessible)
        spin.setRange(-OFFSET_LIMIT_MM, OFFSET_LIMIT_MM)
        spin.setDecimals(1)
        spin.setSingleStep(0.1)
        spin.setSuffix(" mm")
        return spin

    # -- the printer list --------------------------------------------------------------------
    def _first_open(self) -> None:
        if self._listing is None:
            self.refresh()

    @property
    def listing(self) -> bool:
        """The system's printer list has been asked for and has not arrived yet."""
        return bool(self._listing)

    def refresh(self) -> None:
        """List the printers on a worker; the combo fills when they arrive."""
        if self._listing:
            return
        self._listing = True
        self._loading = True
        try:
            self.printer_combo.addItem(self.tr("Looking for printers…"), "")
        finally:
            self._loading = False
        self._tasks.run(self._lister, self._listed, self._listing_failed)

    def _listed(self, value: tuple[list[str], str]) -> None:
        self._listing = False
        names, default = value
        wanted = self.printer_name() or self._state.get("print/printer") or default
        self._loading = True
        try:
            self.printer_combo.clear()
            for name in names:
                self.printer_combo.addItem(name, name)
            if not names:
                self.printer_combo.addItem(self.tr("No printer found (PDF export works)"), "")
            index = self.printer_combo.findData(wanted)
            self.printer_combo.setCurrentIndex(max(0, index))
        finally:
            self._loading = False
        self._printer_chosen()
        self.printers_listed.emit(list(names))

    def _listing_failed(self, _error: BaseException) -> None:
        self._listed(([], ""))

    def printer_name(self) -> str:
        return str(self.printer_combo.currentData() or "")

    def _printer_chosen(self, _index: int = 0) -> None:
        if self._loading:
            return
        name = self.printer_name()
        if name:
            self._state.set("print/printer", name)
        self._show_correction(self.profiles.get(name))
        for spin in (self.x_spin, self.y_spin, self.scale_spin):
            spin.setEnabled(bool(name))

    # -- the correction ----------------------------------------------------------------------
    def correction(self) -> Correction:
        """The chosen printer's correction (none when no printer is chosen)."""
        return self.profiles.get(self.printer_name())

    def _show_correction(self, correction: Correction) -> None:
        self._loading = True
        try:
            self.x_spin.setValue(correction.offset_x)
            self.y_spin.setValue(correction.offset_y)
            self.scale_spin.setValue(correction.scale * 100)
        finally:
            self._loading = False

    def _correction_edited(self) -> None:
        if self._loading or not self.printer_name():
            return
        correction = Correction(
            self.x_spin.value(), self.y_spin.value(), self.scale_spin.value() / 100
        )
        self.profiles.set(self.printer_name(), correction)
        self.correction_changed.emit(self.printer_name())

    # -- the alignment page ------------------------------------------------------------------
    def alignment_page(self, correction: Correction = NO_CORRECTION) -> AlignmentPage:
        """The page for the host's stock, with how to read it (in the UI language)."""
        from app.core.alignment import alignment_page

        name, width, height, outlines = self._stock()
        notes = [
            self.tr("Print at 100 % (actual size): turn off “fit to page”."),
            self.tr(
                "Each crosshair's centre is printed where its label says, in mm from the "
                "paper's top-left corner."
            ),
            self.tr("Offset = where a centre landed − where it was printed (x right, y down)."),
            self.tr("Scale = measured distance between outer crosshairs ÷ printed distance."),
            self.tr(
                "Printed with x {x} mm, y {y} mm, scale {scale} %: add what you measure."
            ).format(
                x=f"{correction.offset_x:+.1f}",
                y=f"{correction.offset_y:+.1f}",
                scale=f"{correction.scale * 100:.2f}",
            ),
        ]
        title = self.tr("Recall Desk alignment page — {stock}").format(stock=name)
        return alignment_page(width, height, outlines, title=title, notes=notes)

    @classmethod
    def ask_save_path(cls, parent: QWidget, default: str, filters: str) -> str:
        """The file dialog; tests replace this classmethod."""
        from PySide6.QtWidgets import QFileDialog

        title = QCoreApplication.translate("PrinterPicker", "Save the alignment page")
        path, _ = QFileDialog.getSaveFileName(parent, title, default, filters)
        return path

    @classmethod
    def ask_print(cls, parent: QWidget, printer: QPrinter, done: Callable[[], None]) -> None:
        """The system print dialog (non-blocking); tests replace this classmethod."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        dialog.accepted.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # type: ignore[call-arg]  # the stubs only know open(receiver, member)

    def print_alignment(self) -> None:
        """Print the alignment page on the chosen printer, with its current correction."""
        from app.ui.printing import make_printer, paint_alignment

        _name, width, height, _outlines = self._stock()
        printer = make_printer(printer_name=self.printer_name(), page_mm=(width, height))
        self._printer = printer  # the dialog only borrows it

        def paint() -> None:
            correction = self.profiles.correction_for(printer)  # the printer finally chosen
            paint_alignment(printer, self.alignment_page(correction), correction)

        self.ask_print(self, printer, paint)

    def alignment_pdf_dialog(self) -> None:
        folder = self._state.get("qr/last_dir") or str(Path.home())
        default = str(Path(folder) / "alignment.pdf")
        path = self.ask_save_path(self, default, self.tr("PDF (*.pdf)"))
        if path:
            self.export_alignment_pdf(path)

    def export_alignment_pdf(self, path: str) -> None:
        """Write the alignment page to a PDF (uncorrected) off the GUI thread."""
        from app.core.alignment import write_alignment_pdf

        page = self.alignment_page()
        self._tasks.run(
            lambda: write_alignment_pdf(path, page),
            lambda _none: self.alignment_saved.emit(path),
            self.alignment_failed.emit,
        )
