import threading

import httpx
import pytest

from app.core.errors import OutcomeUnknown, ProtocolError, TransportError
from app.core.http import Exchange, Funnel
from tests.helpers.servers import ScriptedServer, closed_port, drop_connection, stall


def _funnel(handler, **kw) -> Funnel:
    return Funnel(httpx.Client(transport=httpx.MockTransport(handler)), backoff=0.0, **kw)


def test_get_is_retried_on_503_then_succeeds() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503 if len(calls) < 3 else 200, content=b"{}")

    response = _funnel(handler).request("GET", "https://x/list", idempotent=True)
    assert response.status == 200 and len(calls) == 3


def test_post_is_never_retried() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503)

    assert (
        _funnel(handler).request("POST", "https://x/s", json_body={}, idempotent=False).status
        == 503
    )
    assert len(calls) == 1


def test_response_size_is_capped() -> None:
    funnel = _funnel(lambda r: httpx.Response(200, content=b"x" * 5000))
    with pytest.raises(ProtocolError, match="larger than 1000 bytes"):
        funnel.request("GET", "https://x/", idempotent=False, max_bytes=1000)


def test_exchange_hook_sees_request_and_response() -> None:
    seen: list[Exchange] = []
    funnel = _funnel(lambda r: httpx.Response(200, json={"ok": 1}), hooks=[seen.append])
    funnel.request(
        "POST",
        "https://x/p",
        headers={"token": "t"},
        json_body={"a": "中"},
        idempotent=False,
        signed=True,
    )
    (exchange,) = seen
    assert exchange.status == 200 and exchange.signed
    assert exchange.request_headers["token"] == "t"
    assert exchange.request_body.decode() == '{"a":"中"}'
    assert exchange.response_body == b'{"ok":1}'


def test_post_timeout_after_sending_is_outcome_unknown() -> None:
    release = threading.Event()
    with ScriptedServer({("POST", "/send"): stall(release)}) as server:
        client = httpx.Client(timeout=0.5)
        with pytest.raises(OutcomeUnknown):
            Funnel(client).request("POST", server.url + "/send", json_body={}, idempotent=False)
        release.set()
        assert server.hits[("POST", "/send")] == 1


def test_dropped_connection_on_post_is_outcome_unknown() -> None:
    with ScriptedServer({("POST", "/send"): drop_connection()}) as server:
        with pytest.raises(OutcomeUnknown):
            Funnel(httpx.Client(timeout=2)).request(
                "POST", server.url + "/send", json_body={}, idempotent=False
            )
        assert server.hits[("POST", "/send")] == 1


def test_refused_connection_is_transport_error_even_for_post() -> None:
    url = f"http://127.0.0.1:{closed_port()}/send"
    with pytest.raises(TransportError, match="connection failed"):
        Funnel(httpx.Client(timeout=2)).request("POST", url, json_body={}, idempotent=False)
