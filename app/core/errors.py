"""One exception tree for every failure the core layer reports: data, not prose.

::

    RecallError                 base: a catalogue key, its parameters, an optional RequestContext
    ├── BadInput                the user's input or configuration is wrong; nothing was sent
    ├── RemoteRefused           the server answered with a refusal (code != 1000, errcode != 0)
    ├── TransportError          no usable answer: refused connection, DNS, TLS, timeout
    │                           of a call that is safe to repeat
    ├── ProtocolError           an answer that breaks the contract: HTTP 5xx/4xx, HTML, broken
    │                           JSON, missing qrCodeUrl, an image that is not an image
    └── OutcomeUnknown          a send that may have reached the server (timeout or dropped
                                connection after the request went out); never retried for you

A raise names a key of the catalogue (``app/core/catalogue``) and gives its parameters as
keywords: ``raise BadInput("stock.unknown", name=name)``. The front ends make the sentence with
:func:`app.core.messages.describe`; ``str(err)`` is the English sentence, meant for logs.
``err.key`` and ``err.params`` (str/int/float/bool/None values) are what to store to make the
sentence again later, in either language (``messages.say(key, lang, **params)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RequestContext:
    """Where a failure happened: enough to show the user and to log, never the secret."""

    method: str
    url: str
    status: int | None = None
    body_excerpt: str = ""


class RecallError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(
        self, key: str, /, *, context: RequestContext | None = None, **params: Any
    ) -> None:
        super().__init__(key)
        self.key = key
        self.params: dict[str, Any] = params
        self.context = context

    def __str__(self) -> str:
        from app.core.messages import say

        return say(self.key, "en", **self.params)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, **{self.params!r})"


class BadInput(RecallError):
    """Input or configuration is invalid; nothing was sent. ``field`` names the input."""

    def __init__(
        self,
        key: str,
        /,
        *,
        field: str | None = None,
        context: RequestContext | None = None,
        **params: Any,
    ) -> None:
        if field is not None:
            params["field"] = field  # sentences name it by its label: "{field} is required"
        super().__init__(key, context=context, **params)
        self.field = field


class RemoteRefused(RecallError):
    """The remote answered with a refusal code (Udesk ``code`` or WeChat ``errcode``)."""

    KEY = "remote.refused"

    def __init__(
        self,
        code: int | str,
        remote_message: str,
        *,
        context: RequestContext | None = None,
    ) -> None:
        super().__init__(self.KEY, context=context, code=code, message=remote_message)
        self.code = code
        self.remote_message = remote_message


class TransportError(RecallError):
    """The request got no usable answer at the transport level."""


class ProtocolError(RecallError):
    """The answer does not follow the contract."""


class OutcomeUnknown(RecallError):
    """A send may or may not have been delivered; the user must check before resending."""

    def __init__(
        self,
        key: str,
        /,
        *,
        client_msg_id: str | None = None,
        context: RequestContext | None = None,
        **params: Any,
    ) -> None:
        super().__init__(key, context=context, **params)
        self.client_msg_id = client_msg_id
