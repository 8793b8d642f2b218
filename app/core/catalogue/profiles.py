"""Profiles and the config file (``profile.``, ``config.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "profile.unknown": (
        "no profile named {name} (known: {known})",
        "没有名为 {name} 的配置（已有：{known}）",
    ),
    "profile.none": (
        "no profile is configured (try --demo, or create one)",
        "还没有任何配置（可用 --demo 试用，或先新建一个）",
    ),
    "profile.no_default": (
        "several profiles and no default_profile: pass --profile",
        "有多个配置但没有默认配置：请用 --profile 指定",
    ),
    "profile.bad_value": (
        "profile {name}: a value has the wrong type ({reason})",
        "配置 {name}：有一项的类型不对（{reason}）",
    ),
    "profile.auth_placement": (
        "profile {name}: auth_placement must be one of {choices}",
        "配置 {name}：auth_placement 只能是 {choices}",
    ),
    "profile.timeout": (
        "profile {name}: the timeout must be between 0.5 and 300 seconds",
        "配置 {name}：超时必须在 0.5 到 300 秒之间",
    ),
    "profile.not_text": (
        "profile {name}: {field} must be a string",
        "配置 {name}：{field} 必须是文本",
    ),
    "profile.name_empty": ("a profile needs a name", "配置需要一个名称"),
    "profile.name_chars": (
        'a profile name cannot contain [ ] " . or line breaks',
        '配置名称不能包含 [ ] " . 或换行',
    ),
    "profile.reserved_name": (
        "{name} is reserved for the demo sandbox",
        "{name} 是演示沙箱专用的名称",
    ),
    "profile.exists": ("a profile named {name} already exists", "已经有名为 {name} 的配置"),
    "profile.url_scheme": (
        "{field} must start with https:// or http://",
        "{field}必须以 https:// 或 http:// 开头",
    ),
    "profile.no_middleware_url": (
        "profile {profile} has no {field} (middleware_url)",
        "配置 {profile} 没有{field}（middleware_url）",
    ),
    "config.not_toml": (
        "config file {path} is not valid TOML: {reason}",
        "配置文件 {path} 不是有效的 TOML：{reason}",
    ),
    "config.unreadable": (
        "config file {path} cannot be read: {cause}",
        "无法读取配置文件 {path}：{cause}",
    ),
    "config.not_table": (
        "config file {path}: [{table}] must be a table",
        "配置文件 {path}：[{table}] 必须是表",
    ),
    "config.no_path": ("no config path to save to", "没有可保存配置的位置"),
}
