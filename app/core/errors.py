"""One exception tree for every failure the core layer reports.

::

    RecallError                 base; carries an optional RequestContext
    ├── BadInput                the user's input or configuration is wrong; nothing was sent
    ├── RemoteRefused           the server answered with a refusal (code != 1000, errcode != 0)
    ├── TransportError          no usable answer: refused connection, DNS, TLS, timeout
    │                           of a call that is safe to repeat
    ├── ProtocolError           an answer that breaks the contract: HTTP 5xx/4xx, HTML, broken
    │                           JSON, missing qrCodeUrl, an image that is not an image
    └── OutcomeUnknown          a send that may have reached the server (timeout or dropped
                                connection after the request went out); never retried for you

Callers turn these into sentences (the CLI via :func:`describe`, the GUI via its own ``tr()``
mapping) around :meth:`RecallError.text`, the reason in the user's language (each raise gives
the Chinese beside the English); ``str(err)`` is the English, meant for logs.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.lang import pick


@dataclass(frozen=True)
class RequestContext:
    """Where a failure happened: enough to show the user and to log, never the secret."""

    method: str
    url: str
    status: int | None = None
    body_excerpt: str = ""


class RecallError(Exception):
    """Base of every error the core raises on purpose."""

    exit_code = 3

    def __init__(
        self, message: str, *, zh: str = "", context: RequestContext | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.zh = zh
        self.context = context

    def text(self, lang: str) -> str:
        """The reason in ``lang`` (``zh…`` → Chinese where the raise gave it, else English)."""
        return pick(lang, self.message, self.zh)


class BadInput(RecallError):
    """Input or configuration is invalid; nothing was sent."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        zh: str = "",
        field: str | None = None,
        context: RequestContext | None = None,
    ) -> None:
        super().__init__(message, zh=zh, context=context)
        self.field = field


class RemoteRefused(RecallError):
    """The remote answered with a refusal code (Udesk ``code`` or WeChat ``errcode``)."""

    exit_code = 1

    def __init__(
        self,
        code: int | str,
        remote_message: str,
        *,
        context: RequestContext | None = None,
    ) -> None:
        super().__init__(
            f"refused with code {code}: {remote_message}",
            zh=f"被拒绝，代码 {code}：{remote_message}",
            context=context,
        )
        self.code = code
        self.remote_message = remote_message


class TransportError(RecallError):
    """The request got no usable answer at the transport level."""

    exit_code = 3


class ProtocolError(RecallError):
    """The answer does not follow the contract."""

    exit_code = 3


class OutcomeUnknown(RecallError):
    """A send may or may not have been delivered; the user must check before resending."""

    exit_code = 4

    def __init__(
        self,
        message: str,
        *,
        zh: str = "",
        client_msg_id: str | None = None,
        context: RequestContext | None = None,
    ) -> None:
        super().__init__(message, zh=zh, context=context)
        self.client_msg_id = client_msg_id
