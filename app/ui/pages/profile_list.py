"""The Settings page's left column: the profile list and its buttons (new, duplicate, delete,
import, export). The page owns what the buttons do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.profiles import Profile


class ProfileListPanel(QWidget):
    """The profiles by name, each marked unsaved, built-in sandbox or production."""

    def __init__(self) -> None:
        super().__init__()
        self.profile_list = QListWidget()
        self.profile_list.setObjectName("settingsProfileList")
        self.profile_list.setAccessibleName(self.tr("Profiles"))

        def button(text: str, name: str, tip: str = "") -> QPushButton:
            made = QPushButton(text)
            made.setObjectName(name)
            made.setToolTip(tip)
            return made

        self.new_button = button(self.tr("New"), "settingsNewButton")
        self.duplicate_button = button(self.tr("Duplicate"), "settingsDuplicateButton")
        self.delete_button = button(self.tr("Delete…"), "settingsDeleteButton")
        self.import_button = button(
            self.tr("Import…"),
            "settingsImportButton",
            self.tr("Add the profiles of a file a colleague exported"),
        )
        self.export_button = button(
            self.tr("Export…"),
            "settingsExportButton",
            self.tr("Save every profile to a file to share, without the secrets"),
        )
        list_buttons = QHBoxLayout()
        for made in (self.new_button, self.duplicate_button, self.delete_button):
            list_buttons.addWidget(made)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.import_button)
        file_buttons.addWidget(self.export_button)
        self.column = QVBoxLayout(self)
        self.column.addWidget(QLabel(self.tr("Profiles")))
        self.column.addWidget(self.profile_list, 1)
        self.column.addLayout(list_buttons)
        self.column.addLayout(file_buttons)

    def fill(self, profiles: list[Profile], draft: str | None, current: str) -> None:
        """List ``profiles`` (``draft`` names the unsaved one), selecting ``current``, silently."""
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        for profile in profiles:
            name = profile.name
            label = name
            if name == draft:
                label = self.tr("{name} (not saved)").format(name=name)
            elif profile.demo:
                label = self.tr("{name} (built-in sandbox)").format(name=name)
            elif profile.production:
                label = self.tr("{name} (production)").format(name=name)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.profile_list.addItem(item)
            if name == current:
                self.profile_list.setCurrentItem(item)
        self.profile_list.blockSignals(False)
