import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from app.core.errors import BadInput
from app.core.messages import say
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


def test_a_profile_named_where_none_exists_says_so_in_the_users_words() -> None:
    with pytest.raises(BadInput) as caught:
        Config().profile("shop")
    assert caught.value.params["name"] == "shop"
    chinese = say(caught.value.key, "zh", **caught.value.params)
    assert "shop" in chinese and "none" not in chinese and "还没有任何配置" in chinese


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


def _refused(tmp_path: Path, text: str) -> BadInput:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BadInput) as refused:
        load_config(path)
    return refused.value


def test_a_quoted_false_is_refused_not_taken_for_production(tmp_path: Path) -> None:
    error = _refused(
        tmp_path,
        'default_profile = "shop"\n\n[profiles.shop]\nqr_api_url = "https://q"\n'
        'production = "false"\n',
    )
    assert (error.key, error.field) == ("config.bool", "production")
    english, chinese = say(error.key, "en", **error.params), say(error.key, "zh", **error.params)
    assert f"{tmp_path / 'config.toml'}:5" in english and "production" in english
    assert '"false"' in english and "true or false" in english
    assert ":5" in chinese and "必须是 true 或 false" in chinese


@pytest.mark.parametrize(
    ("body", "key", "field", "line"),
    [
        ('legacy_send_path = "yes"', "config.bool", "legacy_send_path", 3),
        ("production = 1", "config.bool", "production", 3),
        ('timeout = "fast"', "config.number", "timeout", 3),
        ("timeout = true", "config.number", "timeout", 3),
        ("timeout = nan", "config.number", "timeout", 3),
        ("timeout = 0", "config.timeout", "timeout", 3),
        ("app_id = 5", "config.text", "app_id", 3),
        ("ca_bundle = ['a.pem']", "config.text", "ca_bundle", 3),
        ('auth_placement = "cookie"', "config.choice", "auth_placement", 3),
    ],
)
def test_every_typed_key_is_checked_and_named_with_its_line(
    tmp_path: Path, body: str, key: str, field: str, line: int
) -> None:
    error = _refused(tmp_path, f'# a comment\n[profiles."my shop"]\n{body}\n')
    assert (error.key, error.field) == (key, field)
    assert error.params["at"] == f"{tmp_path / 'config.toml'}:{line}"


def test_top_level_keys_are_typed_too(tmp_path: Path) -> None:
    error = _refused(tmp_path, "default_profile = 7\n")
    assert (error.key, error.params["at"]) == ("config.text", f"{tmp_path / 'config.toml'}:1")


def test_deep_nesting_is_a_config_error_not_a_recursion_error(tmp_path: Path) -> None:
    for text in ("x = " + "[" * 5000 + "]" * 5000, "x = " + "{a = " * 3000 + "1" + "}" * 3000):
        assert _refused(tmp_path, text + "\n").key == "config.too_deep"


def test_a_file_that_is_not_utf8_is_named_so_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'default_profile = "t"\n# \xc4\xe3\xba\xc3 (GBK)\n')
    with pytest.raises(BadInput) as refused:
        load_config(path)
    assert refused.value.key == "config.not_utf8" and refused.value.params["offset"] == 24
    assert "codec" not in say(refused.value.key, "zh", **refused.value.params)


def test_a_huge_file_is_not_read_as_a_config(tmp_path: Path) -> None:
    error = _refused(tmp_path, "# padding\n" * 200_000)
    assert error.key == "config.too_big" and error.params["size"] > 1_000_000


def test_a_missing_ca_bundle_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "corp-ca.pem"
    profile = Profile("corp", qr_api_url="https://q", ca_bundle=str(missing))
    with pytest.raises(BadInput) as refused:
        profile.client_settings()
    assert refused.value.key == "config.ca_bundle_missing"
    assert str(missing) in say(refused.value.key, "en", **refused.value.params)
    missing.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    assert profile.client_settings().ca_bundle == str(missing)


def test_a_free_name_is_taken_by_no_saved_profile_nor_the_sandbox() -> None:
    from app.core.workspace import Workspace

    saved = {name: Profile(name) for name in ("team", "team-2")}
    workspace = Workspace(Config(profiles=saved), demo_profile=Profile("demo", demo=True))
    assert workspace.free_name("team") == "team-3"
    assert workspace.free_name("demo") == "demo-2"
    assert workspace.free_name("new") == "new"
