"""GUI entry point: QApplication, logging, crash hook, demo sandbox, main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse
    from types import TracebackType

log = logging.getLogger(__name__)


LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


def rotate_log(path: Path, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS) -> None:
    """Start a fresh log when the last one is full, keeping ``backups`` older ones (.1 newest).

    Rotating once per start is enough for a desktop session, and keeps logging.handlers (and
    the socket and pickle modules it imports, ~20 ms) out of start-up.
    """
    try:
        if path.stat().st_size < max_bytes:
            return
        for n in range(backups - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
    except OSError:
        # Missing, or held open by another running copy (Windows refuses to rename it): keep
        # appending to the current file rather than fail to start.
        return


def setup_file_logging() -> str:
    """Log to a file in the data home; returns its path."""
    from app.core.paths import data_home

    path = Path("recall-desk.log")
    try:
        folder = data_home() / "logs"
        path = folder / "recall-desk.log"
        folder.mkdir(parents=True, exist_ok=True)
        rotate_log(path)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError as exc:
        # A read-only or full disk must not keep the window from opening: log to stderr.
        handler = logging.StreamHandler(sys.stderr)
        print(f"recall-desk: cannot write the log: {exc}", file=sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return str(path)


def install_crash_hook(log_path: str) -> None:
    """Log uncaught exceptions and show a non-blocking, copyable report."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        import traceback

        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("uncaught exception\n%s", text)
        from PySide6.QtWidgets import QApplication, QMessageBox

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
        box.show()

    sys.excepthook = hook


def spare_pyside_source_scan() -> None:
    """Answer PySide's "does this module use PySide?" without reading the module's source.

    To honour ``from __feature__ import …``, PySide reads the whole source of every module
    imported after it, and of every module an import statement names (PYSIDE-2029), and
    linecache keeps them all: 1 MB before the window shows, 7 MB once a session has loaded
    its pages, httpx, Pillow and openpyxl. None of our modules selects a feature, so the
    answer is known without reading: ours use PySide, the others do not. A PySide without this
    function is left to scan.
    """
    feature = sys.modules.get("__feature__")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", _uses_pyside)  # noqa: B010 - a private hook


def _uses_pyside(module: object) -> bool:
    return str(getattr(module, "__name__", "")).split(".")[0] in {"app", "PySide6", "shiboken6"}


def window_icon_sizes(platform: str = sys.platform) -> tuple[int, ...]:
    """The rendered icon sizes the window icon carries on ``platform``.

    X11 copies every size into a property of each window (the 512 px image alone is 3.5 MB of
    the process), and Linux shells draw that icon at 64 px at most, taking larger art from the
    .desktop entry's icon. Windows draws two small sizes; the macOS dock wants the large ones.
    """
    if platform.startswith("linux"):
        return (16, 24, 32, 48, 64, 128)
    return (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> Any:
    from PySide6.QtGui import QIcon

    from app.ui.resources import resource

    icon = QIcon()
    for size in window_icon_sizes():
        icon.addFile(str(resource("icons", f"recall-desk-{size}.png")))
    return icon


def main(argv: list[str]) -> int:
    """Start the GUI with the top-level options (``--config``, ``--demo``, ``--smoke`` …)."""
    from app.options import top_level_parser

    return run(top_level_parser().parse_args(argv))


def resume_cycle_collector() -> None:
    """Collect cycles again, with everything start-up built left out of every pass.

    Re-enabling alone would make the first pass walk all of it (~20 ms on the GUI thread);
    freezing is O(1) and start-up leaves only ~100 unreachable objects behind.
    """
    gc.freeze()
    gc.enable()


def run(args: argparse.Namespace) -> int:
    # Python's cycle collector would pass a dozen times over start-up's imports and widgets,
    # none of them garbage (~30 ms of a 0.45 s start); it resumes once the window has shown.
    gc.disable()
    # Core modules first: they import before PySide6 installs its import hook, so it is never
    # asked about them (the hook itself is made cheap by spare_pyside_source_scan below).
    from app import APP_ID, APP_NAME, __version__
    from app.core.errors import BadInput
    from app.core.paths import config_path
    from app.core.profiles import Config, load_config
    from app.core.workspace import Workspace

    path = config_path(args.config)
    config_problem = ""
    try:
        config = load_config(path)
    except BadInput as exc:
        config_problem = exc.message
        config = Config(path=None)  # never overwrite a file we could not read

    sandbox: Any = None
    before_demo_use = None
    demo_profile = None
    if args.demo or not config.profiles:
        from app.core.demo import demo_profile as make_demo_profile
        from app.core.demo import reserve_port

        # The port is reserved now so the demo profile is complete; the server itself is
        # imported and started just after the window shows (connections wait in the backlog).
        demo_socket = reserve_port()
        host, port = demo_socket.getsockname()[:2]
        demo_profile = make_demo_profile(f"http://{host}:{port}")

        starting = threading.Lock()

        def start_sandbox() -> None:
            # Called from a worker thread on the demo profile's first request: the server's
            # imports never touch start-up or the GUI thread. Until then the reserved socket
            # queues any connection.
            nonlocal sandbox
            with starting:
                if sandbox is None:
                    from app.core.sandbox import Sandbox

                    sandbox = Sandbox(sock=demo_socket).start()

        before_demo_use = start_sandbox
    workspace = Workspace(config, demo_profile=demo_profile, before_demo_use=before_demo_use)
    log_path = setup_file_logging()
    install_crash_hook(log_path)

    from PySide6.QtCore import QTimer, qVersion

    spare_pyside_source_scan()
    from PySide6.QtWidgets import QApplication

    from app.ui.state import UiState

    app: Any = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("RecallDesk")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    from app.ui.i18n import install_translators

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

    from app.ui.main_window import MainWindow

    window = MainWindow(workspace, state)
    if args.demo and demo_profile is not None:
        window.reload_profiles(demo_profile.name)
    if config_problem:
        window.show_config_problem(config_problem)
    window.show()
    QTimer.singleShot(0, resume_cycle_collector)
    try:
        if args.smoke:
            app.processEvents()
            QTimer.singleShot(0, window.close)
            app.processEvents()
            return 0
        return int(app.exec())
    finally:
        window.tasks.wait_all(3000)
        workspace.close()
        if sandbox is not None:
            sandbox.stop()
