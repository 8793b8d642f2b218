"""GUI entry point: logging, crash hook, QApplication, translators, main window, demo sandbox."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, APP_NAME, __version__
from app.cli import parse
from app.core.demo import DEMO_PROFILE_NAME
from app.core.errors import BadInput
from app.core.paths import config_path, data_home, private_dir, private_file
from app.core.profiles import Config, Profile, load_config
from app.core.workspace import Workspace
from app.ui.errors import describe
from app.ui.i18n import install_translators
from app.ui.main_window import MainWindow
from app.ui.resources import resource
from app.ui.state import UiState

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from types import TracebackType

    from app.sandbox import Sandbox

log = logging.getLogger(__name__)

LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


class LogFile(RotatingFileHandler):
    """The session log: rotates when full, keeping ``LOG_BACKUPS`` older ones (.1 newest).

    When the files cannot be renamed (Windows refuses while another running copy holds the log
    open) it keeps appending to the current file and tries again at the next start.
    """

    def _open(self) -> Any:
        private_file(Path(self.baseFilename))  # user-only: the log quotes customers' openIds
        return super()._open()

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        try:
            super().doRollover()
        except OSError:
            self.maxBytes = 0  # no more attempts this session
            if self.stream is None:
                self.stream = self._open()


def setup_file_logging() -> tuple[str, logging.Handler]:
    """Log to a file in the data home (stderr if it is unwritable); returns the path and the
    handler added to the root logger."""
    path = Path("recall-desk.log")
    try:
        folder = private_dir(data_home() / "logs")
        path = folder / "recall-desk.log"
        handler: logging.Handler = LogFile(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        # A read-only or full disk must not keep the window from opening: log to stderr.
        handler = logging.StreamHandler(sys.stderr)
        print(f"recall-desk: cannot write the log: {exc}", file=sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return str(path), handler


_open_reports: list[QMessageBox] = []  # the crash reports on screen, kept alive until closed


def install_crash_hook(log_path: str) -> Callable[..., Any]:
    """Log uncaught exceptions and show a non-blocking, copyable report; returns the hook it
    replaced."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("uncaught exception\n%s", text)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, value, tb)
            return
        box = QMessageBox()
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QApplication.translate("Crash", "Recall Desk hit a problem"))
        box.setText(
            QApplication.translate(
                "Crash", "Something went wrong. Your data is safe; the details are in {path}."
            ).format(path=log_path)
        )
        box.setDetailedText(text)
        _open_reports.append(box)  # a local alone dies with the hook: the box never showed
        box.finished.connect(lambda _result: _open_reports.remove(box))
        box.show()

    previous = sys.excepthook
    sys.excepthook = hook
    return previous


def window_icon_sizes(platform: str = sys.platform) -> tuple[int, ...]:
    """The rendered icon sizes the window icon carries on ``platform``.

    X11 copies every size into a property of each window (the 512 px image alone is 3.5 MB of
    the process), and Linux shells draw that icon at 64 px at most, taking larger art from the
    .desktop entry's icon. Windows draws two small sizes; the macOS dock wants the large ones.
    """
    if platform.startswith("linux"):
        return (16, 24, 32, 48, 64, 128)
    return (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in window_icon_sizes():
        icon.addFile(str(resource("icons", f"recall-desk-{size}.png")))
    return icon


def main(argv: list[str]) -> int:
    """Start the GUI with the top-level options (``--config``, ``--demo``, ``--smoke`` …)."""
    return run(parse(argv))


def start_demo_sandbox(window: MainWindow, select: bool, running: list[Sandbox]) -> None:
    """Start the demo sandbox on a worker (appending it to ``running``) and add its profile to
    the window when it is up, selected if ``select``."""

    def start() -> Profile:
        from app.sandbox import Sandbox

        sandbox = Sandbox().start()
        running.append(sandbox)
        return sandbox.demo_profile()

    def failed(error: BaseException) -> None:
        log.error("the demo sandbox did not start: %s", error)
        window.statusBar().showMessage(describe(error)[0])

    window.tasks.run(start, lambda profile: window.add_demo_profile(profile, select), failed)


def read_config(path: Path) -> tuple[Config, BadInput | None]:
    """The config file, or an empty config that never writes over the file it could not read
    (Settings' Save asks first) and why it could not."""
    try:
        return load_config(path), None
    except BadInput as exc:
        return Config(path=None, unreadable=path), exc


def run(args: argparse.Namespace) -> int:
    config, config_error = read_config(config_path(args.config))
    log_path, log_handler = setup_file_logging()
    previous_hook = install_crash_hook(log_path)
    workspace = Workspace(config)
    sandboxes: list[Sandbox] = []
    window: MainWindow | None = None
    try:
        app: Any = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName("RecallDesk")
        app.setDesktopFileName(APP_ID)
        app.setWindowIcon(app_icon())
        state = UiState()
        language = install_translators(app, state.get("ui/language"))
        log.info(
            "Recall Desk %s starting: Python %s, Qt %s, %s, language %s",
            __version__,
            sys.version.split()[0],
            qVersion(),
            sys.platform,
            language,
        )
        last = state.get("profile/last")
        select_demo = args.demo or not config.profiles or last == DEMO_PROFILE_NAME
        window = MainWindow(workspace, state)
        if config_error is not None:
            window.show_config_problem(config_error)
        window.showMaximized() if window.starts_maximized else window.show()
        if args.smoke:  # the first frame, then exit: the start-up a user waits for
            app.processEvents()
            QTimer.singleShot(0, window.close)
            app.processEvents()
            return 0
        # After the first frame: the window never waits for the sandbox's imports or its port.
        QTimer.singleShot(0, lambda: start_demo_sandbox(window, select_demo, sandboxes))
        return int(app.exec())
    finally:
        if window is not None:
            window.tasks.wait_all(3000)
        workspace.close()
        for sandbox in sandboxes:
            sandbox.stop()
        sys.excepthook = previous_hook
        logging.getLogger().removeHandler(log_handler)
        log_handler.close()
