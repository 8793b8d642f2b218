"""The main window: navigation (pages built on first visit), the profile switcher with its badge,
the first-run panel; its menus and their actions are `menus.WindowMenus`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QProcess, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.profiles import Profile
from app.core.workspace import Workspace
from app.ui.exchange_log import ExchangeLog
from app.ui.first_run import FirstRunPanel
from app.ui.menus import WindowMenus
from app.ui.page_context import PageContext
from app.ui.state import UiState
from app.ui.tasks import TaskRunner
from app.ui.widgets import NavigationBar, PageScroll

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from app.ui.help_dialog import HelpDialog
    from app.ui.inspector import InspectorDock
    from app.ui.pages.batch_page import BatchPage
    from app.ui.pages.check_page import CheckPage
    from app.ui.pages.history_page import HistoryPage
    from app.ui.pages.qr_page import QrPage
    from app.ui.pages.settings_page import SettingsPage
    from app.ui.pages.templates_page import TemplatesPage

# Regular weight: a bold face is another font file to open (Noto Sans CJK Bold: 1.9 MB).
BADGE_STYLE = "QLabel {{ color: white; background: {bg}; border-radius: 4px; padding: 3px 9px; }}"


def first_window_size(available: QSize) -> QSize:
    """1120×720, or less on a screen where that would not fit with its title bar (a 1366×768
    laptop's taskbar leaves 728 px); the layouts' minimum still wins on tiny screens."""
    return QSize(min(1120, int(available.width() * 0.92)), min(720, int(available.height() * 0.88)))


class MainWindow(QMainWindow):
    """Pages: 0 QR codes, 1 Batch, 2 Templates, 3 History, 4 Check middleware, 5 Settings."""

    PAGE_QR, PAGE_BATCH, PAGE_TEMPLATES, PAGE_HISTORY, PAGE_CHECK, PAGE_SETTINGS = range(6)

    def __init__(
        self, workspace: Workspace, state: UiState, tasks: TaskRunner | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAccessibleName(APP_NAME)
        self.workspace = workspace
        self.state = state
        self.tasks = tasks or TaskRunner(parent=self)
        self.context = PageContext(workspace, self.tasks, state, self.current_profile_name)
        self.setWindowTitle(self.tr("Recall Desk"))

        # -- profile switcher and badge ------------------------------------------------------
        self.profile_switcher = QComboBox()
        self.profile_switcher.setObjectName("profileSwitcher")
        self.profile_switcher.setAccessibleName(self.tr("Active profile"))
        self.profile_switcher.setMinimumContentsLength(16)
        self.profile_switcher.setToolTip(self.tr("The profile every request uses"))
        self.profile_badge = QLabel()
        self.profile_badge.setObjectName("profileBadge")
        toolbar = QToolBar(self.tr("Profile"))
        toolbar.setObjectName("profileToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Profile:") + " "))
        toolbar.addWidget(self.profile_switcher)
        toolbar.addSeparator()
        toolbar.addWidget(self.profile_badge)
        self.addToolBar(toolbar)

        # -- pages: built on first visit, so start-up pays only for the page it shows -------
        self._pages: dict[int, Any] = {}
        self.stack = QStackedWidget()
        titles = [
            self.tr("QR codes"),
            self.tr("Batch"),
            self.tr("Templates"),
            self.tr("History"),
            self.tr("Check middleware"),
            self.tr("Settings"),
        ]
        for _ in titles:
            self.stack.addWidget(QWidget())  # placeholder until the page is first shown
        self.nav = NavigationBar(titles)
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.currentRowChanged.connect(self._show_page)
        # As wide as the longest title in either language needs, and never narrower than 196.
        self.nav.setFixedWidth(max(196, self.nav.sizeHint().width()))
        central = QWidget()
        body = QHBoxLayout(central)
        body.setContentsMargins(0, 6, 6, 0)
        body.setSpacing(6)
        body.addWidget(self.nav)
        pages = self._column = QVBoxLayout()
        pages.setContentsMargins(0, 0, 0, 0)
        self.first_run = FirstRunPanel()
        self.first_run.try_sandbox.connect(self._try_sandbox)
        self.first_run.add_profile.connect(self._add_first_profile)
        self.first_run.dismissed.connect(self._dismiss_first_run)
        self.first_run.setVisible(not workspace.config.profiles and not state.get("ui/welcomed"))
        pages.addWidget(self.first_run)
        pages.addWidget(self.stack, 1)
        body.addLayout(pages, 1)
        self.setCentralWidget(central)

        # Exchanges are logged from the first request; the dock showing them is built on demand.
        self.exchange_log = ExchangeLog(self)
        workspace.hooks.append(self.exchange_log.record)
        self._inspector: InspectorDock | None = None
        self._help: HelpDialog | None = None
        self.menus = WindowMenus(self, titles)
        self.profile_switcher.currentIndexChanged.connect(self._on_profile_switched)
        self.reload_profiles(state.get("profile/last") or workspace.default_profile_name())

        self.statusBar().showMessage(self.tr("Ready"))
        geometry = state.get("window/geometry")
        self.starts_maximized = state.get("window/maximized")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
            self.restoreState(state.get("window/state"))
        else:
            size = first_window_size(self.screen().availableGeometry().size())
            self.resize(size)
            # A first start on a screen that has no room for 1120×720 (a laptop) takes it all.
            self.starts_maximized = size.width() < 1120 or size.height() < 720
        self.nav.setCurrentRow(min(max(state.get("window/page"), 0), len(titles) - 1))
        self.page(self.nav.currentRow())
        if state.get("window/inspector"):
            self.inspector.show()

    @property
    def inspector(self) -> InspectorDock:
        """The request inspector dock, built (hidden unless restored) on first use."""
        if self._inspector is None:
            from app.ui.inspector import InspectorDock

            dock = InspectorDock(self, self.exchange_log)
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            if not self.restoreDockWidget(dock):
                dock.hide()
            dock.visibilityChanged.connect(
                lambda _visible: self.menus.inspector_action.setChecked(not dock.isHidden())
            )
            self.menus.inspector_action.setChecked(not dock.isHidden())
            self._inspector = dock
        return self._inspector

    # -- pages -----------------------------------------------------------------------------------
    def page(self, index: int) -> Any:
        """The page at ``index``, built (and its module imported) on first use."""
        existing = self._pages.get(index)
        if existing is not None:
            return existing
        page: QWidget
        if index == self.PAGE_QR:
            from app.ui.pages.qr_page import QrPage

            qr = QrPage(self.context)
            qr.send_message_requested.connect(self.open_templates_for)
            qr.current_changed.connect(self.menus.enable_code_actions)
            profile = self._current_profile()
            if profile is not None:
                qr.load_profile_defaults(profile.sdk_app_id, profile.offi_account_id)
            page = qr
        elif index == self.PAGE_BATCH:
            from app.ui.pages.batch_page import BatchPage

            page = BatchPage(self.context)
        elif index == self.PAGE_TEMPLATES:
            from app.ui.pages.templates_page import TemplatesPage

            page = TemplatesPage(self.context)
        elif index == self.PAGE_HISTORY:
            from app.ui.pages.history_page import HistoryPage

            history = HistoryPage(self.context)
            history.use_again.connect(self.use_again)
            page = history
        elif index == self.PAGE_CHECK:
            from app.ui.pages.check_page import CheckPage

            page = CheckPage(self.context)
        else:
            from app.ui.pages.settings_page import SettingsPage

            settings = SettingsPage(self.context)
            settings.profiles_changed.connect(self.reload_profiles)
            settings.restart_requested.connect(self.restart)
            page = settings
        # A window smaller than the page's minimum (a laptop at 150 %) scrolls it, never clips.
        scroll = PageScroll(page)
        scroll.setObjectName(f"pageScroll{index}")
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, scroll)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        if self.nav.currentRow() == index:
            self.stack.setCurrentIndex(index)
        self._pages[index] = page
        return page

    def current_page(self) -> QWidget | None:
        """The page shown now (None before it is built)."""
        return self._pages.get(self.nav.currentRow())

    @property
    def qr_page(self) -> QrPage:
        return self.page(self.PAGE_QR)

    @property
    def batch_page(self) -> BatchPage:
        return self.page(self.PAGE_BATCH)

    @property
    def templates_page(self) -> TemplatesPage:
        return self.page(self.PAGE_TEMPLATES)

    @property
    def history_page(self) -> HistoryPage:
        return self.page(self.PAGE_HISTORY)

    @property
    def check_page(self) -> CheckPage:
        return self.page(self.PAGE_CHECK)

    @property
    def settings_page(self) -> SettingsPage:
        return self.page(self.PAGE_SETTINGS)

    # -- profiles --------------------------------------------------------------------------------
    def current_profile_name(self) -> str:
        return str(self.profile_switcher.currentData() or "")

    def reload_profiles(self, select: str = "") -> None:
        wanted = select or self.current_profile_name()
        self.profile_switcher.blockSignals(True)
        self.profile_switcher.clear()
        for name in self.workspace.profile_names():
            profile = self.workspace.profile(name)
            label = name
            if profile.demo:
                label = self.tr("{name} (sandbox)").format(name=name)
            self.profile_switcher.addItem(label, name)
        index = self.profile_switcher.findData(wanted)
        self.profile_switcher.setCurrentIndex(index if index >= 0 else 0)
        self.profile_switcher.blockSignals(False)
        self._on_profile_switched()

    def add_demo_profile(self, profile: Profile, select: bool) -> None:
        """List the demo sandbox's profile (it is up now); switch to it if ``select``."""
        self.workspace.demo_profile = profile
        self.reload_profiles(profile.name if select else "")
        if self.PAGE_SETTINGS in self._pages:  # built first: the page restored at start
            self.settings_page.profile_arrived()

    def _current_profile(self) -> Any:
        name = self.current_profile_name()
        return self.workspace.profile(name) if name else None

    def _on_profile_switched(self, _index: int = 0) -> None:
        name = self.current_profile_name()
        if not name:
            self.profile_badge.setText(self.tr("No profile"))
            self.profile_badge.setStyleSheet(BADGE_STYLE.format(bg="#6b7280"))
            return
        profile = self.workspace.profile(name)
        if profile.demo:
            text, bg = self.tr("DEMO SANDBOX"), "#2563eb"
        elif profile.production:
            text, bg = self.tr("PRODUCTION"), "#dc2626"
        else:
            text, bg = self.tr("TEST"), "#059669"
        self.profile_badge.setText(text)
        self.profile_badge.setStyleSheet(BADGE_STYLE.format(bg=bg))
        self.profile_badge.setAccessibleName(self.tr("Environment: {env}").format(env=text))
        self.state.set("profile/last", name)
        if self.PAGE_QR in self._pages:
            self.qr_page.load_profile_defaults(profile.sdk_app_id, profile.offi_account_id)
        if self.PAGE_TEMPLATES in self._pages:
            self.templates_page.profile_changed()
        if self.PAGE_CHECK in self._pages:
            self.check_page.profile_changed()

    # -- navigation ------------------------------------------------------------------------------
    def _show_page(self, index: int) -> None:
        page = self.page(index)
        self.stack.setCurrentIndex(index)
        self.state.set("window/page", index)
        if index == self.PAGE_HISTORY:
            page.refresh()
        elif index in (self.PAGE_TEMPLATES, self.PAGE_CHECK):
            page.ensure_loaded()

    def use_again(self, event: Any) -> None:
        """Put a past request back into its form (switching profile if needed); never sends."""
        if event.profile != self.current_profile_name() and (
            event.profile in self.workspace.profile_names()
        ):
            self.reload_profiles(event.profile)
        qr, send = event.qr_request(), event.send_request()
        if qr is not None:
            self.qr_page.restore_request(qr)
            self.nav.setCurrentRow(self.PAGE_QR)
        elif send is not None:
            self.nav.setCurrentRow(self.PAGE_TEMPLATES)
            self.templates_page.restore_request(send)

    def show_help(self) -> None:
        """F1: the bundled help in the UI language (non-modal)."""
        if self._help is None:
            from app.ui.help_dialog import HelpDialog

            self._help = HelpDialog(self)
        self._help.show()
        self._help.raise_()

    # -- first run -------------------------------------------------------------------------------
    def _dismiss_first_run(self) -> None:
        self.first_run.hide()
        self.state.set("ui/welcomed", True)

    def _try_sandbox(self) -> None:
        demo = self.workspace.demo_profile
        if demo is not None:
            self.reload_profiles(demo.name)
        self._dismiss_first_run()
        self.nav.setCurrentRow(self.PAGE_QR)

    def _add_first_profile(self) -> None:
        self._dismiss_first_run()
        self.nav.setCurrentRow(self.PAGE_SETTINGS)
        self.settings_page.new_profile()

    def show_config_problem(self, error: BaseException) -> None:
        """The config file could not be read: what is wrong, above the pages (in place of the
        first-run panel), in the status bar and on Settings."""
        from app.ui.config_problem import ConfigProblemPanel

        panel = self.config_problem = ConfigProblemPanel(self.workspace.config.unreadable, error)
        panel.use_sandbox.connect(self._try_sandbox)
        self._column.insertWidget(0, panel)
        self.settings_page.saved.connect(panel.hide)  # a new file replaced the unreadable one
        self.first_run.hide()
        self.statusBar().showMessage(panel.reason)
        self.settings_page.show_problem(panel.reason)

    def open_templates_for(self, open_id: str) -> None:
        self.templates_page.compose_recall(open_id)
        self.nav.setCurrentRow(self.PAGE_TEMPLATES)

    @classmethod
    def ask_quit_during_batch(cls, parent: QWidget) -> bool:
        """Ask before closing while a batch runs; tests replace this classmethod."""
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("MainWindow", "A batch is running"),
            QCoreApplication.translate(
                "MainWindow",
                "Stop the batch and quit? Codes already generated are kept; running the "
                "same list into the same folder later resumes where it stopped.",
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def restart(self) -> None:
        """Close (asking what closing asks) and start again with the same options: the new
        process reopens this page at this size."""
        if not self.close():
            return
        if getattr(sys, "frozen", False):
            program, arguments = sys.executable, sys.argv[1:]
        else:
            program, arguments = sys.executable, ["-m", "app", *sys.argv[1:]]
        QProcess.startDetached(program, arguments)
        QCoreApplication.quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        settings = self._pages.get(self.PAGE_SETTINGS)
        if settings is not None and not settings.confirm_leave():
            event.ignore()
            return
        batch = self._pages.get(self.PAGE_BATCH)
        if batch is not None and batch.running:
            if not self.ask_quit_during_batch(self):
                event.ignore()
                return
            batch.cancel()
        self.state.set("window/geometry", self.saveGeometry())
        self.state.set("window/maximized", self.isMaximized())
        self.state.set("window/state", self.saveState())
        self.state.set("window/inspector", bool(self._inspector and not self._inspector.isHidden()))
        self.state.sync()
        super().closeEvent(event)
