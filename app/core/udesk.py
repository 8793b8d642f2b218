"""Udesk's "dynamically generate a mini-program QR code" API (contract §1).

``POST {qr_api_url}`` with a signed JSON body; ``{"code":1000,"data":{"qrCodeUrl":…}}`` is success,
any other code a refusal. The image at ``qrCodeUrl`` is fetched without auth headers.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from app.core import wire
from app.core.contract import UDESK_RULE, check_status
from app.core.controls import refuse_controls
from app.core.errors import (
    BadInput,
    OutcomeUnknown,
    ProtocolError,
    RecallError,
    RequestContext,
    TransportError,
)
from app.core.http import IMAGE_MAX_BYTES, Funnel
from app.core.images import VerifiedImage, verify_image
from app.core.signing import AuthPlacement, TimestampName, sign

MAX_CALL_TIMES = 2_147_483_647  # a 32-bit int on the QR API side; larger ones break its JSON


@dataclass(frozen=True)
class QrRequest:
    """The body of one QR request, as the user filled it in."""

    sdk_app_id: str
    offi_account_id: str
    open_id: str
    call_times: int = -1
    custom_channel: str = ""

    def validated(self) -> QrRequest:
        """Return a stripped copy, or raise BadInput naming the first bad field."""
        stripped = QrRequest(
            self.sdk_app_id.strip(),
            self.offi_account_id.strip(),
            self.open_id.strip(),
            self.call_times,
            self.custom_channel.strip(),
        )
        for name, value in (
            ("sdkAppId", stripped.sdk_app_id),
            ("offiAccountId", stripped.offi_account_id),
            ("offiAccountOpenId", stripped.open_id),
        ):
            if not value:
                raise BadInput("udesk.required", field=name)
            refuse_controls([(name, value)])  # ESC, NUL, bidi…
            if any(ch.isspace() for ch in value):
                raise BadInput("udesk.spaces", field=name)
        if stripped.call_times != -1 and not 1 <= stripped.call_times <= MAX_CALL_TIMES:
            raise BadInput("udesk.call_times", field="callTimes", high=MAX_CALL_TIMES)
        return stripped

    def to_body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "sdkAppId": self.sdk_app_id,
            "offiAccountId": self.offi_account_id,
            "offiAccountOpenId": self.open_id,
            "callTimes": self.call_times,
        }
        if self.custom_channel:
            body["customChannel"] = self.custom_channel
        return body

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class QrResult:
    """A successful answer: the code's URL and, once fetched, its verified image."""

    request: QrRequest
    qr_code_url: str
    duration: float
    image: VerifiedImage | None = None
    not_recorded: RecallError | None = None  # why history lacks this code (None: it is there)


class UdeskClient:
    """Signed calls to the QR API of one profile.

    Args:
        funnel: the request funnel (owns the httpx client).
        api_url: the full endpoint URL configured in the profile.
        app_id, secret: the credentials; the secret only ever enters the token.
        placement: where appId/nonce/timestamp travel (``headers`` or ``query``).
        timestamp_name: ``both`` (default), ``timestamp`` or the seed's ``timestap``.
    """

    def __init__(
        self,
        funnel: Funnel,
        api_url: str,
        app_id: str,
        secret: str,
        placement: AuthPlacement = "headers",
        timestamp_name: TimestampName = "both",
    ) -> None:
        self._funnel = funnel
        self._api_url = api_url
        self._app_id = app_id
        self._secret = secret
        self._placement: AuthPlacement = placement
        self._timestamp_name: TimestampName = timestamp_name
        self._hosts: dict[str, tuple[bool, float]] = {}  # host -> (internal, until when)

    def fresh_auth(self) -> tuple[dict[str, str], dict[str, str]]:
        """New (headers, query params) for this profile: a fresh nonce, timestamp and token."""
        return sign(self._app_id, self._secret).placed(self._placement, self._timestamp_name)

    def generate(self, request: QrRequest) -> QrResult:
        """Ask Udesk for a recall QR code; return its URL (the image is not fetched yet).

        ``request`` is one :meth:`QrRequest.validated` returned (the service validates once).
        """
        if not self._api_url:
            raise BadInput("udesk.profile_missing", field="qr_api_url")
        if urlsplit(self._api_url).scheme not in ("http", "https"):
            raise BadInput("udesk.api_url_scheme", field="qr_api_url", url=self._api_url)
        if not self._app_id or not self._secret:
            raise BadInput(
                "udesk.profile_missing", field="app_id" if not self._app_id else "secret"
            )
        headers, params = self.fresh_auth()
        try:
            payload, response = self._funnel.call(
                "POST",
                self._api_url,
                UDESK_RULE,
                headers=headers,
                params=params,
                json_body=request.to_body(),
                signed=True,
            )
        except OutcomeUnknown as exc:
            # Generating a code twice is harmless: here an unknown outcome is a plain failure.
            raise TransportError(
                "udesk.no_answer", cause=exc.key, context=exc.context, **exc.params
            ) from exc
        data = payload.get("data")
        url = data.get("qrCodeUrl") if isinstance(data, dict) else None
        if not isinstance(url, str) or not url.strip():
            raise ProtocolError("udesk.no_url", context=response.context())
        url = url.strip()
        image_url_problem(url, self._api_url, self._internal, response.context())
        return QrResult(request, url, response.elapsed)

    def fetch_image(self, url: str) -> VerifiedImage:
        """Download the image at ``qrCodeUrl`` without auth headers and verify it.

        Every redirect target is held to the same rules as ``qrCodeUrl`` itself.
        """
        response = self._funnel.request(
            "GET",
            url,
            idempotent=True,
            max_bytes=IMAGE_MAX_BYTES,
            follow_redirects=True,
            url_check=lambda target: image_url_problem(target, self._api_url, self._internal),
        )
        check_status(response)
        return verify_image(response.content, source_url=url, context=response.context())

    def _internal(self, host: str) -> bool:
        """:func:`internal_host`, each host's answer kept for :data:`HOST_VERDICT_SECONDS`: a
        batch fetches thousands of images from one host, and each look-up was a name
        resolution on a thread of its own (up to 2 s) before the image was asked for."""
        now = time.monotonic()
        known = self._hosts.get(host)
        if known is not None and now < known[1]:
            return known[0]
        verdict = internal_host(host)
        if len(self._hosts) >= MAX_HOSTS_KEPT:  # hostile answers naming a new host each time
            self._hosts.clear()
        self._hosts[host] = (verdict, now + HOST_VERDICT_SECONDS)
        return verdict

    def generate_with_image(self, request: QrRequest) -> QrResult:
        """Generate a code and fetch its image: what the QR page and ``recall-desk qr`` do."""
        result = self.generate(request)
        image = self.fetch_image(result.qr_code_url)
        return QrResult(result.request, result.qr_code_url, result.duration, image)


MAX_URL_CHARS = 8 * 1024
# How long a host's verdict (internal or public) is reused. The check resolves the name apart
# from the connection's own resolution anyway, so keeping it a minute opens nothing new.
HOST_VERDICT_SECONDS = 60.0
MAX_HOSTS_KEPT = 64


def image_url_problem(
    url: str,
    api_url: str,
    internal: Callable[[str], bool] | None = None,
    context: RequestContext | None = None,
) -> None:
    """Raise ProtocolError (with the answer's ``context``) unless ``url`` is an image URL the
    tool may fetch.

    An absolute http(s) URL, at most 8 KiB, without control characters, with a valid host,
    that is not on loopback or a private network unless the QR API itself is: a hostile
    answer must not make the tool probe the intranet. ``internal`` judges a host (default
    :func:`internal_host`).
    """
    internal = internal or internal_host
    if len(url) > MAX_URL_CHARS:
        raise ProtocolError(
            "udesk.url_too_long", length=len(url), limit=MAX_URL_CHARS, context=context
        )
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in url):
        raise ProtocolError("udesk.url_control", context=context)
    shown = url[:200]
    try:
        scheme = urlsplit(url).scheme.lower()
        host = httpx.URL(url).host
        api_host = httpx.URL(api_url).host
    except (ValueError, httpx.InvalidURL) as exc:  # IDNA errors are ValueErrors
        raise ProtocolError(
            "udesk.url_invalid", url=shown, detail=str(exc)[:200], context=context
        ) from None
    if scheme not in ("http", "https") or not host:
        raise ProtocolError("udesk.url_not_absolute", url=shown, context=context)
    if internal(host) and not internal(api_host):
        raise ProtocolError("udesk.url_private", host=host[:100], context=context)


def internal_host(host: str) -> bool:
    """True when ``host`` is, or resolves to, a loopback, private or otherwise non-public
    address (a name that does not resolve within 2 s counts as public: its fetch will fail)."""
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        found = wire.resolve(host, 443, 2.0)
    except (OSError, TimeoutError):
        return False
    for text in found:
        address = ipaddress.ip_address(text.split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if not address.is_global:
            return True
    return False
