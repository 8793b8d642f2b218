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
        "`template_list` is missing from the answer",
        "回答里没有 `template_list`",
    ),
    "middleware.template_list_type": (
        "`template_list` is not an array (got {kind})",
        "回答里的 `template_list` 不是数组（实际是 {kind}）",
    ),
    "middleware.gateway": (
        "a gateway answered HTTP {status}; the middleware behind it may have taken the request",
        "网关返回 HTTP {status}，后面的中间件可能已经收到请求",
    ),
    "middleware.no_errcode": ("the answer has no `errcode`", "回答里没有 `errcode`"),
    "middleware.errcode_type": (
        "`errcode` is not a number: {value}",
        "`errcode` 不是数字：{value}",
    ),
    "middleware.accepted_but": (
        "the middleware accepted the request but {cause}",
        "中间件已收到请求，但{cause}",
    ),
}
