"""Sentences of the command line (``cli.``) and of operating-system errors it reports (``os.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "cli.interrupted": ("interrupted", "已中断"),
    "cli.check.send_needs_template": (
        "--to and --template-id go together",
        "--to 和 --template-id 需要一起使用",
    ),
    "cli.no_secret": (
        "profile {profile} has no secret: run `recall-desk profiles set-secret {profile}` "
        "or set RECALL_DESK_SECRET",
        "配置 {profile} 没有密钥：请运行 `recall-desk profiles set-secret {profile}`，"
        "或设置 RECALL_DESK_SECRET",
    ),
    "cli.timeout_range": (
        "--timeout must be between 0.1 and 300 seconds",
        "--timeout 必须在 0.1 到 300 秒之间",
    ),
    "cli.pair": (
        "{option} takes KEY=VALUE, got {item}",
        "{option} 的格式是 键=值，收到的是 {item}",
    ),
    "cli.send.not_confirmed": (
        "production send not confirmed (pass --yes)",
        "生产环境发送未确认（请加 --yes）",
    ),
    "cli.empty_secret": ("empty secret: nothing stored", "密钥为空：没有保存任何内容"),
    "cli.send.unknown_template": (
        "template {template_id} is not in the middleware's list (use --no-lint to send anyway)",
        "模板 {template_id} 不在中间件的模板列表中（如仍要发送，请加 --no-lint）",
    ),
    "cli.send.lint_errors": (
        "the values break WeChat's rules above (fix them, or pass --no-lint)",
        "上面列出的内容不符合微信规则（请修改，或加 --no-lint）",
    ),
    "os.not_found": ("no such file or folder", "文件或文件夹不存在"),
    "os.permission": ("permission denied", "没有权限"),
    "os.exists": (
        "something with that name is already there (a file where a folder should be?)",
        "同名的文件或文件夹已存在（是否有文件占了文件夹的位置？）",
    ),
    "os.disk_full": ("the disk is full", "磁盘已满"),
    "os.read_only": ("the disk is read-only", "磁盘只读"),
    "os.is_directory": ("it is a folder, not a file", "这是文件夹，不是文件"),
    "os.not_directory": ("a part of the path is not a folder", "路径中有一部分不是文件夹"),
    "os.address_in_use": (
        "the address is already in use (another program listens on that port)",
        "地址已被占用（另一个程序正在监听该端口）",
    ),
    "os.address_not_available": (
        "that address does not belong to this machine",
        "该地址不属于本机",
    ),
    "os.connection_refused": (
        "the connection was refused (nothing listens there)",
        "连接被拒绝（该地址没有服务在监听）",
    ),
    "os.file_too_big": ("the file is larger than allowed", "文件超过允许的大小"),
}
