"""The built-in sandbox: a local reference server for both contracts.

It backs demo mode and the tests, and shows middleware authors what Recall Desk expects.

* ``POST /udesk/qrcode`` — Udesk's QR API. Verifies the token (headers or query placement), a
  ±300 s timestamp window and nonce reuse; answers ``code 1000`` with a ``qrCodeUrl`` on itself.
* ``GET /images/<id>.png`` — a real QR PNG (``qrcode``) encoding :func:`qr_payload`.
* ``GET /mw/wxdemo/template/get_all_private_template?appid=wxdemo`` — a realistic list.
* ``POST /mw/wxdemo/message/template/send?appid=wxdemo`` — WeChat-like errcodes: 40037 unknown
  template, 47003 a field breaking its type, 43004 for :data:`NON_FOLLOWER_OPENID`, 40013 when the
  base query ``appid`` was dropped, 47001 for a body that is not JSON. A repeated
  ``(touser, client_msg_id)`` is acknowledged with the first msgid and delivered once.

Sandbox refusal codes of the QR API (Udesk does not publish its own): 2001 missing auth,
2002 token mismatch, 2003 timestamp outside the window, 2004 nonce reused, 2005 unknown appId,
2010 a required body field is missing or malformed.
"""

from __future__ import annotations

import _socket
import io
import json
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from app.core.demo import (  # noqa: F401 - re-exported for callers and tests
    DEMO_APP_ID,
    DEMO_MP_APPID,
    DEMO_OFFI_ACCOUNT_ID,
    DEMO_SDK_APP_ID,
    DEMO_SECRET,
    MW_APPID,
    MW_PREFIX,
    NON_FOLLOWER_OPENID,
    QR_PATH,
    TIMESTAMP_WINDOW,
    demo_profile,
)
from app.core.profiles import Profile
from app.core.signing import compute_token
from app.core.templates import Template, lint_value

SEED_TEMPLATE_ID = "iPk5s0It5X_fl0VKn5GrTFpncEYTojx6ddbt8WYoV5s"
VISIT_TEMPLATE_ID = "VdRecall_thing1_time2_kf8c2N0wq3LrYb7s1mXo"

DEFAULT_TEMPLATES: list[dict[str, str]] = [
    {
        "template_id": SEED_TEMPLATE_ID,
        "title": "领取奖金提醒",
        "primary_industry": "IT科技",
        "deputy_industry": "互联网|电子商务",
        # The seed's own spaced placeholders, as Recall Desk must tolerate them.
        "content": "{ {result.DATA} }\n\n领奖金额:{ {withdrawMoney.DATA} }\n领奖时间: "
        "{ {withdrawTime.DATA} }\n银行信息:{ {cardInfo.DATA} }\n到账时间: "
        "{ {arrivedTime.DATA} }\n{ {remark.DATA} }",
        "example": "您已提交领奖申请\n\n领奖金额: xxxx元\n领奖时间: 2013-10-10 12:22:22\n"
        "银行信息: xx银行(尾号xxxx)\n到账时间: 预计xxxxxxx\n\n预计将于xxxx到达您的银行卡",
    },
    {
        "template_id": VISIT_TEMPLATE_ID,
        "title": "视频客服回访提醒",
        "primary_industry": "IT科技",
        "deputy_industry": "互联网|电子商务",
        "content": "服务内容:{{thing1.DATA}}\n预约时间:{{time2.DATA}}\n客服专员:{{name3.DATA}}\n"
        "温馨提示:{{thing4.DATA}}",
        "example": "服务内容:视频面签\n预约时间:2026-11-28 15:00\n客服专员:王小明\n"
        "温馨提示:请点击消息进入视频通话",
    },
    {
        "template_id": "PayOk_char1_amount2_time3_Qz81mZp0vTn5",
        "title": "订单支付成功通知",
        "primary_industry": "IT科技",
        "deputy_industry": "互联网|电子商务",
        "content": "订单编号:{{character_string1.DATA}}\n支付金额:{{amount2.DATA}}\n"
        "支付时间:{{time3.DATA}}\n商品名称:{{thing4.DATA}}",
        "example": "订单编号:A20261128001\n支付金额:¥39.80\n支付时间:2026-11-28 10:02\n"
        "商品名称:巧克力",
    },
    {
        "template_id": "Appt_date1_phone2_car3_pH4x2",
        "title": "服务预约成功通知",
        "primary_industry": "交通工具",
        "deputy_industry": "汽车相关",
        "content": "预约日期:{{date1.DATA}}\n联系电话:{{phone_number2.DATA}}\n"
        "车牌号码:{{car_number3.DATA}}\n服务门店:{{thing4.DATA}}\n排队号:{{number5.DATA}}",
        "example": "预约日期:2026年11月30日\n联系电话:0571-88888888\n车牌号码:浙A12345\n"
        "服务门店:西湖店\n排队号:12",
    },
    {
        "template_id": "ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpB027izEYtY",
        "title": "购买成功通知",
        "primary_industry": "IT科技",
        "deputy_industry": "互联网|电子商务",
        "content": "{{first.DATA}}\n商品名称：{{keyword1.DATA}}\n商品价格：{{keyword2.DATA}}\n"
        "购买时间：{{keyword3.DATA}}\n{{remark.DATA}}",
        "example": "恭喜你购买成功！\n商品名称：巧克力\n商品价格：39.8元\n购买时间：2014年9月22日\n"
        "欢迎再次购买！",
    },
    {
        "template_id": "FullSim_empty_content_0001",
        "title": "视频召回（全模拟，无模板内容）",
        "primary_industry": "",
        "deputy_industry": "",
        "content": "",
        "example": "",
    },
]


def qr_payload(body: dict[str, Any]) -> str:
    """The text the sandbox encodes into a recall code (deterministic, for tests)."""
    query = {
        "sdkAppId": body.get("sdkAppId", ""),
        "offiAccountId": body.get("offiAccountId", ""),
        "openId": body.get("offiAccountOpenId", ""),
        "callTimes": body.get("callTimes", -1),
    }
    if body.get("customChannel"):
        query["channel"] = body["customChannel"]
    return "https://sandbox.recall-desk.invalid/video/recall?" + urlencode(query)


@dataclass
class Received:
    """One request the sandbox received (for tests and the conformance check)."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class SandboxState:
    templates: list[dict[str, Any]]
    delay: float = 0.0
    secret: str = DEMO_SECRET
    received: list[Received] = field(default_factory=list)
    deliveries: list[dict[str, Any]] = field(default_factory=list)
    images: dict[str, bytes] = field(default_factory=dict)
    payloads: dict[str, str] = field(default_factory=dict)
    nonces: dict[str, float] = field(default_factory=dict)
    sent_ids: dict[tuple[str, str], int] = field(default_factory=dict)
    next_msgid: int = 200228332
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    # Headers and body go out as separate writes; without TCP_NODELAY the body waits for the
    # client's delayed ACK (~40 ms a response on Linux).
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    # -- plumbing -------------------------------------------------------------------------
    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _record(self, body: bytes) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        state = self.server.state
        with state.lock:
            state.received.append(
                Received(self.command, parts.path, query, dict(self.headers.items()), body)
            )
        # The delay models the APIs; images come from an object store and answer at once.
        if state.delay and not parts.path.startswith("/images/"):
            time.sleep(state.delay)
        return parts.path, query

    def _send(self, status: int, body: bytes, content_type: str) -> None:
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

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
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
        try:
            skew = abs(time.time() - int(timestamp))
        except ValueError:
            skew = float("inf")
        if skew > TIMESTAMP_WINDOW:
            self._json({"code": 2003, "message": "timestamp outside the 300 s window", "data": {}})
            return
        state = self.server.state
        with state.lock:
            now = time.time()
            for old, seen in list(state.nonces.items()):
                if now - seen > TIMESTAMP_WINDOW:
                    del state.nonces[old]
            if nonce in state.nonces:
                reused = True
            else:
                reused = False
                state.nonces[nonce] = now
        if reused:
            self._json({"code": 2004, "message": "nonce already used", "data": {}})
            return
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
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
        png = _render_qr(text)
        with state.lock:
            state.images[image_id] = png
            state.payloads[image_id] = text
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
        except (UnicodeDecodeError, ValueError):
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
                    state.sent_ids[key] = msgid
                state.deliveries.append(payload)
        self._json({"errcode": 0, "errmsg": "ok", "msgid": msgid})


def _render_qr(text: str, box: int = 10) -> bytes:
    """A real QR PNG: qrcode computes the modules, Pillow scales them in one step.

    (qrcode's own image factory draws module by module, ~30 ms a code: enough to make the
    sandbox, not the client, the bottleneck of a batch.)
    """
    import qrcode
    from PIL import Image
    from qrcode.constants import ERROR_CORRECT_M

    # A fixed mask is valid QR and skips qrcode's search over all eight (the slow part).
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, mask_pattern=2)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    image = Image.frombytes("L", (size, size), pixels).resize(
        (size * box, size * box), Image.Resampling.NEAREST
    )
    out = io.BytesIO()
    image.convert("1").save(out, format="PNG")
    return out.getvalue()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], state: SandboxState, bind_and_activate: bool = True
    ) -> None:
        super().__init__(address, _Handler, bind_and_activate)
        self.state = state


def synthetic_templates(count: int) -> list[dict[str, str]]:
    """``count`` extra category templates, for benchmarks of long lists."""
    return [
        {
            "template_id": f"Synthetic{n:06d}_{uuid.UUID(int=n).hex[:16]}",
            "title": f"批量模板 {n:05d}",
            "primary_industry": "IT科技",
            "deputy_industry": "互联网|电子商务",
            "content": "服务内容:{{thing1.DATA}}\n时间:{{time2.DATA}}",
            "example": "",
        }
        for n in range(count)
    ]


class Sandbox:
    """Run the sandbox on a background thread.

    Args:
        host, port: where to listen (port 0 picks a free one).
        delay: seconds every API request waits before answering (images answer at once).
        extra_templates: synthetic templates appended to the default list.

    Use as a context manager, or call :meth:`start` and :meth:`stop`.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        delay: float = 0.0,
        extra_templates: int = 0,
        sock: _socket.socket | None = None,
        secret: str = DEMO_SECRET,
    ) -> None:
        templates = [dict(t) for t in DEFAULT_TEMPLATES] + synthetic_templates(extra_templates)
        self.state = SandboxState(templates=templates, delay=delay, secret=secret)
        if sock is not None:
            # Adopt a socket the caller already bound and put in listen mode (see
            # app.core.demo.reserve_port): connections queue until we serve.
            if not isinstance(sock, socket.socket):
                sock = socket.socket(fileno=sock.detach())
            self._server = _Server(sock.getsockname()[:2], self.state, bind_and_activate=False)
            self._server.socket.close()
            self._server.socket = sock
            self._server.server_address = sock.getsockname()[:2]
        else:
            self._server = _Server((host, port), self.state)
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
