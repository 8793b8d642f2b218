"""Proxy and TLS settings: a socks5:// proxy carries the calls, or says what to install; a
missing CA bundle names its path."""

from __future__ import annotations

import sys

import pytest

from app.core.errors import BadInput
from app.core.http import ClientSettings, Funnel, make_client
from app.core.messages import describe
from tests.helpers.servers import ScriptedServer, Socks5Proxy, answer
from tests.integration.conftest import write_config

LIST = ("GET", "/mw/template/get_all_private_template")


def test_a_socks5_proxy_carries_the_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_PROXY")  # loopback would bypass the proxy otherwise
    with (
        ScriptedServer({LIST: answer(200, b'{"template_list":[]}')}) as server,
        Socks5Proxy() as proxy,
    ):
        with Funnel(make_client(ClientSettings(timeout=3, proxy=proxy.url))) as funnel:
            response = funnel.request("GET", server.url + LIST[1], idempotent=True)
    assert response.status == 200
    assert proxy.tunnels == [("127.0.0.1", int(server.url.rsplit(":", 1)[1]))]


def test_a_socks5_proxy_without_its_package_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "socksio", None)  # as if httpx[socks] were not installed
    with pytest.raises(BadInput) as caught:
        make_client(ClientSettings(proxy="socks5://127.0.0.1:1080"))
    assert "pip install 'httpx[socks]'" in describe(caught.value, "en")
    assert "socks5://127.0.0.1:1080" in describe(caught.value, "zh")


def test_a_proxy_password_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "socksio", None)
    with pytest.raises(BadInput) as caught:
        make_client(ClientSettings(proxy="socks5://lead:hunter2@127.0.0.1:1080"))
    for lang in ("en", "zh"):
        sentence = describe(caught.value, lang)
        assert "hunter2" not in sentence and "socks5://lead:***@127.0.0.1:1080" in sentence


def test_a_missing_ca_bundle_names_the_path(run_cli, isolated_home, tmp_path) -> None:
    missing = tmp_path / "nowhere" / "corp-ca.pem"
    write_config(
        isolated_home / "config.toml",
        t={"middleware_url": "https://mw.example.invalid/mw", "ca_bundle": str(missing)},
    )
    result = run_cli("templates")
    assert result.code == 2 and str(missing) in result.err, result.err
    assert "Traceback" not in result.err and result.err.count("\n") == 1


def test_a_ca_bundle_that_is_not_a_certificate_names_the_path(tmp_path) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("not a certificate\n", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        make_client(ClientSettings(ca_bundle=str(bundle)))
    assert str(bundle) in describe(caught.value, "en")
