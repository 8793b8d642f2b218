"""Profiles: create, rename, duplicate, delete, edit every field, store the secret, test; the
list, the form, the language box and sharing (export/import) are their own modules."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import BadInput
from app.core.profiles import Profile, set_aside_unreadable
from app.core.workspace import Workspace
from app.ui import dialogs
from app.ui.config_problem import ask_to_replace
from app.ui.errors import describe, say
from app.ui.page_context import PageContext
from app.ui.pages.connection_test import ConnectionTest
from app.ui.pages.language_box import LanguageBox
from app.ui.pages.profile_form import ProfileForm
from app.ui.pages.profile_list import ProfileListPanel
from app.ui.pages.profile_share import ProfileSharing
from app.ui.widgets import InlineMessage


class SettingsPage(QWidget):
    """Edit profiles. Writes (config file, keyring) and connection tests run off the GUI thread.

    Signals:
        profiles_changed(str): the profile list changed; the name to select ("" keeps the
            switcher's choice).
        saved(str): a profile was saved (its name).
        restart_requested(): the user wants a restart in the newly chosen language.
    """

    profiles_changed = Signal(str)
    saved = Signal(str)
    restart_requested = Signal()

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("settingsPage")
        self._context = context
        self._tasks = context.tasks
        self._editing: str | None = None
        self._draft: Profile | None = None  # a new profile, listed until saved or discarded
        self._snapshot: tuple[object, ...] = ()
        self._secret_source = "none"

        self.list_panel = ProfileListPanel()
        # The list and its buttons, as the page's own (tests and callers reach them here).
        self.profile_list = self.list_panel.profile_list
        self.new_button = self.list_panel.new_button
        self.duplicate_button = self.list_panel.duplicate_button
        self.delete_button = self.list_panel.delete_button
        self.import_button = self.list_panel.import_button
        self.export_button = self.list_panel.export_button
        self.profile_list.currentItemChanged.connect(self._on_select)
        self.new_button.clicked.connect(self.new_profile)
        self.duplicate_button.clicked.connect(self.duplicate_profile)
        self.delete_button.clicked.connect(self.delete_profile)

        self.form = ProfileForm()
        self.form.reveal_button.toggled.connect(self._reveal)
        # The fields, as the page's own (tests and callers reach them here).
        self.name_edit = self.form.name_edit
        self.qr_api_url_edit = self.form.qr_api_url_edit
        self.app_id_edit = self.form.app_id_edit
        self.secret_edit = self.form.secret_edit
        self.reveal_button = self.form.reveal_button
        self.secret_note = self.form.secret_note
        self.middleware_url_edit = self.form.middleware_url_edit
        self.sdk_app_id_edit = self.form.sdk_app_id_edit
        self.offi_account_edit = self.form.offi_account_edit
        self.timestamp_name_combo = self.form.timestamp_name_combo
        self.production_check = self.form.production_check

        self.language_box = LanguageBox(context.state)
        self.language_box.restart_requested.connect(self.restart_requested)
        self.language_combo = self.language_box.language_combo
        self.language_note = self.language_box.language_note
        self.restart_button = self.language_box.restart_button

        self.message = InlineMessage()
        self.message.setObjectName("settingsMessage")
        self.sharing = ProfileSharing(self, context, self.message, self.confirm_leave)
        self.sharing.imported.connect(self._on_imported)
        self.import_button.clicked.connect(self.sharing.import_dialog)
        self.export_button.clicked.connect(self.sharing.export_dialog)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("settingsSaveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("settingsTestButton")
        self.test_button.setToolTip(
            self.tr("Call the QR API and the template list with these values")
        )
        self.test_button.clicked.connect(self.test_connection)
        self.connection_test = ConnectionTest(self._tasks, self.message, self.test_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)

        # The fields scroll; the message and the buttons stay in view below them.
        self.form_widget = QWidget()
        right = QVBoxLayout(self.form_widget)
        right.setContentsMargins(0, 0, 0, 0)
        self.form_scroll = QScrollArea()
        self.form_scroll.setObjectName("settingsFormScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(self.form)
        right.addWidget(self.form_scroll, 1)
        right.addWidget(self.message)
        right.addLayout(buttons)

        root = QHBoxLayout(self)
        self.list_panel.column.addWidget(self.language_box)
        self.list_panel.setFixedWidth(max(240, self.list_panel.sizeHint().width()))
        self.list_panel.column.setContentsMargins(0, 0, 0, 0)  # after sizing: the width counts them
        root.addWidget(self.list_panel)
        root.addWidget(self.form_widget, 1)
        self.reload()

    def show_problem(self, text: str) -> None:
        """Show a problem found outside the form (an unreadable config file)."""
        self.message.show_message("error", text)

    @property
    def workspace(self) -> Workspace:
        return self._context.workspace

    # -- unsaved edits ---------------------------------------------------------------------------
    def has_unsaved_edits(self) -> bool:
        """A new profile not saved yet, or fields changed since the profile was loaded."""
        if self._editing is None:
            return False
        return (
            self._draft is not None
            or self.form.secret_dirty
            or (self.form.values() != self._snapshot)
        )

    def confirm_leave(self) -> bool:
        """True when nothing would be lost, or the user agreed to discard the edits."""
        if not self.has_unsaved_edits():
            return True
        return dialogs.ask_confirm(
            self,
            self.tr("Discard changes?"),
            self.tr("The changes to profile “{name}” are not saved. Discard them?").format(
                name=self._editing
            ),
        )

    # -- list ------------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self._fill_list(select)
        if self.profile_list.currentItem() is None and self.profile_list.count():
            self.profile_list.setCurrentRow(0)
        else:
            self._load_item(self.profile_list.currentItem())

    def profile_arrived(self) -> None:
        """A profile came from outside the page (the demo sandbox is up): list it; a form with
        unsaved edits stays as it is."""
        if self.has_unsaved_edits():
            self._fill_list(None)
        else:
            self.reload()

    def _fill_list(self, select: str | None) -> None:
        names = self.workspace.profile_names()
        if self._draft is not None and self._draft.name not in names:
            names = [self._draft.name, *names]
        self.list_panel.fill(
            [self._profile(name) for name in names],
            self._draft.name if self._draft is not None else None,
            select or (self._editing or ""),
        )

    def _profile(self, name: str) -> Profile:
        if self._draft is not None and name == self._draft.name:
            return self._draft
        return self.workspace.profile(name)

    def _on_select(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is not None and previous is not None and not self.confirm_leave():
            self.profile_list.blockSignals(True)
            self.profile_list.setCurrentItem(previous)
            self.profile_list.blockSignals(False)
            return
        if item is not None and self._draft is not None:
            name = item.data(Qt.ItemDataRole.UserRole)
            if name != self._draft.name:
                self._draft = None  # discarded: the list loses its entry
                self._editing = None
                self.reload(name)
                return
        self._load_item(item)

    def _load_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self._editing = None
            self.form_widget.setEnabled(False)
            return
        self.load(self._profile(item.data(Qt.ItemDataRole.UserRole)))

    def load(self, profile: Profile) -> None:
        self._editing = profile.name
        self.form_widget.setEnabled(True)
        self.form.load(profile)
        self._snapshot = self.form.values()
        self._secret_source = "unknown"  # until the keyring answers; only "none" is missing
        self.message.clear()
        read_only = profile.demo
        self.form.set_editable(not read_only)
        self.save_button.setEnabled(not read_only)
        self.delete_button.setEnabled(not read_only)
        if read_only:
            self.form.show_demo_secret()
            return
        self.secret_note.clear()
        if self._draft is not None and profile.name == self._draft.name:
            self._show_secret_source(profile.name, "none")
            return
        self.secret_edit.setPlaceholderText(self.tr("Checking…"))
        name = profile.name
        self._tasks.run(
            lambda: self.workspace.secret_source(name),
            lambda source: self._show_secret_source(name, source),
            lambda exc: self._show_secret_source(name, "none"),
        )

    def _show_secret_source(self, name: str, source: str) -> None:
        if name != self._editing:
            return
        self._secret_source = source
        self.form.show_secret_source(source, self.workspace.store.keyring_available)

    def _reveal(self, shown: bool) -> None:
        self.reveal_button.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.secret_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        if shown and not self.form.secret_dirty and self._editing and self._draft is None:
            name = self._editing
            profile = self.workspace.profile(name)

            def fill(secret: str) -> None:
                if (
                    self._editing == name
                    and self.reveal_button.isChecked()
                    and not self.form.secret_dirty
                ):
                    self.secret_edit.setText(secret)
                    self._snapshot = self.form.values()  # shown, not edited

            self._tasks.run(lambda: self.workspace.secret(profile), fill, lambda e: None)

    # -- form → profile --------------------------------------------------------------------------
    def profile_from_form(self) -> Profile:
        editing = self._editing or ""
        if self._draft is not None and editing == self._draft.name:
            base = self._draft
        elif editing in self.workspace.profile_names():
            base = self.workspace.profile(editing)
        else:
            base = Profile(self.name_edit.text().strip() or "new")
        return self.form.to_profile(base)

    def _missing_named(self) -> bool:
        """Name the required fields left empty, inline; True when there were some."""
        missing = self.form.missing(secret_stored=self._secret_source != "none")
        self.form.mark_missing(missing)
        if not missing:
            return False
        if missing == ["qr_api_url", "middleware_url"]:
            text = self.tr("Fill in the QR API URL, the simulation domain, or both.")
        else:
            text = self.tr("Fill in before saving: {fields}.").format(
                fields=self.tr(", ").join(self.form.label(field) for field in missing)
            )
        self.message.show_message("error", text)
        return True

    def save(self) -> None:
        try:
            profile = self.profile_from_form()
        except BadInput as exc:
            self.message.show_message("error", describe(exc)[0])
            return
        if self._missing_named():
            return
        old = self._editing if self._draft is None else None
        secret = self.secret_edit.text() if self.form.secret_dirty else None
        workspace = self.workspace
        unreadable = workspace.config.unreadable  # never written over without asking
        if unreadable is not None and not ask_to_replace(self, unreadable):
            self.message.show_message("warning", say("config.kept_unreadable", path=unreadable))
            return
        make_default = not workspace.config.default_profile and dialogs.ask_confirm(
            self,
            self.tr("Default profile"),
            self.tr(
                "Make “{name}” the default profile? The command line uses it when no "
                "--profile is given."
            ).format(name=profile.name),
        )
        was_active = old is not None and old == self._context.active_profile_name()
        self.save_button.setEnabled(False)

        def work() -> tuple[str, Path | None]:
            kept = set_aside_unreadable(workspace.config, datetime.now()) if unreadable else None
            workspace.put_profile(profile, old_name=old)
            where = workspace.set_secret(profile.name, secret) if secret else ""
            if make_default:
                workspace.config.default_profile = profile.name
            workspace.save()
            return where, kept

        def done(result: tuple[str, Path | None]) -> None:
            where, kept = result
            self.save_button.setEnabled(True)
            self._draft = None
            self._editing = profile.name
            self.reload(profile.name)
            text = self.tr("Profile “{name}” saved.").format(name=profile.name)
            if kept is not None:
                text += " " + self.tr("The unreadable config file is kept as {path}.").format(
                    path=kept
                )
            if where == "file":
                text += " " + self.tr("No keyring: the secret is in the config file (user-only).")
            self.message.show_message("ok" if where != "file" else "warning", text)
            # The switcher keeps its profile; only a renamed active one is followed.
            self.profiles_changed.emit(profile.name if was_active else "")
            self.saved.emit(profile.name)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            summary, detail = describe(exc)
            self.message.show_message("error", summary, detail)

        self._tasks.run(work, done, failed)

    def _on_imported(self, names: list[str]) -> None:
        self._draft = None
        self.reload(names[0] if names else None)
        self.profiles_changed.emit("")

    def _start_draft(self, profile: Profile, hint: str) -> None:
        if not self.confirm_leave():
            return
        self._draft = profile
        self._editing = None
        self.reload(profile.name)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        self.message.show_message("info", hint)

    def new_profile(self) -> None:
        self._start_draft(
            Profile(self.workspace.free_name("new")), self.tr("Fill in the fields, then Save.")
        )

    def duplicate_profile(self) -> None:
        if not self._editing:
            return
        source = self._profile(self._editing)
        name = self.workspace.free_name(f"{source.name}-copy" if not source.demo else "my-account")
        self._start_draft(
            replace(source, name=name, demo=False, production=False, secret=""),
            self.tr("Duplicated. Adjust the fields, then Save."),
        )

    def delete_profile(self) -> None:
        if not self._editing or self._profile(self._editing).demo:
            return
        name = self._editing
        if self._draft is not None and name == self._draft.name:
            self._draft = None
            self._editing = None
            self.reload()
            return
        if not dialogs.ask_confirm(
            self,
            self.tr("Delete profile"),
            self.tr("Delete profile “{name}” and its stored secret?").format(name=name),
        ):
            return
        workspace = self.workspace

        def work() -> None:
            workspace.remove_profile(name)
            workspace.save()

        def done(_: object) -> None:
            self._editing = None
            self.reload()
            self.profiles_changed.emit("")

        self._tasks.run(
            work, done, lambda exc: self.message.show_message("error", describe(exc)[0])
        )

    # -- test connection -------------------------------------------------------------------------
    def test_connection(self) -> None:
        try:
            profile = self.profile_from_form()
        except BadInput as exc:
            self.message.show_message("error", describe(exc)[0])
            return
        typed = self.secret_edit.text() if self.form.secret_dirty else None
        stored = self._profile(self._editing) if self._editing else profile
        unsaved = self._draft is stored  # a new profile's secret is only in the form
        workspace = self.workspace

        def secret() -> str:
            if typed is not None:
                return typed
            return stored.secret if unsaved else workspace.secret(stored)

        self.connection_test.start(profile, secret)
