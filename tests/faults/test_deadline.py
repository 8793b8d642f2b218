"""Every call ends within its timeout as a whole, whatever the server does (wall time measured)."""

from __future__ import annotations

import json
import threading
import time

import pytest

from app.core.contract import WECHAT_RULE
from app.core.errors import OutcomeUnknown, TransportError
from app.core.http import ClientSettings, Funnel, make_client
from tests.helpers.servers import (
    ScriptedServer,
    answer,
    continue_flood,
    drip,
    read_slowly,
    stall,
)

TIMEOUT = 0.6
SLACK = 0.35  # thread scheduling on a loaded 2-core machine
PATH = "/x"


def _funnel(**kw) -> Funnel:
    return Funnel(make_client(ClientSettings(timeout=TIMEOUT)), backoff=0.05, **kw)


def _timed(call) -> tuple[BaseException, float]:
    started = time.monotonic()
    with pytest.raises((TransportError, OutcomeUnknown)) as caught:
        call()
    return caught.value, time.monotonic() - started


BEHAVIOURS = {
    "a byte every 50 ms of the body": lambda: drip(b'{"template_list": []}' * 20, 0.05),
    "a byte every 50 ms of the headers": lambda: drip(b"{}", 0.05, headers_too=True),
    "endless 100 Continue": lambda: continue_flood(0.01),
    "nothing at all": lambda: stall(threading.Event()),
}


@pytest.mark.parametrize("name", BEHAVIOURS)
def test_get_ends_by_the_deadline_retries_included(name: str) -> None:
    with ScriptedServer({("GET", PATH): BEHAVIOURS[name]()}) as server:
        funnel = _funnel()
        error, took = _timed(lambda: funnel.request("GET", server.url + PATH, idempotent=True))
        funnel.close()
    assert isinstance(error, TransportError) and "within 0.6 s" in str(error), error
    assert TIMEOUT - 0.05 <= took < TIMEOUT + SLACK, (name, took)
    assert server.hits[("GET", PATH)] == 1  # the deadline left no room for a retry


@pytest.mark.parametrize("name", BEHAVIOURS)
def test_send_ends_by_the_deadline_as_outcome_unknown(name: str) -> None:
    with ScriptedServer({("POST", PATH): BEHAVIOURS[name]()}) as server:
        funnel = _funnel()
        error, took = _timed(
            lambda: funnel.call(
                "POST", server.url + PATH, WECHAT_RULE, json_body={}, client_msg_id="m1"
            )
        )
        funnel.close()
    assert isinstance(error, OutcomeUnknown) and error.client_msg_id == "m1", error
    assert took < TIMEOUT + SLACK, (name, took)
    assert server.hits[("POST", PATH)] == 1


def test_a_body_read_slowly_by_the_server_ends_by_the_deadline() -> None:
    body = {"data": "x" * (16 * 1024 * 1024)}  # far more than the socket buffers hold
    started = time.monotonic()
    json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    encoding = time.monotonic() - started  # the funnel encodes the body before its deadline
    with ScriptedServer({("POST", PATH): read_slowly(1024, 0.02)}) as server:
        funnel = _funnel()
        error, took = _timed(
            lambda: funnel.call(
                "POST", server.url + PATH, WECHAT_RULE, json_body=body, client_msg_id="m2"
            )
        )
        funnel.close()
    assert isinstance(error, OutcomeUnknown), error
    assert took < TIMEOUT + SLACK + 2 * encoding, (took, encoding)  # the body's copies, too


def test_retries_of_a_get_fit_in_one_deadline() -> None:
    with ScriptedServer({("GET", PATH): answer(503, b"busy", "text/plain")}) as server:
        funnel = Funnel(make_client(ClientSettings(timeout=TIMEOUT)), retries=5, backoff=0.2)
        started = time.monotonic()
        response = funnel.request("GET", server.url + PATH, idempotent=True)
        took = time.monotonic() - started
        funnel.close()
    # 0.2 + 0.4 of backoff would pass the deadline: the third attempt is not made.
    assert response.status == 503 and server.hits[("GET", PATH)] == 2
    assert took < TIMEOUT, took


def test_every_pool_of_the_client_is_bounded() -> None:
    from app.core import wire

    # httpx builds its pools without a backend argument; the funnel sets theirs.
    with make_client(ClientSettings(timeout=1.0, proxy="http://127.0.0.1:9")) as bare:
        assert wire.bound_by_deadline(bare) >= 1
    with Funnel(make_client(ClientSettings(timeout=1.0, proxy="http://127.0.0.1:9"))) as funnel:
        assert wire.bound_by_deadline(funnel.client) == 0


def test_a_resolver_that_does_not_answer_ends_by_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket

    never = threading.Event()
    real = socket.getaddrinfo

    def stuck(host, *args, **kwargs):  # the system resolver waiting on a dead DNS server
        if host == "stuck.example":
            never.wait(5)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", stuck)
    funnel = _funnel()
    error, took = _timed(lambda: funnel.request("GET", "http://stuck.example/x", idempotent=True))
    funnel.close()
    never.set()
    assert isinstance(error, TransportError) and "within 0.6 s" in str(error), error
    assert took < TIMEOUT + SLACK, took
