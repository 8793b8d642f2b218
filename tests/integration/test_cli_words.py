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


# -- the suffix names the format (item 3) -------------------------------------------------------


def _decoded(path: Path) -> str:
    import zxingcpp
    from PIL import Image

    with Image.open(path) as image:
        image.load()
        return "|".join(found.text for found in zxingcpp.read_barcodes(image))


@pytest.mark.parametrize(("name", "fmt"), [("c.gif", "GIF"), ("c.JPG", "JPEG"),
                                           ("c.jpeg", "JPEG"), ("c.bmp", "BMP"), ("c.png", "PNG")])
def test_qr_out_writes_the_format_its_suffix_names_and_it_scans(
    run_cli, isolated_home: Path, tmp_path: Path, name: str, fmt: str
) -> None:
    from PIL import Image

    reference = tmp_path / "reference.png"
    assert run_cli("qr", "--demo", "--open-id", "o1", "--out", str(reference)).code == 0
    target = tmp_path / name
    result = run_cli("qr", "--demo", "--open-id", "o1", "--out", str(target))
    assert result.code == 0, result.err
    with Image.open(target) as written:
        assert written.format == fmt
    assert _decoded(target) and _decoded(target) == _decoded(reference)


@pytest.mark.parametrize("name", ["c.tiff", "code", "c.pdf"])
def test_qr_out_with_a_suffix_we_cannot_write_is_refused_before_asking(
    run_cli, isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    target = tmp_path / name
    result = run_cli("qr", "--demo", "--open-id", "o1", "--out", str(target))
    assert result.code == 2 and ".png, .jpg, .bmp, .gif" in result.err, result.err
    assert not target.exists() and result.out == ""  # nothing asked: no qrCodeUrl printed
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    in_chinese = run_cli("qr", "--demo", "--open-id", "o1", "--out", str(target))
    assert "后缀决定图片格式" in in_chinese.err, in_chinese.err


def test_a_batch_names_each_file_by_the_format_it_holds(
    run_cli, isolated_home: Path, tmp_path: Path
) -> None:
    """The server's JPEG is saved as .jpg: a batch never writes one format under another's name."""
    import io

    from PIL import Image

    from app.sandbox import render_qr

    jpeg = io.BytesIO()
    with Image.open(io.BytesIO(render_qr("row one"))) as code:
        code.convert("RGB").save(jpeg, format="JPEG", quality=95)
    listing = tmp_path / "list.csv"
    listing.write_text("openid\no1\n", encoding="utf-8")
    image_route = answer(200, jpeg.getvalue(), "image/jpeg")
    with ScriptedServer({("GET", "/code.jpg"): image_route}) as server:
        url = server.url + "/code.jpg"
        reply = {"code": 1000, "data": {"qrCodeUrl": url}}
        server.routes[QR] = answer(200, json.dumps(reply).encode())
        write_scripted_config(isolated_home, server.url, 5)
        result = run_cli("qr-batch", "--input", str(listing), "--out-dir", str(tmp_path / "o"))
    assert result.code == 0, result.err
    written = sorted(p.name for p in (tmp_path / "o").iterdir() if p.name != "manifest.csv")
    assert written == ["00002_o1.jpg"]
    with Image.open(tmp_path / "o" / written[0]) as image:
        assert image.format == "JPEG"


# -- control characters in identifiers (item 5) -------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "label"),
    [
        (["--template-id", "Visit\x00", "--to", "o1"], "template ID (template_id)"),
        (["--template-id", "V\x1b[2J", "--to", "o1"], "template ID (template_id)"),
        (["--template-id", "V1", "--to", "o\x001"], "Recipient openId (touser)"),
        (["--template-id", "V1", "--to", "o1", "--mp-appid", "wx\x07"], "Mini-program appid"),
        (["--template-id", "V1", "--to", "o1", "--client-msg-id", "m\u202e1"], "(client_msg_id)"),
    ],
)
def test_send_refuses_control_characters_in_ids_naming_the_field(
    run_cli, isolated_home: Path, argv: list[str], label: str
) -> None:
    from app.sandbox import VISIT_TEMPLATE_ID

    argv = [VISIT_TEMPLATE_ID if a == "V1" else a for a in argv]
    for lint in ([], ["--no-lint"], ["--dry-run", "--no-lint"]):
        result = run_cli("send", "--demo", *argv, "--data", "thing1=x", *lint)
        assert result.code == 2, (lint, result.err)
        assert f"{label} must not contain control" in result.err, result.err
        assert "\x00" not in result.err and "\x1b" not in result.err
        assert result.out == ""


def test_an_edited_body_with_a_control_in_an_id_is_refused_before_history(
    isolated_home: Path, sandbox
) -> None:
    from app.core.demo import DEMO_SECRET
    from app.core.errors import BadInput
    from app.core.history import History
    from app.core.paths import data_home
    from app.core.service import Service

    history = History(data_home() / "history.sqlite3")
    with Service(sandbox.demo_profile(), DEMO_SECRET, history=history) as service:
        with pytest.raises(BadInput) as caught:
            service.send_body({"touser": "o1", "template_id": "T\x00", "data": {}})
    assert caught.value.key == "input.control" and caught.value.field == "template_id"
    assert history.recent() == [] and sandbox.deliveries == []


def test_a_listed_template_id_with_a_control_is_flagged_and_shown_plainly() -> None:
    from app.core.messages import problems_text
    from app.core.middleware import parse_template_list

    (template,) = parse_template_list(
        {"template_list": [{"template_id": "T\x1b]0;x\x07", "title": "t", "content": ""}]}, None
    )
    assert "\x1b" not in template.template_id and "\x07" not in template.template_id
    assert "control characters" in problems_text(template.problems, "en")
    assert "控制字符" in problems_text(template.problems, "zh")


def test_a_hand_template_id_with_a_control_is_refused() -> None:
    from app.core.errors import BadInput
    from app.core.hand_templates import make_template
    from app.core.messages import describe

    with pytest.raises(BadInput) as caught:
        make_template("T\x00", "t", [])
    assert "模板 ID（template_id）不能包含控制字符" in describe(caught.value, "zh")


def test_the_manifest_never_holds_a_control_character(
    run_cli, sandbox, isolated_home: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "list.csv"
    listing.write_bytes("openid,name\no\x001,甲\no\x1b[31m2,乙\no3,=1+1\n".encode())
    out = tmp_path / "o"
    result = run_cli("qr-batch", "--demo", "--input", str(listing), "--out-dir", str(out))
    assert result.code == 1, result.err  # two rows not sent
    raw = (out / "manifest.csv").read_bytes().decode("utf-8-sig")
    body = raw.replace("\r\n", "")
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in body), repr(raw)
    assert "o\ufffd1" in raw and "o\ufffd[31m2" in raw
    assert "'=1+1" in raw  # still formula-safe
