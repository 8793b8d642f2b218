"""Screenshots of every page in a real window, for looking at the app as a user would.

Run under Xvfb with a CJK font installed, e.g.::

    xvfb-run -s "-screen 0 1366x860x24" python scripts/screenshots.py --out screenshots --lang zh_CN
    QT_SCALE_FACTOR=1.25 xvfb-run -s "-screen 0 1366x768x24" python scripts/screenshots.py --laptop

It starts the built-in sandbox, drives the window to interesting states (a generated code,
a filled template with lint findings, a refusal explained, settings) and saves PNGs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--lang", default="en", help="en or zh_CN")
    parser.add_argument(
        "--laptop",
        action="store_true",
        help="a 1366×768 laptop's window (less taskbar and title bar) at QT_SCALE_FACTOR",
    )
    args = parser.parse_args()
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    size = (int(1366 / scale), int(698 / scale)) if args.laptop else (1366, 860)
    home = tempfile.mkdtemp(prefix="recall-desk-shots-")
    os.environ["RECALL_DESK_HOME"] = home
    os.environ["RECALL_DESK_CONFIG"] = str(Path(home) / "config.toml")
    os.environ["LANGUAGE"] = args.lang
    os.environ["LANG"] = f"{args.lang}.UTF-8" if args.lang != "en" else "en_US.UTF-8"

    from PySide6.QtCore import QEventLoop, QLocale, QTimer
    from PySide6.QtWidgets import QApplication

    QLocale.setDefault(QLocale(args.lang))
    app = QApplication(sys.argv[:1])
    from app.core.profiles import Config
    from app.sandbox import VISIT_TEMPLATE_ID, Sandbox
    from app.core.workspace import Workspace
    from app.ui.i18n import install_translators
    from app.ui.main_window import MainWindow
    from app.ui.state import UiState

    install_translators(app, args.lang)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    def wait(signal: object, ms: int = 10000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(name: str) -> None:
        settle()
        window.grab().save(str(out / f"{args.lang}-{name}.png"))

    with Sandbox() as sandbox:
        window = MainWindow(Workspace(Config(), demo_profile=sandbox.demo_profile()), UiState())
        window.resize(*size)
        window.show()
        shot("qr-empty")
        window.qr_page.open_id_edit.setText("oX1a2b3c4d5e6f-customer")
        window.qr_page.channel_edit.setText("store-07")
        window.qr_page.generate()
        wait(window.qr_page.generated)
        shot("qr-generated")

        listing = Path(home) / "客户名单.csv"
        listing.write_bytes(
            (
                "用户openid,渠道,客户姓名\n"
                + "".join(f"o{i:04d}-customer,门店{i % 4 + 1},客户{i}\n" for i in range(24))
                + ",门店9,缺少openid\n"
            ).encode("gb18030")
        )
        batch = window.batch_page
        window.nav.setCurrentRow(window.PAGE_BATCH)
        batch.load(str(listing))
        wait(batch.imported)
        batch.out_dir_edit.setText(str(Path(home) / "batch"))
        batch.start()
        wait(batch.finished, 60000)
        shot("batch")

        page = window.templates_page
        window.nav.setCurrentRow(window.PAGE_TEMPLATES)
        wait(page.loaded)
        page.select_template(VISIT_TEMPLATE_ID)
        page.set_recipient("o_not_follower")
        for key, value in {
            "thing1": "视频面签预约确认，请准时进入视频通话哦",
            "time2": "2026-11-28 25:00",
            "name3": "王小明",
            "thing4": "请点击消息进入视频通话",
        }.items():
            page.composer.value_edit(key).setText(value)
        shot("templates-lint")
        page.composer.value_edit("time2").setText("2026-11-28 15:00")
        page.composer.value_edit("thing1").setText("视频面签预约确认")
        page.send()
        wait(page.send_failed)
        shot("templates-refused")

        window.nav.setCurrentRow(window.PAGE_HISTORY)
        wait(window.history_page.loaded)
        window.history_page.select_row(0)
        window.inspector.show()
        window.inspector.select_latest()
        shot("history-inspector")
        window.inspector.hide()
        window.nav.setCurrentRow(window.PAGE_CHECK)
        window.check_page.run()
        wait(window.check_page.checked)
        shot("check")
        window.nav.setCurrentRow(window.PAGE_SETTINGS)
        window.settings_page.test_connection()
        wait(window.settings_page.tested)
        shot("settings")
        window.close()
        window.tasks.wait_all()
        window.workspace.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
