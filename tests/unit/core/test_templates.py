import pytest

from app.core.catalogue import CATALOGUE
from app.core.messages import lint_message
from app.core.templates import (
    Field,
    Template,
    has_errors,
    keyword_type,
    length_limit,
    lint,
    lint_jump,
    lint_value,
    parse_fields,
    preview_lines,
    sample_values,
)
from app.sandbox import DEFAULT_TEMPLATES

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


def test_a_length_error_says_how_long_against_what() -> None:
    (finding,) = lint_value(Field("thing1", "", "thing"), "长" * 23)
    assert (finding.level, finding.code) == ("error", "too_long")
    assert "23/20" in lint_message(finding, "en") and "23/20" in lint_message(finding, "zh")
    assert length_limit(Field("name1", "", "name"), "王小明") == 10
    assert length_limit(Field("name1", "", "name"), "John") == 20
    assert length_limit(Field("keyword1", "", None)) == 20
    assert length_limit(Field("remark", "", None)) is None


def test_lint_and_preview_agree_over_the_limit() -> None:
    template = Template.build("t", "x", content="服务:{{thing1.DATA}}\n备注:{{keyword1.DATA}}")
    values = {"thing1": "长" * 21, "keyword1": "短" * 21}
    findings = lint(template, values)
    assert {(f.key, f.level) for f in findings} == {("thing1", "error"), ("keyword1", "warning")}
    refused, cut = preview_lines(template, values)
    # What lint refuses is shown whole and marked refused, never "cut at 20".
    assert refused.refused == ("thing1",) and not refused.cut and "长" * 21 in refused.text
    assert cut.cut and not cut.refused and cut.text == "备注:" + "短" * 20 + "…"


def test_full_width_tilde_in_a_range_is_refused() -> None:
    time = Field("time2", "", "time")
    assert not has_errors(lint_value(time, "15:00~16:30"))
    (finding,) = lint_value(time, "15:00～16:30")
    assert finding.code == "fullwidth_tilde" and "~" in lint_message(finding, "zh")
    assert lint_value(Field("date1", "", "date"), "2026-11-28〜2026-11-30")[0].code == (
        "fullwidth_tilde"
    )


def test_const_takes_only_the_listed_values_when_known() -> None:
    listed = Field("const3", "", "const", choices=("已受理", "已完成"))
    assert not has_errors(lint_value(listed, "已完成"))
    (finding,) = lint_value(listed, "完成了")
    assert finding.code == "const_not_listed" and "已受理 / 已完成" in lint_message(finding, "en")
    assert not has_errors(lint_value(Field("const3", "", "const"), "anything"))  # unknown list


def test_a_mini_program_jump_needs_an_appid_and_a_relative_page() -> None:
    assert [(f.level, f.code) for f in lint_jump("miniprogram", pagepath="pages/a")] == [
        ("error", "jump_no_appid")
    ]
    assert [(f.level, f.code) for f in lint_jump("miniprogram", appid="wx1", pagepath="/p")] == [
        ("warning", "pagepath_leading_slash")
    ]
    assert lint_jump("miniprogram", appid="wx1", pagepath="pages/a?x=1") == []
    assert [f.code for f in lint_jump("url", url="example.com")] == ["jump_bad_url"]
    assert lint_jump("none") == []


@pytest.mark.parametrize("raw", DEFAULT_TEMPLATES, ids=lambda t: t["template_id"][:12])
def test_sample_values_pass_lint(raw: dict[str, str]) -> None:
    template = Template.build(
        raw["template_id"], raw["title"], content=raw["content"], example=raw["example"]
    )
    values = sample_values(template)
    assert set(values) == set(template.keys)
    assert not has_errors(lint(template, values))


def test_sample_values_prefer_the_example_and_build_the_rest() -> None:
    template = Template.build(
        "t", "x", content="时间:{{time2.DATA}}\n金额:{{amount3.DATA}}", example="时间:明天\n金额:¥5"
    )
    values = sample_values(template)
    assert values["amount3"] == "¥5"  # the example's, valid
    assert values["time2"] != "明天" and not has_errors(
        lint_value(template.fields[0], values["time2"])
    )


def test_a_template_entered_by_hand_lints_and_previews_like_a_listed_one() -> None:
    template = Template.entered_by_hand(
        "hand-1", "", [Field("thing1", "服务", "thing"), Field("code", "编号", "character_string")]
    )
    assert template.by_hand and template.keys == ["thing1", "code"]
    assert [f.kind for f in template.fields] == ["thing", "character_string"]  # picked, kept
    assert [f.code for f in lint(template, {"thing1": "ok", "code": "编号"})] == [
        "chinese_not_allowed"
    ]
    assert [line.text for line in preview_lines(template, {"thing1": "面签", "code": "A1"})] == [
        "服务:面签",
        "编号:A1",
    ]


def test_every_lint_code_has_both_languages() -> None:
    codes = {
        f.code
        for kind, values in {**GOOD, **BAD}.items()
        for value in values
        for f in lint_value(Field(f"{kind}1", "", kind), value, "#12345")
    }
    codes |= {f.code for f in lint_jump("miniprogram", pagepath="/x") + lint_jump("url")}
    codes |= {"fullwidth_tilde", "const_not_listed", "unknown_key", "cut_at_20"}
    for code in codes:
        en, zh = CATALOGUE[f"lint.{code}"]
        assert en and zh


def test_hand_entered_templates_are_kept_per_profile(tmp_path) -> None:
    from app.core.hand_templates import HandTemplates, make_template

    template = make_template(
        "cat-1",
        "预约提醒",
        [("thing1", "服务", None), ("code", "编号", "character_string"), ("note", "备注", "")],
    )
    assert [(f.key, f.kind) for f in template.fields] == [
        ("thing1", "thing"),  # inferred from the key
        ("code", "character_string"),  # picked
        ("note", None),  # free
    ]
    store = HandTemplates(tmp_path / "hand.json")
    store.put("test", template)
    again = HandTemplates(tmp_path / "hand.json")
    (kept,) = again.for_profile("test")
    assert kept == template and kept.by_hand
    assert again.for_profile("prod") == [] and again.find("test", "cat-1") == template
    again.remove("test", "cat-1")
    assert HandTemplates(tmp_path / "hand.json").for_profile("test") == []


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ([("1bad", "", None)], "hand.bad_key"),
        ([("a", "", None), ("a", "", None)], "hand.key_twice"),
    ],
)
def test_a_hand_entered_template_names_what_is_wrong(fields, key) -> None:
    from app.core.errors import BadInput
    from app.core.hand_templates import make_template

    with pytest.raises(BadInput) as caught:
        make_template("t", "", fields)
    assert caught.value.key == key
    with pytest.raises(BadInput):
        make_template(" ", "", [])


def test_a_broken_hand_templates_file_is_skipped(tmp_path) -> None:
    from app.core.hand_templates import HandTemplates

    path = tmp_path / "hand.json"
    path.write_text('{"profiles": {"t": [{"template_id": "ok", "fields": []}, 5, {"x": 1}]}}')
    assert [t.template_id for t in HandTemplates(path).for_profile("t")] == ["ok"]
    path.write_text("{not json")
    assert HandTemplates(path).for_profile("t") == []


def test_the_video_mini_program_of_a_profile_round_trips(tmp_path) -> None:
    from app.core.profiles import Config, Profile, load_config, save_config

    profile = Profile(
        "t",
        mini_program_appid="wxvideo",
        mini_program_pagepath="pages/v",
        agent_id="7",
        group_id="3",
    )
    save_config(Config(profiles={"t": profile}), tmp_path / "config.toml")
    assert load_config(tmp_path / "config.toml").profile("t") == profile
