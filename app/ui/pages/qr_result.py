"""The QR page's result side: message, the label preview, the print note, URL and actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.code_preview import GUARD_NOTE_COLOURS, CodePreview
from app.ui.errors import say
from app.ui.pages.qr_form import _named
from app.ui.widgets import InlineMessage

if TYPE_CHECKING:
    from app.core.guard import Verdict
    from app.ui.printing import CodeLabel


class QrResultPanel(QWidget):
    """The widgets showing a code and acting on it; the page wires them to its methods."""

    def __init__(self) -> None:
        super().__init__()
        self.message = InlineMessage(into_view=True)  # under the form on a narrow page
        self.message.setObjectName("qrMessage")
        self.image_view = CodePreview()
        _named(self.image_view, "qrImageView", self.tr("Recall QR code"))
        self.image_view.set_placeholder(
            self.tr("Fill in the customer's openId and press Generate (Ctrl+G).")
        )
        self.print_note = QLabel()
        self.print_note.setObjectName("qrPrintNote")
        self.print_note.setWordWrap(True)
        self.allow_small_check = QCheckBox(
            self.tr("Print it anyway: I know this code is smaller than it should be")
        )
        self.allow_small_check.setObjectName("qrAllowSmallCheck")
        self.allow_small_check.hide()
        self.url_field = QLineEdit()
        _named(self.url_field, "qrUrlField", self.tr("qrCodeUrl"))
        self.url_field.setReadOnly(True)
        self.url_field.setPlaceholderText("qrCodeUrl")
        self.copy_url_button = QPushButton(self.tr("Copy URL"))
        self.copy_url_button.setObjectName("qrCopyUrlButton")
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_field, 1)
        url_row.addWidget(self.copy_url_button)

        self.save_button = QPushButton(self.tr("Save…"))
        _named(self.save_button, "qrSaveButton", self.tr("Save image"))
        self.save_button.setToolTip(self.tr("Save the image as PNG or JPEG (Ctrl+S)"))
        self.copy_image_button = QPushButton(self.tr("Copy image"))
        self.copy_image_button.setObjectName("qrCopyImageButton")
        self.print_button = QPushButton(self.tr("Print…"))
        _named(self.print_button, "qrPrintButton", self.tr("Print"))
        self.print_button.setToolTip(self.tr("Print with a preview (Ctrl+P)"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("qrPdfButton")
        self.pdf_button.setToolTip(self.tr("Export a PDF at the label's exact size (Ctrl+Shift+E)"))
        self.send_button = QPushButton(self.tr("Send recall message…"))
        self.send_button.setObjectName("qrSendMessageButton")
        self.send_button.setToolTip(self.tr("Open Templates with this openId as the recipient"))
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

        right = QVBoxLayout(self)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.message)
        right.addWidget(self.image_view, 1)
        right.addWidget(self.print_note)
        right.addWidget(self.allow_small_check)
        right.addLayout(url_row)
        right.addLayout(actions)
        right.addLayout(follow_up)

    def set_actions_enabled(self, enabled: bool) -> None:
        """Every action on the code: save, copy, print, PDF, send."""
        for widget in (
            self.save_button,
            self.copy_image_button,
            self.print_button,
            self.pdf_button,
            self.copy_url_button,
            self.send_button,
        ):
            widget.setEnabled(enabled)

    def show_label(self, job: CodeLabel | None, verdict: Verdict | None) -> None:
        """Draw the job's label and say what will print: sizes, then the guard's findings."""
        if job is None or verdict is None:
            self.image_view.set_label(None, None, classic=True)
            self.print_note.clear()
            return
        from PySide6.QtCore import Qt  # here: the Qt namespace costs start-up ~40 ms

        from app.ui.label_painter import code_image

        self.image_view.set_label(job.plan, code_image(job.code), classic=job.code.classic)
        stock, plan = job.stock, job.plan
        lines = [
            self.tr("{stock}: label {w}×{h} mm, code {code} mm + quiet zone.").format(
                stock=stock.name, w=f"{stock.label_w:g}", h=f"{stock.label_h:g}",
                code=f"{plan.code_mm:g}",
            )
        ]  # fmt: skip
        if verdict.module_mm is not None and verdict.dots_per_module is not None:
            lines[0] += " " + self.tr("Module {mm} mm ({dots} dots at {dpi} dpi).").format(
                mm=f"{verdict.module_mm:.2f}", dots=f"{verdict.dots_per_module:.1f}",
                dpi=verdict.dpi,
            )  # fmt: skip
        if plan.geometry.text_cut:
            lines.append(
                self.tr(
                    "A text does not fit the label and is cut (…): shorten it or use a "
                    "larger stock."
                )
            )
        lines += [say(finding.key, **finding.params) for finding in verdict.findings]
        self.print_note.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the captions
        self.print_note.setText("\n".join(lines))
        self.print_note.setStyleSheet(f"color: {GUARD_NOTE_COLOURS[verdict.level]};")
