"""Templates: the browser beside the composer, and the action bar that sends.

The page owns loading the list and sending; the browser and the composer know nothing of the
network. Send, its state and its result sit in an action bar outside the scrolling form, so they
are on screen at any window size.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import BadInput, OutcomeUnknown, RemoteRefused
from app.core.hand_templates import HandTemplates
from app.core.middleware import SendRequest, SendResult
from app.core.templates import Template
from app.ui import dialogs
from app.ui.errors import describe, fill
from app.ui.lint_view import ERROR_COLOR, WARNING_COLOR
from app.ui.page_context import PageContext
from app.ui.pages.message_composer import MessageComposer
from app.ui.pages.template_browser import TemplateBrowser
from app.ui.pages.template_entry import TemplateEntryDialog
from app.ui.widgets import InlineMessage


@dataclass(frozen=True)
class Outgoing:
    """One intended send: its wire body, and the typed request it was built from (None for the
    advanced mode's edited JSON)."""

    body: dict[str, Any]
    request: SendRequest | None = None


class TemplatesPage(QWidget):
    """Browse, compose and send.

    Signals:
        loaded(int): the list arrived with this many templates.
        load_failed(object): the list could not be loaded.
        sent(object): a SendResult (errcode 0).
        send_failed(object): the exception of a failed or unknown send.
        hand_template_saved(object): a template entered by hand was kept and is listed.
    """

    loaded = Signal(int)
    load_failed = Signal(object)
    hand_template_saved = Signal(object)
    sent = Signal(object)
    send_failed = Signal(object)

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("templatesPage")
        self._context = context
        self._tasks = context.tasks
        self._state = context.state
        self._loading = False
        self._sending = False
        self._loaded_for = ""
        self._unknown: Outgoing | None = None
        self._pending_restore: SendRequest | None = None
        self._listed: list[Template] = []

        self.browser = TemplateBrowser()
        self.browser.selected.connect(self._on_selected)
        self.browser.refresh_requested.connect(self.refresh)
        self.browser.enter_requested.connect(self.enter_template)
        self.composer = MessageComposer(self._state)
        self.composer.changed.connect(self._update_send_state)

        # -- the action bar: always visible --------------------------------------------------------
        self.send_button = QPushButton(self.tr("Send test message"))
        self.send_button.setObjectName("sendButton")
        self.send_button.setAccessibleName(self.tr("Send test message"))
        self.send_button.setToolTip(self.tr("Send (Ctrl+Enter)"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.send_state = QLabel()
        self.send_state.setObjectName("sendState")
        self.send_state.setTextFormat(Qt.TextFormat.PlainText)
        self.send_state.setWordWrap(True)
        self.result = InlineMessage()
        self.result.setObjectName("sendResult")
        self.result.setAccessibleName(self.tr("Send result"))
        self.resend_button = QPushButton(self.tr("Resend with the same message ID"))
        self.resend_button.setObjectName("sendResendButton")
        self.resend_button.setToolTip(
            self.tr(
                "WeChat delivers a message ID at most once within 10 minutes, so this cannot "
                "produce a duplicate."
            )
        )
        self.resend_button.clicked.connect(self.resend_same)
        self.resend_button.hide()
        send_row = QHBoxLayout()
        send_row.addWidget(self.send_state, 1)
        send_row.addWidget(self.resend_button)
        send_row.addWidget(self.send_button)
        action_bar = QWidget()
        action_bar.setObjectName("sendActionBar")
        bar_layout = QVBoxLayout(action_bar)
        bar_layout.setContentsMargins(9, 4, 9, 6)
        bar_layout.addWidget(self.result)
        bar_layout.addLayout(send_row)

        scroll = QScrollArea()
        scroll.setObjectName("composerScroll")
        scroll.setWidget(self.composer)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(action_bar)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([430, 800])
        self.splitter.setChildrenCollapsible(False)
        saved = self._state.get("templates/splitter")
        if not saved.isEmpty():
            self.splitter.restoreState(saved)
        self.splitter.splitterMoved.connect(
            lambda *_: self._state.set("templates/splitter", self.splitter.saveState())
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.composer.set_profile(self._profile())
        self._update_send_state()

    # -- the list ------------------------------------------------------------------------------
    def _profile(self) -> str:
        return self._context.active_profile_name()

    def profile_changed(self) -> None:
        """Forget the list of the previous profile; load again when the page is shown."""
        self.composer.set_profile(self._profile())
        self.browser.set_templates([])
        self._loaded_for = ""
        if self.isVisible():
            self.refresh()

    def ensure_loaded(self) -> None:
        if self._loaded_for != self._profile() and not self._loading:
            self.refresh()

    def refresh(self) -> None:
        name = self._profile()
        if self._loading or not name:
            return
        self._loading = True
        self.browser.set_busy(True)
        self.browser.message.show_message("info", self.tr("Loading templates…"))
        workspace = self._context.workspace
        self._tasks.run(
            lambda: workspace.service(name).list_templates(),
            lambda listing: self._on_loaded(name, listing.templates),
            self._on_load_failed,
        )

    def _on_loaded(self, name: str, templates: list[Template]) -> None:
        self._loading = False
        self.browser.set_busy(False)
        if name != self._profile():
            self.ensure_loaded()
            return
        self._loaded_for = name
        self._listed = templates
        self.browser.set_templates(self._with_hand_entered(templates))
        flagged = sum(1 for t in templates if t.problems)
        message = self.browser.message
        if flagged:
            message.show_message(
                "warning",
                fill(
                    self.tr(
                        "{n:entry breaks/entries break} the contract (marked ⚠); hover for details."
                    ),
                    n=flagged,
                ),
            )
        elif not templates:
            message.show_message("info", self.tr("The middleware returned no templates."))
        else:
            message.clear()
        if self._pending_restore is not None:
            send, self._pending_restore = self._pending_restore, None
            self.restore_request(send)
        self.loaded.emit(len(templates))

    def _on_load_failed(self, error: BaseException) -> None:
        self._loading = False
        self.browser.set_busy(False)
        summary, details = describe(error)
        self._listed = []
        self.browser.set_templates(self._with_hand_entered([]))  # still there to send with
        self.browser.message.show_message("error", summary, details)
        self.load_failed.emit(error)

    def focus_filter(self) -> None:
        self.browser.focus_filter()

    def select_template(self, template_id: str) -> bool:
        return self.browser.select_template(template_id)

    def _on_selected(self, template: Template | None) -> None:
        self._unknown = None
        self.resend_button.hide()
        self.result.clear()
        self.composer.show_template(template)

    # -- templates entered by hand ---------------------------------------------------------------
    def _with_hand_entered(self, listed: list[Template]) -> list[Template]:
        ids = {t.template_id for t in listed}
        own = HandTemplates().for_profile(self._profile())
        return [*listed, *(t for t in own if t.template_id not in ids)]

    def enter_template(self) -> TemplateEntryDialog:
        """Open the form for a template the list does not have (the current one, if it was
        entered by hand, to edit it)."""
        current = self.composer.template()
        dialog = TemplateEntryDialog(self, current if current and current.by_hand else None)
        dialog.entered.connect(self.add_hand_template)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_hand_template(self, template: Template) -> None:
        """Keep ``template`` for this profile, list it and select it."""
        name = self._profile()

        def save() -> None:
            HandTemplates().put(name, template)

        def saved(_none: None) -> None:
            if name == self._profile():
                self.browser.set_templates(self._with_hand_entered(self._listed))
                self.browser.filter_edit.clear()
                self.select_template(template.template_id)
                self.hand_template_saved.emit(template)

        self._tasks.run(save, saved, self._on_save_failed)

    def _on_save_failed(self, error: BaseException) -> None:
        self.browser.message.show_message("error", *describe(error))

    # -- intents from elsewhere ----------------------------------------------------------------
    def set_recipient(self, open_id: str) -> None:
        self.composer.set_recipient(open_id)

    def compose_recall(self, open_id: str) -> None:
        """A recall message to the customer of a code: the recipient, and the jump into the
        profile's video mini program (with its default agent and group) when one is set."""
        self.composer.set_recipient(open_id)
        profile = self._context.active_profile()
        if profile is not None and profile.mini_program_appid:
            self.composer.set_mini_program(
                profile.mini_program_appid,
                profile.mini_program_pagepath,
                profile.agent_id,
                profile.group_id,
            )
            text = self.tr(
                "Recipient and the jump into the video mini program are filled in: pick a "
                "template, fill its fields and send."
            )
        else:
            text = self.tr(
                "Recipient filled in. Set the video mini program's appid in Settings to open "
                "it from the message."
            )
        self.result.show_message("info", text)

    def restore_request(self, send: SendRequest) -> None:
        """Fill the form from a past send (History → Use again); nothing is sent."""
        if self._loaded_for != self._profile():
            self._pending_restore = send
            self.ensure_loaded()
            return
        self.browser.filter_edit.clear()
        if not self.select_template(send.template_id):
            self.result.show_message(
                "warning",
                self.tr("Template {tid} is no longer in the list.").format(tid=send.template_id),
            )
            return
        self.composer.restore(send)
        self.result.show_message("info", self.tr("Filled from history. Nothing was sent."))

    # -- sending -------------------------------------------------------------------------------
    def _update_send_state(self) -> None:
        readiness = self.composer.readiness()
        problem = self.tr("Sending…") if self._sending else readiness.problem
        if not problem and readiness.warnings:
            self.send_state.setText(
                fill(
                    self.tr("{n:warning/warnings}: WeChat will drop or cut some of it."),
                    n=readiness.warnings,
                )
            )
            self.send_state.setStyleSheet(f"color: {WARNING_COLOR};")
        else:
            self.send_state.setText(problem)
            plain = self._sending or readiness.neutral
            self.send_state.setStyleSheet("" if plain else f"color: {ERROR_COLOR};")
        self.send_button.setEnabled(not problem)

    def can_send(self) -> bool:
        return self.send_button.isEnabled()

    def send(self) -> None:
        if self._sending or not self.can_send():
            return
        try:
            body = self.composer.body()
        except BadInput as exc:
            self.result.show_message("error", describe(exc)[0])
            return
        except ValueError as exc:  # the edited JSON; readiness() said so already
            self.result.show_message("error", str(exc))
            return
        advanced = self.composer.output.advanced()
        self._dispatch(Outgoing(body, None if advanced else self.composer.request()))

    def resend_same(self) -> None:
        """Send the message whose outcome was unknown again, with the same client_msg_id."""
        if self._unknown is not None and not self._sending:
            self._dispatch(self._unknown)

    def _dispatch(self, outgoing: Outgoing) -> None:
        name = self._profile()
        workspace = self._context.workspace
        profile = workspace.profile(name)
        body = outgoing.body
        if profile.production and not dialogs.confirm_production_send(
            self,
            profile=name,
            account=profile.offi_account_id,
            touser=str(body.get("touser", "")),
            template_id=str(body.get("template_id", "")),
        ):
            self.result.show_message("info", self.tr("Not sent."))
            return
        self._sending = True
        self.resend_button.hide()
        self.result.show_message("info", self.tr("Sending…"))
        self._update_send_state()
        self.composer.remember_recipient(str(body.get("touser", "")))
        request = outgoing.request

        def call() -> SendResult:
            service = workspace.service(name)
            # The typed request end to end (its fields go to history); the wire body only for
            # the advanced mode's edited JSON.
            return service.send(request) if request is not None else service.send_body(body)

        self._tasks.run(call, self._on_sent, lambda exc: self._on_send_failed(exc, outgoing))

    def _on_sent(self, result: SendResult) -> None:
        self._sending = False
        self._unknown = None
        self.result.show_message(
            "ok",
            self.tr("Sent: errcode 0, errmsg “{msg}”, msgid {msgid}.").format(
                msg=result.errmsg, msgid=result.msgid if result.msgid is not None else "—"
            ),
            json.dumps(result.raw, ensure_ascii=False),
        )
        self.composer.new_message()
        self.sent.emit(result)

    def _on_send_failed(self, error: BaseException, outgoing: Outgoing) -> None:
        self._sending = False
        summary, details = describe(error)
        if isinstance(error, OutcomeUnknown):
            # Keep the client_msg_id: a resend of this body is delivered at most once.
            self._unknown = outgoing
            self.result.show_message("warning", summary, details)
            self.resend_button.show()
            self._update_send_state()
        else:
            self.result.show_message("error", summary, details)
            if isinstance(error, RemoteRefused):
                self.composer.new_message()
            else:
                self._update_send_state()
        self.send_failed.emit(error)
