"""The sandbox's request handler: the two contracts' routes, plus what keeps it standing.

Bodies over :data:`MAX_BODY_BYTES` get 413 unread, a malformed request 400, a bug 500 (logged);
a connection idle for the server's ``idle_timeout`` is closed.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

from app.core.demo import (
    DEMO_APP_ID,
    MW_APPID,
    MW_PREFIX,
    NON_FOLLOWER_OPENID,
    QR_PATH,
    TIMESTAMP_WINDOW,
)
from app.core.signing import compute_token
from app.core.templates import Template, lint_value
from app.sandbox.data import Received, qr_payload, render_qr

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024


class Reject(Exception):
    """A request the sandbox answers with an HTTP error instead of a route."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class Handler(BaseHTTPRequestHandler):
    """Answers one connection's requests; the server gives it ``state`` and ``idle_timeout``."""

    server: Any
    protocol_version = "HTTP/1.1"
    # Without TCP_NODELAY a write after the first waits for the client's delayed ACK (~40 ms
    # a response on Linux).
    disable_nagle_algorithm = True
    # Headers and body are buffered and leave in one write when the request is done: one
    # packet for the client to read instead of two.
    wbufsize = 65536
    # When the answer to the current request may leave (monotonic; 0 = at once).
    _answer_due = 0.0

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.idle_timeout)  # idle or trickling: closed

    def handle_expect_100(self) -> bool:
        super().handle_expect_100()
        self.wfile.flush()  # out now, not with the answer: the client waits for it to send
        return True

    # -- plumbing -------------------------------------------------------------------------
    def _read_body(self) -> bytes:
        """The request body, or :class:`Reject` when its length is missing, bad or too large."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise Reject(411, "Content-Length required")
        raw = self.headers.get("Content-Length")
        if raw is None:
            return b""
        try:
            length = int(raw)
        except ValueError:
            raise Reject(400, "Content-Length is not a number") from None
        if length < 0:
            raise Reject(400, "Content-Length is negative")
        if length > MAX_BODY_BYTES:
            raise Reject(413, f"request body over {MAX_BODY_BYTES} bytes")
        body = self.rfile.read(length)
        if len(body) < length:
            raise Reject(400, "request body shorter than its Content-Length")
        return body

    def _reject(self, error: Reject) -> None:
        # The unread body (if any) makes the connection unusable: answer and close it.
        self.close_connection = True
        data = json.dumps({"error": error.reason}).encode()
        self._hold_answer()
        self.send_response(error.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def _guarded(self, route: Callable[[], None]) -> None:
        try:
            route()
        except Reject as error:
            self._reject(error)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:  # a bug must cost one answer, not the handler
            log.exception("sandbox handler failed on %s %s", self.command, self.path[:200])
            self._reject(Reject(500, "internal error"))

    def _record(self, body: bytes) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        state = self.server.state
        with state.lock:
            state.received.append(
                Received(self.command, parts.path, query, dict(self.headers.items()), body)
            )  # a bounded deque
        # The delay models the APIs' latency: their answer leaves ``delay`` after the request
        # came, the work done within it (a remote API works on many cores at once; this one
        # process would otherwise add every code it draws to the latency of the others).
        # Images come from an object store and answer at once.
        if state.delay and not parts.path.startswith("/images/"):
            self._answer_due = time.monotonic() + state.delay
        return parts.path, query

    def _hold_answer(self) -> None:
        """Wait until the current request's answer is due (see :meth:`_record`)."""
        wait = self._answer_due - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self._hold_answer()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, payload: dict[str, Any], status: int = 200) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._send(status, data, "application/json; charset=utf-8")

    def _not_found(self) -> None:
        self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")

    # -- routes ---------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._answer_due = 0.0
        self._guarded(self._get)

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        self._answer_due = 0.0
        self._guarded(self._post)

    def _get(self) -> None:
        path, query = self._record(b"")
        if path.startswith("/images/") and path.endswith(".png"):
            image = self.server.state.images.get(path[len("/images/") : -4])
            if image is None:
                self._not_found()
            else:
                self._send(200, image, "image/png")
            return
        if path == f"{MW_PREFIX}/template/get_all_private_template":
            if query.get("appid") != [MW_APPID]:
                self._json({"errcode": 40013, "errmsg": "invalid appid (base query dropped?)"})
                return
            self._json({"template_list": self.server.state.templates})
            return
        self._not_found()

    def _post(self) -> None:
        body = self._read_body()
        path, query = self._record(body)
        if path == QR_PATH:
            self._qr(query, body)
        elif path == f"{MW_PREFIX}/message/template/send":
            self._template_send(query, body)
        else:
            self._not_found()

    def _qr(self, query: dict[str, list[str]], body: bytes) -> None:
        def value(name: str) -> str:
            header = self.headers.get(name)
            if header:
                return header
            return query.get(name, [""])[0]

        # The seed's spelling `timestap` is accepted as well as `timestamp`.
        app_id, nonce = value("appId"), value("nonce")
        timestamp = value("timestamp") or value("timestap")
        token = self.headers.get("token", "") or query.get("token", [""])[0]
        if not (app_id and nonce and timestamp and token):
            self._json({"code": 2001, "message": "missing appId/nonce/timestamp/token", "data": {}})
            return
        if app_id != DEMO_APP_ID:
            self._json({"code": 2005, "message": f"unknown appId {app_id}", "data": {}})
            return
        if token != compute_token(app_id, self.server.state.secret, nonce, timestamp):
            self._json({"code": 2002, "message": "token mismatch (wrong secret?)", "data": {}})
            return
        state = self.server.state
        now = state.clock()
        try:
            stamp = int(timestamp)
        except ValueError:
            stamp = None
        if stamp is None or abs(now - stamp) > TIMESTAMP_WINDOW:
            self._json({"code": 2003, "message": "timestamp outside the 300 s window", "data": {}})
            return
        with state.lock:
            # A nonce is remembered for as long as its timestamp is accepted, not 300 s from
            # when it was seen: a timestamp 290 s ahead stays valid for 590 s.
            fresh = state.use_nonce(nonce, stamp + TIMESTAMP_WINDOW, now)
        if not fresh:
            self._json({"code": 2004, "message": "nonce already used", "data": {}})
            return
        try:
            payload = json.loads(body.decode("utf-8"))
        except (ValueError, RecursionError):  # also UnicodeDecodeError, huge integers
            self._json({"code": 2010, "message": "body is not JSON", "data": {}})
            return
        if not isinstance(payload, dict):
            self._json({"code": 2010, "message": "body is not a JSON object", "data": {}})
            return
        for required in ("sdkAppId", "offiAccountId", "offiAccountOpenId"):
            if not isinstance(payload.get(required), str) or not payload[required]:
                self._json({"code": 2010, "message": f"{required} is required", "data": {}})
                return
        if not isinstance(payload.get("callTimes", -1), int):
            self._json({"code": 2010, "message": "callTimes must be an integer", "data": {}})
            return
        image_id = uuid.uuid4().hex
        text = qr_payload(payload)
        png = render_qr(text)
        state.keep_image(image_id, png, text)
        host = self.headers.get("Host", "127.0.0.1")
        url = f"http://{host}/images/{image_id}.png"
        self._json({"code": 1000, "data": {"qrCodeUrl": url}, "message": "ok"})

    def _template_send(self, query: dict[str, list[str]], body: bytes) -> None:
        if query.get("appid") != [MW_APPID]:
            self._json({"errcode": 40013, "errmsg": "invalid appid (base query dropped?)"})
            return
        try:
            payload = json.loads(body.decode("utf-8"))
            if not isinstance(payload, dict):
                raise ValueError
        except (ValueError, RecursionError):
            self._json({"errcode": 47001, "errmsg": "data format error"})
            return
        touser = payload.get("touser")
        if not isinstance(touser, str) or not touser.strip() or " " in touser:
            self._json({"errcode": 40003, "errmsg": "invalid openid"})
            return
        state = self.server.state
        templates = {t.get("template_id"): t for t in state.templates}
        template_raw = templates.get(payload.get("template_id"))
        if template_raw is None:
            self._json({"errcode": 40037, "errmsg": "invalid template_id"})
            return
        if touser == NON_FOLLOWER_OPENID:
            self._json({"errcode": 43004, "errmsg": "require subscribe"})
            return
        data = payload.get("data", {})
        if not isinstance(data, dict):
            self._json({"errcode": 47001, "errmsg": "data format error"})
            return
        template = Template.build(
            str(template_raw.get("template_id")),
            str(template_raw.get("title")),
            content=str(template_raw.get("content") or ""),
        )
        for f in template.fields:
            entry = data.get(f.key)
            value = entry.get("value", "") if isinstance(entry, dict) else ""
            if f.kind is None and not value:
                continue  # legacy templates accept empty fields
            if any(x.level == "error" and x.code != "bad_color" for x in lint_value(f, str(value))):
                self._json(
                    {"errcode": 47003, "errmsg": f"argument invalid! data.{f.key}.value invalid"}
                )
                return
        mini = payload.get("miniprogram")
        if mini is not None and (not isinstance(mini, dict) or not mini.get("appid")):
            self._json({"errcode": 47003, "errmsg": "argument invalid! miniprogram.appid empty"})
            return
        client_msg_id = str(payload.get("client_msg_id") or "")
        with state.lock:
            key = (touser, client_msg_id)
            if client_msg_id and key in state.sent_ids:
                msgid = state.sent_ids[key]
            else:
                msgid = state.next_msgid
                state.next_msgid += 1
                if client_msg_id:
                    state.remember_send(key, msgid)
                state.deliveries.append(payload)
        self._json({"errcode": 0, "errmsg": "ok", "msgid": msgid})
