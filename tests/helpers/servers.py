"""A loopback HTTP server whose answers tests script, for broken-server cases.

Routes that behave badly over time (:func:`drip`, :func:`continue_flood`, :func:`read_slowly`)
stop when the server does, so a test never leaves a handler running.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Route = Callable[[BaseHTTPRequestHandler], None]


def answer(status: int, body: bytes, content_type: str = "application/json") -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return route


def by_body(decide: Callable[[bytes], tuple[int, bytes]]) -> Route:
    """Answer JSON chosen from the request body: ``decide(body) -> (status, answer)``."""

    def route(h: BaseHTTPRequestHandler) -> None:
        status, body = decide(getattr(h, "request_body", b""))
        answer(status, body)(h)

    return route


def stall(release: threading.Event) -> Route:
    """Read the request, then send nothing until ``release`` is set (or 30 s pass)."""

    def route(h: BaseHTTPRequestHandler) -> None:
        release.wait(30)

    return route


def reset_mid_body(total: int = 5000, sent: int = 100) -> Route:
    """Promise ``total`` bytes, send ``sent``, then drop the connection."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(total))
        h.end_headers()
        h.wfile.write(b'{"code":1000,"data":' + b" " * (sent - 20))
        h.wfile.flush()
        h.close_connection = True
        h.connection.shutdown(socket.SHUT_RDWR)

    return route


def stall_mid_body(release: threading.Event) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", "500")
        h.end_headers()
        h.wfile.write(b'{"template_list": [')
        h.wfile.flush()
        release.wait(30)

    return route


def _stopping(h: BaseHTTPRequestHandler) -> threading.Event:
    return h.server.stopping  # type: ignore[attr-defined, no-any-return]


def drip(body: bytes, every: float, *, headers_too: bool = False) -> Route:
    """Answer 200 with ``body``, one byte each ``every`` seconds (the status line too when
    ``headers_too``), until the client hangs up or the server stops."""

    def route(h: BaseHTTPRequestHandler) -> None:
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
        )
        if not headers_too:
            h.wfile.write(head)
            head = b""
        data = head + body
        for i in range(len(data)):
            if _stopping(h).wait(every):
                return
            h.wfile.write(data[i : i + 1])
            h.wfile.flush()

    return route


def continue_flood(every: float = 0.01, give_up: float = 5.0) -> Route:
    """Send ``100 Continue`` after ``100 Continue``, never a final answer (for ``give_up``
    seconds, so a client without a deadline fails its test instead of hanging it)."""

    def route(h: BaseHTTPRequestHandler) -> None:
        end = time.monotonic() + give_up
        while not _stopping(h).wait(every) and time.monotonic() < end:
            h.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            h.wfile.flush()
        h.close_connection = True

    return route


def read_slowly(chunk: int = 1024, every: float = 0.05) -> Route:
    """Read the request body ``chunk`` bytes at a time, then answer ``{"errcode":0}``."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        left = int(h.headers.get("Content-Length") or 0)
        while left > 0:
            if _stopping(h).wait(every):
                return
            data = h.rfile.read(min(chunk, left))
            if not data:
                return
            left -= len(data)
        answer(200, b'{"errcode":0,"errmsg":"ok","msgid":1}')(h)

    route.reads_body = True  # type: ignore[attr-defined]
    return route


def gzip_answer(payload: bytes, layers: int = 1, status: int = 200) -> Route:
    """Answer ``payload`` gzipped ``layers`` times, with a stacked Content-Encoding."""
    body = payload
    for _ in range(layers):
        body = gzip.compress(body, compresslevel=9)

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Encoding", ", ".join(["gzip"] * layers))
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return route


def redirect(location: str, status: int = 302) -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return route


def drop_connection() -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        h.close_connection = True
        h.connection.shutdown(socket.SHUT_RDWR)

    return route


class ScriptedServer:
    """Serve ``routes[(METHOD, path)]``; anything else is a 404 HTML page.

    ``hits`` counts requests per (method, path) so tests can assert "sent once";
    ``connections`` counts the connections accepted.
    """

    def __init__(self, routes: dict[tuple[str, str], Route]) -> None:
        self.routes = routes
        self.hits: dict[tuple[str, str], int] = {}
        self.bodies: list[bytes] = []
        self.connections = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                path = self.path.split("?", 1)[0]
                key = (self.command, path)
                route = outer.routes.get(key) or answer(404, b"<html>404</html>", "text/html")
                if not getattr(route, "reads_body", False):
                    length = int(self.headers.get("Content-Length") or 0)
                    self.request_body = self.rfile.read(length) if length else b""
                    outer.bodies.append(self.request_body)
                outer.hits[key] = outer.hits.get(key, 0) + 1
                route(self)

            do_GET = _serve  # noqa: N815
            do_POST = _serve  # noqa: N815

        class Server(ThreadingHTTPServer):
            request_queue_size = 64

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client hanging up mid-answer is the point of these tests

            def process_request(self, request: Any, client_address: Any) -> None:
                outer.connections += 1  # one thread accepts them all
                super().process_request(request, client_address)

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.stopping = threading.Event()  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stopping.set()  # type: ignore[attr-defined]
        self._server.shutdown()
        self._server.server_close()


def closed_port() -> int:
    """A loopback port with nothing listening (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Socks5Proxy:
    """A loopback SOCKS5 proxy (no auth, CONNECT only) that counts the tunnels it opened."""

    def __init__(self) -> None:
        self.tunnels: list[tuple[str, int]] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"socks5://127.0.0.1:{self._listener.getsockname()[1]}"

    def __enter__(self) -> Socks5Proxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        with client:
            client.settimeout(5)
            _, count = client.recv(2)
            client.recv(count)
            client.sendall(b"\x05\x00")  # version 5, no authentication
            _, command, _, kind = client.recv(4)
            if kind == 1:
                host = socket.inet_ntoa(client.recv(4))
            else:
                host = client.recv(client.recv(1)[0]).decode()
            port = int.from_bytes(client.recv(2), "big")
            if command != 1:
                client.sendall(b"\x05\x07\x00\x01" + bytes(6))
                return
            self.tunnels.append((host, port))
            with socket.create_connection((host, port), timeout=5) as upstream:
                client.sendall(b"\x05\x00\x00\x01" + bytes(6))
                _relay(client, upstream)


def _relay(a: socket.socket, b: socket.socket) -> None:
    def pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            try:
                sink.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    other = threading.Thread(target=pump, args=(b, a), daemon=True)
    other.start()
    pump(a, b)
    other.join(5)
