"""A code on the QR page belongs to the profile and form values that produced it.

Every path that changes them (an edit, History ▸ Use again, a profile switch, a failed or a
running generation, a late answer, a restart) must leave no code that can be saved, copied,
printed or exported as if it were current.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from app.core.profiles import Profile
from app.sandbox import Sandbox
from app.ui.pages.qr_page import QrPage
from tests.gui.conftest import generate


def _assert_nothing_printable(window) -> None:
    page = window.qr_page
    assert page.result() is None
    for button in (
        page.save_button,
        page.copy_image_button,
        page.copy_url_button,
        page.print_button,
        page.pdf_button,
    ):
        assert not button.isEnabled(), button.objectName()
    menus = window.menus
    for action in (menus.save_action, menus.copy_action, menus.print_action, menus.pdf_action):
        assert not action.isEnabled(), action.text()
    assert page.message.level != "ok"


def _assert_stale(window) -> None:
    _assert_nothing_printable(window)
    page = window.qr_page
    assert page.stale and page.image_view.stale and not page.image_view.image().isNull()
    assert page.message.level in ("warning", "info")


def _assert_current(window) -> None:
    page = window.qr_page
    assert page.result() is not None and not page.stale and not page.image_view.stale
    assert page.save_button.isEnabled() and window.menus.save_action.isEnabled()
    assert page.message.level == "ok"


EDITS = {
    "openId": lambda p: p.open_id_edit.setText("oSomeoneElse"),
    "sdkAppId": lambda p: p.sdk_app_id_edit.setText(p.sdk_app_id_edit.text() + "x"),
    "offiAccountId": lambda p: p.offi_account_edit.setText("gh_other"),
    "callTimes": lambda p: p.call_times_spin.setValue(3),
    "customChannel": lambda p: p.channel_edit.setText("vip"),
}


@pytest.mark.parametrize("field", sorted(EDITS))
def test_editing_a_request_field_makes_the_code_stale(qtbot, demo_window, field) -> None:
    generate(qtbot, demo_window, "oFirst")
    _assert_current(demo_window)
    EDITS[field](demo_window.qr_page)
    _assert_stale(demo_window)


def test_print_options_do_not_make_the_code_stale(qtbot, demo_window) -> None:
    generate(qtbot, demo_window, "oFirst")
    page = demo_window.qr_page
    page.size_spin.setValue(35)
    page.caption_edit.setText("扫码进入视频")
    page.label_edit.setText("王小明")
    _assert_current(demo_window)


def test_ctrl_s_on_a_stale_code_proposes_nothing(qtbot, demo_window, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        QrPage, "ask_save_path", classmethod(lambda cls, parent, default, f: asked.append(default))
    )
    generate(qtbot, demo_window, "oOldCustomer")
    page = demo_window.qr_page
    page.open_id_edit.setText("oNewCustomer")
    page.open_id_edit.setFocus()
    qtbot.keyClick(page.open_id_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    demo_window.menus.save_action.trigger()
    demo_window.menus.pdf_action.trigger()
    page.save_dialog()
    page.pdf_dialog()
    assert asked == []
    generate(qtbot, demo_window, "oNewCustomer")
    page.save_dialog()
    assert len(asked) == 1 and "oNewCustomer" in asked[0] and "oOldCustomer" not in asked[0]


def test_use_again_of_another_request_makes_the_code_stale(qtbot, demo_window) -> None:
    generate(qtbot, demo_window, "oEarlier")
    generate(qtbot, demo_window, "oLater")
    _assert_current(demo_window)
    earlier = next(e for e in demo_window.workspace.history.recent() if e.target == "oEarlier")
    demo_window.use_again(earlier)
    assert demo_window.qr_page.open_id_edit.text() == "oEarlier"
    _assert_stale(demo_window)


def _add_wrong_secret_profile(window, sandbox: Sandbox, monkeypatch) -> str:
    demo = sandbox.demo_profile()
    profile = Profile(
        name="staging",
        qr_api_url=demo.qr_api_url,
        app_id=demo.app_id,
        sdk_app_id=demo.sdk_app_id,
        offi_account_id=demo.offi_account_id,
    )
    monkeypatch.setenv("RECALL_DESK_SECRET", "not-the-secret")
    window.workspace.put_profile(profile)
    return profile.name


def test_profile_switch_then_failure_leaves_no_code(qtbot, demo_window, sandbox, monkeypatch):
    generate(qtbot, demo_window, "oDemo")
    name = _add_wrong_secret_profile(demo_window, sandbox, monkeypatch)
    demo_window.reload_profiles(name)
    assert demo_window.current_profile_name() == name
    # Same sdkAppId, account and openId as before: only the profile changed.
    _assert_stale(demo_window)
    page = demo_window.qr_page
    with qtbot.waitSignal(page.failed, timeout=10000) as failure:
        page.generate()
    assert getattr(failure.args[0], "code", None) == 2002
    _assert_nothing_printable(demo_window)
    assert page.image_view.image().isNull() and page.url_field.text() == ""
    assert page.message.level == "error"


def test_editing_the_profile_makes_the_code_stale(qtbot, demo_window) -> None:
    generate(qtbot, demo_window, "oDemo")
    name = demo_window.current_profile_name()
    profile = demo_window.workspace.profile(name)
    demo_window.workspace.demo_profile = replace(profile, auth_placement="query")
    demo_window.reload_profiles(name)
    _assert_stale(demo_window)


@pytest.fixture
def slow_window(make_window):
    with Sandbox(delay=0.6) as slow:
        yield make_window(slow.demo_profile())


def test_a_running_generation_leaves_nothing_printable(qtbot, slow_window) -> None:
    generate(qtbot, slow_window, "oFirst")
    page = slow_window.qr_page
    with qtbot.waitSignal(page.generated, timeout=10000):
        page.generate()
        assert page.busy
        _assert_stale(slow_window)
    _assert_current(slow_window)


def test_a_late_answer_is_not_shown_as_current(qtbot, slow_window) -> None:
    page = slow_window.qr_page
    page.open_id_edit.setText("oAsked")
    generated: list[object] = []
    page.generated.connect(generated.append)
    with qtbot.waitSignal(page.finished, timeout=10000):
        page.generate()
        page.open_id_edit.setText("oTypedMeanwhile")
    assert generated == []
    _assert_stale(slow_window)
    assert "oAsked" in page.message.text()


def test_the_customer_label_belongs_to_one_code(qtbot, demo_window) -> None:
    page = demo_window.qr_page
    page.label_edit.setText("王小明 单号 A1")
    generate(qtbot, demo_window, "oWang")
    assert page.label_edit.text() == "王小明 单号 A1"
    page.open_id_edit.setText("oLi")
    assert page.label_edit.text() == ""


def test_a_restart_shows_no_code_and_no_customer_label(qtbot, make_window, sandbox) -> None:
    window = make_window(sandbox.demo_profile())
    page = window.qr_page
    page.caption_edit.setText("微信扫码进入视频")
    page.label_edit.setText("王小明")
    generate(qtbot, window, "oBeforeRestart")
    window.close()
    again = make_window(sandbox.demo_profile())
    page = again.qr_page
    assert page.open_id_edit.text() == "oBeforeRestart"  # the form comes back …
    assert page.caption_edit.text() == "微信扫码进入视频"
    assert page.label_edit.text() == ""  # … the customer label and the code do not
    assert page.image_view.image().isNull() and page.url_field.text() == ""
    _assert_nothing_printable(again)


def test_the_default_caption_follows_the_language_of_each_session(
    qtbot, make_window, sandbox, qapp
) -> None:
    from PySide6.QtCore import QLocale

    from app.ui.i18n import install_translators
    from app.ui.state import UiState

    window = make_window(sandbox.demo_profile())
    assert window.qr_page.caption_edit.text() == "Scan with WeChat to start a video call"
    window.qr_page.open_id_edit.setText("oEnglishSession")  # the form is remembered
    window.close()
    install_translators(qapp, "zh_CN")
    try:
        chinese = make_window(sandbox.demo_profile())
        assert chinese.qr_page.open_id_edit.text() == "oEnglishSession"
        assert chinese.qr_page.caption_edit.text() == "微信扫码，发起视频通话"
        chinese.close()
        UiState().set("qr/caption", "Scan with WeChat to start a video call")  # an older version
        again = make_window(sandbox.demo_profile())
        assert again.qr_page.caption_edit.text() == "微信扫码，发起视频通话"
    finally:
        for translator in qapp.property("recall_desk_translators") or []:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale("en"))
