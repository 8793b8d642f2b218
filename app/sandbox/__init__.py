"""The built-in sandbox: a local reference server for both contracts.

It backs demo mode and the tests, and shows middleware authors what Recall Desk expects.
:mod:`.data` holds the templates and renders the codes, :mod:`.handlers` answers requests,
:mod:`.server` runs them (:class:`Sandbox`: ``start()``/``stop()`` or a ``with`` block).
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

from app.core.demo import (
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
)
from app.sandbox.data import (
    DEFAULT_TEMPLATES,
    SEED_TEMPLATE_ID,
    VISIT_TEMPLATE_ID,
    qr_payload,
    render_qr,
    synthetic_templates,
)
from app.sandbox.server import MAX_BODY_BYTES, Received, Sandbox

__all__ = [
    "DEFAULT_TEMPLATES",
    "DEMO_APP_ID",
    "DEMO_MP_APPID",
    "DEMO_OFFI_ACCOUNT_ID",
    "DEMO_SDK_APP_ID",
    "DEMO_SECRET",
    "MAX_BODY_BYTES",
    "MW_APPID",
    "MW_PREFIX",
    "NON_FOLLOWER_OPENID",
    "QR_PATH",
    "SEED_TEMPLATE_ID",
    "TIMESTAMP_WINDOW",
    "VISIT_TEMPLATE_ID",
    "Received",
    "Sandbox",
    "qr_payload",
    "render_qr",
    "synthetic_templates",
]
