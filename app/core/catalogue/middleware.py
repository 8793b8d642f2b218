"""The simulation middleware: the send's fields and the answers' contract (``middleware.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "middleware.url_scheme": (
        "the {field} is not an http(s) URL: {url}",
        "{field}不是 http(s) 网址：{url}",
    ),
    "middleware.required": ("{field} is required", "必须填写{field}"),
    "middleware.mini_program_appid": (
        "{field} is required when a mini program is set",
        "跳转小程序时必须填写{field}",
    ),
    "middleware.no_template_list": (
        "“template_list” is missing from the answer",
        "回答里没有“template_list”",
    ),
    "middleware.template_list_type": (
        "“template_list” is not an array (got {kind})",
        "回答里的“template_list”不是数组（实际是 {kind}）",
    ),
    "middleware.too_many_templates": (
        "“template_list” has {count} entries (at most {limit})",
        "“template_list”有 {count} 项（上限 {limit}）",
    ),
}
