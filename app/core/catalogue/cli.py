"""Sentences of the command line (``cli.``) and of operating-system errors it reports (``os.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    # -- help ------------------------------------------------------------------------------
    "cli.help.description": (
        "Recall Desk (召回助手): recall QR codes and template-message checks. "
        "Without a command the window opens.",
        "召回助手（Recall Desk）：召回二维码与模板消息检查。不带命令时打开窗口。",
    ),
    "cli.help.version": ("print the version and exit", "显示版本号并退出"),
    "cli.help.smoke": (
        "build and show the main window, then exit (packaging check)",
        "创建并显示主窗口后立即退出（打包检查）",
    ),
    "cli.help.config": (
        "config file (default: $RECALL_DESK_CONFIG or the user config dir)",
        "配置文件（默认：$RECALL_DESK_CONFIG 或用户配置目录）",
    ),
    "cli.help.profile": ("profile to use", "要使用的配置"),
    "cli.help.timeout": ("override the profile's timeout", "覆盖配置中的超时时间"),
    "cli.help.verbose": ("log to stderr", "把日志输出到 stderr"),
    "cli.help.demo": (
        "use a sandbox started in-process instead of a profile",
        "不用配置，改用在本进程内启动的沙箱",
    ),
    "cli.help.qr": ("generate one recall QR code", "生成一个召回二维码"),
    "cli.help.open_id": ("the customer's offiAccountOpenId", "客户的 offiAccountOpenId"),
    "cli.help.sdk_app_id": ("default: the profile's sdk_app_id", "默认：配置中的 sdk_app_id"),
    "cli.help.offi_account_id": (
        "default: the profile's offi_account_id",
        "默认：配置中的 offi_account_id",
    ),
    "cli.help.call_times": ("-1 = unlimited (default)", "-1 表示不限（默认）"),
    "cli.help.channel": ("customChannel for video routing", "用于视频分配的 customChannel"),
    "cli.help.qr_out": ("save the image here", "把图片保存到这里"),
    "cli.help.json": ("print JSON", "输出 JSON"),
    "cli.help.templates": ("list the middleware's templates", "列出中间件的模板"),
    "cli.help.send": ("send a template message", "发送一条模板消息"),
    "cli.help.template_id": ("the template's ID", "模板 ID"),
    "cli.help.to": ("the recipient's openId (touser)", "接收人的 openId（touser）"),
    "cli.help.data": ("a field's value (repeatable)", "字段的值（可重复）"),
    "cli.help.color": ("a field's colour (repeatable)", "字段的颜色（可重复）"),
    "cli.help.url": ("jump to this web page", "点击后跳转到这个网页"),
    "cli.help.mp_appid": ("jump to this mini program", "点击后跳转到这个小程序"),
    "cli.help.pagepath": ("the mini program's page", "小程序页面路径"),
    "cli.help.agent_id": ("Udesk agent for the jump", "跳转时指定的 Udesk 客服"),
    "cli.help.group_id": ("Udesk agent group for the jump", "跳转时指定的 Udesk 客服组"),
    "cli.help.client_msg_id": (
        "reuse the id of a send whose outcome was unknown (WeChat dedupes)",
        "沿用结果未知的那次发送的 id（微信会去重）",
    ),
    "cli.help.dry_run": ("print the body, send nothing", "只输出请求体，不发送"),
    "cli.help.no_lint": ("send even if lint finds errors", "即使检查出错误也发送"),
    "cli.help.yes": ("confirm a production send", "确认用生产环境发送"),
    "cli.help.send_json": ("print the middleware's answer", "输出中间件的回答"),
    "cli.help.qr_batch": ("generate codes for a CSV/XLSX list", "为 CSV/XLSX 名单批量生成二维码"),
    "cli.help.input": (".csv or .xlsx", ".csv 或 .xlsx 文件"),
    "cli.help.out_dir": ("folder for the images and the manifest", "保存图片和清单的文件夹"),
    "cli.help.map": (
        "the column of a field ({fields}) by its header, e.g. --map openid=客户编号 "
        "(repeatable; the others are still guessed)",
        "按表头指定某个字段（{fields}）所在的列，如 --map openid=客户编号"
        "（可重复；其余仍自动识别）",
    ),
    "cli.help.pdf": ("also write label sheets to this PDF", "同时把标签页写入这个 PDF"),
    "cli.help.concurrency": ("requests at once (1-32)", "同时进行的请求数（1-32）"),
    "cli.help.rate": ("requests per second (0 = no limit)", "每秒请求数（0 表示不限）"),
    "cli.help.stock": (
        "label stock: a name or grid from recall-desk stocks (default: 2x4); --layout is "
        "its older name",
        "标签规格：recall-desk stocks 列出的名称或网格（默认 2x4）；--layout 是旧写法",
    ),
    "cli.help.label": (
        "a thermal roll label of W×H mm, e.g. 50x30",
        "宽×高（毫米）的热敏卷标签，如 50x30",
    ),
    "cli.help.code_mm": (
        "printed code size in mm, without its quiet zone (default: {default}, or the largest "
        "the label takes when that is less)",
        "打印的二维码边长（毫米，不含留白；默认 {default}，标签放不下时取能放下的最大值）",
    ),
    "cli.help.caption": (
        "a line printed on every label above the customer's name (e.g. 扫码进入视频客服)",
        "印在每个标签上、客户姓名上方的一行字（如“扫码进入视频客服”）",
    ),
    "cli.help.start_cell": ("first free label of sheet 1", "第一页从第几个空标签开始"),
    "cli.help.copies": ("labels per code", "每个二维码打印几张标签"),
    "cli.help.dpi": (
        "printer resolution (default: 203 for roll labels, 300 for sheets)",
        "打印机分辨率（默认：卷标签 203，标签纸 300）",
    ),
    "cli.help.allow_small": (
        "print codes the guard finds too small to scan reliably (recorded in the manifest)",
        "即使二维码小到可能扫不出也照样打印（会记录在清单中）",
    ),
    "cli.help.stocks": (
        "list the label stocks (sheets, roll labels, yours)",
        "列出标签规格（标签纸、卷标签、自定义）",
    ),
    "cli.help.check": (
        "check a simulation middleware against the contract",
        "按接口约定检查模拟中间件",
    ),
    "cli.help.check_to": (
        "also send a real test to this openId (old spelling: --send-to)",
        "另外向这个 openId 真实发送一条测试消息（旧写法：--send-to）",
    ),
    "cli.help.check_template_id": ("template for the real test send", "测试发送使用的模板"),
    "cli.help.check_yes": ("confirm a production test send", "确认用生产环境进行测试发送"),
    "cli.help.check_report": (
        "also write a report for the vendor (.html or .md)",
        "同时写一份给中间件开发方的报告（.html 或 .md）",
    ),
    "cli.help.sandbox": ("serve the built-in sandbox", "运行内置沙箱服务"),
    "cli.help.host": ("address to listen on", "监听的地址"),
    "cli.help.port": ("port to listen on (0 = any free port)", "监听的端口（0 表示任选空闲端口）"),
    "cli.help.delay": ("seconds before each answer", "每次回答前等待的秒数"),
    "cli.help.profiles": ("list profiles, or store a secret", "列出配置，或保存密钥"),
    "cli.help.set_secret": (
        "read a secret (from the terminal or stdin) into the keyring",
        "读取密钥（从终端或标准输入）并存入系统钥匙串",
    ),
    "cli.help.profile_name": ("the profile's name", "配置名称"),
    # -- argparse's errors, said again ---------------------------------------------------------
    "cli.args.usage": ("usage: ", "用法："),
    "cli.args.options": ("options", "选项"),
    "cli.args.help": ("show this help and exit", "显示此帮助并退出"),
    "cli.args.positionals": ("arguments", "参数"),
    "cli.args.required": ("these options are required: {names}", "缺少必需的选项：{names}"),
    "cli.args.unrecognized": ("unknown arguments: {names}", "无法识别的参数：{names}"),
    "cli.args.one_value": ("{name} needs a value", "{name} 需要一个值"),
    "cli.args.invalid_value": (
        "{name} needs {kind}, not {value}",
        "{name} 需要{kind}，而不是 {value}",
    ),
    "cli.args.kind.int": ("a whole number", "整数"),
    "cli.args.kind.float": ("a number", "数字"),
    "cli.args.kind.other": ("another kind of value", "其他类型的值"),
    "cli.args.invalid_choice": (
        "{name} cannot be {value} (choose from {choices})",
        "{name} 不能是 {value}（可选：{choices}）",
    ),
    "cli.args.ambiguous": (
        "{name} is ambiguous: it could be {matches}",
        "{name} 有歧义：可能是 {matches}",
    ),
    "cli.args.argument": ("{name}: {reason}", "{name}：{reason}"),
    # -- what the commands say -------------------------------------------------------------
    "cli.interrupted": ("interrupted", "已中断"),
    "cli.check.send_needs_template": (
        "--to and --template-id go together",
        "--to 和 --template-id 需要一起使用",
    ),
    "cli.no_secret": (
        "profile {profile} has no secret: run recall-desk profiles set-secret {profile} "
        "or set RECALL_DESK_SECRET",
        "配置 {profile} 没有密钥：请运行 recall-desk profiles set-secret {profile}，"
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
    "cli.send.confirm": (
        "Send to {to} with PRODUCTION profile {profile} (account {account})? [y/N]",
        "用生产环境配置 {profile}（公众号 {account}）向 {to} 发送？[y/N]",
    ),
    "cli.send.ok": ("sent: errcode 0, msgid {msgid}", "已发送：errcode 0，msgid {msgid}"),
    "cli.empty_secret": ("empty secret: nothing stored", "密钥为空：没有保存任何内容"),
    "cli.send.unknown_template": (
        "template {template_id} is not in the middleware's list (use --no-lint to send anyway)",
        "模板 {template_id} 不在中间件的模板列表中（如仍要发送，请加 --no-lint）",
    ),
    "cli.send.lint_errors": (
        "the values break WeChat's rules above (fix them, or pass --no-lint)",
        "上面列出的内容不符合微信规则（请修改，或加 --no-lint）",
    ),
    "cli.lint.error": ("ERROR {key}: {message}", "错误 {key}：{message}"),
    "cli.warning": ("warning: {text}", "提醒：{text}"),
    "cli.lint.warning": ("WARNING {key}: {message}", "提醒 {key}：{message}"),
    "cli.qr.saved": ("saved: {path}", "已保存：{path}"),
    "cli.templates.none": ("(no templates)", "（没有模板）"),
    "cli.check.line": ("{mark}  {title}: {seen}", "{mark}  {title}：{seen}"),
    "cli.check.detail": ("      {label}: {text}", "      {label}：{text}"),
    "cli.check.pass": ("PASS", "通过"),
    "cli.check.warn": ("WARN", "注意"),
    "cli.check.fail": ("FAIL", "失败"),
    "cli.check.skip": ("skip", "跳过"),
    "cli.check.unknown": ("????", "未知"),
    "cli.sandbox.serving": ("Recall Desk sandbox on {url}", "召回助手沙箱已启动：{url}"),
    "cli.sandbox.only": ("(sandbox only)", "（仅限沙箱）"),
    "cli.sandbox.stop": ("Ctrl+C to stop.", "按 Ctrl+C 停止。"),
    "cli.sandbox.port_range": (
        "--port must be between 0 and 65535, not {port}",
        "--port 必须在 0 到 65535 之间，而不是 {port}",
    ),
    "cli.sandbox.cannot_listen": (
        "cannot listen on {host}:{port}: {cause}",
        "无法在 {host}:{port} 上监听：{cause}",
    ),
    "cli.profiles.prompt": ("secret for {name}:", "{name} 的密钥："),
    "cli.profiles.no_keyring": (
        "No OS keyring available: the secret was saved in the config file (readable by you only)",
        "没有可用的系统钥匙串：密钥已保存在配置文件中（仅当前用户可读）",
    ),
    "cli.profiles.stored.keyring": (
        "secret stored for {name} (keyring)",
        "已保存 {name} 的密钥（系统钥匙串）",
    ),
    "cli.profiles.stored.file": (
        "secret stored for {name} (file)",
        "已保存 {name} 的密钥（配置文件）",
    ),
    "cli.profiles.none": ("(no profiles)", "（没有配置）"),
    "cli.profiles.default": ("default", "默认"),
    "cli.profiles.production": ("PRODUCTION", "生产环境"),
    # -- operating-system errors -------------------------------------------------------------
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
    "os.unknown_host": ("that host name is not known (DNS)", "找不到该主机名（DNS）"),
    "os.dns_unavailable": (
        "the name could not be looked up now (DNS unavailable)",
        "暂时无法解析该名称（DNS 不可用）",
    ),
    "os.file_too_big": ("the file is larger than allowed", "文件超过允许的大小"),
}
