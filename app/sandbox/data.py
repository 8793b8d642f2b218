"""The sandbox's data: its templates and the recall codes it renders."""

from __future__ import annotations

import heapq
import io
import threading
import time
import uuid
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from app.core.demo import DEMO_SECRET

# What the sandbox keeps, newest first out of the door: enough for any demo or test, bounded for
# a sandbox left running for weeks.
KEPT_REQUESTS = 1000
KEPT_IMAGES = 1000
KEPT_SENDS = 10_000

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


def render_qr(text: str, box: int = 10) -> bytes:
    """A real QR PNG: qrcode computes the modules, Pillow scales them in one step.

    (qrcode's own image factory draws module by module, ~30 ms a code: enough to make the
    sandbox, not the client, the bottleneck of a batch. The modules become a 1-bit image before
    scaling: converting the scaled greyscale image dithered all its pixels, 1.5 ms a code, for
    the same PNG.)
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
    modules = Image.frombytes("L", (size, size), pixels).convert("1", dither=Image.Dither.NONE)
    image = modules.resize((size * box, size * box), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


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
    """What the handlers share; every collection is bounded. ``clock`` is injectable."""

    templates: list[dict[str, Any]]
    delay: float = 0.0
    secret: str = DEMO_SECRET
    clock: Callable[[], float] = time.time
    received: deque[Received] = field(default_factory=lambda: deque(maxlen=KEPT_REQUESTS))
    deliveries: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=KEPT_SENDS))
    images: OrderedDict[str, bytes] = field(default_factory=OrderedDict)
    payloads: OrderedDict[str, str] = field(default_factory=OrderedDict)
    nonces: dict[str, float] = field(default_factory=dict)  # nonce -> when it may be forgotten
    # The same (when, nonce) pairs, soonest first: forgetting looks only at the expired ones
    # (a scan of every nonce on each request cost 1 ms a request by the 10,000th).
    nonce_expiries: list[tuple[float, str]] = field(default_factory=list)
    sent_ids: OrderedDict[tuple[str, str], int] = field(default_factory=OrderedDict)
    next_msgid: int = 200228332
    lock: threading.Lock = field(default_factory=threading.Lock)

    def keep_image(self, image_id: str, png: bytes, payload: str) -> None:
        with self.lock:
            self.images[image_id] = png
            self.payloads[image_id] = payload
            while len(self.images) > KEPT_IMAGES:
                self.images.popitem(last=False)
                self.payloads.popitem(last=False)

    def use_nonce(self, nonce: str, expiry: float, now: float) -> bool:
        """Remember ``nonce`` until ``expiry``; False when it is still remembered (a reuse).

        Call with ``lock`` held.
        """
        expiries = self.nonce_expiries
        while expiries and expiries[0][0] < now:
            del self.nonces[heapq.heappop(expiries)[1]]
        if nonce in self.nonces:
            return False
        self.nonces[nonce] = expiry
        heapq.heappush(expiries, (expiry, nonce))
        return True

    def remember_send(self, key: tuple[str, str], msgid: int) -> None:
        """Call with ``lock`` held."""
        self.sent_ids[key] = msgid
        while len(self.sent_ids) > KEPT_SENDS:
            self.sent_ids.popitem(last=False)
