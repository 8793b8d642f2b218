"""The template list: filter, sort, select; knows nothing about sending."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.templates import Template
from app.ui.errors import fill
from app.ui.template_model import TEMPLATE_ROLE, TemplateTableModel
from app.ui.widgets import InlineMessage


class FilterEdit(QLineEdit):
    """A filter box that Esc clears (and a second Esc leaves to the window)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


class TemplateBrowser(QWidget):
    """The middleware's templates in a filterable, sortable table.

    Signals:
        selected(object): the chosen Template, or None when nothing is selected (also when the
            filter hides the selected template).
        refresh_requested(): the user asked to load the list again.
        enter_requested(): the user wants to enter a template the list does not have.
    """

    selected = Signal(object)
    refresh_requested = Signal()
    enter_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current: Template | None = None
        self.model = TemplateTableModel(self)
        self.filter_edit = FilterEdit()
        self.filter_edit.setObjectName("templateFilterEdit")
        self.filter_edit.setAccessibleName(self.tr("Filter templates"))
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by title, ID, industry or content (Ctrl+F, Esc clears)")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("templateRefreshButton")
        self.refresh_button.setAccessibleName(self.tr("Refresh the template list"))
        self.refresh_button.setToolTip(self.tr("Load the template list again (F5)"))
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.enter_button = QPushButton(self.tr("Enter by hand…"))
        self.enter_button.setObjectName("templateEnterButton")
        self.enter_button.setToolTip(
            self.tr("Add a template the list does not have: its ID and keys")
        )
        self.enter_button.clicked.connect(self.enter_requested)
        self.list_view = QTableView()
        self.list_view.setObjectName("templateList")
        self.list_view.setAccessibleName(self.tr("Templates"))
        self.list_view.setModel(self.model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # The title keeps the most room: ~8 Chinese characters at the 340 px minimum.
        header.resizeSection(1, 48)
        header.resizeSection(2, 80)
        header.resizeSection(3, 92)
        self.list_view.setMinimumWidth(340)
        self.list_view.selectionModel().selectionChanged.connect(self._on_selection)
        self.message = InlineMessage()
        self.message.setObjectName("templateListMessage")
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.enter_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.count_label)
        self._update_count()

    # -- contents --------------------------------------------------------------------------------
    def set_templates(self, templates: list[Template]) -> None:
        """Show ``templates``; the selected one stays selected when it is still listed."""
        previous = self._current.template_id if self._current else ""
        self.model.set_templates(templates)
        self._update_count()
        if not (previous and self.select_template(previous)):
            self._set_current(None)
            if self.model.rowCount():
                self.list_view.selectRow(0)

    def templates(self) -> list[Template]:
        return [self.model.template(row) for row in range(self.model.rowCount())]

    def current(self) -> Template | None:
        return self._current

    def select_template(self, template_id: str) -> bool:
        """Select a template by id if it is listed and passes the filter."""
        row = self.model.row_of(template_id)
        if row < 0:
            return False
        self.list_view.selectRow(row)
        return True

    def set_busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    # -- filter and selection --------------------------------------------------------------------
    def _apply_filter(self, text: str) -> None:
        current = self._current
        self.model.set_filter(text)
        # Keep the selection when the template is still listed; a hidden one is not sendable.
        if current is None or not self.select_template(current.template_id):
            self._set_current(None)
        self._update_count()

    def _on_selection(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        template = indexes[0].data(TEMPLATE_ROLE) if indexes else None
        if template is not None and template is not self._current:
            self._set_current(template)

    def _set_current(self, template: Template | None) -> None:
        if template is None and self._current is None:
            return
        self._current = template
        if template is None:
            self.list_view.clearSelection()
        self.selected.emit(template)

    def _update_count(self) -> None:
        self.count_label.setText(
            fill(
                self.tr("{shown} of {total:template/templates}"),
                shown=self.model.rowCount(),
                total=self.model.total,
            )
        )
