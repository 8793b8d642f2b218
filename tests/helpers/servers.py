"""A loopback HTTP server whose answers tests script, for broken-server cases."""

from __future__ import annotations

import socket
import threading
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

    ``hits`` counts requests per (method, path) so tests can assert "sent once".
    """

    def __init__(self, routes: dict[tuple[str, str], Route]) -> None:
        self.routes = routes
        self.hits: dict[tuple[str, str], int] = {}
        self.bodies: list[bytes] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                outer.bodies.append(self.rfile.read(length) if length else b"")
                path = self.path.split("?", 1)[0]
                key = (self.command, path)
                outer.hits[key] = outer.hits.get(key, 0) + 1
                route = outer.routes.get(key) or answer(404, b"<html>404</html>", "text/html")
                route(self)

            do_GET = _serve  # noqa: N815
            do_POST = _serve  # noqa: N815

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client hanging up mid-answer is the point of these tests

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
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
        self._server.shutdown()
        self._server.server_close()


def closed_port() -> int:
    """A loopback port with nothing listening (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
