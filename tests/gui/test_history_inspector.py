"""History page, request inspector and Copy as curl, against the sandbox."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from app.core.demo import DEMO_SECRET
from app.sandbox import VISIT_TEMPLATE_ID
from app.ui.pages.history_page import HistoryPage
from app.ui.pages.templates_page import TemplatesPage
from tests.gui.conftest import generate
from tests.gui.test_templates_page import VISIT_VALUES, fill, open_templates, send
from tests.helpers.database import backdate


def _history(qtbot, window):
    with qtbot.waitSignal(window.history_page.loaded, timeout=10000):
        window.nav.setCurrentRow(window.PAGE_HISTORY)
    return window.history_page


def _make_some_history(qtbot, window) -> None:
    generate(qtbot, window, "oHistQr")
    page = open_templates(qtbot, window)
    fill(page, VISIT_TEMPLATE_ID, VISIT_VALUES, to="oHistOk")
    send(qtbot, page)
    fill(page, VISIT_TEMPLATE_ID, VISIT_VALUES, to="o_not_follower")
    send(qtbot, page, "send_failed")


def test_history_lists_searches_and_exports(qtbot, demo_window, tmp_path) -> None:
    _make_some_history(qtbot, demo_window)
    history = _history(qtbot, demo_window)
    outcomes = [(e.kind, e.target, e.outcome, e.code) for e in history.events()]
    assert outcomes == [
        ("send", "o_not_follower", "refused", "43004"),
        ("send", "oHistOk", "ok", "0"),
        ("qr", "oHistQr", "ok", "1000"),
    ]
    with qtbot.waitSignal(history.loaded, timeout=10000):
        history.search_edit.setText("43004")
    assert [e.target for e in history.events()] == ["o_not_follower"]
    with qtbot.waitSignal(history.loaded, timeout=10000):
        history.search_edit.setText("")
        history.kind_combo.setCurrentIndex(history.kind_combo.findData("qr"))
    assert [e.target for e in history.events()] == ["oHistQr"]
    target = tmp_path / "history.csv"
    with qtbot.waitSignal(history.exported, timeout=10000):
        history.export(str(target))
    with target.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["kind"], r["openId"], r["outcome"]) for r in rows] == [("qr", "oHistQr", "ok")]


def test_use_again_fills_forms_and_sends_nothing(qtbot, demo_window, sandbox) -> None:
    _make_some_history(qtbot, demo_window)
    history = _history(qtbot, demo_window)
    deliveries = len(sandbox.deliveries)
    history.select_row(1)  # the successful send
    assert "oHistOk" in history.detail.toPlainText()
    history.use_selected()
    page = demo_window.templates_page
    assert demo_window.current_page() is page
    qtbot.waitUntil(lambda: page.composer.recipient() == "oHistOk")
    assert page.composer.value_edit("name3").text() == "王小明"
    assert len(sandbox.deliveries) == deliveries
    history.select_row(2)  # the QR request
    history.use_selected()
    assert demo_window.qr_page.open_id_edit.text() == "oHistQr"


def test_clear_profile_history_asks(qtbot, demo_window, monkeypatch) -> None:
    generate(qtbot, demo_window, "oClear")
    history = _history(qtbot, demo_window)
    monkeypatch.setattr(HistoryPage, "ask_confirm", classmethod(lambda cls, p, t: False))
    history.clear_profile()
    assert len(demo_window.workspace.history.recent()) == 1
    monkeypatch.setattr(HistoryPage, "ask_confirm", classmethod(lambda cls, p, t: True))
    with qtbot.waitSignal(history.loaded, timeout=10000):
        history.clear_profile()
    assert demo_window.workspace.history.recent() == []


def test_inspector_masks_the_token_and_never_holds_the_secret(qtbot, demo_window) -> None:
    generate(qtbot, demo_window, "oInspect")
    inspector = demo_window.inspector
    qtbot.waitUntil(lambda: len(inspector.exchanges()) == 2)  # QR API POST, image GET
    post = next(e for e in inspector.exchanges() if e.method == "POST")
    token = post.request_headers["token"]
    inspector.list.setCurrentItem(inspector.list.topLevelItem(1))
    shown = inspector.detail.toPlainText()
    assert "offiAccountOpenId" in shown and token not in shown and "••••" in shown
    inspector.reveal_check.setChecked(True)
    assert token in inspector.detail.toPlainText()
    everything = repr([vars(e) for e in inspector.exchanges()])
    assert DEMO_SECRET not in everything
    inspector.list.setCurrentItem(inspector.list.topLevelItem(0))  # the image
    assert not inspector.thumbnail.pixmap().isNull()


# The copied command is run: that needs curl (.ci/run installs it; a fresh Debian lacks it).
needs_curl = pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")


@needs_curl
def test_copied_curl_works_once_against_the_sandbox(qtbot, demo_window) -> None:
    generate(qtbot, demo_window, "oCurl")
    inspector = demo_window.inspector
    qtbot.waitUntil(lambda: len(inspector.exchanges()) == 2)
    inspector.list.setCurrentItem(inspector.list.topLevelItem(1))
    with qtbot.waitSignal(inspector.copied) as blocker:
        inspector.copy_curl()
    command = blocker.args[0]
    assert command.startswith("# Signed afresh") and DEMO_SECRET not in command
    first = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=30)
    assert json.loads(first.stdout)["code"] == 1000, first.stdout + first.stderr
    again = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=30)
    assert json.loads(again.stdout)["code"] == 2004  # the nonce is spent


@needs_curl
def test_query_placement_curl_is_signed_afresh_too(qtbot, make_window, sandbox) -> None:
    window = make_window(replace(sandbox.demo_profile(), auth_placement="query"))
    generate(qtbot, window, "oCurlQuery")
    inspector = window.inspector
    qtbot.waitUntil(lambda: len(inspector.exchanges()) == 2)
    post = next(e for e in inspector.exchanges() if e.method == "POST")
    command = inspector.curl_for(post)
    done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=30)
    assert json.loads(done.stdout)["code"] == 1000, done.stdout + done.stderr


def test_check_page_against_the_sandbox(qtbot, demo_window) -> None:
    demo_window.nav.setCurrentRow(demo_window.PAGE_CHECK)
    page = demo_window.check_page
    with qtbot.waitSignal(page.checked, timeout=20000) as blocker:
        page.run()
    statuses = {r.key: r.status for r in blocker.args[0]}
    assert statuses["send_path"] == "pass" and statuses["test_send"] == "skip"
    assert page.results.topLevelItemCount() == len(statuses)
    assert page.message.level == "ok"


def test_check_page_real_send_on_production_asks_first(
    qtbot, make_window, sandbox, monkeypatch
) -> None:
    from app.ui import dialogs

    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "ask_confirm", lambda parent, title, text: asked.append(text) or False
    )
    window = make_window(replace(sandbox.demo_profile(), production=True))
    page = window.check_page
    with qtbot.waitSignal(page.templates_loaded, timeout=10000):
        window.nav.setCurrentRow(window.PAGE_CHECK)
    page.send_to_edit.setText("oBoss")
    assert page.select_template("FullSim_empty_content_0001")
    page.run()
    assert asked and "oBoss" in asked[0]
    assert window.findChildren(TemplatesPage) == []  # asking built no other page
    assert [r for r in sandbox.received if r.method == "POST"] == []
    assert page.run_button.isEnabled()


def test_retention_is_chosen_on_the_page_and_clean_up_runs_off_the_gui_thread(
    qtbot, demo_window
) -> None:
    import threading
    import time

    history = demo_window.workspace.history
    now = time.time()
    for age, target in ((200, "oOld"), (40, "oMonth"), (0, "oToday")):
        event = history.start(profile="demo", kind="qr", request={}, target=target)
        history.finish(event, outcome="ok")
        backdate(history.path, event, now - age * 86400)
    page = _history(qtbot, demo_window)
    assert page.retention_combo.currentData() == 365 and page.retention_combo.isEnabled()
    assert [e.target for e in page.events()] == ["oToday", "oMonth", "oOld"]

    index = page.retention_combo.findData(30)
    page.retention_combo.setCurrentIndex(index)
    with qtbot.waitSignal(page.retention_changed, timeout=10000) as chosen:
        page.retention_combo.activated.emit(index)  # as a click on the item does
    assert chosen.args == [30] and history.retention_days == 30

    workers: list[str] = []
    clean_up = type(history).clean_up

    def spy(self, *args):
        workers.append(threading.current_thread().name)
        return clean_up(self, *args)

    type(history).clean_up = spy
    try:
        with qtbot.waitSignal(page.cleaned, timeout=20000) as cleaned:
            qtbot.mouseClick(page.clean_button, Qt.MouseButton.LeftButton)
            assert not page.clean_button.isEnabled()  # busy while it runs
    finally:
        type(history).clean_up = clean_up
    assert cleaned.args == [2]
    assert workers and workers[0] != threading.main_thread().name
    qtbot.waitUntil(lambda: [e.target for e in page.events()] == ["oToday"])
    assert re.fullmatch(  # sizes as people read them: "277.6 KB", "48 KB"
        r"2 old rows deleted; the database went from [\d.]+ [KM]B to [\d.]+ [KM]B\.",
        page.message.text(),
    ), page.message.text()
    assert page.clean_button.isEnabled()


def test_a_damaged_history_file_is_reported_on_the_page(qtbot, make_window, sandbox) -> None:
    import os

    from app.core.paths import history_path

    history_path().parent.mkdir(parents=True, exist_ok=True)
    history_path().write_bytes(os.urandom(8192))
    window = make_window(sandbox.demo_profile())
    page = _history(qtbot, window)
    assert page.message.level == "warning"
    moved = window.workspace.history.recovered_to
    assert moved is not None and moved.exists() and str(moved) in page.message.text()
    generate(qtbot, window, "oAfterDamage")  # the fresh database records again
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    assert [e.target for e in page.events()] == ["oAfterDamage"]
    assert not page.message.isVisible()  # said once, not at every refresh


def test_server_and_customer_text_shows_as_plain_text(qtbot, demo_window) -> None:
    from PySide6.QtWidgets import QLabel

    hostile_id = "<img src=file:///etc/hostname>"
    hostile_errmsg = "<b style=color:green>loaded OK</b><a href=x>click</a>"
    history = demo_window.workspace.history
    event = history.start(
        profile="demo", kind="send", request={"touser": hostile_id}, target=hostile_id,
        template_id="<i>T</i>",
    )  # fmt: skip
    history.finish(
        event,
        outcome="refused",
        code="40003",
        error_key="remote.refused",
        error_params={"code": 40003, "message": hostile_errmsg},
    )
    page = _history(qtbot, demo_window)
    item = page.tree.topLevelItem(0)
    assert item.text(3) == hostile_id and item.text(4) == "<i>T</i>"
    assert hostile_errmsg in item.text(7)
    page.select_row(0)
    assert hostile_id in page.detail.toPlainText() and hostile_errmsg in page.detail.toPlainText()
    for label in page.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_a_read_only_data_home_keeps_the_qr_page_working_and_holds_sends(
    qtbot, make_window, sandbox, tmp_path, monkeypatch
) -> None:
    from tests.gui.test_templates_page import fill, open_templates, send
    from tests.helpers.disks import read_only_folder

    with read_only_folder(tmp_path) as home:
        monkeypatch.setenv("RECALL_DESK_HOME", str(home))
        window = make_window(sandbox.demo_profile())
        generate(qtbot, window, "oReadOnlyGui")  # a code needs no history, and says so
        qr = window.qr_page
        assert qr.result() is not None and qr.save_button.isEnabled()
        assert qr.message.level == "warning"
        text = qr.message.text()
        assert "ready" in text and "not recorded in history" in text and str(home) in text, text
        page = open_templates(qtbot, window)
        fill(page, VISIT_TEMPLATE_ID, VISIT_VALUES, to="oReadOnlyGui")
        error = send(qtbot, page, "send_failed")
        assert getattr(error, "key", "") == "history.read_only"
        assert str(home) in page.result.text() and "read-only" in page.result.text()
        assert sandbox.deliveries == []  # nothing went out unrecorded
        window.tasks.wait_all(5000)
        window.workspace.close()
