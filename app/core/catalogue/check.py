"""The middleware check and its report for the vendor (``check.``)."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    # -- each check: title, what is expected, how to fix it -------------------------------------
    "check.https.title": ("HTTPS", "HTTPS"),
    "check.https.expected": ("an https:// simulation domain", "https:// 开头的模拟域名"),
    "check.https.fix": (
        "A production profile must reach the middleware over HTTPS: over http:// the token and "
        "customers' data cross the network in clear. Serve it over HTTPS and make the simulation "
        "domain https://.",
        "生产配置必须通过 HTTPS 访问中间件：使用 http:// 时令牌和客户数据以明文传输。请为中间件"
        "启用 HTTPS，并把模拟域名改为 https:// 开头。",
    ),
    "check.https.testing": (
        "Plain http:// is fine for testing; serve the middleware over HTTPS before a production "
        "profile uses it.",
        "测试时使用 http:// 没有问题；在生产配置使用它之前，请为中间件启用 HTTPS。",
    ),
    "check.list_get.title": ("Template list answers", "模板列表接口可用"),
    "check.list_get.expected": (
        "HTTP 200 with a JSON object within the timeout",
        "在超时时间内返回 HTTP 200 和一个 JSON 对象",
    ),
    "check.list_get.fix": (
        "Check the simulation domain and that the middleware is running.",
        "检查模拟域名是否正确、中间件是否在运行。",
    ),
    "check.list_get.fix_json": (
        "Serve GET /template/get_all_private_template under the simulation domain, answering JSON.",
        "请在模拟域名下提供 GET /template/get_all_private_template，并返回 JSON。",
    ),
    "check.list_array.title": ("“template_list” is an array", "template_list 是数组"),
    "check.list_array.expected": ('{{"template_list": [...]}}', '{{"template_list": [...]}}'),
    "check.list_array.fix": (
        "Return WeChat's answer unchanged: an object with a template_list array.",
        "原样返回微信的结果：一个包含 template_list 数组的对象。",
    ),
    "check.entries.title": (
        "Entries have string template_id and title",
        "每条模板都有字符串 template_id 和 title",
    ),
    "check.entries.expected": (
        "every entry: string template_id and title",
        "每条记录：字符串 template_id 和 title",
    ),
    "check.entries.fix": (
        "Use WeChat's key names exactly (template_id, not “template id”) and string values.",
        "使用微信原样的字段名（template_id，而不是“template id”），值为字符串。",
    ),
    "check.placeholders.title": ("Placeholders parse", "占位符可以解析"),
    "check.placeholders.expected": (
        "{{{{key.DATA}}}} placeholders",
        "{{{{key.DATA}}}} 形式的占位符",
    ),
    "check.placeholders.fix": (
        "Keep WeChat's {{{{key.DATA}}}} syntax in content.",
        "模板内容请保留微信的 {{{{key.DATA}}}} 写法。",
    ),
    "check.send_path.title": (
        "Send endpoint at /message/template/send",
        "发送接口位于 /message/template/send",
    ),
    "check.send_path.expected": (
        "JSON with errcode at /message/template/send",
        "/message/template/send 返回带 errcode 的 JSON",
    ),
    "check.send_path.fix": (
        "Serve POST /message/template/send under the simulation domain.",
        "请在模拟域名下提供 POST /message/template/send。",
    ),
    "check.send_path.fix_logs": (
        "Check the middleware's logs for this request.",
        "查看中间件日志中的这次请求。",
    ),
    "check.send_path.fix_legacy": (
        "The middleware predates 2020-12-10: add the /message prefix, or tick “Old middleware” "
        "in the profile meanwhile.",
        "中间件是 2020-12-10 之前的版本：请加上 /message 前缀，或先在配置里勾选“旧版中间件”。",
    ),
    "check.query_kept.title": (
        "Simulation domain's query reaches the middleware",
        "模拟域名中的参数能到达中间件",
    ),
    "check.query_kept.expected": (
        "?{query} accepted on every call",
        "每次请求都带上 ?{query}",
    ),
    "check.query_kept.fix": (
        "A proxy or redirect drops the query, or the appid in it is wrong: check the simulation "
        "domain and what sits in front of the middleware.",
        "代理或跳转丢掉了 URL 参数，或其中的 appid 不对：请检查模拟域名以及中间件前面的代理。",
    ),
    "check.unknown_template.title": ("Unknown template refused", "不存在的模板会被拒绝"),
    "check.unknown_template.expected": (
        "a non-zero errcode (40037)",
        "非 0 的 errcode（40037）",
    ),
    "check.unknown_template.fix": (
        "Pass WeChat's answer through instead of answering 0.",
        "请原样转发微信的返回，不要一律返回 0。",
    ),
    "check.test_send.title": ("Test send delivered", "测试消息发送成功"),
    "check.test_send.expected": (
        "errcode 0 with a msgid, for a message whose fields pass WeChat's rules",
        "字段符合微信规则的消息返回 errcode 0 并带 msgid",
    ),
    "check.test_send.fix_not_listed": (
        "Pick a template from the list, or enter this one by hand on the Templates page "
        "(its id and keys) so its fields can be filled.",
        "请从列表中选择模板，或在“模板”页手动录入这个模板（ID 和字段），以便填写字段。",
    ),
    "check.test_send.fix_unknown": (
        "Check the phone before sending again: if the message arrived, the middleware answered "
        "too late or unreadably. A resend with client_msg_id {client_msg_id} is delivered at "
        "most once.",
        "重发前请先在手机上确认：如果已收到消息，说明中间件回答太慢或无法解析。沿用 client_msg_id "
        "{client_msg_id} 重发，微信最多只投递一次。",
    ),
    "check.test_send.fix_error": (
        "Check the middleware's logs for this request.",
        "查看中间件日志中的这次请求。",
    ),
    # -- what was seen -----------------------------------------------------------------------------
    "check.seen.url": ("{url}", "{url}"),
    "check.seen.plain_http": ("{url} (http://, not encrypted)", "{url}（http://，未加密）"),
    "check.seen.excerpt": ("HTTP {status}: {excerpt}", "HTTP {status}：{excerpt}"),
    "check.seen.list_ok": ("HTTP 200 in {ms} ms", "HTTP 200，用时 {ms} 毫秒"),
    "check.seen.list_missing": (
        "template_list missing (keys: {keys})",
        "没有 template_list（字段：{keys}）",
    ),
    "check.seen.list_type": (
        "template_list is a {kind} (keys: {keys})",
        "template_list 是 {kind}（字段：{keys}）",
    ),
    "check.seen.entries": ("{n:entry/entries}", "{n} 条"),
    "check.seen.entries_ok": ("{n:entry/entries} ok", "{n} 条均正常"),
    "check.seen.entries_broken": ("{entries}", "{entries}"),
    "check.seen.unreadable": ("unreadable in: {ids}", "无法解析：{ids}"),
    "check.seen.fields": (
        "{fields:field/fields} in {n:template/templates}",
        "{n} 个模板共 {fields} 个字段",
    ),
    "check.seen.http": ("HTTP {status}", "HTTP {status}"),
    "check.seen.legacy_only": (
        "HTTP {status}: {excerpt}; answers at {legacy}",
        "HTTP {status}：{excerpt}；旧路径 {legacy} 有回应",
    ),
    "check.seen.refused": ("errcode {code} “{errmsg}”", "errcode {code}“{errmsg}”"),
    "check.seen.not_asked": (
        "not asked (give a recipient and a template)",
        "未要求（填写接收人并选择模板即可测试）",
    ),
    "check.seen.not_listed": (
        "template {template_id} is not in the list",
        "模板 {template_id} 不在列表里",
    ),
    "check.seen.delivered": (
        "msgid {msgid} (template {template_id}, {fields:field/fields} filled)",
        "msgid {msgid}（模板 {template_id}，已填 {fields} 个字段）",
    ),
    # -- statuses and the report ----------------------------------------------------------
    "check.status.pass": ("pass", "通过"),
    "check.status.warn": ("warn", "警告"),
    "check.status.fail": ("FAIL", "失败"),
    "check.status.skip": ("skipped", "跳过"),
    "check.status.unknown": ("UNKNOWN", "结果未知"),
    "check.verdict.ok": ("The middleware meets the contract.", "中间件符合接口约定。"),
    "check.verdict.failed": (
        "{n:check/checks} failed: see “How to fix”.",
        "{n} 项检查未通过：请看“修复建议”。",
    ),
    "check.report.title": ("Simulation middleware check", "模拟中间件检查报告"),
    "check.report.intro": (
        "Recall Desk checked this simulation middleware against the template-message contract "
        "(WeChat's format, Udesk's full simulation). Each check lists what was expected, what "
        "was seen, how to fix it, and the exact request and answer.",
        "召回助手按模板消息接口约定（微信格式、Udesk 全模拟方案）检查了这个模拟中间件。每项检查列出"
        "预期、实际结果、修复建议，以及原样的请求和回答。",
    ),
    "check.report.profile": ("Profile", "配置"),
    "check.report.environment": ("Environment", "环境"),
    "check.report.env.production": ("production", "生产"),
    "check.report.env.test": ("test", "测试"),
    "check.report.env.demo": ("demo sandbox", "演示沙箱"),
    "check.report.domain": ("Simulation domain", "模拟域名"),
    "check.report.account": ("Official account", "公众号"),
    "check.report.send_path": ("Send path", "发送路径"),
    "check.report.when": ("When", "时间"),
    "check.report.tool": ("Tool", "工具"),
    "check.report.summary": ("Summary", "概要"),
    "check.report.checks": ("Checks", "检查项"),
    "check.report.result": ("Result", "结果"),
    "check.report.check": ("Check", "检查"),
    "check.report.expected": ("Expected", "预期"),
    "check.report.seen": ("Seen", "实际"),
    "check.report.fix": ("How to fix", "修复建议"),
    "check.report.request": ("Request", "请求"),
    "check.report.response": ("Response", "回答"),
    "check.report.no_answer": ("(no answer)", "（没有回答）"),
    "check.report.written": ("Report written to {path}", "报告已写入 {path}"),
    "check.report.secret_note": (
        "No secret is in this report; credential-like URL parameters are masked as ***.",
        "本报告不含任何密钥；URL 中类似凭据的参数已替换为 ***。",
    ),
}
