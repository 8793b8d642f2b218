"""The timestamp's two spellings over real HTTP: the sandbox reads either, a scripted server
reads only one, and the probe behind Settings' *Test connection* tells which."""

from __future__ import annotations

import json
from dataclasses import replace
from http.server import BaseHTTPRequestHandler

import pytest

from app.core.auth_probe import accepted_names, probe_timestamp_names
from app.core.errors import BadInput, RemoteRefused
from app.core.profiles import Config, Profile, load_config, save_config
from app.core.service import Service
from app.core.signing import compute_token
from app.core.udesk import QrRequest
from app.sandbox import DEMO_SECRET, Sandbox, render_qr
from tests.helpers.servers import ScriptedServer, answer

REQUEST = QrRequest("sdk", "gh_x", "oProbe")


@pytest.mark.parametrize("name", ["both", "timestamp", "timestap"])
def test_the_sandbox_accepts_either_spelling(sandbox: Sandbox, name) -> None:
    profile = replace(sandbox.demo_profile(), timestamp_name=name)
    with Service(profile, DEMO_SECRET) as service:
        assert service.udesk.generate(REQUEST).qr_code_url
    sent = {k.lower() for k in sandbox.received[-1].headers}
    assert ("timestap" in sent) == (name != "timestamp")
    assert ("timestamp" in sent) == (name != "timestap")


def reading_only(name: str, image_url: str):
    """A QR API that verifies the token with the timestamp under ``name`` and nothing else."""

    def route(h: BaseHTTPRequestHandler) -> None:
        stamp = h.headers.get(name, "")
        app_id, nonce, token = (h.headers.get(k, "") for k in ("appId", "nonce", "token"))
        if not stamp:
            body = {"code": 2001, "message": f"missing {name}", "data": {}}
        elif token != compute_token(app_id, DEMO_SECRET, nonce, stamp):
            body = {"code": 2002, "message": "token mismatch", "data": {}}
        else:
            body = {"code": 1000, "data": {"qrCodeUrl": image_url}, "message": "ok"}
        answer(200, json.dumps(body).encode())(h)

    return route


@pytest.fixture(params=["timestamp", "timestap"])
def one_name_server(request, sandbox: Sandbox):
    with ScriptedServer({("GET", "/img.png"): answer(200, render_qr("x"), "image/png")}) as s:
        s.routes[("POST", "/qr")] = reading_only(request.param, s.url + "/img.png")
        yield request.param, replace(sandbox.demo_profile(), qr_api_url=s.url + "/qr")


def test_both_names_by_default_satisfy_a_server_reading_one(one_name_server) -> None:
    _name, profile = one_name_server
    assert profile.timestamp_name == "both"
    with Service(profile, DEMO_SECRET) as service:
        assert service.udesk.generate(REQUEST).qr_code_url.endswith("/img.png")


def test_the_wrong_single_name_is_refused(one_name_server) -> None:
    name, profile = one_name_server
    wrong = {"timestamp": "timestap", "timestap": "timestamp"}[name]
    with Service(replace(profile, timestamp_name=wrong), DEMO_SECRET) as service:
        with pytest.raises(RemoteRefused) as refused:
            service.udesk.generate(REQUEST)
    assert refused.value.code == 2001


def test_the_probe_names_the_spelling_the_server_reads(one_name_server) -> None:
    name, profile = one_name_server
    outcomes = probe_timestamp_names(profile, DEMO_SECRET, REQUEST)
    assert accepted_names(outcomes) == [name]


def test_the_probe_against_the_sandbox_finds_both(sandbox: Sandbox) -> None:
    outcomes = probe_timestamp_names(sandbox.demo_profile(), DEMO_SECRET, REQUEST)
    assert accepted_names(outcomes) == ["timestamp", "timestap"]


def test_the_choice_is_saved_and_checked(tmp_path) -> None:
    path = tmp_path / "config.toml"
    save_config(Config({"p": Profile("p", timestamp_name="timestap")}, path=path), path)
    assert 'timestamp_name = "timestap"' in path.read_text(encoding="utf-8")
    assert load_config(path).profile("p").timestamp_name == "timestap"
    path.write_text('[profiles.p]\ntimestamp_name = "ts"\n', encoding="utf-8")
    with pytest.raises(BadInput) as bad:
        load_config(path)
    assert bad.value.key == "config.choice" and bad.value.field == "timestamp_name"
