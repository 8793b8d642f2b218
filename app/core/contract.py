"""The contract's checks on a complete answer: HTTP status, JSON, the endpoint's success rule.

:class:`Response` is what the funnel (:mod:`app.core.http`) hands back; :meth:`Funnel.call`
applies :func:`check_status`, :meth:`Response.json_object` and a :class:`SuccessRule`, so
endpoint modules only map the payload to dataclasses.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.errors import ProtocolError, RemoteRefused, RequestContext

EXCERPT_LIMIT = 300


@dataclass(frozen=True)
class Response:
    """A complete, size-checked, decoded answer."""

    status: int
    headers: Mapping[str, str]
    content: bytes
    url: str
    elapsed: float
    method: str = "GET"

    def context(self) -> RequestContext:
        """Where this answer came from, with its status and the start of its body."""
        excerpt = self.content[:EXCERPT_LIMIT].decode("utf-8", errors="replace")
        return RequestContext(self.method, self.url, self.status, excerpt)

    def json(self) -> Any:
        """The body as JSON; raises ProtocolError for anything Python's json cannot read.

        That includes a number past Python's integer-digit limit (ValueError) and nesting
        deeper than the recursion limit (RecursionError).
        """
        try:
            return json.loads(self.content.decode("utf-8-sig"))
        except UnicodeDecodeError:
            key, params = "http.not_utf8", {}
        except json.JSONDecodeError as exc:  # json's English goes behind "Details" only
            key = "http.empty" if not exc.doc.strip() else "http.json_syntax"
            params = {"line": exc.lineno, "column": exc.colno, "detail": str(exc)}
        except RecursionError:
            key, params = "http.json_too_deep", {}
        except ValueError:  # a number longer than Python's integer-digit limit
            key, params = "http.json_number_too_long", {}
        raise ProtocolError(key, context=self.context(), **params)

    def json_object(self) -> dict[str, Any]:
        """The body as a JSON object, or ProtocolError naming what it was instead."""
        value = self.json()
        if not isinstance(value, dict):
            raise ProtocolError(
                "http.not_object", kind=type(value).__name__, context=self.context()
            )
        return value


@dataclass(frozen=True)
class SuccessRule:
    """How an endpoint says yes: ``payload[code_key] == success``; anything else is a no.

    ``required``: a missing code is a protocol error (else it counts as success).
    """

    code_key: str
    message_key: str
    success: int
    required: bool = True

    def check(self, payload: dict[str, Any], response: Response) -> None:
        """Raise RemoteRefused (a readable no) or ProtocolError (no readable verdict)."""
        if self.code_key not in payload:
            if not self.required:
                return
            raise ProtocolError("http.no_code", name=self.code_key, context=response.context())
        code = as_code(payload[self.code_key])
        if code == self.success:
            return
        if not isinstance(code, int):
            raise ProtocolError(
                "http.code_type", name=self.code_key, value=code[:40], context=response.context()
            )
        message = payload.get(self.message_key, "")
        raise RemoteRefused(
            code,
            message if isinstance(message, str) else str(message)[:300],
            context=response.context(),
        )


UDESK_RULE = SuccessRule("code", "message", 1000)
WECHAT_RULE = SuccessRule("errcode", "errmsg", 0)
# The template list answers without an errcode when it succeeds.
WECHAT_LIST_RULE = SuccessRule("errcode", "errmsg", 0, required=False)


def as_code(value: Any) -> int | str:
    """A code as an int where it is one (``43004`` or ``"43004"``), else as text."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return value
    text = str(value).strip() if isinstance(value, str | float) else type(value).__name__
    if text.lstrip("-").isdigit() and len(text) < 20:
        return int(text)
    return text


def check_status(response: Response) -> None:
    """Raise ProtocolError for any non-2xx answer."""
    if not 200 <= response.status < 300:
        html = b"<html" in response.content[:512].lower()
        raise ProtocolError(
            "http.status.html" if html else "http.status",
            status=response.status,
            context=response.context(),
        )
