import pytest

from app.core.terminal import inert

HOSTILE = {
    "retitle (OSC 0, BEL)": ("ok\x1b]0;pwned\x07 done", "ok done"),
    "clipboard (OSC 52, ST)": ("a\x1b]52;c;Y3VybCBldmlsfHNo\x1b\\b", "ab"),
    "colour (CSI)": ("\x1b[32mloaded OK\x1b[0m", "loaded OK"),
    "cursor up and erase": ("x\x1b[1A\x1b[2Ky", "xy"),
    "8-bit CSI": ("a\x9b31mb", "ab"),
    "8-bit OSC with C1 ST": ("a\x9d52;c;aGk=\x9cb", "ab"),
    "unterminated OSC": ("a\x1b]52;c;aGk=", "a"),
    "DCS": ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),
    "two-character escape": ("a\x1bcb", "ab"),
    "bare controls": ("a\x00b\x08c\x7fd\re", "abcde"),
    "bidi override": ("abc\u202edcba\u202c", "abcdcba"),
    "line breaks": ("one\ntwo\tthree", "one two three"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_escapes_and_controls_are_removed(name: str) -> None:
    text, expected = HOSTILE[name]
    assert inert(text) == expected


def test_plain_text_and_chinese_pass_unchanged() -> None:
    text = "领取奖金提醒 (errcode 43004: require subscribe) ¥39.80 ～"
    assert inert(text) == text
    assert inert("a\nb", one_line=False) == "a\nb"
