"""The recall QR panel: form → Udesk QR API → crisp image, save, copy, print, PDF."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QWidget,
)

from app.core.errors import BadInput
from app.ui.errors import describe, say
from app.ui.page_context import PageContext
from app.ui.pages.qr_form import QrForm
from app.ui.pages.qr_result import QrResultPanel
from app.ui.printer_picker import PrinterPicker
from app.ui.widgets import TwoColumns, bring_into_view

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from app.core.guard import Verdict
    from app.core.layout import PreparedCode
    from app.core.udesk import QrRequest, QrResult
    from app.ui.printing import CodeLabel

log = logging.getLogger(__name__)

# What produced a code: the profile (name and settings) and the request fields as typed.
FormKey = tuple[Any, ...]


@dataclass(frozen=True)
class BoundCode:
    """A code together with the profile and form values that produced it."""

    key: FormKey
    result: QrResult
    prepared: PreparedCode


class QrPage(QWidget):
    """Generate one recall code and do everything a lead needs with it.

    A code is *current* only while the profile and the request fields are those that produced
    it: any change (or a new generation, or a failure) veils it as stale and disables every
    action on it until a new code arrives. An answer that arrives after the form changed is
    shown stale, never as current.

    Signals:
        generated(object): a QrResult with its verified image arrived for the current form.
        failed(object): the generate call failed (the exception).
        finished(): a generation ended (current, stale on arrival, or failed).
        current_changed(bool): whether a current code is there to save, copy or print.
        saved(str): the image or PDF was written to this path.
        send_message_requested(str): the user wants to send a recall message to this openId.
    """

    generated = Signal(object)
    failed = Signal(object)
    finished = Signal()
    current_changed = Signal(bool)
    saved = Signal(str)
    send_message_requested = Signal(str)

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("qrPage")
        self._context = context
        self._tasks = context.tasks
        self._state = context.state
        self._busy = False
        self._code: BoundCode | None = None  # the code on screen, current or stale
        self._current = False
        self._preview: tuple[QPrintPreviewDialog, QPrinter] | None = None

        # -- the request form and print options -------------------------------------------------
        form = QrForm()
        self.form = form
        self.sdk_app_id_edit = form.sdk_app_id_edit
        self.offi_account_edit = form.offi_account_edit
        self.open_id_edit = form.open_id_edit
        self.call_times_spin = form.call_times_spin
        self.channel_edit = form.channel_edit
        self.generate_button = form.generate_button
        self.size_spin = form.size_spin
        self.caption_edit = form.caption_edit
        self.label_edit = form.label_edit
        self.generate_button.clicked.connect(self.generate)
        self.open_id_edit.returnPressed.connect(self.generate)
        self.printer_picker = PrinterPicker(self._tasks, self._state, form.stock_outlines)
        form.print_form.addRow(self.tr("Printer"), self.printer_picker)
        self.printer_picker.alignment_saved.connect(self._on_saved)
        self.printer_picker.alignment_failed.connect(self._on_save_failed)

        # -- the result ------------------------------------------------------------------------
        panel = self._panel = QrResultPanel()
        self.message = panel.message
        self.image_view = panel.image_view
        self.print_note = panel.print_note
        self.url_field = panel.url_field
        self.copy_url_button = panel.copy_url_button
        self.save_button = panel.save_button
        self.copy_image_button = panel.copy_image_button
        self.print_button = panel.print_button
        self.pdf_button = panel.pdf_button
        self.send_button = panel.send_button
        self.allow_small_check = panel.allow_small_check
        self.allow_small_check.toggled.connect(self._refresh_label)
        self.copy_url_button.clicked.connect(self.copy_url)
        self.save_button.clicked.connect(self.save_dialog)
        self.copy_image_button.clicked.connect(self.copy_image)
        self.print_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(self.pdf_dialog)
        self.send_button.clicked.connect(self._request_send)

        form.setMinimumWidth(max(360, form.minimumSizeHint().width()))  # never below its fields
        form.setMaximumWidth(max(440, form.minimumWidth()))
        columns = TwoColumns(self, form, panel, stretch=(0, 1))
        columns.setAlignment(form, Qt.AlignmentFlag.AlignLeft)  # under each other: to the left
        self._set_result_actions(False)
        form.keep_in(self._state)
        for signal in (
            self.sdk_app_id_edit.textChanged,
            self.offi_account_edit.textChanged,
            self.open_id_edit.textChanged,
            self.channel_edit.textChanged,
            self.call_times_spin.valueChanged,
        ):
            signal.connect(self._inputs_changed)
        for signal in (
            self.size_spin.valueChanged,
            self.caption_edit.textChanged,
            self.label_edit.textChanged,
            form.stock_combo.currentIndexChanged,
            form.start_cell_spin.valueChanged,
        ):
            signal.connect(self._refresh_label)
        form.stock_combo.load_custom(self._tasks, then_choose=self._state.get("qr/stock"))

    # -- state ---------------------------------------------------------------------------------
    def load_profile_defaults(self, sdk_app_id: str, offi_account_id: str) -> None:
        """The window switched (or edited) the profile: take its ids; the code goes stale."""
        self.sdk_app_id_edit.setText(sdk_app_id)
        self.offi_account_edit.setText(offi_account_id)
        self._inputs_changed()

    # -- what produced the code ------------------------------------------------------------------
    def _form_key(self) -> FormKey:
        name = self._context.active_profile_name()
        try:
            profile = self._context.workspace.profile(name) if name else None
        except BadInput:
            profile = None
        return (
            name,
            profile,
            self.sdk_app_id_edit.text(),
            self.offi_account_edit.text(),
            self.open_id_edit.text(),
            self.call_times_spin.value(),
            self.channel_edit.text(),
        )

    def _inputs_changed(self) -> None:
        code = self._code
        if code is None:
            return
        if self.open_id_edit.text().strip() != code.result.request.open_id:
            self.label_edit.clear()  # the customer label belongs to that customer's code
        if self._current and self._form_key() != code.key:
            self._mark_stale()
            self.message.show_message(
                "warning",
                self.tr(
                    "The form or the profile changed after this code was generated: it is "
                    "stale and cannot be saved or printed. Press Generate for the new values."
                ),
            )

    # -- the label as it will print ------------------------------------------------------------
    def _job_of(self, code: BoundCode | None) -> CodeLabel | None:
        if code is None:
            return None
        from app.ui.printing import code_label

        return code_label(
            self.form.stock(),
            code.prepared,
            self.size_spin.value(),
            caption=self.caption_edit.text(),
            label=self.label_edit.text(),
            start_cell=self.form.start_cell_spin.value(),
        )

    def job(self) -> CodeLabel | None:
        """What Print and Export PDF would print now: None without a current, printable code."""
        job = self._job_of(self._current_code())
        return job if job is not None and self._verdict(job).printable else None

    def _verdict(self, job: CodeLabel) -> Verdict:
        from app.core.guard import check_plan

        return check_plan(job.plan, allow_small=self.allow_small_check.isChecked())

    def _refresh_label(self) -> None:
        """Repaint the label for the code shown; Print/PDF follow the scannability guard."""
        job = self._job_of(self._code)
        if job is None:
            self._panel.show_label(None, None)
            return
        verdict = self._verdict(job)
        self._panel.show_label(job, verdict)
        printable = self._current and verdict.printable
        self.print_button.setEnabled(printable)
        self.pdf_button.setEnabled(printable)
        overridable = verdict.level == "refuse" and all(f.overridable for f in verdict.findings)
        self.allow_small_check.setVisible(overridable or self.allow_small_check.isChecked())

    def _mark_stale(self) -> None:
        self._current = False
        self.image_view.set_stale(self.tr("Stale — generate again"))
        self.url_field.setEnabled(False)
        self._set_result_actions(False)
        if self._preview is not None:
            self._preview[0].close()
        self.current_changed.emit(False)

    def _clear_code(self) -> None:
        was_current = self._current
        self._code, self._current = None, False
        self.image_view.clear_image()
        self._refresh_label()
        self.url_field.clear()
        self._set_result_actions(False)
        if was_current:
            self.current_changed.emit(False)

    def _current_code(self) -> BoundCode | None:
        return self._code if self._current else None

    @property
    def stale(self) -> bool:
        """A code is on screen but no longer belongs to the form (or a generation runs)."""
        return self._code is not None and not self._current

    def restore_request(self, request: QrRequest) -> None:
        """Put a past request's fields back into the form (History's "Use again"); never sends."""
        self.form.restore_request(request)

    def _set_result_actions(self, enabled: bool) -> None:
        self._panel.set_actions_enabled(enabled)

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.generate_button.setEnabled(not busy)
        self.generate_button.setText(self.tr("Generating…") if busy else self.tr("Generate"))
        if busy:
            self.message.show_message("info", self.tr("Asking Udesk for a recall code…"))
            self.allow_small_check.setChecked(False)  # an override is for one code only
            if self._code is not None:
                self._mark_stale()

    # -- generate ------------------------------------------------------------------------------
    def request_from_form(self) -> QrRequest:
        return self.form.request()

    def generate(self) -> None:
        """Validate the form, then generate off the GUI thread; ignored while one is running."""
        if self._busy:
            return
        try:
            request = self.request_from_form()
        except BadInput as exc:
            self.message.show_message("error", describe(exc)[0])
            return
        workspace = self._context.workspace
        profile_name = self._context.active_profile_name()
        key = self._form_key()
        self._set_busy(True)

        def work() -> tuple[QrResult, PreparedCode]:
            from app.core.layout import prepare_code  # on the worker, with the first code

            result = workspace.service(profile_name).generate_qr(request)
            assert result.image is not None
            return result, prepare_code(result.image)

        self._tasks.run(work, lambda value: self._on_generated(key, value), self._on_failed)

    def _on_generated(self, key: FormKey, value: tuple[QrResult, PreparedCode]) -> None:
        result, prepared = value
        self._set_busy(False)
        self._code = BoundCode(key, result, prepared)
        assert result.image is not None
        from PySide6.QtGui import QImage

        image = QImage.fromData(result.image.data)
        self.image_view.set_image(image, crisp=prepared.classic)
        self.url_field.setText(result.qr_code_url)
        self.url_field.setCursorPosition(0)
        self._refresh_label()
        if self._form_key() != key:  # the form changed while the request was in flight
            self._mark_stale()
            self.message.show_message(
                "warning",
                self.tr(
                    "This code was generated for {open_id}, but the form changed while it "
                    "was on its way: it is stale. Press Generate for the new values."
                ).format(open_id=result.request.open_id),
            )
            self.finished.emit()
            return
        self._current = True
        self.image_view.set_stale("")
        self.url_field.setEnabled(True)
        self._set_result_actions(True)
        self._refresh_label()  # the guard may keep Print/PDF off
        self.current_changed.emit(True)
        bring_into_view(self.image_view)
        kind = self.tr("classic QR code") if prepared.classic else self.tr("WeChat code")
        ready = self.tr("Recall code for {open_id} ready: {w}×{h} px {fmt}, {kind}.").format(
            open_id=result.request.open_id,
            w=result.image.width,
            h=result.image.height,
            fmt=result.image.format,
            kind=kind,
        )
        problem = result.not_recorded
        if problem is None:
            self.message.show_message("ok", ready)
        else:  # the code is good; history lacks it, and the user should know
            why = say("history.qr_unrecorded", cause=problem.key, **problem.params)
            summary = say("sentence.next", text=ready, sentence=why)
            self.message.show_message("warning", summary, describe(problem)[1])
        self.generated.emit(result)
        self.finished.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._clear_code()
        summary, detail = describe(error)
        self.message.show_message("error", summary, detail)
        self.failed.emit(error)
        self.finished.emit()

    # -- actions on the result -----------------------------------------------------------------
    def result(self) -> QrResult | None:
        """The current code's result; None when there is none or it is stale."""
        code = self._current_code()
        return code.result if code else None

    def copy_url(self) -> None:
        if code := self._current_code():
            QGuiApplication.clipboard().setText(code.result.qr_code_url)
            self.message.show_message("ok", self.tr("URL copied."))

    def copy_image(self) -> None:
        if self._current_code() and not self.image_view.image().isNull():
            QGuiApplication.clipboard().setImage(self.image_view.image())
            self.message.show_message("ok", self.tr("Image copied."))

    def _request_send(self) -> None:
        if code := self._current_code():
            self.send_message_requested.emit(code.result.request.open_id)

    def _default_name(self, suffix: str) -> str:
        code = self._current_code()
        open_id = code.result.request.open_id if code else "code"
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in open_id)[:60]
        folder = self._state.get("qr/last_dir") or str(Path.home())
        return str(Path(folder) / f"recall-{safe}.{suffix}")

    @classmethod
    def ask_save_path(cls, parent: QWidget, default: str, filters: str) -> str:
        """The file dialog; tests replace this classmethod."""
        from PySide6.QtWidgets import QFileDialog

        title = QCoreApplication.translate("QrPage", "Save")
        path, chosen = QFileDialog.getSaveFileName(parent, title, default, filters)
        suffix = re.search(r"\*(\.\w+)", chosen)
        if path and not Path(path).suffix and suffix:  # the suffix names the format written
            path += suffix[1]
        return path

    def save_dialog(self) -> None:
        code = self._current_code()
        if code is None or code.result.image is None:
            return
        ext = code.result.image.extension
        filters = self.tr(
            "Original image (*.{ext});;PNG image (*.png);;JPEG image (*.jpg *.jpeg);;"
            "BMP image (*.bmp);;GIF image (*.gif)"
        ).format(ext=ext)
        path = self.ask_save_path(self, self._default_name(ext), filters)
        if path:
            self.save_image(path)

    def save_image(self, path: str) -> None:
        """Write the image in the format its suffix names, off the GUI thread (an unknown
        suffix is refused with the list of those we write)."""
        code = self._current_code()
        if code is None or code.result.image is None:
            return
        image = code.result.image
        target = Path(path)
        self._state.set("qr/last_dir", str(target.parent))

        from app.core.image_files import write_image

        self._tasks.run(lambda: write_image(target, image), self._on_saved, self._on_save_failed)

    def _on_saved(self, path: str) -> None:
        self.message.show_message("ok", self.tr("Saved to {path}").format(path=path))
        self.saved.emit(path)

    def _on_save_failed(self, error: BaseException) -> None:
        summary, detail = describe(error)
        self.message.show_message("error", summary, detail)

    def _refused(self) -> bool:
        """Say why nothing can be printed (stale, no code, or the guard); True if so."""
        if self.job() is not None:
            return False
        if self._current:
            self._refresh_label()  # the note under the label says why
            self.message.show_message(
                "warning", self.tr("This code cannot be printed at this size on this stock.")
            )
        return True

    def print_alignment_page(self) -> None:
        """The Code menu's action: the alignment page for the chosen stock and printer."""
        self.printer_picker.print_alignment()

    def paint(self, printer: QPrinter) -> None:
        from app.ui.printing import paint_job

        if job := self.job():
            paint_job(printer, job, self.printer_picker.profiles.correction_for(printer))

    def print_preview(self) -> None:
        if self._refused():
            return
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from app.ui.printing import make_printer

        stock = self.form.stock()
        printer = make_printer(
            printer_name=self.printer_picker.printer_name(), page_mm=(stock.page_w, stock.page_h)
        )
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(self.paint)
        # The dialog is non-modal and only borrows the printer: keep both alive until it closes.
        self._preview = (dialog, printer)
        dialog.finished.connect(self._preview_closed)
        dialog.open()

    def _preview_closed(self) -> None:
        if self._preview is not None:
            self._preview[0].deleteLater()
            self._preview = None

    def pdf_dialog(self) -> None:
        if self._refused():
            return
        path = self.ask_save_path(self, self._default_name("pdf"), self.tr("PDF (*.pdf)"))
        if path:
            self.export_pdf(path)

    def export_pdf(self, path: str) -> None:
        """Write the code into a PDF at its physical size, off the GUI thread."""
        job = self.job()
        if job is None:
            return
        from app.ui.printing import write_job_pdf

        self._tasks.run(
            lambda: write_job_pdf(path, job),
            lambda _none: self._on_saved(path),
            self._on_save_failed,
        )
