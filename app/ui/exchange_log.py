"""This session's HTTP exchanges, kept from the first request whether or not the inspector is open.

The request inspector dock is built only when the user opens it; the log is what it shows.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.ui.tasks import on_gui_thread

if TYPE_CHECKING:
    from app.core.http import Exchange

MAX_EXCHANGES = 500


class ExchangeLog(QObject):
    """Call :meth:`record` from any thread; ``added`` fires on the log's (GUI) thread.

    Signals: added(Exchange) after the exchange is stored.
    """

    added = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exchanges: deque[Exchange] = deque(maxlen=MAX_EXCHANGES)
        # Workers only call; the GUI thread stores.
        self.record: Callable[[Exchange], None] = on_gui_thread(self._store)

    def _store(self, exchange: Exchange) -> None:
        self._exchanges.append(exchange)
        self.added.emit(exchange)

    def exchanges(self) -> list[Exchange]:
        """Oldest first."""
        return list(self._exchanges)

    def clear(self) -> None:
        self._exchanges.clear()
