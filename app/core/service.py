"""The facade the GUI and the CLI call: one profile's clients plus the history.

Every call goes through here so that history is written the same way whoever asked.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from app.core.errors import OutcomeUnknown, RecallError, RemoteRefused
from app.core.history import History, Outcome
from app.core.http import ExchangeHook, Funnel, make_client
from app.core.messages import reason
from app.core.middleware import MiddlewareClient, SendRequest, SendResult, TemplateList, build_body
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

    def generate_qr(self, request: QrRequest, *, fetch_image: bool = True) -> QrResult:
        """Generate a recall code (and fetch its image), recorded in history."""
        request = request.validated()
        event = self._start(
            "qr", request.to_body(), target=request.open_id, channel=request.custom_channel
        )

        def call() -> QrResult:
            if fetch_image:
                return self.udesk.generate_with_image(request)
            return self.udesk.generate(request)

        result = self._recorded(event, call, lambda r: {"qrCodeUrl": r.qr_code_url}, "1000")
        return result

    def list_templates(self) -> TemplateList:
        return self.middleware.list_templates()

    def send(self, request: SendRequest) -> SendResult:
        """Send once (never retried), recorded as pending first so a crash leaves ``unknown``."""
        return self.send_body(build_body(request))

    def send_body(self, body: dict[str, Any]) -> SendResult:
        event = self._start(
            "send",
            body,
            target=str(body.get("touser", "")),
            template_id=str(body.get("template_id", "")),
            client_msg_id=str(body.get("client_msg_id", "")),
        )
        return self._recorded(event, lambda: self.middleware.send_body(body), lambda r: r.raw, "0")

    def _start(self, kind: Any, request: dict[str, Any], **extra: str) -> int | None:
        if self.history is None:
            return None
        return self.history.start(profile=self.profile.name, kind=kind, request=request, **extra)

    def _recorded(
        self,
        event: int | None,
        call: Callable[[], T],
        response_of: Callable[[T], dict[str, Any]],
        ok_code: str,
    ) -> T:
        try:
            result = call()
        except RecallError as exc:
            if event is not None and self.history is not None:
                code = str(exc.code) if isinstance(exc, RemoteRefused) else ""
                body = exc.context.body_excerpt if exc.context else ""
                self.history.finish(
                    event,
                    outcome=outcome_of(exc),
                    response=body,
                    code=code,
                    error=str(exc),
                    error_zh=reason(exc, "zh"),
                )
            raise
        except BaseException as exc:
            if event is not None and self.history is not None:
                self.history.finish(event, outcome="error", error=type(exc).__name__)
            raise
        if event is not None and self.history is not None:
            duration = float(getattr(result, "duration", 0.0))
            self.history.finish(
                event,
                outcome="ok",
                response=json.dumps(response_of(result), ensure_ascii=False),
                code=ok_code,
                duration=duration,
            )
        return result
