"""Templates entered by hand (``hand.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "hand.no_id": ("the template ID is required", "必须填写模板 ID"),
    "hand.bad_key": (
        "“{key}” is not a placeholder name (letters, digits and _, not starting with a digit)",
        "“{key}”不是合法的字段名（字母、数字和下划线，不能以数字开头）",
    ),
    "hand.key_twice": ("the key {key} is listed twice", "字段 {key} 重复了"),
    "hand.bad_kind": (
        "{kind} is not a keyword type (key {key})",
        "{kind} 不是关键词类型（字段 {key}）",
    ),
    "hand.too_many_fields": (
        "a template has at most {limit} fields",
        "一个模板最多 {limit} 个字段",
    ),
    "hand.too_many": (
        "at most {limit} templates entered by hand per profile",
        "每个配置最多手动录入 {limit} 个模板",
    ),
}
