"""Answers built to hurt: bombs, numbers and nesting Python cannot read, hostile qrCodeUrls.

Each gets its specific message and exit code, never a traceback; a send whose answer cannot be
read is *outcome unknown* (exit 4), never refused. Memory is measured in a subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest

from app.core.errors import ProtocolError
from app.core.history import History
from app.core.http import ClientSettings, Funnel, make_client
from app.core.middleware import MiddlewareClient
from app.core.paths import data_home
from app.core.udesk import QrRequest, UdeskClient, image_url_problem
from tests.helpers.servers import ScriptedServer, answer, gzip_answer, redirect
from tests.integration.conftest import write_scripted_config

QR = ("POST", "/qr")
IMG = ("GET", "/img.png")
LIST = ("GET", "/mw/template/get_all_private_template")
SEND = ("POST", "/mw/message/template/send")
MB = 1024 * 1024


def _config(home: Path, base: str) -> None:
    write_scripted_config(home, base, 2.0)


def _gzip_bomb(decoded_mb: int, layers: int = 2) -> bytes:
    """``decoded_mb`` MB of spaces inside a JSON string, gzipped ``layers`` times (streamed)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(b'{"template_list": "')]
    block = b" " * MB
    parts += [packer.compress(block) for _ in range(decoded_mb)]
    parts.append(packer.compress(b'"}') + packer.flush())
    body = b"".join(parts)
    for _ in range(layers - 1):
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        body = packer.compress(body) + packer.flush()
    return body


def _bomb_route(body: bytes, layers: int):
    def route(h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Encoding", ", ".join(["gzip"] * layers))
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return route


PEAK_SCRIPT = textwrap.dedent(
    """
    import json, resource, sys, threading
    from app.core.errors import RecallError
    from app.core.http import ClientSettings, Funnel, make_client
    from app.core.middleware import MiddlewareClient

    url, concurrency = sys.argv[1], int(sys.argv[2])
    funnel = Funnel(make_client(ClientSettings(timeout=20)))
    client = MiddlewareClient(funnel, url)
    try:  # warm up: every module the calls need is loaded before the baseline
        MiddlewareClient(funnel, url.replace("/bomb", "/small")).list_templates()
    except RecallError:
        pass
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    errors = []

    def one():
        try:
            client.list_templates()
        except RecallError as exc:
            errors.append(str(exc))

    threads = [threading.Thread(target=one) for _ in range(concurrency)]
    for t in threads: t.start()
    for t in threads: t.join()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"base_kb": base, "peak_kb": peak, "errors": errors}))
    """
)


def _peak(url: str, concurrency: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, url, str(concurrency)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("layers", [1, 2])
def test_a_gzip_bomb_is_stopped_at_the_cap_with_bounded_memory(layers: int) -> None:
    body = _gzip_bomb(64, layers)  # 64 MB decoded: one call that decoded it all fails the bound
    assert len(body) < (300_000 if layers == 1 else 10_000)
    routes = {
        ("GET", "/bomb/template/get_all_private_template"): _bomb_route(body, layers),
        ("GET", "/small/template/get_all_private_template"): gzip_answer(b'{"template_list":[]}'),
    }
    concurrency = 8
    with ScriptedServer(routes) as server:
        figures = _peak(server.url + "/bomb", concurrency)
    errors = figures["errors"]
    assert len(errors) == concurrency and all("larger than" in e for e in errors), errors
    grown_mb = (figures["peak_kb"] - figures["base_kb"]) / 1024
    # the cap (2 MB) × concurrency, plus a small constant; decoding it all would take 64 MB each
    assert grown_mb < 2 * concurrency + 24, grown_mb


def test_stacked_gzip_is_decoded_below_the_cap() -> None:
    payload = json.dumps({"template_list": [{"template_id": "t1", "title": "标题"}]}).encode()
    with ScriptedServer({LIST: gzip_answer(payload, layers=3)}) as server:
        with Funnel(make_client(ClientSettings(timeout=2))) as funnel:
            listing = MiddlewareClient(funnel, server.url + "/mw").list_templates()
    assert [t.title for t in listing.templates] == ["标题"]


def test_an_unsupported_or_corrupt_encoding_is_named() -> None:
    def brotli(h) -> None:
        h.send_response(200)
        h.send_header("Content-Encoding", "br")
        h.send_header("Content-Length", "3")
        h.end_headers()
        h.wfile.write(b"abc")

    def corrupt(h) -> None:
        h.send_response(200)
        h.send_header("Content-Encoding", "gzip")
        h.send_header("Content-Length", "12")
        h.end_headers()
        h.wfile.write(b"\x1f\x8b\x08\x00garbage!")

    with ScriptedServer({("GET", "/br"): brotli, ("GET", "/bad"): corrupt}) as server:
        with Funnel(make_client(ClientSettings(timeout=2))) as funnel:
            with pytest.raises(ProtocolError, match="unsupported Content-Encoding: br"):
                funnel.request("GET", server.url + "/br", idempotent=True)
            with pytest.raises(ProtocolError, match="gzip data is corrupt"):
                funnel.request("GET", server.url + "/bad", idempotent=True)


UNREADABLE_SEND_ANSWERS = {
    "a 5000-digit integer": b'{"errcode":0,"msgid":' + b"9" * 5000 + b"}",
    "nesting 100000 deep": b'{"errcode":0,"x":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "errcode as a word": b'{"errcode":"zero","errmsg":"ok"}',
    "errcode as an array": b'{"errcode":[0],"errmsg":"ok"}',
    "no errcode": b'{"errmsg":"ok"}',
    "an array": b"[0]",
    "not UTF-8": b'{"errcode":0,"errmsg":"\xff"}',
}


@pytest.mark.parametrize("name", UNREADABLE_SEND_ANSWERS)
def test_a_send_whose_answer_cannot_be_read_is_outcome_unknown(
    run_cli, isolated_home, name
) -> None:
    routes = {SEND: answer(200, UNREADABLE_SEND_ANSWERS[name])}
    with ScriptedServer(routes) as server:
        _config(isolated_home, server.url)
        result = run_cli("send", "--no-lint", "--template-id", "t", "--to", "o1")
        assert server.hits[SEND] == 1
    assert result.code == 4, (name, result.err)
    assert "Traceback" not in result.err and "refused" not in result.err.lower(), result.err
    (event,) = History(data_home() / "history.sqlite3").recent()
    assert event.outcome == "unknown", name


@pytest.mark.parametrize(
    ("name", "layers_or_body", "needle"),
    [
        ("gzip, gzip bomb", 2, "larger than"),
        ("too large plainly", b"{" + b" " * (3 * MB) + b"}", "larger than"),
    ],
)
def test_a_send_answer_too_large_to_read_is_outcome_unknown(
    run_cli, isolated_home, name, layers_or_body, needle
) -> None:
    if isinstance(layers_or_body, int):
        route = _bomb_route(_gzip_bomb(64, layers_or_body), layers_or_body)
    else:
        route = answer(200, layers_or_body)
    with ScriptedServer({SEND: route}) as server:
        _config(isolated_home, server.url)
        result = run_cli("send", "--no-lint", "--template-id", "t", "--to", "o1")
    assert result.code == 4 and needle in result.err, (name, result.err)


def test_a_readable_refusal_is_still_exit_1(run_cli, isolated_home) -> None:
    with ScriptedServer({SEND: answer(200, b'{"errcode":"43004","errmsg":"x"}')}) as server:
        _config(isolated_home, server.url)
        result = run_cli("send", "--no-lint", "--template-id", "t", "--to", "o1")
    assert result.code == 1 and "43004" in result.err, result.err


@pytest.mark.parametrize(
    ("name", "body", "needle"),
    [
        ("a 5000-digit integer", b'{"template_list":[],"n":' + b"1" * 5000 + b"}", "number"),
        ("nesting 100000 deep", b'{"template_list":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
         "nested"),
        ("not UTF-8", b'{"template_list":[],"x":"\xff"}', "UTF-8"),
        ("a million non-objects", b'{"template_list":[' + b"1," * 999_999 + b"1]}", "1000000"),
    ],
)
def test_list_answers_python_cannot_read_get_their_message(
    run_cli, isolated_home, name, body, needle
) -> None:
    with ScriptedServer({LIST: answer(200, body)}) as server:
        _config(isolated_home, server.url)
        result = run_cli("templates")
    assert result.code == 3 and needle in result.err, (name, result.err)
    assert "Traceback" not in result.err and result.err.count("\n") == 1


def test_a_million_non_object_entries_take_little_memory() -> None:
    body = b'{"template_list":[' + b"1," * 999_999 + b"1]}"
    routes = {
        ("GET", "/bomb/template/get_all_private_template"): answer(200, body),
        ("GET", "/small/template/get_all_private_template"): answer(200, b'{"template_list":[]}'),
    }
    with ScriptedServer(routes) as server:
        figures = _peak(server.url + "/bomb", 1)
    assert figures["errors"] and "1000000" in figures["errors"][0], figures
    assert (figures["peak_kb"] - figures["base_kb"]) / 1024 < 40


HOSTILE_URLS = {
    "control characters": ("http://127.0.0.1/\x1b]52;c;aGk=\x07.png", "control characters"),
    "over 64 KB": ("http://127.0.0.1/" + "a" * 70_000 + ".png", "characters long"),
    "broken IPv6": ("http://[::1/x.png", "not a valid URL"),
    "bad IDN host": ("http://xn--a.com/x.png", "not a valid URL"),
    "invalid IDNA": ("http://☃.net/x.png", "not a valid URL"),
    "no host": ("http:///x.png", "not an absolute http(s) URL"),
}


@pytest.mark.parametrize("name", HOSTILE_URLS)
def test_hostile_qr_code_urls_get_their_message(run_cli, isolated_home, tmp_path, name) -> None:
    url, needle = HOSTILE_URLS[name]
    body = json.dumps({"code": 1000, "data": {"qrCodeUrl": url}}).encode()
    with ScriptedServer({QR: answer(200, body)}) as server:
        _config(isolated_home, server.url)
        result = run_cli("qr", "--open-id", "o1", "--out", str(tmp_path / "qr.png"))
    assert result.code == 3 and needle in result.err, (name, result.err)
    assert "Traceback" not in result.err and result.err.count("\n") == 1
    assert "\x1b" not in result.err and "\x07" not in result.err


@pytest.mark.parametrize(
    ("image", "api", "refused"),
    [
        ("http://127.0.0.1/x.png", "https://1.1.1.1/qr", True),
        ("http://localhost:8080/x.png", "https://1.1.1.1/qr", True),
        ("http://10.0.0.7/x.png", "https://1.1.1.1/qr", True),
        ("http://192.168.1.1/x.png", "https://1.1.1.1/qr", True),
        ("http://169.254.169.254/latest/meta-data", "https://1.1.1.1/qr", True),
        ("http://[::1]/x.png", "https://1.1.1.1/qr", True),
        ("http://[::ffff:127.0.0.1]/x.png", "https://1.1.1.1/qr", True),
        ("https://1.0.0.1/x.png", "https://1.1.1.1/qr", False),
        ("http://127.0.0.1:9/x.png", "http://127.0.0.1:8/qr", False),  # the sandbox case
        ("http://10.0.0.7/x.png", "http://10.0.0.8/qr", False),  # an intranet deployment
    ],
)
def test_a_qr_code_url_into_a_private_network_is_refused_unless_the_api_is_there(
    image: str, api: str, refused: bool
) -> None:
    if refused:
        with pytest.raises(ProtocolError, match="private network"):
            image_url_problem(image, api)
    else:
        image_url_problem(image, api)


def test_an_image_redirect_into_a_private_network_is_not_followed() -> None:
    with ScriptedServer({IMG: redirect("http://10.1.2.3/secret")}) as server:
        with Funnel(make_client(ClientSettings(timeout=2))) as funnel:
            udesk = UdeskClient(funnel, "https://1.1.1.1/qr", "a", "s")
            with pytest.raises(ProtocolError, match="private network"):
                udesk.fetch_image(server.url + "/img.png")
        assert server.hits[IMG] == 1


def test_the_image_host_is_judged_once_a_minute_not_once_a_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Judging a qrCodeUrl's host resolves its name on a thread; a batch fetches thousands of
    images from one host, so its verdict is kept (the connection is reused anyway)."""
    import socket

    from app.sandbox import render_qr

    looked_up: list[str] = []
    real_lookup = socket.getaddrinfo

    def lookup(host: str, *args: object, **kwargs: object) -> object:
        if host == "codes.example":
            looked_up.append(host)
            host = "127.0.0.1"
        return real_lookup(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    with ScriptedServer({}) as server:
        port = server.url.rsplit(":", 1)[1]
        code = {"code": 1000, "data": {"qrCodeUrl": f"http://codes.example:{port}/img.png"}}
        server.routes[QR] = answer(200, json.dumps(code).encode())
        server.routes[IMG] = answer(200, render_qr("x"), "image/png")
        with Funnel(make_client(ClientSettings(timeout=5))) as funnel:
            udesk = UdeskClient(funnel, server.url + "/qr", "a", "s")
            for n in range(5):
                udesk.generate_with_image(QrRequest("s", "a", f"o{n}"))
        assert server.hits[IMG] == 5
    assert len(looked_up) == 2  # judged once, connected once (was 6: five judgements)


ESCAPES = "\x1b]0;pwned\x07\x1b]52;c;Y3VybCBldmlsfHNo\x07\x1b[2K\x1b[1A\x9b31m\u202e"


def _assert_inert(text: str) -> None:
    assert not any(ch in text for ch in "\x1b\x07\x9b\u202e"), repr(text)


def test_server_text_reaches_the_terminal_inert(run_cli, isolated_home) -> None:
    refusal = json.dumps({"errcode": 40003, "errmsg": "bad" + ESCAPES + "\nFAKE: sent OK"})
    title = json.dumps(
        {"template_list": [{"template_id": "t1" + ESCAPES, "title": "标题" + ESCAPES + "\nx"}]}
    )
    routes = {SEND: answer(200, refusal.encode()), LIST: answer(200, title.encode())}
    with ScriptedServer(routes) as server:
        _config(isolated_home, server.url)
        sent = run_cli("send", "--no-lint", "--template-id", "t", "--to", "o1")
        listed = run_cli("templates")
    assert sent.code == 1 and "bad" in sent.err and sent.err.count("\n") == 1, sent.err
    _assert_inert(sent.err)
    assert listed.code == 0 and "标题" in listed.out and listed.out.count("\n") == 1
    _assert_inert(listed.out)


def test_a_refused_qr_code_url_names_the_answer_it_came_in() -> None:
    with ScriptedServer({}) as server:
        code = {"code": 1000, "data": {"qrCodeUrl": "/img.png"}}  # not absolute
        server.routes[QR] = answer(200, json.dumps(code).encode())
        with Funnel(make_client(ClientSettings(timeout=5))) as funnel:
            udesk = UdeskClient(funnel, server.url + "/qr", "a", "s")
            with pytest.raises(ProtocolError) as caught:
                udesk.generate(QrRequest("s", "a", "o1"))
    assert caught.value.key == "udesk.url_not_absolute"
    context = caught.value.context
    assert context is not None and context.url == server.url + "/qr" and context.status == 200
