"""Profiles (``profile.``); the config file's sentences are in :mod:`.config`."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "profile.unknown": (
        "no profile named {name} (known: {known})",
        "没有名为 {name} 的配置（已有：{known}）",
    ),
    "profile.unknown_of_none": (
        "no profile named {name}: none is configured yet (try --demo, or create one)",
        "没有名为 {name} 的配置：还没有任何配置（可用 --demo 试用，或先新建一个）",
    ),
    "profile.none": (
        "no profile is configured (try --demo, or create one)",
        "还没有任何配置（可用 --demo 试用，或先新建一个）",
    ),
    "profile.no_default": (
        "several profiles and no default_profile: pass --profile",
        "有多个配置但没有默认配置：请用 --profile 指定",
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
}
