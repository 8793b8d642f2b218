"""The sandbox's server: a threading HTTP server on a background thread."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from app.core.demo import DEMO_SECRET, MW_APPID, MW_PREFIX, QR_PATH, demo_profile
from app.core.profiles import Profile
from app.sandbox.data import DEFAULT_TEMPLATES, Received, SandboxState, synthetic_templates
from app.sandbox.handlers import MAX_BODY_BYTES, Handler

__all__ = ["MAX_BODY_BYTES", "Received", "Sandbox"]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # A burst of connections (a batch at concurrency 32) queues instead of being refused.
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], state: SandboxState, idle_timeout: float) -> None:
        super().__init__(address, Handler)
        self.state = state
        self.idle_timeout = idle_timeout

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up mid-answer is its own business


class Sandbox:
    """Run the sandbox on a background thread.

    Args:
        host, port: where to listen (port 0 picks a free one).
        delay: seconds after which every API request is answered, its work done within them
            (images answer at once).
        extra_templates: synthetic templates appended to the default list.
        clock: the time the QR API checks timestamps against (tests move it).
        idle_timeout: seconds a connection may sit without a complete request.

    Use as a context manager, or call :meth:`start` and :meth:`stop`.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        delay: float = 0.0,
        extra_templates: int = 0,
        secret: str = DEMO_SECRET,
        clock: Callable[[], float] = time.time,
        idle_timeout: float = 10.0,
    ) -> None:
        templates = [dict(t) for t in DEFAULT_TEMPLATES] + synthetic_templates(extra_templates)
        self.state = SandboxState(templates=templates, delay=delay, secret=secret, clock=clock)
        self._server = _Server((host, port), self.state, idle_timeout)
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> Sandbox:
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="recall-desk-sandbox",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def exposed(self) -> bool:
        """True when it listens beyond loopback: anyone on the network can then reach it."""
        host = str(self._server.server_address[0])
        try:
            return not ipaddress.ip_address(host).is_loopback
        except ValueError:
            return host != "localhost"

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        host = str(self._server.server_address[0])
        return f"http://{host}:{self.port}"

    @property
    def qr_api_url(self) -> str:
        return self.base_url + QR_PATH

    @property
    def middleware_url(self) -> str:
        return f"{self.base_url}{MW_PREFIX}?appid={MW_APPID}"

    @property
    def received(self) -> list[Received]:
        with self.state.lock:
            return list(self.state.received)

    @property
    def deliveries(self) -> list[dict[str, Any]]:
        with self.state.lock:
            return list(self.state.deliveries)

    def payload_for(self, qr_code_url: str) -> str:
        """What the sandbox encoded into the image at ``qr_code_url``."""
        image_id = urlsplit(qr_code_url).path.rsplit("/", 1)[-1].removesuffix(".png")
        with self.state.lock:
            return self.state.payloads[image_id]

    def demo_profile(self, name: str = "demo") -> Profile:
        """A profile that talks to this sandbox (never saved to the user's config)."""
        return demo_profile(self.base_url, name)
