"""Reproduce an exchange as a ``curl`` command line.

For a signed call the auth is replaced by a fresh one at copy time (new nonce, timestamp and
token): the command works once, within the server's timestamp window, and says so in a comment.
"""

from __future__ import annotations

import shlex
import time
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from app.core.http import Exchange
from app.core.signing import AUTH_KEYS

# Headers httpx adds on its own; curl sets its own equivalents.
SKIPPED_HEADERS = {"host", "content-length", "accept-encoding", "connection", "user-agent"}


def curl_command(
    exchange: Exchange,
    fresh_auth: tuple[dict[str, str], dict[str, str]] | None = None,
) -> str:
    """A shell command that sends the same request again.

    Args:
        exchange: the recorded exchange.
        fresh_auth: (headers, query params) from a new signature, for signed calls.
    """
    url = exchange.url
    headers = {
        k: v for k, v in exchange.request_headers.items() if k.lower() not in SKIPPED_HEADERS
    }
    lines = []
    if exchange.signed and fresh_auth is not None:
        auth_headers, auth_params = fresh_auth
        headers = {
            k: v
            for k, v in headers.items()
            if k not in AUTH_KEYS and k.lower() not in {a.lower() for a in AUTH_KEYS}
        }
        headers.update(auth_headers)
        parts = urlsplit(url)
        query = [
            (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in AUTH_KEYS
        ]
        query += list(auth_params.items())
        url = urlunsplit(parts._replace(query=urlencode(query)))
        stamp = time.strftime("%H:%M:%S")
        lines.append(
            f"# Signed afresh at {stamp}: the nonce works once, and only while the "
            "timestamp is within the server's window (300 s in the sandbox)."
        )
    elif exchange.signed:
        lines.append(
            "# This call was signed; its nonce has been used, so the server will refuse it again."
        )
    command = ["curl", "-sS", "-X", exchange.method, url]
    for key, value in headers.items():
        command += ["-H", f"{key}: {value}"]
    if exchange.request_body:
        command += ["--data-binary", exchange.request_body.decode("utf-8", errors="replace")]
    lines.append(" \\\n  ".join(shlex.quote(part) for part in command))
    return "\n".join(lines)
