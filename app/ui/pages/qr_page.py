"""The recall QR panel: form → Udesk QR API → crisp image, save, copy, print, PDF."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import BadInput
from app.core.limits import MAX_CODE_MM, MIN_CODE_MM
from app.core.paths import atomic_write
from app.ui.errors import describe
from app.ui.page_context import PageContext
from app.ui.widgets import CodeView, InlineMessage

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from app.core.layout import PreparedCode
    from app.core.udesk import QrRequest, QrResult
    from app.ui.printing import PrintOptions

log = logging.getLogger(__name__)


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


class QrPage(QWidget):
    """Generate one recall code and do everything a lead needs with it.

    Signals:
        generated(object): a QrResult with its verified image arrived.
        failed(object): the generate call failed (the exception).
        saved(str): the image or PDF was written to this path.
        send_message_requested(str): the user wants to send a recall message to this openId.
    """

    generated = Signal(object)
    failed = Signal(object)
    saved = Signal(str)
    send_message_requested = Signal(str)

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("qrPage")
        self._context = context
        self._tasks = context.tasks
        self._state = context.state
        self._busy = False
        self._result: QrResult | None = None
        self._prepared: PreparedCode | None = None
        self._preview: tuple[QPrintPreviewDialog, QPrinter] | None = None

        # -- the request form ------------------------------------------------------------------
        self.sdk_app_id_edit = QLineEdit()
        _named(self.sdk_app_id_edit, "qrSdkAppIdEdit", self.tr("sdkAppId"))
        self.offi_account_edit = QLineEdit()
        _named(self.offi_account_edit, "qrOffiAccountIdEdit", self.tr("Official account ID"))
        self.open_id_edit = QLineEdit()
        _named(self.open_id_edit, "qrOpenIdEdit", self.tr("Customer openId"))
        self.open_id_edit.setPlaceholderText(
            self.tr("The customer's openId in this official account")
        )
        self.open_id_edit.setClearButtonEnabled(True)
        self.call_times_spin = QSpinBox()
        _named(self.call_times_spin, "qrCallTimesSpin", self.tr("Calls allowed"))
        self.call_times_spin.setRange(-1, 9999)
        self.call_times_spin.setSpecialValueText(self.tr("Unlimited"))
        self.call_times_spin.setValue(-1)
        self.channel_edit = QLineEdit()
        _named(self.channel_edit, "qrChannelEdit", self.tr("Custom channel"))
        self.channel_edit.setPlaceholderText(self.tr("Optional: routes the video call"))
        self.generate_button = QPushButton(self.tr("Generate"))
        _named(self.generate_button, "qrGenerateButton", self.tr("Generate QR code"))
        self.generate_button.setDefault(True)
        self.generate_button.setToolTip(self.tr("Generate the recall QR code (Ctrl+G)"))
        self.generate_button.clicked.connect(self.generate)
        self.open_id_edit.returnPressed.connect(self.generate)

        form = QFormLayout()
        form.addRow(self.tr("sdkAppId"), self.sdk_app_id_edit)
        form.addRow(self.tr("Official account ID"), self.offi_account_edit)
        form.addRow(self.tr("Customer openId"), self.open_id_edit)
        form.addRow(self.tr("Calls allowed"), self.call_times_spin)
        form.addRow(self.tr("Custom channel"), self.channel_edit)
        request_box = QGroupBox(self.tr("Recall code request"))
        box_layout = QVBoxLayout(request_box)
        box_layout.addLayout(form)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.generate_button)
        box_layout.addLayout(button_row)

        # -- print options ---------------------------------------------------------------------
        self.size_spin = QDoubleSpinBox()
        _named(self.size_spin, "qrSizeSpin", self.tr("Printed size"))
        self.size_spin.setRange(MIN_CODE_MM, MAX_CODE_MM)
        self.size_spin.setDecimals(1)
        self.size_spin.setSuffix(" mm")
        self.size_spin.setValue(50.0)
        self.caption_edit = QLineEdit()
        _named(self.caption_edit, "qrCaptionEdit", self.tr("Caption"))
        self.caption_edit.setPlaceholderText(self.tr("e.g. Scan with WeChat to start a video call"))
        self.label_edit = QLineEdit()
        _named(self.label_edit, "qrLabelEdit", self.tr("Customer label"))
        self.label_edit.setPlaceholderText(
            self.tr("Optional second line, e.g. the customer's name")
        )
        self.quiet_check = QCheckBox(self.tr("White quiet zone (4 modules)"))
        self.quiet_check.setObjectName("qrQuietZoneCheck")
        self.quiet_check.setChecked(True)
        print_form = QFormLayout()
        print_form.addRow(self.tr("Printed size"), self.size_spin)
        print_form.addRow(self.tr("Caption"), self.caption_edit)
        print_form.addRow(self.tr("Customer label"), self.label_edit)
        print_form.addRow("", self.quiet_check)
        print_box = QGroupBox(self.tr("Printing"))
        print_box.setLayout(print_form)

        left = QVBoxLayout()
        left.addWidget(request_box)
        left.addWidget(print_box)
        left.addStretch(1)

        # -- the result ------------------------------------------------------------------------
        self.message = InlineMessage()
        self.message.setObjectName("qrMessage")
        self.image_view = CodeView()
        _named(self.image_view, "qrImageView", self.tr("Recall QR code"))
        self.image_view.set_placeholder(
            self.tr("Fill in the customer's openId and press Generate (Ctrl+G).")
        )
        self.url_field = QLineEdit()
        _named(self.url_field, "qrUrlField", self.tr("qrCodeUrl"))
        self.url_field.setReadOnly(True)
        self.url_field.setPlaceholderText("qrCodeUrl")
        self.copy_url_button = QPushButton(self.tr("Copy URL"))
        self.copy_url_button.setObjectName("qrCopyUrlButton")
        self.copy_url_button.clicked.connect(self.copy_url)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_field, 1)
        url_row.addWidget(self.copy_url_button)

        self.save_button = QPushButton(self.tr("Save…"))
        _named(self.save_button, "qrSaveButton", self.tr("Save image"))
        self.save_button.setToolTip(self.tr("Save the image as PNG or JPEG (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_dialog)
        self.copy_image_button = QPushButton(self.tr("Copy image"))
        self.copy_image_button.setObjectName("qrCopyImageButton")
        self.copy_image_button.clicked.connect(self.copy_image)
        self.print_button = QPushButton(self.tr("Print…"))
        _named(self.print_button, "qrPrintButton", self.tr("Print"))
        self.print_button.setToolTip(self.tr("Print with a preview (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_preview)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("qrPdfButton")
        self.pdf_button.clicked.connect(self.pdf_dialog)
        self.send_button = QPushButton(self.tr("Send recall message…"))
        self.send_button.setObjectName("qrSendMessageButton")
        self.send_button.setToolTip(self.tr("Open Templates with this openId as the recipient"))
        self.send_button.clicked.connect(self._request_send)
        actions = QHBoxLayout()
        for button in (
            self.save_button,
            self.copy_image_button,
            self.print_button,
            self.pdf_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        follow_up = QHBoxLayout()
        follow_up.addStretch(1)
        follow_up.addWidget(self.send_button)

        right = QVBoxLayout()
        right.addWidget(self.message)
        right.addWidget(self.image_view, 1)
        right.addLayout(url_row)
        right.addLayout(actions)
        right.addLayout(follow_up)

        left_panel = QWidget()
        left_panel.setLayout(left)
        left_panel.setMinimumWidth(360)
        left_panel.setMaximumWidth(440)
        left.setContentsMargins(0, 0, 0, 0)
        root = QHBoxLayout(self)
        root.addWidget(left_panel, 0)
        root.addLayout(right, 1)
        self._set_result_actions(False)
        self._restore()
        for signal in (
            self.open_id_edit.textChanged,
            self.channel_edit.textChanged,
            self.caption_edit.textChanged,
            self.label_edit.textChanged,
        ):
            signal.connect(self._remember)
        self.call_times_spin.valueChanged.connect(self._remember)
        self.size_spin.valueChanged.connect(self._remember)
        self.quiet_check.toggled.connect(self._remember)

    # -- state ---------------------------------------------------------------------------------
    def _restore(self) -> None:
        s = self._state
        self.open_id_edit.setText(s.get("qr/open_id"))
        self.channel_edit.setText(s.get("qr/channel"))
        self.call_times_spin.setValue(s.get("qr/call_times"))
        self.size_spin.setValue(s.get("qr/size_mm"))
        self.caption_edit.setText(
            s.get("qr/caption") or self.tr("Scan with WeChat to start a video call")
        )
        self.label_edit.setText(s.get("qr/label"))
        self.quiet_check.setChecked(s.get("qr/quiet_zone"))

    def _remember(self) -> None:
        s = self._state
        s.set("qr/open_id", self.open_id_edit.text())
        s.set("qr/channel", self.channel_edit.text())
        s.set("qr/call_times", self.call_times_spin.value())
        s.set("qr/size_mm", self.size_spin.value())
        s.set("qr/caption", self.caption_edit.text())
        s.set("qr/label", self.label_edit.text())
        s.set("qr/quiet_zone", self.quiet_check.isChecked())

    def load_profile_defaults(self, sdk_app_id: str, offi_account_id: str) -> None:
        self.sdk_app_id_edit.setText(sdk_app_id)
        self.offi_account_edit.setText(offi_account_id)

    def restore_request(self, request: dict[str, object]) -> None:
        """Put a past request's fields back into the form (History's "Use again"); never sends."""
        self.sdk_app_id_edit.setText(str(request.get("sdkAppId", "")))
        self.offi_account_edit.setText(str(request.get("offiAccountId", "")))
        self.open_id_edit.setText(str(request.get("offiAccountOpenId", "")))
        try:
            self.call_times_spin.setValue(int(str(request.get("callTimes", -1))))
        except ValueError:
            self.call_times_spin.setValue(-1)
        self.channel_edit.setText(str(request.get("customChannel", "")))

    def _set_result_actions(self, enabled: bool) -> None:
        for widget in (
            self.save_button,
            self.copy_image_button,
            self.print_button,
            self.pdf_button,
            self.copy_url_button,
            self.send_button,
        ):
            widget.setEnabled(enabled)

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.generate_button.setEnabled(not busy)
        self.generate_button.setText(self.tr("Generating…") if busy else self.tr("Generate"))
        if busy:
            self.message.show_message("info", self.tr("Asking Udesk for a recall code…"))

    # -- generate ------------------------------------------------------------------------------
    def request_from_form(self) -> QrRequest:
        from app.core.udesk import QrRequest  # with the first request, not at start-up

        return QrRequest(
            sdk_app_id=self.sdk_app_id_edit.text(),
            offi_account_id=self.offi_account_edit.text(),
            open_id=self.open_id_edit.text(),
            call_times=self.call_times_spin.value(),
            custom_channel=self.channel_edit.text(),
        ).validated()

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
        self._set_busy(True)

        def work() -> tuple[QrResult, PreparedCode]:
            from app.core.layout import prepare_code  # on the worker, with the first code

            result = workspace.service(profile_name).generate_qr(request)
            assert result.image is not None
            return result, prepare_code(result.image)

        self._tasks.run(work, self._on_generated, self._on_failed)

    def _on_generated(self, value: tuple[QrResult, PreparedCode]) -> None:
        result, prepared = value
        self._set_busy(False)
        self._result, self._prepared = result, prepared
        assert result.image is not None
        from PySide6.QtGui import QImage

        image = QImage.fromData(result.image.data)
        self.image_view.set_image(image, crisp=prepared.classic)
        self.url_field.setText(result.qr_code_url)
        self.url_field.setCursorPosition(0)
        self._set_result_actions(True)
        kind = self.tr("classic QR code") if prepared.classic else self.tr("WeChat code")
        self.message.show_message(
            "ok",
            self.tr("Recall code for {open_id} ready: {w}×{h} px {fmt}, {kind}.").format(
                open_id=result.request.open_id,
                w=result.image.width,
                h=result.image.height,
                fmt=result.image.format,
                kind=kind,
            ),
        )
        self.generated.emit(result)

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        summary, detail = describe(error)
        self.message.show_message("error", summary, detail)
        self.failed.emit(error)

    # -- actions on the result -----------------------------------------------------------------
    def result(self) -> QrResult | None:
        return self._result

    def copy_url(self) -> None:
        if self._result:
            QGuiApplication.clipboard().setText(self._result.qr_code_url)
            self.message.show_message("ok", self.tr("URL copied."))

    def copy_image(self) -> None:
        if not self.image_view.image().isNull():
            QGuiApplication.clipboard().setImage(self.image_view.image())
            self.message.show_message("ok", self.tr("Image copied."))

    def _request_send(self) -> None:
        if self._result:
            self.send_message_requested.emit(self._result.request.open_id)

    def _default_name(self, suffix: str) -> str:
        open_id = self._result.request.open_id if self._result else "code"
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in open_id)[:60]
        folder = self._state.get("qr/last_dir") or str(Path.home())
        return str(Path(folder) / f"recall-{safe}.{suffix}")

    @classmethod
    def ask_save_path(cls, parent: QWidget, default: str, filters: str) -> str:
        """The file dialog; tests replace this classmethod."""
        from PySide6.QtWidgets import QFileDialog

        title = QCoreApplication.translate("QrPage", "Save")
        path, _ = QFileDialog.getSaveFileName(parent, title, default, filters)
        return path

    def save_dialog(self) -> None:
        if not self._result or not self._result.image:
            return
        ext = self._result.image.extension
        filters = self.tr("Original image (*.{ext});;PNG image (*.png);;JPEG image (*.jpg)").format(
            ext=ext
        )
        path = self.ask_save_path(self, self._default_name(ext), filters)
        if path:
            self.save_image(path)

    def save_image(self, path: str) -> None:
        """Write the image (original bytes when the extension matches) off the GUI thread."""
        if not self._result or not self._result.image:
            return
        image = self._result.image
        target = Path(path)
        self._state.set("qr/last_dir", str(target.parent))

        def work() -> str:
            suffix = target.suffix.lower().lstrip(".")
            wanted = {"jpeg": "jpg"}.get(suffix, suffix)
            if wanted == image.extension or not wanted:
                data = image.data
            else:
                data = _convert(image.data, "JPEG" if wanted == "jpg" else "PNG")
            atomic_write(target, data)
            return str(target)

        self._tasks.run(work, self._on_saved, self._on_save_failed)

    def _on_saved(self, path: str) -> None:
        self.message.show_message("ok", self.tr("Saved to {path}").format(path=path))
        self.saved.emit(path)

    def _on_save_failed(self, error: BaseException) -> None:
        summary, detail = describe(error)
        self.message.show_message("error", summary, detail)

    def print_options(self) -> PrintOptions:
        from app.ui.printing import PrintOptions

        captions = tuple(
            t for t in (self.caption_edit.text().strip(), self.label_edit.text().strip()) if t
        )
        return PrintOptions(self.size_spin.value(), captions, self.quiet_check.isChecked())

    def paint(self, printer: QPrinter) -> None:
        from app.ui.printing import paint_single

        if self._prepared is not None:
            paint_single(printer, self._prepared, self.print_options())

    def print_preview(self) -> None:
        if self._prepared is None:
            return
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from app.ui.printing import make_printer

        printer = make_printer()
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
        if self._prepared is None:
            return
        path = self.ask_save_path(self, self._default_name("pdf"), self.tr("PDF (*.pdf)"))
        if path:
            self.export_pdf(path)

    def export_pdf(self, path: str) -> None:
        """Write the code into a PDF at its physical size, off the GUI thread."""
        if self._prepared is None:
            return
        from app.ui.printing import write_single_pdf

        code, options = self._prepared, self.print_options()
        self._tasks.run(
            lambda: write_single_pdf(path, code, options),
            lambda _none: self._on_saved(path),
            self._on_save_failed,
        )


def _convert(data: bytes, fmt: str) -> bytes:
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        out = io.BytesIO()
        img.convert("RGB").save(out, format=fmt, quality=95)
        return out.getvalue()
