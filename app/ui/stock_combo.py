"""A combo of label stocks: the built-in ones at once, the user's ``stocks.toml`` from a worker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from app.core.paths import config_path
from app.core.stocks import BUILTIN, CustomStocks, Stock, all_stocks
from app.ui.widgets import FittingCombo

if TYPE_CHECKING:
    from app.ui.tasks import TaskRunner


A4 = (210.0, 297.0)


def short_text(stock: Stock) -> str:
    """``Avery L7165 · 2×4 · 99.06×67.73 mm`` (the page only when it is not A4): what the
    closed combo has room for; :func:`whole_text` is its tooltip."""
    product = (stock.product or stock.name).split(" / ")[0]
    size = f"{stock.label_w:g}×{stock.label_h:g} mm"
    if stock.kind == "roll":
        return f"{product} — {size}"
    text = f"{product} · {stock.cols}×{stock.rows} · {size}"
    if (stock.page_w, stock.page_h) != A4:
        text += f" · {stock.page_w:g}×{stock.page_h:g} mm"
    return text


def whole_text(stock: Stock) -> str:
    return f"{stock.name}: {stock.product or stock.name} — {stock.describe_size()}"


class StockCombo(FittingCombo):
    """Every stock as "product · grid · size" (:func:`short_text`, the whole description in its
    tooltip); :meth:`stock` is the chosen one.

    Args:
        default: the stock chosen when nothing else is (a name of :data:`BUILTIN`).
    """

    def __init__(self, default: str) -> None:
        super().__init__()
        self._default = default
        self.set_stocks(BUILTIN)

    def set_stocks(self, stocks: Sequence[Stock]) -> None:
        """Offer these stocks, keeping the chosen one when it is still there."""
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        for stock in stocks:
            self.addItem(short_text(stock), stock)
            self.setItemData(self.count() - 1, whole_text(stock), Qt.ItemDataRole.ToolTipRole)
        self.blockSignals(False)
        self.choose_stock(chosen.name if chosen is not None else self._default)
        self.refit()

    def choose_stock(self, name: str) -> None:
        for index in range(self.count()):
            if self.itemData(index).name == name:
                self.setCurrentIndex(index)
                return

    def stock(self) -> Stock:
        stock = self.currentData()
        return stock if stock is not None else BUILTIN[0]

    def load_custom(self, tasks: TaskRunner, then_choose: str = "") -> None:
        """Add the user's saved stocks, read on a worker (disk); then choose ``then_choose``."""

        def loaded(stocks: list[Stock]) -> None:
            if stocks:
                self.set_stocks(all_stocks(stocks))
                if then_choose:
                    self.choose_stock(then_choose)

        tasks.run(_custom_stocks, loaded, lambda _exc: None)


def _custom_stocks() -> list[Stock]:
    return CustomStocks.beside(config_path()).load()
