"""Profiles as a file to share a team's setup: every field but the secret.

The file has the config file's shape (``[profiles.NAME]`` tables), so a colleague can also
merge it by hand.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.core.profiles import Config, load_config, save_config
from app.core.workspace import Workspace


def export_profiles(config: Config, path: Path) -> int:
    """Write ``config``'s saved profiles to ``path`` without secrets; returns how many."""
    shared = {
        name: replace(profile, secret="")
        for name, profile in config.profiles.items()
        if not profile.demo
    }
    save_config(Config(profiles=shared, path=path))
    return len(shared)


def import_profiles(workspace: Workspace, path: Path) -> list[str]:
    """Add the profiles of ``path`` to the workspace (``name-2`` where a name is taken), never
    a secret; returns the names they got. Call ``workspace.save()`` after.

    Raises:
        BadInput: the file is not a readable config file.
    """
    added = []
    for name, profile in load_config(path).profiles.items():
        new_name = workspace.free_name(name)
        workspace.put_profile(replace(profile, name=new_name, secret="", demo=False))
        added.append(new_name)
    return added
