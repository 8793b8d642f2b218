"""What every page is given by the window: the workspace, the task runner, the UI state and
the active profile. Pages talk back through their own signals and intent methods."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.profiles import Profile
from app.core.workspace import Workspace
from app.ui.state import UiState
from app.ui.tasks import TaskRunner


@dataclass(frozen=True)
class PageContext:
    """Args:
    workspace: config, secrets, history and a service per profile.
    tasks: runs work off the GUI thread.
    state: the remembered UI state.
    active_profile_name: the name of the profile the switcher shows now ("" for none).
    """

    workspace: Workspace
    tasks: TaskRunner
    state: UiState
    active_profile_name: Callable[[], str]

    def active_profile(self) -> Profile | None:
        name = self.active_profile_name()
        return self.workspace.profile(name) if name else None
