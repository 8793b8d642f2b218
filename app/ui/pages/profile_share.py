"""Sharing profiles from the Settings page: export every saved profile to a TOML file (never a
secret), import a colleague's file beside the profiles already there.

The words keep the Settings page's translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.core.profile_share import export_profiles, import_profiles
from app.ui.errors import describe, fill
from app.ui.page_context import PageContext
from app.ui.widgets import InlineMessage

translate = QCoreApplication.translate


class ProfileSharing(QObject):
    """Export and import off the GUI thread; what happened is said on ``message``.

    Args:
        page: the Settings page (the file dialogs' parent).
        context: the page's context (workspace, tasks).
        message: where the outcome is said.
        may_leave: asked before an import replaces the form (unsaved edits).

    Signals:
        exported(str): the profiles were written to this file.
        imported(list): these profiles were added (renamed where a name was taken); the outcome
            is said after the signal's slots ran, so a page reloading its form keeps it in view.
    """

    exported = Signal(str)
    imported = Signal(list)

    def __init__(
        self,
        page: QWidget,
        context: PageContext,
        message: InlineMessage,
        may_leave: Callable[[], bool],
    ) -> None:
        super().__init__(page)
        self._page = page
        self._context = context
        self._message = message
        self._may_leave = may_leave

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._page,
            translate("SettingsPage", "Export profiles"),
            "recall-desk-profiles.toml",
            "TOML (*.toml)",
        )
        if path:
            self.export_to(path)

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._page, translate("SettingsPage", "Import profiles"), "", "TOML (*.toml);;*"
        )
        if path and self._may_leave():
            self.import_from(path)

    def export_to(self, path: str) -> None:
        """Write every saved profile to ``path``, never a secret."""
        workspace = self._context.workspace

        def done(count: int) -> None:
            self._message.show_message(
                "ok",
                fill(
                    translate(
                        "SettingsPage", "{n:profile/profiles} exported to {path}, without secrets."
                    ),
                    n=count,
                    path=path,
                ),
            )
            self.exported.emit(path)

        self._context.tasks.run(
            lambda: export_profiles(workspace.config, Path(path)), done, self._failed
        )

    def import_from(self, path: str) -> None:
        """Add the profiles in ``path`` (renamed where a name is taken); secrets are set after."""
        workspace = self._context.workspace

        def work() -> list[str]:
            names = import_profiles(workspace, Path(path))
            workspace.save()
            return names

        def done(names: list[str]) -> None:
            self.imported.emit(names)
            self._message.show_message(
                "ok" if names else "warning",
                fill(
                    translate(
                        "SettingsPage",
                        "Imported {n:profile/profiles}: {names}. "
                        "Type each one's secret, then Save.",
                    ),
                    n=len(names),
                    names=", ".join(names),
                ),
            )

        self._context.tasks.run(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._message.show_message("error", *describe(exc))
