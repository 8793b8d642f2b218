"""Lint findings on template values (``Finding.code`` → ``lint.CODE``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "lint.empty": ("must not be empty", "不能为空"),
    "lint.too_long": (
        "{length}/{limit} characters: too long for {kind}, WeChat refuses it (47003)",
        "{length}/{limit} 个字符：超出 {kind} 的长度，微信会拒绝（47003）",
    ),
    "lint.not_number": (
        "must be a number of at most 32 digits",
        "必须是数字，最多 32 位（number）",
    ),
    "lint.not_letters": ("must be at most 32 letters", "只能是字母，最多 32 个（letter）"),
    "lint.not_symbols": ("must be at most 5 symbols", "只能是符号，最多 5 个（symbol）"),
    "lint.chinese_not_allowed": (
        "must not contain Chinese (character_string)",
        "不能包含中文（character_string）",
    ),
    "lint.not_char_string": (
        "must be at most 32 letters, digits or symbols",
        "只能是字母、数字、符号，最多 32 个（character_string）",
    ),
    "lint.not_time": (
        "must be a 24-hour time, optionally with a date, e.g. 2026-11-28 15:00",
        "必须是 24 小时制时间，可带日期，如 2026-11-28 15:00（time）",
    ),
    "lint.not_date": (
        "must be a date, e.g. 2026-11-28",
        "必须是日期，可带时间，如 2026年11月28日（date）",
    ),
    "lint.not_amount": (
        "must be an amount: one currency sign and at most 10 digits, may end in 元",
        "必须是金额：一个货币符号加最多 10 位数字，可带小数，可以“元”结尾（amount）",
    ),
    "lint.not_phone": (
        "must be a phone number, at most 17 digits/symbols",
        "必须是电话号码，最多 17 位数字或符号",
    ),
    "lint.not_car_number": (
        "not a plate number: only the first and last may be Chinese",
        "车牌号格式不对：只有首尾可以是中文",
    ),
    "lint.not_phrase": (
        "must be at most 5 Chinese characters",
        "必须是不超过 5 个汉字的词语（phrase）",
    ),
    "lint.bad_color": ("colour must look like #RRGGBB", "颜色必须是 #RRGGBB 形式"),
    "lint.color_ignored": (
        "WeChat ignores custom colours since May 2023",
        "2023 年 5 月起微信忽略自定义颜色",
    ),
    "lint.first_remark_dropped": (
        "WeChat no longer shows first and remark since May 2023",
        "2023 年 5 月起微信不再显示 first 和 remark",
    ),
    "lint.line_break_dropped": ("WeChat removes line breaks", "微信会去掉换行"),
    "lint.emoji_removed": ("WeChat removes emoji", "微信会去掉表情符号"),
    "lint.cut_at_20": (
        "{length}/20 characters: WeChat shows only the first 20",
        "{length}/20 个字符：微信只显示前 20 个",
    ),
    "lint.fullwidth_tilde": (
        "use the half-width ~ between the two ends of a range: WeChat refuses ～ (47003)",
        "时间段请用半角 ~ 连接：全角 ～ 会被微信拒绝（47003）",
    ),
    "lint.const_not_listed": (
        "a const field takes only the values WeChat approved: {values}",
        "const 字段只能填微信审核通过的值：{values}",
    ),
    "lint.jump_no_appid": (
        "a mini-program jump needs the mini program's appid (without it WeChat drops the jump)",
        "跳转小程序必须填写小程序 appid（不填微信会忽略跳转）",
    ),
    "lint.pagepath_leading_slash": (
        "the page path usually starts without “/” (pages/index, not /pages/index)",
        "页面路径通常不以“/”开头（写 pages/index，而不是 /pages/index）",
    ),
    "lint.jump_bad_url": (
        "the URL must start with http:// or https://",
        "网址必须以 http:// 或 https:// 开头",
    ),
    "lint.unknown_key": ("the template has no such field", "模板里没有这个字段"),
}
