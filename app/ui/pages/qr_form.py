"""The QR page's form: the request fields and the print options."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.limits import MAX_CODE_MM, MIN_CODE_MM
from app.ui.state import UiState
from app.ui.stock_combo import StockCombo
from app.ui.widgets import FormDoubleSpinBox, FormSpinBox

if TYPE_CHECKING:
    from app.core.layout import Rect
    from app.core.stocks import Stock
    from app.core.udesk import QrRequest

DEFAULT_QR_STOCK = "a4-1up"


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


# What earlier versions remembered as the caption when the user kept the default.
ENGLISH_DEFAULT_CAPTION = "Scan with WeChat to start a video call"


class QrForm(QWidget):
    """What a code is asked for (profile ids, openId, calls, channel) and how it prints."""

    def __init__(self) -> None:
        super().__init__()
        # -- the request ------------------------------------------------------------------
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
        self.call_times_spin = FormSpinBox()
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
        self.size_spin = FormDoubleSpinBox()
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
        self.stock_combo = StockCombo(DEFAULT_QR_STOCK)
        _named(self.stock_combo, "qrStockCombo", self.tr("Label stock"))
        self.start_cell_spin = FormSpinBox()
        _named(self.start_cell_spin, "qrStartCellSpin", self.tr("Start at label"))
        self.start_cell_spin.setToolTip(
            self.tr("On a partly used sheet: the first free label, counted row by row")
        )
        self.stock_combo.currentIndexChanged.connect(self._stock_chosen)
        self._stock_chosen()
        stock_row = QHBoxLayout()
        stock_row.addWidget(self.stock_combo, 1)
        stock_row.addWidget(self.start_cell_spin)
        print_form = self.print_form = QFormLayout()
        print_form.addRow(self.tr("Label stock"), stock_row)
        print_form.addRow(self.tr("Printed size"), self.size_spin)
        print_form.addRow(self.tr("Caption"), self.caption_edit)
        print_form.addRow(self.tr("Customer label"), self.label_edit)
        print_box = QGroupBox(self.tr("Printing"))
        print_box.setLayout(print_form)

        left = QVBoxLayout(self)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(request_box)
        left.addWidget(print_box)
        left.addStretch(1)

    # -- stocks ----------------------------------------------------------------------------------
    def choose_stock(self, name: str) -> None:
        self.stock_combo.choose_stock(name)

    def stock(self) -> Stock:
        return self.stock_combo.stock()

    def stock_outlines(self) -> tuple[str, float, float, list[Rect]]:
        """The page and label outlines the alignment page shows: the chosen stock's."""
        stock = self.stock()
        return stock.name, stock.page_w, stock.page_h, list(stock.cells())

    def request(self) -> QrRequest:
        """The request as typed, validated (BadInput names the field)."""
        from app.core.udesk import QrRequest  # with the first request, not at start-up

        return QrRequest(
            sdk_app_id=self.sdk_app_id_edit.text(),
            offi_account_id=self.offi_account_edit.text(),
            open_id=self.open_id_edit.text(),
            call_times=self.call_times_spin.value(),
            custom_channel=self.channel_edit.text(),
        ).validated()

    def restore_request(self, request: QrRequest) -> None:
        """Put a past request's fields back, as they were typed."""
        self.sdk_app_id_edit.setText(request.sdk_app_id)
        self.offi_account_edit.setText(request.offi_account_id)
        self.open_id_edit.setText(request.open_id)
        self.call_times_spin.setValue(request.call_times)
        self.channel_edit.setText(request.custom_channel)

    def _stock_chosen(self, _index: int = 0) -> None:
        cells = self.stock().per_page
        self.start_cell_spin.setRange(1, cells)
        self.start_cell_spin.setPrefix(self.tr("label "))
        self.start_cell_spin.setSuffix(f" / {cells}")
        self.start_cell_spin.setEnabled(cells > 1)

    def keep_in(self, state: UiState) -> None:
        """Restore the remembered values, then remember every change."""
        self.restore(state)
        for signal in (
            self.open_id_edit.textChanged,
            self.channel_edit.textChanged,
            self.caption_edit.textChanged,
            self.call_times_spin.valueChanged,
            self.size_spin.valueChanged,
            self.stock_combo.currentIndexChanged,
        ):
            signal.connect(lambda *_: self.remember(state))

    def default_caption(self) -> str:
        return self.tr("Scan with WeChat to start a video call")

    def restore(self, s: UiState) -> None:
        """Put the remembered values back (never the customer label: it belongs to one code)."""
        self.open_id_edit.setText(s.get("qr/open_id"))
        self.channel_edit.setText(s.get("qr/channel"))
        self.call_times_spin.setValue(s.get("qr/call_times"))
        self.size_spin.setValue(s.get("qr/size_mm"))
        caption = s.get("qr/caption")
        if caption == ENGLISH_DEFAULT_CAPTION:  # an earlier version remembered the default
            caption = ""
        self.caption_edit.setText(caption or self.default_caption())
        self.choose_stock(s.get("qr/stock"))

    def remember(self, s: UiState) -> None:
        s.set("qr/open_id", self.open_id_edit.text())
        s.set("qr/channel", self.channel_edit.text())
        s.set("qr/call_times", self.call_times_spin.value())
        s.set("qr/size_mm", self.size_spin.value())
        caption = self.caption_edit.text()
        # The default is remembered as "", so the next session shows it in its own language.
        s.set("qr/caption", "" if caption == self.default_caption() else caption)
        s.set("qr/stock", self.stock().name)
