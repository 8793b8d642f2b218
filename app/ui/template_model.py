"""A Qt model of the template list that filters and sorts itself.

Filtering is one list comprehension over a precomputed lower-cased "haystack" per template
(title, id, industries, content) and sorting is one keyed sort; the view then asks ``data()``
only for the rows on screen. (A QSortFilterProxyModel calls back into Python for every row on
every keystroke: with 5,000 templates that was 60–600 ms a keystroke.)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.core.messages import problems_text
from app.core.templates import Template
from app.ui.errors import ui_language
from app.ui.widgets import plain_tooltip

TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 2
# data() runs for every role of every visible cell on each repaint: plain ints compare faster
# than the enum members.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_TEMPLATE = int(TEMPLATE_ROLE)

Index = QModelIndex | QPersistentModelIndex


class TemplateTableModel(QAbstractTableModel):
    """All templates, the visible (filtered, sorted) subset, and the columns to show."""

    COLUMNS = ("title", "fields", "industry", "template_id")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._templates: list[Template] = []
        self._haystacks: list[str] = []
        self._cells: list[tuple[str, int, str, str]] = []  # display values, one tuple a row
        self._order: list[int] = []  # all rows in the current sort order
        self._visible: list[int] = []  # the rows that pass the filter, in that order
        self._needle = ""
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- contents --------------------------------------------------------------------------------
    def set_templates(self, templates: list[Template]) -> None:
        self.beginResetModel()
        self._templates = list(templates)
        self._haystacks = [
            " ".join(
                (t.title, t.template_id, t.primary_industry, t.deputy_industry, t.content)
            ).lower()
            for t in self._templates
        ]
        no_title = self.tr("(no title)")
        self._cells = [
            (
                ("⚠ " if t.problems else "✎ " if t.by_hand else "") + (t.title or no_title),
                len(t.fields),
                " / ".join(x for x in (t.primary_industry, t.deputy_industry) if x),
                t.template_id,
            )
            for t in self._templates
        ]
        self._order = self._sorted(range(len(self._templates)))
        self._visible = self._filtered()
        self.endResetModel()

    @property
    def total(self) -> int:
        return len(self._templates)

    def template(self, row: int) -> Template:
        return self._templates[self._visible[row]]

    def row_of(self, template_id: str) -> int:
        """The visible row showing ``template_id``, or -1."""
        templates = self._templates
        return next(
            (row for row, i in enumerate(self._visible) if templates[i].template_id == template_id),
            -1,
        )

    def set_filter(self, text: str) -> None:
        needle = text.strip().lower()
        if needle == self._needle:
            return
        self.beginResetModel()
        self._needle = needle
        self._visible = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[int]:
        if not self._needle:
            return list(self._order)
        haystacks, needle = self._haystacks, self._needle
        return [i for i in self._order if needle in haystacks[i]]

    def _key(self, row: int) -> Any:
        t = self._templates[row]
        column = self.COLUMNS[self._sort_column]
        if column == "fields":
            return len(t.fields)
        if column == "industry":
            return (t.primary_industry, t.deputy_industry)
        if column == "template_id":
            return t.template_id
        return t.title.casefold()

    def _sorted(self, rows: range | list[int]) -> list[int]:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(rows, key=self._key, reverse=descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort_column, self._sort_order = column, order
        self._order = self._sorted(self._order)
        self._visible = self._filtered()
        self.layoutChanged.emit()

    # -- the Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Title"), self.tr("Fields"), self.tr("Industry"), self.tr("Template ID"))[
            section
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if row < 0:  # an invalid index
            return None
        if role == _DISPLAY:
            return self._cells[self._visible[row]][index.column()]
        if role == _TOOLTIP:
            problems = self._templates[self._visible[row]].problems
            if problems:
                return self.tr("This entry breaks the contract: {problems}").format(
                    problems=problems_text(problems, ui_language())
                )
            # The whole cell (a narrow column elides titles and ids), as the server sent it.
            return plain_tooltip(str(self._cells[self._visible[row]][index.column()]))
        if role == _TEMPLATE:
            return self._templates[self._visible[row]]
        return None
