"""The Batch page's table: the imported rows, each with its problem or how its run ended."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.core.batch import RowResult
from app.core.manifest import FAILED, OK
from app.core.table_import import BatchRow
from app.ui.errors import ui_language
from app.ui.widgets import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
STATUS_COLUMN = 5
_RED, _GREEN = QColor("#b91c1c"), QColor("#166534")


class RowsModel(QAbstractTableModel):
    """Rows and, per row, the result of the latest run that included it (None: not yet)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BatchRow] = []
        self.results: list[RowResult | None] = []
        self._index: dict[str, int] = {}

    def set_rows(self, rows: list[BatchRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.results = [None] * len(rows)
        self._index = {row.key: i for i, row in enumerate(rows)}
        self.endResetModel()

    def clear_results(self, rows: list[BatchRow]) -> None:
        """Forget the results of ``rows`` (a run that includes them starts clean)."""
        for row in rows:
            i = self._index.get(row.key)
            if i is not None:
                self.results[i] = None
        if self.rows:
            self._changed(0, len(self.rows) - 1)

    def set_result(self, result: RowResult) -> None:
        i = self._index.get(result.row.key)
        if i is not None:
            self.results[i] = result
            self._changed(i, i)

    def rows_with(self, status: str) -> list[BatchRow]:
        """The rows whose latest result has ``status`` (e.g. failed, to retry them)."""
        return [
            row
            for row, result in zip(self.rows, self.results, strict=True)
            if result is not None and result.status == status
        ]

    def status_text(self, i: int) -> str:
        """What the status column says for row ``i``, in full."""
        row, result = self.rows[i], self.results[i]
        lang = ui_language()
        if row.problem:
            return self.tr("Not sent: {problem}").format(problem=row.problem_text(lang))
        if result is None:
            return ""
        if result.status == OK:
            text = self.tr("✓ {file} (earlier run)") if result.earlier else self.tr("✓ {file}")
            return text.format(file=result.file)
        if result.status == FAILED:
            return self.tr("✗ Failed: {error}").format(error=result.error_text(lang))
        return self.tr("Not sent: {reason}").format(reason=result.error_text(lang))

    def _changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, STATUS_COLUMN))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Line"),
                self.tr("openId"),
                self.tr("Channel"),
                self.tr("Calls"),
                self.tr("Name on the label"),
                self.tr("Problem / status"),
            )[section]
        return None

    def _calls(self, row: BatchRow) -> Any:
        if row.problem == "import.bad_call_times":
            return row.call_times_text  # what the cell said: never "unlimited"
        return self.tr("unlimited") if row.call_times == -1 else row.call_times

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i, column = index.row(), index.column()
        row = self.rows[i]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == STATUS_COLUMN:
                return self.status_text(i)
            return (row.line, row.open_id, row.channel, self._calls(row), row.caption)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.status_text(i) if column == STATUS_COLUMN else str(self.data(index))
            return plain_tooltip(text) or None  # from the file or the server: plain text
        if role == Qt.ItemDataRole.ForegroundRole:
            bad_calls = column == 3 and row.problem == "import.bad_call_times"
            if (column == STATUS_COLUMN and row.problem) or bad_calls:
                return _RED
            result = self.results[i]
            if column == STATUS_COLUMN and result is not None:
                return _GREEN if result.status == OK else _RED
        return None
