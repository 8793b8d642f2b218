"""Credentials out of URLs we show: reports, findings and messages may be shared."""

from __future__ import annotations

from urllib.parse import urlsplit

SECRET_WORDS = ("token", "secret", "sign", "password", "key")


def mask_url(url: str) -> str:
    """``url`` with a password in it (``user:pass@host``) and the values of credential-like
    query parameters replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is not None:
        host = parts.netloc.rpartition("@")[2]
        parts = parts._replace(netloc=f"{parts.username or ''}:***@{host}")
    if not parts.query:
        return parts.geturl()
    masked = []
    for pair in parts.query.split("&"):
        name, sep, value = pair.partition("=")
        if sep and any(word in name.lower() for word in SECRET_WORDS):
            value = "***"
        masked.append(f"{name}{sep}{value}")
    return parts._replace(query="&".join(masked)).geturl()
