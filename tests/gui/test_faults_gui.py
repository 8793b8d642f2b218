"""The faults of tests/faults seen from the window: a sentence inline, details one click away,
the window usable, nothing to save, the history row written."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from app.sandbox import render_qr
from tests.helpers.servers import ScriptedServer, answer, redirect, reset_mid_body

QR = ("POST", "/qr")
IMG = ("GET", "/img.png")


def _qr_answer(url: str) -> bytes:
    return json.dumps({"code": 1000, "data": {"qrCodeUrl": url}, "message": "ok"}).encode()


@pytest.mark.parametrize(
    ("routes", "image", "needle"),
    [
        ({QR: reset_mid_body()}, None, "QR API"),
        ({QR: answer(200, b"{not json")}, None, "not valid JSON"),
        (
            {QR: answer(200, b'{"code":1000,"data":{"qrCodeUrl":"javascript:alert(1)"}}')},
            None,
            "not an absolute",
        ),
        ({QR: answer(200, b'{"code":4001,"message":"sdkAppId not found"}')}, None, "4001"),
        ({IMG: redirect("/img.png")}, "{base}/img.png", "too many redirects"),
        ({IMG: answer(200, render_qr("x")[:200], "image/png")}, "{base}/img.png", "truncated"),
        (
            {IMG: answer(200, b"<!DOCTYPE html><html>login</html>", "text/html")},
            "{base}/img.png",
            "HTML page",
        ),
    ],
)
def test_qr_page_faults(qtbot, make_window, sandbox, routes, image, needle) -> None:
    with ScriptedServer(dict(routes)) as server:
        if image is not None:
            server.routes[QR] = answer(200, _qr_answer(image.format(base=server.url)))
        profile = replace(sandbox.demo_profile(), qr_api_url=server.url + "/qr", timeout=2.0)
        window = make_window(profile)
        page = window.qr_page
        page.open_id_edit.setText("oFault")
        with qtbot.waitSignal(page.failed, timeout=20000):
            page.generate()
    assert page.message.level == "error" and needle in page.message.text() + page.message.details()
    assert "Traceback" not in page.message.text() + page.message.details()
    assert page.generate_button.isEnabled() and not page.save_button.isEnabled()
    assert page.image_view.image().isNull()
    (event,) = window.workspace.history.recent()
    assert event.outcome in ("error", "refused")
