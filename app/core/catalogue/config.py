"""Sentences about the config file (``config.``): each names the key and ``path:line``."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "config.not_utf8": (
        "config file {path} is not UTF-8 text (byte {offset}): save it as UTF-8",
        "配置文件 {path} 不是 UTF-8 文本（第 {offset} 个字节）：请以 UTF-8 编码保存",
    ),
    "config.syntax": (
        "config file {path}: line {line}, column {column} is not valid TOML",
        "配置文件 {path}：第 {line} 行第 {column} 列不是有效的 TOML",
    ),
    "config.syntax_end": (
        "config file {path} is not valid TOML: it ends inside a value (a quote or bracket is not "
        "closed)",
        "配置文件 {path} 不是有效的 TOML：文件在一个值的中间结束（有引号或括号没有闭合）",
    ),
    "config.not_toml": (
        "config file {path} is not valid TOML",
        "配置文件 {path} 不是有效的 TOML",
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
    "config.kept_unreadable": (
        "config file {path} could not be read, so it is left as it is: fix it and restart, or "
        "save a profile in Settings to start a new file (the old one is kept beside it)",
        "无法读取配置文件 {path}，因此保持原样未改动：请修正后重启，或在“设置”中保存配置以新建文件"
        "（旧文件会保留在旁边）",
    ),
    "config.set_aside_failed": (
        "config file {path} could not be renamed to keep it: {cause}",
        "无法重命名配置文件 {path} 以保留它：{cause}",
    ),
    "config.bool": (
        "{at}: {key} must be true or false (without quotes), not {value}",
        "{at}：{key} 必须是 true 或 false（不加引号），而不是 {value}",
    ),
    "config.number": (
        "{at}: {key} must be a number (without quotes), not {value}",
        "{at}：{key} 必须是数字（不加引号），而不是 {value}",
    ),
    "config.text": (
        "{at}: {key} must be text in quotes, not {value}",
        "{at}：{key} 必须是加引号的文本，而不是 {value}",
    ),
    "config.choice": (
        "{at}: {key} must be one of {choices}, not {value}",
        "{at}：{key} 只能是 {choices} 之一，而不是 {value}",
    ),
    "config.timeout": (
        "{at}: timeout must be between 0.5 and 300 seconds",
        "{at}：timeout 必须在 0.5 到 300 秒之间",
    ),
    "config.too_deep": (
        "config file {path} nests tables or lists too deeply to be a Recall Desk config",
        "配置文件 {path} 的表或列表嵌套太深，不是召回助手的配置",
    ),
    "config.too_big": (
        "config file {path} is {size:size}: a config is a few KB, is it the right file?",
        "配置文件 {path} 有 {size:size}：配置一般只有几 KB，文件是否选错了？",
    ),
    "config.ca_bundle_missing": (
        "profile {profile}: the CA bundle {path} does not exist or is not a file",
        "配置 {profile}：CA 证书文件 {path} 不存在或不是文件",
    ),
}
