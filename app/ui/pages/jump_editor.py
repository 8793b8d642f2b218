"""Where the message opens when tapped: nothing, a web page, or a mini program."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from app.core.middleware import MiniProgram, SendRequest
from app.core.templates import Finding, lint_jump
from app.ui.lint_view import reserved_lint_label, show_findings
from app.ui.widgets import FormComboBox


class JumpEditor(QWidget):
    """The jump target of a template message, with its lint.

    Signals:
        changed(): the target or one of its values changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = FormComboBox()
        self.combo.setObjectName("sendJumpCombo")
        self.combo.setAccessibleName(self.tr("Jump target"))
        self.combo.addItem(self.tr("None"), "none")
        self.combo.addItem(self.tr("Web page (URL)"), "url")
        self.combo.addItem(self.tr("Mini program"), "miniprogram")
        self.combo.currentIndexChanged.connect(self._on_target_changed)
        self.url_edit = self._line("sendUrlEdit", self.tr("URL"), "https://…")
        self.appid_edit = self._line("sendMpAppIdEdit", self.tr("Mini-program appid"), "wx…")
        self.pagepath_edit = self._line(
            "sendPagePathEdit", self.tr("Page path"), "pages/index?foo=bar"
        )
        self.agent_id_edit = self._line("sendAgentIdEdit", self.tr("Agent ID"), self.tr("Optional"))
        self.group_id_edit = self._line(
            "sendGroupIdEdit", self.tr("Agent group ID"), self.tr("Optional")
        )
        self.note = QLabel()
        self.note.setObjectName("sendJumpNote")
        self.note.setWordWrap(True)
        self.lint_label = reserved_lint_label("sendJumpLint")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("Jump target"), self.combo)
        self.form.addRow(self.tr("URL"), self.url_edit)
        self.form.addRow(self.tr("Mini-program appid"), self.appid_edit)
        self.form.addRow(self.tr("Page path"), self.pagepath_edit)
        self.form.addRow(self.tr("Agent ID"), self.agent_id_edit)
        self.form.addRow(self.tr("Agent group ID"), self.group_id_edit)
        self.form.addRow("", self.lint_label)
        self.form.addRow("", self.note)
        self._on_target_changed()

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self.changed)
        return edit

    # -- what is set -----------------------------------------------------------------------------
    def target(self) -> str:
        """``none``, ``url`` or ``miniprogram``."""
        return str(self.combo.currentData())

    def url(self) -> str:
        return self.url_edit.text().strip() if self.target() == "url" else ""

    def miniprogram(self) -> MiniProgram | None:
        if self.target() != "miniprogram":
            return None
        return MiniProgram(
            self.appid_edit.text(),
            self.pagepath_edit.text(),
            self.agent_id_edit.text(),
            self.group_id_edit.text(),
        )

    def findings(self) -> list[Finding]:
        return lint_jump(
            self.target(),
            appid=self.appid_edit.text(),
            pagepath=self.pagepath_edit.text(),
            url=self.url_edit.text(),
        )

    def show_lint(self, lang: str) -> None:
        show_findings(self.lint_label, self.findings(), lang)

    # -- setting it ------------------------------------------------------------------------------
    def set_target(self, target: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(target))

    def set_url(self, url: str) -> None:
        self.set_target("url")
        self.url_edit.setText(url)

    def set_mini_program(self, appid: str, pagepath: str, agent_id: str, group_id: str) -> None:
        self.set_target("miniprogram")
        self.appid_edit.setText(appid)
        self.pagepath_edit.setText(pagepath)
        self.agent_id_edit.setText(agent_id)
        self.group_id_edit.setText(group_id)

    def restore(self, send: SendRequest) -> None:
        """Set the target a past send had, as it was typed."""
        mini = send.miniprogram
        if mini is not None:
            self.set_mini_program(mini.appid, mini.pagepath, mini.agent_id, mini.group_id)
        elif send.url:
            self.set_url(send.url)
        else:
            self.set_target("none")

    def _on_target_changed(self, _index: int = 0) -> None:
        target = self.target()
        self.form.setRowVisible(self.url_edit, target == "url")
        for edit in (self.appid_edit, self.pagepath_edit, self.agent_id_edit, self.group_id_edit):
            self.form.setRowVisible(edit, target == "miniprogram")
        if target == "url":
            text = self.tr("WeChat opens the web page when the customer taps the message.")
        elif target == "miniprogram":
            text = self.tr(
                "WeChat opens the mini program; agent_id and group_id are also appended to the "
                "page path so the video mini program finds the agent."
            )
        else:
            text = self.tr("The message does not open anything when tapped.")
        self.note.setText(text)
        self.changed.emit()
