import threading

import httpx
import pytest

from app.core.errors import OutcomeUnknown, ProtocolError, TransportError
from app.core.http import MAX_CONCURRENCY, ClientSettings, Exchange, Funnel, make_client
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


def test_call_applies_the_success_rule_and_attaches_the_context_once() -> None:
    from app.core.contract import UDESK_RULE, WECHAT_LIST_RULE
    from app.core.errors import RemoteRefused

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/refused":
            return httpx.Response(200, json={"code": "2002", "message": "token mismatch"})
        if request.url.path == "/list":
            return httpx.Response(200, json={"template_list": []})
        return httpx.Response(200, json={"code": 1000, "data": {}})

    funnel = _funnel(handler)
    payload, response = funnel.call("POST", "https://x/ok", UDESK_RULE, json_body={})
    assert payload == {"code": 1000, "data": {}} and response.status == 200
    with pytest.raises(RemoteRefused) as refused:
        funnel.call("POST", "https://x/refused", UDESK_RULE, json_body={})
    assert refused.value.code == 2002 and refused.value.remote_message == "token mismatch"
    assert refused.value.context is not None and refused.value.context.status == 200
    assert refused.value.context.url == "https://x/refused"
    with pytest.raises(ProtocolError, match="no “code”"):
        funnel.call("GET", "https://x/list", UDESK_RULE, idempotent=True)
    assert funnel.call("GET", "https://x/list", WECHAT_LIST_RULE, idempotent=True)[0]


def test_a_send_that_cannot_be_read_is_unknown_and_keeps_its_client_msg_id() -> None:
    from app.core.contract import WECHAT_RULE

    funnel = _funnel(lambda r: httpx.Response(200, content=b'{"errcode":' + b"1" * 5000 + b"}"))
    with pytest.raises(OutcomeUnknown) as caught:
        funnel.call("POST", "https://x/send", WECHAT_RULE, json_body={}, client_msg_id="m1")
    assert caught.value.client_msg_id == "m1"
    assert caught.value.params["cause"] == "http.json_number_too_long"
    with pytest.raises(ProtocolError, match="too long to read"):  # not a send: a plain error
        funnel.call("POST", "https://x/send", WECHAT_RULE, json_body={})


def test_redirects_are_followed_by_the_funnel_and_checked() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        hop = int(request.url.path.strip("/") or 0)
        if hop < 3:
            return httpx.Response(302, headers={"Location": f"/{hop + 1}"}, content=b"x" * 10)
        return httpx.Response(200, content=b"done")

    seen: list[str] = []
    funnel = _funnel(handler)
    response = funnel.request(
        "GET", "https://x/0", idempotent=True, follow_redirects=True, url_check=seen.append
    )
    assert response.content == b"done" and seen == ["https://x/1", "https://x/2", "https://x/3"]
    loop = _funnel(lambda r: httpx.Response(302, headers={"Location": "/again"}))
    with pytest.raises(ProtocolError, match="too many redirects"):
        loop.request("GET", "https://x/", idempotent=True, follow_redirects=True)


@pytest.mark.parametrize(
    ("value", "code"),
    [(43004, 43004), ("43004", 43004), (" -1 ", -1), (True, "True"), ("ok", "ok"), ([0], "list")],
)
def test_codes_are_read_as_numbers_where_they_are_numbers(value: object, code: object) -> None:
    from app.core.contract import as_code

    assert as_code(value) == code


def test_a_batch_at_its_highest_concurrency_reuses_every_connection() -> None:
    together = threading.Barrier(MAX_CONCURRENCY)

    def all_at_once(h) -> None:
        together.wait(5)
        h.send_response(200)
        h.send_header("Content-Length", "2")
        h.end_headers()
        h.wfile.write(b"{}")

    with ScriptedServer({("GET", "/code"): all_at_once}) as server:
        funnel = Funnel(make_client(ClientSettings()))
        for _ in range(2):
            workers = [
                threading.Thread(
                    target=funnel.request,
                    args=("GET", server.url + "/code"),
                    kwargs={"idempotent": True},
                )
                for _ in range(MAX_CONCURRENCY)
            ]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join(10)
        funnel.close()
        assert server.hits[("GET", "/code")] == 2 * MAX_CONCURRENCY
        assert server.connections == MAX_CONCURRENCY  # the second round opened none
