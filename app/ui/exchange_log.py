"""This session's HTTP exchanges, kept from the first request whether or not the inspector is open.

The request inspector dock is built only when the user opens it; the log is what it shows.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from app.core.http import Exchange

MAX_EXCHANGES = 500


class ExchangeLog(QObject):
    """Call :meth:`record` from any thread; ``added`` fires on the log's (GUI) thread.

    Signals: added(Exchange) after the exchange is stored.
    """

    added = Signal(object)
    _recorded = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exchanges: deque[Exchange] = deque(maxlen=MAX_EXCHANGES)
        # Queued to this object's thread: workers only emit, the GUI thread stores.
        self._recorded.connect(self._store)

    def record(self, exchange: Exchange) -> None:
        self._recorded.emit(exchange)

    def _store(self, exchange: Exchange) -> None:
        self._exchanges.append(exchange)
        self.added.emit(exchange)

    def exchanges(self) -> list[Exchange]:
        """Oldest first."""
        return list(self._exchanges)

    def clear(self) -> None:
        self._exchanges.clear()
