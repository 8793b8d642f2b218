"""An unreadable config file is never written over: saving needs it set aside first."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.core.errors import BadInput
from app.core.profiles import Config, Profile, save_config, set_aside_unreadable

NOW = datetime(2026, 12, 1, 23, 5)


def test_save_refuses_while_the_file_is_unreadable(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[profiles\n", encoding="utf-8")
    config = Config(profiles={"a": Profile("a")}, path=None, unreadable=path)
    with pytest.raises(BadInput) as raised:
        save_config(config)
    assert raised.value.key == "config.kept_unreadable"
    assert path.read_text(encoding="utf-8") == "[profiles\n"


def test_set_aside_keeps_every_earlier_copy(tmp_path) -> None:
    path = tmp_path / "config.toml"
    kept = []
    for n in range(2):
        path.write_text(f"broken {n}", encoding="utf-8")
        config = Config(path=None, unreadable=path)
        kept.append(set_aside_unreadable(config, NOW))
        assert config.path == path and config.unreadable is None
        save_config(config)
    assert [p.name for p in kept] == [
        "config.toml.broken-20261201-2305",
        "config.toml.broken-20261201-2305-2",
    ]
    assert [p.read_text(encoding="utf-8") for p in kept] == ["broken 0", "broken 1"]
    assert "[profiles]" in path.read_text(encoding="utf-8")
