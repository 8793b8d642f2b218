"""Fault injection through the CLI: a specific message, the right exit code, no traceback,
no hang beyond the timeout, no partial file, and the history row written with the failure."""

from __future__ import annotations

import io
import json
import math
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from app.core.history import History
from app.core.paths import data_home
from app.sandbox import render_qr
from tests.helpers.servers import (
    ScriptedServer,
    answer,
    redirect,
    reset_mid_body,
    stall,
    stall_mid_body,
)
from tests.integration.conftest import write_scripted_config

QR = ("POST", "/qr")
IMG = ("GET", "/img.png")
LIST = ("GET", "/mw/template/get_all_private_template")
SEND = ("POST", "/mw/message/template/send")
TIMEOUT = 0.5


def _config(home: Path, base: str) -> None:
    write_scripted_config(home, base, TIMEOUT)


def _qr_answer(url: str) -> bytes:
    return json.dumps({"code": 1000, "data": {"qrCodeUrl": url}, "message": "ok"}).encode()


def _bomb() -> bytes:
    """The smallest square PNG Pillow calls a decompression bomb (11 kB; built at collection)."""
    side = math.isqrt(Image.MAX_IMAGE_PIXELS) + 1
    out = io.BytesIO()
    Image.new("1", (side, side)).save(out, format="PNG")
    return out.getvalue()


def _run(run_cli, home, routes, argv, tmp_path, *, image_path: str | None = None):
    release = threading.Event()
    routes = {
        k: (v(release) if callable(v) and getattr(v, "needs_release", False) else v)
        for k, v in routes.items()
    }
    with ScriptedServer(routes) as server:
        if image_path is not None:
            server.routes[QR] = answer(200, _qr_answer(image_path.format(base=server.url)))
        _config(home, server.url)
        started = time.monotonic()
        result = run_cli(*argv)
        took = time.monotonic() - started
        release.set()
    return result, took


def needs_release(fn):
    fn.needs_release = True
    return fn


@pytest.mark.parametrize(
    ("name", "routes", "image", "code", "needle"),
    [
        ("reset mid-response", {QR: reset_mid_body()}, None, 3, "QR API"),
        ("3xx loop on the API", {QR: redirect("/qr")}, None, 3, "HTTP 302"),
        ("10 MB body", {QR: answer(200, b"{" + b" " * 10_000_000 + b"}")}, None, 3, "larger than"),
        (
            "invalid UTF-8",
            {QR: answer(200, b'{"code":1000,"data":{"qrCodeUrl":"\xff\xfe"}}')},
            None,
            3,
            "not valid JSON",
        ),
        (
            "nulls for objects",
            {QR: answer(200, b'{"code":1000,"data":null}')},
            None,
            3,
            "no data.qrCodeUrl",
        ),
        (
            "number as string",
            {QR: answer(200, b'{"code":"1000","data":{"qrCodeUrl":""}}')},
            None,
            3,
            "no data.qrCodeUrl",
        ),
        ("javascript: URL", {}, "javascript:alert(1)", 3, "not an absolute http(s) URL"),
        ("relative URL", {}, "img.png", 3, "not an absolute http(s) URL"),
        (
            "image redirect loop",
            {IMG: redirect("/img.png")},
            "{base}/img.png",
            3,
            "too many redirects",
        ),
        (
            "huge in pixels",
            {IMG: answer(200, _bomb(), "image/png")},
            "{base}/img.png",
            3,
            "decompression bomb",
        ),
        (
            "not an image",
            {IMG: answer(200, b"GIF89a-not-really", "image/gif")},
            "{base}/img.png",
            3,
            "image",
        ),
        (
            "truncated image",
            {IMG: answer(200, render_qr("x")[:200], "image/png")},
            "{base}/img.png",
            3,
            "truncated or corrupt",
        ),
        ("image stalls", {IMG: needs_release(stall)}, "{base}/img.png", 3, "timed out"),
    ],
)
def test_qr_faults(run_cli, isolated_home, tmp_path, name, routes, image, code, needle) -> None:
    out = tmp_path / "qr.png"
    result, took = _run(
        run_cli,
        isolated_home,
        routes,
        ["qr", "--open-id", "o1", "--out", str(out)],
        tmp_path,
        image_path=image,
    )
    assert result.code == code, (name, result.err)
    assert needle in result.err, (name, result.err)
    assert "Traceback" not in result.err and result.err.count("\n") == 1
    assert took < TIMEOUT * 2 + 2  # the QR call and the image GET, each within its deadline
    assert not out.exists() and list(tmp_path.glob(".*tmp")) == []
    events = History(data_home() / "history.sqlite3").recent()
    assert [e.outcome for e in events] == ["error"], name


def test_image_redirect_to_another_host_is_followed(run_cli, isolated_home, tmp_path) -> None:
    with ScriptedServer({IMG: answer(200, render_qr("other host"), "image/png")}) as other:
        out = tmp_path / "qr.png"
        result, _ = _run(
            run_cli,
            isolated_home,
            {IMG: redirect(other.url + "/img.png")},
            ["qr", "--open-id", "o1", "--out", str(out)],
            tmp_path,
            image_path="{base}/img.png",
        )
    assert result.code == 0, result.err
    assert out.read_bytes() == render_qr("other host")


@pytest.mark.parametrize(
    ("name", "routes", "needle"),
    [
        ("stall before headers", {LIST: needs_release(stall)}, "timed out"),
        ("stall mid-body", {LIST: needs_release(stall_mid_body)}, "timed out"),
        (
            "BOM before JSON",
            {LIST: answer(200, "\ufeff".encode() + b'{"template_list": []}')},
            None,
        ),
        ("array for object", {LIST: answer(200, b'{"template_list": {"0": {}}}')}, "not an array"),
        ("HTML 4xx", {LIST: answer(403, b"<html>Forbidden</html>", "text/html")}, "HTTP 403"),
    ],
)
def test_list_faults(run_cli, isolated_home, tmp_path, name, routes, needle) -> None:
    result, took = _run(run_cli, isolated_home, routes, ["templates"], tmp_path)
    if needle is None:
        assert result.code == 0, result.err
        return
    assert result.code == 3 and needle in result.err, (name, result.err)
    assert took < TIMEOUT + 2


def test_send_reset_mid_response_is_unknown_and_sent_once(run_cli, isolated_home, tmp_path) -> None:
    with ScriptedServer({SEND: reset_mid_body()}) as server:
        _config(isolated_home, server.url)
        result = run_cli("send", "--no-lint", "--template-id", "t", "--to", "o1")
        assert server.hits[SEND] == 1
    assert result.code == 4 and "outcome unknown" in result.err
    (event,) = History(data_home() / "history.sqlite3").recent()
    assert event.outcome == "unknown"
