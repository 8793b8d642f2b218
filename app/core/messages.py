"""Sentences for core results in Chinese and English (the CLI uses these; the GUI has tr()).

The language comes from ``LC_ALL``/``LC_MESSAGES``/``LANG`` (``zh*`` → Chinese) unless given.
"""

from __future__ import annotations

import os

from app.core.errors import (
    BadInput,
    OutcomeUnknown,
    ProtocolError,
    RecallError,
    RemoteRefused,
    TransportError,
)
from app.core.lang import pick
from app.core.templates import Finding
from app.core.wechat_errors import explain


def system_language() -> str:
    """``zh`` or ``en`` from the usual locale variables."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _pick(lang: str, zh: str, en: str) -> str:
    return pick(lang, en, zh)


def describe(error: RecallError, lang: str = "en") -> str:
    """One line that tells the user what happened and what to do."""
    reason = error.text(lang)
    where = ""
    if error.context is not None:
        status = f" HTTP {error.context.status}" if error.context.status else ""
        where = f" [{error.context.method} {error.context.url}{status}]"
    if isinstance(error, RemoteRefused):
        explanation = explain(error.code)
        remote = f"{error.code} {error.remote_message}".strip()
        if explanation is not None:
            return _pick(
                lang,
                f"被拒绝（{remote}）：{explanation.zh}。{explanation.hint_zh}",
                f"Refused ({remote}): {explanation.en}. {explanation.hint_en}",
            )
        return _pick(lang, f"被拒绝：{remote}{where}", f"Refused: {remote}{where}")
    if isinstance(error, OutcomeUnknown):
        return _pick(
            lang,
            f"发送结果未知：{reason}。请先在手机上确认是否收到，再决定是否重发{where}",
            f"Send outcome unknown: {reason}. Check the phone before sending again{where}",
        )
    if isinstance(error, BadInput):
        return _pick(lang, f"输入有误：{reason}", f"Bad input: {reason}")
    if isinstance(error, ProtocolError):
        return _pick(
            lang,
            f"服务器的回答不符合接口约定：{reason}{where}",
            f"The server's answer breaks the contract: {reason}{where}",
        )
    if isinstance(error, TransportError):
        return _pick(
            lang,
            f"无法连接服务器：{reason}{where}",
            f"Could not reach the server: {reason}{where}",
        )
    return reason


_LINT_TEXT: dict[str, tuple[str, str]] = {
    "empty": ("不能为空", "must not be empty"),
    "too_long": ("超过 {limit} 个字符（{kind}）", "longer than {limit} characters ({kind})"),
    "not_number": ("必须是数字，最多 32 位（number）", "must be a number of at most 32 digits"),
    "not_letters": ("只能是字母，最多 32 个（letter）", "must be at most 32 letters"),
    "not_symbols": ("只能是符号，最多 5 个（symbol）", "must be at most 5 symbols"),
    "chinese_not_allowed": (
        "不能包含中文（character_string）",
        "must not contain Chinese (character_string)",
    ),
    "not_char_string": (
        "只能是字母、数字、符号，最多 32 个（character_string）",
        "must be at most 32 letters, digits or symbols",
    ),
    "not_time": (
        "必须是 24 小时制时间，可带日期，如 2026-11-28 15:00（time）",
        "must be a 24-hour time, optionally with a date, e.g. 2026-11-28 15:00",
    ),
    "not_date": (
        "必须是日期，可带时间，如 2026年11月28日（date）",
        "must be a date, e.g. 2026-11-28",
    ),
    "not_amount": (
        "必须是金额：一个货币符号加最多 10 位数字，可带小数，可以“元”结尾（amount）",
        "must be an amount: one currency sign and at most 10 digits, may end in 元",
    ),
    "not_phone": (
        "必须是电话号码，最多 17 位数字或符号",
        "must be a phone number, at most 17 digits/symbols",
    ),
    "not_car_number": (
        "车牌号格式不对：只有首尾可以是中文",
        "not a plate number: only the first and last may be Chinese",
    ),
    "not_phrase": ("必须是不超过 5 个汉字的词语（phrase）", "must be at most 5 Chinese characters"),
    "bad_color": ("颜色必须是 #RRGGBB 形式", "colour must look like #RRGGBB"),
    "color_ignored": (
        "2023 年 5 月起微信忽略自定义颜色",
        "WeChat ignores custom colours since May 2023",
    ),
    "first_remark_dropped": (
        "2023 年 5 月起微信不再显示 first 和 remark",
        "WeChat no longer shows first and remark since May 2023",
    ),
    "line_break_dropped": ("微信会去掉换行", "WeChat removes line breaks"),
    "emoji_removed": ("微信会去掉表情符号", "WeChat removes emoji"),
    "cut_at_20": (
        "共 {length} 个字符，微信只显示前 20 个",
        "{length} characters; WeChat shows only the first 20",
    ),
    "unknown_key": ("模板里没有这个字段", "the template has no such field"),
}


def lint_message(finding: Finding, lang: str = "en") -> str:
    zh, en = _LINT_TEXT.get(finding.code, (finding.code, finding.code))
    return _pick(lang, zh, en).format(**dict(finding.params))
