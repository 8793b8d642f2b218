"""Below the funnel: a deadline on every socket operation, and decoding that counts as it goes.

* :func:`deadline` sets, for the calling thread, the moment by which a whole call must end.
  :func:`bound_by_deadline` gives an ``httpx.Client``'s connection pools a network backend that
  shortens every connect, TLS handshake, read and write to what is left of it, so no server
  behaviour (a byte a second, endless ``100 Continue``, a body read slowly) outlasts it.
* :func:`decoded` undoes ``Content-Encoding`` (stacked too) in bounded pieces, so the caller can
  stop as soon as the decoded size passes its cap, before a bomb has been inflated.

httpcore is imported with this module: the funnel loads it on the first request.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

PIECE = 64 * 1024  # the most a decoder hands over at once, and the largest single write
SUPPORTED_ENCODINGS = ("gzip", "deflate", "identity")


class _Deadline(threading.local):
    at: float | None = None


_current = _Deadline()


@contextmanager
def deadline(seconds: float) -> Iterator[float]:
    """Within the block, socket operations on this thread end ``seconds`` from now at the latest.

    Nested blocks keep the earlier of the two moments. Yields the moment (``time.monotonic``).
    """
    outer = _current.at
    at = time.monotonic() + seconds
    if outer is not None:
        at = min(at, outer)
    _current.at = at
    try:
        yield at
    finally:
        _current.at = outer


def remaining() -> float | None:
    """Seconds left before this thread's deadline (None when there is none)."""
    at = _current.at
    return None if at is None else at - time.monotonic()


def _bounded(timeout: float | None, timed_out: type[Exception]) -> float | None:
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise timed_out("the call's deadline passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    """A network stream whose every operation ends by the deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        # In pieces, so a peer that reads slowly meets the deadline between them.
        for start in range(0, len(buffer), PIECE) or [0]:
            piece = buffer[start : start + PIECE]
            self._inner.write(piece, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    """httpcore's network backend with every stream bounded by the thread's deadline."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        # The name is resolved here, within the deadline (the system resolver's own timeouts
        # are longer), then each address is tried in turn as socket.create_connection would.
        try:
            addresses = resolve(host, port, _bounded(timeout, httpcore.ConnectTimeout))
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host} took too long") from None
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        failure: Exception | None = None
        for address in addresses:
            bounded = _bounded(timeout, httpcore.ConnectTimeout)
            try:
                stream = self._inner.connect_tcp(
                    address, port, bounded, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
                continue
            return _Stream(stream)
        assert failure is not None  # resolve() returns at least one address
        raise failure

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def resolve(host: str, port: int, timeout: float | None) -> list[str]:
    """The addresses of ``host``, waiting at most ``timeout`` seconds for the resolver.

    Raises:
        TimeoutError: no answer in time (the lookup finishes on its own thread, unwaited).
        OSError: the name does not resolve (``socket.gaierror``).
    """
    try:
        ipaddress.ip_address(host)
        return [host]
    except ValueError:
        pass
    found: list[str] = []
    failed: list[OSError] = []
    done = threading.Event()

    def lookup() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            found.extend(dict.fromkeys(str(info[4][0]) for info in infos))
        except OSError as exc:
            failed.append(exc)
        except UnicodeError as exc:  # a name the IDNA codec refuses
            failed.append(socket.gaierror(socket.EAI_NONAME, str(exc)))
        finally:
            done.set()

    threading.Thread(target=lookup, name=f"resolve {host[:40]}", daemon=True).start()
    if not done.wait(timeout):
        raise TimeoutError(host)
    if failed:
        raise failed[0]
    if not found:
        raise socket.gaierror(socket.EAI_NONAME, host)
    return found


def bound_by_deadline(client: httpx.Client) -> int:
    """Give each of ``client``'s connection pools the deadline backend; return how many.

    httpx builds its pools without a way to pass httpcore a network backend, so this sets the
    pool's backend before its first connection (a test fails if httpx renames it). Transports
    that are not httpx's own (``MockTransport``) are left alone: the funnel still checks the
    deadline between the pieces it reads.
    """
    transports: list[Any] = [client._transport, *client._mounts.values()]
    count = 0
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, _Backend):
            pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
            count += 1
    return count


class DecodingError(Exception):
    """The body's Content-Encoding is unsupported, or its compressed data is corrupt."""

    def __init__(self, encoding: str, *, unsupported: bool) -> None:
        super().__init__(encoding)
        self.encoding = encoding
        self.unsupported = unsupported


def encodings_of(header: str) -> list[str]:
    """The codings of a Content-Encoding header, in the order they were applied."""
    return [part.strip().lower() for part in header.split(",") if part.strip()]


def decoded(raw: Iterable[bytes], content_encoding: str) -> Iterator[bytes]:
    """Undo ``content_encoding`` on ``raw``, yielding at most :data:`PIECE` bytes at a time.

    Raises:
        DecodingError: an unsupported coding (checked before reading) or corrupt data.
    """
    codings = encodings_of(content_encoding)
    for coding in codings:
        if coding not in SUPPORTED_ENCODINGS:
            raise DecodingError(coding, unsupported=True)
    stream: Iterable[bytes] = raw
    for coding in reversed(codings):  # the last applied is undone first
        if coding != "identity":
            stream = _inflate(stream, coding)
    yield from stream


def _inflate(chunks: Iterable[bytes], coding: str) -> Iterator[bytes]:
    wbits = 16 + zlib.MAX_WBITS if coding == "gzip" else zlib.MAX_WBITS
    inflater = zlib.decompressobj(wbits)
    started = False
    try:
        for chunk in chunks:
            data = chunk
            while data:
                if inflater.eof:
                    if coding != "gzip" or not data.startswith(b"\x1f\x8b"):
                        break  # bytes after the stream are ignored, as httpx does
                    inflater = zlib.decompressobj(wbits)  # the next gzip member
                try:
                    out = inflater.decompress(data, PIECE)
                except zlib.error:
                    if coding != "deflate" or started:
                        raise
                    # Many servers send raw deflate without the zlib wrapper.
                    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                    out = inflater.decompress(data, PIECE)
                started = True
                if out:
                    yield out
                while len(out) == PIECE and not inflater.unconsumed_tail and not inflater.eof:
                    out = inflater.decompress(b"", PIECE)  # output zlib still holds
                    if out:
                        yield out
                data = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
        tail = inflater.flush()
        if tail:
            yield tail
    except zlib.error as exc:
        raise DecodingError(coding, unsupported=False) from exc
    if started and not inflater.eof:  # the compressed data ended before its end
        raise DecodingError(coding, unsupported=False)


def transport_reason(exc: BaseException, host: str) -> tuple[str, dict[str, str]]:
    """The catalogue key and parameters for a transport failure (refused, DNS, TLS, timeout)."""
    if isinstance(exc, httpx.ConnectTimeout):
        return "http.connect_timeout", {"host": host}
    if isinstance(exc, httpx.TimeoutException):
        return "http.timeout", {}
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "http.unsupported_url", {"detail": str(exc)}
    cause: BaseException | None = exc
    while cause is not None:  # the socket's own error, under httpcore's and httpx's wrappers
        if isinstance(cause, ssl.SSLError):
            key = _TLS_REASONS.get(getattr(cause, "verify_code", 0), "http.tls")
            return key, {"host": host, "detail": str(cause)}
        if isinstance(cause, socket.gaierror):
            return "http.dns", {"host": host}
        if isinstance(cause, ConnectionRefusedError):
            return "http.refused", {"host": host}
        if isinstance(cause, OSError) and cause.errno in _UNREACHABLE:
            return "http.unreachable", {"host": host}
        cause = cause.__cause__ or cause.__context__
    text = str(exc)
    if "CERTIFICATE" in text.upper() or "SSL" in text.upper():
        return "http.tls", {"host": host, "detail": text}
    if isinstance(exc, httpx.ConnectError):
        return "http.connect_failed", {"host": host, "detail": text}
    return "http.other", {"kind": type(exc).__name__, "detail": text}


_UNREACHABLE = frozenset({errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EHOSTDOWN})
# OpenSSL's X509_V_ERR_* codes of a failed certificate check, said in our words.
_TLS_REASONS = {
    10: "http.tls.expired",
    18: "http.tls.self_signed",
    19: "http.tls.self_signed",
    20: "http.tls.unknown_issuer",
    21: "http.tls.unknown_issuer",
    62: "http.tls.hostname",
    64: "http.tls.hostname",  # an IP address the certificate does not name
}
