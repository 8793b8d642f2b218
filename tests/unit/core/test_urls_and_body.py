import pytest

from app.core.errors import BadInput
from app.core.middleware import (
    FieldValue,
    MiniProgram,
    SendRequest,
    append_query,
    build_body,
    join_url,
)


@pytest.mark.parametrize(
    ("base", "path", "expected"),
    [
        ("https://mw.example.com", "template/send", "https://mw.example.com/template/send"),
        ("https://mw.example.com/", "/template/send", "https://mw.example.com/template/send"),
        (
            "https://mw.example.com/wx77",
            "message/template/send",
            "https://mw.example.com/wx77/message/template/send",
        ),
        (
            "https://mw.example.com/wx77/?appid=wx77",
            "template/get_all_private_template",
            "https://mw.example.com/wx77/template/get_all_private_template?appid=wx77",
        ),
        (
            "https://mw.example.com/wx77?appid=wx77&env=t",
            "a?b=1",
            "https://mw.example.com/wx77/a?appid=wx77&env=t&b=1",
        ),
        ("http://127.0.0.1:8080?appid=x", "t", "http://127.0.0.1:8080/t?appid=x"),
    ],
)
def test_join_keeps_base_path_and_query(base: str, path: str, expected: str) -> None:
    assert join_url(base, path) == expected


@pytest.mark.parametrize("base", ["", "mw.example.com", "ftp://x/y", "https://"])
def test_join_rejects_non_http_base(base: str) -> None:
    with pytest.raises(BadInput):
        join_url(base, "t")


@pytest.mark.parametrize(
    ("pagepath", "expected"),
    [
        ("index?foo=bar", "index?foo=bar&agent_id=123&group_id=12"),
        ("index", "index?agent_id=123&group_id=12"),
        ("index?", "index?agent_id=123&group_id=12"),
        ("index?agent_id=9", "index?agent_id=9&group_id=12"),
        ("", "?agent_id=123&group_id=12"),
    ],
)
def test_append_query_adds_each_id_once(pagepath: str, expected: str) -> None:
    assert append_query(pagepath, {"agent_id": "123", "group_id": "12"}) == expected


def test_append_query_url_encodes_values() -> None:
    assert append_query("p/index", {"agent_id": "a b&c"}) == "p/index?agent_id=a+b%26c"


def test_body_follows_seed_example() -> None:
    request = SendRequest(
        touser="OPENID",
        template_id="ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpB027izEYtY",
        url="http://weixin.qq.com/download",
        miniprogram=MiniProgram("xiaochengxuappid12345", "index?foo=bar", "123", "12"),
        data={"first": FieldValue("恭喜你购买成功！", "#173177"), "keyword1": FieldValue("巧克力")},
        client_msg_id="m1",
    )
    assert build_body(request) == {
        "touser": "OPENID",
        "template_id": "ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpB027izEYtY",
        "url": "http://weixin.qq.com/download",
        "miniprogram": {
            "appid": "xiaochengxuappid12345",
            "pagepath": "index?foo=bar&agent_id=123&group_id=12",
            "agent_id": "123",
            "group_id": "12",
        },
        "data": {
            "first": {"value": "恭喜你购买成功！", "color": "#173177"},
            "keyword1": {"value": "巧克力"},
        },
        "client_msg_id": "m1",
    }
    assert request.jump_target() == "miniprogram"


def test_body_without_jump_has_no_url_or_miniprogram() -> None:
    body = build_body(SendRequest("o1", "t1", {"thing1": FieldValue("x")}))
    assert set(body) == {"touser", "template_id", "data", "client_msg_id"}
    assert SendRequest("o1", "t1", url="https://x").jump_target() == "url"


def test_each_intended_send_gets_its_own_client_msg_id() -> None:
    assert SendRequest("o", "t").client_msg_id != SendRequest("o", "t").client_msg_id


@pytest.mark.parametrize(
    "request_",
    [
        SendRequest("", "t"),
        SendRequest("o", " "),
        SendRequest("o", "t", miniprogram=MiniProgram("", "index", "1")),
    ],
)
def test_body_refuses_missing_required(request_: SendRequest) -> None:
    with pytest.raises(BadInput):
        build_body(request_)
