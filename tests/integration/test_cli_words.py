"""Our sentences carry a library's findings as parameters, never its English (issues #15/#17).

A broken config, a non-JSON answer, a size: the CLI says them in the user's language, with
line and column or "2 MB"; the library's own text is shown only with ``-v``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.servers import ScriptedServer, answer
from tests.integration.conftest import write_scripted_config

QR = ("POST", "/qr")
LIBRARY_ENGLISH = ("Expected", "Expecting", "char 0", "document", "bytes")


def _chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


def _broken_config(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        'default_profile = "x"\n[profiles.x]\nmid dleware_url = "http://h"\n', encoding="utf-8"
    )


def test_a_toml_syntax_error_is_said_with_line_and_column_in_chinese(
    run_cli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _chinese(monkeypatch)
    _broken_config(isolated_home)
    result = run_cli("templates")
    assert result.code == 2, result.err
    assert "第 3 行第 5 列不是有效的 TOML" in result.err, result.err
    assert not any(word in result.err for word in LIBRARY_ENGLISH), result.err


def test_a_toml_syntax_error_in_english_and_tomllib_text_only_with_v(
    run_cli, isolated_home: Path
) -> None:
    _broken_config(isolated_home)
    quiet = run_cli("templates")
    assert "line 3, column 5 is not valid TOML" in quiet.err, quiet.err
    assert "Expected" not in quiet.err
    verbose = run_cli("templates", "-v")
    assert "Expected '=' after a key" in verbose.err, verbose.err


def test_an_unterminated_value_is_said_without_tomllib(
    run_cli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _chinese(monkeypatch)
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.toml").write_text('[profiles.x]\nsecret = "abc\n', encoding="utf-8")
    result = run_cli("templates")
    assert result.code == 2
    assert "第 2 行" in result.err or "没有闭合" in result.err, result.err
    assert not any(word in result.err for word in LIBRARY_ENGLISH), result.err


def test_an_oversized_config_is_said_in_megabytes(run_cli, isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.toml").write_text("# " + "x" * (3 << 20) + "\n", encoding="utf-8")
    result = run_cli("templates")
    assert result.code == 2
    assert "is 3 MB: a config is a few KB" in result.err, result.err


@pytest.mark.parametrize(
    ("body", "english", "chinese"),
    [
        (b"<html>oops</html>", "not valid JSON (line 1, column 1)", "第 1 行第 1 列"),
        (b'{"code": 1000,\n "data": }', "not valid JSON (line 2, column 10)", "第 2 行第 10 列"),
        (b"", "the body is empty", "回答是空的"),
    ],
)
def test_a_non_json_answer_names_line_and_column_not_json_english(
    run_cli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch, body, english, chinese
) -> None:
    with ScriptedServer({QR: answer(200, body)}) as server:
        write_scripted_config(isolated_home, server.url, 2)
        result = run_cli("qr", "--open-id", "o1")
        _chinese(monkeypatch)
        in_chinese = run_cli("qr", "--open-id", "o1")
    assert result.code == 3 and english in result.err, result.err
    assert in_chinese.code == 3 and chinese in in_chinese.err, in_chinese.err
    for err in (result.err, in_chinese.err):
        assert "Expecting" not in err and "char 0" not in err


def test_an_oversized_answer_is_said_in_megabytes(
    run_cli, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = json.dumps({"code": 1000, "pad": "x" * (3 << 20)}).encode()
    with ScriptedServer({QR: answer(200, body)}) as server:
        write_scripted_config(isolated_home, server.url, 5)
        result = run_cli("qr", "--open-id", "o1")
        _chinese(monkeypatch)
        in_chinese = run_cli("qr", "--open-id", "o1")
    assert result.code == 3 and "larger than 2 MB" in result.err, result.err
    assert "回答超过 2 MB" in in_chinese.err, in_chinese.err
    assert "2097152" not in result.err + in_chinese.err
