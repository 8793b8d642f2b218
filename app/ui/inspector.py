"""The request inspector: this session's HTTP exchanges, with the token masked until revealed.

Exchanges come from the window's :class:`ExchangeLog`; the dock is built when first opened.
The secret is never in an exchange (only the token derived from it); the token is shown as dots
until the user reveals it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.curl import curl_command
from app.core.http import Exchange
from app.ui.errors import describe, fill
from app.ui.exchange_log import MAX_EXCHANGES, ExchangeLog

MASK = "••••••••"
SECRET_HEADERS = ("token",)


def _pretty(body: bytes, limit: int = 6000) -> str:
    text = body[:limit].decode("utf-8", errors="replace")
    try:
        text = json.dumps(json.loads(text), ensure_ascii=False, indent=2)
    except (json.JSONDecodeError, ValueError):
        pass
    return text + ("\n…" if len(body) > limit else "")


class InspectorDock(QDockWidget):
    """Signals: copied(str): a curl command was put on the clipboard."""

    copied = Signal(str)

    def __init__(self, window: Any, log: ExchangeLog) -> None:
        super().__init__(QCoreApplication.translate("InspectorDock", "Request inspector"), window)
        self.setObjectName("inspectorDock")
        self._window = window
        self._log = log

        self.list = QTreeWidget()
        self.list.setObjectName("inspectorList")
        self.list.setAccessibleName(self.tr("HTTP exchanges"))
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [self.tr("Time"), self.tr("Method"), self.tr("Status"), self.tr("ms"), self.tr("URL")]
        )
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.list.currentItemChanged.connect(self._show)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("inspectorDetail")
        self.detail.setReadOnly(True)
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("inspectorThumbnail")
        self.thumbnail.hide()
        self.reveal_check = QCheckBox(self.tr("Show the token"))
        self.reveal_check.setObjectName("inspectorRevealCheck")
        self.reveal_check.toggled.connect(lambda _on: self._show())
        self.curl_button = QPushButton(self.tr("Copy as curl"))
        self.curl_button.setObjectName("inspectorCurlButton")
        self.curl_button.setToolTip(
            self.tr(
                "Signed calls are signed afresh when copied: the command works once, within the "
                "server's time window."
            )
        )
        self.curl_button.clicked.connect(self.copy_curl)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reveal_check)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.curl_button)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.thumbnail)
        bottom_layout.addWidget(self.detail, 1)
        bottom_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(bottom)
        self.setWidget(splitter)
        self.curl_button.setEnabled(False)
        for exchange in log.exchanges():
            self._add(exchange)
        log.added.connect(self._add)

    def exchanges(self) -> list[Exchange]:
        return self._log.exchanges()

    def _add(self, exchange: Exchange) -> None:
        if self.list.topLevelItemCount() >= MAX_EXCHANGES:
            self.list.takeTopLevelItem(self.list.topLevelItemCount() - 1)
        when = dt.datetime.fromtimestamp(exchange.started).strftime("%H:%M:%S")
        status = str(exchange.status) if exchange.status is not None else (exchange.error or "—")
        item = QTreeWidgetItem(
            [when, exchange.method, status, f"{exchange.duration * 1000:.0f}", exchange.url]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, id(exchange))
        self.list.insertTopLevelItem(0, item)

    def clear(self) -> None:
        self._log.clear()
        self.list.clear()
        self.detail.clear()
        self.thumbnail.hide()

    def selected(self) -> Exchange | None:
        item = self.list.currentItem()
        if item is None:
            return None
        key = item.data(0, Qt.ItemDataRole.UserRole)
        return next((e for e in self._log.exchanges() if id(e) == key), None)

    def select_latest(self) -> None:
        item = self.list.topLevelItem(0)
        if item is not None:
            self.list.setCurrentItem(item)

    def _headers(self, headers: dict[str, str]) -> str:
        reveal = self.reveal_check.isChecked()
        return "\n".join(
            f"{k}: {v if reveal or k.lower() not in SECRET_HEADERS else MASK}"
            for k, v in headers.items()
        )

    def _show(self, *_: object) -> None:
        exchange = self.selected()
        self.curl_button.setEnabled(exchange is not None)
        if exchange is None:
            self.detail.clear()
            self.thumbnail.hide()
            return
        content_type = exchange.response_headers.get("content-type", "")
        is_image = content_type.startswith("image/")
        if is_image:
            image = QImage.fromData(exchange.response_body)
            self.thumbnail.setPixmap(
                QPixmap.fromImage(image).scaled(96, 96, Qt.AspectRatioMode.KeepAspectRatio)
            )
        self.thumbnail.setVisible(is_image)
        parts = [
            f"{exchange.method} {exchange.url}",
            self._headers(exchange.request_headers),
            "",
            _pretty(exchange.request_body) if exchange.request_body else self.tr("(no body)"),
            "",
            "———",
            self.tr("Status: {status} in {ms:.0f} ms").format(
                status=exchange.status if exchange.status is not None else exchange.error,
                ms=exchange.duration * 1000,
            ),
            self._headers(exchange.response_headers),
            "",
            fill(self.tr("(image, {size:size})"), size=len(exchange.response_body))
            if is_image
            else _pretty(exchange.response_body),
        ]
        self.detail.setPlainText("\n".join(parts))

    def curl_for(self, exchange: Exchange) -> str:
        """The curl command; a signed call is signed afresh with its profile's credentials."""
        fresh = None
        if exchange.signed and exchange.profile:
            service = self._window.workspace.service(exchange.profile)
            fresh = service.udesk.fresh_auth()
        return curl_command(exchange, fresh)

    def copy_curl(self) -> None:
        """Build the command off the GUI thread (re-signing may touch the keyring)."""
        exchange = self.selected()
        if exchange is None:
            return

        def done(command: str) -> None:
            QGuiApplication.clipboard().setText(command)
            self.copied.emit(command)

        self._window.tasks.run(lambda: self.curl_for(exchange), done, self._copy_failed)

    def _copy_failed(self, error: BaseException) -> None:
        self.detail.setPlainText(describe(error)[0])
