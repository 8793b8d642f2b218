"""The Udesk QR API: the request's fields and the answer's contract (``udesk.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "udesk.required": ("{field} is required", "{field}必填"),
    "udesk.spaces": ("{field} must not contain spaces", "{field}不能包含空格"),
    "udesk.call_times": (
        "{field} must be -1 (unlimited) or a whole number from 1 to {high}",
        "{field}必须是 -1（不限）或 1 到 {high} 之间的整数",
    ),
    "udesk.profile_missing": ("the profile has no {field}", "配置里缺少这一项：{field}"),
    "udesk.api_url_scheme": (
        "the {field} is not an http(s) URL: {url}",
        "{field}不是 http(s) 网址：{url}",
    ),
    "udesk.no_answer": (
        "no code came from the QR API: {cause}",
        "二维码接口没有给出二维码：{cause}",
    ),
    "udesk.no_url": (
        "code 1000 but no data.qrCodeUrl in the answer",
        "code 为 1000，但回答里没有 data.qrCodeUrl",
    ),
    "udesk.url_too_long": (
        "qrCodeUrl is {length} characters long (at most {limit})",
        "qrCodeUrl 长达 {length} 个字符（上限 {limit}）",
    ),
    "udesk.url_control": ("qrCodeUrl contains control characters", "qrCodeUrl 含有控制字符"),
    "udesk.url_invalid": (
        "qrCodeUrl is not a valid URL: {url}",
        "qrCodeUrl 不是有效的网址：{url}",
    ),
    "udesk.url_private": (
        "qrCodeUrl points into a private network ({host}) while the QR API is public: refused",
        "二维码接口在公网，qrCodeUrl 却指向内网地址（{host}）：已拒绝",
    ),
    "udesk.url_not_absolute": (
        "qrCodeUrl is not an absolute http(s) URL: {url}",
        "qrCodeUrl 不是完整的 http(s) 网址：{url}",
    ),
}
