"""How sentences say sizes and positions; a library's text stays behind "Details"."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from app.core.catalogue import CATALOGUE
from app.core.config_check import toml_syntax_error
from app.core.errors import BadInput
from app.core.messages import describe, detail, say, size_text
from app.core.stocks import CustomStocks

SIZE_EN = re.compile(r"\{\w+\} (bytes|KB|MB)")
SIZE_ZH = re.compile(r"(?<!第 )\{\w+\} (字节|KB|MB)")


@pytest.mark.parametrize(
    ("size", "english", "chinese"),
    [
        (0, "0 bytes", "0 字节"),
        (1, "1 byte", "1 字节"),
        (512, "512 bytes", "512 字节"),
        (1536, "1.5 KB", "1.5 KB"),
        (2 * 1024 * 1024, "2 MB", "2 MB"),
        (50 * 1024 * 1024, "50 MB", "50 MB"),
        (int(2.25 * 1024**3), "2.2 GB", "2.2 GB"),
        ("{limit}", "{limit}", "{limit}"),
    ],
)
def test_size_text(size, english, chinese) -> None:
    assert size_text(size, "en") == english
    assert size_text(size, "zh") == chinese


def test_every_catalogue_size_goes_through_the_formatter() -> None:
    """No sentence counts bytes or megabytes itself: ``{x:size}`` does ("byte 7" is a place)."""
    counted = [
        key
        for key, (en, zh) in CATALOGUE.items()
        if SIZE_EN.search(en) or SIZE_ZH.search(zh)
    ]
    assert counted == []


def test_a_sentence_with_a_size_spec_reads_in_both_languages() -> None:
    assert say("http.too_large", "en", limit=8 << 20) == "the answer is larger than 8 MB"
    assert say("http.too_large", "zh", limit=8 << 20) == "回答超过 8 MB"


def _toml_error(text: str) -> tomllib.TOMLDecodeError:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    return caught.value


def test_toml_position_is_parsed_from_the_message() -> None:
    error = toml_syntax_error(Path("c.toml"), _toml_error("a = 1\n  b c = 2\n"))
    assert (error.key, error.params["line"], error.params["column"]) == ("config.syntax", 2, 5)
    assert "Expected" not in describe(error, "zh") and "Expected" not in describe(error, "en")
    assert "Expected '=' after a key" in detail(error, "en")


def test_toml_position_from_the_attributes_of_newer_pythons() -> None:
    error = ValueError("something odd")
    error.lineno, error.colno = 7, 3  # type: ignore[attr-defined]
    found = toml_syntax_error(Path("c.toml"), error)
    assert (found.params["line"], found.params["column"]) == (7, 3)


def test_toml_without_a_position_falls_back_to_the_message_in_details() -> None:
    end = toml_syntax_error(Path("c.toml"), _toml_error("x = [1, 2"))
    assert end.key == "config.syntax_end"
    odd = toml_syntax_error(Path("c.toml"), ValueError("Something new"))
    assert odd.key == "config.not_toml"
    assert describe(odd, "zh") == "请检查输入：配置文件 c.toml 不是有效的 TOML"
    assert detail(odd, "zh") == "Something new"


def test_a_broken_stocks_file_says_where_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "stocks.toml"
    path.write_text('[stocks.a]\nkind = "roll"\nlabel_w = \n', encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        CustomStocks(path).load()
    text = describe(caught.value, "zh")
    assert "无法读取保存的标签规格" in text and "第 3 行第 11 列" in text, text
    assert "Invalid" not in text and "value" not in text, text


def test_a_ca_bundle_problem_is_ours_not_openssl_or_the_os(tmp_path: Path) -> None:
    from app.core.http import ClientSettings, make_client

    missing, junk = tmp_path / "none.pem", tmp_path / "junk.pem"
    junk.write_text("not a certificate\n", encoding="utf-8")
    for path, words in ((missing, "文件或文件夹不存在"), (junk, "没有可用的证书")):
        with pytest.raises(BadInput) as caught:
            make_client(ClientSettings(ca_bundle=str(path)))
        text = describe(caught.value, "zh")
        assert words in text and str(path) in text, text
        assert "No such" not in text and "X509" not in text and "ssl" not in text, text


# -- counts, quotes and encodings said plainly (item 6) -----------------------------------------


@pytest.mark.parametrize(
    ("key", "params", "english"),
    [
        ("check.verdict.failed", {"n": 1}, "1 check failed: see “How to fix”."),
        ("check.verdict.failed", {"n": 2}, "2 checks failed: see “How to fix”."),
        ("batch.cli.pdf", {"pdf": "l.pdf", "pages": 1}, "; PDF: l.pdf (1 page)"),
        ("batch.cli.pdf", {"pdf": "l.pdf", "pages": 3}, "; PDF: l.pdf (3 pages)"),
        ("check.seen.fields", {"fields": 1, "n": 1}, "1 field in 1 template"),
        ("check.seen.entries_ok", {"n": 0}, "0 entries ok"),
    ],
)
def test_counts_take_the_singular_or_the_plural(key, params, english) -> None:
    assert say(key, "en", **params) == english


def test_chinese_counts_are_plain_numbers() -> None:
    assert say("batch.cli.pdf", "zh", pdf="l.pdf", pages=1) == "；PDF：l.pdf（1 页）"


def _ts_sources() -> list[str]:
    ts = Path(__file__).resolve().parents[3] / "resources/i18n/recall_desk_zh_CN.ts"
    return re.findall(r"<source>(.*?)</source>", ts.read_text(encoding="utf-8"), re.DOTALL)


def test_no_sentence_hedges_a_plural_or_shows_markdown_backticks() -> None:
    texts = [text for pair in CATALOGUE.values() for text in pair] + _ts_sources()
    assert [t for t in texts if re.search(r"\w(?<!http)\((s|es)\)", t)] == []  # http(s) is a word
    assert [t for t in texts if "`" in t] == []


def test_a_tr_text_is_filled_like_a_sentence() -> None:
    from app.core.messages import fill

    assert fill("{n:row/rows} deleted.", "en", n=1) == "1 row deleted."
    assert fill("{n:row/rows} deleted.", "en", n=12) == "12 rows deleted."
    assert fill("(image, {size:size})", "en", size=3 << 20) == "(image, 3 MB)"
    assert fill("已删除 {n} 行。", "zh", n=1) == "已删除 1 行。"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        ("openid\no1\n".encode("utf-8-sig"), "UTF-8"),
        (b"openid\no1\n", "UTF-8"),
        ("openid,客户\no1,王小明\n".encode("gb18030"), "GB18030"),
    ],
)
def test_a_lists_encoding_is_named_as_people_name_it(data: bytes, name: str) -> None:
    from app.core.table_import import read_csv

    assert read_csv(data).encoding_name == name
