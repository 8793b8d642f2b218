"""The Udesk QR API: the request's fields and the answer's contract (``udesk.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "udesk.required": ("{field} is required", "{field}必填"),
    "udesk.spaces": ("{field} must not contain spaces", "{field}不能包含空格"),
    "udesk.call_times": (
        "{field} must be -1 (unlimited) or a positive number",
        "{field}必须是 -1（不限）或正整数",
    ),
    "udesk.profile_missing": ("the profile has no {field}", "配置里缺少这一项：{field}"),
    "udesk.api_url_scheme": (
        "the {field} is not an http(s) URL: {url}",
        "{field}不是 http(s) 网址：{url}",
    ),
    "udesk.timeout": (
        "timed out waiting for the QR API (no code was received)",
        "等待二维码接口超时（没有拿到二维码）",
    ),
    "udesk.no_code": ("the answer has no `code`", "回答里没有 `code`"),
    "udesk.no_url": (
        "code 1000 but no data.qrCodeUrl in the answer",
        "code 为 1000，但回答里没有 data.qrCodeUrl",
    ),
    "udesk.url_not_absolute": (
        "qrCodeUrl is not an absolute http(s) URL: {url}",
        "qrCodeUrl 不是完整的 http(s) 网址：{url}",
    ),
}
