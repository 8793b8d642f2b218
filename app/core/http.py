"""The one request funnel every remote call goes through.

It owns what all calls share: the per-profile ``httpx.Client`` (timeouts, TLS, proxy), a cap
on response size, retries with backoff for idempotent calls only, the classification of
transport failures into the error tree, and a hook that records every exchange (the request
inspector and the history read it). Endpoint modules (:mod:`udesk`, :mod:`middleware`) stay thin.
"""

from __future__ import annotations

import errno
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.core.errors import OutcomeUnknown, ProtocolError, RequestContext, TransportError

if TYPE_CHECKING:
    import httpx

# httpx (with ssl and certifi) is imported on the first request, not at start-up: the window
# shows before any network code has loaded.

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
IMAGE_MAX_BYTES = 8 * 1024 * 1024
USER_AGENT = "RecallDesk/0.1 (+httpx)"
BODY_LOG_LIMIT = 64 * 1024


def _maybe_delivered() -> tuple[type[Exception], ...]:
    """A send that failed with one of these may have reached the server."""
    import httpx

    return (
        httpx.ReadTimeout,
        httpx.WriteTimeout,
        httpx.ReadError,
        httpx.WriteError,
        httpx.RemoteProtocolError,
    )


@dataclass
class Exchange:
    """One HTTP exchange as the inspector and history see it (bodies capped, no secret)."""

    method: str
    url: str
    request_headers: dict[str, str]
    request_body: bytes
    started: float
    status: int | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: bytes = b""
    duration: float = 0.0
    error: str | None = None
    signed: bool = False
    profile: str = ""


ExchangeHook = Callable[[Exchange], None]


@dataclass(frozen=True)
class Response:
    """A complete, size-checked answer."""

    status: int
    headers: Mapping[str, str]
    content: bytes
    url: str
    elapsed: float

    def json(self) -> Any:
        return json.loads(self.content.decode("utf-8-sig"))


@dataclass(frozen=True)
class ClientSettings:
    """Transport settings taken from a profile."""

    timeout: float = 10.0
    ca_bundle: str | None = None
    proxy: str | None = None


def make_client(settings: ClientSettings) -> httpx.Client:
    """Build an ``httpx.Client`` with explicit timeouts and verification always on."""
    import ssl

    import httpx

    verify: ssl.SSLContext | bool = True
    if settings.ca_bundle:
        verify = ssl.create_default_context(cafile=settings.ca_bundle)
    return httpx.Client(
        timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, 10.0)),
        verify=verify,
        proxy=settings.proxy or None,
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
        trust_env=True,
    )


class Funnel:
    """Send requests through one client, classify failures, and report exchanges.

    Args:
        client: the httpx client (tests may pass one with ``httpx.MockTransport``).
        hooks: callables that receive every :class:`Exchange`; must be thread-safe.
        retries: extra attempts for idempotent calls after a transport failure or 502/503/504.
        backoff: first retry delay in seconds, doubled each time.
    """

    def __init__(
        self,
        client: httpx.Client,
        *,
        hooks: list[ExchangeHook] | None = None,
        retries: int = 2,
        backoff: float = 0.3,
        label: str = "",
    ) -> None:
        self.client = client
        self.label = label
        self.hooks: list[ExchangeHook] = list(hooks or [])
        self.retries = retries
        self.backoff = backoff

    def close(self) -> None:
        self.client.close()

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        json_body: Any = None,
        idempotent: bool,
        max_bytes: int = DEFAULT_MAX_BYTES,
        follow_redirects: bool = False,
        signed: bool = False,
    ) -> Response:
        """Send one request and return the whole answer, whatever its status.

        Raises:
            TransportError: nothing usable came back (after retries, for idempotent calls).
            OutcomeUnknown: a non-idempotent request may have been delivered.
            ProtocolError: the answer is larger than ``max_bytes`` or loops on redirects.
        """
        content = b""
        if json_body is not None:
            content = json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode()
        req_headers = dict(headers or {})
        if json_body is not None:
            req_headers["Content-Type"] = "application/json; charset=utf-8"
        attempts = 1 + (self.retries if idempotent else 0)
        delay = self.backoff
        for attempt in range(attempts):
            try:
                response = self._once(
                    method, url, req_headers, params, content, max_bytes, follow_redirects, signed
                )
            except TransportError:
                if attempt + 1 >= attempts:
                    raise
                time.sleep(delay)  # backoff between retries of an idempotent call
                delay *= 2
                continue
            if idempotent and response.status in (502, 503, 504) and attempt + 1 < attempts:
                time.sleep(delay)
                delay *= 2
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        params: Mapping[str, str] | None,
        content: bytes,
        max_bytes: int,
        follow_redirects: bool,
        signed: bool,
    ) -> Response:
        import httpx

        started = time.monotonic()
        request = self.client.build_request(
            method, url, headers=headers, params=params, content=content or None
        )
        exchange = Exchange(
            method=method,
            url=str(request.url),
            request_headers=dict(request.headers),
            request_body=content[:BODY_LOG_LIMIT],
            started=time.time(),
            signed=signed,
            profile=self.label,
        )
        context = RequestContext(method, str(request.url))
        try:
            response = self.client.send(request, stream=True, follow_redirects=follow_redirects)
            try:
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        raise ProtocolError(
                            "http.too_large",
                            limit=max_bytes,
                            context=RequestContext(method, str(request.url), response.status_code),
                        )
            finally:
                response.close()
        except ProtocolError as exc:
            exchange.error = str(exc)
            self._emit(exchange, started)
            raise
        except httpx.TooManyRedirects as exc:
            exchange.error = "too many redirects"
            self._emit(exchange, started)
            raise ProtocolError("http.redirects", context=context) from exc
        except httpx.HTTPError as exc:
            exchange.error = f"{type(exc).__name__}: {exc}"
            self._emit(exchange, started)
            if method != "GET" and isinstance(exc, _maybe_delivered()):
                key = (
                    "http.after_send.timeout"
                    if isinstance(exc, httpx.TimeoutException)
                    else "http.after_send.dropped"
                )
                raise OutcomeUnknown(key, kind=type(exc).__name__, context=context) from exc
            key, params = transport_reason(exc, request.url.host)
            raise TransportError(key, context=context, **params) from exc
        exchange.status = response.status_code
        exchange.response_headers = dict(response.headers)
        exchange.response_body = bytes(body[:BODY_LOG_LIMIT])
        self._emit(exchange, started)
        return Response(
            status=response.status_code,
            headers=response.headers,
            content=bytes(body),
            url=str(response.url),
            elapsed=exchange.duration,
        )

    def _emit(self, exchange: Exchange, started: float) -> None:
        exchange.duration = time.monotonic() - started
        for hook in self.hooks:
            try:
                hook(exchange)
            except Exception:  # a broken observer must not break the call
                log.exception("exchange hook failed")


def transport_reason(exc: BaseException, host: str) -> tuple[str, dict[str, str]]:
    """The catalogue key and parameters for a transport failure (refused, DNS, TLS, timeout)."""
    import socket
    import ssl

    import httpx

    if isinstance(exc, httpx.ConnectTimeout):
        return "http.connect_timeout", {"host": host}
    if isinstance(exc, httpx.TimeoutException):
        return "http.timeout", {}
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "http.unsupported_url", {"reason": str(exc)}
    cause: BaseException | None = exc
    while cause is not None:  # the socket's own error, under httpcore's and httpx's wrappers
        if isinstance(cause, ssl.SSLError):
            reason = getattr(cause, "verify_message", "") or getattr(cause, "reason", "") or ""
            return "http.tls", {"host": host, "reason": str(reason or cause)}
        if isinstance(cause, socket.gaierror):
            return "http.dns", {"host": host}
        if isinstance(cause, ConnectionRefusedError):
            return "http.refused", {"host": host}
        if isinstance(cause, OSError) and cause.errno in _UNREACHABLE:
            return "http.unreachable", {"host": host}
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    if "CERTIFICATE" in text.upper() or "SSL" in text.upper():
        return "http.tls", {"host": host, "reason": text}
    if isinstance(exc, httpx.ConnectError):
        return "http.connect_failed", {"host": host, "reason": text}
    return "http.other", {"kind": type(exc).__name__, "reason": text}


_UNREACHABLE = frozenset({errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EHOSTDOWN})


def context_of(response: Response, method: str) -> RequestContext:
    """A RequestContext with the status and the start of the body, for error reports."""
    excerpt = response.content[:300].decode("utf-8", errors="replace")
    return RequestContext(method, response.url, response.status, excerpt)


def check_http_status(response: Response, method: str) -> None:
    """Raise ProtocolError for any non-2xx answer."""
    if not 200 <= response.status < 300:
        html = b"<html" in response.content[:512].lower()
        raise ProtocolError(
            "http.status.html" if html else "http.status",
            status=response.status,
            context=context_of(response, method),
        )


def decode_json_object(response: Response, method: str) -> dict[str, Any]:
    """Decode a JSON object body or raise ProtocolError naming what was wrong."""
    try:
        value = response.json()
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProtocolError(
            "http.not_json", kind=exc.__class__.__name__, context=context_of(response, method)
        ) from exc
    if not isinstance(value, dict):
        raise ProtocolError(
            "http.not_object", kind=type(value).__name__, context=context_of(response, method)
        )
    return value
