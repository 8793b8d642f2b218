"""Errors carry a key and parameters; the sentence comes in the reader's language."""

from __future__ import annotations

from app.core.errors import BadInput, OutcomeUnknown, RemoteRefused, RequestContext
from app.core.messages import describe, detail, say


def test_describe_picks_the_language() -> None:
    error = BadInput("lint.too_long", length="23", limit="20", kind="thing")
    chinese = "23/20 个字符：超出 thing 的长度，微信会拒绝（47003）"
    assert describe(error, "zh") == "请检查输入：" + chinese
    assert describe(error, "zh_CN") == describe(error, "zh")
    english = "23/20 characters: too long for thing, WeChat refuses it (47003)"
    assert describe(error, "en") == "Please check the input: " + english
    assert str(error) == english  # logs read English
    assert (error.key, error.params) == (
        "lint.too_long",
        {"length": "23", "limit": "20", "kind": "thing"},
    )


def test_outcome_unknown_says_to_check_the_phone() -> None:
    unknown = OutcomeUnknown("os.connection_refused", client_msg_id="abc")
    assert describe(unknown, "zh").startswith("发送结果未知：连接被拒绝")
    assert "Check the phone" in describe(unknown, "en")
    assert "abc" in detail(unknown, "en")


def test_a_refusal_with_a_known_errcode_is_explained_and_an_unknown_one_quoted() -> None:
    known = RemoteRefused(40003, "invalid openid")
    assert describe(known, "en").startswith("Refused (40003 invalid openid): Invalid openid")
    assert "确认 openid 属于当前公众号" in describe(known, "zh")
    assert describe(RemoteRefused(4001, "bad"), "zh") == (
        "被拒绝：4001 bad（Recall Desk 无法解释这个代码，说明文字是服务器原话）"
    )
    assert str(RemoteRefused(4001, "bad")) == "refused with code 4001: bad"


def test_detail_names_the_request() -> None:
    context = RequestContext("GET", "https://x.example/list", 502, "<html>Bad Gateway")
    error = RemoteRefused(7, "no", context=context)
    assert detail(error, "en").splitlines() == [
        "code 7: no",
        "GET https://x.example/list",
        "HTTP 502",
        "<html>Bad Gateway",
    ]


def test_an_unfilled_placeholder_shows_instead_of_raising() -> None:
    assert say("lint.too_long", "en", limit="5", length="6") == (
        "6/5 characters: too long for {kind}, WeChat refuses it (47003)"
    )


def test_a_template_lists_broken_entries_read_in_either_language() -> None:
    from app.core.messages import problems_text
    from app.core.middleware import parse_template_list

    listed = parse_template_list({"template_list": [["x"], {"template id": "t1", "title": 7}]})
    assert problems_text(listed[0].problems, "en") == "the entry is a list, not an object"
    assert problems_text(listed[1].problems, "zh") == (
        "键“template id”应写作“template_id”; “title”缺失或不是字符串"
    )
    entries = [["template.entry", {"id": t.template_id, "problems": [p.said() for p in t.problems]}]
               for t in listed]  # fmt: skip
    assert say("check.seen.entries_broken", "zh", entries=entries).startswith("#1：该条目是 list")


def test_the_gui_shows_the_cli_sentences_in_its_language(qapp) -> None:
    from PySide6.QtCore import QLocale

    from app.ui import errors as ui_errors
    from app.ui.i18n import install_translators

    error = RemoteRefused(43004, "require subscribe", context=RequestContext("POST", "https://m/x"))
    before = QLocale()
    assert ui_errors.describe(error) == (describe(error, "en"), detail(error, "en"))
    install_translators(qapp, "zh_CN")
    try:
        summary, details = ui_errors.describe(error)
        assert summary == describe(error, "zh") and "接收者未关注公众号" in summary
        assert details == detail(error, "zh") and "POST https://m/x" in details
    finally:
        for translator in qapp.property("recall_desk_translators") or []:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


def test_a_failed_request_shows_its_url_without_credentials() -> None:
    from app.core.contract import WECHAT_LIST_RULE
    from app.core.errors import RecallError
    from app.core.http import ClientSettings, Funnel, make_client
    from app.core.messages import where
    from tests.helpers.servers import ScriptedServer, answer

    with ScriptedServer({("GET", "/wx"): answer(502, b"<html>Bad Gateway")}) as server:
        url = server.url.replace("://", "://ops:pw123@") + "/wx?access_token=TOKEN9&page=1"
        with Funnel(make_client(ClientSettings(timeout=2)), backoff=0.0) as funnel:
            try:
                funnel.call("GET", url, WECHAT_LIST_RULE, idempotent=True)
            except RecallError as error:
                shown = where(error) + "\n" + detail(error, "en")
            else:
                raise AssertionError("a 502 must fail")
    assert "TOKEN9" not in shown and "pw123" not in shown, shown
    assert "access_token=***&page=1" in shown and "ops:***@" in shown, shown
