"""Profiles: create, rename, duplicate, delete, edit every field, store the secret, test."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.auth_probe import probe_timestamp_names
from app.core.errors import BadInput, RecallError
from app.core.profiles import Profile, validate_profile_name
from app.core.service import Service
from app.core.udesk import QrRequest
from app.ui.auth_forms import timestamp_name_combo, timestamp_report
from app.ui.errors import describe
from app.ui.page_context import PageContext
from app.ui.widgets import InlineMessage

TEST_OPEN_ID = "recall-desk-connection-test"


class SettingsPage(QWidget):
    """Edit profiles. Writes (config file, keyring) and connection tests run off the GUI thread.

    Signals:
        profiles_changed(str): the profile list changed; the argument is the name to select.
        saved(str): a profile was saved (its name).
        tested(list): a connection test finished; a list of (check, ok, text).
    """

    profiles_changed = Signal(str)
    saved = Signal(str)
    tested = Signal(list)

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("settingsPage")
        self._context = context
        self._tasks = context.tasks
        self._editing: str | None = None
        self._secret_dirty = False

        self.profile_list = QListWidget()
        self.profile_list.setObjectName("settingsProfileList")
        self.profile_list.setAccessibleName(self.tr("Profiles"))
        self.profile_list.currentItemChanged.connect(self._on_select)
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.setObjectName("settingsNewButton")
        self.new_button.clicked.connect(self.new_profile)
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.duplicate_button.setObjectName("settingsDuplicateButton")
        self.duplicate_button.clicked.connect(self.duplicate_profile)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("settingsDeleteButton")
        self.delete_button.clicked.connect(self.delete_profile)
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            list_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Profiles")))
        left.addWidget(self.profile_list, 1)
        left.addLayout(list_buttons)

        def edit(name: str, accessible: str, placeholder: str = "") -> QLineEdit:
            line = QLineEdit()
            line.setObjectName(name)
            line.setAccessibleName(accessible)
            line.setPlaceholderText(placeholder)
            return line

        self.name_edit = edit("settingsNameEdit", self.tr("Profile name"))
        self.qr_api_url_edit = edit("settingsQrApiUrlEdit", self.tr("QR API URL"), "https://…")
        self.app_id_edit = edit("settingsAppIdEdit", self.tr("appId"))
        self.secret_edit = edit("settingsSecretEdit", self.tr("Secret"))
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.textEdited.connect(self._on_secret_edited)
        self.reveal_button = QPushButton(self.tr("Show"))
        self.reveal_button.setObjectName("settingsRevealSecretButton")
        self.reveal_button.setCheckable(True)
        self.reveal_button.toggled.connect(self._reveal)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret_edit, 1)
        secret_row.addWidget(self.reveal_button)
        self.secret_note = QLabel()
        self.secret_note.setObjectName("settingsSecretNote")
        self.secret_note.setWordWrap(True)
        self.middleware_url_edit = edit(
            "settingsMiddlewareUrlEdit",
            self.tr("Simulation domain"),
            "https://mw.example.com/wx77?appid=wx77",
        )
        self.sdk_app_id_edit = edit("settingsSdkAppIdEdit", self.tr("Default sdkAppId"))
        self.offi_account_edit = edit(
            "settingsOffiAccountIdEdit", self.tr("Default official account ID")
        )
        self.placement_combo = QComboBox()
        self.placement_combo.setObjectName("settingsAuthPlacementCombo")
        self.placement_combo.addItem(self.tr("HTTP headers"), "headers")
        self.placement_combo.addItem(self.tr("Query string"), "query")
        self.timestamp_name_combo = timestamp_name_combo(self)
        self.timeout_spin = QDoubleSpinBox()
        self.timeout_spin.setObjectName("settingsTimeoutSpin")
        self.timeout_spin.setRange(1, 120)
        self.timeout_spin.setSuffix(" s")
        self.timeout_spin.setDecimals(1)
        self.timeout_spin.setValue(10)
        self.ca_bundle_edit = edit(
            "settingsCaBundleEdit", self.tr("CA bundle"), self.tr("Optional: path to a PEM file")
        )
        self.proxy_edit = edit(
            "settingsProxyEdit", self.tr("Proxy"), self.tr("Optional: http://proxy:3128")
        )
        self.production_check = QCheckBox(self.tr("Production (sends ask for confirmation)"))
        self.production_check.setObjectName("settingsProductionCheck")
        self.legacy_check = QCheckBox(self.tr("Old middleware: send to /template/send"))
        self.legacy_check.setObjectName("settingsLegacySendCheck")

        udesk_form = QFormLayout()
        udesk_form.addRow(self.tr("Profile name"), self.name_edit)
        udesk_form.addRow(self.tr("QR API URL"), self.qr_api_url_edit)
        udesk_form.addRow(self.tr("appId"), self.app_id_edit)
        udesk_form.addRow(self.tr("Secret"), secret_row)
        udesk_form.addRow("", self.secret_note)
        udesk_form.addRow(self.tr("Auth parameters in"), self.placement_combo)
        udesk_form.addRow(self.tr("Timestamp sent as"), self.timestamp_name_combo)
        udesk_form.addRow(self.tr("Default sdkAppId"), self.sdk_app_id_edit)
        udesk_form.addRow(self.tr("Default official account ID"), self.offi_account_edit)
        udesk_box = QGroupBox(self.tr("Udesk QR API"))
        udesk_box.setLayout(udesk_form)
        mw_form = QFormLayout()
        mw_form.addRow(self.tr("Simulation domain"), self.middleware_url_edit)
        mw_form.addRow("", self.legacy_check)
        mw_box = QGroupBox(self.tr("Simulation middleware"))
        mw_box.setLayout(mw_form)
        net_form = QFormLayout()
        net_form.addRow(self.tr("Timeout"), self.timeout_spin)
        net_form.addRow(self.tr("CA bundle"), self.ca_bundle_edit)
        net_form.addRow(self.tr("Proxy"), self.proxy_edit)
        net_form.addRow("", self.production_check)
        net_box = QGroupBox(self.tr("Connection"))
        net_box.setLayout(net_form)

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("settingsLanguageCombo")
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("Follow the system"), "")
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("简体中文", "zh_CN")
        current = self._context.state.get("ui/language")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(current)))
        self.language_combo.currentIndexChanged.connect(self._on_language)
        self.language_note = QLabel()
        self.language_note.setObjectName("settingsLanguageNote")
        app_form = QFormLayout()
        app_form.addRow(self.tr("Language"), self.language_combo)
        app_form.addRow("", self.language_note)
        app_box = QGroupBox(self.tr("Application"))
        app_box.setLayout(app_form)

        self.message = InlineMessage()
        self.message.setObjectName("settingsMessage")
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
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)

        self.form_widget = QWidget()
        right = QVBoxLayout(self.form_widget)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(udesk_box)
        right.addWidget(mw_box)
        right.addWidget(net_box)
        right.addWidget(self.message)
        right.addLayout(buttons)
        right.addStretch(1)

        root = QHBoxLayout(self)
        left.addWidget(app_box)
        left_panel = QWidget()
        left_panel.setLayout(left)
        left_panel.setFixedWidth(240)
        left.setContentsMargins(0, 0, 0, 0)
        root.addWidget(left_panel)
        root.addWidget(self.form_widget, 1)
        self.reload()

    def show_problem(self, text: str) -> None:
        """Show a problem found outside the form (an unreadable config file)."""
        self.message.show_message("error", text)

    # -- list ------------------------------------------------------------------------------------
    @property
    def workspace(self) -> Any:
        return self._context.workspace

    def reload(self, select: str | None = None) -> None:
        current = select or (self._editing or "")
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        for name in self.workspace.profile_names():
            profile = self.workspace.profile(name)
            label = name
            if profile.demo:
                label = self.tr("{name} (built-in sandbox)").format(name=name)
            elif profile.production:
                label = self.tr("{name} (production)").format(name=name)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.profile_list.addItem(item)
            if name == current:
                self.profile_list.setCurrentItem(item)
        self.profile_list.blockSignals(False)
        if self.profile_list.currentItem() is None and self.profile_list.count():
            self.profile_list.setCurrentRow(0)
        else:
            self._on_select(self.profile_list.currentItem(), None)

    def _on_select(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            self._editing = None
            self.form_widget.setEnabled(False)
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        self.load(self.workspace.profile(name))

    def load(self, profile: Profile) -> None:
        self._editing = profile.name
        self.form_widget.setEnabled(True)
        self.name_edit.setText(profile.name)
        self.qr_api_url_edit.setText(profile.qr_api_url)
        self.app_id_edit.setText(profile.app_id)
        self.middleware_url_edit.setText(profile.middleware_url)
        self.sdk_app_id_edit.setText(profile.sdk_app_id)
        self.offi_account_edit.setText(profile.offi_account_id)
        self.placement_combo.setCurrentIndex(
            max(0, self.placement_combo.findData(profile.auth_placement))
        )
        self.timestamp_name_combo.setCurrentIndex(
            max(0, self.timestamp_name_combo.findData(profile.timestamp_name))
        )
        self.timeout_spin.setValue(profile.timeout)
        self.ca_bundle_edit.setText(profile.ca_bundle)
        self.proxy_edit.setText(profile.proxy)
        self.production_check.setChecked(profile.production)
        self.legacy_check.setChecked(profile.legacy_send_path)
        self.reveal_button.setChecked(False)
        self.secret_edit.clear()
        self._secret_dirty = False
        self.message.clear()
        read_only = profile.demo
        editable = (
            self.name_edit,
            self.qr_api_url_edit,
            self.app_id_edit,
            self.secret_edit,
            self.reveal_button,
            self.middleware_url_edit,
            self.sdk_app_id_edit,
            self.offi_account_edit,
            self.placement_combo,
            self.timestamp_name_combo,
            self.timeout_spin,
            self.ca_bundle_edit,
            self.proxy_edit,
            self.production_check,
            self.legacy_check,
            self.save_button,
            self.delete_button,
        )
        for widget in editable:
            widget.setEnabled(not read_only)
        if read_only:
            self.secret_edit.setPlaceholderText(self.tr("Built-in sandbox credentials"))
            self.secret_note.setText(
                self.tr(
                    "The demo profile talks to the built-in sandbox and is never saved. "
                    "Duplicate it or create a new profile for your own account."
                )
            )
            return
        self.secret_edit.setPlaceholderText(self.tr("Checking…"))
        self.secret_note.clear()
        name = profile.name
        self._tasks.run(
            lambda: self.workspace.secret_source(name),
            lambda source: self._show_secret_source(name, source),
            lambda exc: self._show_secret_source(name, "none"),
        )

    def _show_secret_source(self, name: str, source: str) -> None:
        if name != self._editing:
            return
        placeholder = {
            "keyring": self.tr("Stored in the system keyring — type to replace"),
            "file": self.tr("Stored in the config file — type to replace"),
            "env": self.tr("Taken from RECALL_DESK_SECRET"),
            "none": self.tr("Not set — type the secret from Udesk's admin"),
        }[source]
        self.secret_edit.setPlaceholderText(placeholder)
        if not self.workspace.store.keyring_available:
            self.secret_note.setText(
                self.tr(
                    "No system keyring is available on this computer: the secret is kept in the "
                    "config file, readable only by your user account."
                )
            )
            self.secret_note.setStyleSheet("color: #92400e;")
        else:
            self.secret_note.setText(
                self.tr("Secrets are kept in the system keyring, never in files.")
            )
            self.secret_note.setStyleSheet("")

    def _on_secret_edited(self, _text: str) -> None:
        self._secret_dirty = True

    def _reveal(self, shown: bool) -> None:
        self.reveal_button.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.secret_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        if shown and not self._secret_dirty and self._editing:
            name = self._editing
            profile = self.workspace.profile(name)

            def fill(secret: str) -> None:
                if (
                    self._editing == name
                    and self.reveal_button.isChecked()
                    and not self._secret_dirty
                ):
                    self.secret_edit.setText(secret)

            self._tasks.run(lambda: self.workspace.store.get(profile)[0], fill, lambda e: None)

    def _on_language(self, _index: int) -> None:
        self._context.state.set("ui/language", self.language_combo.currentData())
        self.language_note.setText(self.tr("Applies the next time Recall Desk starts."))

    # -- form → profile --------------------------------------------------------------------------
    def profile_from_form(self) -> Profile:
        name = validate_profile_name(self.name_edit.text())
        for field, value in (
            ("qr_api_url", self.qr_api_url_edit.text()),
            ("middleware_url", self.middleware_url_edit.text()),
        ):
            value = value.strip()
            if value and (
                urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc
            ):
                raise BadInput("profile.url_scheme", field=field)
        base = (
            self.workspace.profile(self._editing)
            if self._editing in self.workspace.profile_names()
            else Profile(name)
        )
        return replace(
            base,
            name=name,
            qr_api_url=self.qr_api_url_edit.text().strip(),
            app_id=self.app_id_edit.text().strip(),
            middleware_url=self.middleware_url_edit.text().strip(),
            sdk_app_id=self.sdk_app_id_edit.text().strip(),
            offi_account_id=self.offi_account_edit.text().strip(),
            auth_placement=self.placement_combo.currentData(),
            timestamp_name=self.timestamp_name_combo.currentData(),
            timeout=self.timeout_spin.value(),
            ca_bundle=self.ca_bundle_edit.text().strip(),
            proxy=self.proxy_edit.text().strip(),
            production=self.production_check.isChecked(),
            legacy_send_path=self.legacy_check.isChecked(),
            demo=False,
        )

    def save(self) -> None:
        try:
            profile = self.profile_from_form()
        except BadInput as exc:
            self.message.show_message("error", describe(exc)[0])
            return
        old = self._editing
        secret = self.secret_edit.text() if self._secret_dirty else None
        workspace = self.workspace
        self.save_button.setEnabled(False)

        def work() -> str:
            workspace.put_profile(profile, old_name=old)
            where = workspace.set_secret(profile.name, secret) if secret else ""
            if not workspace.config.default_profile:
                workspace.config.default_profile = profile.name
            workspace.save()
            return where

        def done(where: str) -> None:
            self.save_button.setEnabled(True)
            self._editing = profile.name
            self._secret_dirty = False
            self.reload(profile.name)
            text = self.tr("Profile “{name}” saved.").format(name=profile.name)
            if where == "file":
                text += " " + self.tr("No keyring: the secret is in the config file (user-only).")
            self.message.show_message("ok" if where != "file" else "warning", text)
            self.profiles_changed.emit(profile.name)
            self.saved.emit(profile.name)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            summary, detail = describe(exc)
            self.message.show_message("error", summary, detail)

        self._tasks.run(work, done, failed)

    def _unique_name(self, base: str) -> str:
        names = set(self.workspace.profile_names())
        candidate, n = base, 2
        while candidate in names:
            candidate = f"{base}-{n}"
            n += 1
        return candidate

    def new_profile(self) -> None:
        name = self._unique_name("new")
        self.workspace.put_profile(Profile(name))
        self.reload(name)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        self.message.show_message("info", self.tr("Fill in the fields, then Save."))

    def duplicate_profile(self) -> None:
        if not self._editing:
            return
        source = self.workspace.profile(self._editing)
        name = self._unique_name(f"{source.name}-copy" if not source.demo else "my-account")
        self.workspace.put_profile(replace(source, name=name, demo=False, production=False))
        self.reload(name)
        self.message.show_message("info", self.tr("Duplicated. Adjust the fields, then Save."))

    @classmethod
    def ask_confirm(cls, parent: QWidget, title: str, text: str) -> bool:
        """A yes/no question; tests replace this classmethod."""
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask_text(cls, parent: QWidget, title: str, label: str, value: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label, text=value)
        return text if ok else None

    def delete_profile(self) -> None:
        if not self._editing or self.workspace.profile(self._editing).demo:
            return
        name = self._editing
        if not self.ask_confirm(
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
        typed = self.secret_edit.text() if self._secret_dirty else None
        stored = self.workspace.profile(self._editing) if self._editing else profile
        workspace = self.workspace
        self.test_button.setEnabled(False)
        self.message.show_message("info", self.tr("Testing the QR API and the template list…"))

        def work() -> list[tuple[str, object]]:
            secret = (
                typed
                if typed is not None
                else (stored.secret if stored.demo else workspace.store.get(stored)[0])
            )
            outcomes: list[tuple[str, object]] = []
            request = QrRequest(
                profile.sdk_app_id or "test", profile.offi_account_id or "test", TEST_OPEN_ID
            )
            with Service(profile, secret) as service:
                checks = (
                    (
                        "qr",
                        profile.qr_api_url,
                        lambda: service.generate_qr(request),
                    ),
                    ("list", profile.middleware_url, service.list_templates),
                )
                for check, configured, call in checks:
                    if not configured:
                        outcomes.append((check, None))
                        continue
                    try:
                        outcomes.append((check, call()))
                    except RecallError as exc:
                        outcomes.append((check, exc))
            if profile.qr_api_url:
                outcomes.append(("qr-timestamp", probe_timestamp_names(profile, secret, request)))
            return outcomes

        def done(outcomes: list[tuple[str, object]]) -> None:
            self.test_button.setEnabled(True)
            probes: Any = dict(outcomes).pop("qr-timestamp", None)
            outcomes = [(check, value) for check, value in outcomes if check != "qr-timestamp"]
            results = [self._test_line(check, value) for check, value in outcomes]
            if probes is not None:  # say which spelling of the timestamp the server read
                report = timestamp_report(probes, profile)
                results = [(c, ok, f"{t} {report}" if c == "qr" else t) for c, ok, t in results]
            lines = [("✓ " if ok else "✗ ") + text for _, ok, text in results]
            all_ok = all(ok for _, ok, _ in results)
            self.message.show_message("ok" if all_ok else "warning", "\n".join(lines))
            self.tested.emit(results)

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            summary, detail = describe(exc)
            self.message.show_message("error", summary, detail)

        self._tasks.run(work, done, failed)

    def _test_line(self, check: str, value: object) -> tuple[str, bool, str]:
        name = self.tr("QR API") if check == "qr" else self.tr("Template list")
        if value is None:
            return check, False, self.tr("{name}: not configured").format(name=name)
        if isinstance(value, BaseException):
            return check, False, f"{name}: {describe(value)[0]}"
        if check == "qr":
            image = value.image  # type: ignore[attr-defined]
            return (
                check,
                True,
                self.tr("{name}: signed request accepted, image verified ({w}×{h} {fmt}).").format(
                    name=name, w=image.width, h=image.height, fmt=image.format
                ),
            )
        count = len(value.templates)  # type: ignore[attr-defined]
        return check, True, self.tr("{name}: {n} templates.").format(name=name, n=count)
