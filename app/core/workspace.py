"""What a long-running front end (the GUI) holds: config, secrets, history, a service per profile.

Services are built lazily and may be built on a worker thread (resolving a secret can touch the
keyring over D-Bus); access is locked. Demo profiles live here only and are never saved.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import paths
from app.core.errors import BadInput
from app.core.profiles import Config, Profile, SecretStore, save_config, validate_profile_name

if TYPE_CHECKING:
    from app.core.history import History
    from app.core.http import ExchangeHook
    from app.core.service import Service


class Workspace:
    """Profiles, secrets, history and services for one running app."""

    def __init__(
        self,
        config: Config,
        *,
        store: SecretStore | None = None,
        demo_profile: Profile | None = None,
        hooks: list[ExchangeHook] | None = None,
        history_path: Path | None = None,
    ) -> None:
        self.config = config
        self.store = store or SecretStore()
        self.demo_profile = demo_profile
        self.hooks = list(hooks or [])
        self._history_path = history_path
        self._history: History | None = None
        self._services: dict[str, Service] = {}
        self._lock = threading.RLock()

    # -- profiles ---------------------------------------------------------------------------
    def profile_names(self) -> list[str]:
        names = sorted(self.config.profiles)
        if self.demo_profile is not None:
            names.insert(0, self.demo_profile.name)
        return names

    def free_name(self, base: str) -> str:
        """``base``, or the first of ``base-2``, ``base-3``… that no profile has."""
        names = set(self.profile_names())
        candidate, n = base, 2
        while candidate in names:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def profile(self, name: str) -> Profile:
        if self.demo_profile is not None and name == self.demo_profile.name:
            return self.demo_profile
        return self.config.profile(name)

    def default_profile_name(self) -> str:
        if self.config.default_profile in self.config.profiles:
            return self.config.default_profile
        names = self.profile_names()
        return names[0] if names else ""

    def put_profile(self, profile: Profile, *, old_name: str | None = None) -> None:
        """Add or replace (and maybe rename) a profile in memory; call :meth:`save` after."""
        name = validate_profile_name(profile.name)
        if self.demo_profile is not None and name == self.demo_profile.name:
            raise BadInput("profile.reserved_name", field="name", name=name)
        with self._lock:
            if old_name and old_name != name:
                if name in self.config.profiles:
                    raise BadInput("profile.exists", field="name", name=name)
                self.config.profiles.pop(old_name, None)
                if self.config.default_profile == old_name:
                    self.config.default_profile = name
                self._drop_service(old_name)
            self.config.profiles[name] = replace(profile, name=name)
            self._drop_service(name)

    def remove_profile(self, name: str) -> None:
        with self._lock:
            self.config.profiles.pop(name, None)
            if self.config.default_profile == name:
                self.config.default_profile = ""
            self._drop_service(name)
        self.store.delete(name)

    def save(self) -> None:
        """Write the config file (atomic; demo profiles never written)."""
        with self._lock:
            save_config(self.config)

    def set_secret(self, name: str, secret: str) -> str:
        """Store a profile's secret; returns where it went (``keyring`` or ``file``)."""
        where = self.store.set(name, secret)
        with self._lock:
            profile = self.config.profiles[name]
            self.config.profiles[name] = replace(profile, secret=secret if where == "file" else "")
            self._drop_service(name)
        return where

    def secret_source(self, name: str) -> str:
        return self.store.get(self.profile(name))[1]

    def secret(self, profile: Profile) -> str:
        """A profile's secret: the sandbox's own, else the keyring's or the file's (the keyring
        may take a while: not on the GUI thread)."""
        return profile.secret if profile.demo else self.store.get(profile)[0]

    # -- services ---------------------------------------------------------------------------
    @property
    def history(self) -> History:
        with self._lock:
            if self._history is None:
                from app.core.history import History

                self._history = History(self._history_path or paths.history_path())
            return self._history

    def service(self, name: str) -> Service:
        """The (cached) service of profile ``name``; resolves its secret on first use."""
        with self._lock:
            service = self._services.get(name)
            if service is None:
                from app.core.service import Service

                profile = self.profile(name)
                service = Service(
                    profile, self.secret(profile), history=self.history, hooks=self.hooks
                )
                self._services[name] = service
            return service

    def _drop_service(self, name: str) -> None:
        service = self._services.pop(name, None)
        if service is not None:
            service.close()

    def close(self) -> None:
        with self._lock:
            for name in list(self._services):
                self._drop_service(name)
            if self._history is not None:
                self._history.close()
                self._history = None
