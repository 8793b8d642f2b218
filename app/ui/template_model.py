"""A Qt model of the template list, with a proxy that filters as you type.

Each row carries one lower-cased "haystack" (title, id, industries, content) in a role of its own,
so QSortFilterProxyModel's C++ fixed-string filter does the work: thousands of rows stay instant.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.core.templates import Template

HAYSTACK_ROLE = Qt.ItemDataRole.UserRole + 1
TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class TemplateTableModel(QAbstractTableModel):
    COLUMNS = ("title", "fields", "industry", "template_id")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._templates: list[Template] = []
        self._haystacks: list[str] = []

    def set_templates(self, templates: list[Template]) -> None:
        self.beginResetModel()
        self._templates = list(templates)
        self._haystacks = [
            " ".join(
                (t.title, t.template_id, t.primary_industry, t.deputy_industry, t.content)
            ).lower()
            for t in self._templates
        ]
        self.endResetModel()

    def template(self, row: int) -> Template:
        return self._templates[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._templates)

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
        if not index.isValid():
            return None
        t = self._templates[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return ("⚠ " if t.problems else "") + (t.title or self.tr("(no title)"))
            if column == "fields":
                return len(t.fields)
            if column == "industry":
                return " / ".join(x for x in (t.primary_industry, t.deputy_industry) if x)
            return t.template_id
        if role == Qt.ItemDataRole.ToolTipRole and t.problems:
            return self.tr("This entry breaks the contract: {problems}").format(
                problems="; ".join(t.problems)
            )
        if role == HAYSTACK_ROLE:
            return self._haystacks[index.row()]
        if role == TEMPLATE_ROLE:
            return t
        return None


class TemplateFilterProxy(QSortFilterProxyModel):
    """Case-insensitive filter over the haystack role, sorted by title."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(HAYSTACK_ROLE)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)
