"""The facade the GUI and the CLI call: one profile's clients plus the history.

Every call goes through here so that history is written the same way whoever asked.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any, TypeVar

from app.core.errors import OutcomeUnknown, RecallError, RemoteRefused
from app.core.history import History, HistoryUnavailable, Outcome
from app.core.http import ExchangeHook, Funnel, make_client
from app.core.middleware import (
    MiddlewareClient,
    SendRequest,
    SendResult,
    TemplateList,
    build_body,
    refuse_controls_in,
)
from app.core.profiles import Profile
from app.core.udesk import QrRequest, QrResult, UdeskClient

if TYPE_CHECKING:
    import httpx

T = TypeVar("T")


def outcome_of(error: BaseException) -> Outcome:
    if isinstance(error, RemoteRefused):
        return "refused"
    if isinstance(error, OutcomeUnknown):
        return "unknown"
    return "error"


class Service:
    """Calls for one profile.

    Args:
        profile: the active profile.
        secret: its secret (resolved by the caller from env, keyring or file).
        history: where to record exchanges; None records nothing.
        hooks: exchange observers (the request inspector).
        client: an httpx client to use instead of one built from the profile.
    """

    def __init__(
        self,
        profile: Profile,
        secret: str,
        *,
        history: History | None = None,
        hooks: list[ExchangeHook] | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        self.profile = profile
        self.history = history
        self.funnel = Funnel(
            client or make_client(profile.client_settings()), hooks=hooks, label=profile.name
        )
        self.udesk = UdeskClient(
            self.funnel,
            profile.qr_api_url,
            profile.app_id,
            secret,
            profile.auth_placement,
            profile.timestamp_name,
        )
        self.middleware = MiddlewareClient(
            self.funnel, profile.middleware_url, legacy_send_path=profile.legacy_send_path
        )

    def close(self) -> None:
        self.funnel.close()

    def __enter__(self) -> Service:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def generate_qr(self, request: QrRequest) -> QrResult:
        """Generate a recall code and fetch its image, recorded in history."""
        request = request.validated()

        def generate() -> QrResult:
            return self.udesk.generate_with_image(request)

        try:
            event = self._start(
                "qr",
                request.to_body(),
                fields=asdict(request),
                target=request.open_id,
                channel=request.custom_channel,
            )
        except HistoryUnavailable as exc:  # a code needs no history: made, and said unrecorded
            return replace(generate(), not_recorded=exc)
        return self._recorded(
            event,
            generate,
            lambda r: {"qrCodeUrl": r.qr_code_url},
            "1000",
            unrecorded=lambda r, exc: replace(r, not_recorded=exc),
        )

    def list_templates(self) -> TemplateList:
        return self.middleware.list_templates()

    def send(self, request: SendRequest) -> SendResult:
        """Send once (never retried), recorded as pending first so a crash leaves ``unknown``."""
        return self.send_body(build_body(request), fields=asdict(request))

    def send_body(
        self, body: dict[str, Any], *, fields: dict[str, Any] | None = None
    ) -> SendResult:
        """Send a wire body; ``fields`` are the typed request's, recorded for Use again.

        Called directly only for the advanced mode's edited JSON (no fields); else via send.

        Raises:
            HistoryUnavailable: its ``pending`` row could not be written: nothing was sent.
            BadInput: ``input.control``: an id in the body holds a control character.
        """
        refuse_controls_in(body)  # an edited body too, before its history row
        event = self._start(
            "send",
            body,
            fields=fields,
            target=str(body.get("touser", "")),
            template_id=str(body.get("template_id", "")),
            client_msg_id=str(body.get("client_msg_id", "")),
        )
        client_msg_id = str(body.get("client_msg_id", "")) or None

        def unrecorded(result: SendResult, exc: HistoryUnavailable) -> SendResult:
            if client_msg_id is None:  # an edited body without one: nothing to resend with
                return result
            # The answer came but is not kept: the user must not take the send for done.
            raise OutcomeUnknown(
                "history.answer_unrecorded", client_msg_id=client_msg_id, **exc.params
            ) from exc

        return self._recorded(
            event, lambda: self.middleware.send_body(body), lambda r: r.raw, "0", unrecorded
        )

    def _start(
        self, kind: Any, request: dict[str, Any], fields: dict[str, Any] | None = None, **extra: str
    ) -> int | None:
        if self.history is None:
            return None
        return self.history.start(
            profile=self.profile.name, kind=kind, request=request, fields=fields, **extra
        )

    def _recorded(
        self,
        event: int | None,
        call: Callable[[], T],
        response_of: Callable[[T], dict[str, Any]],
        ok_code: str,
        unrecorded: Callable[[T, HistoryUnavailable], T],
    ) -> T:
        """``call()``, its outcome written to history row ``event``; when the success cannot be
        written, ``unrecorded(result, problem)`` decides what the caller gets."""
        try:
            result = call()
        except RecallError as exc:
            if event is not None and self.history is not None:
                code = str(exc.code) if isinstance(exc, RemoteRefused) else ""
                body = exc.context.body_excerpt if exc.context else ""
                try:
                    self.history.finish(
                        event,
                        outcome=outcome_of(exc),
                        response=body,
                        code=code,
                        error_key=exc.key,
                        error_params=exc.params,
                    )
                except HistoryUnavailable:
                    pass  # the row stays pending, later unknown; the user sees exc itself
            raise
        except BaseException as exc:
            if event is not None and self.history is not None:
                try:
                    self.history.finish(
                        event,
                        outcome="error",
                        error_key="history.internal",
                        error_params={"name": type(exc).__name__},
                    )
                except HistoryUnavailable:
                    pass
            raise
        if event is not None and self.history is not None:
            duration = float(getattr(result, "duration", 0.0))
            try:
                self.history.finish(
                    event,
                    outcome="ok",
                    response=json.dumps(response_of(result), ensure_ascii=False),
                    code=ok_code,
                    duration=duration,
                )
            except HistoryUnavailable as exc:
                return unrecorded(result, exc)
        return result
