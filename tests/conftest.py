"""Shared fixtures: isolated config/data dirs, an in-memory keyring, the sandbox."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck, settings

from app import cli
from app.sandbox import Sandbox
from tests.helpers.keyring_backend import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests: Hypothesis's own 100 examples a test in the everyday run; .ci/run adds a
# --hypothesis-profile=thorough pass (1,000). No deadline: a loaded machine is not a failure.
for _name, _examples in (("default", 100), ("thorough", 1000)):
    settings.register_profile(
        _name,
        max_examples=_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
settings.load_profile("default")


QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that starts Qt is a ``gui`` test: those under tests/gui/ and any that uses
    pytest-qt's fixtures (directly or through another fixture)."""
    for item in items:
        in_gui_folder = "/tests/gui/" in str(item.path).replace(os.sep, "/")
        if in_gui_folder or QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config, data home and locale of the test, never the user's."""
    home = tmp_path / "home"
    monkeypatch.setenv("RECALL_DESK_HOME", str(home / "data"))
    monkeypatch.setenv("RECALL_DESK_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.delenv("RECALL_DESK_SECRET", raising=False)
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return home


@pytest.fixture(autouse=True)
def short_retry_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries still happen, without the user-facing pauses between them."""
    monkeypatch.setattr("app.core.http.RETRY_BACKOFF", 0.01)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as server:
        yield server


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*argv: str) -> Run:
        out = io.StringIO()
        code = cli.main(list(argv), out=out)
        captured = capsys.readouterr()
        return Run(code, out.getvalue() + captured.out, captured.err)

    return run
