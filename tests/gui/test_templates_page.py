"""Template browser and sender against the sandbox and scripted middlewares, offscreen."""

from __future__ import annotations

import json
import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from app.core.errors import OutcomeUnknown
from app.sandbox import DEFAULT_TEMPLATES, SEED_TEMPLATE_ID, VISIT_TEMPLATE_ID, Sandbox
from app.ui import dialogs
from app.ui.pages.templates_page import TemplatesPage
from tests.helpers.servers import ScriptedServer, answer, stall

VISIT = VISIT_TEMPLATE_ID
VISIT_VALUES = {
    "thing1": "视频面签",
    "time2": "2026-11-28 15:00",
    "name3": "王小明",
    "thing4": "请点击消息进入视频通话",
}


def open_templates(qtbot, window) -> TemplatesPage:
    page = window.templates_page
    with qtbot.waitSignal(page.loaded, timeout=10000):
        window.nav.setCurrentRow(window.PAGE_TEMPLATES)
    return page


def fill(page: TemplatesPage, template_id: str, values: dict[str, str], to: str = "oMe") -> None:
    assert page.select_template(template_id)
    page.composer.set_recipient(to)
    for key, value in values.items():
        page.composer.value_edit(key).setText(value)


def send(qtbot, page: TemplatesPage, signal_name: str = "sent"):
    with qtbot.waitSignal(getattr(page, signal_name), timeout=10000) as blocker:
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_list_filter_and_select(qtbot, demo_window) -> None:
    page = open_templates(qtbot, demo_window)
    assert page.browser.model.rowCount() == 6
    page.browser.filter_edit.setText("支付")
    assert page.browser.model.rowCount() == 1
    page.browser.filter_edit.setText("CAR_NUMBER")  # content, case-insensitive
    assert page.browser.model.rowCount() == 1
    page.browser.filter_edit.setText("vdrecall_thing1")  # id
    assert page.browser.model.rowCount() == 1
    page.browser.filter_edit.setText("")
    assert page.select_template(VISIT)
    assert page.composer.details.title_label.text() == "视频客服回访提醒"
    assert "{{thing1.DATA}}" in page.composer.details.content_view.toPlainText()


def test_seed_template_form_from_spaced_placeholders(qtbot, demo_window) -> None:
    page = open_templates(qtbot, demo_window)
    page.select_template(SEED_TEMPLATE_ID)
    keys = page.composer.field_keys()
    assert keys == ["result", "withdrawMoney", "withdrawTime", "cardInfo", "arrivedTime", "remark"]
    assert page.composer.value_edit("withdrawMoney").accessibleName() == "领奖金额"
    assert page.composer.value_edit("withdrawTime").placeholderText() == "2013-10-10 12:22:22"


def test_category_template_and_empty_content(qtbot, demo_window, sandbox) -> None:
    page = open_templates(qtbot, demo_window)
    page.select_template("Appt_date1_phone2_car3_pH4x2")
    assert page.composer.field_keys() == [
        "date1",
        "phone_number2",
        "car_number3",
        "thing4",
        "number5",
    ]
    page.select_template("FullSim_empty_content_0001")
    assert page.composer.field_keys() == []
    page.composer.set_recipient("oMe")
    assert page.can_send()
    result = send(qtbot, page)
    assert result.errcode == 0 and sandbox.deliveries[-1]["data"] == {}


def test_overlong_thing_blocks_sending(qtbot, demo_window, sandbox) -> None:
    page = open_templates(qtbot, demo_window)
    fill(page, VISIT, {**VISIT_VALUES, "thing1": "长" * 21})
    assert not page.can_send()
    assert "20" in page.composer.lint_text("thing1")
    assert "refused by WeChat" in page.send_state.text()
    page.send()  # Ctrl+Return path: refused without a request
    assert sandbox.deliveries == []
    page.composer.value_edit("thing1").setText("长" * 20)
    assert page.can_send()


def test_json_body_is_exactly_what_the_middleware_receives(qtbot, demo_window, sandbox) -> None:
    page = open_templates(qtbot, demo_window)
    fill(page, VISIT, VISIT_VALUES)
    page.composer.color_edit("thing1").setText("#173177")
    page.composer.jump.set_target("miniprogram")
    page.composer.jump.appid_edit.setText("wxmini")
    page.composer.jump.pagepath_edit.setText("pages/video/index?foo=bar")
    page.composer.jump.agent_id_edit.setText("123")
    page.composer.jump.group_id_edit.setText("12")
    shown = json.loads(page.composer.output.json_view.toPlainText())
    assert "agent_id" in page.composer.jump.note.text()
    send(qtbot, page)
    (post,) = [r for r in sandbox.received if r.method == "POST"]
    assert json.loads(post.body) == shown
    assert shown["miniprogram"]["pagepath"] == "pages/video/index?foo=bar&agent_id=123&group_id=12"
    assert shown["data"]["thing1"] == {"value": "视频面签", "color": "#173177"}
    assert shown["data"]["thing4"] == {"value": "请点击消息进入视频通话"}
    assert "msgid" in page.result.text()
    # The next intended send gets a new client_msg_id.
    assert (
        json.loads(page.composer.output.json_view.toPlainText())["client_msg_id"]
        != shown["client_msg_id"]
    )


def test_43004_is_explained(qtbot, demo_window) -> None:
    page = open_templates(qtbot, demo_window)
    fill(page, VISIT, VISIT_VALUES, to="o_not_follower")
    send(qtbot, page, "send_failed")
    assert page.result.level == "error"
    assert "43004" in page.result.text() and "does not follow" in page.result.text()
    assert "follower" in page.result.text().split("does not follow")[1]  # what to do


def test_40037_from_edited_json_is_explained(qtbot, demo_window) -> None:
    page = open_templates(qtbot, demo_window)
    fill(page, VISIT, VISIT_VALUES)
    page.composer.output.edit_json_check.setChecked(True)
    body = json.loads(page.composer.output.json_view.toPlainText())
    page.composer.output.json_view.setPlainText(
        json.dumps({**body, "template_id": "deleted-template"})
    )
    send(qtbot, page, "send_failed")
    assert "40037" in page.result.text() and "deleted" in page.result.text()


def test_invalid_edited_json_blocks_sending(qtbot, demo_window) -> None:
    page = open_templates(qtbot, demo_window)
    fill(page, VISIT, VISIT_VALUES)
    page.composer.output.edit_json_check.setChecked(True)
    page.composer.output.json_view.setPlainText('{"touser": "o1", ')
    assert not page.can_send()
    assert "not valid" in page.composer.output.json_problem.text()
    page.composer.output.json_view.setPlainText('{"touser": "o1"}')
    assert "template_id" in page.composer.output.json_problem.text()


def _stalling_middleware(release: threading.Event) -> ScriptedServer:
    listing = json.dumps({"template_list": DEFAULT_TEMPLATES}, ensure_ascii=False).encode()
    return ScriptedServer(
        {
            ("GET", "/mw/template/get_all_private_template"): answer(200, listing),
            ("POST", "/mw/message/template/send"): stall(release),
        }
    )


def test_timeout_is_outcome_unknown_sent_once_and_resend_reuses_the_id(
    qtbot, make_window, sandbox
) -> None:
    release = threading.Event()
    with _stalling_middleware(release) as server:
        profile = replace(sandbox.demo_profile(), middleware_url=server.url + "/mw", timeout=0.6)
        window = make_window(profile)
        page = open_templates(qtbot, window)
        fill(page, VISIT, VISIT_VALUES)
        error = send(qtbot, page, "send_failed")
        assert isinstance(error, OutcomeUnknown)
        assert server.hits[("POST", "/mw/message/template/send")] == 1
        assert page.result.level == "warning" and "check the phone" in page.result.text().lower()
        assert page.resend_button.isVisible()
        first_id = json.loads(server.bodies[-1])["client_msg_id"]
        (event,) = window.workspace.history.recent(kind="send")
        assert event.outcome == "unknown"
        with qtbot.waitSignal(page.send_failed, timeout=10000):
            qtbot.mouseClick(page.resend_button, Qt.MouseButton.LeftButton)
        release.set()
        assert json.loads(server.bodies[-1])["client_msg_id"] == first_id
        assert server.hits[("POST", "/mw/message/template/send")] == 2


@pytest.mark.parametrize("confirm", [False, True])
def test_production_send_asks_first(qtbot, make_window, sandbox, monkeypatch, confirm) -> None:
    asked: list[str] = []

    def ask(parent, title, text):
        asked.append(text)
        return confirm

    monkeypatch.setattr(dialogs, "ask_confirm", ask)
    window = make_window(replace(sandbox.demo_profile(), production=True))
    page = open_templates(qtbot, window)
    fill(page, VISIT, VISIT_VALUES, to="oBoss")
    if confirm:
        send(qtbot, page)
        assert len(sandbox.deliveries) == 1
    else:
        page.send()
        assert sandbox.deliveries == [] and page.result.text() == "Not sent."
    assert "oBoss" in asked[0] and "gh_demo00000001" in asked[0]


def test_drafts_and_recent_recipients_are_kept(qtbot, make_window, sandbox) -> None:
    window = make_window(sandbox.demo_profile())
    page = open_templates(qtbot, window)
    fill(page, VISIT, {"thing1": "草稿内容"}, to="oRecent1")
    page.select_template(SEED_TEMPLATE_ID)
    page.select_template(VISIT)
    assert page.composer.value_edit("thing1").text() == "草稿内容"
    fill(page, VISIT, VISIT_VALUES, to="oRecent1")
    send(qtbot, page)
    page.composer.persist_drafts()
    window.close()

    again = make_window(sandbox.demo_profile())
    page2 = open_templates(qtbot, again)
    page2.select_template(VISIT)
    assert page2.composer.value_edit("name3").text() == "王小明"
    assert page2.composer.recent_recipients()[0] == "oRecent1"


def test_contract_breaking_entries_are_listed_with_a_warning(qtbot, make_window, sandbox) -> None:
    listing = {
        "template_list": [
            {"template id": "spaced-key", "title": "键名带空格"},
            {"template_id": "ok-1", "title": 42, "content": "A:{{thing1.DATA}}"},
            {"template_id": "ok-2", "title": "正常"},
        ]
    }
    body = json.dumps(listing, ensure_ascii=False).encode()
    with ScriptedServer(
        {("GET", "/mw/template/get_all_private_template"): answer(200, body)}
    ) as mw:
        window = make_window(replace(sandbox.demo_profile(), middleware_url=mw.url + "/mw"))
        page = open_templates(qtbot, window)
    assert page.browser.model.rowCount() == 3
    assert page.browser.message.level == "warning" and "2 entries" in page.browser.message.text()
    page.select_template("spaced-key")
    assert "template id" in page.composer.details.problems_label.text()


def test_list_failure_is_shown_inline(qtbot, make_window, sandbox) -> None:
    with ScriptedServer({}) as mw:
        window = make_window(replace(sandbox.demo_profile(), middleware_url=mw.url + "/mw"))
        page = window.templates_page
        with qtbot.waitSignal(page.load_failed, timeout=10000):
            window.nav.setCurrentRow(window.PAGE_TEMPLATES)
    assert page.browser.message.level == "error" and "HTTP 404" in page.browser.message.text()


def test_thousands_of_templates_filter(qtbot, make_window) -> None:
    with Sandbox(extra_templates=3000) as big:
        window = make_window(big.demo_profile())
        page = open_templates(qtbot, window)
    assert page.browser.model.rowCount() == page.browser.model.total == 3006
    page.browser.filter_edit.setText("批量模板 0042")
    assert page.browser.model.rowCount() == 10  # 00420 … 00429
    assert "10 of 3006" in page.browser.count_label.text()


def test_ctrl_return_sends(qtbot, demo_window, sandbox) -> None:
    page = open_templates(qtbot, demo_window)
    fill(page, VISIT, VISIT_VALUES)
    demo_window.activateWindow()
    page.composer.send_to_edit.setFocus()
    with qtbot.waitSignal(page.sent, timeout=10000):
        qtbot.keyClick(
            page.composer.send_to_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert len(sandbox.deliveries) == 1


def test_double_click_and_key_repeat_send_once(qtbot, make_window) -> None:
    with Sandbox(delay=0.3) as slow:
        window = make_window(slow.demo_profile())
        page = open_templates(qtbot, window)
        fill(page, VISIT, VISIT_VALUES)
        window.activateWindow()
        page.composer.send_to_edit.setFocus()
        with qtbot.waitSignal(page.sent, timeout=10000):
            qtbot.mouseDClick(page.send_button, Qt.MouseButton.LeftButton)
            page.send()
            for _ in range(5):  # auto-repeat of a held Ctrl+Enter
                qtbot.keyClick(
                    page.composer.send_to_edit,
                    Qt.Key.Key_Return,
                    Qt.KeyboardModifier.ControlModifier,
                )
        qtbot.waitUntil(lambda: window.tasks.in_flight == 0)
        assert len([r for r in slow.received if r.method == "POST"]) == 1


def test_esc_clears_the_filter_and_a_hidden_template_is_not_sendable(qtbot, demo_window) -> None:
    page = open_templates(qtbot, demo_window)
    fill(page, VISIT, VISIT_VALUES)
    assert page.can_send()
    page.browser.filter_edit.setText("支付")  # hides the visit template
    assert page.composer.template() is None and not page.can_send()
    assert page.browser.list_view.selectionModel().selectedRows() == []
    page.browser.filter_edit.setFocus()
    qtbot.keyClick(page.browser.filter_edit, Qt.Key.Key_Escape)
    assert page.browser.filter_edit.text() == ""
    assert page.browser.model.rowCount() == 6


def test_wheel_over_an_unfocused_combo_scrolls_the_form(qtbot, demo_window) -> None:
    from PySide6.QtWidgets import QScrollArea

    from tests.helpers.events import wheel_down

    demo_window.resize(1366, 500)
    page = open_templates(qtbot, demo_window)
    page.select_template(VISIT)
    scroll = page.findChild(QScrollArea, "composerScroll")
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    combo = page.composer.jump.combo
    before = combo.currentIndex()

    bar.setValue(0)
    wheel_down(combo)
    assert combo.currentIndex() == before and bar.value() > 0
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel_down(combo)
    assert combo.currentIndex() != before  # a focused combo takes the wheel


def test_text_from_the_middleware_is_plain_text(qtbot, make_window, sandbox, tmp_path) -> None:
    image = tmp_path / "local.png"
    image.write_bytes(b"not really an image")
    hostile = f"<img src={image}><b>bold</b>"
    listing = {
        "template_list": [
            {
                "template_id": "html-1",
                "title": hostile,
                "primary_industry": "<a href='x'>IT</a>",
                "content": f"{hostile}:{{{{thing1.DATA}}}}",
            }
        ]
    }
    body = json.dumps(listing, ensure_ascii=False).encode()
    with ScriptedServer(
        {("GET", "/mw/template/get_all_private_template"): answer(200, body)}
    ) as mw:
        window = make_window(replace(sandbox.demo_profile(), middleware_url=mw.url + "/mw"))
        page = open_templates(qtbot, window)
    page.select_template("html-1")
    shown = [label for label in page.findChildren(QLabel) if "<img" in label.text()]
    assert {label.objectName() for label in shown} >= {"templateTitle"}
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)
    assert "<a href='x'>IT</a>" in page.composer.details.meta_label.text()
    assert page.composer.details.meta_label.textFormat() == Qt.TextFormat.PlainText
    assert hostile in page.composer.preview_text()
    assert hostile in page.composer.details.content_view.toPlainText()


def test_lengths_show_against_their_limit_and_preview_agrees_with_lint(qtbot, demo_window) -> None:
    page = open_templates(qtbot, demo_window)
    fill(page, VISIT, {**VISIT_VALUES, "thing1": "长" * 23})
    counter = page.composer.findChild(QLabel, "sendCount_thing1")
    assert counter.text() == "23/20" and "23/20" in page.composer.lint_text("thing1")
    assert not page.can_send()
    preview = page.composer.preview_text()
    assert "长" * 23 in preview and "refuses" in preview and "cut at 20" not in preview
    page.composer.value_edit("thing1").setText("长" * 20)
    assert counter.text() == "20/20" and page.can_send()


def test_a_lint_message_does_not_move_the_fields_below(qtbot, demo_window) -> None:
    page = open_templates(qtbot, demo_window)
    fill(page, VISIT, VISIT_VALUES)
    below = page.composer.value_edit("name3")

    def where() -> tuple[int, int]:
        for _ in range(5):  # new widgets show, then their layouts settle: a few event rounds
            QApplication.processEvents()
        return below.mapTo(page.composer, below.rect().topLeft()).y(), page.composer.width()

    before = where()
    page.composer.value_edit("time2").setText("明天下午，或者后天上午都可以，越长越好的一句话")
    assert page.composer.lint_text("time2")
    assert where() == before  # neither pushed down nor widened


def test_a_mini_program_jump_without_appid_blocks_and_is_not_previewed(
    qtbot, demo_window, sandbox
) -> None:
    page = open_templates(qtbot, demo_window)
    fill(page, VISIT, VISIT_VALUES)
    jump = page.composer.jump
    jump.set_target("miniprogram")
    assert not page.can_send() and "appid" in jump.lint_label.text()
    assert "Tap to open" not in page.composer.preview_text()
    jump.appid_edit.setText("wxmini")
    jump.pagepath_edit.setText("/pages/video/index")
    assert page.can_send() and "“/”" in jump.lint_label.text()  # a warning, not a block
    assert "Tap to open" in page.composer.preview_text()
    send(qtbot, page)
    assert sandbox.deliveries[-1]["miniprogram"]["appid"] == "wxmini"


def test_check_page_test_send_with_fields_passes_and_exports_a_report(
    qtbot, demo_window, sandbox, tmp_path
) -> None:
    page = demo_window.check_page
    with qtbot.waitSignal(page.templates_loaded, timeout=10000):
        demo_window.nav.setCurrentRow(demo_window.PAGE_CHECK)
    page.send_to_edit.setText("o123")
    assert page.select_template(VISIT)
    with qtbot.waitSignal(page.checked, timeout=20000) as blocker:
        qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    statuses = {r.key: r.status for r in blocker.args[0]}
    assert statuses["test_send"] == "pass" and page.message.level == "ok"
    (delivered,) = sandbox.deliveries
    assert set(delivered["data"]) == set(VISIT_VALUES) and delivered["client_msg_id"]
    (event,) = demo_window.workspace.history.recent(kind="send")
    assert event.outcome == "ok" and event.client_msg_id == delivered["client_msg_id"]
    assert page.report_button.isEnabled()
    target = tmp_path / "check.html"
    with qtbot.waitSignal(page.report_written, timeout=10000):
        page.write_report_to(target)
    assert "Test send delivered" in target.read_text(encoding="utf-8")
    page.send_to_edit.setText("o124")  # the report belonged to the other inputs
    assert not page.report_button.isEnabled() and page.report() is None


def test_send_recall_message_offers_the_mini_program_jump(qtbot, make_window, sandbox) -> None:
    from tests.gui.conftest import generate

    profile = replace(sandbox.demo_profile(), agent_id="123", group_id="12")
    window = make_window(profile)
    generate(qtbot, window, "oRecall7")
    qtbot.mouseClick(window.qr_page.send_button, Qt.MouseButton.LeftButton)
    page = window.templates_page
    assert window.current_page() is page
    jump = page.composer.jump
    assert page.composer.recipient() == "oRecall7" and jump.target() == "miniprogram"
    assert jump.appid_edit.text() == profile.mini_program_appid != ""
    assert jump.pagepath_edit.text() == profile.mini_program_pagepath
    qtbot.waitUntil(lambda: page.browser.model.rowCount() > 0, timeout=10000)
    fill(page, VISIT, VISIT_VALUES, to="oRecall7")
    send(qtbot, page)
    mini = sandbox.deliveries[-1]["miniprogram"]
    assert mini["pagepath"] == "pages/video/index?agent_id=123&group_id=12"
    assert (mini["agent_id"], mini["group_id"]) == ("123", "12")


def test_a_template_entered_by_hand_is_linted_previewed_and_kept(
    qtbot, make_window, sandbox
) -> None:
    window = make_window(sandbox.demo_profile())
    page = open_templates(qtbot, window)
    dialog = page.enter_template()
    dialog.id_edit.setText("Category_by_hand_01")
    dialog.title_edit.setText("预约提醒")
    dialog.findChild(QLineEdit, "entryKey1").setText("thing1")
    dialog.findChild(QLineEdit, "entryLabel1").setText("服务")
    dialog.add_key("code", "编号", "character_string")
    dialog.add_key("note", "备注", "")
    with qtbot.waitSignal(page.hand_template_saved, timeout=10000):
        dialog.accept()
    template = page.composer.template()
    assert template.template_id == "Category_by_hand_01" and template.by_hand
    assert "Entered by hand" in page.composer.details.meta_label.text()
    assert page.composer.field_keys() == ["thing1", "code", "note"]
    page.composer.value_edit("code").setText("编号")
    assert "Chinese" in page.composer.lint_text("code") and not page.can_send()
    page.composer.value_edit("thing1").setText("视频面签")
    assert "服务:视频面签" in page.composer.preview_text()
    assert page.browser.model.rowCount() == 7  # the six listed, and this one
    window.close()

    again = make_window(sandbox.demo_profile())
    page2 = open_templates(qtbot, again)
    assert page2.select_template("Category_by_hand_01")
    other = make_window(replace(sandbox.demo_profile(), name="other"))
    assert not open_templates(qtbot, other).select_template("Category_by_hand_01")


def test_a_bad_key_is_named_in_the_entry_form(qtbot, demo_window) -> None:
    page = open_templates(qtbot, demo_window)
    dialog = page.enter_template()
    dialog.id_edit.setText("x")
    dialog.findChild(QLineEdit, "entryKey1").setText("1thing")
    dialog.accept()
    assert dialog.isVisible() and "1thing" in dialog.message.text()
    for n in range(4):
        dialog.add_key(f"thing{n}")
    for _ in range(5):  # the new rows show, then the dialog grows
        QApplication.processEvents()
    edits = [dialog.findChild(QLineEdit, f"entryKey{n}") for n in range(1, 6)]
    assert all(e.height() >= e.sizeHint().height() for e in edits)  # grown, not squeezed
    dialog.reject()


def test_an_errmsg_with_markup_stays_text_on_the_check_page(qtbot, make_window, sandbox) -> None:
    from PySide6.QtGui import QTextDocument

    hostile = '<img src="/etc/hosts"><b>x</b>'
    refused = json.dumps({"errcode": 40037, "errmsg": hostile}).encode()
    listing = json.dumps({"template_list": DEFAULT_TEMPLATES}, ensure_ascii=False).encode()
    with ScriptedServer(
        {
            ("GET", "/mw/template/get_all_private_template"): answer(200, listing),
            ("POST", "/mw/message/template/send"): answer(200, refused),
        }
    ) as mw:
        window = make_window(replace(sandbox.demo_profile(), middleware_url=mw.url + "/mw"))
        page = window.check_page
        window.nav.setCurrentRow(window.PAGE_CHECK)
        with qtbot.waitSignal(page.checked, timeout=20000):
            page.run()
    items = [page.results.topLevelItem(i) for i in range(page.results.topLevelItemCount())]
    (item,) = [i for i in items if hostile in i.text(2)]
    shown = QTextDocument()
    shown.setHtml(item.toolTip(2))  # what Qt renders for the tooltip
    assert hostile in shown.toPlainText() and "<img" not in item.toolTip(2)


@pytest.mark.parametrize(
    ("answer_body", "needles"),
    [
        ({"errcode": 99999, "errmsg": "brand new"}, ("99999", "brand new", "cannot explain")),
        (
            {"errcode": 47003, "errmsg": "argument invalid! data.time2.value invalid"},
            ("47003", "The field data.time2 is empty", "Fix data.time2"),
        ),
        ({"errcode": 43117, "errmsg": "too frequent"}, ("43117", "few hours")),
    ],
)
def test_a_refusal_on_the_templates_page_is_explained(
    qtbot, make_window, sandbox, answer_body, needles
) -> None:
    listing = json.dumps({"template_list": DEFAULT_TEMPLATES}, ensure_ascii=False).encode()
    with ScriptedServer(
        {
            ("GET", "/mw/template/get_all_private_template"): answer(200, listing),
            ("POST", "/mw/message/template/send"): answer(200, json.dumps(answer_body).encode()),
        }
    ) as mw:
        window = make_window(replace(sandbox.demo_profile(), middleware_url=mw.url + "/mw"))
        page = open_templates(qtbot, window)
        fill(page, VISIT, VISIT_VALUES)
        send(qtbot, page, "send_failed")
    assert page.result.level == "error"
    for needle in needles:
        assert needle in page.result.text(), page.result.text()


def test_a_form_send_records_its_typed_fields_and_edited_json_only_its_body(
    qtbot, demo_window
) -> None:
    page = open_templates(qtbot, demo_window)
    fill(page, VISIT, VISIT_VALUES)
    page.composer.jump.set_mini_program("wxmini", "pages/v?x=1", "123", "")
    send(qtbot, page)
    page.composer.output.edit_json_check.setChecked(True)
    send(qtbot, page)
    edited, form = demo_window.workspace.history.recent(kind="send")  # newest first
    assert form.fields["miniprogram"]["pagepath"] == "pages/v?x=1"  # as typed, no ids appended
    assert form.fields["data"]["thing1"]["value"] == VISIT_VALUES["thing1"]
    assert edited.fields == {}

    # Use again puts each back as it was typed: the form's fields, the edited body read as one.
    for event in (form, edited):
        page.composer.jump.set_target("none")
        page.composer.value_edit("thing1").clear()
        demo_window.use_again(event)
        jump = page.composer.jump
        assert (jump.appid_edit.text(), jump.pagepath_edit.text()) == ("wxmini", "pages/v?x=1")
        assert jump.agent_id_edit.text() == "123"
        assert page.composer.value_edit("thing1").text() == VISIT_VALUES["thing1"]
