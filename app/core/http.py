"""The one request funnel every remote call goes through.

It owns what all calls share: the per-profile ``httpx.Client`` (TLS, proxy), a deadline for
each call as a whole (connect, send, every read and the retries, see :mod:`app.core.wire`), a
cap on the decoded size checked while decoding, retries with backoff for idempotent calls only,
the classification of failures into the error tree with the request context attached here, and
a hook that records every exchange (the request inspector and the history read it).

:meth:`Funnel.call` also checks the contract: HTTP status, a JSON object, and the endpoint's
success rule (Udesk ``code`` 1000, WeChat ``errcode`` 0). Endpoint modules (:mod:`udesk`,
:mod:`middleware`) only map answers to dataclasses.
"""

from __future__ import annotations

import json
import logging
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from app.core import wire
from app.core.contract import Response, SuccessRule, check_status
from app.core.errors import (
    BadInput,
    OutcomeUnknown,
    ProtocolError,
    RequestContext,
    TransportError,
)
from app.core.messages import os_key
from app.core.redact import mask_url

# This module, and httpx (with ssl and certifi) with it, is loaded on the first request, not at
# start-up: the window shows before any network code has loaded.

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
IMAGE_MAX_BYTES = 8 * 1024 * 1024
USER_AGENT = "RecallDesk/0.1 (+httpx)"
BODY_LOG_LIMIT = 64 * 1024
MAX_REDIRECTS = 10
# The most requests one client carries at once (a batch's highest concurrency): its pool keeps
# that many connections open between requests (httpx keeps 20; the rest would be re-opened).
MAX_CONCURRENCY = 32
RETRY_BACKOFF = 0.3  # seconds before the first retry of an idempotent call (tests shorten it)
# Answers to a send that leave open whether the server behind the gateway took it.
AMBIGUOUS_GATEWAY_STATUSES = (502, 504)


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
class ClientSettings:
    """Transport settings taken from a profile."""

    timeout: float = 10.0
    ca_bundle: str | None = None
    proxy: str | None = None


def make_client(settings: ClientSettings) -> httpx.Client:
    """Build an ``httpx.Client`` with verification always on.

    Raises:
        BadInput: the CA bundle cannot be read, or the proxy needs what is not installed.
    """
    verify: ssl.SSLContext | bool = True
    if settings.ca_bundle:
        try:
            verify = ssl.create_default_context(cafile=settings.ca_bundle)
        except ssl.SSLError as exc:  # read, but not certificates
            raise BadInput(
                "http.ca_bundle_invalid",
                field="ca_bundle",
                path=settings.ca_bundle,
                detail=str(exc),
            ) from None
        except OSError as exc:
            raise BadInput(
                "http.ca_bundle", field="ca_bundle", path=settings.ca_bundle, cause=os_key(exc)
            ) from None
    try:
        return httpx.Client(
            timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, 10.0)),
            verify=verify,
            proxy=settings.proxy or None,
            follow_redirects=False,
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=MAX_CONCURRENCY),
            # Only the codings the funnel decodes in bounded pieces (app.core.wire).
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            trust_env=True,
        )
    except ImportError as exc:  # socks5:// without httpx's socks extra (socksio)
        raise BadInput(
            "http.socks_missing", field="proxy", proxy=mask_url(settings.proxy or "")
        ) from exc
    except ValueError as exc:  # an unknown proxy scheme
        raise BadInput("http.proxy", field="proxy", detail=str(exc)) from exc


class Funnel:
    """Send requests through one client, classify failures, and report exchanges.

    Args:
        client: the httpx client (tests may pass one with ``httpx.MockTransport``).
        hooks: callables that receive every :class:`Exchange`; must be thread-safe.
        retries: extra attempts for idempotent calls after a transport failure or 502/503/504,
            all within the same deadline.
        backoff: first retry delay in seconds, doubled each time (default
            :data:`RETRY_BACKOFF`).
        timeout: the deadline of one call as a whole, in seconds (default: the client's read
            timeout).
    """

    def __init__(
        self,
        client: httpx.Client,
        *,
        hooks: list[ExchangeHook] | None = None,
        retries: int = 2,
        backoff: float | None = None,
        label: str = "",
        timeout: float | None = None,
    ) -> None:
        wire.bound_by_deadline(client)
        self.client = client
        self.label = label
        self.hooks: list[ExchangeHook] = list(hooks or [])
        self.retries = retries
        self.backoff = RETRY_BACKOFF if backoff is None else backoff
        self.timeout = timeout if timeout is not None else (client.timeout.read or 10.0)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Funnel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def call(
        self,
        method: str,
        url: str,
        rule: SuccessRule,
        *,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        json_body: Any = None,
        idempotent: bool = False,
        client_msg_id: str | None = None,
        signed: bool = False,
    ) -> tuple[dict[str, Any], Response]:
        """Send one request and check the contract; return the JSON object and the answer.

        ``client_msg_id`` (``""`` when the body has none) marks a send whose outcome matters:
        once its body went out, an answer that cannot be read in full is OutcomeUnknown, never
        a refusal. Other calls raise OutcomeUnknown only for a transport failure after the
        request went out (non-idempotent calls), and ProtocolError for unreadable answers.

        Raises:
            RemoteRefused: a readable answer whose code says no.
            ProtocolError: HTTP status not 2xx, not a JSON object, no readable code.
            TransportError: no usable answer.
            OutcomeUnknown: a send that may have been delivered.
        """
        is_send = client_msg_id is not None
        try:
            response = self.request(
                method,
                url,
                headers=headers,
                params=params,
                json_body=json_body,
                idempotent=idempotent,
                signed=signed,
            )
        except OutcomeUnknown as exc:
            if is_send:
                raise OutcomeUnknown(
                    exc.key, client_msg_id=client_msg_id, context=exc.context, **exc.params
                ) from exc
            raise
        except ProtocolError as exc:
            if is_send:  # an answer came back but could not be read (too large, corrupt)
                raise _unknown(exc, client_msg_id) from exc
            raise
        if is_send and response.status in AMBIGUOUS_GATEWAY_STATUSES:
            raise OutcomeUnknown(
                "http.gateway",
                status=response.status,
                client_msg_id=client_msg_id,
                context=response.context(),
            )
        check_status(response)
        try:
            payload = response.json_object()
            rule.check(payload, response)
        except ProtocolError as exc:
            if is_send:  # 2xx: the request was taken, its verdict cannot be read
                raise _unknown(exc, client_msg_id) from exc
            raise
        return payload, response

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
        url_check: Callable[[str], None] | None = None,
    ) -> Response:
        """Send one request and return the whole answer, whatever its status.

        ``url_check`` raises for a redirect target the caller must not follow.

        Raises:
            BadInput: the URL cannot be sent to.
            TransportError: nothing usable came back (after retries, for idempotent calls).
            OutcomeUnknown: a non-idempotent request may have been delivered.
            ProtocolError: the answer is larger than ``max_bytes`` decoded, its encoding is
                unsupported or corrupt, or it loops on redirects.
        """
        content = b""
        req_headers = dict(headers or {})
        if json_body is not None:
            content = json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode()
            req_headers["Content-Type"] = "application/json; charset=utf-8"
        attempts = 1 + (self.retries if idempotent else 0)
        delay = self.backoff
        with wire.deadline(self.timeout):
            for attempt in range(attempts):
                last = attempt + 1 >= attempts
                try:
                    response = self._once(
                        method,
                        url,
                        req_headers,
                        params,
                        content,
                        max_bytes,
                        follow_redirects,
                        signed,
                        url_check,
                    )
                except TransportError:
                    if last or not _wait(delay):
                        raise
                    delay *= 2
                    continue
                if idempotent and response.status in (502, 503, 504) and not last:
                    if _wait(delay):
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
        url_check: Callable[[str], None] | None,
    ) -> Response:
        started = time.monotonic()
        try:
            request = self.client.build_request(
                method, url, headers=headers, params=params, content=content or None
            )
        except (httpx.InvalidURL, ValueError) as exc:  # UnicodeError (IDNA) is a ValueError
            raise BadInput("http.bad_url", url=url[:200], detail=str(exc)) from None
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
            response = self._send(request, follow_redirects, url_check)
            context = RequestContext(method, str(response.url), response.status_code)
            try:
                body = _read_capped(response, max_bytes, context)
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
            key, params = self._transport_reason(exc, request.url.host)
            raise TransportError(key, context=context, **params) from exc
        left = wire.remaining()
        if left is not None and left < 0:  # a transport without the deadline backend
            exchange.error = "deadline"
            self._emit(exchange, started)
            raise TransportError("http.deadline", seconds=self.timeout, context=context)
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
            method=method,
        )

    def _send(
        self,
        request: httpx.Request,
        follow_redirects: bool,
        url_check: Callable[[str], None] | None,
    ) -> httpx.Response:
        """Send, following redirects here: httpx would read each redirect's body uncapped."""
        for _ in range(MAX_REDIRECTS):
            response = self.client.send(request, stream=True, follow_redirects=False)
            if not (follow_redirects and response.has_redirect_location):
                return response
            response.close()
            try:
                target = response.url.join(response.headers["Location"])
                request = self.client.build_request("GET", target)
            except (httpx.InvalidURL, ValueError) as exc:
                raise httpx.TooManyRedirects(f"unusable redirect: {exc}", request=request) from None
            if url_check is not None:
                url_check(str(target))
        raise httpx.TooManyRedirects("too many redirects", request=request)

    def _emit(self, exchange: Exchange, started: float) -> None:
        exchange.duration = time.monotonic() - started
        for hook in self.hooks:
            try:
                hook(exchange)
            except Exception:  # a broken observer must not break the call
                log.exception("exchange hook failed")

    def _transport_reason(self, exc: BaseException, host: str) -> tuple[str, dict[str, Any]]:
        left = wire.remaining()
        if isinstance(exc, httpx.TimeoutException) and left is not None and left <= 0.05:
            return "http.deadline", {"seconds": self.timeout}
        return wire.transport_reason(exc, host)


def _read_capped(response: httpx.Response, max_bytes: int, context: RequestContext) -> bytearray:
    """The decoded body, stopping as soon as it (or its encoded form) passes ``max_bytes``."""

    def too_large() -> ProtocolError:
        return ProtocolError("http.too_large", limit=max_bytes, context=context)

    raw_total = 0
    encoding = response.headers.get("Content-Encoding", "")
    if response.is_stream_consumed:  # built in memory (MockTransport): already decoded
        chunks: Any = [response.content]
        encoding = ""
    else:
        chunks = response.iter_raw()

    def raw() -> Any:
        nonlocal raw_total
        for chunk in chunks:
            raw_total += len(chunk)
            if raw_total > max_bytes:
                raise too_large()
            yield chunk

    body = bytearray()
    try:
        for piece in wire.decoded(raw(), encoding):
            body.extend(piece)
            if len(body) > max_bytes:
                raise too_large()
            left = wire.remaining()
            if left is not None and left < 0:
                raise httpx.ReadTimeout("the call's deadline passed")
    except wire.DecodingError as exc:
        key = "http.encoding_unsupported" if exc.unsupported else "http.encoding_corrupt"
        raise ProtocolError(key, encoding=exc.encoding[:40], context=context) from None
    return body


def _wait(delay: float) -> bool:
    """Sleep ``delay`` before a retry if the deadline leaves room for one; say whether."""
    left = wire.remaining()
    if left is not None and left <= delay:
        return False
    time.sleep(delay)  # backoff between retries of an idempotent call
    return True


def _maybe_delivered() -> tuple[type[Exception], ...]:
    """A send that failed with one of these may have reached the server."""
    return (
        httpx.ReadTimeout,
        httpx.WriteTimeout,
        httpx.ReadError,
        httpx.WriteError,
        httpx.RemoteProtocolError,
    )


def _unknown(exc: ProtocolError, client_msg_id: str | None) -> OutcomeUnknown:
    return OutcomeUnknown(
        "http.accepted_but",
        cause=exc.key,
        client_msg_id=client_msg_id,
        context=exc.context,
        **exc.params,
    )
