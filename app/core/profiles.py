"""Profiles: one per official account and environment, stored in a TOML file.

The secret lives in the OS keyring (service ``recall-desk``, user = profile name). Where no
keyring backend works (a headless Linux box), :class:`SecretStore` says so and the secret comes
from ``RECALL_DESK_SECRET`` or the profile's ``secret`` key in the file, in that order after the
environment variable. Nothing here ever logs or prints a secret.
"""

from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.config_check import ConfigText, checked_table, read_toml
from app.core.errors import BadInput
from app.core.messages import os_key
from app.core.paths import atomic_write
from app.core.signing import AUTH_PLACEMENTS, TIMESTAMP_NAMES, AuthPlacement, TimestampName

if TYPE_CHECKING:
    from app.core.http import ClientSettings

log = logging.getLogger(__name__)

KEYRING_SERVICE = "recall-desk"
SECRET_ENV = "RECALL_DESK_SECRET"


@dataclass(frozen=True)
class Profile:
    """One official account in one environment. ``secret`` is only set for file fallback."""

    name: str
    qr_api_url: str = ""
    app_id: str = ""
    middleware_url: str = ""
    sdk_app_id: str = ""
    offi_account_id: str = ""
    auth_placement: AuthPlacement = "headers"
    timestamp_name: TimestampName = "both"  # the seed's `timestap`, `timestamp`, or both
    production: bool = False
    timeout: float = 10.0
    ca_bundle: str = ""
    proxy: str = ""
    legacy_send_path: bool = False
    # The video mini program a recall message opens, and where it finds the agent.
    mini_program_appid: str = ""
    mini_program_pagepath: str = ""
    agent_id: str = ""
    group_id: str = ""
    secret: str = field(default="", repr=False)
    demo: bool = False

    def client_settings(self) -> ClientSettings:
        """How to build this profile's HTTP client.

        Raises:
            BadInput: ``ca_bundle`` names no file (``config.ca_bundle_missing``).
        """
        from app.core.http import ClientSettings  # the HTTP layer loads with the first request

        if self.ca_bundle and not Path(self.ca_bundle).expanduser().is_file():
            raise BadInput(
                "config.ca_bundle_missing",
                field="ca_bundle",
                profile=self.name,
                path=self.ca_bundle,
            )
        ca_bundle = str(Path(self.ca_bundle).expanduser()) if self.ca_bundle else None
        return ClientSettings(self.timeout, ca_bundle, self.proxy or None)

    def public_dict(self) -> dict[str, Any]:
        """Everything but the secret, for listings and history."""
        data = asdict(self)
        data.pop("secret")
        data.pop("demo")
        return data


_PROFILE_KEYS = {f.name for f in fields(Profile)} - {"name", "demo"}


@dataclass
class Config:
    """The whole config file."""

    profiles: dict[str, Profile] = field(default_factory=dict)
    default_profile: str = ""
    path: Path | None = None
    # A file at the config path that could not be read: never written over; saving needs
    # :func:`set_aside_unreadable` first (the front end asks).
    unreadable: Path | None = None

    def profile(self, name: str | None = None) -> Profile:
        """The named profile, else the default, else the only one.

        Raises:
            BadInput: no such profile, or none configured.
        """
        wanted = name or self.default_profile
        if wanted:
            if wanted not in self.profiles:
                if not self.profiles:
                    raise BadInput("profile.unknown_of_none", field="profile", name=wanted)
                known = ", ".join(sorted(self.profiles))
                raise BadInput("profile.unknown", field="profile", name=wanted, known=known)
            return self.profiles[wanted]
        if len(self.profiles) == 1:
            return next(iter(self.profiles.values()))
        if not self.profiles:
            raise BadInput("profile.none", field="profile")
        raise BadInput("profile.no_default", field="profile")


_TOP_FIELDS = tuple(f for f in fields(Config) if f.name == "default_profile")
_PROFILE_FIELDS = tuple(f for f in fields(Profile) if f.name not in ("name", "demo"))
_CHOICES = {"auth_placement": AUTH_PLACEMENTS, "timestamp_name": TIMESTAMP_NAMES}


def _coerce_profile(name: str, raw: dict[str, Any], text: ConfigText) -> Profile:
    table = f"profiles.{name}"
    for key in raw.keys() - _PROFILE_KEYS:
        log.warning("profile %s: unknown key %r ignored", name, key)
    values = checked_table(raw, _PROFILE_FIELDS, _CHOICES, table=table, text=text)
    if not 0.5 <= values.get("timeout", 10.0) <= 300:
        raise BadInput("config.timeout", field="timeout", at=text.at(table, "timeout"))
    return Profile(name=name, **values)


def load_config(path: Path) -> Config:
    """Read the config file; a missing file is an empty config.

    Raises:
        BadInput: the file is not valid TOML, too big or too deep, or a value has the wrong
        type or range (``config.*``, naming the key and ``path:line``).
    """
    if not path.exists():
        return Config(path=path)
    raw, text = read_toml(path)
    profiles_raw = raw.get("profiles", {})
    if not isinstance(profiles_raw, dict):
        raise BadInput("config.not_table", path=text.at("", "profiles"), table="profiles")
    profiles = {}
    for name, body in profiles_raw.items():
        if not isinstance(body, dict):
            table = f"profiles.{name}"
            raise BadInput("config.not_table", path=text.at("profiles", name), table=table)
        profiles[name] = _coerce_profile(name, body, text)
    top = checked_table(raw, _TOP_FIELDS, {}, table="", text=text)
    return Config(profiles=profiles, path=path, **top)


def save_config(config: Config, path: Path | None = None) -> None:
    """Write the config atomically, user-only permissions. Demo profiles are never written."""
    target = path or config.path
    if target is None and config.unreadable is not None:
        raise BadInput("config.kept_unreadable", path=str(config.unreadable))
    if target is None:
        raise BadInput("config.no_path")
    doc: dict[str, Any] = {}
    if config.default_profile and config.default_profile in config.profiles:
        doc["default_profile"] = config.default_profile
    profiles: dict[str, Any] = {}
    for name, profile in config.profiles.items():
        if profile.demo:
            continue
        entry = {k: v for k, v in asdict(profile).items() if k not in ("name", "demo")}
        if not entry["secret"]:
            entry.pop("secret")
        profiles[name] = entry
    doc["profiles"] = profiles
    import tomli_w

    atomic_write(target, tomli_w.dumps(doc).encode("utf-8"), private=True)


def set_aside_unreadable(config: Config, now: datetime) -> Path:
    """Rename the unreadable config file to ``config.toml.broken-20261201-2300`` (never over
    another file) and make its path the one :func:`save_config` writes; returns the new name."""
    broken = config.unreadable
    if broken is None:
        raise BadInput("config.no_path")
    stem = f"{broken.name}.broken-{now:%Y%m%d-%H%M}"
    kept, n = broken.with_name(stem), 2
    while kept.exists():
        kept, n = broken.with_name(f"{stem}-{n}"), n + 1
    try:
        os.rename(broken, kept)  # a move within the folder: the file stays whole
    except FileNotFoundError:
        pass  # gone meanwhile (the user moved it): nothing to keep
    except OSError as exc:
        raise BadInput("config.set_aside_failed", path=str(broken), cause=os_key(exc)) from exc
    config.path, config.unreadable = broken, None
    return kept


def validate_profile_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise BadInput("profile.name_empty", field="name")
    if any(ch in name for ch in '[]"\n\r\t.'):
        raise BadInput("profile.name_chars", field="name")
    return name


class SecretStore:
    """Secrets in the OS keyring, with a plainly reported fallback to the config file."""

    def __init__(self) -> None:
        self._available: bool | None = None

    @property
    def keyring_available(self) -> bool:
        """Whether a real keyring backend answers (checked once, lazily)."""
        if self._available is None:
            self._available = _probe_keyring()
        return self._available

    def get(self, profile: Profile) -> tuple[str, str]:
        """Return ``(secret, source)``; source is ``env``, ``keyring``, ``file`` or ``none``."""
        env = os.environ.get(SECRET_ENV)
        if env:
            return env, "env"
        if self.keyring_available:
            import keyring
            from keyring.errors import KeyringError

            try:
                value = keyring.get_password(KEYRING_SERVICE, profile.name)
            except KeyringError as exc:
                log.warning("keyring read failed: %s", type(exc).__name__)
                value = None
            if value:
                return value, "keyring"
        if profile.secret:
            return profile.secret, "file"
        return "", "none"

    def set(self, profile_name: str, secret: str) -> str:
        """Store a secret; returns ``keyring``, or ``file`` when the file must keep it."""
        if self.keyring_available:
            import keyring
            from keyring.errors import KeyringError

            try:
                keyring.set_password(KEYRING_SERVICE, profile_name, secret)
                return "keyring"
            except KeyringError as exc:
                log.warning("keyring write failed: %s", type(exc).__name__)
        return "file"

    def delete(self, profile_name: str) -> None:
        if not self.keyring_available:
            return
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(KEYRING_SERVICE, profile_name)
        except (PasswordDeleteError, KeyringError):
            pass


def _probe_keyring() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # any backend import failure means "no keyring"
        log.info("no keyring backend could be loaded")
        return False
    if isinstance(backend, fail.Keyring):
        return False
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:
        return False
    return (
        backend.priority > 0 if isinstance(getattr(backend, "priority", 1), int | float) else True
    )
