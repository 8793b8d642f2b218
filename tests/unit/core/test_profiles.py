import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from app.core.errors import BadInput
from app.core.profiles import Config, Profile, SecretStore, load_config, save_config


def test_round_trip_and_private_permissions(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "config.toml"
    config = Config(
        profiles={
            "test": Profile(
                "test",
                qr_api_url="https://q",
                app_id="a",
                middleware_url="https://m?appid=x",
                auth_placement="query",
                timeout=7.5,
            ),
            "prod": Profile("prod", production=True),
        },
        default_profile="test",
        path=path,
    )
    save_config(config)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = load_config(path)
    assert loaded.profiles == config.profiles
    assert loaded.profile().name == "test"
    assert loaded.profile("prod").production is True


def test_demo_profiles_are_never_written(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(Config(profiles={"demo": Profile("demo", demo=True, secret="x")}, path=path))
    assert load_config(path).profiles == {}


def test_missing_file_is_empty_and_bad_toml_is_bad_input(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml").profiles == {}
    bad = tmp_path / "bad.toml"
    bad.write_text("[profiles.x\nqr_api_url = 1", encoding="utf-8")
    with pytest.raises(BadInput, match="not valid TOML"):
        load_config(bad)


@pytest.mark.parametrize(
    "body",
    ['auth_placement = "cookie"', "timeout = 0", 'timeout = "fast"', "app_id = 5"],
)
def test_malformed_profile_values_are_bad_input(tmp_path: Path, body: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(f"[profiles.t]\n{body}\n", encoding="utf-8")
    with pytest.raises(BadInput):
        load_config(path)


def test_unknown_profile_lists_known(tmp_path: Path) -> None:
    config = Config(profiles={"a": Profile("a"), "b": Profile("b")})
    with pytest.raises(BadInput, match="known: a, b"):
        config.profile("zzz")
    with pytest.raises(BadInput, match="--profile"):
        config.profile()


def test_secret_goes_to_keyring_not_file(tmp_path: Path, memory_keyring) -> None:
    store = SecretStore()
    assert store.keyring_available
    assert store.set("test", "marker-secret-123") == "keyring"
    path = tmp_path / "c.toml"
    save_config(Config(profiles={"test": Profile("test")}, path=path))
    assert "marker-secret-123" not in path.read_text(encoding="utf-8")
    assert store.get(Profile("test")) == ("marker-secret-123", "keyring")


def test_env_secret_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECALL_DESK_SECRET", "from-env")
    assert SecretStore().get(Profile("x", secret="from-file")) == ("from-env", "env")


def test_without_keyring_falls_back_to_file() -> None:
    keyring.set_keyring(fail.Keyring())
    store = SecretStore()
    assert not store.keyring_available
    assert store.set("x", "s") == "file"
    assert store.get(Profile("x", secret="from-file")) == ("from-file", "file")
    assert store.get(Profile("x")) == ("", "none")
