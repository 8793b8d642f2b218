"""The fields of one profile on the Settings page: load, read back, what is missing."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import BadInput
from app.core.profiles import Profile, validate_profile_name
from app.ui.auth_forms import timestamp_name_combo
from app.ui.widgets import FormComboBox, FormDoubleSpinBox

MISSING_STYLE = "QLineEdit { border: 1px solid #b91c1c; }"


class ProfileForm(QWidget):
    """Every field of a profile, grouped as Udesk QR API, simulation middleware and connection.

    The secret field is typed only to replace the stored secret (``secret_dirty``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.secret_dirty = False

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
        self.placement_combo = FormComboBox()
        self.placement_combo.setObjectName("settingsAuthPlacementCombo")
        self.placement_combo.addItem(self.tr("HTTP headers"), "headers")
        self.placement_combo.addItem(self.tr("Query string"), "query")
        self.timestamp_name_combo = timestamp_name_combo(self)
        self.timeout_spin = FormDoubleSpinBox()
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
        self.mini_appid_edit = edit(
            "settingsMiniProgramAppIdEdit", self.tr("Video mini program appid"), "wx…"
        )
        self.mini_pagepath_edit = edit(
            "settingsMiniProgramPagePathEdit", self.tr("Video mini program page"), "pages/index"
        )
        self.agent_id_edit = edit("settingsAgentIdEdit", self.tr("Default agent ID"))
        self.group_id_edit = edit("settingsGroupIdEdit", self.tr("Default agent group ID"))

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
        mw_form.addRow(self.tr("Video mini program appid"), self.mini_appid_edit)
        mw_form.addRow(self.tr("Video mini program page"), self.mini_pagepath_edit)
        mw_form.addRow(self.tr("Default agent ID"), self.agent_id_edit)
        mw_form.addRow(self.tr("Default agent group ID"), self.group_id_edit)
        mw_box = QGroupBox(self.tr("Simulation middleware"))
        mw_box.setLayout(mw_form)
        net_form = QFormLayout()
        net_form.addRow(self.tr("Timeout"), self.timeout_spin)
        net_form.addRow(self.tr("CA bundle"), self.ca_bundle_edit)
        net_form.addRow(self.tr("Proxy"), self.proxy_edit)
        net_form.addRow("", self.production_check)
        net_box = QGroupBox(self.tr("Connection"))
        net_box.setLayout(net_form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (udesk_box, mw_box, net_box):
            layout.addWidget(box)
        self._required = {
            "qr_api_url": (self.qr_api_url_edit, self.tr("QR API URL")),
            "app_id": (self.app_id_edit, self.tr("appId")),
            "secret": (self.secret_edit, self.tr("Secret")),
            "middleware_url": (self.middleware_url_edit, self.tr("Simulation domain")),
        }

    def _on_secret_edited(self, _text: str) -> None:
        self.secret_dirty = True

    def load(self, profile: Profile) -> None:
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
        self.mini_appid_edit.setText(profile.mini_program_appid)
        self.mini_pagepath_edit.setText(profile.mini_program_pagepath)
        self.agent_id_edit.setText(profile.agent_id)
        self.group_id_edit.setText(profile.group_id)
        self.reveal_button.setChecked(False)
        self.secret_edit.clear()
        self.secret_dirty = False
        self.mark_missing([])

    def set_editable(self, editable: bool) -> None:
        for kind in (QLineEdit, QComboBox, QDoubleSpinBox, QCheckBox):
            for widget in self.findChildren(kind):
                widget.setEnabled(editable)
        self.reveal_button.setEnabled(editable)

    def values(self) -> tuple[object, ...]:
        """What the fields hold now, to tell whether anything was edited since :meth:`load`."""
        texts = tuple(edit.text() for edit in self.findChildren(QLineEdit))
        return (
            *texts,
            self.placement_combo.currentData(),
            self.timestamp_name_combo.currentData(),
            self.timeout_spin.value(),
            self.production_check.isChecked(),
            self.legacy_check.isChecked(),
        )

    def to_profile(self, base: Profile) -> Profile:
        """``base`` with the fields' values.

        Raises:
            BadInput: the name is not a valid profile name, or a URL is not http(s).
        """
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
            mini_program_appid=self.mini_appid_edit.text().strip(),
            mini_program_pagepath=self.mini_pagepath_edit.text().strip(),
            agent_id=self.agent_id_edit.text().strip(),
            group_id=self.group_id_edit.text().strip(),
            demo=False,
        )

    def missing(self, secret_stored: bool) -> list[str]:
        """The required fields left empty: appId and the secret once a QR API URL is given, and
        one of the two addresses."""
        missing = []
        if not self.qr_api_url_edit.text().strip() and not self.middleware_url_edit.text().strip():
            missing += ["qr_api_url", "middleware_url"]
        if self.qr_api_url_edit.text().strip():
            if not self.app_id_edit.text().strip():
                missing.append("app_id")
            if not secret_stored and not (self.secret_dirty and self.secret_edit.text()):
                missing.append("secret")
        return missing

    def label(self, field: str) -> str:
        return self._required[field][1]

    def mark_missing(self, fields: list[str]) -> None:
        """Outline the fields named (and only those) in red."""
        for field, (edit, _label) in self._required.items():
            edit.setStyleSheet(MISSING_STYLE if field in fields else "")
        if fields:
            self._required[fields[0]][0].setFocus()

    def show_demo_secret(self) -> None:
        """Say the demo profile's secret is the sandbox's own."""
        self.secret_edit.setPlaceholderText(self.tr("Built-in sandbox credentials"))
        self.secret_note.setText(
            self.tr(
                "The demo profile talks to the built-in sandbox and is never saved. "
                "Duplicate it or create a new profile for your own account."
            )
        )

    def show_secret_source(self, source: str, keyring_available: bool) -> None:
        """Say where the secret is kept (``keyring``, ``file``, ``env`` or ``none``)."""
        placeholder = {
            "keyring": self.tr("Stored in the system keyring — type to replace"),
            "file": self.tr("Stored in the config file — type to replace"),
            "env": self.tr("Taken from RECALL_DESK_SECRET"),
            "none": self.tr("Not set — type the secret from Udesk's admin"),
        }[source]
        self.secret_edit.setPlaceholderText(placeholder)
        if not keyring_available:
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
