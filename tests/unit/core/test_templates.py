import pytest

from app.core.sandbox import DEFAULT_TEMPLATES
from app.core.templates import (
    Field,
    Template,
    keyword_type,
    lint,
    lint_value,
    parse_fields,
    preview_lines,
)

SEED_CONTENT = DEFAULT_TEMPLATES[0]["content"]


def test_seed_spaced_placeholders_parse_in_order_with_labels() -> None:
    fields = parse_fields(SEED_CONTENT)
    assert [(f.key, f.label) for f in fields] == [
        ("result", ""),
        ("withdrawMoney", "领奖金额"),
        ("withdrawTime", "领奖时间"),
        ("cardInfo", "银行信息"),
        ("arrivedTime", "到账时间"),
        ("remark", ""),
    ]
    assert all(f.kind is None for f in fields)


def test_placeholders_tolerate_spaces_and_repeat_once() -> None:
    content = "A:{{ thing1.DATA }} B：{ {time2 . DATA} }\nC:{{thing1.DATA}}"
    assert [f.key for f in parse_fields(content)] == ["thing1", "time2"]
    assert parse_fields(content)[1].label == "B"


def test_empty_content_has_no_fields() -> None:
    assert parse_fields("") == []
    assert Template.build("t", "x").fields == ()


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("thing1", "thing"),
        ("character_string12", "character_string"),
        ("keyword1", None),
        ("phone_number3", "phone_number"),
        ("first", None),
    ],
)
def test_keyword_type_from_key(key: str, kind: str | None) -> None:
    assert keyword_type(key) == kind


GOOD = {
    "thing": ["视频面签", "a" * 20],
    "number": ["12", "-3.5", "1" * 32],
    "letter": ["abc", "A" * 32],
    "symbol": ["#", "!@#$%"],
    "character_string": ["A2026-11_28", "x" * 32],
    "time": ["15:00", "2026-11-28 15:00", "15:00~16:30", "2026年11月28日 09:05"],
    "date": ["2026-11-28", "11/28", "2026年11月28日", "2026-11-28 15:00", "2026-11-28~2026-11-30"],
    "amount": ["¥39.80", "39.8元", "$1000000000"],
    "phone_number": ["0571-88888888", "+86 13800000000"],
    "car_number": ["浙A12345", "粤B1234学"],
    "name": ["王小明", "John Smith"],
    "phrase": ["已完成"],
}
BAD = {
    "thing": ["a" * 21],
    "number": ["12a", "1" * 33],
    "letter": ["ab1", "A" * 33],
    "symbol": ["abc", "!!!!!!"],
    "character_string": ["编号1", "x" * 33],
    "time": ["25:00", "明天", "15:60"],
    "date": ["tomorrow", "2026-13-01", "2026-02-32"],
    "amount": ["39.8 dollars", "¥12345678901"],
    "phone_number": ["call me", "1" * 18],
    "car_number": ["浙A123456789", "浙A中345"],
    "name": ["王" * 11, "a" * 21],
    "phrase": ["已经全部完成了", "done"],
}


@pytest.mark.parametrize(("kind", "value"), [(k, v) for k, vs in GOOD.items() for v in vs])
def test_valid_values_pass(kind: str, value: str) -> None:
    findings = lint_value(Field(f"{kind}1", "", kind), value)
    assert [f for f in findings if f.level == "error"] == []


@pytest.mark.parametrize(("kind", "value"), [(k, v) for k, vs in BAD.items() for v in vs])
def test_invalid_values_are_errors(kind: str, value: str) -> None:
    findings = lint_value(Field(f"{kind}1", "", kind), value)
    assert [f.level for f in findings] == ["error"], findings


def test_warnings_for_what_wechat_drops() -> None:
    template = Template.build(
        "t", "x", content="{{first.DATA}}\nA:{{keyword1.DATA}}\n{{remark.DATA}}"
    )
    findings = lint(
        template,
        {"first": "hi", "keyword1": "line\nbreak 😀 and more than twenty chars", "remark": "bye"},
        {"keyword1": "#173177"},
    )
    codes = {(f.key, f.code) for f in findings}
    assert ("first", "first_remark_dropped") in codes
    assert ("remark", "first_remark_dropped") in codes
    assert {
        ("keyword1", "color_ignored"),
        ("keyword1", "line_break_dropped"),
        ("keyword1", "emoji_removed"),
        ("keyword1", "cut_at_20"),
    } <= codes
    assert all(f.level == "warning" for f in findings)


def test_empty_field_bad_colour_and_unknown_key_are_errors() -> None:
    template = Template.build("t", "x", content="A:{{thing1.DATA}}")
    findings = lint(template, {"thing1": " ", "nope": "x"}, {"thing1": "red"})
    assert {(f.code, f.level) for f in findings} == {
        ("bad_color", "error"),
        ("empty", "error"),
        ("unknown_key", "error"),
    }


def test_preview_cuts_at_20_and_marks_dropped_lines() -> None:
    template = Template.build(
        "t", "x", content="{{first.DATA}}\n商品:{{keyword1.DATA}}\n\n{{remark.DATA}}"
    )
    lines = preview_lines(template, {"first": "Hi", "keyword1": "一" * 25, "remark": "Bye"})
    assert [(line.text, line.dropped, line.cut) for line in lines] == [
        ("Hi", True, False),
        ("商品:" + "一" * 20 + "…", False, True),
        ("Bye", True, False),
    ]
