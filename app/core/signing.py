"""Udesk request signing: ``token = sha256_hex(appId&secret&nonce&timestamp)``.

Contract §1. The nonce is a fresh uuid4 hex per request and the timestamp is Unix *seconds*.
The source document spells the timestamp parameter ``timestap`` (in the formula and in its
table), which may be the name Udesk's server reads: by default the timestamp travels under both
names (a server ignores a parameter it does not know); a profile may pick one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

AuthPlacement = Literal["headers", "query"]
AUTH_PLACEMENTS: tuple[AuthPlacement, ...] = ("headers", "query")
TimestampName = Literal["both", "timestamp", "timestap"]
TIMESTAMP_NAMES: tuple[TimestampName, ...] = ("both", "timestamp", "timestap")
# Every name the auth may travel under, in headers or the query string.
AUTH_KEYS = ("appId", "nonce", "timestamp", "timestap", "token")


def compute_token(app_id: str, secret: str, nonce: str, timestamp: int | str) -> str:
    """Return the lowercase hex SHA-256 of ``appId&secret&nonce&timestamp``."""
    import hashlib  # here: it loads OpenSSL (~4 MB), which the window need not wait for

    raw = f"{app_id}&{secret}&{nonce}&{timestamp}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SignedAuth:
    """The four values that travel with a signed request (the secret never does)."""

    app_id: str
    nonce: str
    timestamp: int
    token: str = field(repr=False)  # it stands for the secret for as long as it is accepted

    def values(self, timestamp_name: TimestampName = "both") -> dict[str, str]:
        """appId, nonce and the timestamp under the chosen name(s), in that order."""
        names = ("timestamp", "timestap") if timestamp_name == "both" else (timestamp_name,)
        stamp = str(self.timestamp)
        return {"appId": self.app_id, "nonce": self.nonce, **{name: stamp for name in names}}

    def headers(self, timestamp_name: TimestampName = "both") -> dict[str, str]:
        return {**self.values(timestamp_name), "token": self.token}

    def placed(
        self, placement: AuthPlacement, timestamp_name: TimestampName = "both"
    ) -> tuple[dict[str, str], dict[str, str]]:
        """Split into (headers, query params) for the profile's auth placement.

        The token always travels in the ``token`` header (the seed says so); only appId, nonce
        and the timestamp move to the query string when the placement is ``query``.
        """
        if placement == "headers":
            return self.headers(timestamp_name), {}
        return {"token": self.token}, self.values(timestamp_name)


def _fresh_nonce() -> str:
    import uuid  # with hashlib, not at start-up

    return uuid.uuid4().hex


def sign(
    app_id: str,
    secret: str,
    *,
    clock: Callable[[], float] = time.time,
    make_nonce: Callable[[], str] | None = None,
) -> SignedAuth:
    """Sign one request with a fresh nonce (a uuid4 hex) and the current Unix time in seconds."""
    nonce = make_nonce() if make_nonce is not None else _fresh_nonce()
    timestamp = int(clock())
    return SignedAuth(app_id, nonce, timestamp, compute_token(app_id, secret, nonce, timestamp))
